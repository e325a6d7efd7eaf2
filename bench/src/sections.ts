import { measureAudit } from './audit.js';
import { openBenchDatabase } from './bench-database.js';
import type { BenchFlags, Section } from './flags.js';
import { measureLatency } from './latency.js';
import type { Note, ResultRow } from './result-row.js';
import { measureThroughput, preparePilot } from './throughput.js';
import { measureTimers } from './timer-lateness.js';
import { measureInbox } from './inbox-scale.js';
import { LISTS_SMOKE, measureLists } from './lists-scale.js';
import { measureEmbedded } from './embedded.js';
import { measureServer } from './server-rss.js';
import {
  FIRST_LOAD_DEFAULT,
  FIRST_LOAD_SMOKE,
  measureConsoleFirstLoad,
} from './console-first-load.js';
import { measureWebhooks, WEBHOOKS_SMOKE } from './webhooks-deliveries.js';

type Failures = { section: Section; error: unknown }[];

/** Run one section; a thrown error is recorded (the harness broke) and the next section runs. */
async function guard(
  section: Section,
  flags: BenchFlags,
  failed: Failures,
  fn: () => Promise<void>,
): Promise<void> {
  if (!flags.only.includes(section)) return;
  console.log(`… ${section}`);
  try {
    await fn();
  } catch (error) {
    failed.push({ section, error });
  }
}

export async function runSections(
  flags: BenchFlags,
  rows: ResultRow[],
  notes: Note[],
  failed: Failures,
): Promise<void> {
  const wantsPilot = (['throughput', 'latency', 'audit'] as const).some((s) =>
    flags.only.includes(s),
  );
  if (wantsPilot) {
    const db = await openBenchDatabase();
    try {
      const top = Math.max(...flags.clients);
      const fixture = await preparePilot(db, Math.max(top * 2, 8), flags.clients);
      let maxRate = 0;
      await guard('throughput', flags, failed, async () => {
        const t = await measureThroughput(db, flags, fixture);
        rows.push(...t.rows);
        notes.push(...t.notes);
        maxRate = Math.max(...t.runs.map((r) => r.engine.rate));
      });
      await guard('latency', flags, failed, async () => {
        if (maxRate === 0) throw new Error('latency needs the throughput section (its max rate)');
        rows.push(...(await measureLatency(db, flags, fixture, maxRate, top)));
      });
      await guard('audit', flags, failed, async () => {
        rows.push(...(await measureAudit(db, flags.smoke ? 200 : 2000)));
      });
    } finally {
      await db.drop();
    }
  }
  await guard('timers', flags, failed, async () => {
    const t = await measureTimers(flags);
    rows.push(...t.rows);
    notes.push(...t.notes);
  });
  await guard('inbox', flags, failed, async () => {
    const t = await measureInbox(flags);
    rows.push(...t.rows);
    notes.push(...t.notes);
  });
  await guard('lists', flags, failed, async () => {
    const sizes = flags.smoke
      ? LISTS_SMOKE
      : { instances: flags.instances, history: flags.history, queries: flags.queries };
    const r = await measureLists(sizes);
    rows.push(...r.rows);
    notes.push(...r.notes);
  });
  await guard('webhooks', flags, failed, async () => {
    const r = await measureWebhooks(
      flags.smoke ? WEBHOOKS_SMOKE : { instances: flags.webhookInstances, clients: 4 },
    );
    rows.push(...r.rows);
    notes.push(...r.notes);
  });
  await guard('embedded', flags, failed, async () => {
    rows.push(...(await measureEmbedded(flags)));
  });
  await guard('server', flags, failed, async () => {
    rows.push(...(await measureServer(flags)));
  });
  await guard('console', flags, failed, async () => {
    const r = await measureConsoleFirstLoad(flags.smoke ? FIRST_LOAD_SMOKE : FIRST_LOAD_DEFAULT);
    rows.push(...r.rows);
    notes.push(...r.notes);
  });
}
