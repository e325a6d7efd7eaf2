/** 常用意见 the console proposes per operation, after the person's own (`GET /api/me/phrases`). */
export const PHRASES: Readonly<Record<string, readonly string[]>> = {
  APPROVE: ['同意。', '同意申报。', '情况属实，同意。', '同意，请按计划组织实施。'],
  RETURN: [
    '材料不全，请补充后重新提交。',
    '预算测算依据不足，请修改。',
    '请按学院意见修改后重新提交。',
  ],
  REJECT: ['不符合《管理办法》有关规定，不予同意。', '证书等级不符合要求，不予同意。'],
  TRANSFER: ['请代为审批。'],
  DELEGATE: ['请协助审核预算测算，提出意见后交回。'],
  RESOLVE: ['已审核，材料齐全，建议同意。'],
  ADD_APPROVER: ['请一并审核。'],
  REMOVE_APPROVER: ['无需再加签审核。'],
  CC: ['请知悉。'],
  TAKE_BACK: ['需补充审核意见，拿回重新办理。'],
  COMMENT: ['已阅。'],
  URGE: ['请尽快审批，谢谢。'],
};

/** 退回 and 驳回 need a reason (the person sent back must know why). */
export const REASON_REQUIRED = new Set(['RETURN', 'REJECT']);

/** A person keeps at most this many 常用意见 (docs/http-api.md § Substitutes and phrases). */
export const MAX_PHRASES = 50;

/** The person's phrases first, then the console's for this operation, each once. */
export function phraseChoices(own: readonly string[], event: string): string[] {
  return [...new Set([...own, ...(PHRASES[event] ?? [])])];
}

/** The person's phrases with `comment` added (trimmed, once, last), or null when it cannot be. */
export function withPhrase(own: readonly string[], comment: string): string[] | null {
  const text = comment.trim();
  if (text === '' || text.length > 200 || own.includes(text) || own.length >= MAX_PHRASES) {
    return null;
  }
  return [...own, text];
}
