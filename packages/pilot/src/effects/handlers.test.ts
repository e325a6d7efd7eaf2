import { beforeEach, describe, expect, it } from 'vitest';
import { assessmentStart, projectRecord } from '../testing/assessment-fixtures.js';
import { memoryPilotWorld, type MemoryPilotWorld } from '../testing/effects-world.js';
import { people } from '../testing/people.js';
import { EFFECT_KINDS } from './catalog.js';
import { pilotEffectHandlers } from './handlers.js';

let w: MemoryPilotWorld;
beforeEach(() => {
  w = memoryPilotWorld();
  w.store.setReference('project', 'proj-1', projectRecord());
});
const origin = { instanceId: 'src-1', flowId: 'assessment', subjectId: 'proj-1' };
const ctx = (outboxId: string) => ({ engine: w.engine, outboxId, instances: w.store.read });
const openPayload = {
  ...origin,
  kind: EFFECT_KINDS.openWithdrawal,
  withdrawal: { projectId: 'proj-1', collegeId: 'ee', trigger: 'student-fee', reason: '收费' },
};
const count = async (flowId: string) =>
  (await w.store.read.listInstances({ flowId, limit: 100, offset: 0 })).total;

describe('pilot effect handlers', () => {
  it('opening a withdrawal twice from the same outbox row starts one case', async () => {
    const open = pilotEffectHandlers[EFFECT_KINDS.openWithdrawal]!;
    await open(openPayload, ctx('ob-1'));
    await open(openPayload, ctx('ob-1'));
    expect(await count('withdrawal')).toBe(1);
  });

  it('another trigger while the case is open adds its evidence to that case (第七条1)', async () => {
    const open = pilotEffectHandlers[EFFECT_KINDS.openWithdrawal]!;
    await open(openPayload, ctx('ob-1'));
    await open(
      { ...openPayload, withdrawal: { ...openPayload.withdrawal, reason: '再次收费' } },
      ctx('ob-2'),
    );
    await open(
      { ...openPayload, withdrawal: { ...openPayload.withdrawal, reason: '再次收费' } },
      ctx('ob-2'),
    );
    const { items } = await w.store.read.listInstances({
      flowId: 'withdrawal',
      limit: 10,
      offset: 0,
    });
    expect(items.map((i) => i.state).sort()).toEqual(['joined', 'notice']);
    const caseId = items.find((i) => i.state === 'notice')!.id;
    expect(items.find((i) => i.state === 'joined')).toMatchObject({ status: 'completed' });
    expect(await w.reference('withdrawal-case', 'proj-1')).toMatchObject({
      open: caseId,
      evidence: [
        { id: caseId, reason: '收费' },
        { reason: '再次收费', by: 'system' },
      ],
    });
  });

  it('a project already cancelled needs no new case', async () => {
    w.store.setReference('project', 'proj-1', projectRecord({ status: 'cancelled' }));
    await pilotEffectHandlers[EFFECT_KINDS.openWithdrawal]!(openPayload, ctx('ob-1'));
    expect(await count('withdrawal')).toBe(0);
  });

  it('ending instances cancels the project’s active ones only, and again is a no-op', async () => {
    w.store.setReference('project', 'proj-2', projectRecord({ id: 'proj-2' }));
    const a = await w.engine.start('assessment', assessmentStart(), people.owner);
    const b = await w.engine.start(
      'assessment',
      assessmentStart({ batch: '2027-2' }),
      people.owner,
    );
    const other = await w.engine.start(
      'assessment',
      assessmentStart({ projectId: 'proj-2' }),
      people.owner,
    );
    const done = await w.engine.send(
      b.id,
      { type: 'REJECT', comment: '站点条件不符' },
      people.evaluator,
    );
    const end = pilotEffectHandlers[EFFECT_KINDS.endProjectInstances]!;
    const payload = {
      ...origin,
      kind: EFFECT_KINDS.endProjectInstances,
      projectId: 'proj-1',
      reason: '项目撤销',
    };
    await end(payload, ctx('ob-3'));
    const historyLength = (await w.engine.history(a.id)).length;
    await end(payload, ctx('ob-3'));
    expect((await w.engine.history(a.id)).length).toBe(historyLength);
    expect((await w.engine.get(a.id)).status).toBe('cancelled');
    expect((await w.engine.get(done.id)).status).toBe('rejected');
    expect((await w.engine.get(other.id)).status).toBe('active');
  });

  it('a malformed payload is a permanent failure recorded on the row', async () => {
    await expect(
      pilotEffectHandlers[EFFECT_KINDS.openWithdrawal]!({ ...origin, kind: 'x' }, ctx('ob-4')),
    ).rejects.toMatchObject({ code: 'EFFECT_PAYLOAD_INVALID', retryable: false });
  });

  it('runEffectsOnce leaves notifications and unknown kinds alone', async () => {
    const a = await w.engine.start('assessment', assessmentStart(), people.owner);
    await w.engine.send(
      a.id,
      { type: 'RECORD_STUDENT_FEE', data: { studentNo: 's1', amount: 100, description: '资料费' } },
      people.academic,
    );
    const run = await w.drain();
    expect(run).toMatchObject({ failed: [], unhandled: [] });
    expect(run.delivered).toHaveLength(1);
    const rows = w.store.outbox().filter((r) => r.kind === EFFECT_KINDS.openWithdrawal);
    expect(rows.map((r) => r.status)).toEqual(['delivered']);
  });
});

describe('every effect kind a flow emits has a handler', () => {
  it('so no outbox row of the pilot fails for want of one', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const { fileURLToPath } = await import('node:url');
    // Every flow folder (src/flows/<id>/, with its earlier versions in subfolders).
    const root = fileURLToPath(new URL('../flows', import.meta.url));
    const kinds = new Set<string>();
    for (const file of readdirSync(root, { recursive: true, encoding: 'utf8' })) {
      if (!file.endsWith('.ts') || file.endsWith('.test.ts')) continue;
      for (const m of readFileSync(`${root}/${file}`, 'utf8').matchAll(
        /kind: '(pilot\.[a-z.-]+)'/g,
      )) {
        kinds.add(m[1]!);
      }
    }
    expect(kinds.size).toBeGreaterThan(3);
    for (const kind of kinds) expect(Object.keys(pilotEffectHandlers)).toContain(kind);
  });
});
