import { CertflowError, errorBody } from './certflow-error.js';
import type {
  AddSignerRequest,
  BatchApproveRequest,
  BatchResult,
  Attachment,
  CommandOptions,
  CopyRequest,
  CreateDraftRequest,
  DelegateRequest,
  Draft,
  DraftFilter,
  DraftSummary,
  InstanceSteps,
  Phrases,
  RemoveSignerRequest,
  ResolveRequest,
  ReturnToStepRequest,
  RoutePreview,
  SubstitutePeriod,
  Substitutes,
  TakeBackRequest,
  TransferRequest,
  UpdateDraftRequest,
  CopiesRequest,
  CopyItem,
  CopyRead,
  DoneItem,
  ListCounts,
  ListPage,
  ListRequest,
  Me,
  StartedItem,
  DirectoryImport,
  DirectoryImportReport,
  DirectoryPerson,
  EventRequest,
  FeedPage,
  FeedRequest,
  FlowInfo,
  Health,
  HistoryEntry,
  InboxTask,
  Instance,
  InstanceFilter,
  InstanceSummary,
  Page,
  PageRequest,
  Quota,
  QuotaRecord,
  Verdict,
  Webhook,
  WebhookDelivery,
  WebhookInput,
} from './types.js';

export interface CertflowClientOptions {
  /** The server's base URL, e.g. `http://localhost:3000`. */
  baseUrl: string;
  /** A JWT for `Authorization: Bearer`. */
  token?: string;
  /** A fetch implementation; the global one by default. */
  fetch?: typeof fetch;
}

/** What `raw` answers: the status, the headers, and the body parsed as JSON when it is JSON. */
export interface RawResponse {
  status: number;
  headers: Headers;
  body: unknown;
}

export interface RawRequest {
  method?: string;
  /** Serialized as JSON unless it is already a string. */
  body?: unknown;
  headers?: Record<string, string>;
}

/**
 * A typed client of the certflow HTTP API. Every method resolves with the parsed body of a 2xx
 * answer and rejects with a `CertflowError` (status, code, message, messageEn) otherwise.
 */
export class CertflowClient {
  private readonly baseUrl: string;
  private readonly token: string | undefined;
  private readonly fetchImpl: typeof fetch;

  constructor(options: CertflowClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.token = options.token;
    this.fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  }

  /** The same client acting as someone else. */
  as(token: string): CertflowClient {
    return new CertflowClient({ baseUrl: this.baseUrl, token, fetch: this.fetchImpl });
  }

  health(): Promise<Health> {
    return this.call('GET', '/healthz');
  }

  openapi(): Promise<Record<string, unknown>> {
    return this.call('GET', '/api/openapi.json');
  }

  flows(): Promise<{ items: FlowInfo[] }> {
    return this.call('GET', '/api/flows');
  }

  /** `options.attachments`: ids of the caller's uploads (`uploadAttachment`). */
  startInstance(
    flow: string,
    input: unknown,
    options: CommandOptions & { attachments?: readonly string[] } = {},
  ): Promise<Instance> {
    const { attachments, ...command } = options;
    const body = { flow, input, ...(attachments ? { attachments: [...attachments] } : {}) };
    return this.call('POST', '/api/instances', body, commandHeaders(command));
  }

  /** Upload a file (multipart); the server sniffs its type and records its SHA-256. */
  async uploadAttachment(file: Blob, name: string): Promise<Attachment> {
    const form = new FormData();
    form.append('file', file, name);
    const response = await this.fetchImpl(`${this.baseUrl}/api/attachments`, {
      method: 'POST',
      headers: { accept: 'application/json', ...this.authHeader() },
      body: form,
    });
    const text = await response.text();
    if (!response.ok) throw new CertflowError(response.status, errorBody(response.status, text));
    return JSON.parse(text) as Attachment;
  }

  /** An attachment of an instance, as uploaded. */
  downloadAttachment(instanceId: string, attachmentId: string): Promise<Uint8Array> {
    return this.bytes(`/api/instances/${enc(instanceId)}/attachments/${enc(attachmentId)}`);
  }

