import { describe, expect, it } from 'vitest';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { CommandWrite } from '@certflow/engine';
import {
  historyRecord,
  idempotencyRecord,
  instanceRecord,
  later,
  taskRecord,
  timerRecord,
  writeOf,
} from '@certflow/engine/testing';
import { writeStatementFor } from './write-commands.js';

// The write statement holds only the parts its batch uses; the statements' behaviour is proven
// against PostgreSQL (group-commit.int.test.ts, command-plan.int.test.ts, the store contract).

const textOf = (writes: readonly CommandWrite[]) =>
  new PgDialect().sqlToQuery(writeStatementFor(writes)).sql;
const partsOf = (text: string) =>
  [...text.matchAll(/(?:with|,) (\w+) as (?:materialized )?\(/g)].map((m) => m[1]);

/** What a send writes: its instance and history, the task it closes and the one it opens. */
const send = (n: number): CommandWrite =>
  writeOf({
    instance: { row: instanceRecord({ id: `i-${n}`, version: 2 }), expectedVersion: 1 },
    history: historyRecord(2, { instanceId: `i-${n}` }),
    closeTasks: [{ id: `t-${n}`, status: 'done', by: 'u', at: later(1) }],
    newTasks: [taskRecord(`t-${n}-2`, { instanceId: `i-${n}` })],
    cancelTimers: [`m-${n}`],
    newTimers: [timerRecord(`m-${n}-2`, { instanceId: `i-${n}` })],
  });

describe('the write statement of a batch', () => {
  it('has the parts a send uses, and none of the others', () => {
    expect(partsOf(textOf([send(1)]))).toEqual([
      'w',
      'inst_lock',
      'ok',
      'go',
      'listed',
      'inst_upd',
      'hist',
      'closing',
      'closed',
      'opened',
      'fed',
      'cancelling',
      'cancelled',
      'scheduled',
      'copies_kept',
      'done_new',
      'done_kept',
    ]);
  });

  it('inserts a started instance and checks no version for it', () => {
    const start = writeOf({
      instance: { row: instanceRecord({ id: 'i-9' }), expectedVersion: null },
      history: historyRecord(1, { instanceId: 'i-9' }),
    });
    const parts = partsOf(textOf([start]));
    expect(parts).toContain('inst_ins');
    expect(parts).not.toContain('inst_lock');
    expect(parts).not.toContain('inst_upd');
  });

  it('takes the union of its writes’ parts, and checks a key only where one is written', () => {
    const keyed = writeOf({
      ...send(2),
      idempotency: idempotencyRecord('k-2'),
      claimTimer: { id: 'm-2', at: later(3) },
    });
    const one = textOf([send(1)]);
    const both = textOf([send(1), keyed]);
    expect(partsOf(both)).toEqual(expect.arrayContaining(['claim_lock', 'claimed', 'idem']));
    expect(one).not.toMatch(/idempotency_keys/);
    expect(both).toMatch(/w\.idem is null or not exists \(select 1 from idempotency_keys/);
    expect(both).toMatch(/w\.claim_id is null or w\.n in \(select n from claim_lock\)/);
  });

  it('is the same text for the same combination (one prepared statement each)', () => {
    expect(textOf([send(1)])).toBe(textOf([send(7), send(8)]));
  });
});
