import type { JsonObject } from '@certflow/engine';
import { beforeEach, describe, expect, it } from 'vitest';
import { memoryWorld, type MemoryWorld } from '../../model/memory-world.js';
import { people } from '../../testing/people.js';
import { changeRequest, implementingProject } from './fixtures.js';
import type { ChangeInput } from './input.js';

const PROJECT = [['project', 'proj-1']] as const;

describe('certificate-change through the engine (MemoryStore)', () => {
  let w: MemoryWorld;
  const setProject = (overrides: JsonObject = {}) =>
    w.store.setReference('project', 'proj-1', implementingProject(overrides));
  const apply = (input: ChangeInput = changeRequest()) =>
    w.engine.start('certificate-change', input, people.owner);
  const project = () => w.store.read.reference('project', 'proj-1');

  beforeEach(() => {
    w = memoryWorld();
    setProject();
  });

  it('college lead → academic affairs → the project record changes atomically with the approval', async () => {
    let i = await apply();
    expect(i).toMatchObject({ state: 'collegeReview', subjectId: 'proj-1', college: 'ee' });
    expect(i.tasks[0]).toMatchObject({ role: 'college_lead', college: 'ee' });
    i = await w.engine.send(i.id, { type: 'APPROVE' }, people.collegeLead);
    expect(await project()).toMatchObject({ certificate: { code: 'WEB-FE' } });
    i = await w.engine.send(i.id, { type: 'APPROVE', comment: '同意变更' }, people.academic);
    expect(i).toMatchObject({ state: 'approved', status: 'completed', tasks: [] });
    const after = await project();
    expect(after).toMatchObject({
      certificate: { code: 'WEB-APP', level: 'intermediate' },
      status: 'implementing',
      budget: implementingProject().budget,
      certificateChanges: [{ changeId: i.id, from: { code: 'WEB-FE' }, to: { code: 'WEB-APP' } }],
    });
    expect(w.store.outbox().map((o) => o.kind)).toContain('pilot.certificate-change.approved');
    expect(await w.engine.verifyHistory(i.id)).toEqual({ ok: true, count: 3 });
  });

  it.each<[string, () => void | ChangeInput, string]>([
    ['no project', () => w.store.setReference('project', 'proj-1', {}), 'PROJECT_NOT_FOUND'],
    ['another college', () => setProject({ collegeId: 'cs' }), 'PROJECT_COLLEGE_MISMATCH'],
    [
      'project not implementing',
      () => setProject({ status: 'cancelled' }),
      'PROJECT_NOT_IMPLEMENTING',
    ],
    [
      'credit bank lock',
      () => setProject({ creditBankLocked: true }),
      'CHANGE_LOCKED_BY_CREDIT_BANK',
    ],
    [
      'over budget',
      () =>
        changeRequest({
          budget: { consumables: 200_000, certificateFees: 400_000, examinerFees: 150_001 },
        }),
      'OVER_BUDGET',
    ],
    ['no reason', () => changeRequest({ reason: '   ' }), 'REASON_REQUIRED'],
    [
      'elementary',
      () => changeRequest({ newCertificate: { code: 'E', name: 'E', level: 'elementary' } }),
      'LEVEL_NOT_ALLOWED',
    ],
    [
      'same certificate',
      () => changeRequest({ newCertificate: { code: 'WEB-FE', name: 'x', level: 'intermediate' } }),
      'CERTIFICATE_UNCHANGED',
    ],
  ])('start refused (%s) with %s, nothing written', async (_name, arrange, code) => {
    const input = arrange() ?? changeRequest();
    const before = await w.dump();
    await expect(apply(input)).rejects.toMatchObject({ code });
    expect(await w.dump()).toBe(before);
  });

  it('a project locked by the credit bank after submission: the approval is refused, nothing changes', async () => {
    let i = await apply();
    i = await w.engine.send(i.id, { type: 'APPROVE' }, people.collegeLead);
    setProject({ creditBankLocked: true });
    const before = await w.dump(PROJECT);
    await expect(w.engine.send(i.id, { type: 'APPROVE' }, people.academic)).rejects.toMatchObject({
      code: 'CHANGE_LOCKED_BY_CREDIT_BANK',
    });
    expect(await w.dump(PROJECT)).toBe(before);
    // The applicant may still withdraw it.
    i = await w.engine.send(i.id, { type: 'WITHDRAW' }, people.owner);
    expect(i.status).toBe('withdrawn');
    expect(await project()).toMatchObject({ certificate: { code: 'WEB-FE' } });
  });

  it('RETURN → RESUBMIT re-checks the budget; REJECT is final', async () => {
    let i = await apply();
    i = await w.engine.send(
      i.id,
      { type: 'RETURN', comment: '请补充预算明细' },
      people.collegeLead,
    );
    expect(i.tasks[0]).toMatchObject({ kind: 'submitter', events: ['RESUBMIT', 'WITHDRAW'] });
    const over = changeRequest({
      budget: { consumables: 900_000, certificateFees: 0, examinerFees: 0 },
    });
    await expect(
      w.engine.send(i.id, { type: 'RESUBMIT', data: { input: over } }, people.owner),
    ).rejects.toMatchObject({ code: 'OVER_BUDGET' });
    await expect(
      w.engine.send(
        i.id,
        { type: 'RESUBMIT', data: { input: changeRequest({ projectId: 'proj-2' }) } },
        people.owner,
      ),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    i = await w.engine.send(i.id, { type: 'RESUBMIT' }, people.owner);
    expect(i.state).toBe('collegeReview');
    i = await w.engine.send(i.id, { type: 'REJECT', comment: '不予变更' }, people.collegeLead);
    expect(i.status).toBe('rejected');
    await expect(w.engine.send(i.id, { type: 'APPROVE' }, people.academic)).rejects.toMatchObject({
      code: 'EVENT_NOT_ACCEPTED',
    });
  });

  it('roles, scope and separation of duties; TRANSFER and ADD_APPROVER', async () => {
    let i = await apply();
    for (const who of [people.academic, people.otherLead, people.owner]) {
      await expect(w.engine.send(i.id, { type: 'APPROVE' }, who)).rejects.toMatchObject({
        code: 'NOT_AUTHORIZED',
      });
    }
    i = await w.engine.send(
      i.id,
      { type: 'TRANSFER', data: { to: people.collegeLead2.id } },
      people.collegeLead,
    );
    await expect(
      w.engine.send(i.id, { type: 'APPROVE' }, people.collegeLead),
    ).rejects.toMatchObject({
      code: 'NOT_AUTHORIZED',
    });
    i = await w.engine.send(i.id, { type: 'APPROVE' }, people.collegeLead2);
    i = await w.engine.send(
      i.id,
      { type: 'ADD_APPROVER', data: { userId: people.academic2.id } },
      people.academic,
    );
    await expect(w.engine.send(i.id, { type: 'APPROVE' }, people.academic)).rejects.toMatchObject({
      code: 'EVENT_NOT_ACCEPTED',
    });
    i = await w.engine.send(i.id, { type: 'APPROVE' }, people.academic2);
    i = await w.engine.send(i.id, { type: 'APPROVE' }, people.academic);
    expect(i.status).toBe('completed');
    // A college lead who applies cannot approve it.
    setProject();
    const own = await w.engine.start('certificate-change', changeRequest(), people.collegeLead);
    await expect(
      w.engine.send(own.id, { type: 'APPROVE' }, people.collegeLead),
    ).rejects.toMatchObject({
      code: 'SELF_APPROVAL',
    });
  });
});
