/**
 * Regenerate the state diagram of every flow in `pilotFlows` into its folder's README.md
 * (`src/flows/<id>/README.md`), between
 * `<!-- diagram:start -->` and `<!-- diagram:end -->`. Run: `pnpm --filter @certflow/pilot docs`.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FlowRegistry } from '@certflow/engine';
import { flowDiagram, withDiagram } from '../src/diagram/index.js';
import { pilotFlows } from '../src/flows/index.js';

const registry = new FlowRegistry(pilotFlows);
const ids = [...new Set(pilotFlows.map((f) => f.id))];
let problems = 0;
for (const id of ids) {
  const flow = registry.latest(id);
  const path = fileURLToPath(new URL(`../src/flows/${id}/README.md`, import.meta.url));
  if (!existsSync(path)) {
    console.warn(`✗ ${id}: no README.md in src/flows/${id}/`);
    problems += 1;
    continue;
  }
  const readme = readFileSync(path, 'utf8');
  const next = withDiagram(readme, flowDiagram(flow));
  if (next === undefined) {
    console.warn(`✗ ${id}: README.md has no <!-- diagram:start --> … <!-- diagram:end --> block`);
    problems += 1;
  } else if (next !== readme) {
    writeFileSync(path, next);
    console.log(`✓ ${id}: diagram of v${flow.version} written`);
  } else {
    console.log(`· ${id}: up to date`);
  }
}
process.exitCode = problems > 0 ? 1 : 0;
