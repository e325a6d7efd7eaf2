import { createMailStore } from '@certflow/db';
import { createTestPostgres, type TestPostgres } from '@certflow/db/testing';
import { InfrastructureError, type OutboxRecord } from '@certflow/engine';
import { people } from '@certflow/pilot/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COVERAGE_MAIL_OUTBOX_KIND, createCoverageMailHandler } from './coverage-handler.js';
import { createSmtpTransport } from './smtp-transport.js';
import { startSmtpSink, type SmtpSink } from './testing/smtp-sink.js';

const PUBLIC_URL = 'https://certflow.example.edu.cn';

/** The row `@certflow/calendar`'s `coverageWarningMail` writes (its payload, as stored). */
function coverageRow(week: string): OutboxRecord {
  const at = new Date('2026-11-16T01:05:00Z');
  return {
    id: `calendar-coverage:2027:${week}`,
    instanceId: null,
    kind: COVERAGE_MAIL_OUTBOX_KIND,
    payload: {
      notification: 'calendar-coverage',
      year: 2027,
      week,
      since: '2026-11-01',
      audience: { role: 'academic_affairs', college: null },
      message: '2027年节假日安排尚未导入',
      messageEn: 'The 2027 holiday table has not been imported',
    },
    status: 'pending',
    attempts: 0,
    createdAt: at,
    availableAt: at,
    deliveredAt: null,
    lastError: null,
  };
}

describe('the coverage mail handler over SMTP', () => {
  let pg: TestPostgres;
  let sink: SmtpSink;
  let handle: (row: OutboxRecord) => Promise<void>;

  beforeAll(async () => {
    pg = await createTestPostgres();
    sink = await startSmtpSink();
    for (const p of Object.values(people)) {
      await pg.directory.upsertUser({ college: null, ...p, roles: [...p.roles] });
    }
    handle = createCoverageMailHandler({
      transport: createSmtpTransport({
        host: '127.0.0.1',
        port: sink.port,
        secure: false,
        ignoreTLS: true,
      }),
      store: createMailStore(pg.db),
      directory: pg.directory,
      from: '教务处 <noreply@example.edu.cn>',
      publicUrl: PUBLIC_URL,
      publicHost: 'certflow.example.edu.cn',
    });
  });
  afterAll(async () => {
    await sink?.close();
    await pg?.drop();
  });

  it('mails every academic_affairs person, and nobody else; a redelivery sends nothing more', async () => {
    const row = coverageRow('2026-W47');
    await handle(row);
    await handle(row);
    const expected = Object.values(people)
      .filter((p) => p.roles.includes('academic_affairs'))
      .map((p) => p.email.toLowerCase())
      .sort();
    expect(expected.length).toBeGreaterThanOrEqual(2);
    const got = sink.mails
      .flatMap((m) => (Array.isArray(m.to) ? m.to : m.to ? [m.to] : []))
      .flatMap((a) => a.value.map((v) => (v.address ?? '').toLowerCase()))
      .sort();
    expect(got).toEqual(expected);
    const ids = new Set(sink.mails.map((m) => m.messageId));
    expect(ids.size).toBe(expected.length);

    const mail = sink.to(people.academic.email)[0]!;
    expect(mail.subject).toBe(
      '【提醒】请导入2027年节假日安排 / Please import the 2027 holiday table',
    );
    expect(mail.messageId).toMatch(/^<[0-9a-f-]{36}@certflow\.certflow\.example\.edu\.cn>$/u);
    const text = mail.text ?? '';
    expect(text.startsWith('尊敬的王处长：\n您好！')).toBe(true);
    expect(text).toContain('截止时间落在2027年的待办暂按周末计算');
    expect(text).toContain('pnpm certflow calendar import <文件>');
    expect(text).toContain('PUT /api/calendar/2027');
    expect(text).toContain(`${PUBLIC_URL}/admin/calendar`);
    // English second
    expect(text.indexOf('暂按周末计算')).toBeLessThan(text.indexOf('counted on weekends alone'));
    expect(text).toContain('pnpm certflow calendar import <file>');
    expect(mail.html).toContain(`href="${PUBLIC_URL}/admin/calendar"`);
    expect(mail.headers.get('auto-submitted')).toBe('auto-generated');
  });

  it('next week’s row is another mail to each of them', async () => {
    const before = sink.mails.length;
    await handle(coverageRow('2026-W48'));
    expect(sink.mails.length - before).toBe(2);
  });

  it('refuses, for good, a row of another kind or a malformed payload', async () => {
    const wrongKind = { ...coverageRow('2026-W49'), kind: 'notify' };
    await expect(handle(wrongKind)).rejects.toMatchObject({
      code: 'MAIL_WRONG_KIND',
      retryable: false,
    });
    const bad = { ...coverageRow('2026-W49'), payload: { notification: 'calendar-coverage' } };
    const error: unknown = await handle(bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InfrastructureError);
    expect(error).toMatchObject({ code: 'MAIL_BAD_PAYLOAD', retryable: false });
  });
});
