import { InfrastructureError } from '@certflow/engine';
import { defaultRetryPolicy, type RetryPolicy } from '@certflow/queue';

/** The first retries of a delivery that failed because PostgreSQL could not be reached. */
const SOON_MS = [1_000, 2_000, 4_000] as const;

/**
 * The worker's outbox retry policy: a delivery that failed because PostgreSQL was unreachable
 * for a moment (a dropped connection, a restart, a failover — `DATABASE_UNAVAILABLE`) is tried
 * again after 1, 2 and 4 s, instead of the default policy's 30 s, 60 s, … meant for a mail server
 * that refuses; any other failure, and later attempts, follow `fallback`.
 */
export function retrySoonWhenUnavailable(fallback: RetryPolicy = defaultRetryPolicy): RetryPolicy {
  return {
    nextAttemptAt(args) {
      const unavailable =
        args.error instanceof InfrastructureError && args.error.code === 'DATABASE_UNAVAILABLE';
      const soon = unavailable ? SOON_MS[args.attempts - 1] : undefined;
      return soon === undefined
        ? fallback.nextAttemptAt(args)
        : new Date(args.now.getTime() + soon);
    },
  };
}
