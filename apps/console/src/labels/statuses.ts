import type { InstanceStatus } from '@certflow/client';
import { TONE } from './tones';

/** Instance statuses as Chinese approval systems show them (DOMAIN-NOTES: 审批中 / 已通过 …). */
export const STATUS_LABELS: Readonly<Record<InstanceStatus, { text: string; color: string }>> = {
  active: { text: '审批中', color: TONE.blue },
  completed: { text: '已通过', color: TONE.green },
  rejected: { text: '已驳回', color: TONE.red },
  withdrawn: { text: '已撤回', color: TONE.gray },
  cancelled: { text: '已取消', color: TONE.gray },
};

export const STATUS_OPTIONS = (Object.keys(STATUS_LABELS) as InstanceStatus[]).map((value) => ({
  value,
  label: STATUS_LABELS[value].text,
}));
