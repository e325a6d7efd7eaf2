// @vitest-environment happy-dom
import type { FlowInfo, HistoryEntry, Task } from '@certflow/client';
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import flowJson from '../../test/pilot-project-flow.json';
import { renderInConsole } from '../../test/render';
import '../../test/setup-dom';
import { instanceAt } from './instance-fixture';
import { Timeline } from './timeline';
import { provisionalCheck } from './provisional';
import { PROVISIONAL_EXPLANATION, timelineOf } from './timeline-model';

/** `GET /api/flows` → pilot-project, as the server answered it (states, diagram, input schema). */
const flow = flowJson as unknown as FlowInfo;
const NOW = Date.parse('2026-12-02T02:00:00Z');
const people: Record<string, string> = {
  'u-owner': '张老师',
  'u-lead': '李院长',
  'u-aa': '王处长',
  'u-audit': '吴审计',
};
const person = (id: string) => people[id] ?? id;

const row = (
  seq: number,
  event: string,
  actor: string,
  from: string | null,
  to: string,
  extra: Partial<HistoryEntry> = {},
): HistoryEntry => ({
  seq,
  actorId: actor,
  actorName: people[actor] ?? null,
  event,
  data: {},
  fromState: from,
  toState: to,
  comment: null,
  at: `2026-12-0${seq}T01:00:00.000Z`,
  prevHash: '0'.repeat(64),
  hash: String(seq).repeat(64),
  ...extra,
});

const task = (state: string, role: string, dueAt: string | null): Task => ({
  id: `t-${state}`,
  state,
  step: state,
  kind: 'step',
  role,
  college: null,
  assignee: null,
  events: ['APPROVE', 'RETURN', 'REJECT'],
  approval: true,
  dueAt,
  // No rule of its own: the timeline judges the deadline by the calendar's covered years.
  due: null,
  createdAt: '2026-12-02T01:00:00.000Z',
});

const instance = instanceAt;

const history = [
  row(1, 'START', 'u-owner', null, 'collegeReview'),
  row(2, 'APPROVE', 'u-lead', 'collegeReview', 'academicReview', { comment: '同意申报' }),
  row(3, 'CC', 'u-aa', 'academicReview', 'academicReview', { data: { userIds: ['u-audit'] } }),
];

