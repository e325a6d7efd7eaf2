/** A person the engine can name: for 转办/加签/抄送 targets and notification recipients. */
export interface Person {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly roles: readonly string[];
  readonly college: string | null;
  /** The evaluation organization (培训评价组织) an external partner works for. */
  readonly organization?: string | null;
}

/** The people directory port (implemented by `@certflow/db`; cached there per revision). */
export interface Directory {
  getUser(id: string): Promise<Person | undefined>;
  /** Every holder of `role`; with a college, only that college's. */
  usersFor(role: string, college: string | null): Promise<Person[]>;
  /**
   * 代理人: the people `substituteId` stands in for at `at` (their substitution's date range
   * covers it). A directory without substitutions answers nobody.
   */
  principalsOf?(substituteId: string, at: Date): Promise<Person[]>;
  /** 代理人: who stands in for each of `ids` at `at` (those with nobody are left out). */
  substitutesOf?(ids: readonly string[], at: Date): Promise<ReadonlyMap<string, Person>>;
}

/**
 * The people one decision may name or notify, resolved before it decides (the engine asks the
 * directory for the holders of every role its flow's tasks name, and for the people the command
 * names) and answered synchronously. Asking for someone not resolved is a programming error.
 */
export interface People {
  get(id: string): Person | undefined;
  holders(role: string, college: string | null): readonly Person[];
  /** The people the actor stands in for now (代理人), resolved for the actor of the command. */
  principalsOf(id: string): readonly Person[];
  /** Who stands in for a resolved person now, if anyone (their notifications go there). */
  substituteOf(id: string): Person | undefined;
}

/** What to resolve for a decision. */
export interface PeopleRequest {
  readonly ids: readonly string[];
  readonly roles: readonly { readonly role: string; readonly college: string | null }[];
  /** The actor, whose principals (代理人) are resolved too. */
  readonly actorId?: string;
  /** When substitutions are looked at. */
  readonly at: Date;
}

/** Resolve a request against the directory (no directory: nobody is known). */
export async function resolvePeople(
  directory: Directory | undefined,
  request: PeopleRequest,
): Promise<People> {
  const byId = new Map<string, Person | undefined>();
  const byRole = new Map<string, readonly Person[]>();
  let substitutes: ReadonlyMap<string, Person> = new Map();
  const roleKey = (role: string, college: string | null): string => `${role}\u0000${college ?? ''}`;
  let principals: readonly Person[] = [];
  await Promise.all([
    ...[...new Set(request.ids)].map(async (id) => {
      byId.set(id, directory ? await directory.getUser(id) : undefined);
    }),
    ...request.roles.map(async ({ role, college }) => {
      byRole.set(roleKey(role, college), directory ? await directory.usersFor(role, college) : []);
    }),
    (async () => {
      if (request.actorId && directory?.principalsOf) {
        principals = await directory.principalsOf(request.actorId, request.at);
      }
    })(),
  ]);
  // Everyone resolved, by id: holders of a role are people a decision may name too (会签).
  const known = new Map<string, Person>();
  for (const list of byRole.values()) for (const p of list) known.set(p.id, p);
  for (const p of principals) known.set(p.id, p);
  for (const [id, p] of byId) if (p) known.set(id, p);
  // Substitutes of everyone the decision may notify: their mail goes to whoever stands in.
  if (directory?.substitutesOf && known.size > 0) {
    substitutes = await directory.substitutesOf([...known.keys()], request.at);
  }
  return {
    principalsOf(id) {
      return id === request.actorId ? principals : [];
    },
    substituteOf(id) {
      return substitutes.get(id);
    },
    get(id) {
      if (known.has(id)) return known.get(id);
      if (!byId.has(id)) throw new TypeError(`person ${id} was not resolved before deciding`);
      return undefined;
    },
    holders(role, college) {
      const found = byRole.get(roleKey(role, college));
      if (!found) {
        throw new TypeError(
          `holders of ${role}/${college ?? '-'} were not resolved before deciding`,
        );
      }
      return found;
    },
  };
}
