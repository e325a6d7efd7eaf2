import { projectApplication } from '@certflow/pilot/testing';
import { describe, expect, it } from 'vitest';
import { applicationFields } from './sheet-source.js';

describe('the application fields of the approval sheet', () => {
  it('shows the submitted application in Chinese, nested values flattened', () => {
    const fields = applicationFields({
      instanceId: 'i-1',
      submitterId: 'u-owner',
      application: { ...projectApplication(), justification: '新增专业需要' },
      quota: { scale: 10 },
      revisions: 0,
    });
    expect(fields).toContainEqual({ label: '年度', value: '2027' });
    expect(fields).toContainEqual({ label: '证书 · 名称', value: 'Web前端开发' });
    expect(fields).toContainEqual({ label: '证书 · 等级', value: '中级' });
    expect(fields).toContainEqual({ label: '预算（分） · 证书费', value: '400000' });
    expect(fields).toContainEqual({ label: '申请理由', value: '新增专业需要' });
    // Only the application: no quota position, no bookkeeping.
    expect(fields.map((f) => f.label).join()).not.toMatch(/scale|revisions|instanceId/u);
  });

  it('falls back to the context without its bookkeeping', () => {
    expect(applicationFields({ instanceId: 'i', projectId: 'p-1', done: true })).toEqual([
      { label: '试点项目', value: 'p-1' },
      { label: 'done', value: '是' },
    ]);
  });
});
