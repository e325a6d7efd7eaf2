/** The Chinese names of the engine's and the pilot flows' common events (签核历程 column 操作). */
export const EVENT_LABELS: Readonly<Record<string, string>> = {
  START: '发起申请',
  SUBMIT: '提交',
  RESUBMIT: '重新提交',
  APPROVE: '同意',
  RETURN: '退回',
  REJECT: '驳回',
  WITHDRAW: '撤回',
  CANCEL: '取消',
  TRANSFER: '转办',
  DELEGATE: '委派',
  RESOLVE: '委派办理完毕',
  ADD_APPROVER: '加签',
  REMOVE_APPROVER: '减签',
  CC: '抄送',
  COMMENT: '评论',
  URGE: '催办',
  TAKE_BACK: '拿回',
  REMIND: '到期提醒',
  ESCALATE: '超时升级',
  RECOMPUTE_DEADLINES: '重算期限',
};

export const STATUS_LABELS: Readonly<Record<string, string>> = {
  active: '审批中',
  completed: '已通过',
  rejected: '已驳回',
  withdrawn: '已撤回',
  cancelled: '已取消',
};

export const CHECK_LABELS: Readonly<Record<string, string>> = {
  ok: '一致',
  missing: '文件缺失',
  altered: '文件被篡改',
};

export function eventLabel(event: string, label?: string): string {
  return label ?? EVENT_LABELS[event] ?? event;
}

const SHANGHAI = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** `2027-03-01 09:00` in Asia/Shanghai. */
export function shanghaiTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const parts = Object.fromEntries(SHANGHAI.formatToParts(date).map((p) => [p.type, p.value]));
  return `${parts['year']}-${parts['month']}-${parts['day']} ${parts['hour']}:${parts['minute']}`;
}

/** `1.2 MB`, `35 KB`, `512 B`. */
export function byteSize(size: number): string {
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(1)} KB`;
  return `${(size / 1024 / 1024).toFixed(1)} MB`;
}

/** Who acted, with the person they stood in for: `李四（代 张三）`. */
export function personText(
  p: { id: string; name: string | null },
  onBehalfOf?: {
    id: string;
    name: string | null;
  },
): string {
  const who = p.name ?? p.id;
  return onBehalfOf ? `${who}（代 ${onBehalfOf.name ?? onBehalfOf.id}）` : who;
}

/** The verification line of the sheet. */
export function verificationText(v: {
  ok: boolean;
  count: number;
  brokenAt?: number;
  reason?: string;
}): string {
  if (v.ok) return `审计链校验通过：共 ${v.count} 条记录，哈希链完整，附件与登记的 SHA-256 一致。`;
  const where = v.brokenAt === undefined ? '' : `第 ${v.brokenAt} 条记录`;
  const why =
    v.reason === 'attachment-missing'
      ? '的附件文件缺失'
      : v.reason === 'attachment-altered'
        ? '的附件文件与登记的 SHA-256 不一致（已被篡改）'
        : '的哈希不一致（记录可能被篡改）';
  return `审计链校验未通过：${where}${why}。`;
}
