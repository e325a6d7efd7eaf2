import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { RefreshableCalendar } from '@certflow/calendar';
import type { CertflowClient, Task } from '@certflow/client';
import type { PersonKey } from '@certflow/pilot/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCalendarWorld, type CalendarWorld } from './support/calendar-world.js';

const example = readFileSync(
  new URL('../../../packages/calendar/examples/2027.example.json', import.meta.url),
  'utf8',
);
const bj = (iso: string): string =>
  new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

type Body = Record<string, unknown> & { details?: { problems?: { line: number; code: string }[] } };

/**
 * The calendar API end to end: real PostgreSQL, the real calendar and pilot flows, an HTTP server,
 * at 2026-12-28 (a test clock) when 2027 has no table yet.
 */
describe('the calendar API on PostgreSQL', () => {
  let w: CalendarWorld;
  let calendar: RefreshableCalendar;
  const as = (who: PersonKey): CertflowClient => w.as(who);
  const fingerprint = (): Promise<string> => w.fingerprint();
  const put = (who: PersonKey, body: string, query = '', type = 'application/json') =>
    as(who).raw(`/api/calendar/2027${query}`, {
      method: 'PUT',
      body,
      headers: { 'content-type': type },
    });
  const startReport = async (period: string): Promise<Task> => {
    const i = await as('academic').startInstance('report', {
      kind: 'dynamic',
      collegeId: 'ee',
      period,
    });
    return i.tasks[0] as Task;
  };

  beforeAll(async () => {
    w = await startCalendarWorld('2026-12-28T10:00:00+08:00');
    calendar = w.calendar;
  });
  afterAll(() => w.close());

  it('before the import: 2027 is provisional, a warning stands, deadlines in 2027 are provisional', async () => {
    const task = await startReport('2026-12');
    expect(bj(task.dueAt ?? '')).toBe('2027-01-04 17:30');
    // The API says the deadline is provisional, and why (as the mail does).
    expect(task.due).toMatchObject({ at: task.dueAt, provisional: true });
    expect(task.due?.explanation.zh).toContain('暂按周末计算');
    const overview = await as('owner').raw('/api/calendar');
    expect(overview.status).toBe(200);
    const body = overview.body as {
      years: { year: number; status: string; origin: string | null }[];
      warning: { year: number } | null;
      workday: object;
    };
    expect(body.years.at(-1)).toMatchObject({ year: 2027, status: 'provisional', origin: null });
    expect(body.years.find((y) => y.year === 2026)).toMatchObject({
      status: 'official',
      origin: 'package',
    });
    expect(body.warning).toMatchObject({ year: 2027, code: 'CALENDAR_NEXT_YEAR_NOT_COVERED' });
    expect(body.workday).toEqual({ start: '09:00', end: '17:30' });

    const y2026 = (await as('owner').raw('/api/calendar/2026')).body as {
      days: { date: string; kind: string; name?: { zh: string } }[];
      imports: unknown[];
    };
    expect(y2026.days).toHaveLength(365);
    const day = (d: string) => y2026.days.find((x) => x.date === d);
    expect(day('2026-10-01')).toMatchObject({ kind: 'holiday', name: { zh: '国庆节' } });
    expect(day('2026-10-10')).toMatchObject({ kind: 'makeup', name: { zh: '国庆节' } });
    expect(day('2026-10-11')).toMatchObject({ kind: 'weekend' });
    expect(day('2026-10-12')).toMatchObject({ kind: 'work' });
    expect(y2026.imports).toEqual([]);
  });

  it('only academic affairs may import; refused loads change nothing', async () => {
    const before = await fingerprint();
    for (const who of ['owner', 'collegeLead', 'finance', 'auditor', 'leader'] as PersonKey[]) {
      const r = await put(who, example);
      expect([who, r.status, (r.body as Body)['code']]).toEqual([who, 403, 'NOT_AUTHORIZED']);
    }
    expect(
      (
        await as('owner').raw('/api/calendar/2027', {
          method: 'PUT',
          body: example,
          headers: { 'content-type': 'text/plain' },
        })
      ).status,
    ).toBe(415);
    expect(await fingerprint()).toBe(before);
  });

  it('a bad file is refused whole with its lines (422 rules, 400 malformed) and nothing changes', async () => {
    const before = await fingerprint();
    const weekday = await put(
      'academic',
      example.replace('"date": "2027-09-26"', '"date": "2027-09-27"'),
    );
    expect(weekday.status).toBe(422);
    const body = weekday.body as Body;
    expect(body['code']).toBe('CALENDAR_TABLE_INVALID');
    expect(body['message']).toContain('第 21 行：2027-09-27 是周一，调休上班日只能是周六或周日');
    expect(body['messageEn']).toContain('line 21: 2027-09-27 is a Monday');
    expect(body.details?.problems).toMatchObject([{ line: 21, code: 'WORKDAY_NOT_WEEKEND' }]);

    const malformed = await put('academic', example.replace('"year": 2027,', '"year": 2027'));
    expect(malformed.status).toBe(400);
    expect((malformed.body as Body)['code']).toBe('VALIDATION_FAILED');
    expect((malformed.body as Body).details?.problems?.[0]).toMatchObject({
      line: 3,
      code: 'JSON_SYNTAX',
    });
    const wrongYear = await put('academic', example.replace('"year": 2027', '"year": 2028'));
    expect([wrongYear.status, (wrongYear.body as Body).details?.problems?.[0]?.code]).toEqual([
      422,
      'YEAR_MISMATCH',
    ]);
    expect(await fingerprint()).toBe(before);
  });

  it('a dry run says which open deadlines would move and writes nothing', async () => {
    const before = await fingerprint();
    const r = await put('academic', example, '?dryRun=1');
    expect(r.status).toBe(200);
    const body = r.body as {
      dryRun: boolean;
      audit: unknown;
      deadlines: { kind: string; label: string; from: string; to: string }[];
    };
    expect(body.dryRun).toBe(true);
    expect(body.audit).toBeNull();
    expect(body.deadlines.map((m) => `${m.kind} ${m.label} ${bj(m.from)} → ${bj(m.to)}`)).toEqual([
      'timer remind 2027-01-01 09:00 → 2027-01-04 09:00',
      'timer remind 2027-01-04 09:00 → 2027-01-05 09:00',
      'task report 2027-01-04 17:30 → 2027-01-05 17:30',
      'timer event 2027-01-04 17:30 → 2027-01-05 17:30', // the overdue timeout
    ]);
    expect(await fingerprint()).toBe(before);
    expect(calendar.isCovered(2027)).toBe(false);
  });

  it('an import is stored, audited, counted on at once, and moves the open deadlines', async () => {
    const open = (await as('academic').listInstances({ flow: 'report', status: 'active' })).items;
    expect(open).toHaveLength(1);
    const r = await put('academic', example);
    expect(r.status).toBe(200);
    const sha256 = createHash('sha256').update(example).digest('hex');
    expect(r.body).toMatchObject({
      dryRun: false,
      sha256,
      // The open report's task, its two reminders and its overdue timeout (audited per instance).
      recomputed: { instances: 1, tasks: 1, timers: 3 },
      audit: { sha256, by: { id: 'u-aa', name: '王处长' } },
    });
    const id = open[0]?.id ?? '';
    const moved = await as('academic').getInstance(id);
    expect(bj(moved.tasks[0]?.dueAt ?? '')).toBe('2027-01-05 17:30');
    expect(moved.tasks[0]?.due).toMatchObject({ provisional: false });
    const history = (await as('academic').history(id)).items;
    expect(history.at(-1)).toMatchObject({ event: 'RECOMPUTE_DEADLINES', actorId: 'system' });
    expect((await as('auditor').verify(id)).ok).toBe(true);
    expect(calendar.isCovered(2027)).toBe(true); // the server refreshed after its own import

    const overview = (await as('owner').raw('/api/calendar')).body as {
      years: { year: number }[];
      warning: unknown;
    };
    expect(overview.warning).toBeNull();
    expect(overview.years.find((y) => y.year === 2027)).toMatchObject({
      status: 'official',
      origin: 'import',
      source: { title: expect.stringContaining('2027年部分节假日安排') as unknown },
      imported: { sha256, by: { id: 'u-aa' } },
      holidayDays: 29,
      makeupDays: 6,
    });
    const y2027 = (await as('academic').raw('/api/calendar/2027')).body as {
      days: { date: string; kind: string }[];
      imports: { sha256: string; diff: { added: unknown[] } }[];
    };
    expect(y2027.days.find((d) => d.date === '2027-01-01')).toMatchObject({
      kind: 'holiday',
      name: { zh: '元旦', en: "New Year's Day" },
    });
    expect(y2027.imports).toHaveLength(1);
    expect(y2027.imports[0]).toMatchObject({ sha256 });
    expect(y2027.imports[0]?.diff.added).toHaveLength(35);
    expect(
      ((await as('owner').raw('/api/calendar/2027')).body as { imports: unknown[] }).imports,
    ).toEqual([]);

    // The engine counts on the new table right away: no longer provisional, 元旦 skipped.
    const task = await startReport('2026-11');
    expect(bj(task.dueAt ?? '')).toBe('2027-01-05 17:30');
  });

  it('documents the routes and the file shape in the OpenAPI document', async () => {
    const doc = (await as('owner').raw('/api/openapi.json')).body as {
      paths: Record<string, unknown>;
      components: { schemas: Record<string, unknown> };
    };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/calendar', '/api/calendar/{year}']),
    );
    expect(doc.components.schemas).toHaveProperty('CalendarFile');
  });
});
