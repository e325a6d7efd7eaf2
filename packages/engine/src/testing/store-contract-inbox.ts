import { beforeEach, describe, expect, it } from 'vitest';
import type { InboxQuery } from '../ports/store.js';
import type { TaskRecord } from '../records.js';
import { later, taskRecord } from './fixtures.js';
import type { StoreContractContext } from './store-contract-context.js';

const h = (hours: number): Date => later(hours * 60);

// u1: college_lead of ee. u3: academic_affairs + college_lead, school-wide (no college).
// u-org: an evaluation organization's person (第六条3).
const rows: TaskRecord[] = [
  taskRecord('school-aa', { role: 'academic_affairs', college: null, dueAt: h(48) }),
  taskRecord('ee-lead', { dueAt: h(24) }),
  taskRecord('cs-lead', { college: 'cs', dueAt: h(24) }),
  taskRecord('school-lead', { college: null, dueAt: null, createdAt: later(5) }),
  taskRecord('ee-lead-nodue', { dueAt: null, createdAt: later(1) }),
  taskRecord('mine', { role: 'finance', college: null, assignee: 'u1', dueAt: h(72) }),
  taskRecord('someone-else', { assignee: 'u2' }),
  taskRecord('ee-done', { status: 'done', completedAt: later(1), completedBy: 'x' }),
  taskRecord('org-a', { role: 'evaluator', college: null, organization: 'org-a', dueAt: h(12) }),
  taskRecord('org-b', { role: 'evaluator', college: null, organization: 'org-b', dueAt: h(6) }),
  taskRecord('org-a-lead', { college: null, organization: 'org-a', dueAt: h(30) }),
];

/** The inbox: assigned tasks, and unassigned ones of my roles where I belong. */
export function describeInboxCases(
  { seed }: StoreContractContext,
  inboxOf: (query: InboxQuery) => Promise<{ items: TaskRecord[]; total: number }>,
): void {
  describe('inbox', () => {
    const inbox = async (
      actorId: string,
      roles: string[],
      where: { college?: string; organization?: string } = {},
      limit = 50,
      offset = 0,
    ) => {
      const page = await inboxOf({
        actorId,
        roles,
        college: where.college ?? null,
        organization: where.organization ?? null,
        limit,
        offset,
      });
      return { ids: page.items.map((t) => t.id), total: page.total };
    };
    beforeEach(async () => {
      await seed({ newTasks: rows });
    });

    it('shows assigned tasks and unassigned tasks of my roles in my college or school-wide', async () => {
      expect(await inbox('u1', ['college_lead'], { college: 'ee' })).toEqual({
        ids: ['ee-lead', 'mine', 'ee-lead-nodue', 'school-lead'],
        total: 4,
      });
    });

    it('shows a school-wide person only school-wide tasks of their roles', async () => {
      expect(await inbox('u3', ['academic_affairs', 'college_lead'])).toEqual({
        ids: ['school-aa', 'school-lead'],
        total: 2,
      });
    });

    it("shows an organization's people its own organization's tasks, and nobody else", async () => {
      expect(
        await inbox('u-org', ['evaluator', 'college_lead'], { organization: 'org-a' }),
      ).toEqual({ ids: ['org-a', 'org-a-lead', 'school-lead'], total: 3 });
      expect(await inbox('u-orb', ['evaluator'], { organization: 'org-b' })).toEqual({
        ids: ['org-b'],
        total: 1,
      });
      expect(await inbox('u-none', ['evaluator'])).toEqual({ ids: [], total: 0 });
      expect(await inbox('u-ee', ['evaluator'], { college: 'ee' })).toEqual({ ids: [], total: 0 });
    });

    it('shows nothing to someone without roles or assignments', async () => {
      expect(await inbox('nobody', [], { college: 'ee' })).toEqual({ ids: [], total: 0 });
      expect(await inbox('u2', [])).toEqual({ ids: ['someone-else'], total: 1 });
    });

    it('pages with a stable order and the full total', async () => {
      expect(await inbox('u1', ['college_lead'], { college: 'ee' }, 2, 1)).toEqual({
        ids: ['mine', 'ee-lead-nodue'],
        total: 4,
      });
      expect(await inbox('u1', ['college_lead'], { college: 'ee' }, 2, 10)).toEqual({
        ids: [],
        total: 4,
      });
    });

    it('returns whole records and follows reassignment and closing', async () => {
      const page = await inboxOf({
        actorId: 'u1',
        roles: ['college_lead'],
        college: 'ee',
        organization: null,
        limit: 1,
        offset: 0,
      });
      expect(page).toStrictEqual({ items: [rows[1]], total: 4 });
      await seed({
        updateTasks: [{ ...rows[1]!, assignee: 'u9' }],
        closeTasks: [{ id: 'mine', status: 'done', by: 'u1', at: later(2) }],
      });
      expect(await inbox('u1', ['college_lead'], { college: 'ee' })).toEqual({
        ids: ['ee-lead-nodue', 'school-lead'],
        total: 2,
      });
      expect(await inbox('u9', [])).toEqual({ ids: ['ee-lead'], total: 1 });
    });
  });
}
