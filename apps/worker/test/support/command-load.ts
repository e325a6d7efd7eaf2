/** One HTTP command of the load: when it was sent and answered, and how. */
export interface Sample {
  readonly start: number;
  readonly end: number;
  /** HTTP status, or 0 when no answer came within the client's limit (`hung`). */
  readonly status: number;
  readonly code: string | undefined;
  readonly retryable: boolean | undefined;
  readonly hung: boolean;
}

const YEAR = new Date().getFullYear() + 1;
/** Certificates are numbered across every load of the process: one application each (第六条2). */
let certificates = 0;

/** 张老师's application of the quick start (docs/http-api.md): one command, one instance. */
export function startCommand(n: number): unknown {
  certificates += 1;
  const code = `WEB-FE-${n}-${certificates}`;
  return {
    flow: 'pilot-project',
    input: {
      year: YEAR,
      collegeId: 'ee',
      certificate: { code, name: `Web前端开发 ${code}`, level: 'intermediate' },
      evaluationOrg: '工信部教育与考试中心',
      scale: 40,
      budget: { consumables: 200000, certificateFees: 400000, examinerFees: 150000 },
      // The load soon takes the college's year over its pilot scale: say why (第七条2).
      justification: '压力测试：批量申报',
    },
  };
}

/**
 * `clients` loops, each POSTing a start command as soon as the previous one was answered, until
 * `stop()`. A command not answered within `limitMs` counts as hung (the fault tests require
 * none). Samples are kept in the order they end.
 */
export function commandLoad(
  url: string,
  token: string,
  options: { clients: number; limitMs?: number },
): { samples: Sample[]; stop: () => Promise<void> } {
  const samples: Sample[] = [];
  const limit = options.limitMs ?? 5000;
  let running = true;
  let n = 0;
  const loop = async () => {
    while (running) {
      const start = performance.now();
      try {
        const res = await fetch(`${url}/api/instances`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify(startCommand((n += 1))),
          signal: AbortSignal.timeout(limit),
        });
        const body = (await res.json().catch(() => ({}))) as { code?: string; retryable?: boolean };
        samples.push({
          start,
          end: performance.now(),
          status: res.status,
          code: body.code,
          retryable: body.retryable,
          hung: false,
        });
      } catch (error) {
        const hung = error instanceof Error && error.name === 'TimeoutError';
        samples.push({
          start,
          end: performance.now(),
          status: 0,
          code: String(error),
          retryable: undefined,
          hung,
        });
        if (!hung) await new Promise((r) => setTimeout(r, 50)); // the server is gone: do not spin
      }
    }
  };
  const loops = Array.from({ length: options.clients }, () => loop());
  return {
    samples,
    stop: async () => {
      running = false;
      await Promise.all(loops);
    },
  };
}

/** ms from `at` to the end of the first 2xx command sent after it (undefined: none yet). */
export function recoveryAfter(samples: readonly Sample[], at: number): number | undefined {
  let best: number | undefined;
  for (const s of samples) {
    if (s.start >= at && s.status >= 200 && s.status < 300) {
      if (best === undefined || s.end < best) best = s.end;
    }
  }
  return best === undefined ? undefined : best - at;
}

/** Percentile (0–100) of a list of numbers, rounded to the ms. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Math.round(sorted[Math.max(0, i)] ?? 0);
}

/** Counts of answers by `status code` (e.g. `201`, `503 DATABASE_UNAVAILABLE`, `hung`). */
export function answers(samples: readonly Sample[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const s of samples) {
    const key = s.hung
      ? 'hung'
      : s.status >= 200 && s.status < 300
        ? String(s.status)
        : `${s.status} ${s.code}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}
