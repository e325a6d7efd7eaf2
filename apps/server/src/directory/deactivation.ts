import type { Person } from '@certflow/engine';

/**
 * A leaver (离职/调出) stays in the directory — the audit trail names them — but holds no role:
 * their roles are replaced by this marker, so no task, inbox, notification or token reaches them
 * (`usersFor(role)` never matches it; `resolveActor` refuses it). The import report keeps the
 * roles they had. (A `users.deactivated_at` column would say the same; see docs/deployment.md.)
 */
export const DEACTIVATED_ROLE = 'deactivated';

export function isDeactivated(person: Pick<Person, 'roles'>): boolean {
  return person.roles.includes(DEACTIVATED_ROLE);
}
