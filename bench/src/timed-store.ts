import type { Store } from '@certflow/engine';
import { nowMs } from './stats.js';

/** Wall time and calls per store port method, to see where a command's time goes. */
export class StoreTimings {
  readonly calls = new Map<string, { n: number; ms: number }>();

  add(name: string, ms: number): void {
    const c = this.calls.get(name) ?? { n: 0, ms: 0 };
    c.n += 1;
    c.ms += ms;
    this.calls.set(name, c);
  }

  /** A markdown table, per command: calls and ms per call, slowest first. */
  table(commands: number): string {
    const rows = [...this.calls.entries()].sort((a, b) => b[1].ms - a[1].ms);
    return [
      '| store call | calls per command | ms per call | ms per command |',
      '|---|---|---|---|',
      ...rows.map(
        ([name, c]) =>
          `| ${name} | ${(c.n / commands).toFixed(2)} | ${(c.ms / c.n).toFixed(2)} | ${(c.ms / commands).toFixed(2)} |`,
      ),
    ].join('\n');
  }
}

async function timed<T>(t: StoreTimings, name: string, fn: () => Promise<T>): Promise<T> {
  const t0 = nowMs();
  try {
    return await fn();
  } finally {
    t.add(name, nowMs() - t0);
  }
}

/**
 * The same store, timing the core loop's two port calls (`load`, `write`; ARCHITECTURE.md): a
 * write that answers `false` (a version moved, so the command is loaded and decided again) is
 * counted apart. Reads outside commands (`read.*`) are timed too, by method.
 */
export function timedStore(store: Store, t: StoreTimings): Store {
  const read = new Proxy(store.read, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      const method = value as (...a: unknown[]) => Promise<unknown>;
      return (...args: unknown[]) =>
        timed(t, `read.${String(prop)}`, () => method.apply(target, args));
    },
  });
  return {
    read,
    load: (request) => timed(t, 'load', () => store.load(request)),
    async write(write) {
      const t0 = nowMs();
      const applied = await store.write(write);
      t.add(applied ? 'write (applied)' : 'write (lost a race: decided again)', nowMs() - t0);
      return applied;
    },
  };
}
