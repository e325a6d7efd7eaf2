import { MAX_JSON_DEPTH } from './json-depth.js';

/**
 * The schemas' own validation messages, in both languages. A schema passes the English one to
 * zod (`.regex(idPattern, ISSUE.instanceId.en)`); `zhIssue` finds the Chinese by it.
 */
export const ISSUE = {
  instanceId: { en: 'an instance id', zh: '须为流程实例编号（字母、数字与 ._- ）' },
  taskId: { en: 'a task id', zh: '须为待办编号' },
  flowId: { en: 'a flow id', zh: '须为流程编号' },
  collegeId: { en: 'a college id', zh: '须为二级学院编号' },
  organizationId: { en: 'an organization id', zh: '须为培训评价组织编号' },
  personId: { en: 'a person id', zh: '须为人员编号（工号）' },
  eventType: { en: 'an UPPER_SNAKE_CASE event type', zh: '须为大写字母与下划线组成的事件类型' },
  tooDeep: {
    en: `nested deeper than ${MAX_JSON_DEPTH} levels`,
    zh: `嵌套超过 ${MAX_JSON_DEPTH} 层`,
  },
  reserved: { en: 'a reserved identity', zh: '为系统保留的身份' },
  role: { en: 'a known role', zh: '须为已知角色' },
  listDate: {
    en: 'a day (2026-03-01) or an ISO date-time with an offset',
    zh: '须为日期（如 2026-03-01）或带时区的日期时间',
  },
  listRange: { en: 'the range ends before it starts', zh: '结束日期须晚于开始日期' },
  copyId: { en: 'a copy id', zh: '须为抄送编号' },
  scanFrom: {
    en: 'a position in the list: an integer from 0 to 1000000',
    zh: '须为列表中的位置：0 到 1000000 的整数',
  },
  attachmentId: { en: 'an attachment id', zh: '须为附件编号' },
  attachmentFile: { en: 'a file part named file', zh: '须为名为 file 的文件' },
  attachmentData: {
    en: 'attachments are named by upload id in attachments, not in data',
    zh: '附件须以上传编号列在 attachments 中，不能写在 data 里',
  },
} as const satisfies Record<string, { en: string; zh: string }>;

export const ZH_BY_EN: ReadonlyMap<string, string> = new Map(
  Object.values(ISSUE).map((m) => [m.en, m.zh]),
);
