import { InfrastructureError, refuse, type Messages } from '@certflow/engine';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { Logger } from 'pino';
import { ApiError, HTTP_ERRORS } from './api-error.js';
import { statusOfCode } from './error-status.js';

export interface ErrorBody {
  code: string;
  message: string;
  messageEn: string;
  details?: Record<string, unknown>;
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

function body(code: string, messages: Messages, details?: Readonly<Record<string, unknown>>): ErrorBody {
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
export function errorResponse(error: unknown): { status: number; body: ErrorBody; internal: boolean } {
  if (error instanceof ApiError) {
    return { status: error.status, body: body(error.code, error.messages, error.details), internal: false };
  }
  if (isRefusal(error)) {
    return {
      status: statusOfCode(error.code),
      body: body(error.code, error.messages, error.details),
      internal: false,
    };
  }
  if (error instanceof HTTPException) {
    // Hono's own refusals: malformed JSON (400), an oversized body (413).
    const code = error.status === 413 ? 'PAYLOAD_TOO_LARGE' : error.status === 400 ? 'MALFORMED_JSON' : null;
    if (code) return { status: error.status, body: body(code, HTTP_ERRORS[code]), internal: false };
  }
  if (error instanceof InfrastructureError && error.retryable) {
    return {
      status: 503,
      body: body('SERVICE_UNAVAILABLE', HTTP_ERRORS.SERVICE_UNAVAILABLE, { reason: error.code }),
      internal: true,
    };
  }
  const reason = error instanceof InfrastructureError ? { reason: error.code } : undefined;
  return { status: 500, body: body('INTERNAL_ERROR', HTTP_ERRORS.INTERNAL_ERROR, reason), internal: true };
}

export function onError(logger: Logger) {
  return (error: Error, c: Context): Response => {
    const { status, body: answer, internal } = errorResponse(error);
    if (internal) logger.error({ err: error, path: c.req.path }, 'request failed');
    // The rest of an oversized body is not read: the connection must not be reused.
    if (status === 413) c.header('Connection', 'close');
    return c.json(answer, status as 400);
  };
}

export function notFound(c: Context): Response {
  return c.json(body('ROUTE_NOT_FOUND', HTTP_ERRORS.ROUTE_NOT_FOUND, { path: c.req.path }), 404);
}

interface IssueLike {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

/** zod issues of a request part (`json`, `query`, `param`, `header`) → `VALIDATION_FAILED`. */
export function validationFailed(target: string, issues: readonly IssueLike[]): Error {
  const list = issues.slice(0, 20).map((i) => ({
    path: [target, ...i.path.map(String)].join('.'),
    message: i.message,
  }));
  const first = list[0];
  const where = first ? `${first.path}: ${first.message}` : target;
  return refuse(
    'VALIDATION_FAILED',
    { issues: list },
    { zh: `输入不合法（${where}）`, en: `Invalid input (${where})` },
  );
}
