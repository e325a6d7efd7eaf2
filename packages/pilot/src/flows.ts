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

/** Every flow of the 1+X pilot, each at every shipped version. */
export const pilotFlows: readonly AnyFlow[] = [
  pilotProjectFlow,
  certificateChangeFlow,
  trainingBaseFlow,
  teacherTrainingFlow,
  reportFlow,
  assessmentFlow,
  budgetAdjustmentFlow,
  rectificationFlow,
  withdrawalFlow,
];
