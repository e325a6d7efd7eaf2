import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { isDomainError } from '@certflow/engine';
import { DirectoryFileError, parseDirectoryFile } from '../directory/directory-file.js';
import { importDirectory } from '../directory/import-directory.js';
import type { DirectoryReport } from '../schemas/directory.js';
import { defineCommand, type CliOutput } from './command.js';

function print(report: DirectoryReport, out: CliOutput): void {
  const list = (ids: readonly string[]) => (ids.length > 0 ? `：${ids.join(', ')}` : '');
  const u = report.users;
  out.line(
    report.dryRun
      ? '试运行，未作任何修改 / dry run, nothing changed'
      : '人员目录已导入 / directory imported',
  );
  out.line(
    `  二级学院 colleges: 新增 created ${report.colleges.created.length}, 更新 updated ${report.colleges.updated.length}, 未变 unchanged ${report.colleges.unchanged}`,
  );
  out.line(
    `  评价组织 organizations: 新增 created ${report.organizations.created.length}, 更新 updated ${report.organizations.updated.length}, 未变 unchanged ${report.organizations.unchanged}`,
  );
  out.line(`  人员 people: 新增 created ${u.created.length}${list(u.created)}`);
  out.line(`              更新 updated ${u.updated.length}${list(u.updated)}`);
  out.line(`              恢复 reactivated ${u.reactivated.length}${list(u.reactivated)}`);
  out.line(`              未变 unchanged ${u.unchanged}`);
  out.line(`              停用 deactivated ${report.deactivated.length}`);
  for (const leaver of report.deactivated) {
    out.line(
      `  停用 deactivated ${leaver.id} ${leaver.name} [${leaver.formerRoles.join(',')}]: 待办 open tasks ${leaver.openTasks.length}`,
    );
    for (const t of leaver.openTasks) {
      const who =
        t.assigned || t.otherHolders.length === 0
          ? '须转办 REASSIGN'
          : `可由他人办理 others can act: ${t.otherHolders.join(', ')}`;
      out.line(
        `    ${t.instanceId} ${t.title} · ${t.step} (${t.role}${t.college ? `@${t.college}` : ''}) → ${who}`,
      );
    }
  }
}

/** `pnpm certflow users import <file.csv|file.json>`: the campus directory export into certflow. */
export const command = defineCommand({
  name: 'users import',
  usage: '<file.csv|file.json> [--sync] [--dry-run] [--json]',
  summary: {
    zh: '导入校园统一身份认证的人员目录（人员、角色、二级学院、评价组织；停用离职人员）',
    en: 'import the campus directory export (people, roles, colleges, organizations; deactivate leavers)',
  },
  options: {
    sync: { type: 'boolean' },
    'dry-run': { type: 'boolean' },
    json: { type: 'boolean' },
    format: { type: 'string' },
  },
  async run(args, ctx, out) {
    const [file] = args.positionals;
    if (!file || args.positionals.length > 1) {
      out.error('须给出一个文件 / give one file: pnpm certflow users import <file.csv|file.json>');
      return 2;
    }
    const path = ctx.path(file);
    const format =
      typeof args.values['format'] === 'string'
        ? args.values['format']
        : extname(path).slice(1).toLowerCase();
    if (format !== 'csv' && format !== 'json') {
      out.error(
        `无法识别文件格式「${format}」，请用 .csv 或 .json，或 --format / unknown format ${format}: use .csv or .json, or --format`,
      );
      return 2;
    }
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      out.error(`无法读取文件 ${path} / cannot read ${path}`);
      return 1;
    }
    try {
      const doc = parseDirectoryFile(text, format, {
        sync: args.values['sync'] === true,
        dryRun: args.values['dry-run'] === true,
      });
      const report = await importDirectory(
        { store: ctx.handle.store, directory: ctx.handle.directory, engine: ctx.engine },
        doc,
        ctx.actor,
      );
      if (args.values['json'] === true) out.line(JSON.stringify(report, null, 2));
      else print(report, out);
      return 0;
    } catch (error) {
      if (error instanceof DirectoryFileError) {
        out.error(`未导入，文件有误 / nothing imported, the file has problems:`);
        for (const p of error.problems) out.error(`  ${p.at}: ${p.zh} / ${p.en}`);
        return 1;
      }
      if (isDomainError(error) && error.code === 'VALIDATION_FAILED') {
        out.error(`未导入 / nothing imported: ${error.messages.zh} / ${error.messages.en}`);
        const issues = (error.details?.['issues'] ?? []) as Array<{
          path: string;
          message: string;
          messageEn: string;
        }>;
        // A CSV's entry n is its line n + 2 (the header is line 1).
        const where = (path: string) =>
          format === 'csv'
            ? path.replace(
                /^users\.(\d+)/u,
                (_, n: string) => `第 ${Number(n) + 2} 行 line ${Number(n) + 2}`,
              )
            : path;
        for (const i of issues) out.error(`  ${where(i.path)}: ${i.message} / ${i.messageEn}`);
        return 1;
      }
      throw error;
    }
  },
});