  /** 审批单 as PDF. */
  approvalSheetPdf(id: string): Promise<Uint8Array> {
    return this.bytes(`/api/instances/${enc(id)}/sheet.pdf`);
  }

  /** 审批单 as print-friendly HTML. */
  async approvalSheetHtml(id: string): Promise<string> {
    return new TextDecoder().decode(await this.bytes(`/api/instances/${enc(id)}/sheet.html`));
  }

  sendEvent(id: string, event: EventRequest, options: CommandOptions = {}): Promise<Instance> {
    return this.call('POST', `/api/instances/${enc(id)}/events`, event, commandHeaders(options));
  }

  getInstance(id: string): Promise<Instance> {
    return this.call('GET', `/api/instances/${enc(id)}`);
  }

  history(id: string): Promise<{ items: HistoryEntry[] }> {
    return this.call('GET', `/api/instances/${enc(id)}/history`);
  }

  verify(id: string): Promise<Verdict> {
    return this.call('GET', `/api/instances/${enc(id)}/verify`);
  }

  listInstances(filter: InstanceFilter = {}): Promise<Page<InstanceSummary>> {
    return this.call('GET', `/api/instances${query({ ...filter })}`);
  }

  /** 待办: open tasks for the caller, soonest deadline first; filtered, searched, paged. */
  inbox(page: PageRequest = {}): Promise<ListPage<InboxTask>> {
    return this.call('GET', `/api/tasks${listQuery(page)}`);
  }

  /** 已办: the decisions the caller made, newest first. */
  doneList(request: ListRequest = {}): Promise<ListPage<DoneItem>> {
    return this.call('GET', `/api/me/done${listQuery(request)}`);
  }

  /** 我发起的: the instances the caller started, newest first. */
  startedList(request: ListRequest = {}): Promise<ListPage<StartedItem>> {
    return this.call('GET', `/api/me/started${listQuery(request)}`);
  }

  /** 抄送我的: the copies to the caller, newest first; `read: false` = 待阅. */
  copiesList(request: CopiesRequest = {}): Promise<ListPage<CopyItem>> {
    const { read, ...rest } = request;
    return this.call(
      'GET',
      `/api/me/copies${listQuery(rest, read === undefined ? {} : { read: String(read) })}`,
    );
  }

  /** 已阅: marks a copy to the caller read (the first mark stays). */
  markCopyRead(copyId: string): Promise<CopyRead> {
    return this.call('POST', `/api/me/copies/${enc(copyId)}/read`, {});
  }

  /** The counts of the four lists and the overdue 待办. */
  myCounts(): Promise<ListCounts> {
    return this.call('GET', '/api/me/counts');
  }

  /** Who the caller is: id, name, roles, college. */
  me(): Promise<Me> {
    return this.call('GET', '/api/me');
  }

  putQuota(year: number, collegeId: string, quota: Quota): Promise<QuotaRecord> {
    return this.call('PUT', `/api/quotas/${year}/${enc(collegeId)}`, quota);
  }

  getQuota(year: number, collegeId: string): Promise<QuotaRecord> {
    return this.call('GET', `/api/quotas/${year}/${enc(collegeId)}`);
  }

  /** 委派: the delegate works on the task; it comes back to the caller to decide. */
  delegateTask(taskId: string, body: DelegateRequest, options: CommandOptions = {}) {
    return this.taskOperation(taskId, 'delegate', body, options);
  }

  /** 委派办理完毕: the delegate's opinion; the task returns to the delegator. */
  resolveDelegation(taskId: string, body: ResolveRequest = {}, options: CommandOptions = {}) {
    return this.taskOperation(taskId, 'resolve', body, options);
  }

  /** 转办: the task moves to another holder of its role, for good. */
  transferTask(taskId: string, body: TransferRequest, options: CommandOptions = {}) {
    return this.taskOperation(taskId, 'transfer', body, options);
  }

  /** 加签 before (default), after or alongside the caller. */
  addSigner(taskId: string, body: AddSignerRequest, options: CommandOptions = {}) {
    return this.taskOperation(taskId, 'add-signer', body, options);
  }

