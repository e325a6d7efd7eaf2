import type { RoutePreview } from '@certflow/engine';
import type { z } from '@hono/zod-openapi';
import type { previewSchema } from '../schemas/operations.js';

/** The engine's route preview as JSON (fresh objects, nothing extra). */
export function presentPreview(p: RoutePreview): z.infer<typeof previewSchema> {
  return {
    flow: p.flow,
    flowVersion: p.flowVersion,
    complete: p.complete,
    assumption: { zh: p.assumption.zh, en: p.assumption.en },
    steps: p.steps.map((s) => ({
      state: s.state,
      step: s.step,
      role: s.role,
      scope: s.scope,
      mode: s.mode,
      threshold: s.threshold,
      current: s.current,
      approvers: s.approvers.map((a) => ({
        id: a.id,
        name: a.name,
        substitute: a.substitute ? { id: a.substitute.id, name: a.substitute.name } : null,
      })),
      enteredAt: s.enteredAt,
      dueAt: s.dueAt,
      dueProvisional: s.dueProvisional,
      dueExplanation: s.dueExplanation
        ? { zh: s.dueExplanation.zh, en: s.dueExplanation.en }
        : null,
    })),
  };
}
