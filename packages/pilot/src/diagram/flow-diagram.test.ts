import { defineFlow } from '@certflow/engine';
import { describe, expect, it } from 'vitest';
import { setup } from 'xstate';
import { z } from 'zod';
import { pilotProjectFlow } from '../flows/pilot-project/v1/flow.js';
import { flowDiagram } from './flow-diagram.js';
import { withDiagram } from './readme-block.js';

describe('flowDiagram', () => {
  it('is generated from the machine: states, guarded edges, final states and who acts (pilot-project v1)', () => {
    const d = flowDiagram(pilotProjectFlow);
    expect(d.startsWith('stateDiagram-v2\n  [*] --> collegeReview\n')).toBe(true);
    expect(d).toContain('  academicReview --> leadershipReview : APPROVE [needsLeadership]\n');
    expect(d).toContain('  academicReview --> approved : APPROVE [else]\n');
    expect(d).toContain('  returned --> collegeReview : RESUBMIT\n');
    expect(d).toContain(
      '  collegeReview : college_lead（college） 限 5 工作日 → 升级 academic_affairs\n',
    );
    expect(d).toContain('  leadershipReview : leadership（school） 限 5 工作日\n');
    expect(d).toContain('  rejected : 已驳回 rejected\n  rejected --> [*]\n');
  });

  it('nests compound states and shows timeouts', () => {
    const machine = setup({}).createMachine({
      id: 'nested',
      initial: 'open',
      states: {
        open: {
          initial: 'a',
          states: { a: { on: { NEXT: 'b' } }, b: { on: { DONE: '#nested.done' } } },
        },
        done: { type: 'final' },
      },
    });
    const flow = defineFlow({
      id: 'nested',
      version: 1,
      title: { zh: '嵌套', en: 'nested' },
      machine,
      input: z.object({}),
      events: { NEXT: z.object({}), DONE: z.object({}) },
      states: { 'open.a': { timeout: { after: { workingDays: 3 }, event: 'NEXT' } } },
      startedBy: { roles: [], scope: 'school' },
      college: () => null,
      describe: () => 'nested',
    });
    expect(flowDiagram(flow)).toBe(
      [
        'stateDiagram-v2',
        '  [*] --> open',
        '  state open {',
        '    [*] --> open__a',
        '    open__a : 超时 3 工作日 → NEXT',
        '    open__a --> open__b : NEXT',
        '    open__b --> done : DONE',
        '  }',
        '  done : 已通过 completed',
        '  done --> [*]',
        '',
      ].join('\n'),
    );
  });

  it('withDiagram replaces only the marked block', () => {
    const readme = 'intro\n<!-- diagram:start -->\nold\n<!-- diagram:end -->\nrest\n';
    expect(withDiagram(readme, 'stateDiagram-v2\n')).toBe(
      'intro\n<!-- diagram:start -->\n```mermaid\nstateDiagram-v2\n```\n<!-- diagram:end -->\nrest\n',
    );
    expect(withDiagram('no markers', 'x')).toBeUndefined();
  });
});
