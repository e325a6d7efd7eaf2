import { z } from 'zod';
import { ConfigError, type ConfigProblem } from './config-error.js';

/** Which processes read a variable. */
export type VariableScope = 'shared' | 'server' | 'worker';

/** One environment variable: how it is parsed, what a valid value is, its documented default. */
export interface VariableSpec<S extends z.ZodType = z.ZodType> {
  readonly schema: S;
  /** What a valid value looks like, for the error line. */
  readonly zh: string;
  readonly en: string;
  /** The default as documentation shows it (`—` when there is none). */
  readonly default?: string;
  readonly scope: VariableScope;
}

export type VariableSpecs = Readonly<Record<string, VariableSpec>>;

export type ParsedVariables<T extends VariableSpecs> = {
  -readonly [K in keyof T]: z.output<T[K]['schema']>;
};

export type Env = Readonly<Record<string, string | undefined>>;

export const variable = <S extends z.ZodType>(
  scope: VariableScope,
  schema: S,
  hint: { zh: string; en: string; default?: string },
): VariableSpec<S> => ({ schema, scope, ...hint });

/** `1`/`true`/`yes` and `0`/`false`/`no`. */
export const flag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no'])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

/** A comma-separated list; empty items dropped. */
export const list = z.string().transform((v) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
);

/**
 * Parses every variable of `specs` from `env` into `problems` (a bad variable is pushed there and
 * left undefined). An empty value counts as unset: compose writes `${X:-}` as "".
 */
export function readVariables<T extends VariableSpecs>(
  specs: T,
  env: Env,
  problems: ConfigProblem[],
): ParsedVariables<T> {
  const out: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(specs)) {
    const raw = env[name];
    const parsed = spec.schema.safeParse(raw === '' ? undefined : raw);
    if (parsed.success) out[name] = parsed.data;
    else problems.push({ variable: name, zh: spec.zh, en: spec.en });
  }
  return out as ParsedVariables<T>;
}

/** Every variable of `specs` from `env`, or a `ConfigError` naming each bad one. */
export function parseVariables<T extends VariableSpecs>(specs: T, env: Env): ParsedVariables<T> {
  const problems: ConfigProblem[] = [];
  const values = readVariables(specs, env, problems);
  if (problems.length > 0) throw new ConfigError(problems);
  return values;
}
