import { randomUUID } from 'node:crypto';
import { createEngine, ManualClock } from '@certflow/engine';
import { MemoryStore } from '@certflow/engine/testing';
import { describe, expect, it } from 'vitest';
import { QUOTA_REF, quotaKey } from '../../common.js';
import { pilotFlows } from '../index.js';
import { projectApplication } from '../../testing/fixtures.js';
import { people } from '../../testing/people.js';
import { weekdayCalendar } from '../../testing/weekday-calendar.js';
import { tallyBackfill } from './tally-backfill.js';
import { pilotProjectFlow as v1 } from './v1/flow.js';

describe('tallyBackfill: the v1 applications, counted once v2 is deployed', () => {
  it('pending and approved v1 applications by year and college; the rest are left out', async () => {
    const store = new MemoryStore();
    store.setReference(QUOTA_REF, quotaKey(2027, 'ee'), { scale: 100, budget: 10_000_000 });
    const before = createEngine({
      store,
      flows: [v1],
      clock: new ManualClock('2026-11-02T09:00:00+08:00'),
      ids: randomUUID,
      calendar: weekdayCalendar,
    });
    const cert = (code: string) =>
      projectApplication({ certificate: { code, name: code, level: 'intermediate' } });
    const pending = await before.start('pilot-project', cert('A'), people.owner);
    let approved = await before.start('pilot-project', cert('B'), people.owner);
    approved = await before.send(approved.id, { type: 'APPROVE' }, people.collegeLead);
    await before.send(approved.id, { type: 'APPROVE' }, people.academic);
    const rejected = await before.start('pilot-project', cert('C'), people.owner);
    await before.send(rejected.id, { type: 'REJECT', comment: '否' }, people.collegeLead);
    const engine = createEngine({
      store,
      flows: pilotFlows,
      clock: new ManualClock('2026-11-02T09:00:00+08:00'),
      ids: randomUUID,
      calendar: weekdayCalendar,
    });
    await engine.start('pilot-project', cert('D'), people.owner);
    const { items } = await store.read.listInstances({ limit: 100, offset: 0 });
    expect(tallyBackfill(items)).toEqual([
      {
        kind: 'project-tally',
        key: '2027/ee',
        value: {
          year: 2027,
          collegeId: 'ee',
          entries: {
            [pending.id]: expect.objectContaining({ certificateCode: 'A', scale: 40 }),
            [approved.id]: expect.objectContaining({ certificateCode: 'B', budget: 750_000 }),
          },
        },
      },
    ]);
  });
});
