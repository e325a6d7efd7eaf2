import { CertflowError, errorBody } from './certflow-error.js';
import type {
  CommandOptions,
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

  startInstance(flow: string, input: unknown, options: CommandOptions = {}): Promise<Instance> {
    return this.call('POST', '/api/instances', { flow, input }, commandHeaders(options));
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

  inbox(page: PageRequest = {}): Promise<Page<InboxTask>> {
    return this.call('GET', `/api/tasks${query({ ...page })}`);
  }

  putQuota(year: number, collegeId: string, quota: Quota): Promise<QuotaRecord> {
    return this.call('PUT', `/api/quotas/${year}/${enc(collegeId)}`, quota);
  }

  getQuota(year: number, collegeId: string): Promise<QuotaRecord> {
    return this.call('GET', `/api/quotas/${year}/${enc(collegeId)}`);
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

  private authHeader(): Record<string, string> {
    return this.token ? { authorization: `Bearer ${this.token}` } : {};
  }

  private async call<T>(
    method: string,
    path: string,
    body?: unknown,
    extra: Record<string, string> = {},
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
    return JSON.parse(text) as T;
  }
}

const enc = encodeURIComponent;

function commandHeaders(options: CommandOptions): Record<string, string> {
  return {
    ...(options.ifMatch === undefined ? {} : { 'if-match': String(options.ifMatch) }),
    ...(options.idempotencyKey === undefined ? {} : { 'idempotency-key': options.idempotencyKey }),
  };
}

function query(params: Record<string, string | number | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null) search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
