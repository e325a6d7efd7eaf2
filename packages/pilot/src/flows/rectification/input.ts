import { z } from 'zod';
import { attachmentRef } from '../../ledger/attachment-ref.js';
import { articleTrigger } from '../withdrawal/input.js';

/** A supervision finding of 教务处 (第九条), naming the ground of 第七条1 it falls under. */
export const finding = z
  .object({
    summary: z.string().trim().min(1).max(2000),
    trigger: articleTrigger,
    evidenceRefs: z.array(attachmentRef).max(50).default([]),
  })
  .strict();

export const rectificationInput = z
  .object({
    projectId: z.string().trim().min(1).max(100),
    collegeId: z.string().trim().min(1).max(64),
    finding,
  })
  .strict();
export type RectificationInput = z.infer<typeof rectificationInput>;

/** The college's rectification plan (整改方案). */
export const rectificationPlan = z
  .object({
    summary: z.string().trim().min(1).max(5000),
    measures: z.array(z.string().trim().min(1).max(500)).min(1).max(50),
    planRef: attachmentRef.optional(),
  })
  .strict();
export type RectificationPlan = z.infer<typeof rectificationPlan>;

/** What the college reports it has done (落实整改成果, 第九条), with the evidence. */
export const rectificationResults = z
  .object({
    summary: z.string().trim().min(1).max(5000),
    evidenceRefs: z.array(attachmentRef).min(1).max(50),
  })
  .strict();
export type RectificationResults = z.infer<typeof rectificationResults>;
