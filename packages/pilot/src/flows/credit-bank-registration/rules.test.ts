import { beforeEach, describe, expect, it } from 'vitest';
import { projectRecord } from '../../testing/assessment-fixtures.js';
import { memoryPilotWorld, type MemoryPilotWorld } from '../../testing/effects-world.js';
import { people } from '../../testing/people.js';
import { creditBankRegistrationFlow } from './flow.js';
import { refusalOf } from '../../testing/refusals.js';

/**
 * The credit-bank registration record (第七条3) at its edges: what is written on the project, the
 * refusals with code, details and both messages, and the project read again at the decision.
 */
describe('credit-bank registration rules (第七条3)', () => {
  let w: MemoryPilotWorld;
  beforeEach(() => {
    w = memoryPilotWorld();
    w.store.setReference('project', 'proj-1', projectRecord());
  });
  const registration = {
    projectId: 'proj-1',
    collegeId: 'ee',
    registrationRef: 'att://credit-bank/2027/ee-web.pdf',
  };
  const register = () => w.engine.start('credit-bank-registration', registration, people.owner);
  const approve = (id: string) =>
    w.engine.send(
      id,
      { type: 'AUTHORITY_APPROVED', data: { approvalRef: 'att://credit-bank/approval-1.pdf' } },
      people.academic,
    );
  /** The refusal `attempt` throws, as the API shows it, and that nothing was written. */
  const refusal = (attempt: () => Promise<unknown>) =>
    refusalOf(
      async () => w.store.dump() + JSON.stringify(await w.reference('project', 'proj-1')),
      attempt,
    );

  it('approved: the project as it is now is locked, with who recorded it when; the case says so too', async () => {
    let r = await register();
    expect(r).toMatchObject({
      title: 'ee 项目 proj-1 学分银行试点证书申报',
      subjectId: 'proj-1',
      college: 'ee',
    });
    // The project changed meanwhile (it ended its assessments): the lock is written on that record.
    w.store.setReference('project', 'proj-1', projectRecord({ status: 'completed', scale: 45 }));
    r = await approve(r.id);
    expect(r).toMatchObject({
      state: 'recorded',
      status: 'completed',
      context: {
        approvalRef: 'att://credit-bank/approval-1.pdf',
        approvedAt: '2027-03-01T01:00:00.000Z',
        returns: 0,
      },
    });
    expect(await w.reference('project', 'proj-1')).toEqual({
      ...projectRecord({ status: 'completed', scale: 45 }),
      creditBankLocked: true,
      creditBank: {
        registrationRef: 'att://credit-bank/2027/ee-web.pdf',
        approvalRef: 'att://credit-bank/approval-1.pdf',
        approvedAt: '2027-03-01T01:00:00.000Z',
        recordedBy: people.academic.id,
        instanceId: r.id,
      },
    });
    // Locked and still implementing: a second registration is refused as already recorded.
    w.store.setReference('project', 'proj-1', projectRecord({ creditBankLocked: true }));
    expect(await refusal(register)).toEqual({
      code: 'CREDIT_BANK_ALREADY_RECORDED',
      message: '该项目的学分银行试点证书申报已通过上级主管部门审核并已记录（第七条第3款）',
      messageEn:
        "The project's credit-bank registration is already approved and recorded (Art. 7.3)",
      details: { projectId: 'proj-1' },
    });
  });

  it('the project gone at the decision: PROJECT_NOT_FOUND, nothing written', async () => {
    const r = await register();
    w.store.setReference('project', 'proj-1', {});
    expect(await refusal(() => approve(r.id))).toMatchObject({
      code: 'PROJECT_NOT_FOUND',
      details: { projectId: 'proj-1' },
    });
  });

  it('returned and filed again: each return counted, the new filing recorded on approval', async () => {
    let r = await register();
    r = await w.engine.send(r.id, { type: 'AUTHORITY_RETURNED' }, people.academic);
    r = await w.engine.send(
      r.id,
      { type: 'REPOST', data: { registrationRef: 'att://credit-bank/2027/ee-web-2.pdf' } },
      people.owner,
    );
    r = await w.engine.send(r.id, { type: 'AUTHORITY_RETURNED' }, people.academic);
    expect(r.context).toMatchObject({ returns: 2 });
    r = await w.engine.send(
      r.id,
      { type: 'REPOST', data: { registrationRef: 'att://credit-bank/2027/ee-web-3.pdf' } },
      people.owner,
    );
    expect(r.context).toMatchObject({
      registration: { ...registration, registrationRef: 'att://credit-bank/2027/ee-web-3.pdf' },
    });
    r = await approve(r.id);
    expect(await w.reference('project', 'proj-1')).toMatchObject({
      creditBank: { registrationRef: 'att://credit-bank/2027/ee-web-3.pdf' },
    });
  });

  it('withdrawn while the higher authority decides; the flow is titled for people', async () => {
    let r = await register();
    r = await w.engine.send(r.id, { type: 'WITHDRAW' }, people.owner);
    expect(r).toMatchObject({ state: 'withdrawn', status: 'withdrawn', tasks: [] });
    expect(await w.reference('project', 'proj-1')).toEqual(projectRecord());
    expect(creditBankRegistrationFlow.title).toEqual({
      zh: '学分银行试点证书申报',
      en: 'Credit-bank certificate registration',
    });
  });
});
