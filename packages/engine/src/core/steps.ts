import type { TaskSpec } from '../flows/flow.js';
import type { People, Person } from '../ports/directory.js';
import type {
  ApproverSlot,
  InstanceRecord,
  StepProgress,
  StepRound,
  TaskRecord,
} from '../records.js';

/**
 * The approvers of a step as rounds (records.ts `StepProgress`): 会签 is one round of every
 * holder (or `threshold` of them), 依次 a round per holder, 加签 inserts a round before or after
 * the current one or adds a slot to it. A plain 或签 step has no progress at all: one task for the
 * role, whoever of its holders decides.
 */

/** The holders of a task spec's role in the instance's scope, as the directory knows them now. */
function holdersOf(
  spec: TaskSpec,
  instance: Pick<InstanceRecord, 'college' | 'organization'>,
  people: People | undefined,
): readonly Person[] {
  if (!people) return [];
  const college = spec.scope === 'college' ? instance.college : null;
  const holders = people.holders(spec.role, college);
  return spec.scope === 'organization'
    ? holders.filter((p) => p.organization === instance.organization)
    : holders;
}

/** The rounds a step opens with, or undefined for a plain 或签 step. */
export function initialProgress(
  spec: TaskSpec,
  state: string,
  instance: Pick<InstanceRecord, 'college' | 'organization' | 'submitterId' | 'decisions'>,
  people: People | undefined,
): StepProgress | undefined {
  const mode = spec.approvers?.mode ?? 'any';
  if (mode === 'any' || spec.scope === 'submitter') return undefined;
  // Separation of duties: the applicant never decides their own application, and whoever
  // decided another step of it (themselves or as a substitute, for both people) gets no slot —
  // a slot they could never fill would hold a 会签 of all open for ever.
  const barred = new Set(
    instance.decisions
      .filter((d) => d.step !== spec.step)
      .flatMap((d) => (d.onBehalfOf ? [d.actorId, d.onBehalfOf] : [d.actorId])),
  );
  const holders = holdersOf(spec, instance, people).filter(
    (p) => p.id !== instance.submitterId && !barred.has(p.id),
  );
  if (holders.length === 0) return undefined;
  const person = (p: Person): ApproverSlot => ({ kind: 'person', id: p.id });
  const rounds: StepRound[] =
    mode === 'sequence'
      ? holders.map((p) => ({ slots: [person(p)], threshold: 1, approved: [] }))
      : [
          {
            slots: holders.map(person),
            threshold: Math.min(
              holders.length,
              Math.max(
                1,
                spec.approvers?.mode === 'all' ? (spec.approvers.threshold ?? holders.length) : 1,
              ),
            ),
            approved: [],
          },
        ];
  return { step: spec.step, state, rounds, current: 0 };
}

/** The progress of a plain step, when 加签 first makes it a step of rounds. */
export function singleRound(step: string, state: string): StepProgress {
  return {
    step,
    state,
    rounds: [{ slots: [{ kind: 'role' }], threshold: 1, approved: [] }],
    current: 0,
  };
}

/** The slots of the current round still to decide (each gets an open task). */
export function openSlots(progress: StepProgress): ApproverSlot[] {
  const round = progress.rounds[progress.current];
  if (!round) return [];
  return round.slots.filter((s) => s.kind === 'role' || !round.approved.includes(s.id));
}

/** The slot an open task stands for. */
export function slotOf(task: Pick<TaskRecord, 'assignee'>): ApproverSlot {
  return task.assignee === null ? { kind: 'role' } : { kind: 'person', id: task.assignee };
}

/** After `actorId` approved in the current round: the round complete, and the step with it? */
export function withApproval(
  progress: StepProgress,
  actorId: string,
): { progress: StepProgress; roundComplete: boolean; stepComplete: boolean } {
  const round = progress.rounds[progress.current] as StepRound;
  const approved = [...round.approved, actorId];
  const roundComplete = approved.length >= round.threshold;
  const rounds = progress.rounds.map((r, i) => (i === progress.current ? { ...r, approved } : r));
  const last = progress.current >= progress.rounds.length - 1;
  return {
    progress: {
      ...progress,
      rounds,
      current: roundComplete && !last ? progress.current + 1 : progress.current,
    },
    roundComplete,
    stepComplete: roundComplete && last,
  };
}

/** Can the current round still reach its threshold after a vote against (会签 without veto)? */
export function canStillPass(progress: StepProgress, against: number): boolean {
  const round = progress.rounds[progress.current] as StepRound;
  return round.slots.length - against >= round.threshold;
}

export type AddPosition = 'before' | 'after' | 'with';

/** 加签: `person` decides before the current round, after it, or within it. */
export function withAdded(
  progress: StepProgress,
  person: string,
  addedBy: string,
  position: AddPosition,
): StepProgress {
  const slot: ApproverSlot = { kind: 'person', id: person, addedBy };
  const { rounds, current } = progress;
  if (position === 'with') {
    return {
      ...progress,
      rounds: rounds.map((r, i) =>
        i === current ? { ...r, slots: [...r.slots, slot], threshold: r.threshold + 1 } : r,
      ),
    };
  }
  const added: StepRound = { slots: [slot], threshold: 1, approved: [] };
  const at = position === 'before' ? current : current + 1;
  return { ...progress, rounds: [...rounds.slice(0, at), added, ...rounds.slice(at)] };
}

/**
 * 减签: the added person's slot is removed (not yet decided), with its round when it empties.
 * Undefined when `person` holds no slot `addedBy` added that is still to decide.
 */
export function withRemoved(
  progress: StepProgress,
  person: string,
  addedBy: string,
): StepProgress | undefined {
  const found = progress.rounds.findIndex(
    (r, i) =>
      i >= progress.current &&
      !r.approved.includes(person) &&
      r.slots.some((s) => s.kind === 'person' && s.id === person && s.addedBy === addedBy),
  );
  if (found < 0) return undefined;
  const round = progress.rounds[found] as StepRound;
  const slots = round.slots.filter((s) => !(s.kind === 'person' && s.id === person));
  const rounds =
    slots.length === 0
      ? progress.rounds.filter((_, i) => i !== found)
      : progress.rounds.map((r, i) =>
          i === found ? { ...r, slots, threshold: Math.min(r.threshold, slots.length) } : r,
        );
  return {
    ...progress,
    rounds,
    current: Math.min(progress.current, Math.max(0, rounds.length - 1)),
  };
}

/** Is the current round complete as it stands (after a removal lowered its threshold)? */
export function roundDone(progress: StepProgress): boolean {
  const round = progress.rounds[progress.current];
  return round !== undefined && round.approved.length >= round.threshold;
}
