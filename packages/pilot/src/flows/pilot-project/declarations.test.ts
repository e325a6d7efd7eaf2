import type { InstanceRecord, JsonObject } from '@certflow/engine';
import { describe, expect, it } from 'vitest';
import { initialTransition } from 'xstate';
import { projectApplication } from '../../testing/fixtures.js';
import { pilotProjectFlowV2 } from './flow.js';
import { positionIn } from './quota-position.js';
import { tallyBackfill } from './tally-backfill.js';
import { pilotProjectFlow } from './v1/flow.js';
import { pilotProjectMachine } from './v1/machine.js';

const batchOf = (flow: typeof pilotProjectFlowV2 | typeof pilotProjectFlow, state: string) =>
  flow.states[state]?.tasks?.map((t) => [t.step, t.batch ?? false]);

describe('pilot-project: what the flow declares beyond its machine', () => {
  it('批量审批 is for the 领导小组 step of version 2 only (the server batches what a step declares)', () => {
    expect(pilotProjectFlowV2.title).toEqual({
      zh: '年度试点项目申报',
      en: 'Annual pilot project application',
    });
    expect(pilotProjectFlow.title).toEqual(pilotProjectFlowV2.title);
    expect(batchOf(pilotProjectFlowV2, 'leadershipReview')).toEqual([['leadership', true]]);
    expect(batchOf(pilotProjectFlowV2, 'academicReview')).toEqual([['academic', false]]);
    expect(batchOf(pilotProjectFlowV2, 'collegeReview')).toEqual([['college', false]]);
    expect(batchOf(pilotProjectFlow, 'leadershipReview')).toEqual([['leadership', false]]);
  });

  it('positionIn: only an object with `over` is a position', () => {
    const p = { over: false, reasons: [] } as unknown as JsonObject;
    expect(positionIn({ quota: p })).toBe(p);
    expect(positionIn(undefined)).toBeUndefined();
    expect(positionIn({})).toBeUndefined();
    expect(positionIn({ quota: null })).toBeUndefined();
    expect(positionIn({ quota: 3 })).toBeUndefined();
    expect(positionIn({ quota: [] })).toBeUndefined();
    expect(positionIn({ quota: { reasons: [] } })).toBeUndefined();
  });
});

describe('tallyBackfill: which instances it counts, on records as the store keeps them', () => {
  const record = (id: string, overrides: Partial<InstanceRecord>, application?: unknown) =>
    ({
      id,
      flowId: 'pilot-project',
      flowVersion: 1,
      status: 'active',
      snapshot: application === undefined ? {} : { context: { application } },
      ...overrides,
    }) as unknown as InstanceRecord;
  const ee = projectApplication();
  const cs = projectApplication({ collegeId: 'cs' });

  it('version-1 pending or approved applications, one row per year and college', () => {
    const rows = tallyBackfill([
      record('a', {}, ee),
      record('b', { status: 'completed' }, cs),
      record('v2', { flowVersion: 2 }, ee),
      record('other', { flowId: 'assessment' }, ee),
      record('rejected', { status: 'rejected' }, ee),
      record('no-context', {}),
      record('invalid', {}, { year: 'x' }),
    ]);
    expect(rows.map((r) => [r.key, Object.keys((r.value as { entries: object }).entries)])).toEqual(
      [
        ['2027/ee', ['a']],
        ['2027/cs', ['b']],
      ],
    );
  });
});

describe('pilot-project v1 machine: a check without reasons', () => {
  it('refs without a reasons list give none', () => {
    const [s] = initialTransition(pilotProjectMachine, {
      input: projectApplication(),
      refs: { needsLeadership: true, reasons: 'scale' },
      instanceId: 'p1',
      submitterId: 'u-owner',
    });
    expect(s.context.leadership).toEqual({ needsLeadership: true, reasons: [] });
  });
});
