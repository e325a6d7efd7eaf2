import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { calendarImport, type CalendarCliDeps } from './calendar-import.js';

/**
 * The real world of `calendarImport`: the file from disk (relative to where `pnpm` was typed),
 * the server at `CERTFLOW_URL` (default `http://127.0.0.1:$PORT`, port 3000) with the bearer token
 * `CERTFLOW_TOKEN`, and the process's stdout/stderr.
 */
export function calendarCliDeps(
  env: Readonly<Record<string, string | undefined>> = process.env,
  fetchImpl: typeof fetch = globalThis.fetch.bind(globalThis),
): CalendarCliDeps {
  const base = (env['CERTFLOW_URL'] ?? `http://127.0.0.1:${env['PORT'] ?? '3000'}`).replace(
    /\/+$/,
    '',
  );
  const cwd = env['INIT_CWD'] ?? process.cwd();
  return {
    readFile: (path) => readFile(resolve(cwd, path), 'utf8'),
    async putCalendar(year, text, dryRun) {
      const token = env['CERTFLOW_TOKEN'];
      const response = await fetchImpl(`${base}/api/calendar/${year}${dryRun ? '?dryRun=1' : ''}`, {
        method: 'PUT',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: text,
      });
      const raw = await response.text();
      let body: unknown = raw;
      try {
        body = JSON.parse(raw);
      } catch {
        // not JSON: shown as is
      }
      return { status: response.status, body };
    },
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
  };
}

/** `certflow calendar <sub> …` for the CLI framework: `import` only, for now. */
export async function calendarCommand(
  args: readonly string[],
  deps: CalendarCliDeps = calendarCliDeps(),
): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'import') return calendarImport(rest, deps);
  deps.err('用法 / usage: pnpm certflow calendar import <file.json> [--dry-run]');
  return 2;
}
