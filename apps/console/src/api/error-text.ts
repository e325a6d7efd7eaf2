import { CertflowError } from '@certflow/client';

const CJK = /[\u3400-\u9fff]/u;

/** Readable Chinese for answers that carry no Chinese message of their own. */
const FALLBACK: Readonly<Record<string, string>> = {
  HTTP_ERROR: '服务器没有正常应答，请稍后重试',
  UNAUTHENTICATED: '登录已失效，请重新登录',
  TOKEN_EXPIRED: '登录已过期，请重新登录',
  NOT_AUTHORIZED: '无权执行此操作',
  VERSION_CONFLICT: '数据已被他人修改，请刷新后重试',
  EVENT_NOT_ACCEPTED: '当前环节不接受此操作',
  SERVICE_UNAVAILABLE: '服务暂时不可用，请稍后重试',
  INTERNAL_ERROR: '服务器内部错误，请联系管理员',
};

/** The server's zh-CN `message` of a refusal (the client prefixes it with status and code). */
export function serverMessage(error: CertflowError): string {
  const text = error.message.replace(/^\d{3} [A-Z0-9_]+: /, '');
  return CJK.test(text) ? text : (FALLBACK[error.code] ?? `操作未成功（${text}）`);
}

/** Any failure as one readable Chinese sentence, never a stack or a bare code. */
export function errorText(error: unknown): string {
  if (error instanceof CertflowError) return serverMessage(error);
  if (error instanceof TypeError) return '无法连接服务器，请检查网络后重试';
  return '操作未成功，请稍后重试';
}

/** A zod issue of the server in Chinese (until the server's issues are all in Chinese). */
export function issueText(message: string, label: string): string {
  if (CJK.test(message)) return message;
  if (/received undefined|Required/i.test(message)) return `请填写${label}`;
  if (/too small|too big|>=|<=|>|</i.test(message)) return `${label}超出允许的范围`;
  if (/invalid option|expected one of/i.test(message)) return `请选择有效的${label}`;
  return `${label}格式不正确`;
}
