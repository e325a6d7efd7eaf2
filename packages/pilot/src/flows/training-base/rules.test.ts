import { beforeEach, describe, expect, it } from 'vitest';
import { memoryWorld, type MemoryWorld } from '../../model/memory-world.js';
import { people } from '../../testing/people.js';
import { trainingBaseDesign } from './fixtures.js';

/** The training-base rules (第七条6): the revised design's college, refused in full. */
describe('training-base rules: a revision keeps its college (第七条6)', () => {
  let w: MemoryWorld;
  beforeEach(() => {
    w = memoryWorld();
  });

  it('VALIDATION_FAILED names the field and says why; a revision without input is the design as it was', async () => {
    let i = await w.engine.start('training-base', trainingBaseDesign(), people.collegeLead);
    expect(i.title).toBe('ee 培训考核基地：Web前端开发1+X培训考核基地');
    expect(i.subjectId).toBe(i.id);
    i = await w.engine.send(i.id, { type: 'RETURN', comment: '补充' }, people.academic);
    const before = await w.dump();
    const error = await w.engine
      .send(
        i.id,
        { type: 'RESUBMIT', data: { input: trainingBaseDesign({ collegeId: 'cs' }) } },
        people.collegeLead,
      )
      .then(
        () => undefined,
        (e: unknown) => (e as { toJSON(): unknown }).toJSON(),
      );
    expect(error).toEqual({
      code: 'VALIDATION_FAILED',
      message: '修改后的设计方案不能更换二级学院',
      messageEn: 'A revised design cannot move to another college',
      details: { field: 'input.collegeId' },
    });
    expect(await w.dump()).toBe(before);
    i = await w.engine.send(i.id, { type: 'RESUBMIT', data: {} }, people.collegeLead);
    expect(i).toMatchObject({ state: 'academicReview', context: { design: trainingBaseDesign() } });
  });
});
