export { rectificationFlow, PLAN_DEADLINE } from './flow.js';
export { rectificationFlowV2, RESULTS_DEADLINE } from './flow-v2.js';
export {
  rectificationMachineV2,
  type RectificationContextV2,
  type RectificationEventV2,
} from './machine-v2.js';
export {
  rectificationMachine,
  type RectificationContext,
  type RectificationEvent,
} from './machine.js';
export {
  finding,
  rectificationInput,
  rectificationPlan,
  rectificationResults,
  type RectificationResults,
  type RectificationInput,
  type RectificationPlan,
} from './input.js';
