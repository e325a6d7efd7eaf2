// @vitest-environment happy-dom
import { CertflowError, type FlowInfo, type RoutePreview } from '@certflow/client';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderInConsole } from '../../test/render';
import '../../test/setup-dom';
import { previewRows } from './preview-model';
import { RoutePreviewPanel, type RoutePreviewPanelProps } from './route-preview';

const flow = { id: 'pilot-project', states: [] } as unknown as FlowInfo;

type Step = RoutePreview['steps'][number];
const step = (state: string, id: string, role: string, over: Partial<Step>): Step => ({
  state,
  step: id,
  role,
  scope: 'school',
  mode: 'any',
  threshold: 1,
  current: false,
  approvers: [],
  enteredAt: '2026-12-02T02:00:00.000Z',
  dueAt: null,
  dueProvisional: false,
  dueExplanation: { zh: '5 个工作日', en: '5 working days' },
  ...over,
});

/** The pilot project's preview as `POST /api/flows/pilot-project/preview` answers it. */
const preview: RoutePreview = {
  flow: 'pilot-project',
  flowVersion: 2,
  complete: true,
  assumption: {
    zh: '假定每一环节均在期限当日审批通过。',
    en: 'Each step approves on its deadline.',
  },
  steps: [
    step('collegeReview', 'college', 'college_lead', {
      current: true,
      approvers: [
        { id: 'u-lead', name: '李院长', substitute: null },
        { id: 'u-lead2', name: '赵副院长', substitute: null },
      ],
      dueAt: '2026-12-09T09:30:00.000Z',
      dueExplanation: { zh: '5 个工作日（跳过周末 2 天）', en: '5 working days' },
    }),
    step('academicReview', 'academic', 'academic_affairs', {
      approvers: [{ id: 'u-aa', name: '王处长', substitute: { id: 'u-aa2', name: '刘科长' } }],
      dueAt: '2026-12-16T09:30:00.000Z',
    }),
    step('leadershipReview', 'leadership', 'leadership', {
      mode: 'all',
      threshold: 2,
      approvers: ['钱院长', '孙副校长', '周书记'].map((name, n) => ({
        id: `u-l${n}`,
        name,
        substitute: null,
      })),
      dueAt: '2027-01-05T09:30:00.000Z',
      dueProvisional: true,
      dueExplanation: { zh: '10 个工作日（2027 年节假日安排未导入，仅跳过周末）', en: '…' },
    }),
  ],
};

const panel = (over: Partial<RoutePreviewPanelProps>) =>
  renderInConsole(
    <RoutePreviewPanel
      flow={flow}
      incomplete={false}
      preview={undefined}
      error={null}
      loading={false}
      source="form"
      {...over}
    />,
  );

describe('流程预览 of an application before it is submitted', () => {
  it('names each step in Chinese, who can act (substitutes applied), the due date in Beijing time and its reason', () => {
    const rows = previewRows(flow, preview);
    expect(rows.map((r) => r.name)).toEqual(['二级学院审核', '教务处审核', '领导小组审批']);
    expect(rows[0]).toMatchObject({
      role: '二级学院试点工作小组',
      mode: '或签，一人同意即可',
      approvers: ['李院长', '赵副院长'],
      due: '2026/12/09 17:30',
      reason: '5 个工作日（跳过周末 2 天）',
      provisional: false,
      first: true,
    });
    expect(rows[1]?.approvers).toEqual(['王处长（刘科长代理）']);
    expect(rows[1]?.mode).toBe('');
    expect(rows[2]).toMatchObject({
      role: '1+X试点工作领导小组',
      mode: '会签，2 人同意即通过',
      provisional: true,
      first: false,
    });
  });

  it('renders the steps in order, marks only the provisional date 暂定 and explains it', () => {
    panel({ preview });
    const region = screen.getByRole('region', { name: '预览审批流程' });
    const steps = within(region).getAllByRole('listitem');
    expect(steps.map((s) => s.getAttribute('data-step'))).toEqual([
      '二级学院审核',
      '教务处审核',
      '领导小组审批',
    ]);
    expect(within(steps[0]!).getByText('提交后进入')).toBeTruthy();
    expect(within(steps[0]!).queryByText('暂定')).toBeNull();
    expect(within(steps[1]!).getByText('办理人：王处长（刘科长代理）')).toBeTruthy();
    expect(within(steps[2]!).getByText('暂定')).toBeTruthy();
    expect(within(steps[2]!).getByText(/期限：2027\/01\/05 17:30/)).toBeTruthy();
    expect(within(region).getByText(/该年度的法定节假日安排尚未由教务处导入/)).toBeTruthy();
    expect(within(region).getByText('假定每一环节均在期限当日审批通过。')).toBeTruthy();
    expect(within(region).getByText('按当前填写内容')).toBeTruthy();
  });

  it('asks for a complete form first, and says a refusal in the server’s words', () => {
    const first = panel({ incomplete: true });
    expect(screen.getByText(/填写完整后，这里显示申请将经过的审批环节/)).toBeTruthy();
    expect(screen.queryAllByRole('listitem')).toEqual([]);
    first.unmount();
    const refusal = new CertflowError(422, {
      code: 'LEVEL_NOT_ALLOWED',
      message: '申报证书等级须为中级及以上，不得申报初级（第七条第2款）',
      messageEn: 'Only intermediate or advanced',
    });
    panel({ error: refusal, source: 'draft' });
    expect(
      screen.getByText('暂时无法预览：申报证书等级须为中级及以上，不得申报初级（第七条第2款）'),
    ).toBeTruthy();
    expect(screen.queryByText(/LEVEL_NOT_ALLOWED|422/)).toBeNull();
    expect(screen.getByText('按已保存的草稿')).toBeTruthy();
  });
});
