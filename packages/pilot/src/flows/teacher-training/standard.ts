import type { TrainingRequestInput } from './input.js';

/**
 * What counts as "clearly beyond the standard" (第七条5 不提倡参加明显超出标准的师资培训项目):
 * more than 10 days, more than ¥8,000 (800,000 fen), or flagged non-standard by the applicant.
 * Such a request needs a written justification and an extra approval by the leadership group.
 */
export const TRAINING_STANDARD = { maxDays: 10, maxCost: 800_000 } as const;

export type BeyondStandardReason = 'days' | 'cost' | 'flagged';

export function beyondStandard(request: TrainingRequestInput): BeyondStandardReason[] {
  const t = request.training;
  return [
    ...(t.days > TRAINING_STANDARD.maxDays ? (['days'] as const) : []),
    ...(t.cost > TRAINING_STANDARD.maxCost ? (['cost'] as const) : []),
    ...(t.nonStandard ? (['flagged'] as const) : []),
  ];
}
