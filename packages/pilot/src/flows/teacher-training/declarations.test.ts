import { beforeEach, describe, expect, it } from 'vitest';
import { memoryWorld, type MemoryWorld } from '../../model/memory-world.js';
import { people } from '../../testing/people.js';
import { trainingRequest } from './fixtures.js';
import { teacherTrainingFlow } from './flow.js';
import type { TrainingRequestInput } from './input.js';

/** The teacher-training request's input and outcomes (第六条5, 第七条5). */
describe('teacher-training: the request as given, and what an approval records', () => {
  let w: MemoryWorld;
  beforeEach(() => {
    w = memoryWorld();
  });
  const apply = (input: TrainingRequestInput, who = people.owner) =>
    w.engine.start('teacher-training', input, who);
  const issuesOf = (attempt: Promise<unknown>) =>
    attempt.then(
      () => undefined,
      (e: { code: string; details?: { issues?: unknown } }) => [e.code, e.details?.issues],
    );

  it('a one-day training (end = start) is valid; an end before the start is refused naming endDate', async () => {
    const oneDay = trainingRequest({}, { startDate: '2026-12-07', endDate: '2026-12-07', days: 1 });
    await expect(apply(oneDay)).resolves.toMatchObject({ state: 'collegeReview' });
    const before = trainingRequest({}, { startDate: '2026-12-07', endDate: '2026-12-06' });
    expect(await issuesOf(apply(before))).toEqual([
      'VALIDATION_FAILED',
      [{ path: 'training.endDate', message: 'endDate is before startDate' }],
    ]);
  });

  it('dates are exactly YYYY-MM-DD', async () => {
    for (const bad of ['x2026-12-07', '2026-12-07x']) {
      // Also the endDate: a malformed date never compares as a real one.
      const bothBad = trainingRequest({}, { startDate: bad, endDate: bad });
      expect(await issuesOf(apply(bothBad))).toEqual([
        'VALIDATION_FAILED',
        [
          { path: 'training.startDate', message: 'a date is YYYY-MM-DD' },
          { path: 'training.endDate', message: 'a date is YYYY-MM-DD' },
        ],
      ]);
    }
  });

  it('text is trimmed; a college lead may apply; there is no subject; the flow is titled for people', async () => {
    const padded: TrainingRequestInput = {
      collegeId: ' ee ',
      teacher: { id: ' u-owner ', name: ' 张老师 ' },
      training: {
        ...trainingRequest().training,
        title: ' Web前端开发师资培训 ',
        organizer: ' 工信部教育与考试中心 ',
      },
    };
    const i = await apply(padded, people.collegeLead);
    expect(i).toMatchObject({
      title: 'ee 张老师：Web前端开发师资培训',
      college: 'ee',
      subjectId: null,
      context: {
        request: {
          collegeId: 'ee',
          teacher: { id: 'u-owner', name: '张老师' },
          training: { title: 'Web前端开发师资培训', organizer: '工信部教育与考试中心' },
        },
      },
    });
    expect(teacherTrainingFlow.title).toEqual({
      zh: '教师参加师资培训申请',
      en: 'Teacher training request',
    });
  });

  it('approved: the outbox tells who trains where; 驳回 is final; revisions are counted', async () => {
    let i = await apply(trainingRequest());
    i = await w.engine.send(i.id, { type: 'RETURN', comment: '补充' }, people.collegeLead);
    i = await w.engine.send(i.id, { type: 'RESUBMIT', data: {} }, people.owner);
    expect(i.context).toMatchObject({ revisions: 1 });
    i = await w.engine.send(i.id, { type: 'APPROVE' }, people.collegeLead);
    i = await w.engine.send(i.id, { type: 'APPROVE' }, people.academic);
    expect(i.status).toBe('completed');
    const approved = w.store.outbox().filter((o) => o.kind === 'pilot.teacher-training.approved');
    expect(approved).toHaveLength(1);
    let r = await apply(trainingRequest());
    r = await w.engine.send(r.id, { type: 'REJECT', comment: '不予批准' }, people.collegeLead);
    expect(r).toMatchObject({ state: 'rejected', status: 'rejected', tasks: [] });
  });
});
