import { beforeEach, describe, expect, it } from 'vitest';
import { memoryWorld, type MemoryWorld } from '../../model/memory-world.js';
import { people } from '../../testing/people.js';
import { trainingBaseDesign } from './fixtures.js';
import { trainingBaseFlow } from './flow.js';

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

  it('text is trimmed; 撤回 after 退回 and 驳回 are final; the flow is titled for people', async () => {
    const padded = trainingBaseDesign({
      collegeId: ' ee ',
      name: ' Web前端开发基地 ',
      certificateCodes: [' WEB-FE '],
      location: ' 实训楼 A301 ',
      design: ' 60 个考核工位 ',
    });
    let i = await w.engine.start('training-base', padded, people.collegeLead);
    expect(i.context).toMatchObject({
      design: {
        collegeId: 'ee',
        name: 'Web前端开发基地',
        certificateCodes: ['WEB-FE'],
        location: '实训楼 A301',
        design: '60 个考核工位',
      },
    });
    i = await w.engine.send(i.id, { type: 'RETURN', comment: '补充' }, people.academic);
    i = await w.engine.send(i.id, { type: 'WITHDRAW' }, people.collegeLead);
    expect(i).toMatchObject({ state: 'withdrawn', status: 'withdrawn', tasks: [] });
    let r = await w.engine.start('training-base', trainingBaseDesign(), people.collegeLead);
    r = await w.engine.send(r.id, { type: 'REJECT', comment: '不予立项' }, people.academic);
    expect(r).toMatchObject({ state: 'rejected', status: 'rejected', tasks: [] });
    expect(trainingBaseFlow.title).toEqual({
      zh: '1+X 培训考核基地立项',
      en: '1+X training and assessment base',
    });
  });
});
