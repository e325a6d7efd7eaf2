import {
  returnableSteps,
  type AnyFlow,
  type InstanceRecord,
  type StepProgress,
  type TaskRecord,
} from '@certflow/engine';
import type { z } from '@hono/zod-openapi';
import type { stepStateSchema } from '../schemas/operations.js';

type StepState = z.infer<typeof stepStateSchema>;
type Slot = StepState['slots'][number];

/** The step names of a flow in declaration order, with the state and mode each is declared with. */
function declaredSteps(flow: AnyFlow): Map<string, { state: string; mode: StepState['mode'] }> {
  const out = new Map<string, { state: string; mode: StepState['mode'] }>();
  for (const [state, spec] of Object.entries(flow.states)) {
    for (const task of spec.tasks ?? []) {
      if (!out.has(task.step)) out.set(task.step, { state, mode: task.approvers?.mode ?? 'any' });
    }
  }
  return out;
}

function slotsOf(progress: StepProgress, name: (id: string) => string | null): Slot[] {
  return progress.rounds.flatMap((round, i) => {
    const personIds = new Set(round.slots.flatMap((s) => (s.kind === 'person' ? [s.id] : [])));
    // A role slot (或签 within rounds) is decided by whoever approved that is not a named slot.
    const roleBy = round.approved.find((a) => !personIds.has(a));
    const roleAgainst = (round.against ?? []).find((a) => !personIds.has(a));
    return round.slots.map((s): Slot => {
      const who = s.kind === 'person' ? s.id : (roleBy ?? roleAgainst);
      const decision: Slot['decision'] =
        who !== undefined && round.approved.includes(who)
          ? 'approved'
          : who !== undefined && (round.against ?? []).includes(who)
            ? 'against'
            : i === progress.current
              ? 'pending'
              : i > progress.current
                ? 'waiting'
                : 'closed';
      return {
        kind: s.kind,
        personId: who ?? null,
        name: who === undefined ? null : name(who),
        addedBy: s.kind === 'person' ? (s.addedBy ?? null) : null,
        decision,
      };
    });
  });
}

/**
 * Each step of an instance that was decided or is open: who decided it (由 X 代 Y), who is still
 * to act (its open tasks), and for a step of several approvers (会签, 依次, 加签) its rounds with
 * each approver's vote and the current round's counts; whether 退回 may go there now. In the flow's
 * declaration order.
 */
export function stepStates(
  flow: AnyFlow,
  row: InstanceRecord,
  open: readonly TaskRecord[],
  name: (id: string) => string | null,
): StepState[] {
  const declared = declaredSteps(flow);
  const involved = new Set<string>([
    ...row.decisions.map((d) => d.step),
    ...open.map((t) => t.step),
    ...Object.keys(row.steps),
  ]);
  const order = [
    ...[...declared.keys()].filter((s) => involved.has(s)),
    ...[...involved].filter((s) => !declared.has(s)),
  ];
  const returnable = new Set(returnableSteps(flow, row));
  return order.map((step) => {
    const progress = row.steps[step];
    const tasks = open.filter((t) => t.step === step);
    const round = progress?.rounds[progress.current];
    return {
      step,
      state: progress?.state ?? tasks[0]?.state ?? declared.get(step)?.state ?? null,
      open: tasks.length > 0,
      returnable: returnable.has(step),
      mode: declared.get(step)?.mode ?? 'any',
      decided: row.decisions
        .filter((d) => d.step === step)
        .map((d) => ({
          actorId: d.actorId,
          actorName: name(d.actorId),
          onBehalfOf: d.onBehalfOf ?? null,
          seq: d.seq,
          supersededBy: d.supersededBy ?? null,
        })),
      pending: tasks.map((t) => ({
        taskId: t.id,
        kind: t.kind,
        role: t.role,
        assignee: t.assignee,
        assigneeName: t.assignee ? name(t.assignee) : null,
        delegatedTo: t.delegatedTo,
        dueAt: t.dueAt?.toISOString() ?? null,
      })),
      votes:
        progress && round
          ? {
              approved: round.approved.length,
              against: (round.against ?? []).length,
              threshold: round.threshold,
              approvers: round.slots.length,
              round: progress.current + 1,
              rounds: progress.rounds.length,
            }
          : null,
      slots: progress ? slotsOf(progress, name) : [],
    };
  });
}
