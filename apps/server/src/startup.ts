import { createServer, type Server } from 'node:http';
import postgres from 'postgres';

/** Why the server cannot start, as one line in Chinese and English; `pnpm start` exits 1. */
export class StartupError extends Error {
  override readonly name = 'StartupError';
  constructor(zh: string, en: string) {
    super(`certflow 无法启动：${zh} / cannot start: ${en}`);
  }
}

/** `postgres://user:***@host:5432/db`. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.href;
  } catch {
    return 'DATABASE_URL';
  }
}

/**
 * An HTTP server already listening on `host:port` — bound before anything is written (no
 * migration, seed or secret), so a port in use is one line and exit 1. Until `handle` is
 * attached it answers 503.
 */
export async function bindPort(port: number, host: string): Promise<Server> {
  const server = createServer((_req, res) => {
    res.writeHead(503, { 'content-type': 'application/json', 'retry-after': '1' });
    res.end('{"code":"SERVICE_UNAVAILABLE","message":"服务正在启动","messageEn":"Starting"}');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') {
        reject(
          new StartupError(
            `端口 ${port} 已被占用（${host}）`,
            `port ${port} on ${host} is already in use`,
          ),
        );
      } else if (error.code === 'EACCES') {
        reject(
          new StartupError(
            `无权监听端口 ${port}（${host}）`,
            `no permission to listen on port ${port} of ${host}`,
          ),
        );
      } else if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND') {
        reject(new StartupError(`本机没有地址 ${host}`, `${host} is not an address of this host`));
      } else {
        reject(
          new StartupError(
            `无法监听 ${host}:${port}（${error.code ?? error.message}）`,
            `cannot listen on ${host}:${port} (${error.code ?? error.message})`,
          ),
        );
      }
    });
    server.listen(port, host, () => resolve());
  });
  return server;
}

/** Connects once and runs `select 1`: an unreachable or refusing database is one line, nothing written. */
export async function probeDatabase(url: string, timeoutSeconds = 5): Promise<void> {
  const sql = postgres(url, {
    max: 1,
    connect_timeout: timeoutSeconds,
    onnotice: () => {},
    idle_timeout: 1,
  });
  try {
    await sql`select 1`;
  } catch (error) {
    const e = error as { code?: string; message?: string };
    const why = e.code ?? e.message ?? String(error);
    throw new StartupError(
      `无法连接数据库 ${redactUrl(url)}（${why}）`,
      `the database at ${redactUrl(url)} is not reachable (${why})`,
    );
  } finally {
    await sql.end({ timeout: 1 }).catch(() => undefined);
  }
}
