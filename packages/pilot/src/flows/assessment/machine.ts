import { assign, enqueueActions, setup } from 'xstate';
import type { JsonObject } from '@certflow/engine';
import type { EffectParams } from '../../effects.js';
import { applyEntry, expenseProblem, ledger, putLedger, type Ledger } from '../../ledger/ledger.js';
import { projectRef } from '../../ledger/project-ref.js';
import {
  archiveProblem,
  coursesProblem,
  examPlanProblem,
  feeProblem,
  resultsProblem,
  selectionProblem,
} from './checks.js';
import type { AssessmentContext, ProjectSummary } from './context.js';
import { lockProject, studentFeeWithdrawal, transcriptEntries } from './effects.js';
import type { AssessmentEvent } from './events.js';
import type { AssessmentInput } from './input.js';

interface MachineInput {
  readonly input: AssessmentInput;
  readonly refs: JsonObject;
  readonly instanceId: string;
  readonly submitterId: string;
}

const ledgerIn = (refs: JsonObject): Ledger | undefined => {
  const parsed = ledger.safeParse(refs.ledger);
  return parsed.success ? parsed.data : undefined;
};

/**
 * The assessment cycle of one batch (第八条2–7, 第六条3–4): site → fee agreement → courses →
 * student selection with consent → exam plan → monitored exam and results → co-issued
 * certificates → archive → credit bank. The `money` region runs alongside: expenses at actual
 * cost against the ledger, and violations (a fee charged to a student opens a withdrawal case).
 */
