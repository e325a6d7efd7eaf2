import { InfrastructureError, refuse, type Messages } from '@certflow/engine';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { Logger } from 'pino';
import { ApiError, HTTP_ERRORS } from './api-error.js';
import { statusOfCode, UNAVAILABLE_CODES } from './error-status.js';
import { bilingualIssues, quote, type IssueLike } from './zh-issues.js';

export interface ErrorBody {
  code: string;
  message: string;
  messageEn: string;
  details?: Record<string, unknown>;
  /** Set on 503s: the same request may be sent again (after `Retry-After` seconds). */
  retryable?: boolean;
}

interface Refusal {
  readonly code: string;
  readonly messages: Messages;
  readonly details?: Readonly<Record<string, unknown>> | undefined;
}

/** A `DomainError` of the engine or of a flow pack (duck-typed: packs may bundle their own copy). */
function isRefusal(error: unknown): error is Refusal {
  if (!(error instanceof Error) || error.name !== 'DomainError') return false;
  const e = error as Partial<Refusal>;
  return typeof e.code === 'string' && typeof e.messages?.zh === 'string';
}

function body(
  code: string,
  messages: Messages,
  details?: Readonly<Record<string, unknown>>,
): ErrorBody {
  return {
    code,
    message: messages.zh,
    messageEn: messages.en,
    ...(details ? { details: { ...details } } : {}),
  };
}

/**
 * Any thrown value → the status and `{ code, message, messageEn, details? }` to answer. Unknown
 * failures are 500 `INTERNAL_ERROR` with no stack or driver text in the body (it goes to the log).
 */
export function errorResponse(error: unknown): {
  status: number;
  body: ErrorBody;
  internal: boolean;
} {
  if (error instanceof ApiError) {
    return {
      status: error.status,
      body: body(error.code, error.messages, error.details),
      internal: false,
    };
  }
  if (isRefusal(error)) {
    return {
      status: statusOfCode(error.code),
      body: body(error.code, chineseOnly(error), error.details),
      internal: false,
    };
  }
  if (error instanceof HTTPException) {
    // Hono's own refusals: malformed JSON (400), an oversized body (413).
    const code =
      error.status === 413 ? 'PAYLOAD_TOO_LARGE' : error.status === 400 ? 'MALFORMED_JSON' : null;
    if (code) return { status: error.status, body: body(code, HTTP_ERRORS[code]), internal: false };
  }
  if (error instanceof InfrastructureError && error.retryable) {
    // 503 with `retryable: true`; the database's own code when it is unreachable.
    const own = UNAVAILABLE_CODES[error.code];
    const answer = own
      ? body(error.code, own)
      : body('SERVICE_UNAVAILABLE', HTTP_ERRORS.SERVICE_UNAVAILABLE, { reason: error.code });
    return { status: 503, body: { ...answer, retryable: true }, internal: true };
  }
  const reason = error instanceof InfrastructureError ? { reason: error.code } : undefined;
  return {
    status: 500,
    body: body('INTERNAL_ERROR', HTTP_ERRORS.INTERNAL_ERROR, reason),
    internal: true,
  };
}

export function onError(logger: Logger) {
  return (error: Error, c: Context): Response => {
    const { status, body: answer, internal } = errorResponse(error);
    if (internal) logger.error({ err: error, path: c.req.path }, 'request failed');
    // The rest of an oversized body is not read: the connection must not be reused.
    if (status === 413) c.header('Connection', 'close');
    if (status === 503) c.header('Retry-After', '1');
    if (status === 429) c.header('Retry-After', String(retryAfterSeconds(answer.details)));
    return c.json(answer, status as 400);
  };
}

/** Seconds until `details.retryAt` (an ISO instant), at least 1. */
function retryAfterSeconds(details: Record<string, unknown> | undefined): number {
  const at = typeof details?.['retryAt'] === 'string' ? Date.parse(details['retryAt']) : NaN;
  return Number.isFinite(at) ? Math.max(1, Math.ceil((at - Date.now()) / 1000)) : 60;
}

export function notFound(c: Context): Response {
  return c.json(body('ROUTE_NOT_FOUND', HTTP_ERRORS.ROUTE_NOT_FOUND, { path: c.req.path }), 404);
}

/**
 * zod issues of a request part (`json`, `query`, `param`, `header`, a flow's `input`) →
 * `VALIDATION_FAILED`, its `message` in Chinese only (field names quoted: `「json.type」`), its
 * `messageEn` in English; `details.issues` has both per issue.
 */
export function validationFailed(target: string | null, issues: readonly IssueLike[]): Error {
  const list = bilingualIssues(target, issues);
  const first = list[0];
  return refuse(
    'VALIDATION_FAILED',
    { issues: list },
    first
      ? {
          zh: `输入不合法（${quote(first.path)}：${first.message}）`,
          en: `Invalid input (${first.path}: ${first.messageEn})`,
        }
      : { zh: '输入不合法', en: 'Invalid input' },
  );
}

/** Latin letters outside the quoted identifiers of a Chinese message. */
export const hasEnglish = (zh: string): boolean => /[A-Za-z]/u.test(zh.replace(/「[^」]*」/gu, ''));

/**
 * A refusal's messages with the Chinese one free of English. The engine's own validation
 * messages embed zod's English text; they are answered as the field that failed instead (the
 * English stays in `messageEn` and `details`).
 */
function chineseOnly(error: Refusal): Messages {
  if (error.code !== 'VALIDATION_FAILED' || !hasEnglish(error.messages.zh)) return error.messages;
  const issues = error.details?.['issues'];
  const first: unknown = Array.isArray(issues) ? issues[0] : undefined;
  const path = first && typeof first === 'object' && 'path' in first ? String(first.path) : '';
  return {
    zh: path ? `输入不合法（${quote(path)} 取值不合法）` : '输入不合法',
    en: error.messages.en,
  };
}
