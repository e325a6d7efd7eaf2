import { ZH_BY_EN } from '../schemas/messages.js';

/** The parts of a zod (v4) issue the Chinese rendering reads. */
export interface IssueLike {
  readonly code?: string;
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly expected?: unknown;
  readonly origin?: unknown;
  readonly minimum?: unknown;
  readonly maximum?: unknown;
  readonly inclusive?: boolean;
  readonly format?: string;
  readonly keys?: readonly string[];
  readonly values?: readonly unknown[];
  readonly divisor?: unknown;
}

const TYPES: Readonly<Record<string, string>> = {
  string: '字符串',
  number: '数字',
  int: '整数',
  bigint: '整数',
  boolean: '布尔值',
  object: '对象',
  array: '数组',
  date: '日期',
  null: '空值',
  record: '对象',
  tuple: '数组',
};

const FORMATS: Readonly<Record<string, string>> = {
  email: '须为电子邮箱地址',
  url: '须为网址',
  uuid: '须为「UUID」',
  datetime: '须为日期时间',
  date: '须为日期',
};

/** An identifier, value or field name inside a Chinese message: `「json.type」`. */
export const quote = (value: unknown): string => `「${String(value)}」`;

const measure = (origin: unknown): { unit: string; few: string; many: string } =>
  origin === 'string'
    ? { unit: ' 个字符', few: '不能少于', many: '不能超过' }
    : origin === 'array' || origin === 'set'
      ? { unit: ' 项', few: '至少', many: '最多' }
      : { unit: '', few: '不能小于', many: '不能大于' };

/**
 * One validation issue in Chinese, without English: zod's English messages are never shown in
 * `message`; identifiers and values appear quoted (`「active」`). The English stays in `messageEn`.
 */
export function zhIssue(issue: IssueLike): string {
  const own = ZH_BY_EN.get(issue.message);
  if (own) return own;
  switch (issue.code) {
    case 'invalid_type':
      if (/received undefined$/u.test(issue.message)) return '缺少必填项';
      return `类型不正确，应为${TYPES[String(issue.expected)] ?? '其他类型'}`;
    case 'too_small': {
      const m = measure(issue.origin);
      const bound = `${String(issue.minimum)}${m.unit}`;
      return issue.inclusive === false ? `须大于 ${bound}` : `${m.few} ${bound}`;
    }
    case 'too_big': {
      const m = measure(issue.origin);
      const bound = `${String(issue.maximum)}${m.unit}`;
      return issue.inclusive === false ? `须小于 ${bound}` : `${m.many} ${bound}`;
    }
    case 'invalid_format':
      return FORMATS[issue.format ?? ''] ?? '格式不正确';
    case 'invalid_value':
      return `取值须为以下之一：${(issue.values ?? []).map(quote).join('、')}`;
    case 'unrecognized_keys':
      return `不允许的字段：${(issue.keys ?? []).map(quote).join('、')}`;
    case 'not_multiple_of':
      return `须为 ${String(issue.divisor)} 的倍数`;
    default:
      return '取值不合法';
  }
}

/** Each issue with its path, in Chinese and English, for `details.issues`. */
export function bilingualIssues(
  target: string | null,
  issues: readonly IssueLike[],
): Array<{ path: string; message: string; messageEn: string }> {
  return issues.slice(0, 20).map((i) => ({
    path: [...(target ? [target] : []), ...i.path.map(String)].join('.'),
    message: zhIssue(i),
    messageEn: i.message,
  }));
}