  /** 退回 to a chosen earlier step (or `applicant`); `comment` is the reason. */
  returnToStep(taskId: string, body: ReturnToStepRequest, options: CommandOptions = {}) {
    return this.taskOperation(taskId, 'return', body, options);
  }

  /** 抄送 from a task the caller holds. */
  copyTask(taskId: string, body: CopyRequest, options: CommandOptions = {}) {
    return this.taskOperation(taskId, 'cc', body, options);
  }

  /** 减签: an approver the caller added, still pending, leaves the step. */
  removeSigner(id: string, body: RemoveSignerRequest, options: CommandOptions = {}) {
    return this.instanceOperation(id, 'remove-signer', body, options);
  }

  /** 拿回: the caller takes back their last approval while the next step has not acted. */
  takeBack(id: string, body: TakeBackRequest = {}, options: CommandOptions = {}) {
    return this.instanceOperation(id, 'take-back', body, options);
  }

  /** Each step decided or open: who decided, who is pending, 会签/依次 votes. */
  steps(id: string): Promise<InstanceSteps> {
    return this.call('GET', `/api/instances/${enc(id)}/steps`);
  }

  /** 流程预览 of an instance. */
  previewInstance(id: string): Promise<RoutePreview> {
    return this.call('GET', `/api/instances/${enc(id)}/preview`);
  }

  /** 流程预览 of an application before it is started. */
  previewStart(flow: string, input: unknown): Promise<RoutePreview> {
    return this.call('POST', `/api/flows/${enc(flow)}/preview`, { input });
  }

  /** 批量审批: a result per item; refused items change nothing. */
  batchApprove(
    body: BatchApproveRequest,
    options: Pick<CommandOptions, 'idempotencyKey'> = {},
  ): Promise<BatchResult> {
    return this.call('POST', '/api/tasks/batch', body, commandHeaders(options));
  }

  createDraft(body: CreateDraftRequest): Promise<Draft> {
    return this.call('POST', '/api/drafts', body);
  }

  listDrafts(filter: DraftFilter = {}): Promise<Page<DraftSummary>> {
    return this.call('GET', `/api/drafts${query({ ...filter })}`);
  }

  getDraft(id: string): Promise<Draft> {
    return this.call('GET', `/api/drafts/${enc(id)}`);
  }

  /** `ifMatch`: the draft version edited (409 VERSION_CONFLICT when it moved). */
  updateDraft(
    id: string,
    body: UpdateDraftRequest,
    options: Pick<CommandOptions, 'ifMatch'> = {},
  ): Promise<Draft> {
    return this.call('PUT', `/api/drafts/${enc(id)}`, body, commandHeaders(options));
  }

  async deleteDraft(id: string): Promise<void> {
    await this.call('DELETE', `/api/drafts/${enc(id)}`, undefined, {}, false);
  }

  /** Start the draft's instance (once, whatever the repeats) and delete the draft. */
  submitDraft(id: string): Promise<Instance> {
    return this.call('POST', `/api/drafts/${enc(id)}/submit`, {});
  }

  previewDraft(id: string): Promise<RoutePreview> {
    return this.call('GET', `/api/drafts/${enc(id)}/preview`);
  }

  /** 代理人 of the caller (and whom they stand in for now). */
  substitutes(): Promise<Substitutes> {
    return this.call('GET', '/api/me/substitutes');
  }

  putSubstitutes(
    periods: SubstitutePeriod[],
    options: Pick<CommandOptions, 'ifMatch'> = {},
  ): Promise<Substitutes> {
    return this.call('PUT', '/api/me/substitutes', { periods }, commandHeaders(options));
  }

  deleteSubstitutes(options: Pick<CommandOptions, 'ifMatch'> = {}): Promise<Substitutes> {
    return this.call('DELETE', '/api/me/substitutes', undefined, commandHeaders(options));
  }

  /** 常用意见 of the caller. */
  phrases(): Promise<Phrases> {
    return this.call('GET', '/api/me/phrases');
  }

  putPhrases(items: string[]): Promise<Phrases> {
    return this.call('PUT', '/api/me/phrases', { items });
  }

  /** 教务处: import the campus directory export (people, colleges, organizations; leavers deactivated). */
  importDirectory(doc: DirectoryImport): Promise<DirectoryImportReport> {
    return this.call('POST', '/api/directory/import', doc);
  }

