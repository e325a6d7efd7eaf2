import type { Store, StoreTx } from '@certflow/engine';
import { nowMs } from './stats.js';

/** Wall time and calls per store method, to see where a command's time goes. */
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

function timedTx(tx: StoreTx, t: StoreTimings): StoreTx {
  return new Proxy(tx, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      const name = `tx.${String(prop)}`;
      return async (...args: unknown[]) => {
        const t0 = nowMs();
        try {
          const method = value as (...a: unknown[]) => Promise<unknown>;
          return await method.apply(target, args);
        } finally {
          t.add(name, nowMs() - t0);
        }
      };
    },
  });
}

/** The same store, timing every transaction-scoped call and the whole transaction. */
export function timedStore(store: Store, t: StoreTimings): Store {
  const unlocked = store.unlocked?.bind(store);
  return {
    read: store.read,
    ...(unlocked
      ? {
          unlocked: async <T>(fn: (tx: StoreTx) => Promise<T>): Promise<T> => {
            const t0 = nowMs();
            try {
              return await unlocked((tx) => fn(timedTx(tx, t)));
            } finally {
              t.add('(unlocked command)', nowMs() - t0);
            }
          },
        }
      : {}),
    transaction: async (fn) => {
      const t0 = nowMs();
      let inner = 0;
      try {
        return await store.transaction(async (tx) => {
          const t1 = nowMs();
          try {
            return await fn(timedTx(tx, t));
          } finally {
            inner = nowMs() - t1;
            t.add('(transaction body)', inner);
          }
        });
      } finally {
        t.add('(transaction incl. BEGIN/COMMIT)', nowMs() - t0);
      }
    },
  };
}
