import { spawn, spawnSync } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, startServer, stopStarted, type Started } from './support/spawn-start.js';

/** The documented curl sequence: the block between the quick-start markers of docs/http-api.md. */
function quickStartScript(): string {
  const doc = readFileSync(join(ROOT, 'docs/http-api.md'), 'utf8');
  const block = /<!-- quick-start:begin -->\s*```sh\n([\s\S]*?)```\s*<!-- quick-start:end -->/.exec(
    doc,
  )?.[1];
  if (!block) throw new Error('docs/http-api.md has no quick-start block');
  return block;
}

/** `pnpm start` from the repository root, as the README says, on a free port and a temp data dir. */
const pnpmStart = (dataDir: string): Promise<Started> => startServer({ dataDir });
const stop = stopStarted;

describe('pnpm start (the all-in-one server)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'certflow-start-'));
  let server: Started | undefined;

  beforeAll(async () => {
    server = await pnpmStart(dataDir);
  }, 90_000);

  afterAll(async () => {
    if (server) await stop(server);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('seeds the demo school, prints tokens and the URL, and keeps a generated secret private', () => {
    const out = server?.output() ?? '';
    expect(out).toContain('demo school seeded');
    expect(out).toMatch(/owner\s+张老师 \[project_owner@ee\]\n\s+eyJ[\w-]+\.[\w-]+\.[\w-]+/);
    expect(out).toContain('database: embedded PostgreSQL');
    expect(statSync(join(dataDir, 'jwt-secret')).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dataDir, 'demo-tokens.env'), 'utf8')).toMatch(
      /^export CERTFLOW_TOKEN_OWNER=eyJ/m,
    );
  });

  it('runs the documented curl sequence: a demo application is approved and its history verifies', () => {
    const run = spawnSync('bash', ['-euo', 'pipefail', '-c', quickStartScript()], {
      cwd: ROOT,
      env: { ...process.env, BASE: server?.url, CERTFLOW_DATA_DIR: dataDir },
      // stdin from /dev/null: on a socket, Debian's bash would read /etc/bash.bashrc (rshd rule).
      stdio: ['ignore', 'pipe', 'pipe'],
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^instance [0-9a-f-]{36}$/);
    expect(lines).toContain('ee Web前端开发（中级）');
    expect(lines).toContain('academicReview');
    expect(lines).toContain('completed');
    expect(lines).toContain('leadershipReview');
    expect(lines.filter((l) => /^\d /.test(l))).toEqual([
      '1 START u-owner → collegeReview',
      '2 APPROVE u-lead → academicReview',
      '3 APPROVE u-aa → leadershipReview',
      '4 APPROVE u-president → approved',
    ]);
    expect(lines.at(-1)).toBe('{"ok":true,"count":4}');
  });

  it('delivers the notifications of that approval as .eml files in the data dir (in-process scheduler)', async () => {
    const mailDir = join(dataDir, 'mail');
    let files: string[] = [];
    for (let i = 0; i < 100 && files.length < 4; i += 1) {
      files = existsSync(mailDir) ? readdirSync(mailDir).filter((f) => f.endsWith('.eml')) : [];
      if (files.length < 4) await new Promise((r) => setTimeout(r, 200));
    }
    const mails = files.map((f) => readFileSync(join(mailDir, f), 'utf8'));
    // The college lead's task, academic affairs' and the leadership's, and the decision.
    expect(mails.some((m) => m.includes('lead@') && /Subject: =\?UTF-8\?/i.test(m))).toBe(true);
    expect(mails.some((m) => m.includes('owner@'))).toBe(true);
    expect(mails.every((m) => /^Message-ID: <[0-9a-f-]{36}@certflow\./m.test(m))).toBe(true);
  });

  it('shuts down on SIGTERM and starts again on the same data: nothing lost, nothing re-seeded', async () => {
    if (!server) throw new Error('not started');
    await stop(server);
    expect(server.output()).toContain('shutting down');
    server = await pnpmStart(dataDir);
    expect(server.output()).toContain('demo school present');
    const tokens = readFileSync(join(dataDir, 'demo-tokens.env'), 'utf8');
    const auditor = /CERTFLOW_TOKEN_AUDITOR=(\S+)/.exec(tokens)?.[1] ?? '';
    const res = await fetch(`${server.url}/api/instances?status=completed`, {
      headers: { authorization: `Bearer ${auditor}` },
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { total: number }).total).toBe(1);
  }, 90_000);

  it('ends quietly on Ctrl-C: one line, exit 0, nothing from pnpm', async () => {
    if (!server?.child.pid) throw new Error('not started');
    // Let the request log of the test before settle.
    for (let last = -1; last !== server.output().length;) {
      last = server.output().length;
      await new Promise((r) => setTimeout(r, 300));
    }
    const before = server.output().length;
    // A terminal's Ctrl-C: SIGINT to the whole foreground process group (pnpm, its shells, node).
    process.kill(-server.child.pid, 'SIGINT');
    expect(await server.exited).toBe(0);
    expect(server.output().slice(before)).toBe('certflow 已停止 / stopped\n');
  }, 30_000);
});

/** `pnpm start` that is expected to give up: its exit code and everything it printed. */
function failingStart(
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn('pnpm', ['start'], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
}

describe('pnpm start refusing to start', () => {
  it('says in one line that the port is in use, exits 1, and writes nothing', async () => {
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', () => resolve()));
    const port = (busy.address() as AddressInfo).port;
    const dataDir = join(mkdtempSync(join(tmpdir(), 'certflow-busy-')), 'data');
    try {
      const run = await failingStart({
        PORT: String(port),
        HOST: '127.0.0.1',
        CERTFLOW_DATA_DIR: dataDir,
      });
      expect(run.code).toBe(1);
      expect(run.stderr).toBe(
        `certflow 无法启动：端口 ${port} 已被占用（127.0.0.1） / cannot start: port ${port} on 127.0.0.1 is already in use\n`,
      );
      expect(run.stdout).not.toMatch(/EADDRINUSE|at .*\.ts:\d+/u);
      expect(existsSync(dataDir)).toBe(false);
    } finally {
      busy.close();
    }
  }, 60_000);

  it('says in one line that the database is unreachable, exits 1, and writes nothing', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', () => resolve()));
    const dead = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const dataDir = join(mkdtempSync(join(tmpdir(), 'certflow-nodb-')), 'data');
    const run = await failingStart({
      PORT: '0',
      CERTFLOW_DATA_DIR: dataDir,
      DATABASE_URL: `postgres://certflow:secret@127.0.0.1:${dead}/certflow`,
      CERTFLOW_JWT_SECRET: 'start-test-jwt-secret-0123456789-abcdefg',
      CERTFLOW_MAIL_SECRET: 'start-test-mail-secret-0123456789-abcdef',
      CERTFLOW_PUBLIC_URL: 'https://certflow.example.edu.cn',
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `certflow 无法启动：无法连接数据库 postgres://certflow:***@127.0.0.1:${dead}/certflow（ECONNREFUSED） / cannot start: the database at postgres://certflow:***@127.0.0.1:${dead}/certflow is not reachable (ECONNREFUSED)\n`,
    );
    expect(existsSync(dataDir)).toBe(false);
  }, 60_000);
});

// Fail (never skip) when the tools the documented sequence uses are missing.
for (const tool of ['pnpm', 'curl', 'bash']) {
  if (spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0)
    throw new Error(`${tool} is required by this test`);
}
