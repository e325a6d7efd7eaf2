import {
  defineFlow,
  isSystem,
  type FlowDefinition,
  type JsonObject,
  type ReferenceReader,
  type ReferenceWrite,
} from '@certflow/engine';
import { PROJECT_REF, readProject } from '../../ledger/project-ref.js';
import {
  CASE_FILE_REF,
  caseFileOf,
  caseFileWrite,
  closedBy,
  openedBy,
  withEvidence,
  type EvidenceEntry,
} from './case-file.js';
import { withdrawalErrors } from './errors.js';
import { withdrawalFlow } from './flow.js';
import { withdrawalInputV2, type WithdrawalInputV2 } from './input.js';
import { withdrawalMachineV2, type WithdrawalContextV2 } from './machine-v2.js';

const { error } = withdrawalErrors;

const fileOf = (refs: ReferenceReader, projectId: string) =>
  caseFileOf(refs.get(CASE_FILE_REF, projectId), projectId);

/** The case file's evidence for the machine (`refs.evidence`). */
const evidenceRefs = (evidence: readonly EvidenceEntry[]): JsonObject => ({
  evidence: JSON.parse(JSON.stringify(evidence)) as JsonObject[],
});

/** The case ends: its evidence goes to the machine, and the project may get a new case. */
function closing(
  context: WithdrawalContextV2,
  refs: ReferenceReader,
): { refs: JsonObject; writes: ReferenceWrite[] } {
  const file = fileOf(refs, context.case.projectId);
  return {
    refs: evidenceRefs(file.open === context.instanceId ? file.evidence : context.evidence),
    writes: [caseFileWrite(closedBy(file, context.instanceId))],
  };
}

/**
 * Withdrawal of a pilot project, version 2 (第七条1): at most one open case per project, kept in
 * the project's case file (`withdrawal-case`). What changed from version 1 (which stays
 * registered for the cases running on it): a second case is refused `WITHDRAWAL_CASE_OPEN`,
 * naming the open case; with `ifOpen: 'add-evidence'` (what the effect handlers ask) the trigger
 * is added to that case's evidence instead, and the start ends at once as `joined`. The leadership
 * group decides on the case and all its evidence.
 */
export const withdrawalFlowV2 = defineFlow<WithdrawalInputV2, WithdrawalContextV2>({
  ...(withdrawalFlow as unknown as FlowDefinition<WithdrawalInputV2, WithdrawalContextV2>),
  version: 2,
  machine: withdrawalMachineV2,
  input: withdrawalInputV2,
  states: withdrawalFlow.states,
  outcomes: { ...withdrawalFlow.outcomes, joined: 'completed' },
  references: ({ input }) => [
    { kind: PROJECT_REF, key: input.projectId },
    { kind: CASE_FILE_REF, key: input.projectId },
  ],
  prepare: ({ input, refs, actor, now, instanceId }) => {
    const project = readProject(refs, input.projectId, { collegeId: input.collegeId });
    if (project instanceof Error) return project;
    const file = fileOf(refs, input.projectId);
    const entry: EvidenceEntry = {
      id: instanceId,
      trigger: input.trigger,
      reason: input.reason,
      ...(input.source ? { source: input.source } : {}),
      evidenceRefs: [...(input.evidenceRefs ?? [])],
      at: now.toISOString(),
      by: isSystem(actor) ? 'system' : actor.id,
    };
    if (file.open !== null) {
      // 第七条1: one open case per project; another trigger is evidence for it.
      if (input.ifOpen !== 'add-evidence') {
        return error('WITHDRAWAL_CASE_OPEN', { projectId: input.projectId, caseId: file.open });
      }
      const joined = withEvidence(file, entry);
      return {
        refs: { joinedCase: file.open, ...evidenceRefs([entry]) },
        writes: [caseFileWrite(joined)],
      };
    }
    const opened = openedBy(file, instanceId, entry);
    return { refs: evidenceRefs(opened.evidence), writes: [caseFileWrite(opened)] };
  },
  rules: {
    // Every decision reads the case file: the people deciding see all the evidence so far.
    ISSUE_NOTICE: ({ context, refs }) => ({
      refs: evidenceRefs(fileOf(refs, context.case.projectId).evidence),
    }),
    RESPOND: ({ context, refs }) => ({
      refs: evidenceRefs(fileOf(refs, context.case.projectId).evidence),
    }),
    DISMISS: ({ context, refs }) => closing(context, refs),
    APPROVE: ({ context, refs }) => {
      const project = readProject(refs, context.case.projectId, { mustBeImplementing: false });
      if (project instanceof Error) return project;
      const closed = closing(context, refs);
      return {
        refs: { ...closed.refs, project: project as unknown as JsonObject },
        writes: closed.writes,
      };
    },
    REJECT: ({ context, refs }) => closing(context, refs),
    // Engine.cancel (e.g. the project was cancelled another way): the case file is freed too.
    CANCEL: ({ context, refs }) => ({ writes: closing(context, refs).writes }),
  },
});
