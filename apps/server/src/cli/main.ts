import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { ConfigError } from '@certflow/config';
import { CliError, openCliContext, type CliContext } from './cli-context.js';
import { isCommand, type CliCommand, type CliOutput } from './command.js';

/**
 * `pnpm certflow <group> <verb> …`: the administrator's commands against the server's database.
 * Every file of this folder that exports `command = defineCommand(…)` is a command — to add one,
 * add a file (`users-import.ts`, `calendar-import.ts` …).
 */
async function commands(): Promise<CliCommand[]> {
  const self = fileURLToPath(import.meta.url);
  const here = dirname(self);
  // From source: src/cli/*.ts; built: dist/*.js beside dist/cli.js (and the server's main.js).
  const files = readdirSync(here).filter(
    (f) =>
      /^[a-z][a-z0-9-]*\.(ts|js)$/u.test(f) &&
      !/\.test\.|^main\.|\.d\.ts$/u.test(f) &&
      join(here, f) !== self,
  );
  const found: CliCommand[] = [];
  for (const file of files.sort()) {
    const mod = (await import(pathToFileURL(join(here, file)).href)) as Record<string, unknown>;
    if (isCommand(mod['command'])) found.push(mod['command']);
  }
  return found;
}

const out: CliOutput = {
  line: (text) => void process.stdout.write(`${text}\n`),
  error: (text) => void process.stderr.write(`${text}\n`),
};

function help(all: readonly CliCommand[]): void {
  out.line(
    '用法 / usage: pnpm certflow <命令 command> [参数 arguments]   (in the image: node dist/cli.js …)',
  );
  for (const c of all)
    out.line(`  ${`${c.name} ${c.usage}`.padEnd(56)} ${c.summary.zh} / ${c.summary.en}`);
}

async function main(argv: readonly string[]): Promise<number> {
  const all = await commands();
  const [group, verb, ...rest] = argv;
  const command = all.find((c) => c.name === `${group ?? ''} ${verb ?? ''}`);
  if (!command || rest.includes('--help') || rest.includes('-h')) {
    help(all);
    return command || group === undefined || group === '--help' || group === 'help' ? 0 : 2;
  }
  let args: { positionals: string[]; values: Record<string, string | boolean | undefined> };
  try {
    args = parseArgs({
      args: rest,
      options: command.options ?? {},
      allowPositionals: true,
      strict: true,
    }) as typeof args;
  } catch (error) {
    out.error(
      `参数有误 / wrong arguments: ${error instanceof Error ? error.message : String(error)}`,
    );
    out.error(`  pnpm certflow ${command.name} ${command.usage}`);
    return 2;
  }
  let ctx: (CliContext & { close(): Promise<void> }) | undefined;
  try {
    ctx = await openCliContext();
    return await command.run(args, ctx, out);
  } finally {
    await ctx?.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const known = error instanceof CliError || error instanceof ConfigError;
    out.error(
      known
        ? (error as Error).message
        : `certflow 命令失败 / command failed: ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exit(1);
  },
);
