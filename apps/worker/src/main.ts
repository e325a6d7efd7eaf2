import { pino } from 'pino';
import { startWorker } from './compose-worker.js';
import { WorkerConfigError, workerConfigFromEnv } from './worker-config.js';

/** The production worker process: `pnpm --filter @certflow/worker start`. */
const logger = pino({ name: 'certflow-worker', level: process.env['LOG_LEVEL'] ?? 'info' });

try {
  const config = workerConfigFromEnv(process.env);
  const worker = await startWorker(config, process.env, logger);
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing running jobs');
    worker.stop().then(
      (outcome) => {
        if (outcome === 'forced') {
          // Redis or PostgreSQL did not answer in time: PostgreSQL holds every row, and the
          // reconciler of the next worker re-enqueues what this one did not finish.
          logger.warn(
            'stopped at the shutdown deadline; unfinished jobs are left to the reconciler',
          );
        } else logger.info('stopped');
        process.exit(0);
      },
      (err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
} catch (error) {
  if (error instanceof WorkerConfigError) logger.fatal(error.message);
  else logger.fatal({ err: error }, 'worker failed to start');
  process.exit(1);
}
