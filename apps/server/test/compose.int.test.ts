import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/index.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const COMPOSE = join(ROOT, 'docker/compose.yml');
const SECRET = 'compose-test-secret-0123456789-abcdefgh';

interface Service {
  image?: string;
  build?: { context: string; dockerfile: string };
  command?: string[];
  environment?: Record<string, string>;
  ports?: Array<{ published: number | string; target: number }>;
  volumes?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
}
interface Resolved {
  services: Record<string, Service>;
  volumes: Record<string, unknown>;
}

/** `docker-compose -f docker/compose.yml config` (Debian's docker-compose; no engine needed). */
function composeConfig(env: NodeJS.ProcessEnv): {
  status: number | null;
  stdout: string;
  stderr: string;
} {
  const run = spawnSync('docker-compose', ['-f', COMPOSE, 'config'], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
  });
  if (run.error)
    throw new Error(
      `docker-compose is required (apt-get install -y docker-compose): ${run.error.message}`,
    );
  return run;
}

/** The resolved YAML as JSON, with the PyYAML that docker-compose itself runs on. */
function parseYaml(text: string): Resolved {
  const run = spawnSync(
    'python3',
    ['-c', 'import sys, json, yaml; print(json.dumps(yaml.safe_load(sys.stdin)))'],
    {
      input: text,
      encoding: 'utf8',
    },
  );
  if (run.status !== 0) throw new Error(`python3 yaml: ${run.stderr}`);
  return JSON.parse(run.stdout) as Resolved;
}

describe('docker/compose.yml', () => {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CERTFLOW_JWT_SECRET: SECRET,
    CERTFLOW_MAIL_SECRET: SECRET,
  };
  delete env['POSTGRES_PASSWORD'];
  delete env['CERTFLOW_PUBLIC_URL'];
  delete env['CERTFLOW_DEMO'];
  const run = composeConfig(env);
  const config = run.status === 0 ? parseYaml(run.stdout) : undefined;
  const service = (name: string): Service => {
    const found = config?.services[name];
    if (!found) throw new Error(`no service ${name}: ${run.stderr}`);
    return found;
  };

  it('validates, with the five services and their named volumes', () => {
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(Object.keys(config?.services ?? {}).sort()).toEqual([
      'mailpit',
      'postgres',
      'redis',
      'server',
      'worker',
    ]);
    expect(Object.keys(config?.volumes ?? {}).sort()).toEqual([
      'maildata',
      'pgdata',
      'redisdata',
      'serverdata',
    ]);
  });

  it('refuses to render without CERTFLOW_JWT_SECRET', () => {
    const bare: NodeJS.ProcessEnv = { ...env };
    delete bare['CERTFLOW_JWT_SECRET'];
    const failed = composeConfig(bare);
    expect(failed.status).not.toBe(0);
    expect(failed.stderr).toContain('set CERTFLOW_JWT_SECRET');
  });

  it('runs PostgreSQL and Redis durably (AOF, noeviction) with health checks', () => {
    const pg = service('postgres');
    expect(pg.image).toMatch(/^postgres:16/);
    expect(pg.volumes).toContain('pgdata:/var/lib/postgresql/data:rw');
    expect(pg.healthcheck?.test.join(' ')).toContain('pg_isready');
    const redis = service('redis');
    const cmd = (redis.command ?? []).join(' ');
    expect(cmd).toContain('--appendonly yes');
    expect(cmd).toContain('--maxmemory-policy noeviction');
    expect(redis.volumes).toContain('redisdata:/data:rw');
    expect(redis.healthcheck?.test.join(' ')).toContain('ping');
    const mail = service('mailpit');
    expect(mail.ports).toContainEqual(expect.objectContaining({ published: 8025, target: 8025 }));
    expect(mail.healthcheck).toBeDefined();
  });

  it('gives the server what it needs: env for PostgreSQL + BullMQ + SMTP, its port, data volume and health check', () => {
    const server = service('server');
    expect(server.build?.dockerfile).toBe('docker/server.Dockerfile');
    expect(existsSync(join(ROOT, 'docker/server.Dockerfile'))).toBe(true);
    const e = server.environment ?? {};
    expect(e).toMatchObject({
      DATABASE_URL: 'postgres://certflow:certflow@postgres:5432/certflow',
      REDIS_URL: 'redis://redis:6379',
      SMTP_URL: 'smtp://mailpit:1025',
      CERTFLOW_JWT_SECRET: SECRET,
      HOST: '0.0.0.0',
      PORT: '3000',
      CERTFLOW_DATA_DIR: '/data',
    });
    // The server's own configuration loader accepts exactly this environment, in deployment mode.
    const loaded = loadConfig(e);
    expect(loaded).toMatchObject({
      port: 3000,
      host: '0.0.0.0',
      dataDir: '/data',
      demo: false,
      jwtSecret: SECRET,
    });
    expect(loaded.databaseUrl).toContain('@postgres:5432/');
    expect(loaded.redisUrl).toBe('redis://redis:6379');
    expect(server.ports).toContainEqual(expect.objectContaining({ published: 3000, target: 3000 }));
    // Reply approval: the inbound SMTP listener, bound to all interfaces inside the container.
    expect(server.ports).toContainEqual(expect.objectContaining({ published: 25, target: 2525 }));
    expect(e).toMatchObject({
      MAIL_INBOUND_PORT: '2525',
      MAIL_INBOUND_HOST: '0.0.0.0',
      MAIL_REPLY_AUTH: 'dmarc',
    });
    expect(loaded.mail.inbound).toMatchObject({
      port: 2525,
      host: '0.0.0.0',
      auth: { mode: 'dmarc' },
    });
    expect(server.volumes).toContain('serverdata:/data:rw');
    expect(server.depends_on).toEqual({
      postgres: { condition: 'service_healthy' },
      redis: { condition: 'service_healthy' },
      mailpit: { condition: 'service_healthy' },
    });
    expect(server.healthcheck?.test.join(' ')).toContain('/healthz');
    const dockerfile = readFileSync(join(ROOT, 'docker/server.Dockerfile'), 'utf8');
    expect(dockerfile).toContain('pnpm --filter @certflow/server build');
    expect(dockerfile).toContain('deploy --prod --legacy --config.node-linker=hoisted /out');
    // The migrations travel inside @certflow/db, which `deploy` copies with its published files.
    const db = JSON.parse(readFileSync(join(ROOT, 'packages/db/package.json'), 'utf8')) as {
      files: string[];
    };
    expect(db.files).toContain('drizzle');
    expect(dockerfile).toMatch(/CMD \["node", "dist\/main.js"\]/);
  });

  it('gives the worker the same database, Redis, mail and secret, after the server has migrated', () => {
    const worker = service('worker');
    const server = service('server');
    expect(worker.build?.dockerfile).toBe('docker/worker.Dockerfile');
    expect(existsSync(join(ROOT, 'docker/worker.Dockerfile'))).toBe(true);
    for (const key of [
      'DATABASE_URL',
      'REDIS_URL',
      'SMTP_URL',
      'CERTFLOW_JWT_SECRET',
      'CERTFLOW_MAIL_SECRET',
      'MAIL_FROM',
      'CERTFLOW_PUBLIC_URL',
    ]) {
      expect({ key, value: worker.environment?.[key] }).toEqual({
        key,
        value: server.environment?.[key],
      });
    }
    expect(worker.depends_on).toMatchObject({
      server: { condition: 'service_healthy' },
      redis: { condition: 'service_healthy' },
    });
    expect(worker.ports).toBeUndefined();
  });
});
