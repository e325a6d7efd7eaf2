import { createServer, type Server } from 'node:http';

export interface HealthCheck {
  (): Promise<Record<string, unknown>>;
}

/** `GET /healthz`: 200 with the check's details, 503 when the check throws. */
export async function startHealthServer(port: number, check: HealthCheck): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.method !== 'GET' || req.url !== '/healthz') {
      res.writeHead(404).end();
      return;
    }
    check().then(
      (details) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ status: 'ok', ...details }));
      },
      (error: unknown) => {
        res.writeHead(503, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ status: 'unavailable', error: String(error) }));
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(port, '0.0.0.0', resolve));
  return server;
}
