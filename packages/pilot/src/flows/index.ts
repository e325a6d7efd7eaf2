import type { AnyFlow } from '@certflow/engine';
import { withLeadership, type LeadershipDecision } from '../review-chain.js';
import { createPilotProjectFlow, pilotProjectFlow } from './pilot-project/index.js';
import type { CallWindow } from './pilot-project/call-window.js';
import { certificateChangeFlow } from './certificate-change/index.js';
import { trainingBaseFlow } from './training-base/index.js';
import { teacherTrainingFlow } from './teacher-training/index.js';
import { reportFlow } from './report/index.js';
import { assessmentFlow, assessmentFlowV2 } from './assessment/index.js';
import { budgetAdjustmentFlow } from './budget-adjustment/index.js';
import { rectificationFlow, rectificationFlowV2 } from './rectification/index.js';
import { withdrawalFlow, withdrawalFlowV2 } from './withdrawal/index.js';
import { annualPlanFlow, type AnnualPlanSettings } from './annual-plan/index.js';
import { creditBankRegistrationFlow } from './credit-bank-registration/index.js';

// Each flow folder's exports: its flow at every version, input schema, machine, error catalog.
export * from './pilot-project/index.js';
export * from './certificate-change/index.js';
export * from './training-base/index.js';
export * from './teacher-training/index.js';
export * from './report/index.js';
export * from './assessment/index.js';
export * from './budget-adjustment/index.js';
export * from './rectification/index.js';
export * from './withdrawal/index.js';
export * from './annual-plan/index.js';
export * from './credit-bank-registration/index.js';

/** Deployment settings of the flow pack (the same for every process sharing a database). */
export interface PilotSettings {
  /** The compile deadline of the autumn annual-plan call; default 70 working days. */
  readonly annualPlan?: AnnualPlanSettings;
  /** When pilot projects are applied for, and for which year (第七条2); default 09-01 to 12-31. */
  readonly projectCall?: CallWindow;
  /**
   * How the 领导小组 decides the steps it takes in the review chains (第六条2): its chair (或签 of
   * the `leadership` role, the default) or a 会签 of its members, all or `threshold` of them.
   */
  readonly leadership?: LeadershipDecision;
}

/**
 * Every flow of the 1+X pilot, each at every shipped version, with this deployment's settings:
 * the one registration list (the server, the worker, the docs script and the suites read it).
 */
export function createPilotFlows(settings: PilotSettings = {}): readonly AnyFlow[] {
  // The review chains ending at the 领导小组 (pilot-project v1 and the withdrawal decision keep
  // theirs as shipped).
  const chain = (flow: AnyFlow): AnyFlow => withLeadership(flow, settings.leadership);
  return [
    // Version 1 stays registered for the instances started on it; new ones start on version 2.
    pilotProjectFlow,
    chain(createPilotProjectFlow(settings.projectCall ? { callWindow: settings.projectCall } : {})),
    certificateChangeFlow,
    chain(trainingBaseFlow),
    chain(teacherTrainingFlow),
    reportFlow,
    assessmentFlow,
    assessmentFlowV2,
    chain(budgetAdjustmentFlow),
    rectificationFlow,
    rectificationFlowV2,
    withdrawalFlow,
    withdrawalFlowV2,
    chain(annualPlanFlow(settings.annualPlan)),
    creditBankRegistrationFlow,
  ];
}

/** Every flow of the 1+X pilot with the default settings. */
export const pilotFlows: readonly AnyFlow[] = createPilotFlows();
