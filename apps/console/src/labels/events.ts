/** Event types in Chinese: the operations of every task and the flows' own steps. */
export const EVENT_LABELS: Readonly<Record<string, string>> = {
  START: '提交申请',
  APPROVE: '同意',
  RETURN: '退回',
  REJECT: '驳回',
  WITHDRAW: '撤回',
  RESUBMIT: '重新提交',
  TRANSFER: '转办',
  DELEGATE: '委派',
  ADD_APPROVER: '加签',
  REMOVE_APPROVER: '减签',
  CC: '抄送',
  COMMENT: '评论',
  URGE: '催办',
  TAKE_BACK: '拿回',
  SUBMIT: '提交',
  CLOSE: '关闭',
  FEEDBACK: '反馈意见',
  SUBMIT_IMPROVEMENT: '提交诊改',
  ACCEPT_SITE: '确认考核站点',
  RESUBMIT_SITE: '重新提交站点',
  SUBMIT_FEE: '提交收费协议',
  CONFIRM_FEE: '确认收费',
  ADD_COURSE: '添加融合课程',
  FINISH_COURSES: '课程安排完成',
  CLOSE_SELECTION: '结束报名',
  DESELECT_STUDENT: '取消报名',
  RECORD_CONSENT: '登记自愿确认',
  SELECT_STUDENT: '学生报名',
  SUBMIT_EXAM_PLAN: '提交考核计划',
  CONFIRM_PLAN: '确认考核计划',
  ATTACH_EVIDENCE: '上传考务材料',
  RECORD_RESULTS: '录入考核结果',
  SIGN_CERTIFICATES: '签发证书',
  ATTACH_MATERIAL: '上传材料',
  ATTACH_SCAN: '上传扫描件',
  SUBMIT_ARCHIVE: '提交归档',
  POST_CREDIT_BANK: '登记学分银行',
  AUTHORITY_APPROVED: '主管部门已同意',
  AUTHORITY_RETURNED: '主管部门已退回',
  RECORD_EXPENSE: '登记支出',
  RECORD_STUDENT_FEE: '登记学生收费',
  SUBMIT_PLAN: '提交整改方案',
  DISMISS: '不予撤销',
  ISSUE_NOTICE: '发出通知',
  RESPOND: '提交说明',
  DEADLINE_PASSED: '已超期',
  PLAN_OVERDUE: '整改方案超期',
  RESPONSE_OVERDUE: '说明超期',
  FEEDBACK_WINDOW_CLOSED: '反馈期结束',
};

export function eventLabel(type: string): string {
  return EVENT_LABELS[type] ?? type;
}

/** The operations that name people (the decision dialog shows a person picker for them). */
export const PERSON_OPERATIONS = ['TRANSFER', 'ADD_APPROVER', 'CC'] as const;

/** The order of buttons: the decision first, then 退回/驳回, then the task operations. */
export const EVENT_ORDER = [
  'APPROVE',
  'RESUBMIT',
  'RETURN',
  'REJECT',
  'TRANSFER',
  'ADD_APPROVER',
  'CC',
  'URGE',
  'WITHDRAW',
  'COMMENT',
];
