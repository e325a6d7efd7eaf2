import { z } from 'zod';
import { fen } from '../../common.js';
import { attachmentRef } from '../../ledger/attachment-ref.js';

const text = (max: number) => z.string().trim().min(1).max(max);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/u, 'a date YYYY-MM-DD');

/** The assessment-site application sent to the evaluation organization (第八条2, 第六条3). */
export const siteApplication = z
  .object({
    name: text(200),
    address: text(300),
    capacity: z.number().int().positive().max(10_000),
  })
  .strict();
export type SiteApplication = z.infer<typeof siteApplication>;

/** One assessment cycle (batch) of an approved pilot project. */
export const assessmentInput = z
  .object({
    projectId: text(100),
    collegeId: text(64),
    batch: text(64),
    site: siteApplication,
  })
  .strict();
export type AssessmentInput = z.infer<typeof assessmentInput>;

/** Fee agreement with the evaluation organization (第六条3): scale and cost factors, in fen. */
export const feeAgreement = z
  .object({
    scale: z.number().int().positive().max(100_000),
    venue: fen,
    equipment: fen,
    staff: fen,
    consumables: fen,
    agreementRef: attachmentRef,
  })
  .strict();
export type FeeAgreement = z.infer<typeof feeAgreement>;

export function feeTotal(a: FeeAgreement): number {
  return a.venue + a.equipment + a.staff + a.consumables;
}

/** A course–certificate integration course (课证融通, 第八条3, 第七条7). */
export const course = z
  .object({ code: text(32), name: text(200), hours: z.number().int().positive().max(1000) })
  .strict();
export type Course = z.infer<typeof course>;

/** A student put forward for the exam. No ID number: store minimally. */
export const student = z
  .object({ studentNo: text(32), name: text(64), major: text(100), className: text(64) })
  .strict();
export type Student = z.infer<typeof student>;

/** The student's own voluntary consent (第七条1(4), 第七条4): a signed form's reference. */
export const consent = z.object({ studentNo: text(32), consentRef: attachmentRef }).strict();

/** Exam forms with their own cost ceilings (教财厅函〔2020〕12号). */
export const EXAM_FORMS = ['paper', 'computer', 'practical', 'special_practical'] as const;
export type ExamForm = (typeof EXAM_FORMS)[number];

/** The exam plan (第八条5): site, batch, date, form, head count. */
export const examPlan = z
  .object({
    siteCode: text(64),
    batch: text(64),
    date: isoDate,
    form: z.enum(EXAM_FORMS),
    headCount: z.number().int().positive().max(100_000),
  })
  .strict();
export type ExamPlan = z.infer<typeof examPlan>;

/** Video-monitoring evidence of the exam (第八条5 全程监控). */
export const evidence = z.object({ refs: z.array(attachmentRef).min(1).max(200) }).strict();

export const result = z
  .object({
    studentNo: text(32),
    score: z.number().min(0).max(1000),
    passed: z.boolean(),
    certificateNo: text(64).optional(),
  })
  .strict()
  .refine((r) => !r.passed || r.certificateNo !== undefined, {
    message: 'a passed student needs a certificate number',
    path: ['certificateNo'],
  });
export type Result = z.infer<typeof result>;
export const results = z.object({ results: z.array(result).min(1).max(100_000) }).strict();

/** Archive material (第八条7): a certificate scan of one student, or a material of the batch. */
export const certificateScan = z.object({ studentNo: text(32), scanRef: attachmentRef }).strict();
export const ARCHIVE_MATERIALS = [
  'exam-plan',
  'sign-in-sheet',
  'monitoring-video',
  'summary',
] as const;
export type ArchiveMaterial = (typeof ARCHIVE_MATERIALS)[number];
export const material = z.object({ kind: z.enum(ARCHIVE_MATERIALS), ref: attachmentRef }).strict();

export const siteDecision = z.object({ siteCode: text(64) }).strict();
export const creditBankPosting = z.object({ registrationRef: attachmentRef }).strict();
export const authorityApproval = z.object({ approvalRef: attachmentRef }).strict();
export const studentNoOnly = z.object({ studentNo: text(32) }).strict();
export const selectStudent = z.object({ student }).strict();
export const resubmitSite = z.object({ site: siteApplication }).strict();
export const submitFee = z.object({ agreement: feeAgreement }).strict();
export const addCourse = z.object({ course }).strict();
export const submitExamPlan = z.object({ plan: examPlan }).strict();
