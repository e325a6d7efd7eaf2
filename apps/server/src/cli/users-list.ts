import { isDeactivated } from '../directory/deactivation.js';
import { defineCommand } from './command.js';

/** `pnpm certflow users list`: who is in the directory, active first. */
export const command = defineCommand({
  name: 'users list',
  usage: '[--json]',
  summary: { zh: '列出人员目录', en: 'list the people directory' },
  options: { json: { type: 'boolean' } },
  async run(args, ctx, out) {
    const users = await ctx.handle.directory.listUsers();
    const rows = users
      .map((u) => ({
        ...u,
        status: isDeactivated(u) ? ('deactivated' as const) : ('active' as const),
      }))
      .sort((a, b) =>
        a.status === b.status ? a.id.localeCompare(b.id) : a.status === 'active' ? -1 : 1,
      );
    if (args.values['json'] === true) {
      out.line(JSON.stringify(rows, null, 2));
      return 0;
    }
    for (const u of rows) {
      const roles = u.status === 'active' ? u.roles.join(',') : '已停用 deactivated';
      out.line(
        `${u.id.padEnd(16)} ${u.name.padEnd(10)} ${u.email.padEnd(32)} ${roles}${u.college ? ` @${u.college}` : ''}`,
      );
    }
    out.line(`共 ${rows.length} 人 / ${rows.length} people`);
    return 0;
  },
});
