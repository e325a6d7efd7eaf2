import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../src/openapi-document.js';
import { clientTypesSource } from './support/client-types.js';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const REDOCLY = here('../node_modules/.bin/redocly');

describe('the OpenAPI document', () => {
  const doc = openApiDocument();

  it('passes redocly lint with the recommended rules, without a warning', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'certflow-openapi-')), 'openapi.json');
    writeFileSync(file, JSON.stringify(doc));
    const run = spawnSync(REDOCLY, ['lint', file, '--extends', 'recommended', '--format', 'json'], {
      encoding: 'utf8',
    });
    const report = JSON.parse(run.stdout) as {
      totals: { errors: number; warnings: number };
      problems: unknown[];
    };
    expect(report.problems).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
    expect(run.status).toBe(0);
  }, 60_000);

  it('names every operation and gives each a 4xx answer', () => {
    const operations = Object.values(doc.paths ?? {}).flatMap((item) =>
      Object.values(
        item as Record<string, { operationId?: string; responses?: Record<string, unknown> }>,
      ),
    );
    expect(operations.length).toBeGreaterThan(12);
    for (const op of operations) {
      expect(op.operationId).toMatch(/^[a-z][A-Za-z]+$/u);
      expect(Object.keys(op.responses ?? {}).some((s) => /^4\d\d$/u.test(s))).toBe(true);
    }
  });

  it('is what @certflow/client’s committed types were generated from', async () => {
    const committed = readFileSync(
      here('../../../packages/client/src/generated/openapi.ts'),
      'utf8',
    );
    // Stale? Run: pnpm --filter @certflow/server client-types
    expect(committed).toBe(await clientTypesSource());
  });
});
