import { mkdirSync } from 'node:fs';
import { serve } from '@hono/node-server';
import { loadConfig } from './config.js';
import { createLogger } from './logger.js';
import { composeRuntime } from './runtime/compose.js';
import { DEMO_USERS } from './runtime/demo-school.js';
import { demoTokens } from './runtime/demo-tokens.js';
import { seedDemoSchool } from './runtime/seed-demo.js';

/**
 * `pnpm start`: the all-in-one server. Embedded PGlite in CERTFLOW_DATA_DIR (migrated at start)
 * unless DATABASE_URL is set; the demo school is seeded on first start and its tokens printed.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  mkdirSync(config.dataDir, { recursive: true });
  const runtime = await composeRuntime(config, logger);
  const lines: string[] = [];
  if (config.demo) {
    const now = new Date();
    const seeded = await seedDemoSchool(runtime.handle.store, runtime.handle.directory, now);
    const tokens = await demoTokens(runtime.tokens, config.dataDir, now);
    lines.push(seeded ? 'demo school seeded (colleges ee, cs; one user per role; quotas)' : 'demo school present');
    lines.push('demo tokens (30 days):');
    for (const [key, token] of Object.entries(tokens)) {
      const user = DEMO_USERS[key as keyof typeof DEMO_USERS];
      lines.push(`  ${key.padEnd(10)} ${user.name} [${user.roles.join(',')}${user.college ? `@${user.college}` : ''}]`);
      lines.push(`    ${token}`);
    }
    lines.push(`  shell: source ${config.dataDir}/demo-tokens.env   # CERTFLOW_TOKEN_OWNER, _LEAD, _ACADEMIC …`);
  }
  const server = serve({ fetch: runtime.app.fetch, port: config.port, hostname: config.host }, (info) => {
    const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${info.port}`;
    const banner = [
      '',
      `certflow listening on ${url}`,
      `  database: ${runtime.handle.driver === 'pglite' ? `PGlite in ${config.dataDir}/pglite` : 'PostgreSQL (DATABASE_URL)'}`,
      `  delivery: ${runtime.background.description}`,
      `  API: ${url}/api/openapi.json · health: ${url}/healthz`,
      ...lines,
      '',
    ];
    process.stdout.write(`${banner.join('\n')}\n`);
  });

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    server.close(() => {
      runtime.close().then(
        () => process.exit(0),
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

main().catch((error: unknown) => {
  process.stderr.write(`certflow failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
