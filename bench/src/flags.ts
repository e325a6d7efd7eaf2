import { availableParallelism } from 'node:os';

/** The command-line flags of `pnpm bench`; every size is a flag so a short run fits in minutes. */
export interface BenchFlags {
  /** Tiny sizes, for CI: proves the harness runs, measures nothing worth keeping. */
  readonly smoke: boolean;
  /** Concurrent clients for the throughput rows. */
  readonly clients: readonly number[];
  /** Seconds measured per throughput point (after a warm-up). */
  readonly duration: number;
  /** Timers per lateness run (spread, and all due at once). */
  readonly timers: number;
  /** Seconds the spread timers are spread over. */
  readonly spread: number;
  /** Pending timers parked in PostgreSQL and Redis for the "at scale" lateness run. */
  readonly pending: number;
  /** Finished instances generated for the inbox/history scale run. */
  readonly instances: number;
  /** Open tasks generated for the inbox scale run. */
  readonly tasks: number;
  /** History rows generated for the inbox/history scale run. */
  readonly history: number;
  /** Queries timed per inbox/history probe. */
  readonly queries: number;
  /** Pilot projects whose events and mails the webhooks section delivers (§8). */
  readonly webhookInstances: number;
  /**
   * Most connections the engine's pool opens (default: twice the CPU cores). More clients than
   * connections share them: postgres.js pipelines their statements (a command is no transaction
   * held open), which costs the host fewer socket writes and wake-ups than one connection each.
   */
  readonly pool: number;
  /** Sections to run (default: all). */
  readonly only: readonly Section[];
  /** Where to write the report; `none` to only print. Smoke runs write nothing by default. */
  readonly out: string | null;
}

export const SECTIONS = [
  'throughput',
  'latency',
  'audit',
  'timers',
  'inbox',
  'lists',
  'webhooks',
  'embedded',
  'server',
  'console',
] as const;
export type Section = (typeof SECTIONS)[number];

const DEFAULTS: Omit<BenchFlags, 'smoke' | 'only' | 'out'> = {
  clients: [1, 4, 16],
  duration: 10,
  timers: 5000,
  spread: 10,
  pending: 100_000,
  instances: 100_000,
  tasks: 10_000,
  history: 1_000_000,
  queries: 200,
  webhookInstances: 200,
  pool: Math.max(2, 2 * availableParallelism()),
};

/** The full sizes (`--full`): 1,000,000 pending timers, 1M instances, 100k tasks, 10M rows. */
const FULL: Partial<BenchFlags> = {
  pending: 1_000_000,
  instances: 1_000_000,
  tasks: 100_000,
  history: 10_000_000,
  webhookInstances: 1_000,
};

const SMOKE: Partial<BenchFlags> = {
  clients: [1, 4],
  duration: 1,
  timers: 200,
  spread: 1,
  pending: 2_000,
  instances: 2_000,
  tasks: 500,
  history: 10_000,
  queries: 20,
  webhookInstances: 8,
};

export class FlagError extends Error {
  override readonly name = 'FlagError';
}

function positive(name: string, raw: string | undefined): number {
  const n = Number(raw);
  if (raw === undefined || !Number.isFinite(n) || n <= 0) {
    throw new FlagError(`--${name} needs a positive number, got ${String(raw)}`);
  }
  return n;
}

function int(name: string, raw: string | undefined): number {
  return Math.round(positive(name, raw));
}

/** Parse `--name value` / `--name=value` flags; unknown flags are an error, not a silent guess. */
export function parseFlags(argv: readonly string[]): BenchFlags {
  const args = argv.flatMap((a) =>
    a.startsWith('--') && a.includes('=') ? a.split(/=(.*)/s, 2) : [a],
  );
  const sizes: Record<string, unknown> = {};
  let smoke = false;
  let full = false;
  let only: Section[] = [...SECTIONS];
  let out: string | null | undefined;
  for (let i = 0; i < args.length; i += 1) {
    const flag = args[i];
    const value = (): string | undefined => {
      i += 1;
      return args[i];
    };
    switch (flag) {
      case '--':
        break;
      case '--smoke':
        smoke = true;
        break;
      case '--full':
        full = true;
        break;
      case '--clients':
        sizes['clients'] = (value() ?? '').split(',').map((c) => int('clients', c));
        break;
      case '--duration':
      case '--spread':
        sizes[flag.slice(2)] = positive(flag.slice(2), value());
        break;
      case '--timers':
      case '--pending':
      case '--instances':
      case '--tasks':
      case '--history':
      case '--queries':
      case '--pool':
        sizes[flag.slice(2)] = int(flag.slice(2), value());
        break;
      case '--webhook-instances':
        sizes['webhookInstances'] = int('webhook-instances', value());
        break;
      case '--only': {
        const wanted = (value() ?? '').split(',').filter(Boolean);
        const bad = wanted.filter((s) => !(SECTIONS as readonly string[]).includes(s));
        if (bad.length > 0 || wanted.length === 0) {
          throw new FlagError(`--only takes some of ${SECTIONS.join(',')}; got ${bad.join(',')}`);
        }
        only = wanted as Section[];
        break;
      }
      case '--out': {
        const path = value();
        if (!path) throw new FlagError('--out needs a path (or `none`)');
        out = path === 'none' ? null : path;
        break;
      }
      default:
        throw new FlagError(`unknown flag ${String(flag)} (see bench/README.md)`);
    }
  }
  return {
    ...DEFAULTS,
    ...(full ? FULL : {}),
    ...(smoke ? SMOKE : {}),
    ...(sizes as Partial<BenchFlags>),
    smoke,
    only,
    out: out === undefined ? (smoke ? null : 'BENCHMARKS.md') : out,
  };
}

/** The flags as they would be typed, for the report. */
export function describeFlags(argv: readonly string[]): string {
  const shown = argv.filter((a) => a !== '--');
  return shown.length === 0 ? '(defaults)' : shown.join(' ');
}
