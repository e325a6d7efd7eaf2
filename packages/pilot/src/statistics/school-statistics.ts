import type { JsonObject } from '@certflow/engine';
import { budgetTotal, LEVELS } from '../common.js';
import { ledger as ledgerSchema, ledgerTotals } from '../ledger/ledger.js';
import { projectRef, type ProjectRef } from '../ledger/project-ref.js';

/**
 * What the statistics are computed from, as stored: the year's project records (`project`), their
 * ledgers (`ledger`), and the contexts of their assessment cycles (`assessment` instances that
 * were not rejected or withdrawn).
 */
export interface StatisticsSource {
  readonly year: number;
  readonly projects: readonly JsonObject[];
  /** Project id → stored ledger. */
  readonly ledgers: Readonly<Record<string, JsonObject | undefined>>;
  readonly assessments: ReadonlyArray<{ readonly projectId: string; readonly context: JsonObject }>;
}

/** One line of the school's statistics: a college's projects of one certificate. */
export interface StatisticsRow {
  readonly collegeId: string;
  readonly certificateCode: string;
  readonly certificateName: string;
  readonly level: string;
  readonly projects: number;
  /** Approved pilot scale (people). */
  readonly scale: number;
  /** Students selected for training and assessment (with their consent, 第七条4). */
  readonly trained: number;
  readonly examined: number;
  readonly passed: number;
  /** passed / examined, 0–1; null before any result. */
  readonly passRate: number | null;
  /** Fen: the allocated budget (after adjustments), what was spent (据实核销), what is left. */
  readonly budget: number;
  readonly spent: number;
  readonly remaining: number;
  /** spent / budget, 0–1; null without a budget. */
  readonly spendingRate: number | null;
}

export interface SchoolStatistics {
  readonly year: number;
  readonly rows: readonly StatisticsRow[];
  /** Per college, all certificates together. */
  readonly colleges: readonly StatisticsRow[];
  readonly total: StatisticsRow;
}

interface Counts {
  projects: number;
  scale: number;
  trained: number;
  examined: number;
  passed: number;
  budget: number;
  spent: number;
}
const zero = (): Counts => ({
  projects: 0,
  scale: 0,
  trained: 0,
  examined: 0,
  passed: 0,
  budget: 0,
  spent: 0,
});
const add = (a: Counts, b: Counts): Counts => ({
  projects: a.projects + b.projects,
  scale: a.scale + b.scale,
  trained: a.trained + b.trained,
  examined: a.examined + b.examined,
  passed: a.passed + b.passed,
  budget: a.budget + b.budget,
  spent: a.spent + b.spent,
});
const ratio = (n: number, d: number): number | null =>
  d > 0 ? Math.round((n / d) * 10_000) / 10_000 : null;

function row(
  key: Omit<StatisticsRow, keyof Counts | 'passRate' | 'remaining' | 'spendingRate'>,
  c: Counts,
): StatisticsRow {
  return {
    ...key,
    ...c,
    passRate: ratio(c.passed, c.examined),
    remaining: c.budget - c.spent,
    spendingRate: ratio(c.spent, c.budget),
  };
}

function projectCounts(p: ProjectRef, source: StatisticsSource): Counts {
  const stored = ledgerSchema.safeParse(source.ledgers[p.id]);
  const totals = stored.success ? ledgerTotals(stored.data).total : null;
  const cycles = source.assessments.filter((a) => a.projectId === p.id);
  const count = (key: string, pick?: (v: JsonObject) => boolean): number =>
    cycles.reduce((n, a) => {
      const list = a.context[key];
      if (!Array.isArray(list)) return n;
      return n + (pick ? list.filter((v) => pick(v as JsonObject)).length : list.length);
    }, 0);
  return {
    projects: 1,
    scale: p.scale,
    trained: count('students'),
    examined: count('results'),
    passed: count('results', (r) => r.passed === true),
    budget: totals?.allocated ?? budgetTotal(p.budget),
    spent: totals?.spent ?? 0,
  };
}

/**
 * The school's statistics of a year (第五条4 统计工作, 第十四条 及时上报相关数据): projects, students
 * trained, pass rates and spending against budget, per college and certificate, per college, and
 * for the school. Cancelled projects (第七条1) count with what they did before. Pure.
 */
export function schoolStatistics(source: StatisticsSource): SchoolStatistics {
  const lines = new Map<string, { key: Parameters<typeof row>[0]; counts: Counts }>();
  const byCollege = new Map<string, Counts>();
  let total = zero();
  for (const raw of source.projects) {
    const parsed = projectRef.safeParse(raw);
    if (!parsed.success || parsed.data.year !== source.year) continue;
    const p = parsed.data;
    const c = projectCounts(p, source);
    const id = `${p.collegeId}\u0000${p.certificate.code}`;
    const line = lines.get(id) ?? {
      key: {
        collegeId: p.collegeId,
        certificateCode: p.certificate.code,
        certificateName: p.certificate.name,
        level: LEVELS[p.certificate.level].zh,
      },
      counts: zero(),
    };
    lines.set(id, { ...line, counts: add(line.counts, c) });
    byCollege.set(p.collegeId, add(byCollege.get(p.collegeId) ?? zero(), c));
    total = add(total, c);
  }
  const sorted = [...lines.values()].sort((a, b) =>
    a.key.collegeId === b.key.collegeId
      ? a.key.certificateCode.localeCompare(b.key.certificateCode)
      : a.key.collegeId.localeCompare(b.key.collegeId),
  );
  const all = { certificateCode: '', certificateName: '合计', level: '' };
  return {
    year: source.year,
    rows: sorted.map((l) => row(l.key, l.counts)),
    colleges: [...byCollege.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([collegeId, c]) => row({ collegeId, ...all }, c)),
    total: row({ collegeId: '全校', ...all }, total),
  };
}
