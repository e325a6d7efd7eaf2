import type { JsonObject, ReferenceReader } from '@certflow/engine';
import { budgetTotal, QUOTA_REF, quota, quotaKey } from '../../common.js';
import { SPENDING_REF, spendingKey, spendingOf, yearSpent } from '../../ledger/spending.js';
import type { ProjectApplication } from './input.js';
import { othersTotals, TALLY_REF, tallyKey, tallyOf } from './tally.js';

/**
 * Where an application stands against the college's 试点规模数 and last year's executed budget
 * (第七条2), counted over all the college's applications of the year (第六条2), with the figures
 * the 领导小组 sees. JSON-safe: it is kept in the instance context.
 */
export interface QuotaPosition {
  /** Over the scale or over last year's executed budget: a justification is required. */
  readonly over: boolean;
  readonly reasons: readonly ('scale' | 'budget')[];
  /** What could not be checked: no quota row, or no figure of last year's spending. */
  readonly flags: readonly ('quota-missing' | 'budget-baseline-missing')[];
  readonly scale: {
    /** The 试点规模数; null without a quota row. */
    readonly quota: number | null;
    /** The college's applications of the year with this one (people). */
    readonly college: number;
    readonly project: number;
  };
  readonly budget: {
    /** 上一年度执行预算 (fen); null when unknown. */
    readonly lastYearExecuted: number | null;
    /** `override`: entered by 教务处 on the quota row; `ledger`: last year's projects' ledgers. */
    readonly source: 'override' | 'ledger' | null;
    /** What the ledgers of last year's projects spent (fen), whatever the source. */
    readonly ledgerSpent: number | null;
    readonly note: string | null;
    /** The college's applications of the year with this one (fen). */
    readonly college: number;
    readonly project: number;
  };
  /** The college's applications of the year, this one included. */
  readonly projects: number;
}

/** The references a position reads: the quota row, the year's tally, the college's spending. */
export function positionReferences(year: number, collegeId: string) {
  return [
    { kind: QUOTA_REF, key: quotaKey(year, collegeId) },
    { kind: TALLY_REF, key: tallyKey(year, collegeId) },
    { kind: SPENDING_REF, key: spendingKey(collegeId) },
  ];
}

/** The position of `application` (instance `instanceId`) as the rows read say. */
export function quotaPosition(
  application: ProjectApplication,
  instanceId: string,
  refs: ReferenceReader,
): QuotaPosition {
  const { year, collegeId } = application;
  const q = quota.safeParse(refs.get(QUOTA_REF, quotaKey(year, collegeId)));
  const others = othersTotals(
    tallyOf(refs.get(TALLY_REF, tallyKey(year, collegeId)), year, collegeId),
    instanceId,
  );
  const ledgerSpent = yearSpent(
    spendingOf(refs.get(SPENDING_REF, spendingKey(collegeId)), collegeId),
    year - 1,
  );
  const override = q.success ? q.data.budget : undefined;
  const lastYearExecuted = override ?? ledgerSpent;
  const scale = {
    quota: q.success ? q.data.scale : null,
    college: others.scale + application.scale,
    project: application.scale,
  };
  const project = budgetTotal(application.budget);
  const budget = {
    lastYearExecuted,
    source:
      override !== undefined
        ? ('override' as const)
        : ledgerSpent !== null
          ? ('ledger' as const)
          : null,
    ledgerSpent,
    note: (q.success ? q.data.budgetNote : undefined) ?? null,
    college: others.budget + project,
    project,
  };
  const reasons = [
    ...(scale.quota !== null && scale.college > scale.quota ? (['scale'] as const) : []),
    ...(lastYearExecuted !== null && budget.college > lastYearExecuted
      ? (['budget'] as const)
      : []),
  ];
  const flags = [
    ...(q.success ? [] : (['quota-missing'] as const)),
    ...(lastYearExecuted === null ? (['budget-baseline-missing'] as const) : []),
  ];
  return { over: reasons.length > 0, reasons, flags, scale, budget, projects: others.projects + 1 };
}

export function positionJson(p: QuotaPosition): JsonObject {
  return JSON.parse(JSON.stringify(p)) as JsonObject;
}

/** The position a rule passed to the machine (`refs.quota`), if any. */
export function positionIn(refs: JsonObject | undefined): QuotaPosition | undefined {
  const value = refs?.quota;
  return value && typeof value === 'object' && !Array.isArray(value) && 'over' in value
    ? (value as unknown as QuotaPosition)
    : undefined;
}
