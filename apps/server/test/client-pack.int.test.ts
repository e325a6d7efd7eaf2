import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestPostgres, type TestPostgres } from '@certflow/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiWorld, type ApiWorld } from './support/api-world.js';
import { setQuota } from './support/fixtures.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const TSC = join(ROOT, 'node_modules/typescript/bin/tsc');

/** A program outside the monorepo: plain Node, the packed client from node_modules. */
const PROGRAM = `
import { CertflowClient, CertflowError } from '@certflow/client';
const api = new CertflowClient({ baseUrl: process.env.BASE, token: process.env.OWNER });
const health = await api.health();
const flows = await api.flows();
const app = await api.startInstance('pilot-project', JSON.parse(process.env.INPUT));
const lead = api.as(process.env.LEAD);
const approved = await lead.sendEvent(app.id, { type: 'APPROVE', comment: '同意' }, { ifMatch: app.version });
let refused;
try { await lead.sendEvent(app.id, { type: 'APPROVE' }, { ifMatch: 1 }); } catch (e) { refused = e instanceof CertflowError ? [e.status, e.code] : String(e); }
console.log(JSON.stringify({ health: health.ok, flows: flows.items.length, state: approved.state, refused }));
`;

/** Type-checked against the package's own .d.ts (strict, NodeNext resolution through `exports`). */
const TYPED = `
import { CertflowClient, type Instance, type InboxTask, type HistoryEntry } from '@certflow/client';
export async function titles(api: CertflowClient): Promise<string[]> {
  const page = await api.inbox({ limit: 10 });
  const tasks: InboxTask[] = page.items;
  const first: Instance | undefined = tasks[0] ? await api.getInstance(tasks[0].instanceId) : undefined;
  const rows: HistoryEntry[] = first ? (await api.history(first.id)).items : [];
  return [...tasks.map((t) => t.title), ...rows.map((h) => h.event)];
}
// @ts-expect-error: a version is a number
export const wrong: Instance['version'] = 'three';
`;

describe('@certflow/client outside the monorepo', () => {
  let pg: TestPostgres;
  let w: ApiWorld;
  const scratch = mkdtempSync(join(tmpdir(), 'certflow-client-'));

  beforeAll(async () => {
    pg = await createTestPostgres();
    w = await startApiWorld(pg);
    await w.reset();
    // pnpm pack applies publishConfig (exports → dist) and runs prepack (the build), as a publish would.
    execFileSync('pnpm', ['pack', '--pack-destination', scratch], {
      cwd: join(ROOT, 'packages/client'),
      stdio: 'pipe',
    });
    writeFileSync(
      join(scratch, 'package.json'),
      JSON.stringify({ name: 'scratch', private: true, type: 'module' }),
    );
    const tarball = readdirSync(scratch).find((f) => f.endsWith('.tgz'));
    if (!tarball) throw new Error('pnpm pack wrote no tarball');
    execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', `./${tarball}`], {
      cwd: scratch,
      stdio: 'pipe',
    });
  }, 120_000);
  afterAll(async () => {
    await w?.close();
    await pg?.drop();
  });

  it('is built ESM whose exports point at dist, and runs on plain Node against a server', async () => {
    await setQuota(w.as('academic'));
    writeFileSync(join(scratch, 'main.mjs'), PROGRAM);
    // Asynchronously: the server under test runs in this process.
    const run = await promisify(execFile)('node', ['main.mjs'], {
      cwd: scratch,
      encoding: 'utf8',
      timeout: 60_000,
      env: {
        PATH: process.env['PATH'],
        BASE: w.url,
        OWNER: await w.token('owner'),
        LEAD: await w.token('collegeLead'),
        INPUT: JSON.stringify({
          year: 2027,
          collegeId: 'ee',
          certificate: { code: 'WEB-FE', name: 'Web前端开发', level: 'intermediate' },
          evaluationOrg: '工信部教育与考试中心',
          scale: 40,
          budget: { consumables: 1, certificateFees: 1, examinerFees: 1 },
        }),
      },
    });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({
      health: true,
      flows: expect.any(Number),
      state: 'academicReview',
      refused: [409, 'VERSION_CONFLICT'],
    });
    const manifest = JSON.parse(
      readFileSync(join(scratch, 'node_modules/@certflow/client/package.json'), 'utf8'),
    ) as {
      exports: Record<string, Record<string, string>>;
    };
    expect(manifest.exports['.']).toEqual({
      types: './dist/index.d.ts',
      import: './dist/index.js',
      default: './dist/index.js',
    });
  });

  it('type-checks a program against its declarations', () => {
    writeFileSync(join(scratch, 'typed.ts'), TYPED);
    const run = spawnSync(
      'node',
      [
        TSC,
        '--noEmit',
        '--strict',
        '--module',
        'nodenext',
        '--moduleResolution',
        'nodenext',
        '--target',
        'es2022',
        '--lib',
        'es2022,dom',
        'typed.ts',
      ],
      { cwd: scratch, encoding: 'utf8' },
    );
    expect(run.stdout + run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});
