import type { JsonObject, Messages } from '@certflow/engine';
import { budgetTotal, LEVELS, yuan, type Budget, type Level } from '../../common.js';
import type { QuotaPosition } from './quota-position.js';

/** A row of a mail's field table (structurally `MailField` of `@certflow/mail`). */
export interface MailFieldLike {
  readonly label: Messages;
  readonly value: string;
}

interface ApplicationLike {
  year?: number;
  certificate?: { name?: string; code?: string; level?: Level };
  evaluationOrg?: string;
  scale?: number;
  budget?: Budget;
  justification?: string;
}

const REASONS = { scale: '超出试点规模数', budget: '超出上一年度执行预算' } as const;
const SOURCES = { override: '教务处录入', ledger: '按上年度项目台账计算' } as const;

/**
 * The field table of a pilot-project mail (`engineMailContext({ fields: { 'pilot-project': … } })`):
 * the application, and for version 2 the college's year against its quota — flagged
 * 【超规模/超预算】 with the figures and the applicant's justification, so the 领导小组 sees what it
 * decides on (第七条2). Version-1 instances show the application alone.
 */
export function projectMailFields(context: JsonObject): MailFieldLike[] {
  const a = (context.application ?? {}) as ApplicationLike;
  const q = context.quota as unknown as QuotaPosition | undefined;
  const out: MailFieldLike[] = [];
  const add = (zh: string, en: string, value: string | undefined): void => {
    if (value !== undefined && value !== '') out.push({ label: { zh, en }, value });
  };
  add('年度', 'Year', a.year === undefined ? undefined : String(a.year));
  add('证书名称', 'Certificate', a.certificate?.name);
  add('等级', 'Level', a.certificate?.level ? LEVELS[a.certificate.level].zh : undefined);
  add('培训评价组织', 'Evaluation organization', a.evaluationOrg);
  add(
    '试点规模（人）',
    'Pilot scale (people)',
    a.scale === undefined ? undefined : String(a.scale),
  );
  add('预算合计', 'Budget (total)', a.budget ? `${yuan(budgetTotal(a.budget))} 元` : undefined);
  if (!q || typeof q.over !== 'boolean') return out;
  add(
    '规模与预算',
    'Scale and budget',
    q.over
      ? `【${q.reasons.map((r) => REASONS[r]).join('、')}】须领导小组审批（第七条第2款）`
      : '未超出试点规模数和上一年度执行预算',
  );
  add(
    '本学院本年度申报规模',
    "College's applications of the year (people)",
    `${q.scale.college} 人（${q.projects} 项）／试点规模数 ${q.scale.quota ?? '未设定'}`,
  );
  const executed =
    q.budget.lastYearExecuted === null
      ? '无数据'
      : `${yuan(q.budget.lastYearExecuted)} 元（${q.budget.source ? SOURCES[q.budget.source] : ''}${q.budget.note ? `：${q.budget.note}` : ''}）`;
  add(
    '本学院本年度申报预算',
    "College's applications of the year (budget)",
    `${yuan(q.budget.college)} 元／上一年度执行预算 ${executed}`,
  );
  add('超出理由', 'Justification', a.justification);
  return out;
}
