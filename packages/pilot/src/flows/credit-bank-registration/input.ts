import { z } from 'zod';
import { attachmentRef } from '../../ledger/attachment-ref.js';

/**
 * The college has filed the project's 试点证书申报 on the national credit bank platform
 * (职业教育国家学分银行, 第七条3): the filing's reference, for 教务处 to record the higher
 * authority's decision on.
 */
export const creditBankInput = z
  .object({
    projectId: z.string().trim().min(1).max(100),
    collegeId: z.string().trim().min(1).max(64),
    registrationRef: attachmentRef,
    note: z.string().trim().max(2000).optional(),
  })
  .strict();
export type CreditBankInput = z.infer<typeof creditBankInput>;

/** The higher authority's approval (上级主管部门审核通过), e.g. the platform's notice. */
export const authorityApproval = z.object({ approvalRef: attachmentRef }).strict();
export const repost = z.object({ registrationRef: attachmentRef }).strict();
