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

/** The people directory port (implemented by `@certflow/db`). */
export interface Directory {
  getUser(id: string): Promise<Person | undefined>;
  usersFor(role: string, college: string | null): Promise<Person[]>;
}
