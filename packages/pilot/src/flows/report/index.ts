export { reportFlow } from './flow.js';
export { REPORT_DEADLINES } from './deadlines.js';
export {
  FEEDBACK_SOURCES,
  improvementSubmission,
  REPORT_KINDS,
  reportFeedback,
  reportInput,
  reportSubmission,
  type ReportInput,
  type ReportKind,
} from './input.js';
export { reportMachine, type ReportContext, type ReportEvent } from './machine.js';
