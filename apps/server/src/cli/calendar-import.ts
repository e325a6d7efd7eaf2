import { parseTableFile, type TableProblem } from '@certflow/calendar';

/** What `pnpm certflow calendar import` needs from the world (the adapter gives the real ones). */
export interface CalendarCliDeps {
  readFile(path: string): Promise<string>;
  /** `PUT /api/calendar/:year[?dryRun=1]` with the file's text as the body: the answer as is. */
  putCalendar(
    year: number,
    text: string,
    dryRun: boolean,
  ): Promise<{ status: number; body: unknown }>;
  out(line: string): void;
  err(line: string): void;
}

export const CALENDAR_IMPORT_USAGE = [
  '用法 / usage: pnpm certflow calendar import <file.json> [--dry-run]',
  '  导入一年的节假日安排（格式见 docs/calendar.md）；--dry-run 只检查并预览受影响的截止时间。',
  "  Imports a year's holiday table (format: docs/calendar.md); --dry-run checks and previews only.",
  '  环境变量 / environment: CERTFLOW_URL（默认 http://127.0.0.1:3000）, CERTFLOW_TOKEN（教务处账号 / an academic_affairs token）',
];

interface Answer {
  code?: string;
  message?: string;
  messageEn?: string;
  details?: { problems?: TableProblem[] };
  dryRun?: boolean;
  sha256?: string;
  diff?: { added: unknown[]; removed: unknown[]; renamed: unknown[] };
  deadlines?: { kind: string; label: string; instanceId: string; from: string; to: string }[];
  recomputed?: { instances: number; tasks: number; timers: number } | null;
}

const beijing = (iso: string): string =>
  new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

const problemLine = (file: string, p: TableProblem): string =>
  `${file}:${p.line}:${p.column} ${p.code} ${p.message} (${p.messageEn})`;

/**
 * `pnpm certflow calendar import <file> [--dry-run]`: check the file here (every problem with its
 * `file:line:column`, nothing sent), then send it to the server, which checks it again, stores and
 * audits it, refreshes its calendar and recomputes the deadlines it moves. Returns the exit code:
 * 0 imported (or previewed), 1 refused or failed, 2 wrong usage.
 */
export async function calendarImport(
  args: readonly string[],
  deps: CalendarCliDeps,
): Promise<number> {
  const dryRun = args.includes('--dry-run');
  const rest = args.filter((a) => a !== '--dry-run');
  const file = rest[0];
  if (rest.includes('--help') || rest.includes('-h')) {
    CALENDAR_IMPORT_USAGE.forEach((l) => deps.out(l));
    return 0;
  }
  if (rest.length !== 1 || file === undefined || file.startsWith('-')) {
    CALENDAR_IMPORT_USAGE.forEach((l) => deps.err(l));
    return 2;
  }
  let text: string;
  try {
    text = await deps.readFile(file);
  } catch (error) {
    deps.err(
      `无法读取 ${file} / cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`,
    );
    return 1;
  }
  const local = parseTableFile(text);
  if (!local.ok) {
    deps.err(
      `${file}：节假日安排文件有 ${local.problems.length} 处错误，未导入任何内容 / not imported:`,
    );
    [...local.problems]
      .sort((a, b) => a.line - b.line || a.column - b.column)
      .forEach((p) => deps.err(problemLine(file, p)));
    return 1;
  }
  const { year } = local.table;
  let answer: { status: number; body: unknown };
  try {
    answer = await deps.putCalendar(year, text, dryRun);
  } catch (error) {
    deps.err(
      `无法连接服务器 / cannot reach the server: ${error instanceof Error ? error.message : String(error)}`,
    );
    return 1;
  }
  const body = (
    typeof answer.body === 'object' && answer.body !== null ? answer.body : {}
  ) as Answer;
  if (answer.status !== 200) {
    deps.err(`${answer.status} ${body.code ?? ''} ${body.message ?? ''}`.trim());
    if (body.messageEn) deps.err(body.messageEn);
    for (const p of body.details?.problems ?? []) deps.err(problemLine(file, p));
    return 1;
  }
  const moved = body.deadlines ?? [];
  const diff = body.diff ?? { added: [], removed: [], renamed: [] };
  deps.out(
    dryRun
      ? `预览 ${year} 年节假日安排（未写入）/ preview of the ${year} holiday table (nothing written)`
      : `已导入 ${year} 年节假日安排 / imported the ${year} holiday table (sha256 ${body.sha256 ?? ''})`,
  );
  deps.out(`  来源 / source: ${local.table.source.title}`);
  deps.out(
    `  新增 ${diff.added.length} 天、移除 ${diff.removed.length} 天、更名 ${diff.renamed.length} 天 / ` +
      `${diff.added.length} days added, ${diff.removed.length} removed, ${diff.renamed.length} renamed`,
  );
  deps.out(
    `  ${dryRun ? '将调整' : '调整'} ${moved.length} 个截止时间 / ${moved.length} deadlines ${dryRun ? 'would move' : 'moved'}:`,
  );
  for (const m of moved) {
    deps.out(`    ${m.kind} ${m.label}  ${beijing(m.from)} → ${beijing(m.to)}  (${m.instanceId})`);
  }
  if (body.recomputed) {
    const r = body.recomputed;
    deps.out(
      `  已重新计算 / recomputed: ${r.instances} instances, ${r.tasks} tasks, ${r.timers} timers`,
    );
  }
  return 0;
}
