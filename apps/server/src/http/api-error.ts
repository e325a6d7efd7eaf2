import type { Messages } from '@certflow/engine';

/** Refusals of the HTTP layer itself (the engine's and the flows' codes come as `DomainError`s). */
export const HTTP_ERRORS = {
  UNAUTHENTICATED: {
    zh: '未登录或登录凭证无效，请提供有效的访问令牌',
    en: 'Missing or invalid credentials: send a valid bearer token',
  },
  TOKEN_EXPIRED: { zh: '访问令牌已过期，请重新登录', en: 'The access token has expired' },
  PAYLOAD_TOO_LARGE: { zh: '请求体过大', en: 'The request body is too large' },
  UNSUPPORTED_MEDIA_TYPE: {
    zh: '请求体须为「JSON」（「Content-Type: application/json」）',
    en: 'The request body must be JSON (Content-Type: application/json)',
  },
  MALFORMED_JSON: { zh: '请求体不是合法的「JSON」', en: 'The request body is not valid JSON' },
  ROUTE_NOT_FOUND: { zh: '接口不存在', en: 'No such endpoint' },
  ORIGIN_NOT_ALLOWED: {
    zh: '该网页来源未获准跨域调用本接口',
    en: 'This origin may not call the API from a browser',
  },
  SERVICE_UNAVAILABLE: {
    zh: '服务暂时不可用，请稍后重试',
    en: 'The service is temporarily unavailable; retry later',
  },
  COPY_NOT_FOUND: {
    zh: '没有这条抄送，或它不是抄送给您的',
    en: 'No such copy, or it was not copied to you',
  },
  INTERNAL_ERROR: { zh: '服务器内部错误', en: 'Internal server error' },
} as const satisfies Record<string, Messages>;

export type HttpErrorCode = keyof typeof HTTP_ERRORS;

/** A refusal raised by the HTTP layer, answered as `{ code, message, messageEn, details? }`. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;
  readonly code: string;
  readonly messages: Messages;
  readonly details: Record<string, unknown> | undefined;

  constructor(status: number, code: string, messages: Messages, details?: Record<string, unknown>) {
    super(`${code}: ${messages.en}`);
    this.status = status;
    this.code = code;
    this.messages = messages;
    this.details = details;
  }
}

export function httpError(
  status: number,
  code: HttpErrorCode,
  details?: Record<string, unknown>,
): ApiError {
  return new ApiError(status, code, HTTP_ERRORS[code], details);
}
