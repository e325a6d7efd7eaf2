// @vitest-environment happy-dom
import {
  CertflowClient,
  type FlowInfo,
  type HistoryEntry,
  type Instance,
  type InstanceSteps,
  type StepState,
  type Task,
} from '@certflow/client';
import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '../../session/claims';
import { SessionContext } from '../../session/session-context';
import flowJson from '../../test/pilot-project-flow.json';
import { renderInConsole } from '../../test/render';
import '../../test/setup-dom';
import { instanceAt } from './instance-fixture';
import { commandOf } from './operation-command';
import { OperationModal } from './operation-modal';
import {
  canTakeBack,
  operationGroups,
  removableSigners,
  returnTargets,
  type Operation,
} from './operations-model';
import { personNamer } from './person-names';
import { phraseChoices, withPhrase } from './phrases';
import { stepProgressOf } from './step-progress-model';

const flow = flowJson as unknown as FlowInfo;

const user = (id: string, roles: string[], college: string | null = null): SessionUser => ({
  id,
  name: id,
  email: `${id}@demo`,
  roles,
  college,
  expiresAt: Date.now() + 3_600_000,
});
const WANG = user('u-aa', ['academic_affairs']);
const SUN = user('u-aa2', ['academic_affairs']);
const LI = user('u-lead', ['college_lead'], 'ee');
const ZHANG = user('u-owner', ['project_owner'], 'ee');
const WU = user('u-audit', ['auditor']);
const names: Record<string, string> = {
  'u-aa': '王处长',
  'u-aa2': '孙老师',
  'u-lead': '李院长',
  'u-owner': '张老师',
};
const person = (id: string) => names[id] ?? id;

const task = (over: Partial<Task> = {}): Task => ({
  id: 't-aa',
  state: 'academicReview',
  step: 'academic',
  kind: 'step',
  role: 'academic_affairs',
  college: null,
  assignee: null,
  events: ['APPROVE', 'RETURN', 'REJECT', 'TRANSFER', 'ADD_APPROVER', 'CC', 'COMMENT'],
  approval: true,
  dueAt: null,
  due: null,
  createdAt: '2026-12-02T01:00:00.000Z',
  ...over,
});

const instance = (over: Partial<Instance> = {}): Instance =>
  instanceAt({ tasks: [task()], ...over });

const row = (seq: number, event: string, actorId: string): HistoryEntry => ({
  seq,
  actorId,
  actorName: names[actorId] ?? null,
  event,
  data: {},
  fromState: 'collegeReview',
  toState: 'academicReview',
  comment: null,
  at: '2026-12-02T01:00:00.000Z',
  prevHash: '0'.repeat(64),
  hash: String(seq).repeat(64),
});

const step = (over: Partial<StepState>): StepState => ({
  step: 'academic',
  state: 'academicReview',
  open: true,
  returnable: false,
  mode: 'any',
  decided: [],
  pending: [],
  votes: null,
  slots: [],
  ...over,
});
const COLLEGE_DONE = step({
  step: 'college',
  state: 'collegeReview',
  open: false,
  returnable: true,
  decided: [
    { actorId: 'u-lead', actorName: '李院长', onBehalfOf: null, seq: 2, supersededBy: null },
  ],
});
const steps = (...items: StepState[]): InstanceSteps => ({ instanceId: 'i-1', version: 3, items });
const pendingAa = (over: Partial<StepState['pending'][number]> = {}) => ({
  taskId: 't-aa',
  kind: 'step',
  role: 'academic_affairs',
  assignee: null,
  assigneeName: null,
  delegatedTo: null,
  dueAt: null,
  ...over,
});

const labels = (groups: ReturnType<typeof operationGroups>) =>
  groups.map((g) => [g.title, g.operations.map((o) => o.label)]);
const history = [row(1, 'START', 'u-owner'), row(2, 'APPROVE', 'u-lead')];