export const assessmentMachine = setup({
  types: {
    context: {} as AssessmentContext,
    events: {} as AssessmentEvent,
    input: {} as MachineInput,
  },
  actions: {
    // Effects are returned by `transition` and written by the engine; never run here.
    effect: (_, _params: EffectParams) => undefined,
  },
  guards: {
    feeFits: ({ context, event }) => {
      const l = ledgerIn(event.refs);
      return !!context.agreement && !!l && !feeProblem(context, context.agreement, l);
    },
    hasCourses: ({ context }) => !coursesProblem(context),
    selectionComplete: ({ context }) => !selectionProblem(context),
    isSelected: ({ context, event }) =>
      (event.type === 'DESELECT_STUDENT' || event.type === 'RECORD_CONSENT') &&
      context.students.some((s) => s.studentNo === event.data.studentNo),
    planMatches: ({ context, event }) =>
      event.type === 'SUBMIT_EXAM_PLAN' && !examPlanProblem(context, event.data.plan),
    resultsValid: ({ context, event }) =>
      event.type === 'RECORD_RESULTS' && !resultsProblem(context, event.data.results),
    scanAllowed: ({ context, event }) =>
      event.type === 'ATTACH_SCAN' &&
      context.results.some((r) => r.passed && r.studentNo === event.data.studentNo),
    archiveComplete: ({ context }) => !archiveProblem(context),
    projectKnown: ({ event }) => projectRef.safeParse(event.refs.project).success,
    expenseFits: ({ event }) => {
      const l = ledgerIn(event.refs);
      return (
        event.type === 'RECORD_EXPENSE' &&
        !!l &&
        !expenseProblem(l, event.data.category, event.data.amount)
      );
    },
  },
}).createMachine({
  id: 'assessment',
  context: ({ input }) => ({
    instanceId: input.instanceId,
    submitterId: input.submitterId,
    projectId: input.input.projectId,
    collegeId: input.input.collegeId,
    batch: input.input.batch,
    project: input.refs.project as unknown as ProjectSummary,
    site: input.input.site,
    siteCode: null,
    agreement: null,
    courses: [],
    students: [],
    consents: {},
    plan: null,
    evidence: [],
    results: [],
    certificatesSignedAt: null,
    certificatesIssuedAt: null,
    scans: {},
    materials: {},
    creditBank: null,
    spent: 0,
    violations: [],
  }),
  initial: 'running',
  states: {
    running: {
      type: 'parallel',
      states: {
        cycle: {
          initial: 'site',
          states: {
            site: {
              initial: 'review',
              states: {
                review: {
                  on: {
                    ACCEPT_SITE: {
                      target: '#assessment.running.cycle.fee',
                      actions: assign({ siteCode: ({ event }) => event.data.siteCode }),
                    },
                    RETURN: 'revise',
                    REJECT: '#assessment.rejected',
                    WITHDRAW: '#assessment.withdrawn',
                  },
                },
                revise: {
                  on: {
                    RESUBMIT_SITE: {
                      target: 'review',
                      actions: assign({ site: ({ event }) => event.data.site }),
                    },
                    WITHDRAW: '#assessment.withdrawn',
                  },
                },
              },
            },
            fee: {
              initial: 'drafting',
              states: {
                drafting: {
                  on: {
                    SUBMIT_FEE: {
                      target: 'orgConfirm',
                      actions: assign({ agreement: ({ event }) => event.data.agreement }),
                    },
                  },
                },
                orgConfirm: { on: { CONFIRM_FEE: 'finance', RETURN: 'drafting' } },
                finance: {
                  on: {
                    APPROVE: { guard: 'feeFits', target: '#assessment.running.cycle.courses' },
                    RETURN: 'drafting',
                  },
                },
              },
            },
            courses: {
              on: {
                ADD_COURSE: {
                  actions: assign({
                    courses: ({ context, event }) => [
                      ...context.courses.filter((c) => c.code !== event.data.course.code),
                      event.data.course,
                    ],
                  }),
                },
                FINISH_COURSES: { guard: 'hasCourses', target: 'selection' },
              },
            },
            selection: {
              initial: 'open',
              states: {
                open: {
                  on: {
                    SELECT_STUDENT: {
                      actions: assign({
                        students: ({ context, event }) => [
                          ...context.students.filter(
                            (s) => s.studentNo !== event.data.student.studentNo,
                          ),
                          event.data.student,
                        ],
                      }),
                    },
                    DESELECT_STUDENT: {
                      guard: 'isSelected',
                      actions: assign(({ context, event }) => ({
                        students: context.students.filter(
                          (s) => s.studentNo !== event.data.studentNo,
                        ),
                        consents: Object.fromEntries(
                          Object.entries(context.consents).filter(
                            ([no]) => no !== event.data.studentNo,
                          ),
                        ),
                      })),
                    },
                    RECORD_CONSENT: {
                      guard: 'isSelected',
                      actions: assign({
                        consents: ({ context, event }) => ({
                          ...context.consents,
                          [event.data.studentNo]: {
                            consentRef: event.data.consentRef,
                            at: event.at,
                          },
                        }),
                      }),
                    },
                    CLOSE_SELECTION: { guard: 'selectionComplete', target: 'confirm' },
                  },
                },
                confirm: {
                  on: { APPROVE: '#assessment.running.cycle.examPlan', RETURN: 'open' },
                },
              },
            },
            examPlan: {
              initial: 'drafting',
              states: {
                drafting: {
                  on: {
                    SUBMIT_EXAM_PLAN: {
                      guard: 'planMatches',
                      target: 'review',
                      actions: assign({ plan: ({ event }) => event.data.plan }),
                    },
                  },
                },
                review: {
                  on: { CONFIRM_PLAN: '#assessment.running.cycle.exam', RETURN: 'drafting' },
                },
              },
            },
            exam: {
              on: {
                ATTACH_EVIDENCE: {
                  actions: assign({
                    evidence: ({ context, event }) => [
                      ...context.evidence,
                      ...event.data.refs.filter((r) => !context.evidence.includes(r)),
                    ],
                  }),
                },
                RECORD_RESULTS: {
                  guard: 'resultsValid',
                  target: 'certificates',
                  actions: assign({ results: ({ event }) => event.data.results }),
                },
              },
            },
            certificates: {
              initial: 'org',
              states: {
                org: {
                  on: {
                    SIGN_CERTIFICATES: {
                      target: 'school',
                      actions: assign({ certificatesSignedAt: ({ event }) => event.at }),
                    },
                  },
                },
                school: {
                  on: {
                    APPROVE: {
                      target: '#assessment.running.cycle.archive',
                      actions: assign({ certificatesIssuedAt: ({ event }) => event.at }),
                    },
                    RETURN: 'org',
                  },
                },
              },
            },
            archive: {
              on: {
                ATTACH_SCAN: {
                  guard: 'scanAllowed',
                  actions: assign({
                    scans: ({ context, event }) => ({
                      ...context.scans,
                      [event.data.studentNo]: event.data.scanRef,
                    }),
                  }),
                },
                ATTACH_MATERIAL: {
                  actions: assign({
                    materials: ({ context, event }) => ({
                      ...context.materials,
                      [event.data.kind]: event.data.ref,
                    }),
                  }),
                },
                SUBMIT_ARCHIVE: { guard: 'archiveComplete', target: 'creditBank' },
              },
            },
            creditBank: {
              initial: 'posting',
              states: {
                posting: {
                  on: {
                    POST_CREDIT_BANK: {
                      target: 'authority',
                      actions: assign({
                        creditBank: ({ event }) => ({
                          registrationRef: event.data.registrationRef,
                          approvalRef: null,
                        }),
                      }),
                    },
                  },
                },
                authority: {
                  on: {
                    AUTHORITY_APPROVED: {
                      guard: 'projectKnown',
                      target: '#assessment.completed',
                      actions: [
                        assign({
                          creditBank: ({ context, event }) => ({
                            registrationRef: context.creditBank?.registrationRef ?? '',
                            approvalRef: event.data.approvalRef,
                          }),
                        }),
                        enqueueActions(({ context, event, enqueue }) => {
                          enqueue({
                            type: 'effect',
                            params: lockProject(projectRef.parse(event.refs.project)),
                          });
                          for (const entry of transcriptEntries(context)) {
                            enqueue({ type: 'effect', params: entry });
                          }
                        }),
                      ],
                    },
                    AUTHORITY_RETURNED: 'posting',
                  },
                },
              },
            },
          },
        },
        money: {
          initial: 'open',
          states: {
            open: {
              on: {
                RECORD_EXPENSE: {
                  guard: 'expenseFits',
                  actions: [
                    assign({ spent: ({ context, event }) => context.spent + event.data.amount }),
                    enqueueActions(({ context, event, enqueue }) => {
                      const l = ledgerIn(event.refs);
                      if (!l) return;
                      const entry = {
                        type: 'expense' as const,
                        ...event.data,
                        at: event.at,
                        source: context.instanceId,
                      };
                      enqueue({ type: 'effect', params: putLedger(applyEntry(l, entry)) });
                    }),
                  ],
                },
                RECORD_STUDENT_FEE: {
                  actions: [
                    assign({
                      violations: ({ context, event }) => [
                        ...context.violations,
                        { ...event.data, at: event.at, recordedBy: event.actorId },
                      ],
                    }),
                    enqueueActions(({ context, event, enqueue }) => {
                      const l = ledgerIn(event.refs);
                      if (l) {
                        const entry = {
                          type: 'student-fee' as const,
                          ...event.data,
                          at: event.at,
                          source: context.instanceId,
                        };
                        enqueue({ type: 'effect', params: putLedger(applyEntry(l, entry)) });
                      }
                      enqueue({
                        type: 'effect',
                        params: studentFeeWithdrawal(context, event.data),
                      });
                    }),
                  ],
                },
              },
            },
          },
        },
      },
    },
    completed: { type: 'final' },
    rejected: { type: 'final' },
    withdrawn: { type: 'final' },
  },
});
