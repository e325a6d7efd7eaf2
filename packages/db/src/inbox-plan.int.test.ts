import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { taskRecord, T0 } from './fixtures.js';
import { createTestPostgres, type TestPostgres } from './testing.js';

// The inbox's plan, not its speed: every branch is an index scan in the inbox's order, so a page
// never sorts (or even reads) the whole set of matching tasks.

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

function nodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodes)];
}

describe('inbox query plan on PostgreSQL', () => {
  let pg: TestPostgres;
  const statements: { query: string; parameters: unknown[] }[] = [];

  beforeAll(async () => {
    pg = await createTestPostgres({ max: 1 });
    const rows = Array.from({ length: 4000 }, (_, i) =>
      taskRecord(`t-${i}`, {
        instanceId: `i-${i}`,
        role: i % 2 === 0 ? 'academic_affairs' : 'college_lead',
        college: i % 2 === 0 ? null : i % 4 === 1 ? 'c3' : 'c5',
        assignee: i % 10 === 7 ? `u-${i % 7}` : null,
        dueAt: i % 5 === 0 ? null : new Date(T0.getTime() + ((i * 7919) % 86_400) * 1000),
        createdAt: new Date(T0.getTime() - i * 1000),
      }),
    );
    for (let i = 0; i < rows.length; i += 500) {
      await pg.store.transaction((tx) => tx.insertTasks(rows.slice(i, i + 500)));
    }
    await pg.sql`vacuum analyze tasks`;
    (pg.sql.options as { debug: unknown }).debug = (
      _c: number,
      query: string,
      parameters: unknown[],
    ) => statements.push({ query, parameters });
  });
  afterAll(async () => {
    await pg.drop();
  });

  it.each([
    ['school-wide office', 'u-aa', ['academic_affairs'], null, 'tasks_inbox_school_idx'],
    ['college lead', 'u-lead', ['college_lead'], 'c3', 'tasks_inbox_college_idx'],
  ])(
    'pages the %s inbox by index scans without a sort',
    async (_, actorId, roles, college, index) => {
      statements.length = 0;
      const page = await pg.store.read.inbox({
        actorId,
        roles,
        college,
        organization: null,
        limit: 20,
        offset: 40,
      });
      expect(page.items).toHaveLength(20);
      (pg.sql.options as { debug: unknown }).debug = undefined;
      try {
        for (const s of statements) {
          const [row] = await pg.sql.unsafe<{ 'QUERY PLAN': { Plan: PlanNode }[] }[]>(
            `explain (format json) ${s.query}`,
            s.parameters as never[],
          );
          const all = nodes(row!['QUERY PLAN'][0]!.Plan);
          const types = all.map((n) => n['Node Type']);
          expect(types).not.toContain('Sort');
          expect(types).not.toContain('Seq Scan');
          expect(types).not.toContain('Bitmap Heap Scan');
          expect(all.map((n) => n['Index Name'])).toContain(index);
        }
      } finally {
        (pg.sql.options as { debug: unknown }).debug = (
          _c: number,
          query: string,
          parameters: unknown[],
        ) => statements.push({ query, parameters });
      }
      expect(statements.length).toBeGreaterThanOrEqual(2);
    },
  );
});
