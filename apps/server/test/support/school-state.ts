import { allTables, type Database, type User } from '@certflow/db';
import { SYSTEM_ACTOR, type Engine } from '@certflow/engine';
import { people } from '@certflow/pilot/testing';

/** Every row of every table, sorted: equal before and after = nothing changed. */
export async function fingerprint(db: Database): Promise<string> {
  const parts: string[] = [];
  for (const table of allTables) {
    const rows = await db.select().from(table);
    parts.push(JSON.stringify(rows.map((r) => JSON.stringify(r)).sort()));
  }
  return parts.join('\n');
}

/** The test school: its two colleges (audited reference rows) and every person of the cast. */
export async function seedSchool(
  engine: Engine,
  directory: { upsertUser(user: User): Promise<void> },
): Promise<void> {
  for (const [id, name] of [
    ['ee', '电子工程学院'],
    ['cs', '计算机学院'],
  ] as const) {
    await engine.putReference({
      kind: 'college',
      key: id,
      value: { id, name },
      actor: SYSTEM_ACTOR,
    });
  }
  for (const p of Object.values(people)) await directory.upsertUser(toUser(p));
}

function toUser(p: (typeof people)[keyof typeof people]): User {
  return { ...p, roles: [...p.roles], college: 'college' in p ? p.college : null };
}
