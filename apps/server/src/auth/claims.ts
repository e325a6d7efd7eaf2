import { ROLE_IDS, ROLES, type RoleId } from '@certflow/pilot';
import { z } from 'zod';

const roleId = z.enum(ROLE_IDS as [RoleId, ...RoleId[]]);

/** `system` and `system:*` are the engine's own actors (timers, relays): never a token's subject. */
export function isReservedIdentity(id: string): boolean {
  return id === 'system' || id.startsWith('system:');
}

/** A person's id: what the directory and the audit trail key people by. */
export const personId = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._@:-]{0,99}$/u)
  .refine((id) => !isReservedIdentity(id), { message: 'a reserved identity' });

/**
 * The claims certflow reads from a token in `token` identity mode (the roles of docs/deployment.md § Sign-in and identity): `sub` user
 * id, `name`, `email`, `roles`, and `college` — required when a role is college-scoped
 * (`college_lead`, `project_owner`).
 */
export const claimsSchema = z
  .object({
    sub: personId,
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

/**
 * In `directory` identity mode a token only says who the caller is: roles and college come from
 * the people directory, so the API and mail links give a person the same rights.
 */
export const subjectClaimsSchema = z.object({
  sub: personId,
  name: z.string().min(1).max(200).optional(),
  email: z.email().max(320).optional(),
});

export type SubjectClaims = z.infer<typeof subjectClaimsSchema>;
