import type { Messages } from '@certflow/engine';

/** Labels for the keys of an application shown in a mail's field table. */
export interface FieldLabels {
  readonly keys: Readonly<Record<string, Messages>>;
  /** Display names of enumerated values, per key. */
  readonly values: Readonly<Record<string, Readonly<Record<string, Messages>>>>;
  /** Keys holding amounts in fen by category; shown as their total in yuan. */
  readonly money: Readonly<Record<string, true>>;
}

/** The 1+X application fields (DOMAIN-NOTES: certificate, level, organization, scale, budget). */
export const DEFAULT_FIELD_LABELS: FieldLabels = {
  keys: {
    year: { zh: '年度', en: 'Year' },
    'certificate.name': { zh: '证书名称', en: 'Certificate' },
    'certificate.code': { zh: '证书代码', en: 'Certificate code' },
    'certificate.level': { zh: '等级', en: 'Level' },
    level: { zh: '等级', en: 'Level' },
    evaluationOrg: { zh: '培训评价组织', en: 'Evaluation organization' },
    scale: { zh: '试点规模（人）', en: 'Pilot scale (people)' },
    budget: { zh: '预算合计', en: 'Budget (total)' },
    reason: { zh: '理由', en: 'Reason' },
  },
  values: {
    'certificate.level': {
      elementary: { zh: '初级', en: 'elementary' },
      intermediate: { zh: '中级', en: 'intermediate' },
      advanced: { zh: '高级', en: 'advanced' },
    },
    level: {
      elementary: { zh: '初级', en: 'elementary' },
      intermediate: { zh: '中级', en: 'intermediate' },
      advanced: { zh: '高级', en: 'advanced' },
    },
  },
  money: { budget: true },
};
