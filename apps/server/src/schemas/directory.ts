import { ROLE_IDS, ROLES, type RoleId } from '@certflow/pilot';
import { z } from '@hono/zod-openapi';
import { isReservedIdentity } from '../auth/claims.js';
import { ISSUE } from './messages.js';

const slug = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, ISSUE.collegeId.en);
const orgSlug = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, ISSUE.organizationId.en);

export const namedEntrySchema = z
  .object({
    id: slug,
    name: z.string().trim().min(1).max(100).openapi({ example: '电子工程学院' }),
  })
  .strict();

export const organizationEntrySchema = z
  .object({
    id: orgSlug,
    name: z.string().trim().min(1).max(100).openapi({ example: '工信部教育与考试中心' }),
  })
  .strict();

/** One person of the campus directory export (工号, 姓名, 邮箱, 角色, 二级学院, 评价组织, 状态). */
export const directoryUserSchema = z
  .object({
    id: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._@-]{0,99}$/, ISSUE.personId.en)
      .refine((id) => !isReservedIdentity(id), ISSUE.reserved.en)
      .openapi({ example: '20190123' }),
    name: z.string().trim().min(1).max(100).openapi({ example: '李院长' }),
    email: z.email().max(320).openapi({ example: 'lead@example.edu.cn' }),
    roles: z
      .array(z.enum(ROLE_IDS as [RoleId, ...RoleId[]]))
      .max(ROLE_IDS.length)
      .openapi({ example: ['college_lead'] }),
    college: slug.nullable().optional().openapi({ example: 'ee' }),
    organization: orgSlug.nullable().optional(),
    status: z
      .enum(['active', 'deactivated'])
      .default('active')
      .openapi({ description: 'deactivated = 离职/调出' }),
  })
  .strict()
  .refine(
    (u) => (u.college ?? null) !== null || u.roles.every((r) => ROLES[r].scope !== 'college'),
    {
      message: ISSUE.collegeId.en,
      path: ['college'],
    },
  )
  .openapi('DirectoryUser');

export const directoryImportSchema = z
  .object({
    colleges: z.array(namedEntrySchema).max(1000).default([]),
    organizations: z.array(organizationEntrySchema).max(1000).default([]),
    users: z.array(directoryUserSchema).max(20_000),
    sync: z
      .boolean()
      .default(false)
      .openapi({ description: 'the export lists everyone: whoever is missing is deactivated' }),
    dryRun: z
      .boolean()
      .default(false)
      .openapi({ description: 'report what would change, change nothing' }),
  })
  .strict()
  .openapi('DirectoryImport');

export type DirectoryUserInput = z.output<typeof directoryUserSchema>;
export type DirectoryImportInput = z.output<typeof directoryImportSchema>;

const reassignTask = z.object({
  instanceId: z.string(),
  taskId: z.string(),
  flow: z.string(),
  title: z.string(),
  step: z.string(),
  role: z.string(),
  college: z.string().nullable(),
  /** Named after 转办/加签, or the leaver's own submission: only a reassignment moves it. */
  assigned: z.boolean(),
  dueAt: z.string().nullable(),
  /** Who else can take it (same role and scope); none = it waits for a reassignment. */
  otherHolders: z.array(z.string()),
});

const leaver = z.object({
  id: z.string(),
  name: z.string(),
  formerRoles: z.array(z.string()),
  openTasks: z.array(reassignTask),
});

export const directoryReportSchema = z
  .object({
    dryRun: z.boolean(),
    colleges: z.object({
      created: z.array(z.string()),
      updated: z.array(z.string()),
      unchanged: z.number().int(),
    }),
    organizations: z.object({
      created: z.array(z.string()),
      updated: z.array(z.string()),
      unchanged: z.number().int(),
    }),
    users: z.object({
      created: z.array(z.string()),
      updated: z.array(z.string()),
      reactivated: z.array(z.string()),
      unchanged: z.number().int(),
    }),
    deactivated: z
      .array(leaver)
      .openapi({ description: 'leavers, with the open tasks to reassign' }),
  })
  .openapi('DirectoryImportReport');

export type DirectoryReport = z.output<typeof directoryReportSchema>;
export type LeaverReport = z.output<typeof leaver>;
export type ReassignTask = z.output<typeof reassignTask>;

export const directoryPersonSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    roles: z.array(z.string()),
    college: z.string().nullable(),
    status: z.enum(['active', 'deactivated']),
  })
  .openapi('DirectoryPerson');
