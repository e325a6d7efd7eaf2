import type { CertflowClient } from '@certflow/client';

const CJK = /[\u3400-\u9fff]/u;

/** `POST /auth/demo/login { key }` → a token, or a readable Chinese refusal. */
export async function demoLogin(
  api: CertflowClient,
  key: string,
): Promise<{ token: string } | { error: string }> {
  try {
    const answer = await api.raw('/auth/demo/login', { method: 'POST', body: { key } });
    const body = answer.body as { token?: unknown; message?: unknown } | null;
    if (answer.status === 200 && typeof body?.token === 'string') return { token: body.token };
    const message =
      typeof body?.message === 'string' && CJK.test(body.message)
        ? body.message
        : '登录未成功，请稍后重试';
    return { error: message };
  } catch {
    return { error: '无法连接服务器，请检查网络后重试' };
  }
}
