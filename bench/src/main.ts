import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { openBenchDatabase } from './bench-database.js';
import { describeFlags, FlagError, parseFlags, type BenchFlags, type Section } from './flags.js';
import { machineInfo } from './machine-info.js';
import { markdownReport, textTable } from './report.js';
import type { Note, ResultRow } from './result-row.js';
import { runSections } from './sections.js';
import { redisVersion } from './redis-connection.js';
import { nowMs } from './stats.js';

async function main(argv: readonly string[]): Promise<number> {
  let flags: BenchFlags;
  try {
    flags = parseFlags(argv);
  } catch (error) {
    if (error instanceof FlagError) {
      console.error(error.message);
      return 2;
    }
    throw error;
  }
  const t0 = nowMs();
  const date = new Date();
  const probe = await openBenchDatabase();
  const machine = await machineInfo(probe.admin, await redisVersion()).finally(() => probe.drop());
  console.log(
    `certflow bench ${describeFlags(argv)} — ${machine.cpu}, ${machine.cores} cores, load ${machine.load}`,
  );

  const rows: ResultRow[] = [];
  const notes: Note[] = [];
  const failed: { section: Section; error: unknown }[] = [];
  await runSections(flags, rows, notes, failed);

  console.log(`\n${textTable(rows)}\n`);
  for (const f of failed) console.error(`section ${f.section} broke:`, f.error);
  if (flags.out) {
    const path = resolve(process.env['INIT_CWD'] ?? process.cwd(), flags.out);
    const report = markdownReport({
      date,
      command: `pnpm bench ${describeFlags(argv)}`.trim(),
      flags,
      machine,
      rows,
      notes,
      seconds: (nowMs() - t0) / 1000,
    });
    await writeFile(path, report);
    console.log(`written to ${path}`);
  }
  // A missed target is a finding, not a failure; a broken harness is.
  return failed.length === 0 ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
