import type { FlowInfo, HistoryEntry, Instance } from '@certflow/client';
import { eventLabel } from '../../labels/events';
import { roleLabel } from '../../labels/roles';
import { stateLabel } from '../../labels/states';
import { STATUS_LABELS } from '../../labels/statuses';
import { futureSteps, stepLimits } from './diagram/diagram-model';

export type TimelineKind = 'done' | 'pending' | 'future' | 'end';

export interface TimelineItem {
  readonly key: string;
  readonly kind: TimelineKind;
  /** 提交申请 / 同意 / 教务处审核 … */
  readonly title: string;
  /** Who acted, or who may act. */
  readonly who: string;
  readonly at?: string;
  readonly dueAt?: string | null;
  readonly comment?: string | null;
  /** The step it happened in (done items) or the step waiting (pending ones). */
  readonly step?: string;
  /** Tone: approvals green, returns orange, rejections red. */
  readonly tone: 'green' | 'blue' | 'orange' | 'red' | 'gray';
  /** Future steps reached only under a condition. */
  readonly conditional?: boolean;
  /** Future steps: the time the step allows once it is reached (`5 个工作日`). */
  readonly limit?: string;
  /** Extra line: 转办给 …, 抄送 … */
  readonly note?: string;
  /**
   * The deadline is provisional: counted through a year whose official holiday table is not
   * imported yet (weekends only), so it may move when it is (docs/calendar.md).
   */
  readonly provisional?: { readonly explanation: string };
  /** The deadline's rule and the days it skips (`5个工作日；跳过 10月1日–7日 国庆`). */
  readonly dueRule?: string;
  /** Files recorded with the command (the application's with 提交申请), for download. */
  readonly attachments?: readonly TimelineAttachment[];
}

export interface TimelineAttachment {
  readonly id: string;
  readonly name: string;
  readonly size: number;
}

/** Is a deadline provisional? (the instance page asks the calendar's covered years). */
export type ProvisionalCheck = (dueAt: string) => boolean;

export const PROVISIONAL_EXPLANATION = '该年度节假日安排尚未导入，期限暂按周末推算，导入后可能调整';

const TONES: Readonly<Record<string, TimelineItem['tone']>> = {
  START: 'blue',
  APPROVE: 'green',
  RESUBMIT: 'blue',
  RETURN: 'orange',
  REJECT: 'red',
  WITHDRAW: 'gray',
};

const POSITION_LABELS: Readonly<Record<string, string>> = {
  before: '前加签',
  after: '后加签',
  with: '并加签',
};

/** The files a history row records (`data.attachments`, docs/attachments.md). */
export function attachmentsOf(h: HistoryEntry): TimelineAttachment[] {
  const list = h.data['attachments'];
  if (!Array.isArray(list)) return [];
  return list.flatMap((a: unknown) => {
    if (a === null || typeof a !== 'object') return [];
    const { id, name, size } = a as { id?: unknown; name?: unknown; size?: unknown };
    return typeof id === 'string' && typeof name === 'string'
      ? [{ id, name, size: typeof size === 'number' ? size : 0 }]
      : [];
  });
}

function noteOf(
  h: HistoryEntry,
  person: (id: string) => string,
  flow: FlowInfo | undefined,
): string | undefined {
  const d = h.data;
  const to = typeof d['to'] === 'string' ? person(d['to']) : null;
  const userId = typeof d['userId'] === 'string' ? person(d['userId']) : null;
  if (h.event === 'TRANSFER' && to) return `转办给 ${to}`;
  if (h.event === 'DELEGATE' && to) return `委派给 ${to}`;
  if (h.event === 'ADD_APPROVER' && userId) {
    const position = typeof d['position'] === 'string' ? POSITION_LABELS[d['position']] : null;
    return `加签 ${userId}${position ? `（${position}）` : ''}`;
  }
  if (h.event === 'REMOVE_APPROVER' && userId) return `减签 ${userId}`;
  if (h.event === 'RETURN' && typeof d['toStep'] === 'string') {
    const state = flow?.states.find((s) => s.tasks.some((t) => t.step === d['toStep']));
    return `退回至 ${state ? stateLabel(flow, state.id) : d['toStep']}`;
  }
  if (h.event === 'CC' && Array.isArray(d['userIds'])) {
    return `抄送 ${d['userIds'].map((id) => (typeof id === 'string' ? person(id) : '')).join('、')}`;
  }
  return undefined;
}

/**
 * The timeline of an instance, as 钉钉/飞书 show it: what happened (oldest first), who holds
 * it now and by when, and the steps still to come — or how it ended.
 */
export function timelineOf(
  instance: Instance,
  history: readonly HistoryEntry[],
  flow: FlowInfo | undefined,
  person: (id: string) => string = (id) => id,
  provisional: ProvisionalCheck = () => false,
): TimelineItem[] {
  const items: TimelineItem[] = history.map((h) => {
    const note = noteOf(h, person, flow);
    const attachments = attachmentsOf(h);
    return {
      key: `h${h.seq}`,
      kind: 'done',
      title: eventLabel(h.event),
      who: h.actorName ?? person(h.actorId),
      at: h.at,
      comment: h.comment,
      step: h.fromState ? stateLabel(flow, h.fromState) : stateLabel(flow, h.toState),
      tone: TONES[h.event] ?? 'gray',
      ...(note ? { note } : {}),
      ...(attachments.length > 0 ? { attachments } : {}),
    };
  });
  if (instance.status !== 'active') {
    const s = STATUS_LABELS[instance.status];
    items.push({
      key: 'end',
      kind: 'end',
      title: s.text,
      who: '',
      tone:
        instance.status === 'completed' ? 'green' : instance.status === 'rejected' ? 'red' : 'gray',
    });
    return items;
  }
  for (const t of instance.tasks) {
    // The task's own word on its deadline wins; else the calendar's covered years judge it.
    const told = t.due;
    const isProvisional = t.dueAt !== null && (told ? told.provisional : provisional(t.dueAt));
    items.push({
      key: `t${t.id}`,
      kind: 'pending',
      title: stateLabel(flow, t.state),
      who: t.assignee
        ? person(t.assignee)
        : t.role === 'submitter'
          ? `申请人 ${person(instance.submitterId)}`
          : roleLabel(t.role),
      dueAt: t.dueAt,
      step: stateLabel(flow, t.state),
      tone: 'blue',
      ...(isProvisional
        ? { provisional: { explanation: told?.explanation.zh || PROVISIONAL_EXPLANATION } }
        : {}),
      ...(told?.explanation.zh ? { dueRule: told.explanation.zh } : {}),
    });
  }
  const current = instance.state.split(',')[0] ?? instance.state;
  const limits = stepLimits(flow?.diagram ?? '');
  for (const f of futureSteps(flow, current)) {
    const limit = limits.get(f.state);
    const state = flow?.states.find((s) => s.id === f.state);
    const roles = (state?.tasks ?? []).map((t) =>
      t.role === 'submitter' ? '申请人' : roleLabel(t.role),
    );
    items.push({
      key: `f${f.state}`,
      kind: 'future',
      title: stateLabel(flow, f.state),
      who: roles.join('、'),
      tone: 'gray',
      conditional: f.conditional,
      ...(limit ? { limit } : {}),
    });
  }
  return items;
}
