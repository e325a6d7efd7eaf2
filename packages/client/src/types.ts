/**
 * The JSON the certflow HTTP API speaks (docs/http-api.md), named for the client's users. Every
 * API shape is taken from `generated/openapi.ts`, which openapi-typescript writes from the
 * server's OpenAPI document — no hand copies. Dates are ISO-8601 strings.
 */
import type { components, operations } from './generated/openapi.js';

type Schemas = components['schemas'];
type Ok<Op extends keyof operations> = operations[Op]['responses'] extends {
  200: { content: { 'application/json': infer T } };
}
  ? T
  : never;

export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** The wire carries JSON, so an instance's context is a JSON object (the schema says `object`). */
export type Instance = Omit<Schemas['Instance'], 'context'> & { context: JsonObject };
export type InstanceStatus = Instance['status'];
/** An open human task of an instance. */
export type Task = Schemas['Task'];
/** A task in someone's inbox, with the instance it belongs to. */
export type InboxTask = Schemas['InboxTask'];
/** An instance in a listing (no context, no tasks). */
export type InstanceSummary = Schemas['InstanceSummary'];
/** One append-only audit row; `hash` chains it to the row before. */
export type HistoryEntry = Schemas['HistoryEntry'];
export type Verdict = Schemas['Verdict'];
export type InstancePage = Schemas['InstancePage'];
export type InboxPage = Schemas['InboxPage'];
/** A page of `T`, shaped as the API's pages are. */
export type Page<T> = Omit<InstancePage, 'items'> & { items: T[] };
/** A flow as `GET /api/flows` lists it; its `inputSchema` is a JSON Schema document. */
export type FlowInfo = Omit<Schemas['Flow'], 'inputSchema'> & { inputSchema: JsonObject };
export type FlowStateInfo = FlowInfo['states'][number];
export type FlowTaskInfo = FlowStateInfo['tasks'][number];
export type Quota = Schemas['Quota'];
export type QuotaRecord = Schemas['QuotaRecord'];
export type Health = Ok<'health'>;
/** The body of every error answer. */
export type ApiErrorBody = Schemas['Error'];
export type StartRequest = Schemas['StartInstance'];
export type EventRequest = Schemas['SendEvent'];
export type DirectoryImport = Schemas['DirectoryImport'];
export type DirectoryUser = Schemas['DirectoryUser'];
export type DirectoryImportReport = Schemas['DirectoryImportReport'];
export type DirectoryPerson = Schemas['DirectoryPerson'];

/** The query of `GET /api/instances`. */
export type InstanceFilter = NonNullable<operations['listInstances']['parameters']['query']>;
/** The query of `GET /api/tasks`. */
export type PageRequest = NonNullable<operations['inbox']['parameters']['query']>;

export interface CommandOptions {
  /** Sent as `If-Match`: the instance version the command expects. */
  ifMatch?: number;
  /** Sent as `Idempotency-Key`: a repeat returns the first answer and applies nothing. */
  idempotencyKey?: string;
}

export type { components, operations, paths } from './generated/openapi.js';

/** The change feed (`GET /api/events`). */
export type FeedEvent = Schemas['FeedEvent'];
export type FeedPage = Schemas['FeedPage'];
export interface FeedRequest {
  readonly after?: string;
  readonly limit?: number;
  /** Long-poll seconds. */
  readonly wait?: number;
  readonly flow?: readonly string[];
  readonly type?: readonly FeedEvent['type'][];
}
/** A webhook subscription (`/api/webhooks`). */
export type Webhook = Schemas['Webhook'];
export type WebhookInput = Schemas['WebhookInput'];
export type WebhookDelivery = Schemas['WebhookDelivery'];
