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
/** An uploaded file: name its `id` in `attachments` of a start or an event (docs/attachments.md). */
export type Attachment = Schemas['Attachment'];
/** One recorded attachment of a verdict, its stored file re-hashed. */
export type AttachmentCheck = Schemas['AttachmentCheck'];
export type InstancePage = Schemas['InstancePage'];
export type InboxPage = Schemas['InboxPage'];
/** A page of `T`, shaped as the API's pages are. */
export type Page<T> = Omit<InstancePage, 'items'> & { items: T[] };
/**
 * A work list's page (docs/lists.md § Bounded totals and the scan window): `totalExact` false
 * means `total` is "at least"; `scan` is the window a filtered page walked, null without one.
 */
export type ListPage<T> = Omit<Schemas['DonePage'], 'items'> & { items: T[] };
/** The window a filtered work-list page walked: positions `from` to `to`, `complete` at the end. */
export type ListScan = NonNullable<Schemas['ListScan']>;
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

/** 委派, 转办, 加签, 减签, 拿回, 退回 to a step, 抄送 (docs/http-api.md § Approval operations). */
export type DelegateRequest = Schemas['DelegateTask'];
export type TransferRequest = Schemas['TransferTask'];
export type ResolveRequest = Schemas['ResolveDelegation'];
/** `position` defaults to `before` (前加签). */
export type AddSignerRequest = Omit<Schemas['AddSigner'], 'position'> & {
  position?: Schemas['AddSigner']['position'];
};
export type RemoveSignerRequest = Schemas['RemoveSigner'];
export type TakeBackRequest = Schemas['TakeBack'];
export type ReturnToStepRequest = Schemas['ReturnToStep'];
export type CopyRequest = Schemas['CopyTask'];
/** Each step decided or open: who decided, who is pending, the votes of 会签/依次. */
export type InstanceSteps = Schemas['InstanceSteps'];
export type StepState = Schemas['StepState'];
export type StepSlot = Schemas['StepSlot'];
/** 流程预览: the steps ahead, who can act (substitutes applied), by when and why. */
export type RoutePreview = Schemas['RoutePreview'];
export type PreviewStep = RoutePreview['steps'][number];
/** 批量审批. */
export type BatchApproveRequest = Schemas['BatchApprove'];
export type BatchResult = Schemas['BatchResult'];
export type BatchItemResult = BatchResult['items'][number];
/** 草稿: `input` is whatever was saved (checked against the flow at submit). */
export type Draft = Omit<Schemas['Draft'], 'input'> & { input: JsonValue };
export type DraftSummary = Schemas['DraftSummary'];
export type CreateDraftRequest = Omit<Schemas['CreateDraft'], 'input'> & { input: JsonValue };
export type UpdateDraftRequest = Omit<Schemas['UpdateDraft'], 'input'> & { input: JsonValue };
export type DraftFilter = NonNullable<operations['listDrafts']['parameters']['query']>;
/** 代理人 of the caller. */
export type Substitutes = Schemas['Substitutes'];
export type SubstitutePeriod = Schemas['SubstitutePeriodInput'];
/** 常用意见. */
export type Phrases = Schemas['Phrases'];

/** The query of `GET /api/instances`. */
export type InstanceFilter = NonNullable<operations['listInstances']['parameters']['query']>;
/** The query of `GET /api/tasks`: a page, and the filters every work list takes. */
export type PageRequest = ListRequest;

type WireList = NonNullable<operations['doneList']['parameters']['query']>;
/**
 * The filters, search, order and page of a work list (docs/lists.md): 待办 `inbox`, 已办
 * `doneList`, 我发起的 `startedList`, 抄送我的 `copiesList`. `from`/`to` are days (`2026-03-01`,
 * Beijing time, `to` inclusive) or ISO date-times.
 */
export type ListRequest = Omit<WireList, 'overdue' | 'scanFrom'> & {
  overdue?: boolean;
  /** A filtered page's window starts here: the previous answer's `scan.to` (docs/lists.md). */
  scanFrom?: number;
};
/** 抄送我的 also by read mark: `false` = 待阅, `true` = 已阅. */
export type CopiesRequest = ListRequest & { read?: boolean };
/** An instance as a work list shows it (with the applicant's name and whether it is overdue). */
export type ListInstance = Schemas['ListInstance'];
/** 已办: one decision the caller made. */
export type DoneItem = Schemas['DoneItem'];
/** 我发起的: one instance the caller started. */
export type StartedItem = Schemas['StartedItem'];
/** 抄送我的: one copy to the caller, read or not. */
export type CopyItem = Schemas['CopyItem'];
export type CopyRead = Schemas['CopyRead'];
/** The badges: 待办, 已办, 我发起的, 抄送我的 (待阅 and all), overdue 待办. */
export type ListCounts = Schemas['ListCounts'];
/** Who the caller is, as the server resolved their token. */
export type Me = Schemas['Me'];

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
