import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getRequestListener } from '@hono/node-server';
import { ConfigError } from '@certflow/config';
import { SERVER_PID_FILE } from './cli/cli-context.js';
import { loadConfig } from './config.js';
import { createLogger } from './logger.js';
import { composeRuntime } from './runtime/compose.js';
import { DEMO_USERS } from './runtime/demo-school.js';
import { demoTokens } from './runtime/demo-tokens.js';
import { seedDemoSchool } from './runtime/seed-demo.js';
import { bindPort, probeDatabase, StartupError } from './startup.js';

/** One line on stderr and exit 1: a bad configuration, a port in use, an unreachable database. */
function fail(error: unknown): never {
  const known = error instanceof StartupError || error instanceof ConfigError;
  const text = known
    ? (error as Error).message
    : `certflow 无法启动 / cannot start: ${error instanceof Error ? error.message : String(error)}`;
  process.stderr.write(`${text}\n`);
  process.exit(1);
}

/**
 * `pnpm start`: the all-in-one server. Embedded PostgreSQL in CERTFLOW_DATA_DIR (migrated at start)
 * unless DATABASE_URL is set; the demo school is seeded on first start and its tokens printed.
 * Nothing is written before the port is bound and the database answers.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  if (config.databaseUrl) await probeDatabase(config.databaseUrl);
  const server = await bindPort(config.port, config.host);
  mkdirSync(config.dataDir, { recursive: true });
  const runtime = await composeRuntime(config, logger);
  const lines: string[] = [];
  if (config.demo) {
    const now = new Date();
    const seeded = await seedDemoSchool(runtime.engine, runtime.handle.directory, now);
    const tokens = await demoTokens(runtime.tokens, config.dataDir, now);
    lines.push(
      seeded
        ? 'demo school seeded (colleges ee, cs; one user per role; quotas)'
        : 'demo school present',
    );
    const hours = Math.round(runtime.tokens.trust.maxTtlSeconds / 360) / 10;
    lines.push(`demo tokens (${hours} h; every start prints fresh ones):`);
    for (const [key, token] of Object.entries(tokens)) {
      const user = DEMO_USERS[key as keyof typeof DEMO_USERS];
      lines.push(
        `  ${key.padEnd(10)} ${user.name} [${user.roles.join(',')}${user.college ? `@${user.college}` : ''}]`,
      );
      lines.push(`    ${token}`);
    }
    lines.push(
      `  shell: source ${config.dataDir}/demo-tokens.env   # CERTFLOW_TOKEN_OWNER, _LEAD, _ACADEMIC …`,
    );
  }
  server.removeAllListeners('request');
  const listener = getRequestListener(runtime.app.fetch);
  server.on('request', (req, res) => void listener(req, res));
  const pidFile = join(config.dataDir, SERVER_PID_FILE);
  writeFileSync(pidFile, `${process.pid}\n`);
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
  const banner = [
    '',
    `certflow listening on ${url}`,
    `  database: ${config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `embedded PostgreSQL in ${config.dataDir}/postgres`}`,
    `  delivery: ${runtime.background.description}`,
    `  API: ${url}/api/openapi.json · health: ${url}/healthz`,
    ...lines,
    '',
  ];
  process.stdout.write(`${banner.join('\n')}\n`);

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    // Ctrl-C at a terminal ends quietly: one line at the end; a service manager's SIGTERM is logged.
    if (signal !== 'SIGINT') logger.info({ signal }, 'shutting down');
    server.closeIdleConnections();
    server.close(() => {
      rmSync(pidFile, { force: true });
      runtime.close().then(
        () => {
          // Ctrl-C: one quiet line, exit 0 (pnpm prints nothing more for a clean exit).
          if (signal === 'SIGINT') process.stdout.write('certflow 已停止 / stopped\n');
          process.exit(0);
        },
        (error: unknown) => {
          logger.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
    });
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch(fail);
