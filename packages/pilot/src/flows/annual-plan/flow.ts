import {
  defineFlow,
  type DomainError,
  type FlowDefinition,
  type JsonObject,
  type ReferenceReader,
  type TaskSpec,
} from '@certflow/engine';
import { z } from 'zod';
import { budgetTotal, QUOTA_REF, quotaV1, quotaKey } from '../../common.js';
import { pilotError } from '../../errors.js';
import {
  compileDeadline,
  DEFAULT_ANNUAL_PLAN_SETTINGS,
  PLAN_REVIEW_DEADLINE,
  type AnnualPlanSettings,
} from './deadlines.js';
import { annualPlanErrors } from './errors.js';
import {
  annualPlanInput,
  planSubmission,
  type AnnualPlanInput,
  type PlanSubmission,
} from './input.js';
import { ANNUAL_PLAN_REF, annualPlanMachine, type AnnualPlanContext } from './machine.js';

/** Refusals and the totals of a submitted plan, read against the college's quota (第七条2). */
export function checkPlan(
  call: AnnualPlanInput,
  plan: PlanSubmission,
  refs: ReferenceReader,
): { refs: JsonObject } | DomainError {
  const seen = new Set<string>();
  for (const [i, line] of plan.lines.entries()) {
    if (line.certificate.level === 'elementary') {
      return pilotError('LEVEL_NOT_ALLOWED', { line: i, level: line.certificate.level });
    }
    if (seen.has(line.certificate.code)) {
      return annualPlanErrors.error('DUPLICATE_CERTIFICATE', {
        line: i,
        code: line.certificate.code,
      });
    }
    seen.add(line.certificate.code);
  }
  const totals = {
    certificates: plan.lines.length,
    scale: plan.lines.reduce((n, l) => n + l.scale, 0),
    budget: plan.lines.reduce((n, l) => n + budgetTotal(l.budget), 0),
  };
  const parsed = quotaV1.safeParse(refs.get(QUOTA_REF, quotaKey(call.year, call.collegeId)));
  const reasons = !parsed.success
    ? ['quota-missing']
    : [
        ...(totals.scale > parsed.data.scale ? ['scale'] : []),
        ...(totals.budget > parsed.data.budget ? ['budget'] : []),
      ];
  // A plan with no certificate needs no leadership decision, whatever the quota.
  const needsLeadership = totals.certificates > 0 && reasons.length > 0;
  return { refs: { totals, needsLeadership, reasons: needsLeadership ? reasons : [] } };
}

const collegeOps = ['TRANSFER', 'CC', 'COMMENT'] as const;

/**
 * The annual plan call (第七条2), with the compile deadline of this deployment.
 * `pilotFlows` registers it with `DEFAULT_ANNUAL_PLAN_SETTINGS`; a server and a worker that
 * share a database must be given the same settings.
 */
export function annualPlanFlow(
  settings: AnnualPlanSettings = DEFAULT_ANNUAL_PLAN_SETTINGS,
): FlowDefinition<AnnualPlanInput, AnnualPlanContext> {
  const compile = compileDeadline(settings);
  const escalate = { role: 'academic_affairs', scope: 'school' } as const;
  const compileTask = (deadline: typeof compile): TaskSpec => ({
    step: 'compile',
    role: 'college_lead',
    scope: 'college',
    events: ['SUBMIT_PLAN', ...collegeOps],
    approval: false,
    deadline: deadline.due,
    reminders: deadline.reminders,
    escalateTo: escalate,
  });
  const review = (step: string, role: string): TaskSpec => ({
    step,
    role,
    scope: 'school',
    events: ['APPROVE', 'RETURN', 'TRANSFER', 'ADD_APPROVER', 'CC', 'COMMENT'],
    approval: true,
    replyAllowed: role !== 'leadership',
    deadline: PLAN_REVIEW_DEADLINE.due,
    reminders: PLAN_REVIEW_DEADLINE.reminders,
    // Nobody decides for the 领导小组: its step gets reminders only.
    ...(role === 'leadership'
      ? {}
      : { escalateTo: { role: 'leadership', scope: 'school' } as const }),
  });

  return defineFlow<AnnualPlanInput, AnnualPlanContext>({
    id: 'annual-plan',
    version: 1,
    title: { zh: '年度证书考核计划编报', en: 'Annual certificate assessment plan' },
    machine: annualPlanMachine,
    input: annualPlanInput,
    events: {
      SUBMIT_PLAN: planSubmission,
      APPROVE: z.object({}).strict(),
      RETURN: z.object({}).strict(),
    },
    states: {
      compiling: { tasks: [compileTask(compile)] },
      academicReview: { tasks: [review('academic', 'academic_affairs')] },
      leadershipReview: { tasks: [review('leadership', 'leadership')] },
      returned: { tasks: [compileTask(PLAN_REVIEW_DEADLINE)] },
    },
    // The plan handed in again after 退回: the approvals before it count no more.
    submissionEvents: ['SUBMIT_PLAN'],
    outcomes: { filed: 'completed' },
    // The scheduler opens the call as the system actor; academic affairs may open one by hand.
    startedBy: { roles: ['academic_affairs'], scope: 'school' },
    college: (input) => input.collegeId,
    subject: (input) => `annual-plan:${input.year}:${input.collegeId}`,
    describe: (i) => `${i.collegeId} ${i.year} 年度证书考核计划`,
    references: ({ input }) => [
      { kind: ANNUAL_PLAN_REF, key: `${input.year}/${input.collegeId}` },
      { kind: QUOTA_REF, key: quotaKey(input.year, input.collegeId) },
    ],
    prepare: ({ input, refs }) => {
      const existing = refs.get(ANNUAL_PLAN_REF, `${input.year}/${input.collegeId}`);
      return existing
        ? annualPlanErrors.error('PLAN_CALL_EXISTS', {
            year: input.year,
            collegeId: input.collegeId,
            instanceId: existing.instanceId ?? null,
          })
        : {};
    },
    rules: {
      SUBMIT_PLAN: ({ context, event, refs }) =>
        checkPlan(context.request, event.data as PlanSubmission, refs),
    },
  });
}
