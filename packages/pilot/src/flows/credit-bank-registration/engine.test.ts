import { beforeEach, describe, expect, it } from 'vitest';
import { changeRequest } from '../certificate-change/fixtures.js';
import { projectRecord } from '../../testing/assessment-fixtures.js';
import { memoryPilotWorld, type MemoryPilotWorld } from '../../testing/effects-world.js';
import { people } from '../../testing/people.js';

let w: MemoryPilotWorld;
beforeEach(() => {
  w = memoryPilotWorld();
  w.store.setReference('project', 'proj-1', projectRecord());
});
const registration = (overrides: Record<string, unknown> = {}) => ({
  projectId: 'proj-1',
  collegeId: 'ee',
  registrationRef: 'att://credit-bank/2027/ee-web.pdf',
  ...overrides,
});
const register = (input = registration()) =>
  w.engine.start('credit-bank-registration', input, people.owner);
/** Refused with `code`; instances, history, tasks, outbox and the project record unchanged. */
async function refusedUnchanged(attempt: () => Promise<unknown>, code: string): Promise<void> {
  const before = w.store.dump() + JSON.stringify(await w.reference('project', 'proj-1'));
  await expect(attempt()).rejects.toMatchObject({ code });
  expect(w.store.dump() + JSON.stringify(await w.reference('project', 'proj-1'))).toBe(before);
}

describe('credit-bank registration (第七条3) through the engine (MemoryStore)', () => {
  it('recorded by its own event whenever it happens: the project is locked, certificate changes are refused', async () => {
    // A change requested before the registration is approved…
    let change = await w.engine.start('certificate-change', changeRequest(), people.owner);
    change = await w.engine.send(change.id, { type: 'APPROVE' }, people.collegeLead);
    let r = await register();
    expect(r.tasks).toMatchObject([{ role: 'academic_affairs', step: 'authority' }]);
    r = await w.engine.send(
      r.id,
      { type: 'AUTHORITY_APPROVED', data: { approvalRef: 'att://credit-bank/approval-1.pdf' } },
      people.academic,
    );
    expect(r).toMatchObject({ state: 'recorded', status: 'completed' });
    expect(await w.reference('project', 'proj-1')).toMatchObject({
      status: 'implementing',
      creditBankLocked: true,
      creditBank: {
        registrationRef: 'att://credit-bank/2027/ee-web.pdf',
        approvalRef: 'att://credit-bank/approval-1.pdf',
        recordedBy: people.academic.id,
        instanceId: r.id,
      },
    });
    // …is refused at its approval, and a new one at its start.
    await refusedUnchanged(
      () => w.engine.send(change.id, { type: 'APPROVE' }, people.academic),
      'CHANGE_LOCKED_BY_CREDIT_BANK',
    );
    await refusedUnchanged(
      () => w.engine.start('certificate-change', changeRequest(), people.owner),
      'CHANGE_LOCKED_BY_CREDIT_BANK',
    );
    await refusedUnchanged(() => register(), 'CREDIT_BANK_ALREADY_RECORDED');
  });

  it('returned by the higher authority: the college files again; it may withdraw', async () => {
    let r = await register();
    r = await w.engine.send(r.id, { type: 'AUTHORITY_RETURNED' }, people.academic);
    expect(r).toMatchObject({
      state: 'returned',
      tasks: [{ kind: 'submitter', events: ['REPOST', 'WITHDRAW'] }],
    });
    expect(await w.reference('project', 'proj-1')).toMatchObject({ creditBankLocked: false });
    r = await w.engine.send(
      r.id,
      { type: 'REPOST', data: { registrationRef: 'att://credit-bank/2027/ee-web-2.pdf' } },
      people.owner,
    );
    expect(r.state).toBe('authority');
    r = await w.engine.send(r.id, { type: 'WITHDRAW' }, people.owner);
    expect(r.status).toBe('withdrawn');
  });

  it('refusals change nothing: no project, another college, a cancelled project, the wrong person', async () => {
    await refusedUnchanged(
      () => register(registration({ projectId: 'nope' })),
      'PROJECT_NOT_FOUND',
    );
    await refusedUnchanged(
      () =>
        w.engine.start(
          'credit-bank-registration',
          registration({ collegeId: 'cs' }),
          people.otherLead,
        ),
      'PROJECT_COLLEGE_MISMATCH',
    );
    await refusedUnchanged(
      () => register(registration({ registrationRef: 'x' })),
      'VALIDATION_FAILED',
    );
    const r = await register();
    for (const who of [people.owner, people.collegeLead, people.evaluator]) {
      await refusedUnchanged(
        () =>
          w.engine.send(
            r.id,
            { type: 'AUTHORITY_APPROVED', data: { approvalRef: 'att://a.pdf' } },
            who,
          ),
        'NOT_AUTHORIZED',
      );
    }
    w.store.setReference('project', 'proj-1', projectRecord({ status: 'cancelled' }));
    await refusedUnchanged(() => register(), 'PROJECT_NOT_IMPLEMENTING');
  });
});
