import { createServer, type Server } from 'node:http';

/** What `/healthz` answers: 200 when `ok`, 503 otherwise, with the rest as the JSON body. */
export interface HealthReport {
  readonly ok: boolean;
  readonly [detail: string]: unknown;
}

export interface HealthCheck {
  (): Promise<HealthReport>;
}

/** `GET /healthz`: 200 `{ status: 'ok', … }` or 503 `{ status: 'unavailable', … }`. */
export async function startHealthServer(port: number, check: HealthCheck): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.method !== 'GET' || req.url !== '/healthz') {
      res.writeHead(404).end();
      return;
    }
    const answer = (status: number, body: Record<string, unknown>) => {
      res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify(body));
    };
    check().then(
      ({ ok, ...details }) =>
        answer(ok ? 200 : 503, { status: ok ? 'ok' : 'unavailable', ...details }),
      (error: unknown) => answer(503, { status: 'unavailable', error: String(error) }),
    );
  });
  await new Promise<void>((resolve) => server.listen(port, '0.0.0.0', resolve));
  return server;
}
