import type { HistoryRecord, InstanceRecord, InstanceView, TaskView } from '@certflow/engine';
import type { z } from '@hono/zod-openapi';
import type {
  historySchema,
  instanceSchema,
  instanceSummarySchema,
  taskSchema,
} from '../schemas/instance.js';

/** Engine records and views → the JSON bodies of the API (fresh objects, nothing extra). */

export function presentTask(t: TaskView): z.infer<typeof taskSchema> {
  return {
    id: t.id,
    state: t.state,
    step: t.step,
    kind: t.kind,
    role: t.role,
    college: t.college,
    assignee: t.assignee,
    events: [...t.events],
    approval: t.approval,
    dueAt: t.dueAt,
    due:
      t.dueAt && t.dueExplanation
        ? { at: t.dueAt, provisional: t.dueProvisional, explanation: { ...t.dueExplanation } }
        : null,
    createdAt: t.createdAt,
  };
}

export function presentInstance(v: InstanceView): z.infer<typeof instanceSchema> {
  return {
    id: v.id,
    flow: v.flow,
    flowVersion: v.flowVersion,
    title: v.title,
    state: v.state,
    status: v.status,
    version: v.version,
    college: v.college,
    subjectId: v.subjectId,
    submitterId: v.submitterId,
    context: v.context,
    tasks: v.tasks.map(presentTask),
    createdAt: v.createdAt,
    updatedAt: v.updatedAt,
  };
}

export function presentSummary(r: InstanceRecord): z.infer<typeof instanceSummarySchema> {
  return {
    id: r.id,
    flow: r.flowId,
    flowVersion: r.flowVersion,
    title: r.title,
    state: r.state,
    status: r.status,
    version: r.version,
    college: r.college,
    subjectId: r.subjectId,
    submitterId: r.submitterId,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

export function presentHistory(h: HistoryRecord): z.infer<typeof historySchema> {
  return {
    seq: h.seq,
    actorId: h.actorId,
    actorName: h.actorName,
    event: h.event,
    data: h.data,
    fromState: h.fromState,
    toState: h.toState,
    comment: h.comment,
    at: h.at.toISOString(),
    prevHash: h.prevHash,
    hash: h.hash,
  };
}
