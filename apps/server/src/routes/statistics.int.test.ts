import { SYSTEM_ACTOR, type JsonObject } from '@certflow/engine';
import { createTestPostgres, type TestPostgres } from '@certflow/db/testing';
import { applyEntry, openLedger } from '@certflow/pilot';
import { driveAssessment, people, projectRecord } from '@certflow/pilot/testing';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { TokenService } from '../auth/token-service.js';
import { businessCalendar, engineFor } from '../runtime/compose.js';

/** `GET /api/statistics` over real PostgreSQL: what the year's records say, as JSON, CSV and XLSX. */
let pg: TestPostgres;
let app: ReturnType<typeof createApp>;
const tokens = new TokenService('test-secret-0123456789-abcdefghijklmnop');
const as = async (p: {
  id: string;
  name: string;
  email: string;
  roles: readonly string[];
  college?: string;
}) => ({
  Authorization: `Bearer ${await tokens.sign(
    {
      sub: p.id,
      name: p.name,
      email: p.email,
      roles: [...p.roles] as never,
      ...(p.college ? { college: p.college } : {}),
    },
    600,
  )}`,
});

beforeAll(async () => {
  pg = await createTestPostgres();
  const engine = engineFor(pg, await businessCalendar(pg));
  app = createApp({
    engine,
    store: pg.store,
    directory: pg.directory,
    db: pg.db,
    driver: 'postgres',
    tokens,
    logger: pino({ level: 'silent' }),
  });
  const at = '2027-03-01T01:00:00.000Z';
  const web = projectRecord({ id: 'p-web' });
  const put = (kind: string, key: string, value: JsonObject) =>
    engine.putReference({ kind, key, value, actor: SYSTEM_ACTOR });
  {
    await put('project', 'p-web', web);
    await put('project', 'p-old', projectRecord({ id: 'p-old', year: 2026 }));
    await put(
      'ledger',
      'p-web',
      JSON.parse(
        JSON.stringify(
          applyEntry(openLedger('p-web', web.budget, at), {
            type: 'expense',
            category: 'certificateFees',
            amount: 150_000,
            receiptRef: 'att://r.pdf',
            note: '',
            at,
            source: 'a',
          }),
        ),
      ) as JsonObject,
    );
  }
  const cycle = await engine.start(
    'assessment',
    {
      projectId: 'p-web',
      collegeId: 'ee',
      batch: '2027-1',
      site: { name: 'A301', address: '济南', capacity: 60 },
    },
    people.owner,
  );
  await driveAssessment(engine, cycle, 'archive');
});
afterAll(async () => {
  await pg?.drop();
});

describe('GET /api/statistics (第五条4, 第十四条)', () => {
  it('教务处 gets the year per college and certificate: projects, trained, pass rate, spending', async () => {
    const res = await app.request('/api/statistics?year=2027', {
      headers: await as(people.academic),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { rows: unknown[]; total: Record<string, unknown> };
    expect(body.rows).toEqual([
      expect.objectContaining({
        collegeId: 'ee',
        certificateCode: 'WEB-FE',
        projects: 1,
        trained: 3,
        examined: 3,
        passed: 2,
        budget: 750_000,
        spent: 150_000,
        spendingRate: 0.2,
      }),
    ]);
    expect(body.total).toMatchObject({ collegeId: '全校', projects: 1 });
  });

  it('exports CSV and XLSX', async () => {
    const csv = await app.request('/api/statistics?year=2027&format=csv', {
      headers: await as(people.academic),
    });
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toContain('pilot-statistics-2027.csv');
    const text = await csv.text();
    expect(text.split('\r\n')[1]).toBe(
      'ee,WEB-FE,Web前端开发,中级,1,40,3,3,2,0.6667,7500,1500,6000,0.2',
    );
    const xlsx = await app.request('/api/statistics?year=2027&format=xlsx', {
      headers: await as(people.auditor),
    });
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml.sheet');
    const bytes = new Uint8Array(await xlsx.arrayBuffer());
    expect([...bytes.slice(0, 2)]).toEqual([0x50, 0x4b]); // a zip (OOXML); its content is read back in @certflow/pilot
  });

  it('only school-wide readers; a bad year is a 400', async () => {
    const owner = await app.request('/api/statistics?year=2027', {
      headers: await as(people.owner),
    });
    expect(owner.status).toBe(403);
    expect(await owner.json()).toMatchObject({
      code: 'NOT_AUTHORIZED',
      message: expect.any(String),
      messageEn: expect.any(String),
    });
    const bad = await app.request('/api/statistics?year=27', {
      headers: await as(people.academic),
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    const empty = await app.request('/api/statistics?year=2030', {
      headers: await as(people.academic),
    });
    expect(await empty.json()).toMatchObject({ rows: [], colleges: [], total: { projects: 0 } });
  });
});