describe('which operations a person is offered', () => {
  it('an approver of the current step: the flow’s decisions and every task operation, 退回 to a step', () => {
    const s = steps(COLLEGE_DONE, step({ pending: [pendingAa()] }));
    const groups = operationGroups(instance(), flow, WANG, s, history, person);
    expect(labels(groups)).toEqual([
      ['当前环节：教务处审核', ['同意', '退回', '驳回', '转办', '委派', '加签', '抄送', '评论']],
    ]);
    expect(groups[0]?.operations.find((o) => o.label === '退回')?.kind).toBe('return');
    expect(groups[0]?.operations.find((o) => o.label === '加签')?.kind).toBe('addSigner');
    // Nobody else's task, nothing for the auditor, nothing once the instance has ended.
    expect(operationGroups(instance(), flow, LI, s, history, person)).toEqual([
      expect.objectContaining({
        title: '其他操作',
        operations: [expect.objectContaining({ event: 'TAKE_BACK' })],
      }),
    ]);
    expect(operationGroups(instance(), flow, WU, s, history, person)).toEqual([]);
    expect(operationGroups(instance({ status: 'completed' }), flow, WANG, s, history)).toEqual([]);
  });

  it('委派: the delegator waits (no decision while delegated); the delegate resolves it', () => {
    const delegated = task({
      id: 't-del',
      kind: 'delegated',
      assignee: 'u-aa2',
      events: ['RESOLVE', 'COMMENT'],
    });
    const inst = instance({ tasks: [task({ assignee: 'u-aa' }), delegated] });
    const s = steps(
      COLLEGE_DONE,
      step({
        pending: [
          pendingAa({ assignee: 'u-aa', assigneeName: '王处长', delegatedTo: 'u-aa2' }),
          pendingAa({
            taskId: 't-del',
            kind: 'delegated',
            assignee: 'u-aa2',
            assigneeName: '孙老师',
          }),
        ],
      }),
    );
    const mine = operationGroups(inst, flow, WANG, s, history, person);
    expect(labels(mine)).toEqual([['当前环节：教务处审核', ['抄送', '评论']]]);
    expect(mine[0]?.note).toBe('已委派给 孙老师，待其办理完毕交回后再审批');
    const theirs = operationGroups(inst, flow, SUN, s, history, person);
    expect(labels(theirs)).toEqual([['委派办理：教务处审核', ['委派办理完毕', '评论']]]);
    expect(theirs[0]?.note).toContain('王处长委派您协助办理');
    expect(theirs[0]?.operations[0]).toMatchObject({ kind: 'resolve', event: 'RESOLVE' });
  });

  it('拿回 while the person’s approval is the last decision; comments and 抄送 since do not count', () => {
    const inst = instance();
    expect(canTakeBack(inst, history, LI)).toBe(true);
    expect(
      canTakeBack(inst, [...history, row(3, 'CC', 'u-aa'), row(4, 'COMMENT', 'u-aa')], LI),
    ).toBe(true);
    expect(canTakeBack(inst, [...history, row(3, 'TRANSFER', 'u-aa')], LI)).toBe(false);
    expect(canTakeBack(inst, history, WANG)).toBe(false);
    expect(canTakeBack(instance({ status: 'rejected' }), history, LI)).toBe(false);
    expect(canTakeBack(inst, [...history, row(3, 'RETURN', 'u-lead')], LI)).toBe(false);
  });

  it('减签: only approvers the person added who have not decided', () => {
    const s = steps(
      step({
        mode: 'all',
        slots: [
          { kind: 'person', personId: 'u-aa', name: '王处长', decision: 'approved', addedBy: null },
          {
            kind: 'person',
            personId: 'u-aa2',
            name: '孙老师',
            decision: 'waiting',
            addedBy: 'u-aa',
          },
          {
            kind: 'person',
            personId: 'u-aa3',
            name: '刘老师',
            decision: 'approved',
            addedBy: 'u-aa',
          },
          {
            kind: 'person',
            personId: 'u-aa4',
            name: '周老师',
            decision: 'pending',
            addedBy: 'u-other',
          },
        ],
      }),
    );
    expect(removableSigners(s, WANG)).toEqual([{ id: 'u-aa2', name: '孙老师', step: 'academic' }]);
    expect(removableSigners(s, SUN)).toEqual([]);
    const groups = operationGroups(instance({ tasks: [] }), flow, WANG, s, history, person);
    expect(labels(groups)).toEqual([['其他操作', ['减签']]]);
  });

  it('the applicant: 撤回 and 催办 while others decide', () => {
    expect(labels(operationGroups(instance(), flow, ZHANG, steps(), history, person))).toEqual([
      ['申请人操作', ['催办', '撤回']],
    ]);
  });
});

