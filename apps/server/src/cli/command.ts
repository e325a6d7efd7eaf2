import type { ParseArgsConfig } from 'node:util';
import type { CliContext } from './cli-context.js';

/** What a command prints, and where. Chinese first, English on the same line. */
export interface CliOutput {
  line(text: string): void;
  error(text: string): void;
}

export interface CliArgs {
  readonly positionals: readonly string[];
  readonly values: Readonly<Record<string, string | boolean | undefined>>;
}

/**
 * One `pnpm certflow <group> <verb>` command. A command is one file in `src/cli/` that exports
 * `command = defineCommand({ … })`; `main.ts` finds it there (add a file, nothing else).
 */
export interface CliCommand {
  /** `users import` */
  readonly name: string;
  readonly summary: { readonly zh: string; readonly en: string };
  /** `<file.csv|file.json> [--sync] [--dry-run] [--json]` */
  readonly usage: string;
  /** `node:util` parseArgs options. */
  readonly options?: ParseArgsConfig['options'];
  /** Resolves to the exit code: 0 done, 1 refused or failed, 2 wrong usage. */
  run(args: CliArgs, ctx: CliContext, out: CliOutput): Promise<number>;
}

const BRAND = Symbol.for('certflow.cli.command');

export function defineCommand(command: CliCommand): CliCommand {
  return Object.assign(command, { [BRAND]: true });
}

export function isCommand(value: unknown): value is CliCommand {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as Record<symbol, unknown>)[BRAND] === true
  );
}
