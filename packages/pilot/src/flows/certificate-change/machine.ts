import { assign, setup } from 'xstate';
import type { JsonObject } from '@certflow/engine';
import type { Certificate } from '../../common.js';
import type { EffectParams } from '../../effects.js';
import type { ChangeInput } from './input.js';
import { asJson, PROJECT_KIND, type CertificateChangeEntry } from './project-record.js';
import { CHAIN_DECISIONS } from '../../review-chain.js';

export interface ChangeContext {
  readonly instanceId: string;
  readonly submitterId: string;
  readonly request: ChangeInput;
  /** The project's certificate and evaluation organization when the request was (re)submitted. */
  readonly previous: { readonly certificate: Certificate; readonly evaluationOrg: string };
  readonly revisions: number;
  /** The project record as written on approval (with the change log). */
  readonly approvedProject: JsonObject | null;
}

interface MachineInput {
  readonly input: ChangeInput;
  readonly refs: JsonObject;
  readonly instanceId: string;
  readonly submitterId: string;
}

type Decision = {
  type: 'APPROVE' | 'RETURN' | 'REJECT' | 'WITHDRAW';
  data: JsonObject;
  refs?: JsonObject;
  at?: string;
};
type Resubmit = { type: 'RESUBMIT'; data: { input?: ChangeInput }; refs: JsonObject };
export type ChangeEvent = Decision | Resubmit;

const previousOf = (refs: JsonObject | undefined): ChangeContext['previous'] => {
  const project = (refs?.project ?? {}) as { certificate?: Certificate; evaluationOrg?: string };
  return {
    certificate: project.certificate ?? { code: '', name: '', level: 'intermediate' },
    evaluationOrg: project.evaluationOrg ?? '',
  };
};

const hasProject = (refs: JsonObject | undefined): boolean =>
  typeof refs?.project === 'object' && refs.project !== null && !Array.isArray(refs.project);

/** The project record after the change: new certificate, the old one kept in `certificateChanges`. */
function changedProject(context: ChangeContext, project: JsonObject, at: string): JsonObject {
  const current = project as {
    certificate: Certificate;
    evaluationOrg: string;
    certificateChanges?: CertificateChangeEntry[];
  };
  const entry: CertificateChangeEntry = {
    changeId: context.instanceId,
    from: current.certificate,
    to: context.request.newCertificate,
    fromEvaluationOrg: current.evaluationOrg,
    toEvaluationOrg: context.request.evaluationOrg ?? current.evaluationOrg,
    reason: context.request.reason,
    approvedAt: at,
  };
  return asJson({
    ...project,
    certificate: context.request.newCertificate,
    evaluationOrg: entry.toEvaluationOrg,
    certificateChanges: [...(current.certificateChanges ?? []), entry],
  });
}

/**
 * Certificate type change (第七条3): 二级学院 → 教务处 → approved, which rewrites the project record
 * in the same transaction (`reference.put`) and keeps the old certificate in its change log.
 * The rules (flow.ts) refuse it once the project is locked by the credit bank or over budget.
 */
export const certificateChangeMachine = setup({
  types: {
    context: {} as ChangeContext,
    events: {} as ChangeEvent,
    input: {} as MachineInput,
  },
  actions: {
    effect: (_, _params: EffectParams) => undefined,
  },
  guards: {
    // The APPROVE rule reads the project in the command's transaction and passes it on.
    projectRead: ({ event }) => hasProject(event.refs),
  },
}).createMachine({
  id: 'certificate-change',
  context: ({ input }) => ({
    instanceId: input.instanceId,
    submitterId: input.submitterId,
    request: input.input,
    previous: previousOf(input.refs),
    revisions: 0,
    approvedProject: null,
  }),
  initial: 'collegeReview',
  states: {
    collegeReview: {
      on: { APPROVE: 'academicReview', ...CHAIN_DECISIONS },
    },
    academicReview: {
      on: {
        APPROVE: {
          guard: 'projectRead',
          target: 'approved',
          actions: assign(({ context, event }) => ({
            previous: previousOf(event.refs),
            approvedProject: changedProject(
              context,
              (event.refs?.project ?? {}) as JsonObject,
              event.type === 'APPROVE' ? (event.at ?? '') : '',
            ),
          })),
        },
        ...CHAIN_DECISIONS,
      },
    },
    returned: {
      on: {
        RESUBMIT: {
          target: 'collegeReview',
          actions: assign(({ context, event }) => ({
            request: event.data.input ?? context.request,
            previous: previousOf(event.refs),
            revisions: context.revisions + 1,
          })),
        },
        WITHDRAW: 'withdrawn',
      },
    },
    approved: {
      type: 'final',
      entry: [
        {
          type: 'effect',
          params: ({ context }) => ({
            kind: 'reference.put',
            refKind: PROJECT_KIND,
            key: context.request.projectId,
            value: context.approvedProject ?? {},
          }),
        },
        {
          type: 'effect',
          params: ({ context }) => ({
            kind: 'pilot.certificate-change.approved',
            projectId: context.request.projectId,
            collegeId: context.request.collegeId,
            from: asJson(context.previous.certificate),
            to: asJson(context.request.newCertificate),
          }),
        },
      ],
    },
    rejected: { type: 'final' },
    withdrawn: { type: 'final' },
  },
});
