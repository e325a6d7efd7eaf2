import { existsSync, readFileSync } from 'node:fs';
import { FlowRegistry } from '@certflow/engine';
import { describe, expect, it } from 'vitest';
import { pilotFlows } from '../flows/index.js';
import { flowDiagram } from './flow-diagram.js';
import { withDiagram } from './readme-block.js';

const registry = new FlowRegistry(pilotFlows);

describe('every flow folder README carries the current generated diagram', () => {
  for (const id of [...new Set(pilotFlows.map((f) => f.id))]) {
    it(`flows/${id}/README.md is up to date (else run: pnpm --filter @certflow/pilot docs)`, () => {
      const path = new URL(`../flows/${id}/README.md`, import.meta.url);
      expect(existsSync(path), `src/flows/${id}/README.md is missing`).toBe(true);
      const readme = readFileSync(path, 'utf8');
      const expected = withDiagram(readme, flowDiagram(registry.latest(id)));
      expect(expected, 'the README has no diagram markers').toBeDefined();
      expect(readme).toBe(expected);
    });
  }
});