describe('the timeline of an instance', () => {
  it('shows who did what and when, the step waiting with its deadline, and the steps to come', () => {
    const active = instance({
      tasks: [task('academicReview', 'academic_affairs', '2026-12-01T09:30:00.000Z')],
    });
    const items = timelineOf(active, history, flow, person);
    expect(items.map((i) => [i.kind, i.title, i.who])).toEqual([
      ['done', '提交申请', '张老师'],
      ['done', '同意', '李院长'],
      ['done', '抄送', '王处长'],
      ['pending', '教务处审核', '教务处'],
      ['future', '领导小组审批', '1+X试点工作领导小组'],
    ]);
    expect(items[4]?.conditional).toBe(true);
    // The time the step allows, from the server's diagram (限 5 工作日).
    expect(items[4]?.limit).toBe('5 个工作日');

    renderInConsole(<Timeline items={items} now={NOW} instanceId="i-1" />);
    expect(screen.getByText('同意申报')).toBeTruthy();
    expect(screen.getByText('抄送 吴审计')).toBeTruthy();
    expect(screen.getByText('当前环节')).toBeTruthy();
    // 2026-12-01T09:30Z is 17:30 Beijing, already past at NOW: marked overdue.
    expect(screen.getByText(/办理期限 2026\/12\/01 17:30（已超期）/)).toBeTruthy();
    expect(screen.getByText('视情况')).toBeTruthy();
    expect(screen.getByText('办理时限 5 个工作日（到达该环节起计）')).toBeTruthy();
    expect(document.querySelectorAll('[data-kind="future"]')).toHaveLength(1);
  });

  it('names the whole path ahead from the first step (college → academic affairs → leadership if needed)', () => {
    const fresh = instance({
      state: 'collegeReview',
      version: 1,
      tasks: [task('collegeReview', 'college_lead', null)],
    });
    const items = timelineOf(fresh, history.slice(0, 1), flow, person);
    expect(
      items.filter((i) => i.kind !== 'done').map((i) => [i.kind, i.title, i.conditional ?? false]),
    ).toEqual([
      ['pending', '二级学院审核', false],
      ['future', '教务处审核', false],
      ['future', '领导小组审批', true],
    ]);
    renderInConsole(<Timeline items={items} now={NOW} instanceId="i-1" />);
    expect(screen.getByText('无办理期限')).toBeTruthy();
  });

  it('ends a finished instance with its outcome and no steps to come', () => {
    const done = instance({ state: 'approved', status: 'completed', version: 4 });
    const items = timelineOf(
      done,
      [...history, row(4, 'APPROVE', 'u-aa', 'academicReview', 'approved', { comment: '同意' })],
      flow,
      person,
    );
    expect(items.at(-1)).toMatchObject({ kind: 'end', title: '已通过' });
    expect(items.some((i) => i.kind === 'pending' || i.kind === 'future')).toBe(false);
    renderInConsole(<Timeline items={items} now={NOW} instanceId="i-1" />);
    expect(screen.getByText('已通过')).toBeTruthy();
    expect(screen.queryByText('当前环节')).toBeNull();
  });

  it('says 退回 and 驳回 in their colours and keeps the reason', () => {
    const returned = instance({
      state: 'returned',
      version: 3,
      tasks: [{ ...task('returned', 'submitter', null), approval: false }],
    });
    const items = timelineOf(
      returned,
      [
        ...history.slice(0, 2),
        row(3, 'RETURN', 'u-aa', 'academicReview', 'returned', { comment: '预算测算依据不足' }),
      ],
      flow,
      person,
    );
    expect(items[2]).toMatchObject({
      title: '退回',
      tone: 'orange',
      comment: '预算测算依据不足',
      step: '教务处审核',
    });
    expect(items[3]).toMatchObject({ kind: 'pending', title: '退回修改', who: '申请人 张老师' });
  });

  it('marks a deadline provisional when its year has no official holiday table, or when the task says so', async () => {
    const years = [
      {
        year: 2026,
        status: 'official' as const,
        origin: 'package' as const,
        source: null,
        imported: null,
        holidayDays: 33,
        makeupDays: 6,
      },
      {
        year: 2027,
        status: 'provisional' as const,
        origin: null,
        source: null,
        imported: null,
        holidayDays: 0,
        makeupDays: 0,
      },
    ];
    const check = provisionalCheck(years);
    // 2026-12-31T16:00Z is 2027-01-01 00:00 Beijing: counted in 2027.
    expect(check('2026-12-31T16:00:00.000Z')).toBe(true);
    expect(check('2026-12-31T09:30:00.000Z')).toBe(false);
    expect(provisionalCheck(undefined)('2030-01-01T00:00:00.000Z')).toBe(false);

    const next = instance({
      tasks: [task('academicReview', 'academic_affairs', '2027-01-05T09:30:00.000Z')],
    });
    const items = timelineOf(next, history, flow, person, check);
    expect(items.find((i) => i.kind === 'pending')?.provisional).toEqual({
      explanation: PROVISIONAL_EXPLANATION,
    });
    renderInConsole(<Timeline items={items} now={NOW} instanceId="i-1" />);
    // Marked 暂定; why is said in its tooltip.
    expect(screen.queryByText(PROVISIONAL_EXPLANATION)).toBeNull();
    fireEvent.mouseEnter(screen.getByText('暂定'));
    expect(await screen.findByText(PROVISIONAL_EXPLANATION)).toBeTruthy();

    // In an official year nothing is marked; a task that carries its own `due` word wins.
    const thisYear = instance({
      tasks: [task('academicReview', 'academic_affairs', '2026-12-08T09:30:00.000Z')],
    });
    expect(timelineOf(thisYear, history, flow, person, check).some((i) => i.provisional)).toBe(
      false,
    );
    const told = instance({
      tasks: [
        {
          ...task('academicReview', 'academic_affairs', '2026-12-08T09:30:00.000Z'),
          due: {
            at: '2026-12-08T09:30:00.000Z',
            provisional: true,
            explanation: { zh: '跳过 2027年1月1日–3日 元旦', en: '' },
          },
        },
      ],
    });
    expect(timelineOf(told, history, flow, person, check).find((i) => i.provisional)).toMatchObject(
      {
        provisional: { explanation: '跳过 2027年1月1日–3日 元旦' },
        dueRule: '跳过 2027年1月1日–3日 元旦',
      },
    );
  });
});