describe('the return-step picker', () => {
  it('offers the applicant and every step the server marks returnable, with who decided it this time', () => {
    const revise = step({
      step: 'revise',
      state: 'returned',
      open: false,
      returnable: true,
      decided: [
        { actorId: 'u-owner', actorName: '张老师', onBehalfOf: null, seq: 4, supersededBy: null },
      ],
    });
    // 李院长 decided the college step before the resubmission at seq 5, 周院长 since.
    const college = step({
      ...COLLEGE_DONE,
      decided: [
        { actorId: 'u-lead', actorName: '李院长', onBehalfOf: null, seq: 2, supersededBy: 5 },
        { actorId: 'u-lead2', actorName: '周院长', onBehalfOf: null, seq: 6, supersededBy: null },
      ],
    });
    // The 教务处 step was decided only before the resubmission: not returnable now.
    const stale = step({
      step: 'leadership',
      state: 'leadershipReview',
      open: false,
      decided: [
        { actorId: 'u-aa', actorName: '王老师', onBehalfOf: null, seq: 3, supersededBy: 5 },
      ],
    });
    const s = steps(college, revise, step({ pending: [pendingAa()] }), stale);
    expect(returnTargets(s, flow, '张老师')).toEqual([
      { value: 'applicant', label: '申请人（张老师，修改后重新提交）' },
      { value: 'college', label: '二级学院审核（周院长）' },
    ]);
    expect(returnTargets(undefined, flow, '张老师').map((t) => t.value)).toEqual(['applicant']);
  });
});

describe('multi-approver steps', () => {
  it('会签 with 加签: every approver with their decision and who added them, and the votes', () => {
    const s = steps(
      COLLEGE_DONE,
      step({
        mode: 'all',
        votes: { approved: 1, against: 0, threshold: 2, approvers: 2, round: 1, rounds: 2 },
        slots: [
          { kind: 'person', personId: 'u-aa', name: '王处长', decision: 'approved', addedBy: null },
          { kind: 'person', personId: 'u-aa2', name: null, decision: 'waiting', addedBy: 'u-aa' },
        ],
      }),
    );
    expect(stepProgressOf(s, flow, person)).toEqual([
      {
        step: 'academic',
        title: '教务处审核',
        mode: '会签',
        summary: '已同意 1 人，需 2 人同意（第 1/2 轮）',
        rows: [
          { key: 's0', who: '王处长', status: 'approved' },
          { key: 's1', who: '孙老师', status: 'waiting', note: '王处长 加签' },
        ],
      },
    ]);
    // The step's own (role) slot is named after whoever holds its task now (after 转办).
    const transferred = steps(
      step({
        pending: [pendingAa({ assignee: 'u-aa2', assigneeName: '孙老师' })],
        slots: [
          { kind: 'role', personId: null, name: null, decision: 'pending', addedBy: null },
          {
            kind: 'person',
            personId: 'u-aa3',
            name: '刘老师',
            decision: 'waiting',
            addedBy: 'u-aa2',
          },
        ],
      }),
    );
    expect(stepProgressOf(transferred, flow, person)[0]?.rows.map((r) => r.who)).toEqual([
      '孙老师',
      '刘老师',
    ]);
    const plain = steps(step({ pending: [pendingAa({ delegatedTo: 'u-aa2' })] }));
    expect(stepProgressOf(plain, flow, person)[0]?.rows).toEqual([
      { key: 't-aa', who: '教务处', status: 'pending', note: '已委派给 孙老师' },
    ]);
  });
});

describe('the names of the page', () => {
  it('come from the published people, the directory, then the history and the steps', () => {
    const name = personNamer(
      {
        demo: true,
        people: [{ key: 'aa', id: 'u-aa', name: '王处长', roles: [], college: null }],
        colleges: [],
      },
      [
        {
          id: 'u-aa2',
          name: '孙老师',
          email: 's@x.cn',
          roles: ['academic_affairs'],
          college: null,
          status: 'active',
        },
      ],
      [row(5, 'RESOLVE', 'u-aa3')].map((h) => ({ ...h, actorName: '刘老师' })),
      steps(step({ pending: [pendingAa({ assignee: 'u-aa4', assigneeName: '周老师' })] })),
    );
    expect(['u-aa', 'u-aa2', 'u-aa3', 'u-aa4', 'u-x'].map(name)).toEqual([
      '王处长',
      '孙老师',
      '刘老师',
      '周老师',
      'u-x',
    ]);
  });
});

describe('常用意见', () => {
  it('the person’s own first, each once; the current comment saved once, trimmed, within 50', () => {
    expect(phraseChoices(['同意。', '我的意见'], 'APPROVE').slice(0, 3)).toEqual([
      '同意。',
      '我的意见',
      '同意申报。',
    ]);
    expect(withPhrase(['a'], '  b  ')).toEqual(['a', 'b']);
    expect(withPhrase(['a'], 'a')).toBeNull();
    expect(withPhrase(['a'], '   ')).toBeNull();
    expect(
      withPhrase(
        Array.from({ length: 50 }, (_, i) => `p${i}`),
        'new',
      ),
    ).toBeNull();
  });
});

