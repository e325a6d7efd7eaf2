import type { Directory } from '@certflow/db';
import { SYSTEM_ACTOR, type Engine, type JsonObject } from '@certflow/engine';
import { QUOTA_REF, quotaKey } from '@certflow/pilot';
import { DEMO_COLLEGES, DEMO_QUOTA, DEMO_USERS } from './demo-school.js';

const MARKER = { kind: 'system', key: 'demo-seed' } as const;
const DEMO_YEARS = (year: number): number[] => [year - 1, year, year + 1, year + 2];

/**
 * Seeds the demo school once (a marker row in reference data says it was done): the users into
 * the directory, the colleges, and quotas from last year to the year after next (the annual plan
 * is for next year). Returns whether it seeded.
 */
export async function seedDemoSchool(
  engine: Engine,
  directory: Directory,
  now: Date,
): Promise<boolean> {
  if (await engine.reference(MARKER.kind, MARKER.key)) return false;
  for (const user of Object.values(DEMO_USERS)) {
    await directory.upsertUser({ ...user, roles: [...user.roles] });
  }
  const year = Number(
    new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(now),
  );
  const put = (kind: string, key: string, value: JsonObject) =>
    engine.putReference({ kind, key, value, actor: SYSTEM_ACTOR });
  for (const college of DEMO_COLLEGES) {
    await put('college', college.id, { id: college.id, name: college.name });
    for (const y of DEMO_YEARS(year)) {
      await put(QUOTA_REF, quotaKey(y, college.id), { ...DEMO_QUOTA[college.id] });
    }
  }
  // The marker last: a seed interrupted half way is done again whole (each write is an upsert).
  await put(MARKER.kind, MARKER.key, { at: now.toISOString(), years: DEMO_YEARS(year) });
  return true;
}
