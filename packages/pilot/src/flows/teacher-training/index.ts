export { teacherTrainingFlow } from './flow.js';
export { TRAINING_KINDS, trainingRequestInput, type TrainingRequestInput } from './input.js';
export { teacherTrainingMachine, type TrainingContext, type TrainingEvent } from './machine.js';
export { beyondStandard, TRAINING_STANDARD, type BeyondStandardReason } from './standard.js';
export {
  TEACHER_TRAINING_ERRORS,
  teacherTrainingErrors,
  type TeacherTrainingErrorCode,
} from './errors.js';
