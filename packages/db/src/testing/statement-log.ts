import type { Sql } from 'postgres';

export interface LoggedStatement {
  readonly query: string;
  readonly parameters: unknown[];
}

/** What a statement is, for counting: the store's load, its write, a directory read, or else. */
export type StatementKind = 'load' | 'write' | 'directory' | 'other';

export function kindOf(query: string): StatementKind {
  if (/^\s*with w as \(/.test(query)) return 'write';
  if (query.includes('as r(n int')) return 'load';
  if (query.includes('"users"')) return 'directory';
  return 'other';
}

/**
 * Every statement a postgres.js client sends while the log is on (its `debug` hook): statement
 * counts, not timings, are what a command costs on a real server — and the captured text and
 * parameters can be `EXPLAIN`ed.
 */
export class StatementLog {
  readonly statements: LoggedStatement[] = [];

  constructor(private readonly sql: Sql) {}

  start(): this {
    this.statements.length = 0;
    (this.sql.options as { debug: unknown }).debug = (
      _connection: number,
      query: string,
      parameters: unknown[],
    ) => {
      this.statements.push({ query, parameters });
    };
    return this;
  }

  stop(): this {
    (this.sql.options as { debug: unknown }).debug = undefined;
    return this;
  }

  /** The kinds of the store's statements logged (without `other`: the test's own queries). */
  kinds(): StatementKind[] {
    return this.statements.map((s) => kindOf(s.query)).filter((k) => k !== 'other');
  }

  /** Runs `fn` with the log on; answers the kinds of the statements it sent. */
  async during(fn: () => Promise<unknown>): Promise<StatementKind[]> {
    this.start();
    try {
      await fn();
    } finally {
      this.stop();
    }
    return this.kinds();
  }
}
