import { nowMs, sleep } from './stats.js';

export interface LoadResult {
  /** Operations completed inside the measured window. */
  readonly measured: number;
  /** Operations completed in all (warm-up included). */
  readonly total: number;
  readonly seconds: number;
  readonly rate: number;
  /** Latency of each measured operation, ms. */
  readonly latencies: number[];
}

/**
 * Closed loop: `clients` workers, each calling `op(worker)` back to back. The first `warmupMs`
 * are not measured; then operations finishing within `durationMs` are counted.
 */
export async function closedLoop(
  clients: number,
  warmupMs: number,
  durationMs: number,
  op: (worker: number) => Promise<void>,
): Promise<LoadResult> {
  const start = nowMs();
  const from = start + warmupMs;
  const until = from + durationMs;
  let measured = 0;
  let total = 0;
  const latencies: number[] = [];
  await Promise.all(
    Array.from({ length: clients }, async (_, worker) => {
      while (nowMs() < until) {
        const t0 = nowMs();
        await op(worker);
        const t1 = nowMs();
        total += 1;
        if (t0 >= from && t1 <= until) {
          measured += 1;
          latencies.push(t1 - t0);
        }
      }
    }),
  );
  const seconds = durationMs / 1000;
  return { measured, total, seconds, rate: measured / seconds, latencies };
}

/**
 * Open loop at a fixed arrival rate: an operation is due every `1000/rate` ms whether or not the
 * previous ones finished; it runs on the first free slot of `slots` (one per instance, so two
 * commands never contend for a row). Latency counts from the due time, so queueing behind a slow
 * command is included (no coordinated omission).
 */
export async function openLoop(
  rate: number,
  slots: number,
  warmupMs: number,
  durationMs: number,
  op: (slot: number) => Promise<void>,
): Promise<LoadResult> {
  const interval = 1000 / rate;
  const start = nowMs();
  const from = start + warmupMs;
  const until = from + durationMs;
  const free = Array.from({ length: slots }, (_, i) => i);
  const waiting: { due: number; resolve: (slot: number) => void }[] = [];
  const running: Promise<void>[] = [];
  const latencies: number[] = [];
  let measured = 0;
  let total = 0;
  const release = (slot: number): void => {
    const next = waiting.shift();
    if (next) next.resolve(slot);
    else free.push(slot);
  };
  const run = async (due: number): Promise<void> => {
    const slot =
      free.shift() ?? (await new Promise<number>((resolve) => waiting.push({ due, resolve })));
    try {
      await op(slot);
    } finally {
      release(slot);
    }
    const done = nowMs();
    total += 1;
    if (due >= from && due < until) {
      measured += 1;
      latencies.push(done - due);
    }
  };
  let failure: unknown;
  let n = 0;
  while (start + n * interval < until && failure === undefined) {
    const due = start + n * interval;
    const wait = due - nowMs();
    if (wait > 1) await sleep(wait);
    running.push(
      run(due).catch((error: unknown) => {
        failure ??= error;
      }),
    );
    n += 1;
  }
  await Promise.all(running);
  if (failure !== undefined) {
    throw failure instanceof Error
      ? failure
      : new Error('open-loop operation failed', { cause: failure });
  }
  const seconds = durationMs / 1000;
  return { measured, total, seconds, rate: measured / seconds, latencies };
}