  directoryUsers(): Promise<{ items: DirectoryPerson[] }> {
    return this.call('GET', '/api/directory/users');
  }

  /** The change feed after `after` (docs/http-api.md § Change feed); resume from `cursor`. */
  events(request: FeedRequest = {}): Promise<FeedPage> {
    return this.call(
      'GET',
      `/api/events${query({
        after: request.after,
        limit: request.limit,
        wait: request.wait,
        flow: request.flow?.join(','),
        type: request.type?.join(','),
      })}`,
    );
  }

  /** Subscribe a URL to the change feed (academic_affairs). */
  createWebhook(input: WebhookInput): Promise<Webhook> {
    return this.call('POST', '/api/webhooks', input);
  }

  webhooks(): Promise<{ items: Webhook[] }> {
    return this.call('GET', '/api/webhooks');
  }

  webhookDeliveries(id: string): Promise<{ items: WebhookDelivery[] }> {
    return this.call('GET', `/api/webhooks/${enc(id)}/deliveries`);
  }

  /** Any request, answered as is (no throw on 4xx/5xx): for probing the API. */
  async raw(path: string, request: RawRequest = {}): Promise<RawResponse> {
    const headers: Record<string, string> = { ...this.authHeader(), ...request.headers };
    let body: string | undefined;
    if (request.body !== undefined) {
      body = typeof request.body === 'string' ? request.body : JSON.stringify(request.body);
      if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) {
        headers['content-type'] = 'application/json';
      }
    }
    const response = await this.fetchImpl(`${this.baseUrl}${path}`, {
      method: request.method ?? (body === undefined ? 'GET' : 'POST'),
      headers,
      ...(body === undefined ? {} : { body }),
    });
    const text = await response.text();
    let parsed: unknown = text;
    if (response.headers.get('content-type')?.includes('json')) {
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = text;
      }
    }
    return { status: response.status, headers: response.headers, body: parsed };
  }

  private taskOperation(
    taskId: string,
    path: string,
    body: unknown,
    options: CommandOptions,
  ): Promise<Instance> {
    return this.call('POST', `/api/tasks/${enc(taskId)}/${path}`, body, commandHeaders(options));
  }

  private instanceOperation(
    id: string,
    path: string,
    body: unknown,
    options: CommandOptions,
  ): Promise<Instance> {
    return this.call('POST', `/api/instances/${enc(id)}/${path}`, body, commandHeaders(options));
  }

  private authHeader(): Record<string, string> {
    return this.token ? { authorization: `Bearer ${this.token}` } : {};
  }

  private async bytes(path: string): Promise<Uint8Array> {
    const response = await this.fetchImpl(`${this.baseUrl}${path}`, {
      headers: this.authHeader(),
    });
    if (!response.ok) {
      throw new CertflowError(response.status, errorBody(response.status, await response.text()));
    }
    return new Uint8Array(await response.arrayBuffer());
  }

  private async call<T>(
    method: string,
    path: string,
    body?: unknown,
    extra: Record<string, string> = {},
    parse = true,
  ): Promise<T> {
    const headers: Record<string, string> = {
      accept: 'application/json',
      ...this.authHeader(),
      ...extra,
    };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await this.fetchImpl(`${this.baseUrl}${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!response.ok) throw new CertflowError(response.status, errorBody(response.status, text));
    return (parse ? JSON.parse(text) : undefined) as T;
  }
}

const enc = encodeURIComponent;

function commandHeaders(options: CommandOptions): Record<string, string> {
  return {
    ...(options.ifMatch === undefined ? {} : { 'if-match': String(options.ifMatch) }),
    ...(options.idempotencyKey === undefined ? {} : { 'idempotency-key': options.idempotencyKey }),
  };
}

function listQuery(request: ListRequest, extra: Record<string, string> = {}): string {
  const { overdue, ...rest } = request;
  return query({
    ...rest,
    ...(overdue === undefined ? {} : { overdue: String(overdue) }),
    ...extra,
  });
}

function query(params: Record<string, string | number | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null) search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
