import { randomUUID } from 'node:crypto';
import {
  createEngine,
  ManualClock,
  type Actor,
  type Engine,
  type InstanceView,
} from '@certflow/engine';
import { createTestPostgres, type TestPostgres } from '@certflow/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUOTA_REF, quotaKey } from '../common.js';
import { pilotEffectHandlers } from '../effects/handlers.js';
import { runEffectsOnce } from '../effects/run-effects-once.js';
import { pilotFlows } from '../flows/index.js';
import { ledgerTotals, type Ledger } from '../ledger/ledger.js';
import { assessmentStart } from '../testing/assessment-fixtures.js';
import { driveAssessment, finishAssessment } from '../testing/assessment-driver.js';
import { projectApplication } from '../testing/fixtures.js';
import { people } from '../testing/people.js';
import { weekdayCalendar } from '../testing/weekday-calendar.js';

/**
 * One college's whole pilot year on real PostgreSQL: the annual plan is approved, an assessment
 * batch runs to certificates, archive and the credit bank, the annual summary is filed; a second
 * project charges a student a fee → a withdrawal case opens by itself → the leadership group
 * cancels the project → its other open instances end, each with an audit row saying why.
 */
let pg: TestPostgres;
let engine: Engine;
let clock: ManualClock;

beforeAll(async () => {
  pg = await createTestPostgres({ max: 5 });
  for (const p of Object.values(people)) {
    await pg.directory.upsertUser({
      id: p.id,
      name: p.name,
      email: p.email,
      roles: [...p.roles],
      college: 'college' in p ? p.college : null,
      organization: 'organization' in p ? p.organization : null,
    });
  }
  clock = new ManualClock('2026-11-02T09:00:00+08:00');
  engine = createEngine({
    store: pg.store,
    flows: pilotFlows,
    clock,
    ids: randomUUID,
    calendar: weekdayCalendar,
    directory: pg.directory,
  });
});
afterAll(async () => {
  await pg?.drop();
});

const send = (
  i: InstanceView | string,
  type: string,
  who: Actor,
  data: object = {},
  comment?: string,
) =>
  engine.send(
    typeof i === 'string' ? i : i.id,
    { type, data: data as never, ...(comment ? { comment } : {}) },
    who,
  );
const drain = () =>
  runEffectsOnce(engine, pg.dispatch, pilotEffectHandlers, clock.now(), pg.store.read);
const reference = (kind: string, key: string) => pg.store.read.reference(kind, key);

async function approvedProject(code: string, name: string): Promise<string> {
  let p = await engine.start(
    'pilot-project',
    projectApplication({ certificate: { code, name, level: 'intermediate' } }),
    people.owner,
  );
  p = await send(p, 'APPROVE', people.collegeLead, {}, '同意申报');
  p = await send(p, 'APPROVE', people.academic);
  // Every project is approved by the 领导小组 before it is implemented (第六条2).
  expect(p.state).toBe('leadershipReview');
  p = await send(p, 'APPROVE', people.leader, {}, '同意实施');
  expect(p.status).toBe('completed');
  return p.id;
}

