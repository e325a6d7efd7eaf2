/**
 * The JSON the certflow HTTP API speaks (docs/http-api.md). Structural copies of the server's
 * response schemas, so the client has no dependencies. Dates are ISO-8601 strings.
 */

export type InstanceStatus = 'active' | 'completed' | 'rejected' | 'withdrawn' | 'cancelled';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** An open human task of an instance. */
export interface Task {
  id: string;
  state: string;
  step: string;
  kind: 'step' | 'added' | 'submitter' | 'escalation';
  /** A role id, or `submitter` for the applicant's own tasks. */
  role: string;
  college: string | null;
  /** A named person (after 转办/加签, or the submitter). */
  assignee: string | null;
  /** The events the holder may send. */
  events: string[];
  approval: boolean;
  dueAt: string | null;
  createdAt: string;
}

/** A task in someone's inbox, with the instance it belongs to. */
export interface InboxTask extends Task {
  instanceId: string;
  flow: string;
  title: string;
}

export interface Instance {
  id: string;
  flow: string;
  flowVersion: number;
  title: string;
  state: string;
  status: InstanceStatus;
  version: number;
  college: string | null;
  subjectId: string | null;
  submitterId: string;
  context: JsonObject;
  tasks: Task[];
  createdAt: string;
  updatedAt: string;
}

/** An instance in a listing (no context, no tasks). */
export interface InstanceSummary {
  id: string;
  flow: string;
  flowVersion: number;
  title: string;
  state: string;
  status: InstanceStatus;
  version: number;
  college: string | null;
  subjectId: string | null;
  submitterId: string;
  createdAt: string;
  updatedAt: string;
}

/** One append-only audit row; `hash` chains it to the row before. */
export interface HistoryEntry {
  seq: number;
  actorId: string;
  actorName: string | null;
  event: string;
  data: JsonObject;
  fromState: string | null;
  toState: string;
  comment: string | null;
  at: string;
  prevHash: string;
  hash: string;
}

export interface Verdict {
  ok: boolean;
  count: number;
  /** The sequence number of the first row that does not verify. */
  brokenAt?: number;
  reason?: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export interface FlowTaskInfo {
  step: string;
  role: string;
  scope: 'school' | 'college' | 'organization' | 'submitter';
  events: string[];
  approval: boolean;
}

export interface FlowStateInfo {
  /** Leaf state id (`collegeReview`, `running.cycle.site.review`). */
  id: string;
  final: boolean;
  /** Instance status of a final state. */
  status: InstanceStatus | null;
  /** Every event the state may accept (machine transitions, task events, submitter events). */
  events: string[];
  tasks: FlowTaskInfo[];
  submitterEvents: string[];
}

export interface FlowInfo {
  id: string;
  version: number;
  /** Is this the version `POST /api/instances` starts? */
  latest: boolean;
  title: { zh: string; en: string };
  startedBy: { roles: string[]; scope: 'school' | 'college' };
  states: FlowStateInfo[];
  /** Mermaid `stateDiagram-v2`. */
  diagram: string;
  /** JSON Schema of the start input. */
  inputSchema: JsonObject;
}

export interface Quota {
  /** Pilot scale (people). */
  scale: number;
  /** Last year's executed budget, in fen (分). */
  budget: number;
}

export interface QuotaRecord extends Quota {
  year: number;
  collegeId: string;
}

export interface Health {
  ok: boolean;
  driver: 'postgres' | 'pglite';
}

/** The body of every error answer. */
export interface ApiErrorBody {
  code: string;
  /** zh-CN. */
  message: string;
  messageEn: string;
  details?: Record<string, unknown>;
}

export interface StartRequest {
  flow: string;
  input: unknown;
}

export interface EventRequest {
  type: string;
  comment?: string;
  data?: JsonObject;
  /** Act on this task (e.g. one of several open tasks). */
  taskId?: string;
}

export interface CommandOptions {
  /** Sent as `If-Match`: the instance version the command expects. */
  ifMatch?: number;
  /** Sent as `Idempotency-Key`: a repeat returns the first answer and applies nothing. */
  idempotencyKey?: string;
}

export interface InstanceFilter {
  flow?: string;
  status?: InstanceStatus;
  college?: string;
  limit?: number;
  offset?: number;
}

export interface PageRequest {
  limit?: number;
  offset?: number;
}
