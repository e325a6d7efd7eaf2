export { trainingBaseFlow } from './flow.js';
export { trainingBaseInput, type TrainingBaseInput } from './input.js';
export {
  TRAINING_BASE_KIND,
  trainingBaseMachine,
  type TrainingBaseContext,
  type TrainingBaseEvent,
} from './machine.js';