describe('the commands go through the typed client', () => {
  const sent: Array<{ url: string; method: string; headers: Headers; body: unknown }> = [];
  const client = new CertflowClient({
    baseUrl: 'http://certflow.test',
    token: 't',
    fetch: (input, init) => {
      sent.push({
        url: input instanceof Request ? input.url : input.toString(),
        method: init?.method ?? 'GET',
        headers: new Headers(init?.headers),
        body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
      });
      return Promise.resolve(new Response(JSON.stringify(instance()), { status: 200 }));
    },
  });
  const op = (kind: Operation['kind'], event: string): Operation => ({ kind, event, label: event });

  it('each operation calls its route with its body, If-Match and Idempotency-Key', async () => {
    const options = { ifMatch: 3, idempotencyKey: 'k-1' };
    const t = task();
    await commandOf(op('addSigner', 'ADD_APPROVER'), instance(), t, {
      person: 'u-aa2',
      position: 'after',
      comment: ' 请一并审核。 ',
    })(client, options);
    await commandOf(op('return', 'RETURN'), instance(), t, {
      toStep: 'college',
      comment: '请复核',
    })(client, options);
    await commandOf(op('copy', 'CC'), instance(), t, { person: ['u-fin', 'u-audit'] })(
      client,
      options,
    );
    await commandOf(op('removeSigner', 'REMOVE_APPROVER'), instance(), null, { signer: 'u-aa2' })(
      client,
      options,
    );
    await commandOf(op('takeBack', 'TAKE_BACK'), instance(), null, {})(client, options);
    await commandOf(op('event', 'APPROVE'), instance(), t, { comment: '同意。' })(client, options);
    expect(sent.map((s) => [s.method, s.url.replace('http://certflow.test', ''), s.body])).toEqual([
      [
        'POST',
        '/api/tasks/t-aa/add-signer',
        { userId: 'u-aa2', position: 'after', comment: '请一并审核。' },
      ],
      ['POST', '/api/tasks/t-aa/return', { toStep: 'college', comment: '请复核' }],
      ['POST', '/api/tasks/t-aa/cc', { userIds: ['u-fin', 'u-audit'] }],
      ['POST', '/api/instances/i-1/remove-signer', { userId: 'u-aa2' }],
      ['POST', '/api/instances/i-1/take-back', {}],
      ['POST', '/api/instances/i-1/events', { type: 'APPROVE', comment: '同意。', taskId: 't-aa' }],
    ]);
    expect(sent.every((s) => s.headers.get('if-match') === '3')).toBe(true);
    expect(sent.every((s) => s.headers.get('idempotency-key') === 'k-1')).toBe(true);
  });
});

describe('the 退回 dialog', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('picks the step from the ones passed and offers the person’s 常用意见', async () => {
    // The server of the page: the person's phrases (`GET /api/me/phrases`), nothing else asked.
    const asked: string[] = [];
    vi.stubGlobal('fetch', (input: RequestInfo | URL) => {
      asked.push(new URL(input instanceof Request ? input.url : input.toString()).pathname);
      return Promise.resolve(
        new Response(JSON.stringify({ items: ['请补充合作协议。'] }), {
          status: 200,
          headers: { 'content-type': 'application/json' },
        }),
      );
    });
    const session = { token: 'x.y.z', user: WANG };
    renderInConsole(
      <SessionContext.Provider
        value={{ session, reason: null, signIn: () => session, signOut: () => undefined }}
      >
        <OperationModal
          instance={instance()}
          flow={flow}
          steps={steps(COLLEGE_DONE, step({ pending: [pendingAa()] }))}
          task={task()}
          operation={{ kind: 'return', event: 'RETURN', label: '退回' }}
          applicant="张老师"
          onClose={() => undefined}
          onReload={() => undefined}
          onDone={() => undefined}
        />
      </SessionContext.Provider>,
    );
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('申请人（张老师，修改后重新提交）')).toBeTruthy();
    fireEvent.mouseDown(within(dialog).getByRole('combobox'));
    expect((await screen.findAllByText('二级学院审核（李院长）')).length).toBeGreaterThan(0);
    expect(await within(dialog).findByRole('button', { name: '请补充合作协议。' })).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: '存为常用意见' })).toBeTruthy();
    expect(within(dialog).getByText('退回理由')).toBeTruthy();
    expect(asked).toEqual(['/api/me/phrases']);
  });
});
