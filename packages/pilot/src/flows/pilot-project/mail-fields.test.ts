import type { JsonObject } from '@certflow/engine';
import { describe, expect, it } from 'vitest';
import { projectApplication } from '../../testing/fixtures.js';
import { projectMailFields } from './mail-fields.js';
import type { QuotaPosition } from './quota-position.js';

const position = (overrides: Partial<QuotaPosition> = {}): QuotaPosition => ({
  over: false,
  reasons: [],
  flags: [],
  scale: { quota: 100, college: 70, project: 40 },
  budget: {
    lastYearExecuted: 1_234_567,
    source: 'override',
    ledgerSpent: null,
    note: null,
    college: 1_500_000,
    project: 750_000,
  },
  projects: 2,
  ...overrides,
});
const rows = (context: JsonObject) =>
  projectMailFields(context).map((f) => [f.label.zh, f.label.en, f.value]);
const context = (quota?: QuotaPosition, justification?: string): JsonObject =>
  JSON.parse(
    JSON.stringify({
      application: { ...projectApplication(), ...(justification ? { justification } : {}) },
      ...(quota ? { quota } : {}),
    }),
  ) as JsonObject;

/** The field table the 领导小组's mail shows of a pilot-project application (第七条2). */
describe('projectMailFields', () => {
  const application = [
    ['年度', 'Year', '2027'],
    ['证书名称', 'Certificate', 'Web前端开发'],
    ['等级', 'Level', '中级'],
    ['培训评价组织', 'Evaluation organization', '工信部教育与考试中心'],
    ['试点规模（人）', 'Pilot scale (people)', '40'],
    ['预算合计', 'Budget (total)', '7,500.00 元'],
  ];

  it('version 1 (no quota position): the application alone', () => {
    expect(rows(context())).toEqual(application);
    expect(rows({ ...context(), quota: { over: 'yes' } })).toEqual(application);
  });

  it('within the quota: said so, with the figures and the entered baseline', () => {
    expect(rows(context(position()))).toEqual([
      ...application,
      ['规模与预算', 'Scale and budget', '未超出试点规模数和上一年度执行预算'],
      [
        '本学院本年度申报规模',
        "College's applications of the year (people)",
        '70 人（2 项）／试点规模数 100',
      ],
      [
        '本学院本年度申报预算',
        "College's applications of the year (budget)",
        '15,000.00 元／上一年度执行预算 12,345.67 元（教务处录入）',
      ],
    ]);
  });

  it('over both: flagged for the 领导小组 with the reasons, the ledger baseline, its note and the justification', () => {
    const over = position({
      over: true,
      reasons: ['scale', 'budget'],
      scale: { quota: null, college: 70, project: 40 },
      budget: {
        lastYearExecuted: 100_000,
        source: 'ledger',
        ledgerSpent: 100_000,
        note: '含结转',
        college: 1_500_000,
        project: 750_000,
      },
    });
    expect(rows(context(over, '订单班扩招')).slice(application.length)).toEqual([
      [
        '规模与预算',
        'Scale and budget',
        '【超出试点规模数、超出上一年度执行预算】须领导小组审批（第七条第2款）',
      ],
      [
        '本学院本年度申报规模',
        "College's applications of the year (people)",
        '70 人（2 项）／试点规模数 未设定',
      ],
      [
        '本学院本年度申报预算',
        "College's applications of the year (budget)",
        '15,000.00 元／上一年度执行预算 1,000.00 元（按上年度项目台账计算：含结转）',
      ],
      ['超出理由', 'Justification', '订单班扩招'],
    ]);
  });

  it('no baseline: 无数据; a baseline without a source shows none', () => {
    const none = position({
      budget: { ...position().budget, lastYearExecuted: null, source: null },
    });
    expect(rows(context(none)).at(-1)).toEqual([
      '本学院本年度申报预算',
      "College's applications of the year (budget)",
      '15,000.00 元／上一年度执行预算 无数据',
    ]);
    const unsourced = position({ budget: { ...position().budget, source: null } });
    expect(rows(context(unsourced)).at(-1)?.[2]).toBe(
      '15,000.00 元／上一年度执行预算 12,345.67 元（）',
    );
  });

  it('a field the application lacks (or leaves empty) is not shown', () => {
    expect(rows({})).toEqual([]);
    expect(rows({ application: { evaluationOrg: '', certificate: {} } })).toEqual([]);
    expect(rows({ application: { scale: 0, year: 2027 } })).toEqual([
      ['年度', 'Year', '2027'],
      ['试点规模（人）', 'Pilot scale (people)', '0'],
    ]);
  });
});
