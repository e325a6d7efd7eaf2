/** Who sends a command. Roles are plain ids; the flow pack (e.g. `@certflow/pilot`) defines them. */
export interface Actor {
  readonly id: string;
  readonly name?: string;
  readonly email?: string;
  readonly roles: readonly string[];
  /** The college (二级学院) of a college-scoped person. */
  readonly college?: string;
  /** The evaluation organization (培训评价组织) of an `evaluation_org` person. */
  readonly organization?: string;
  /** `system` is the timer/relay actor: it may only send what a timer or effect declares. */
  readonly kind?: 'person' | 'system';
}

export const SYSTEM_ACTOR: Actor = { id: 'system', name: '系统', roles: [], kind: 'system' };

export function isSystem(actor: Actor): boolean {
  return actor.kind === 'system';
}
