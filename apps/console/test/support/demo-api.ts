import { CertflowClient } from '@certflow/client';

/** A demo person's API client: the same token the console's one-click sign-in gets. */
export async function demoClient(baseUrl: string, key: string): Promise<CertflowClient> {
  const answer = await fetch(`${baseUrl}/auth/demo/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ key }),
  });
  if (!answer.ok) throw new Error(`demo login of ${key}: HTTP ${answer.status}`);
  const { token } = (await answer.json()) as { token: string };
  return new CertflowClient({ baseUrl, token });
}

/** Next year in Beijing time: the year the annual pilot applications are for (第七条2). */
export const nextYear =
  Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format()) +
  1;
