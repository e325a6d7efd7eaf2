import type { AnyFlow } from '@certflow/engine';
import type { FlowModel } from '../flow-model.js';
import { annualPlanModel } from './annual-plan.js';
import { assessmentModel } from './assessment.js';
import { budgetAdjustmentModel } from './budget-adjustment.js';
import { certificateChangeModel } from './certificate-change.js';
import { creditBankRegistrationModel } from './credit-bank-registration.js';
import { pilotProjectModel } from './pilot-project.js';
import { pilotProjectV1Model } from './pilot-project-v1.js';
import { rectificationModel } from './rectification.js';
import { reportModel } from './report.js';
import { teacherTrainingModel } from './teacher-training.js';
import { trainingBaseModel } from './training-base.js';
import { withdrawalModel, withdrawalV1Model } from './withdrawal.js';

/**
 * The model of every flow in `pilotFlows`. A flow registered without a model fails the
 * model-based suite: add `models/<flow-id>.ts` and list it here (model/README.md). A model with
 * a `version` is of that version only (a shipped version keeps its model).
 */
export const MODELS: readonly FlowModel[] = [
  pilotProjectModel,
  pilotProjectV1Model,
  certificateChangeModel,
  trainingBaseModel,
  teacherTrainingModel,
  reportModel,
  rectificationModel,
  withdrawalModel,
  withdrawalV1Model,
  budgetAdjustmentModel,
  assessmentModel,
  annualPlanModel,
  creditBankRegistrationModel,
];

/** The model of this flow version: its own, else the flow's unversioned one. */
export function modelFor(flow: Pick<AnyFlow, 'id' | 'version'>): FlowModel | undefined {
  const of = MODELS.filter((m) => m.flowId === flow.id);
  return of.find((m) => m.version === flow.version) ?? of.find((m) => m.version === undefined);
}

/**
 * Flows registered in `pilotFlows` whose model is not written yet (their engineer adds
 * `models/<flow-id>.ts`, see model/README.md). Listed here so the gap is explicit; the suite
 * fails for any other flow without a model and for an entry here that has one.
 */
export const PENDING_MODELS: readonly string[] = [];
