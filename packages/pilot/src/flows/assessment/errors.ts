import { defineErrors } from '../../errors.js';

/** Refusals of the assessment cycle (第八条2–7, 第六条3–4, 第七条1(4)). */
export const assessmentErrors = defineErrors({
  CONSENT_MISSING: {
    zh: '有入选学生尚未登记本人自愿参加的确认，不得强制或变相强制学生参加考核（第七条第1款第(4)项）',
    en: 'A selected student has no recorded voluntary consent; students are never forced to take part (Art. 7.1(4))',
  },
  MONITORING_EVIDENCE_MISSING: {
    zh: '考核须在全程监控下完成，请先上传监控录像等证据再登记成绩（第八条第5款）',
    en: 'The exam runs under full video monitoring: attach the monitoring evidence before the results (Art. 8.5)',
  },
  ARCHIVE_INCOMPLETE: {
    zh: '归档材料不全：须含全部通过学生的证书扫描件及考核资料（第八条第7款）',
    en: 'The archive is incomplete: every passed student’s certificate scan and the exam materials are required (Art. 8.7)',
  },
  SCALE_EXCEEDED: {
    zh: '考证人数超出批准的试点规模或协议规模（第六条第2款）',
    en: 'The head count exceeds the approved pilot scale or the agreed scale (Art. 6.2)',
  },
  NO_STUDENTS_SELECTED: {
    zh: '尚未遴选任何学生',
    en: 'No student has been selected',
  },
  STUDENT_NOT_FOUND: {
    zh: '该学生不在遴选名单中',
    en: 'That student is not on the selection list',
  },
  STUDENT_NOT_PASSED: {
    zh: '该学生未通过考核，无证书',
    en: 'That student did not pass and has no certificate',
  },
  COURSES_MISSING: {
    zh: '须至少开设一门课证融通课程（第八条第3款）',
    en: 'At least one course–certificate integration course is required (Art. 8.3)',
  },
  EXAM_PLAN_MISMATCH: {
    zh: '考核计划与已批准的考核站点、批次或遴选人数不一致（第八条第5款）',
    en: 'The exam plan does not match the approved site, the batch or the number of selected students (Art. 8.5)',
  },
  RESULTS_INVALID: {
    zh: '成绩须覆盖且仅覆盖全部参考学生，证书编号不得重复',
    en: 'Results must cover exactly the examined students, with unique certificate numbers',
  },
});

export const ASSESSMENT_ERRORS = assessmentErrors.catalog;
export type AssessmentErrorCode = keyof typeof ASSESSMENT_ERRORS;
