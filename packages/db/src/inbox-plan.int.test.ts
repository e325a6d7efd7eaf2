import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { taskRecord, T0, writeOf } from '@certflow/engine/testing';
import { createTestPostgres, type TestPostgres } from './testing/index.js';
import { explain } from './testing/query-plans.js';
import { StatementLog } from './testing/statement-log.js';

// The inbox's plan, not its speed: every branch is an index scan in the inbox's order, so a page
// never sorts (or even reads) the whole set of matching tasks.

describe('inbox query plan on PostgreSQL', () => {
  let pg: TestPostgres;
  let log: StatementLog;

  beforeAll(async () => {
    pg = await createTestPostgres({ max: 1 });
    const rows = Array.from({ length: 6000 }, (_, i) =>
      taskRecord(`t-${i}`, {
        instanceId: `i-${i}`,
        role: i % 2 === 0 ? 'academic_affairs' : 'college_lead',
        college: i % 4 === 1 ? 'c3' : null,
        // The other college-lead tasks are an evaluation organization's (第六条3).
        organization: i % 4 === 3 ? 'org-1' : null,
        assignee: i % 10 === 7 ? `u-${i % 7}` : null,
        dueAt: i % 5 === 0 ? null : new Date(T0.getTime() + ((i * 7919) % 86_400) * 1000),
        createdAt: new Date(T0.getTime() - i * 1000),
      }),
    );
    for (let i = 0; i < rows.length; i += 500) {
      expect(await pg.store.write(writeOf({ newTasks: rows.slice(i, i + 500) }))).toBe(true);
    }
    await pg.sql`vacuum analyze tasks`;
    log = new StatementLog(pg.sql);
  });
  afterAll(async () => {
    log?.stop();
    await pg?.drop();
  });

  it.each([
    ['school-wide office', 'u-aa', ['academic_affairs'], null, null, 'tasks_inbox_school_idx'],
    ['college lead', 'u-lead', ['college_lead'], 'c3', null, 'tasks_inbox_college_idx'],
    ['organization', 'u-org', ['college_lead'], null, 'org-1', 'tasks_inbox_organization_idx'],
  ])(
    'pages the %s inbox by index scans without a sort',
    async (_, actorId, roles, college, organization, index) => {
      await log.during(async () => {
        const page = await pg.store.read.inbox({
          actorId,
          roles,
          college,
          organization,
          limit: 20,
          offset: 40,
        });
        expect(page.items).toHaveLength(20);
        expect(page.total).toBeGreaterThan(60);
      });
      const statements = [...log.statements];
      expect(statements.length).toBeGreaterThanOrEqual(2);
      for (const statement of statements) {
        const all = await explain(pg.sql, statement);
        const types = all.map((n) => n['Node Type']);
        expect(types).not.toContain('Sort');
        expect(types).not.toContain('Seq Scan');
        expect(types).not.toContain('Bitmap Heap Scan');
        expect(all.map((n) => n['Index Name'])).toContain(index);
      }
    },
  );
});
