/**
 * How the postgres.js pool reconnects after PostgreSQL dropped its connections (a restart, a
 * failover, `pg_terminate_backend`). The driver's default backoff grows with every connection of
 * the pool that closed with an error — `min(3^n / 100, 20)` seconds, `n` shared by the pool — so
 * after one drop of ten connections a command could be bound to a connection that waits 10–20 s
 * before it even tries (measured: commands unanswered for 5 s, recoveries of 3.8 s). Here the
 * wait is at most 250 ms, and a connection attempt that gets no answer gives up after 5 s (the
 * default 30 s would hold a command that long): the command is then refused with
 * `DATABASE_UNAVAILABLE` (503, retryable) rather than left hanging.
 */
export const RECONNECT = {
  /** Seconds before the `attempt`-th reconnect (jittered, 25 ms doubling up to 250 ms). */
  backoff: (attempt: number): number =>
    Math.min(0.025 * 2 ** attempt, 0.25) * (0.5 + Math.random() / 2),
  /** Seconds a connection attempt may take. */
  connect_timeout: 5,
} as const;
