import { ROLE_IDS, ROLES, type RoleId } from '@certflow/pilot';
import { z } from 'zod';

const roleId = z.enum(ROLE_IDS as [RoleId, ...RoleId[]]);

/**
 * The claims certflow reads from a token (DESIGN §4 roles): `sub` user id, `name`, `email`,
 * `roles`, and `college` — required when a role is college-scoped (`college_lead`,
 * `project_owner`).
 */
export const claimsSchema = z
  .object({
    sub: z.string().min(1).max(100),
    name: z.string().min(1).max(200),
    email: z.email().max(320),
    roles: z.array(roleId).min(1).max(ROLE_IDS.length),
    college: z.string().min(1).max(64).optional(),
  })
  .refine((c) => c.college !== undefined || c.roles.every((r) => ROLES[r].scope !== 'college'), {
    message: 'a college-scoped role needs the college claim',
    path: ['college'],
  });

export type Claims = z.infer<typeof claimsSchema>;
