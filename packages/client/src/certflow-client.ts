import { CertflowError, errorBody } from './certflow-error.js';
import type {
  Attachment,
  CommandOptions,
  DirectoryImport,
  DirectoryImportReport,
  DirectoryPerson,
  EventRequest,
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
