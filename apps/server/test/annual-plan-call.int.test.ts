import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadBusinessCalendar } from '@certflow/calendar';
import { createTestPostgres, type TestPostgres } from '@certflow/db/testing';
import { ManualClock, type OutboxRecord } from '@certflow/engine';
import { createPilotFlows } from '@certflow/pilot';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { embeddedScheduler } from '../src/runtime/background.js';
import { engineFor } from '../src/runtime/compose.js';

/**
 * The autumn annual-plan call (第七条2) in the embedded mode, wired as `pnpm start` wires it:
 * the configuration's colleges and deadline, the in-process scheduler's recurring calls, the
 * real business calendar — driven by a controllable clock across the 2026 National Day holiday.
 */
describe('the autumn annual-plan call, embedded (in-process scheduler, real calendar)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'certflow-call-'));
  let pg: TestPostgres;
  beforeAll(async () => {
    pg = await createTestPostgres();
  });
  afterAll(async () => {
    rmSync(dataDir, { recursive: true, force: true });
    await pg.drop();
  });

  it('opens one call per college at semester start, reminds, then escalates at the configured deadline', async () => {
    const config = loadConfig({
      CERTFLOW_DATA_DIR: dataDir,
      PILOT_COLLEGES: 'ee,cs',
      SEMESTER_START: '09-01',
      ANNUAL_PLAN_DUE_WORKING_DAYS: '25',
      ANNUAL_PLAN_REMINDER_WORKING_DAYS: '22',
    });
    const handle = pg;
    for (const [id, college] of [
      ['u-lead', 'ee'],
      ['u-lead-cs', 'cs'],
    ] as const) {
      await handle.directory.upsertUser({
        id,
        name: `${college} 负责人`,
        email: `${id}@example.edu.cn`,
        roles: ['college_lead'],
        college,
      });
    }
    const calendar = await loadBusinessCalendar(handle.store.read);
    const clock = new ManualClock('2026-08-31T10:00:00+08:00');
    const engine = engineFor(handle, calendar, {
      clock,
      flows: createPilotFlows(config.pilot.flows),
    });
    const mails: OutboxRecord[] = [];
    const scheduler = embeddedScheduler(
      { config, handle, engine, calendar, clock, logger: pino({ level: 'silent' }) },
      { notify: async (row) => void mails.push(row) },
    );
    const calls = async () =>
      (await handle.store.read.listInstances({ flowId: 'annual-plan', limit: 50, offset: 0 }))
        .items;

    // First seen on 31 August: the call starts from now, nothing is back-filled.
    await scheduler.runDue();
    expect(await calls()).toEqual([]);

    // Tuesday 1 September 2026, 09:00 Beijing: the call opens for both colleges.
    clock.set('2026-09-01T09:00:00+08:00');
    const run = await scheduler.runDue();
    const opened = await calls();
    expect(opened.map((i) => [i.college, i.state, i.submitterId]).sort()).toEqual([
      ['cs', 'compiling', 'system'],
      ['ee', 'compiling', 'system'],
    ]);
    expect(run.started).toEqual(expect.arrayContaining(opened.map((i) => i.id)));
    // 25 working days skip 中秋 (09-25) and 国庆 (10-01..07), and count 09-20 (Sun) and 10-10 (Sat).
    const ee = await engine.get(opened.find((i) => i.college === 'ee')!.id);
    expect(ee.tasks).toMatchObject([
      {
        role: 'college_lead',
        college: 'ee',
        dueAt: new Date('2026-10-12T17:30:00+08:00').toISOString(),
      },
    ]);
    expect(ee.context).toMatchObject({ request: { year: 2027, collegeId: 'ee' } });
    // Each college lead is told (the dynamic report of 1 September is mailed as well).
    const told = (kind: string) =>
      mails
        .map(
          (m) => m.payload as { notification: string; flowId: string; recipient: { id: string } },
        )
        .filter((p) => p.flowId === 'annual-plan' && p.notification === kind)
        .map((p) => p.recipient.id)
        .sort();
    expect(told('task')).toEqual(['u-lead', 'u-lead-cs']);

    // Running again at the same instant starts nothing twice.
    await scheduler.runDue();
    expect(await calls()).toHaveLength(2);

    // Reminder after 22 working days: 09-02 … 09-30 are 21 (with 09-20, without 09-25), then
    // 10-08; it comes on the morning of the next working day, 10-09.
    clock.set('2026-10-09T08:59:59+08:00');
    await scheduler.runDue();
    expect((await engine.history(ee.id)).map((h) => h.event)).toEqual(['START']);
    clock.set('2026-10-09T09:00:00+08:00');
    await scheduler.runDue();
    expect((await engine.history(ee.id)).map((h) => h.event)).toEqual(['START', 'REMIND']);
    expect(told('reminder')).toEqual(['u-lead', 'u-lead-cs']);

    // Deadline: Monday 12 October at the end of the working day (Saturday 10-10 is a make-up
    // working day) → 教务处 is escalated to.
    clock.set('2026-10-12T17:30:00+08:00');
    await scheduler.runDue();
    const history = await engine.history(ee.id);
    expect(history.map((h) => [h.event, h.actorId, h.at.toISOString()])).toEqual([
      ['START', 'system', '2026-09-01T01:00:00.000Z'],
      ['REMIND', 'system', '2026-10-09T01:00:00.000Z'],
      ['ESCALATE', 'system', '2026-10-12T09:30:00.000Z'],
    ]);
    expect((await engine.get(ee.id)).tasks.map((t) => [t.kind, t.role])).toEqual([
      ['step', 'college_lead'],
      ['escalation', 'academic_affairs'],
    ]);
    // Nothing of the calls is left pending (the monthly dynamic reports have timers of their own).
    const ids = new Set(opened.map((i) => i.id));
    expect((await handle.dispatch.pendingTimers(100)).filter((t) => ids.has(t.instanceId))).toEqual(
      [],
    );
    await scheduler.stop();
  });
});
