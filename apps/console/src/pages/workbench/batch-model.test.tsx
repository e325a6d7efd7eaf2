// @vitest-environment happy-dom
import type { BatchResult, InboxTask } from '@certflow/client';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderInConsole } from '../../test/render';
import '../../test/setup-dom';
import {
  BATCH_MAX,
  batchRequest,
  keepSelected,
  outcomesOf,
  selectable,
  summaryOf,
} from './batch-model';
import { DueTag } from './due-tag';

const NOW = Date.parse('2026-12-02T02:00:00Z');

const task = (id: string, batch: boolean, extra: Partial<InboxTask> = {}): InboxTask => ({
  id,
  state: batch ? 'leadershipReview' : 'collegeReview',
  step: batch ? 'leadership' : 'college',
  kind: 'step',
  role: batch ? 'leadership' : 'college_lead',
  college: null,
  assignee: null,
  events: ['APPROVE', 'RETURN'],
  approval: true,
  dueAt: null,
  due: null,
  createdAt: '2026-11-30T02:00:00Z',
  instanceId: `i-${id}`,
  flow: 'pilot-project',
  title: `项目 ${id}`,
  overdue: false,
  batch,
  instance: {
    id: `i-${id}`,
    flow: 'pilot-project',
    flowVersion: 1,
    title: `项目 ${id}`,
    state: 'leadershipReview',
    status: 'active',
    college: 'ee',
    submitterId: 'u-owner',
    submitterName: '张老师',
    createdAt: '2026-11-30T02:00:00Z',
    updatedAt: '2026-11-30T02:00:00Z',
    overdue: false,
  },
  ...extra,
});

describe('batch selection', () => {
  it('offers only the tasks whose step allows 批量审批, and keeps only what is still listed', () => {
    const tasks = [task('a', true), task('b', false), task('c', true)];
    expect(selectable(tasks).map((t) => t.id)).toEqual(['a', 'c']);
    // b is not batchable, d was decided elsewhere and left the list.
    expect(keepSelected(['a', 'b', 'd', 'c'], tasks)).toEqual(['a', 'c']);
    expect(keepSelected(['a'], [task('a', false)])).toEqual([]);
  });

  it('sends one item per task and the opinion only when there is one', () => {
    expect(batchRequest(['a', 'c'], '  ')).toEqual({ items: [{ taskId: 'a' }, { taskId: 'c' }] });
    expect(batchRequest(['a'], ' 同意实施 ')).toEqual({
      items: [{ taskId: 'a' }],
      comment: '同意实施',
    });
    const many = Array.from({ length: 60 }, (_, i) => `t${i}`);
    expect(batchRequest(many, '').items).toHaveLength(BATCH_MAX);
  });
});

/** A refused item as the server answers it: no instance, the error. */
const refused = (taskId: string, status: number, code: string, message: string) => ({
  taskId,
  ok: false,
  instanceId: null,
  version: null,
  state: null,
  status: null,
  error: { status, code, message, messageEn: message },
});

/** A deadline of 5 working days, provisional or not. */
const due = (at: string, provisional: boolean) => ({
  at,
  provisional,
  explanation: { zh: '5个工作日', en: '5 working days' },
});

describe('batch results', () => {
  const result: BatchResult = {
    approved: 1,
    refused: 2,
    items: [
      {
        taskId: 'a',
        ok: true,
        instanceId: 'i-a',
        version: 5,
        state: 'approved',
        status: 'completed',
        error: null,
      },
      refused('c', 404, 'TASK_NOT_FOUND', '待办不存在或已被办理'),
      refused('x', 409, 'VERSION_CONFLICT', 'Version conflict'),
    ],
  };

  it('says per item: 已同意, or the refusal in Chinese (a message without Chinese gets one)', () => {
    const titles: Record<string, string> = { a: '项目 A', c: '项目 C' };
    expect(outcomesOf(result, (id) => titles[id])).toEqual([
      { taskId: 'a', title: '项目 A', ok: true, text: '已同意' },
      { taskId: 'c', title: '项目 C', ok: false, text: '待办不存在或已被办理' },
      { taskId: 'x', title: 'x', ok: false, text: '数据已被他人修改，请刷新后重试' },
    ]);
  });

  it('sums up the batch', () => {
    expect(summaryOf(result)).toBe('已同意 1 项，2 项未能办理');
    expect(summaryOf({ ...result, approved: 3, refused: 0 })).toBe('已同意 3 项');
    expect(summaryOf({ ...result, approved: 0, refused: 2 })).toBe('2 项均未能办理');
  });
});

describe('the deadline mark of a task', () => {
  it('is red when overdue and says 暂定 (with why) when the year has no official table', () => {
    renderInConsole(
      <DueTag dueAt="2026-11-30T09:30:00Z" due={due('2026-11-30T09:30:00Z', true)} now={NOW} />,
    );
    expect(screen.getByText('已超期 1 天')).toBeTruthy();
    const mark = screen.getByText('暂定');
    expect(mark.closest('[title]')?.getAttribute('title')).toContain('5个工作日');
  });

  it('is orange within a day, and no 暂定 for an official deadline', () => {
    renderInConsole(
      <DueTag dueAt="2026-12-02T09:30:00Z" due={due('2026-12-02T09:30:00Z', false)} now={NOW} />,
    );
    expect(screen.getByText(/^即将到期/)).toBeTruthy();
    expect(screen.queryByText('暂定')).toBeNull();
  });
});
