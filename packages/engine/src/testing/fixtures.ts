import type {
  AdminAuditRecord,
  HistoryRecord,
  IdempotencyRecord,
  InstanceRecord,
  JsonObject,
  OutboxRecord,
  TaskRecord,
  TimerRecord,
} from '../records.js';

/**
 * Record builders for the contract suites (the store contract here, the db package's tests):
 * sensible rows, overridable field by field, with the values that trip drivers up — nulls,
 * nested jsonb, numeric strings, quotes, Chinese and emoji, dates with milliseconds.
 */

export const T0 = new Date('2026-03-02T01:02:03.456Z');
export const later = (minutes: number): Date => new Date(T0.getTime() + minutes * 60_000);

/** A nested document with the JSON shapes that trip drivers up. */
const NESTED: JsonObject = {
  value: { 'review.college': {}, approved: { level: '中级', scale: 40 } },
  context: {
    budget: {
      items: [
        { cat: '耗材', amount: 1234.5 },
        { cat: 'fees', amount: 0 },
      ],
    },
  },
  numericString: '0.1',
  emptyString: '',
  nothing: null,
  flags: [true, false],
  text: 'a "quoted" \\ backslash, 中文 and 😀',
  big: 9007199254740991,
};

export function instanceRecord(over: Partial<InstanceRecord> = {}): InstanceRecord {
  return {
    id: 'i-1',
    flowId: 'annual-plan',
    flowVersion: 1,
    state: 'review.college',
    status: 'active',
    version: 1,
    snapshot: NESTED,
    submitterId: 'teacher-1',
    college: 'ee',
    organization: null,
    subjectId: 'p-1',
    refKeys: [{ kind: 'quota', key: '2027/ee' }],
    title: '2027 年度 1+X 试点申请',
    stepActors: { college_review: 'lead-1' },
    decisions: [{ step: 'college_review', actorId: 'lead-1', seq: 1, onBehalfOf: 'lead-0' }],
    steps: {
      'review.school': {
        step: 'school_review',
        state: 'review.school',
        rounds: [
          { slots: [{ kind: 'person', id: 'u-2', addedBy: 'u-1' }], threshold: 1, approved: [] },
        ],
        current: 0,
      },
    },
    undo: null,
    headHash: 'h1',
    createdAt: T0,
    updatedAt: T0,
    ...over,
  };
}

export function historyRecord(seq: number, over: Partial<HistoryRecord> = {}): HistoryRecord {
  return {
    instanceId: 'i-1',
    seq,
    actorId: 'teacher-1',
    actorName: '张老师',
    event: seq === 1 ? 'START' : 'APPROVE',
    data: { seq, nested: { ok: true } },
    fromState: seq === 1 ? null : 'draft',
    toState: 'review.college',
    comment: seq === 1 ? null : '同意',
    at: later(seq),
    prevHash: `h${seq - 1}`,
    hash: `h${seq}`,
    ...over,
  };
}

export function taskRecord(id: string, over: Partial<TaskRecord> = {}): TaskRecord {
  return {
    id,
    instanceId: 'i-1',
    flowId: 'annual-plan',
    state: 'review.college',
    step: 'college_review',
    kind: 'step',
    role: 'college_lead',
    college: 'ee',
    organization: null,
    assignee: null,
    events: ['APPROVE', 'RETURN', 'REJECT'],
    approval: true,
    dueAt: later(60),
    dueBasis: {
      from: T0.toISOString(),
      rule: { workingDays: 5 },
      edge: 'deadline',
      provisional: false,
      years: [2027],
      explanation: { zh: '5个工作日', en: '5 working days' },
    },
    urgedAt: null,
    delegatedTo: null,
    status: 'open',
    createdAt: T0,
    completedAt: null,
    completedBy: null,
    ...over,
  };
}

export function timerRecord(id: string, over: Partial<TimerRecord> = {}): TimerRecord {
  return {
    id,
    instanceId: 'i-1',
    taskId: null,
    state: 'review.college',
    kind: 'remind',
    event: 'REMIND',
    dueAt: later(30),
    dueBasis: null,
    status: 'pending',
    createdAt: T0,
    firedAt: null,
    ...over,
  };
}

export function outboxRecord(id: string, over: Partial<OutboxRecord> = {}): OutboxRecord {
  return {
    id,
    instanceId: 'i-1',
    kind: 'mail',
    payload: { to: ['lead-1'], template: 'task-opened', vars: { title: '申请', n: 1 } },
    status: 'pending',
    attempts: 0,
    createdAt: T0,
    availableAt: T0,
    deliveredAt: null,
    lastError: null,
    ...over,
  };
}

export function idempotencyRecord(
  key: string,
  over: Partial<IdempotencyRecord> = {},
): IdempotencyRecord {
  return {
    scope: 'teacher-1|i-1',
    key,
    actorId: 'teacher-1',
    fingerprint: `f-${key}`,
    instanceId: 'i-1',
    result: { id: 'i-1', state: 'review.college', tasks: [{ id: 't-1', dueAt: null }] },
    createdAt: T0,
    ...over,
  };
}

export function auditRecord(seq: number, over: Partial<AdminAuditRecord> = {}): AdminAuditRecord {
  return {
    seq,
    at: later(seq),
    actorId: 'admin-1',
    actorName: null,
    action: 'reference.put',
    subject: `quota/2027/ee-${seq}`,
    data: { before: null, after: { total: 40, nested: { items: [1, '2'] } } },
    prevHash: `a${seq - 1}`,
    hash: `a${seq}`,
    ...over,
  };
}
