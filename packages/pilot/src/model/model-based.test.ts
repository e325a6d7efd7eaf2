import { leafStateIds, SYSTEM_ACTOR } from '@certflow/engine';
import { describe, expect, it } from 'vitest';
import { pilotFlows } from '../flows/index.js';
import { modelFor, PENDING_MODELS } from './models/index.js';
import { flowsFor, memoryWorld } from './memory-world.js';
import { runScenario } from './model-suite.js';
import { expectRefused } from './replay.js';
import { DETOURS } from './detours.js';

/** Operation steps taken over every flow's paths, by kind (reported and checked at the end). */
const detoursTaken = new Map<string, number>();

/** Leaf states an instance can rest in (a state left at once by an `always` transition cannot). */
function restingLeaves(flow: (typeof pilotFlows)[number]): string[] {
  const transient = new Set(
    Object.values(flow.machine.root.states)
      .filter((n) => (n.always?.length ?? 0) > 0)
      .map((n) => n.path.join('.')),
  );
  return leafStateIds(flow.machine).filter((s) => !transient.has(s));
}

describe('model-based: every path of every flow in pilotFlows, replayed through the engine', () => {
  it('every registered flow has a model (add model/models/<flow-id>.ts, see model/README.md)', () => {
    const missing = pilotFlows.filter((f) => !modelFor(f)).map((f) => f.id);
    expect(missing.filter((id) => !PENDING_MODELS.includes(id))).toEqual([]);
    // A pending entry that now has a model (or is no longer a flow) must be removed from the list.
    expect(PENDING_MODELS.filter((id) => !missing.includes(id))).toEqual([]);
  });

  for (const flow of pilotFlows) {
    const model = modelFor(flow);
    if (!model) continue;
    describe(`${flow.id} v${flow.version}`, () => {
      const reached = new Set<string>();
      for (const scenario of model.scenarios) {
        it(`${scenario.name}: shortest and simple paths hold every invariant`, async () => {
          const report = await runScenario(flow, model, scenario);
          expect(report.paths).toBeGreaterThan(0);
          expect(report.probes).toBeGreaterThan(0);
          for (const [kind, n] of Object.entries(report.detours))
            detoursTaken.set(kind, (detoursTaken.get(kind) ?? 0) + n);
          for (const s of report.reached) reached.add(s);
        });
      }

      it('together the scenarios reach every resting state of the machine', () => {
        // Active leaf ids (`running.cycle.site.review`), so nested and parallel machines count too.
        expect(restingLeaves(flow).filter((s) => !reached.has(s))).toEqual([]);
      });

      it('refused starts write nothing', async () => {
        const w = memoryWorld({ flows: flowsFor(flow) });
        const scenario = model.scenarios[0]!;
        for (const r of scenario.references ?? []) w.store.setReference(r.kind, r.key, r.value);
        for (const p of model.startProbes ?? []) {
          await expectRefused(
            w,
            model.watch,
            () => w.engine.start(flow.id, p.input, scenario.starter),
            [p.code],
            `start ${p.code}`,
          );
        }
        const outsider =
          scenario.starter.kind === 'system' ? undefined : { id: 'u-nobody', roles: ['auditor'] };
        if (outsider) {
          await expectRefused(
            w,
            model.watch,
            () => w.engine.start(flow.id, scenario.input, outsider),
            ['NOT_AUTHORIZED'],
            'start by an auditor',
          );
        }
        await expectRefused(
          w,
          model.watch,
          () => w.engine.start(flow.id, { nonsense: true }, SYSTEM_ACTOR),
          ['VALIDATION_FAILED'],
          'start with nonsense',
        );
      });
    });
  }

  it('the paths took every operation step (委派, 转办, 加签, 减签, 抄送/催办, 退回 to a step, 拿回)', () => {
    console.info(`operation steps taken: ${JSON.stringify(Object.fromEntries(detoursTaken))}`);
    expect(DETOURS.filter((d) => !detoursTaken.get(d))).toEqual([]);
  });
});
