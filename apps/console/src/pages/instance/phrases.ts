/** 常用意见: common opinions per decision (personal phrases come with the operations API). */
export const PHRASES: Readonly<Record<string, readonly string[]>> = {
  APPROVE: ['同意。', '同意申报。', '情况属实，同意。', '同意，请按计划组织实施。'],
  RETURN: [
    '材料不全，请补充后重新提交。',
    '预算测算依据不足，请修改。',
    '请按学院意见修改后重新提交。',
  ],
  REJECT: ['不符合《管理办法》有关规定，不予同意。', '证书等级不符合要求，不予同意。'],
  TRANSFER: ['请代为审批。'],
  ADD_APPROVER: ['请一并审核。'],
  CC: ['请知悉。'],
  COMMENT: ['已阅。'],
  URGE: ['请尽快审批，谢谢。'],
};

/** 退回 and 驳回 need a reason (the person sent back must know why). */
export const REASON_REQUIRED = new Set(['RETURN', 'REJECT']);
