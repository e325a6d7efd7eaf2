export { rectificationFlow, PLAN_DEADLINE } from './flow.js';
export {
  rectificationMachine,
  type RectificationContext,
  type RectificationEvent,
} from './machine.js';
export {
  finding,
  rectificationInput,
  rectificationPlan,
  type RectificationInput,
  type RectificationPlan,
} from './input.js';
