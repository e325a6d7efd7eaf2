import type { InstanceRecord, InstanceStatus, JsonObject, TaskRecord } from '../records.js';

/** A task as clients see it (JSON-safe: dates are ISO strings). */
export interface TaskView {
  readonly id: string;
  readonly state: string;
  readonly step: string;
  readonly kind: TaskRecord['kind'];
  readonly role: string;
  readonly college: string | null;
  readonly organization: string | null;
  readonly assignee: string | null;
  readonly events: readonly string[];
  readonly approval: boolean;
  readonly dueAt: string | null;
  /** Counted on weekends alone until the year's holiday table is imported. */
  readonly dueProvisional: boolean;
  /** The rule and the days skipped ("5个工作日；跳过 10月1日–7日 国庆节"). */
  readonly dueExplanation: { readonly zh: string; readonly en: string } | null;
  readonly createdAt: string;
}

/** An instance as clients see it; also what an idempotent replay returns, byte for byte. */
export interface InstanceView {
  readonly id: string;
  readonly flow: string;
  readonly flowVersion: number;
  readonly title: string;
  readonly state: string;
  readonly status: InstanceStatus;
  readonly version: number;
  readonly college: string | null;
  readonly organization: string | null;
  readonly subjectId: string | null;
  readonly submitterId: string;
  readonly context: JsonObject;
  readonly tasks: readonly TaskView[];
  readonly createdAt: string;
  readonly updatedAt: string;
}

export function taskView(t: TaskRecord): TaskView {
  return {
    id: t.id,
    state: t.state,
    step: t.step,
    kind: t.kind,
    role: t.role,
    college: t.college,
    organization: t.organization,
    assignee: t.assignee,
    events: [...t.events],
    approval: t.approval,
    dueAt: t.dueAt ? t.dueAt.toISOString() : null,
    dueProvisional: t.dueBasis?.provisional === true,
    dueExplanation: t.dueBasis ? { ...t.dueBasis.explanation } : null,
    createdAt: t.createdAt.toISOString(),
  };
}

export function instanceView(row: InstanceRecord, tasks: readonly TaskRecord[]): InstanceView {
  const context = (row.snapshot as { context?: JsonObject }).context ?? {};
  return {
    id: row.id,
    flow: row.flowId,
    flowVersion: row.flowVersion,
    title: row.title,
    state: row.state,
    status: row.status,
    version: row.version,
    college: row.college,
    organization: row.organization,
    subjectId: row.subjectId,
    submitterId: row.submitterId,
    context,
    tasks: tasks.filter((t) => t.status === 'open').map(taskView),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
