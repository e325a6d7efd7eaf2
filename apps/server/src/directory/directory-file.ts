import { ROLE_IDS, ROLES } from '@certflow/pilot';
import { parse } from 'csv-parse/sync';
import { zhIssue } from '../http/zh-issues.js';
import { directoryImportSchema, type DirectoryImportInput } from '../schemas/directory.js';
import type { ImportProblem } from './plan-import.js';

/** The file cannot be read as a directory export; `problems` says where, in both languages. */
export class DirectoryFileError extends Error {
  override readonly name = 'DirectoryFileError';
  constructor(readonly problems: readonly ImportProblem[]) {
    super(problems.map((p) => `${p.at}: ${p.zh} / ${p.en}`).join('\n'));
  }
}

/** CSV header names, English or as campus exports write them. */
const COLUMNS: Readonly<Record<string, string>> = {
  id: 'id',
  工号: 'id',
  人员编号: 'id',
  账号: 'id',
  name: 'name',
  姓名: 'name',
  email: 'email',
  邮箱: 'email',
  电子邮箱: 'email',
  roles: 'roles',
  role: 'roles',
  角色: 'roles',
  college: 'college',
  college_id: 'college',
  学院编号: 'college',
  二级学院编号: 'college',
  college_name: 'collegeName',
  二级学院: 'collegeName',
  学院: 'collegeName',
  部门: 'collegeName',
  organization: 'organization',
  organization_id: 'organization',
  评价组织编号: 'organization',
  organization_name: 'organizationName',
  评价组织: 'organizationName',
  培训评价组织: 'organizationName',
  status: 'status',
  状态: 'status',
};

const ROLE_BY_LABEL: ReadonlyMap<string, string> = new Map([
  ...ROLE_IDS.map((r) => [r, r] as const),
  ...ROLE_IDS.map((r) => [ROLES[r].zh, r] as const),
]);

const STATUS: Readonly<Record<string, 'active' | 'deactivated'>> = {
  '': 'active',
  active: 'active',
  在职: 'active',
  正常: 'active',
  deactivated: 'deactivated',
  inactive: 'deactivated',
  left: 'deactivated',
  离职: 'deactivated',
  调出: 'deactivated',
  停用: 'deactivated',
  退休: 'deactivated',
};

export interface FileOptions {
  readonly sync?: boolean;
  readonly dryRun?: boolean;
}

/** `users.3.email` → `第 5 行` for a CSV (header = line 1), the JSON path otherwise. */
type Where = (path: readonly PropertyKey[]) => string;

function validated(doc: unknown, where: Where): DirectoryImportInput {
  const parsed = directoryImportSchema.safeParse(doc);
  if (parsed.success) return parsed.data;
  throw new DirectoryFileError(
    parsed.error.issues
      .slice(0, 50)
      .map((i) => ({ at: where(i.path), zh: zhIssue(i), en: i.message })),
  );
}

function fromCsv(text: string, options: FileOptions): DirectoryImportInput {
  let rows: Array<Record<string, string>>;
  try {
    rows = parse<Record<string, string>>(text, {
      columns: true,
      bom: true,
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new DirectoryFileError([
      { at: 'csv', zh: '不是合法的「CSV」文件', en: `not a valid CSV file: ${message}` },
    ]);
  }
  const colleges = new Map<string, string>();
  const organizations = new Map<string, string>();
  const problems: ImportProblem[] = [];
  const users = rows.map((row, i) => {
    const cell: Record<string, string> = {};
    for (const [header, value] of Object.entries(row)) {
      const key = COLUMNS[header.trim()] ?? COLUMNS[header.trim().toLowerCase()];
      if (key) cell[key] = value;
    }
    const at = `第 ${i + 2} 行`;
    const roles = (cell['roles'] ?? '').split(/[;,|、，；\s]+/u).filter(Boolean);
    const unknown = roles.filter((r) => !ROLE_BY_LABEL.has(r));
    if (unknown.length > 0) {
      problems.push({
        at,
        zh: `未知的角色：${unknown.map((r) => `「${r}」`).join('、')}`,
        en: `unknown roles: ${unknown.join(', ')}`,
      });
    }
    const status = STATUS[(cell['status'] ?? '').toLowerCase()];
    if (!status)
      problems.push({
        at,
        zh: `未知的状态「${cell['status']}」`,
        en: `unknown status ${cell['status']}`,
      });
    if (cell['college'] && cell['collegeName']) colleges.set(cell['college'], cell['collegeName']);
    if (cell['organization'] && cell['organizationName'])
      organizations.set(cell['organization'], cell['organizationName']);
    return {
      id: cell['id'] ?? '',
      name: cell['name'] ?? '',
      email: cell['email'] ?? '',
      roles: roles.map((r) => ROLE_BY_LABEL.get(r) ?? r),
      college: cell['college'] || null,
      organization: cell['organization'] || null,
      status: status ?? 'active',
    };
  });
  if (problems.length > 0) throw new DirectoryFileError(problems);
  const doc = {
    colleges: [...colleges].map(([id, name]) => ({ id, name })),
    organizations: [...organizations].map(([id, name]) => ({ id, name })),
    users,
    sync: options.sync ?? false,
    dryRun: options.dryRun ?? false,
  };
  return validated(doc, (path) =>
    path[0] === 'users' && typeof path[1] === 'number'
      ? `第 ${path[1] + 2} 行 ${String(path[2] ?? '')}`.trim()
      : path.join('.'),
  );
}

function fromJson(text: string, options: FileOptions): DirectoryImportInput {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/u, ''));
  } catch {
    throw new DirectoryFileError([
      { at: 'json', zh: '不是合法的「JSON」文件', en: 'not a valid JSON file' },
    ]);
  }
  const doc: unknown = Array.isArray(value) ? { users: value } : value;
  const flags = {
    ...(options.sync ? { sync: true } : {}),
    ...(options.dryRun ? { dryRun: true } : {}),
  };
  return validated(doc && typeof doc === 'object' ? { ...doc, ...flags } : doc, (path) =>
    path.join('.'),
  );
}

/**
 * A directory export as the import reads it. CSV: one person per row, headers in English or
 * Chinese (工号, 姓名, 邮箱, 角色, 二级学院编号, 二级学院, 评价组织编号, 评价组织, 状态), roles by id or
 * label (`college_lead` or `二级学院试点工作小组负责人`, several separated by `;`), colleges and
 * organizations named by their id and name columns. JSON: `{ colleges, organizations, users }`
 * (or a bare array of users), as `POST /api/directory/import` takes it.
 */
export function parseDirectoryFile(
  text: string,
  format: 'csv' | 'json',
  options: FileOptions = {},
): DirectoryImportInput {
  return format === 'csv' ? fromCsv(text, options) : fromJson(text, options);
}
