import { beforeEach, describe, expect, it } from 'vitest';
import { memoryWorld, type MemoryWorld } from '../../model/memory-world.js';
import { people } from '../../testing/people.js';
import { trainingBaseDesign } from './fixtures.js';

describe('training-base through the engine (MemoryStore)', () => {
  let w: MemoryWorld;
  beforeEach(() => {
    w = memoryWorld();
  });
  const design = () => w.engine.start('training-base', trainingBaseDesign(), people.collegeLead);

  it('college design → academic affairs → leadership → established as reference data', async () => {
    let i = await design();
    expect(i.tasks[0]).toMatchObject({ role: 'academic_affairs', step: 'academic' });
    i = await w.engine.send(i.id, { type: 'APPROVE' }, people.academic);
    expect(i.tasks[0]).toMatchObject({ role: 'leadership', step: 'school' });
    i = await w.engine.send(i.id, { type: 'APPROVE', comment: '同意立项' }, people.leader);
    expect(i).toMatchObject({ state: 'established', status: 'completed' });
    expect(await w.store.read.reference('training-base', i.id)).toMatchObject({
      id: i.id,
      collegeId: 'ee',
      status: 'established',
      proposerId: people.collegeLead.id,
    });
    expect(await w.engine.verifyHistory(i.id)).toEqual({ ok: true, count: 3 });
  });

  it('only a college lead of the college submits; refusals change nothing', async () => {
    const before = await w.dump();
    await expect(
      w.engine.start('training-base', trainingBaseDesign(), people.owner),
    ).rejects.toMatchObject({ code: 'NOT_AUTHORIZED' });
    await expect(
      w.engine.start('training-base', trainingBaseDesign(), people.otherLead),
    ).rejects.toMatchObject({ code: 'NOT_AUTHORIZED' });
    await expect(
      w.engine.start(
        'training-base',
        trainingBaseDesign({ certificateCodes: [] }),
        people.collegeLead,
      ),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(await w.dump()).toBe(before);
  });

  it('the school step is the leadership group only; RETURN, RESUBMIT, WITHDRAW', async () => {
    let i = await design();
    i = await w.engine.send(i.id, { type: 'APPROVE' }, people.academic);
    const before = await w.dump();
    for (const who of [people.academic2, people.collegeLead, people.finance]) {
      await expect(w.engine.send(i.id, { type: 'APPROVE' }, who)).rejects.toMatchObject({
        code: 'NOT_AUTHORIZED',
      });
    }
    expect(await w.dump()).toBe(before);
    i = await w.engine.send(i.id, { type: 'RETURN', comment: '工位数不足' }, people.leader);
    await expect(
      w.engine.send(
        i.id,
        { type: 'RESUBMIT', data: { input: trainingBaseDesign({ collegeId: 'cs' }) } },
        people.collegeLead,
      ),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    i = await w.engine.send(
      i.id,
      { type: 'RESUBMIT', data: { input: trainingBaseDesign({ stations: 80 }) } },
      people.collegeLead,
    );
    expect(i.state).toBe('academicReview');
    i = await w.engine.send(i.id, { type: 'WITHDRAW' }, people.collegeLead);
    expect(i.status).toBe('withdrawn');
  });
});
