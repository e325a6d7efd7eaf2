import { sql } from 'drizzle-orm';
import type { CommandWrite } from '@certflow/engine';
import type { Database } from '../database.js';
import { rowsOf } from './sql-values.js';
import { CHANGES } from './write-changes.js';
import { CHECKS } from './write-checks.js';
import { USES, usesOf, writeParam, type Part, type Uses, type WriteParam } from './write-param.js';

/**
 * The parts of the statement after `w` (the batch's rows), each with when it runs. A part whose
 * rows no write of the batch has would find nothing to do, but PostgreSQL still sets up and runs
 * every part of a statement: a send uses about half of them, so the statement a batch runs is
 * made of only the parts it uses (one text per combination, remembered; each is a prepared
 * statement of its own).
 */
const PARTS: readonly Part[] = [...CHECKS, ...CHANGES];

/** The statement's text after `w` for a combination of uses, made once per combination. */
const partsText = new Map<string, string>();
function restOf(u: Uses): string {
  const key = USES.map((k) => (u[k] ? '1' : '0')).join('');
  let text = partsText.get(key);
  if (text === undefined) {
    text =
      PARTS.filter((p) => p.when(u))
        .map((p) => `, ${p.name} as ${p.materialized ? 'materialized ' : ''}(${p.body(u)}\n  )`)
        .join('') + `\n  select n from ok order by n`;
    partsText.set(key, text);
  }
  return text;
}

/**
 * A batch of decided commands as ONE statement — one transaction, one commit for all of them
 * (group commit) — in which each write is still checked on its own:
 *
 * 1. lock what each write's checks are about, where the check still holds (each a primary-key
 *    lookup per write, `lateral`, whatever the planner guesses of the jsonb rows): the timer it claims
 *    (still pending), the action token it uses (unused, unexpired), the reference rows it writes
 *    (at the version it read), its instance (at the version it read);
 * 2. `ok`: the writes whose every check holds (and whose idempotency key and new reference rows
 *    are still free);
 * 3. write everything of the `ok` writes, nothing of the others — including the lists' copies of
 *    the instance's filter fields (`listed`; docs/lists.md), the instance's own `late_at` and the
 *    change feed's rows (`fed`).
 *
 * The lock waits for a concurrent writer of the same row and then re-checks the condition on the
 * row it committed, so a lost race leaves that write out and the others in. Two writes of one
 * batch never touch the same instance, reference row, timer, token or key (the batcher keeps
 * them apart). Every row list travels in one jsonb parameter; the text has only the parts the
 * batch uses (`PARTS`).
 */
function writeStatement(params: readonly WriteParam[]) {
  return sql`
  with w as (
    select * from jsonb_to_recordset(${JSON.stringify(params)}::text::jsonb) as w(
      n int, inst jsonb, expected int, hist jsonb, close jsonb, upd jsonb, new_tasks jsonb,
      cancel jsonb, new_timers jsonb, move_tasks jsonb, move_timers jsonb, outbox jsonb,
      copies jsonb, refs jsonb, claim_id text, claim_at timestamptz, idem jsonb, token_hash text,
      token_at timestamptz, audit jsonb)
  )${sql.raw(restOf(usesOf(params)))}`;
}

/** For probes: the statement of a batch. */
export const writeStatementFor = (writes: readonly CommandWrite[]) =>
  writeStatement(writes.map(writeParam));

/** Write a batch in one statement; answers, in order, which writes were applied. */
export async function writeCommands(
  db: Database,
  writes: readonly CommandWrite[],
): Promise<boolean[]> {
  const statement = writeStatement(writes.map(writeParam));
  const applied = new Set(rowsOf(await db.execute(statement)).map((r) => Number(r.n)));
  return writes.map((_, n) => applied.has(n));
}

/**
 * What two writes of one batch must not share (the statement checks each against the rows as
 * they were before the statement, so two writes of the same row would both pass).
 */
export function conflictKeys(w: CommandWrite): string[] {
  return [
    ...(w.instance ? [`i:${w.instance.row.id}`] : []),
    ...(w.history ? [`i:${w.history.instanceId}`] : []),
    ...w.references.map((r) => `r:${r.kind}\u0000${r.key}`),
    ...(w.claimTimer ? [`t:${w.claimTimer.id}`] : []),
    ...w.cancelTimers.map((id) => `t:${id}`),
    ...w.moveTimers.map((m) => `t:${m.id}`),
    ...(w.useToken ? [`k:${w.useToken.tokenHash}`] : []),
    ...(w.idempotency ? [`y:${w.idempotency.scope}\u0000${w.idempotency.key}`] : []),
    ...(w.audit ? ['audit'] : []),
  ];
}
