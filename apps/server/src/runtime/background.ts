import type { DbHandle } from '@certflow/db';
import type { Engine } from '@certflow/engine';
import type { Logger } from 'pino';
import type { ServerConfig } from '../config.js';

/** What runs beside the API: timers (deadlines, reminders) and the outbox (mail, effects). */
export interface Background {
  /** One line for the start banner. */
  readonly description: string;
  stop(): Promise<void>;
}

export interface BackgroundArgs {
  readonly config: ServerConfig;
  readonly handle: DbHandle<unknown>;
  readonly engine: Engine;
  readonly logger: Logger;
}

/**
 * The seam for delivery. Embedded (no REDIS_URL): the in-process scheduler and mail to `.eml`
 * files in `mailDir` (or SMTP_URL). With REDIS_URL: nothing runs here — the API only nudges
 * BullMQ and `apps/worker` delivers.
 *
 * `@certflow/queue` and `@certflow/mail` are not published yet, so for now nothing is delivered
 * from this process: timers and outbox rows wait, durable, in the database and are picked up by
 * the scheduler or the worker once it runs (the reconciler re-reads every pending row).
 */
export async function startBackground(args: BackgroundArgs): Promise<Background> {
  const mode = args.config.redisUrl ? 'bullmq' : 'in-process';
  const description =
    mode === 'bullmq'
      ? `BullMQ at ${redact(args.config.redisUrl ?? '')}: run apps/worker to deliver`
      : 'in-process scheduler: not wired yet (@certflow/queue pending); timers and mail wait in the database';
  args.logger.info({ mode }, 'background delivery');
  return { description, stop: async () => {} };
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.href;
  } catch {
    return 'redis';
  }
}
