import type { Messages } from '@certflow/engine';

/**
 * The HTTP status of a refusal code (docs/http-api.md § Errors):
 * 400 — the request is malformed or its content invalid (`VALIDATION_FAILED`, bad JSON);
 * 401 — no valid token; 403 — the caller may not do this (including separation of duties);
 * 404 — no such instance or flow; 409 — conflicts with the instance's current state;
 * 413/415 — body too large / not JSON (an upload: `ATTACHMENT_TOO_LARGE`,
 * `ATTACHMENT_TYPE_NOT_ALLOWED`); 409/410 — a stored attachment altered / gone; 422 — a
 * business rule of the flow refused it; 429 — 催办 again too soon (`URGE_TOO_SOON`, with
 * `Retry-After`)
 * (every flow code, e.g. `LEVEL_NOT_ALLOWED`, and any code not listed here); 503 — a retryable
 * infrastructure failure: `DATABASE_UNAVAILABLE` when PostgreSQL cannot be reached (dropped
 * connections, a restart, a failover), `SERVICE_UNAVAILABLE` for the others (a deadlock, a
 * lock timeout; `details.reason` names it).
 */
const STATUS: Readonly<Record<string, number>> = {
  VALIDATION_FAILED: 400,
  MALFORMED_JSON: 400,
  INVALID_CURSOR: 400,
  WEBHOOK_URL_REFUSED: 400,
  UNAUTHENTICATED: 401,
  TOKEN_EXPIRED: 401,
  NOT_AUTHORIZED: 403,
  SELF_APPROVAL: 403,
  SEPARATION_OF_DUTIES: 403,
  // Approval operations (docs/http-api.md § Approval operations).
  NOT_YOUR_DELEGATION: 403,
  NOT_ADDED_BY_YOU: 403,
  NOT_FOUND: 404,
  UNKNOWN_FLOW: 404,
  COPY_NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  TASK_NOT_FOUND: 404,
  DRAFT_NOT_FOUND: 404,
  VERSION_CONFLICT: 409,
  EVENT_NOT_ACCEPTED: 409,
  IDEMPOTENCY_KEY_REUSED: 409,
  STEP_NOT_REACHED: 409,
  TAKE_BACK_NOT_ALLOWED: 409,
  TASK_DELEGATED: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  ATTACHMENT_TOO_LARGE: 413,
  ATTACHMENT_TYPE_NOT_ALLOWED: 415,
  ATTACHMENT_NOT_FOUND: 422,
  ATTACHMENT_ALTERED: 409,
  ATTACHMENT_MISSING: 410,
  // 催办 again within the interval (default 24 h): `Retry-After` says when it becomes possible.
  URGE_TOO_SOON: 429,
  BATCH_NOT_ALLOWED: 422,
  REASON_REQUIRED: 422,
  DRAFT_LIMIT_REACHED: 422,
  SUBSTITUTE_NOT_ALLOWED: 422,
  SERVICE_UNAVAILABLE: 503,
  DATABASE_UNAVAILABLE: 503,
  INTERNAL_ERROR: 500,
};

/**
 * The retryable infrastructure codes a client sees under their own name (the engine's
 * `InfrastructureError.code`, from packages/db/src/errors.ts); the rest are answered as
 * `SERVICE_UNAVAILABLE` with the code as `details.reason`.
 */
export const UNAVAILABLE_CODES: Readonly<Record<string, Messages>> = {
  DATABASE_UNAVAILABLE: {
    zh: '数据库暂时无法访问，请稍后重试',
    en: 'The database is temporarily unreachable; retry shortly',
  },
};

/** Business refusals of the flows are 422 unless listed. */
export function statusOfCode(code: string): number {
  return STATUS[code] ?? 422;
}