describe('one college, one pilot year, on PostgreSQL', () => {
  it('plan → approval → assessment → certificates → archive → credit bank → annual report; a student fee → withdrawal → cancellation', async () => {
    // Autumn 2026: the 2027 plan (第七条2). Within the quota: college → academic affairs → 领导小组.
    await engine.putReference({
      kind: QUOTA_REF,
      key: quotaKey(2027, 'ee'),
      value: { scale: 100, budget: 2_000_000 },
      actor: people.academic,
    });
    const webId = await approvedProject('WEB-FE', 'Web前端开发');
    const iotId = await approvedProject('IOT-OPS', '物联网安装调试与运维');
    expect(await reference('project', webId)).toMatchObject({
      status: 'implementing',
      creditBankLocked: false,
    });
    expect((await drain()).failed).toEqual([]);

    // Spring 2027: the assessment of the Web project (第八条2–7), with expenses at actual cost.
    clock.set('2027-03-01T09:00:00+08:00');
    let a = await engine.start('assessment', assessmentStart({ projectId: webId }), people.owner);
    a = await driveAssessment(engine, a, 'archive');
    expect(a.state).toContain('running.cycle.archive');
    await send(a, 'RECORD_EXPENSE', people.finance, {
      category: 'certificateFees',
      amount: 2 * 150_000,
      receiptRef: 'att://receipt/cert-fees.pdf',
      note: '办证费 2 人',
    });
    await expect(
      send(a, 'RECORD_EXPENSE', people.finance, {
        category: 'certificateFees',
        amount: 100_001,
        receiptRef: 'att://r/x.pdf',
      }),
    ).rejects.toMatchObject({ code: 'OVER_BUDGET' });
    a = await finishAssessment(engine, a);
    expect(a).toMatchObject({ state: 'completed', status: 'completed' });
    expect(await reference('project', webId)).toMatchObject({
      creditBankLocked: true,
      status: 'implementing',
    });
    expect(await reference('transcript', '2025010101/WEB-2027-0001')).toMatchObject({
      assessmentId: a.id,
    });
    const webLedger = (await reference('ledger', webId)) as unknown as Ledger;
    expect(ledgerTotals(webLedger).spent.certificateFees).toBe(300_000);
    // Registered on the credit bank: the certificate type may no longer change (第七条3).
    await expect(
      engine.start(
        'certificate-change',
        {
          projectId: webId,
          collegeId: 'ee',
          newCertificate: { code: 'UI', name: '界面设计', level: 'intermediate' },
          budget: projectApplication().budget,
          reason: '评价组织调整',
        },
        people.owner,
      ),
    ).rejects.toMatchObject({ code: 'CHANGE_LOCKED_BY_CREDIT_BANK' });

    // Summer 2027: the IoT project has an assessment and a budget adjustment under way…
    clock.set('2027-06-01T09:00:00+08:00');
    const iotAssessment = await engine.start(
      'assessment',
      assessmentStart({ projectId: iotId, batch: '2027-2' }),
      people.owner,
    );
    await send(iotAssessment, 'ACCEPT_SITE', people.evaluator, { siteCode: 'SITE-02' });
    const adjustment = await engine.start(
      'budget-adjustment',
      {
        projectId: iotId,
        collegeId: 'ee',
        delta: { consumables: 50_000, certificateFees: -50_000, examinerFees: 0 },
        reason: '耗材涨价',
      },
      people.owner,
    );
    // …when an inspection finds a fee charged to a student (第十二条, 第七条1(3)).
    await send(iotAssessment, 'RECORD_STUDENT_FEE', people.academic, {
      studentNo: '2025020201',
      amount: 20_000,
      description: '以培训资料费名义向学生收取 200 元',
    });
    const opened = await drain();
    expect(opened.failed).toEqual([]);
    const cases = await pg.store.read.listInstances({ flowId: 'withdrawal', limit: 10, offset: 0 });
    expect(cases.items).toHaveLength(1);
    const wCase = cases.items[0]!;
    expect(wCase).toMatchObject({ subjectId: iotId, submitterId: 'system', state: 'notice' });
    // Redelivery of the same effect opens nothing new.
    expect((await drain()).delivered).toEqual([]);

    await send(wCase.id, 'ISSUE_NOTICE', people.academic, {
      noticeRef: 'att://notice/iot.pdf',
      summary: '拟撤销物联网项目',
    });
    await send(wCase.id, 'RESPOND', people.collegeLead, {
      statement: '已退还学生费用',
      evidenceRefs: ['att://refund.pdf'],
    });
    const decided = await send(wCase.id, 'APPROVE', people.leader, {}, '按第七条第1款第(3)项撤销');
    expect(decided).toMatchObject({ state: 'cancelled', status: 'completed' });
    expect(await reference('project', iotId)).toMatchObject({
      status: 'cancelled',
      cancelledBy: wCase.id,
    });
    expect((await drain()).failed).toEqual([]);
    for (const id of [iotAssessment.id, adjustment.id]) {
      expect((await engine.get(id)).status).toBe('cancelled');
      const last = (await engine.history(id)).at(-1)!;
      expect(last).toMatchObject({ event: 'CANCEL', actorId: 'system' });
      expect(last.comment).toContain(wCase.id);
      expect(await engine.verifyHistory(id)).toMatchObject({ ok: true });
    }
    expect(await reference('project', iotId)).toMatchObject({
      budget: projectApplication().budget,
    });
    // The Web project and its finished work are untouched.
    expect((await engine.get(a.id)).status).toBe('completed');
    expect(await reference('project', webId)).toMatchObject({ status: 'implementing' });

    // December 2027: the annual summary (第五条3, 第六条8).
    clock.set('2027-12-01T09:00:00+08:00');
    let report = await engine.start(
      'report',
      { kind: 'annual-summary', collegeId: 'ee', period: '2027' },
      people.academic,
    );
    report = await send(report, 'SUBMIT', people.collegeLead, {
      summary: 'Web前端开发（中级）考核 3 人，通过 2 人；物联网项目因违规收费撤销',
      figures: { assessed: 3, passed: 2, cancelledProjects: 1 },
    });
    report = await send(report, 'APPROVE', people.academic2);
    expect(report.state).toBe('filed');
    report = await send(report, 'CLOSE', people.academic2);
    expect(report.status).toBe('completed');

    // Every instance of the year keeps an intact hash chain.
    const all = await pg.store.read.listInstances({ limit: 100, offset: 0 });
    expect(all.total).toBeGreaterThanOrEqual(7);
    for (const i of all.items) expect(await engine.verifyHistory(i.id)).toMatchObject({ ok: true });
  });
});
