import type { Messages } from '@certflow/engine';

/** Why a reply mail was not applied, as told to its sender. */
export const REPLY_REFUSALS = {
  NOT_OUR_ADDRESS: {
    zh: '收件地址不是有效的审批回复地址。',
    en: 'The address you wrote to is not a valid reply address.',
  },
  TOKEN_INVALID: {
    zh: '回复地址无效或已被修改，请直接回复系统发出的通知邮件。',
    en: 'The reply address is not valid; reply to the notification itself.',
  },
  SENDER_MISMATCH: {
    zh: '发件邮箱不是该待办审批人的邮箱，回复未被处理。如您是审批人，请用接收通知的邮箱回复，或登录系统办理。',
    en: 'The sender is not the approver of this task; nothing was done. Approvers reply from the address the notice went to.',
  },
  NOT_AUTHENTICATED: {
    zh: '无法确认该邮件确由您的邮箱发出（未通过 DKIM/SPF/DMARC 发件人认证），回复未被处理。请直接用接收通知的邮箱回复，或使用通知中的链接办理。',
    en: 'The mail could not be proven to come from your address (DKIM/SPF/DMARC); nothing was done. Use the links in the notice or the web console.',
  },
  NOT_A_REPLY: {
    zh: '该邮件不是对审批通知的回复（缺少对应的邮件引用），请直接回复通知邮件。',
    en: 'This mail does not reply to the notification (no matching In-Reply-To/References).',
  },
  TOKEN_USED: {
    zh: '该待办已通过邮件办理过，本次回复未被处理。',
    en: 'This task was already decided by mail; this reply was not applied.',
  },
  TASK_CLOSED: {
    zh: '该待办已由他人办理，或流程已进入其他环节，本次回复未被处理。',
    en: 'This task was dealt with or the process moved on; this reply was not applied.',
  },
  TOKEN_EXPIRED: {
    zh: '回复地址已过期，请登录系统办理。',
    en: 'The reply address has expired; please use the web console.',
  },
  REPLY_NOT_ALLOWED: {
    zh: '本环节（领导小组决定等）不能通过回复邮件办理，请使用通知中的链接或登录系统办理。',
    en: 'This step (e.g. a leadership decision) cannot be decided by reply; use the links or the web console.',
  },
  EMPTY: {
    zh: '未能识别审批意见：邮件首行为空。请在首行写“同意”“退回”或“驳回”，其后各行为审批意见。',
    en: 'The first line is empty. Write APPROVE, RETURN or REJECT on the first line.',
  },
  NO_DECISION: {
    zh: '未能识别审批意见：首行须以“同意”“退回”或“驳回”开头。',
    en: 'The first line must start with APPROVE, RETURN or REJECT.',
  },
  AMBIGUOUS: {
    zh: '首行同时包含多个审批意见，无法确定您的决定，未作处理。',
    en: 'The first line names more than one decision; nothing was done.',
  },
  COMMENT_TOO_LONG: {
    zh: '审批意见超过2000字，请精简后重新回复。',
    en: 'The comment is longer than 2000 characters.',
  },
  REASON_REQUIRED: {
    zh: '退回或驳回须说明理由：请在首行“退回”或“驳回”之后（同一行或下一行）写明理由后重新回复。',
    en: 'A return or a rejection needs a reason: write it after RETURN or REJECT and reply again.',
  },
  DECISION_NOT_ALLOWED: {
    zh: '本环节不接受该审批操作。',
    en: 'This step does not accept that decision.',
  },
  DUPLICATE: {
    zh: '该邮件已处理过，未重复办理。',
    en: 'This mail was already processed; nothing was applied twice.',
  },
} as const satisfies Record<string, Messages>;

export type ReplyRefusal = keyof typeof REPLY_REFUSALS;
