import { z } from 'zod';
import { attachmentRef } from '../../ledger/attachment-ref.js';

/**
 * Why a project is withdrawn (第七条1): the five listed grounds, plus an overdue rectification
 * (第九条) and a fee charged to a student (第十二条, a case of 第七条1(3)).
 */
export const WITHDRAWAL_TRIGGERS = {
  'weak-progress': {
    article: '第七条第1款第(1)项',
    zh: '推进试点工作不力',
    en: 'weak progress of the pilot',
  },
  'loose-management': {
    article: '第七条第1款第(2)项',
    zh: '证书培训、考核等工作管理不严、出现漏洞',
    en: 'loose management of training or exams',
  },
  'irregular-funds': {
    article: '第七条第1款第(3)项',
    zh: '试点工作经费使用不规范，违规收取学生费用',
    en: 'irregular use of funds or charging students',
  },
  'forced-participation': {
    article: '第七条第1款第(4)项',
    zh: '强制或变相强制学生参加培训或考核',
    en: 'students forced to take part',
  },
  'other-violation': {
    article: '第七条第1款第(5)项',
    zh: '存在其他违纪违规现象',
    en: 'other violations',
  },
  'rectification-overdue': {
    article: '第九条',
    zh: '未按期提交整改方案',
    en: 'rectification plan overdue',
  },
  'student-fee': {
    article: '第七条第1款第(3)项、第十二条',
    zh: '违规向学生收取考证费用',
    en: 'an exam fee charged to a student',
  },
} as const;
export type WithdrawalTrigger = keyof typeof WITHDRAWAL_TRIGGERS;
export const withdrawalTrigger = z.enum(
  Object.keys(WITHDRAWAL_TRIGGERS) as [WithdrawalTrigger, ...WithdrawalTrigger[]],
);
/** The five grounds of 第七条1 a finding can name. */
export const ARTICLE_TRIGGERS = [
  'weak-progress',
  'loose-management',
  'irregular-funds',
  'forced-participation',
  'other-violation',
] as const satisfies readonly WithdrawalTrigger[];
export const articleTrigger = z.enum(ARTICLE_TRIGGERS);

/** Where a withdrawal case came from, when another flow opened it. */
export const withdrawalSource = z
  .object({ flowId: z.string().min(1).max(64), instanceId: z.string().min(1).max(100) })
  .strict();

export const withdrawalInput = z
  .object({
    projectId: z.string().trim().min(1).max(100),
    collegeId: z.string().trim().min(1).max(64),
    trigger: withdrawalTrigger,
    reason: z.string().trim().min(1).max(2000),
    source: withdrawalSource.optional(),
  })
  .strict();
export type WithdrawalInput = z.infer<typeof withdrawalInput>;

/**
 * A withdrawal of version 2: a new case — or, with `ifOpen: 'add-evidence'`, the trigger's
 * evidence for the project's open case when it has one (the effect handlers always ask so).
 */
export const withdrawalInputV2 = withdrawalInput
  .extend({
    ifOpen: z.enum(['refuse', 'add-evidence']).optional(),
    evidenceRefs: z.array(attachmentRef).max(50).optional(),
  })
  .strict();
export type WithdrawalInputV2 = z.infer<typeof withdrawalInputV2>;
