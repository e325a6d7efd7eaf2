import { beforeEach, describe, expect, it } from 'vitest';
import { memoryWorld, type MemoryWorld } from '../../model/memory-world.js';
import { people } from '../../testing/people.js';
import { trainingRequest } from './fixtures.js';

describe('teacher-training through the engine (MemoryStore)', () => {
  let w: MemoryWorld;
  beforeEach(() => {
    w = memoryWorld();
  });

  it('within the standard: two approvals', async () => {
    let i = await w.engine.start('teacher-training', trainingRequest(), people.owner);
    i = await w.engine.send(i.id, { type: 'APPROVE' }, people.collegeLead);
    i = await w.engine.send(i.id, { type: 'APPROVE' }, people.academic);
    expect(i.status).toBe('completed');
  });

  it.each([
    ['days', trainingRequest({}, { days: 20, endDate: '2026-12-31' })],
    ['cost', trainingRequest({}, { cost: 1_500_000 })],
    ['flag', trainingRequest({}, { nonStandard: true })],
    ['blank justification', trainingRequest({ justification: '  ' }, { nonStandard: true })],
  ])(
    'beyond the standard (%s) without a justification: JUSTIFICATION_REQUIRED, nothing written',
    async (_n, input) => {
      const before = await w.dump();
      await expect(w.engine.start('teacher-training', input, people.owner)).rejects.toMatchObject({
        code: 'JUSTIFICATION_REQUIRED',
      });
      expect(await w.dump()).toBe(before);
    },
  );

  it('beyond the standard with a justification: the leadership group approves too', async () => {
    let i = await w.engine.start(
      'teacher-training',
      trainingRequest({ justification: '评价组织首批考评员认证，仅此一期' }, { cost: 1_500_000 }),
      people.owner,
    );
    i = await w.engine.send(i.id, { type: 'APPROVE' }, people.collegeLead);
    i = await w.engine.send(i.id, { type: 'APPROVE' }, people.academic);
    expect(i.tasks[0]).toMatchObject({ role: 'leadership' });
    await expect(w.engine.send(i.id, { type: 'APPROVE' }, people.academic2)).rejects.toMatchObject({
      code: 'NOT_AUTHORIZED',
    });
    i = await w.engine.send(i.id, { type: 'APPROVE' }, people.leader);
    expect(i.status).toBe('completed');
  });

  it('a resubmission beyond the standard without a justification is refused, nothing changes', async () => {
    let i = await w.engine.start('teacher-training', trainingRequest(), people.owner);
    i = await w.engine.send(i.id, { type: 'RETURN', comment: '请补充理由' }, people.collegeLead);
    const before = await w.dump();
    await expect(
      w.engine.send(
        i.id,
        {
          type: 'RESUBMIT',
          data: { input: trainingRequest({}, { days: 30, endDate: '2027-01-20' }) },
        },
        people.owner,
      ),
    ).rejects.toMatchObject({ code: 'JUSTIFICATION_REQUIRED' });
    await expect(
      w.engine.send(
        i.id,
        { type: 'RESUBMIT', data: { input: trainingRequest({}, { endDate: '2026-01-01' }) } },
        people.owner,
      ),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(await w.dump()).toBe(before);
    i = await w.engine.send(i.id, { type: 'WITHDRAW' }, people.owner);
    expect(i.status).toBe('withdrawn');
  });
});
