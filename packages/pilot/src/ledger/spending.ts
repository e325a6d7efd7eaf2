import type { ReferenceWrite } from '@certflow/engine';
import { z } from 'zod';
import { fen } from '../common.js';

/**
 * Reference data kind of a college's actual spending (据实核销, 第十一条), keyed by the college id:
 * per project year, per project, what its ledger has spent. Written with every expense the
 * `assessment` flow records (in the same command as the ledger), read by `pilot-project` as
 * last year's executed budget (上一年度执行预算, 第七条2).
 *
 * Keyed by college, not by year: an expense names its project (and so its college) but not its
 * year, which only the project record holds — and a flow declares the rows it loads from its
 * start input alone.
 */
export const SPENDING_REF = 'spending';
export const spendingKey = (collegeId: string): string => collegeId;

export const spendingRow = z.object({
  collegeId: z.string(),
  /** Project year (`2027`) → project id → spent so far, in fen (the ledger's total). */
  years: z.record(z.string(), z.record(z.string(), fen)),
});
export type SpendingRow = z.infer<typeof spendingRow>;

/** The stored row, or an empty one. */
export function spendingOf(raw: unknown, collegeId: string): SpendingRow {
  const parsed = spendingRow.safeParse(raw);
  return parsed.success && parsed.data.collegeId === collegeId
    ? parsed.data
    : { collegeId, years: {} };
}

/**
 * The row with one project's total spending set — a pure function of the row and the ledger as
 * read, so a command decided again on a newer row writes the right figure.
 */
export function withProjectSpent(
  row: SpendingRow,
  year: number,
  projectId: string,
  spent: number,
): SpendingRow {
  const key = String(year);
  return {
    collegeId: row.collegeId,
    years: { ...row.years, [key]: { ...(row.years[key] ?? {}), [projectId]: spent } },
  };
}

/** What the college's projects of `year` spent in all; `null` when none of them recorded any. */
export function yearSpent(row: SpendingRow, year: number): number | null {
  const projects = row.years[String(year)];
  if (!projects || Object.keys(projects).length === 0) return null;
  return Object.values(projects).reduce((a, b) => a + b, 0);
}

export function spendingWrite(row: SpendingRow): ReferenceWrite {
  return {
    kind: SPENDING_REF,
    key: spendingKey(row.collegeId),
    value: JSON.parse(JSON.stringify(row)) as ReferenceWrite['value'],
  };
}
