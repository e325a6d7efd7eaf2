import { defineErrors } from '../../errors.js';

/** Refusals of the teacher-training flow (第六条5, 第七条5). */
export const teacherTrainingErrors = defineErrors({
  JUSTIFICATION_REQUIRED: {
    zh: '该培训明显超出标准（天数、费用或非标准项目），须说明理由并经领导小组审批（第七条第5款）',
    en: 'The training is clearly beyond the standard (days, cost or flagged); a justification is required and the leadership group must approve (Art. 7.5)',
  },
});

export type TeacherTrainingErrorCode = keyof typeof teacherTrainingErrors.catalog;
export const TEACHER_TRAINING_ERRORS = teacherTrainingErrors.catalog;
