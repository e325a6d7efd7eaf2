import { readFileSync } from 'node:fs';
import {
  COVERAGE_WARNING_OUTBOX_KIND,
  sendCoverageWarningIfDue,
  startCoverageMailJob,
} from '@certflow/calendar';
import { createMailStore } from '@certflow/db';
import type { OutboxRecord } from '@certflow/engine';
import { createMail, mailConfigFromEnv } from '@certflow/mail';
import { startSmtpSink, type SmtpSink } from '@certflow/mail/testing';
import { people } from '@certflow/pilot/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineFor } from '../src/index.js';
import { outboxHandlers } from '../src/runtime/background.js';
import { startCalendarWorld, type CalendarWorld } from './support/calendar-world.js';

const example = readFileSync(
  new URL('../../../packages/calendar/examples/2027.example.json', import.meta.url),
  'utf8',
);

/**
 * The coverage warning (docs/calendar.md § The coverage warning) on PostgreSQL with the real
 * calendar (its package data ends with 2026): `/healthz` from 1 November, the weekly job, and the
 * mail to 教务处 through the server's outbox handlers over SMTP.
 */
describe('2027 not covered: /healthz, the weekly job and the mail to 教务处', () => {
  let w: CalendarWorld;
  let sink: SmtpSink;
  const healthz = async (): Promise<{ status: number; body: Record<string, unknown> }> => {
    const r = await fetch(`${w.url}/healthz`);
    return { status: r.status, body: (await r.json()) as Record<string, unknown> };
  };
  const coverageRows = async (): Promise<OutboxRecord[]> =>
    (await w.pg.dispatch.pendingOutbox(new Date('2100-01-01T00:00:00Z'), 1000)).filter(
      (r) => r.kind === COVERAGE_WARNING_OUTBOX_KIND,
    );

  beforeAll(async () => {
    w = await startCalendarWorld('2026-10-31T10:00:00+08:00');
    sink = await startSmtpSink();
  });
  afterAll(async () => {
    await sink?.close();
    await w?.close();
  });

  it('before 1 November: no warning on /healthz, and the job queues nothing', async () => {
    const before = await healthz();
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({ ok: true, calendar: { warning: null } });
    expect(await sendCoverageWarningIfDue(w.pg.store, w.calendar, w.clock.now())).toBeNull();
    expect(await coverageRows()).toHaveLength(0);
  });

  it('from 1 November: /healthz carries the warning, still 200', async () => {
    w.clock.set('2026-11-16T10:00:00+08:00'); // a Monday
    const r = await healthz();
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      ok: true,
      calendar: {
        warning: {
          code: 'CALENDAR_NEXT_YEAR_NOT_COVERED',
          year: 2027,
          since: '2026-11-01',
          message: expect.stringContaining('2027年节假日安排尚未导入'),
        },
      },
    });
  });

  it('the job, run twice in a week (and by a second process), queues one mail; next week one more', async () => {
    const job = startCoverageMailJob({ store: w.pg.store, calendar: w.calendar, clock: w.clock });
    const other = startCoverageMailJob({ store: w.pg.store, calendar: w.calendar, clock: w.clock });
    try {
      await Promise.all([job.runOnce(), other.runOnce()]);
      w.clock.set('2026-11-19T15:00:00+08:00'); // Thursday of the same ISO week
      expect(await job.runOnce()).toBeNull();
      const rows = await coverageRows();
      expect(rows.map((r) => r.id)).toEqual(['calendar-coverage:2027:2026-W47']);
      w.clock.set('2026-11-23T08:00:00+08:00'); // next Monday, before 09:00: not yet
      expect(await job.runOnce()).toBeNull();
      w.clock.set('2026-11-23T09:05:00+08:00');
      expect(await job.runOnce()).toMatchObject({ year: 2027, week: '2026-W48' });
      expect(await job.runOnce()).toBeNull();
      expect((await coverageRows()).map((r) => r.id).sort()).toEqual([
        'calendar-coverage:2027:2026-W47',
        'calendar-coverage:2027:2026-W48',
      ]);
    } finally {
      job.stop();
      other.stop();
    }
  });

  it('the server’s outbox handler mails every academic_affairs person, and nobody else, once', async () => {
    const mail = createMail(
      mailConfigFromEnv({
        CERTFLOW_MAIL_SECRET: 'k1=0123456789abcdef0123456789abcdef',
        CERTFLOW_PUBLIC_URL: 'https://certflow.example.edu.cn/',
        SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
      }),
      {
        store: createMailStore(w.pg.db),
        engine: engineFor(w.pg, w.calendar, { clock: w.clock }),
        directory: w.pg.directory,
        clock: w.clock,
      },
    );
    const handler = outboxHandlers(mail, w.pg)[COVERAGE_WARNING_OUTBOX_KIND];
    expect(handler).toBeDefined();
    const [row] = (await coverageRows()).filter((r) => r.id.endsWith('W47'));
    const ctx = { engine: engineFor(w.pg, w.calendar), attempt: 0, now: w.clock.now() };
    await handler!(row!, ctx);
    await handler!(row!, ctx); // redelivered: nothing sent twice

    const academic = Object.values(people)
      .filter((p) => p.roles.includes('academic_affairs'))
      .map((p) => p.email)
      .sort();
    expect(academic.length).toBeGreaterThanOrEqual(2);
    const recipients = sink.mails
      .flatMap((m) => (Array.isArray(m.to) ? m.to : m.to ? [m.to] : []))
      .flatMap((a) => a.value.map((v) => v.address ?? ''))
      .sort();
    expect(recipients).toEqual(academic);
    const first = sink.to(people.academic.email)[0]!;
    expect(first.subject).toContain('请导入2027年节假日安排');
    const text = first.text ?? '';
    expect(text).toContain('尊敬的王处长：');
    expect(text).toContain('暂按周末计算');
    expect(text).toContain('pnpm certflow calendar import <文件>');
    expect(text).toContain('PUT /api/calendar/2027');
    expect(text).toContain('https://certflow.example.edu.cn/admin/calendar');
    expect(text.indexOf('尊敬的')).toBeLessThan(text.indexOf('counted on weekends alone'));
  });

  it('once 2027 is imported: no warning on /healthz and no more mail', async () => {
    const r = await w.as('academic').raw('/api/calendar/2027', {
      method: 'PUT',
      body: example,
      headers: { 'content-type': 'application/json' },
    });
    expect(r.status).toBe(200);
    const after = await healthz();
    expect(after.status).toBe(200);
    expect(after.body).toMatchObject({ calendar: { warning: null } });
    w.clock.set('2026-11-30T10:00:00+08:00');
    expect(await sendCoverageWarningIfDue(w.pg.store, w.calendar, w.clock.now())).toBeNull();
    expect(await coverageRows()).toHaveLength(2);
  });
});
