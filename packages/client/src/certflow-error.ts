import type { ApiErrorBody } from './types.js';

/** A non-2xx answer of the API: the HTTP status and the `{ code, message }` body. */
export class CertflowError extends Error {
  override readonly name = 'CertflowError';
  readonly status: number;
  readonly code: string;
  readonly messageEn: string;
  readonly details: Record<string, unknown> | undefined;

  constructor(status: number, body: ApiErrorBody) {
    super(`${status} ${body.code}: ${body.message}`);
    this.status = status;
    this.code = body.code;
    this.messageEn = body.messageEn;
    this.details = body.details;
  }
}

/** Reads an error body; a body that is not ours (a proxy's HTML page) becomes `HTTP_ERROR`. */
export function errorBody(status: number, text: string): ApiErrorBody {
  try {
    const parsed: unknown = JSON.parse(text);
    if (
      parsed !== null &&
      typeof parsed === 'object' &&
      'code' in parsed &&
      typeof parsed.code === 'string' &&
      'message' in parsed &&
      typeof parsed.message === 'string'
    ) {
      const body = parsed as ApiErrorBody;
      return {
        ...body,
        messageEn: typeof body.messageEn === 'string' ? body.messageEn : body.message,
      };
    }
  } catch {
    // not JSON: fall through
  }
  const excerpt = text.slice(0, 200);
  return { code: 'HTTP_ERROR', message: `HTTP ${status}`, messageEn: `HTTP ${status}: ${excerpt}` };
}
