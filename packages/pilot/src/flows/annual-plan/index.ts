export { annualPlanFlow, checkPlan } from './flow.js';
export {
  compileDeadline,
  DEFAULT_ANNUAL_PLAN_SETTINGS,
  PLAN_REVIEW_DEADLINE,
  type AnnualPlanSettings,
  type CompileDeadline,
} from './deadlines.js';
export { ANNUAL_PLAN_ERRORS, annualPlanErrors, type AnnualPlanErrorCode } from './errors.js';
export {
  annualPlanInput,
  planLine,
  planSubmission,
  type AnnualPlanInput,
  type PlanLine,
  type PlanSubmission,
} from './input.js';
export {
  ANNUAL_PLAN_REF,
  annualPlanMachine,
  type AnnualPlanContext,
  type AnnualPlanEvent,
  type PlanLeadershipCheck,
  type PlanTotals,
} from './machine.js';
