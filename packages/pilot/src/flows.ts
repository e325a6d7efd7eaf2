import type { AnyFlow } from '@certflow/engine';
import { pilotProjectFlow } from './pilot-project/index.js';
import { certificateChangeFlow } from './certificate-change/index.js';
import { trainingBaseFlow } from './training-base/index.js';
import { teacherTrainingFlow } from './teacher-training/index.js';
import { reportFlow } from './report/index.js';
import { assessmentFlow } from './assessment/index.js';
import { budgetAdjustmentFlow } from './budget-adjustment/index.js';
import { rectificationFlow } from './rectification/index.js';
import { withdrawalFlow } from './withdrawal/index.js';
import { annualPlanFlow, type AnnualPlanSettings } from './annual-plan/index.js';

/** Deployment settings of the flow pack (the same for every process sharing a database). */
export interface PilotSettings {
  /** The compile deadline of the autumn annual-plan call; default 70 working days. */
  readonly annualPlan?: AnnualPlanSettings;
}

/** Every flow of the 1+X pilot, each at every shipped version, with this deployment's settings. */
export function createPilotFlows(settings: PilotSettings = {}): readonly AnyFlow[] {
  return [
    pilotProjectFlow,
    certificateChangeFlow,
    trainingBaseFlow,
    teacherTrainingFlow,
    reportFlow,
    assessmentFlow,
    budgetAdjustmentFlow,
    rectificationFlow,
    withdrawalFlow,
    annualPlanFlow(settings.annualPlan),
  ];
}

/** Every flow of the 1+X pilot with the default settings. */
export const pilotFlows: readonly AnyFlow[] = createPilotFlows();
