// @vitest-environment happy-dom
import { CertflowError, type JsonObject } from '@certflow/client';
import { pilotFlows } from '@certflow/pilot';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Button, Form } from 'antd';
import { z } from 'zod';
import { describe, expect, it, vi } from 'vitest';
import { renderInConsole } from '../test/render';
import '../test/setup-dom';
import { toInput, type FormValues } from './form-values';
import { SchemaForm } from './schema-form';
import { fieldsOf, walkFields } from './schema-model';
import { applyServerErrors } from './server-errors';

/** The start input's JSON Schema exactly as `GET /api/flows` builds it (apps/server flow-catalog). */
function schemaOf(id: string): { schema: JsonObject; parse: (v: unknown) => unknown } {
  const flow = pilotFlows.find((f) => f.id === id);
  if (!flow) throw new Error(`no flow ${id}`);
  const schema = z.toJSONSchema(flow.input, {
    unrepresentable: 'any',
    io: 'input',
  }) as unknown as JsonObject;
  return { schema, parse: (v) => flow.input.parse(v) };
}

function Harness({
  schema,
  onFinish,
  errorFrom,
}: {
  schema: JsonObject;
  onFinish: (v: FormValues) => void;
  errorFrom?: unknown;
}) {
  const [form] = Form.useForm<FormValues>();
  return (
    <SchemaForm
      schema={schema}
      form={form}
      onFinish={onFinish}
      initialValues={{ collegeId: 'ee', year: 2027 }}
    >
      <Button htmlType="submit">提交申请</Button>
      {errorFrom ? (
        <Button onClick={() => applyServerErrors(form, fieldsOf(schema), errorFrom)}>
          服务器答复
        </Button>
      ) : null}
    </SchemaForm>
  );
}

/** The validation messages antd shows under fields. */
const errors = () =>
  [...document.querySelectorAll('.ant-form-item-explain-error')].map((e) => e.textContent);

const type = (label: string, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });

describe('the form generated from a flow input schema', () => {
  it('labels every field of the pilot-project application in Chinese, with groups and help', () => {
    renderInConsole(
      <Harness schema={schemaOf('pilot-project').schema} onFinish={() => undefined} />,
    );
    for (const label of [
      '年度',
      '二级学院',
      '证书代码',
      '证书名称',
      '等级',
      '培训评价组织',
      '试点规模（人）',
      '耗材费',
      '考核（证书）费',
      '考评员费',
    ]) {
      expect(screen.getByLabelText(label)).toBeTruthy();
    }
    expect(screen.getByRole('group', { name: '证书' })).toBeTruthy();
    expect(screen.getByRole('group', { name: '预算（元）' })).toBeTruthy();
    expect(screen.getByText('须为中级及以上，不得申报初级（第七条第2款）')).toBeTruthy();
    expect(screen.queryByText(/evaluationOrg|certificateFees|collegeId/)).toBeNull();
  });

  it('refuses an empty form with Chinese messages on each required field and sends nothing', async () => {
    const onFinish = vi.fn();
    renderInConsole(<Harness schema={schemaOf('pilot-project').schema} onFinish={onFinish} />);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '提交申请' })));
    await waitFor(() => expect(errors()).toContain('请填写证书代码'));
    expect(errors()).toContain('请选择等级');
    expect(errors()).toContain('请填写耗材费');
    expect(errors()).toContain('请填写培训评价组织');
    expect(onFinish).not.toHaveBeenCalled();
  });

  it('turns what was typed into the flow input (yuan → fen) that the flow itself accepts', async () => {
    const { schema, parse } = schemaOf('pilot-project');
    const onFinish = vi.fn();
    renderInConsole(<Harness schema={schema} onFinish={onFinish} />);
    type('证书代码', 'WEB-FE');
    type('证书名称', 'Web前端开发');
    type('培训评价组织', '工信部教育与考试中心');
    type('试点规模（人）', '40');
    type('耗材费', '2000');
    type('考核（证书）费', '4000.5');
    type('考评员费', '1500');
    fireEvent.mouseDown(screen.getByLabelText('等级'));
    const options = await screen.findAllByText('中级');
    expect(screen.getAllByText('高级').length).toBeGreaterThan(0);
    fireEvent.click(options.at(-1)!);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '提交申请' })));
    await waitFor(() => expect(onFinish).toHaveBeenCalledTimes(1));
    const input = toInput(fieldsOf(schema), onFinish.mock.calls[0]![0] as FormValues);
    expect(input).toEqual({
      year: 2027,
      collegeId: 'ee',
      certificate: { code: 'WEB-FE', name: 'Web前端开发', level: 'intermediate' },
      evaluationOrg: '工信部教育与考试中心',
      scale: 40,
      budget: { consumables: 200000, certificateFees: 400050, examinerFees: 150000 },
    });
    expect(() => parse(input)).not.toThrow();
  });

  it('shows the server refusal on the field it names (a validation issue and a policy refusal)', async () => {
    const { schema } = schemaOf('pilot-project');
    const invalid = new CertflowError(400, {
      code: 'VALIDATION_FAILED',
      message: '输入不合法',
      messageEn: 'Invalid input',
      details: {
        issues: [
          {
            path: 'certificate.code',
            message: 'Too small: expected string to have >=1 characters',
          },
        ],
      },
    });
    const policy = new CertflowError(422, {
      code: 'LEVEL_NOT_ALLOWED',
      message: '申报证书等级须为中级及以上，不得申报初级（第七条第2款）',
      messageEn: 'Only intermediate or advanced',
      details: { level: 'elementary' },
    });
    const first = renderInConsole(
      <Harness schema={schema} onFinish={() => undefined} errorFrom={invalid} />,
    );
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '服务器答复' })));
    const code = screen.getByLabelText('证书代码').closest('.ant-form-item') as HTMLElement;
    await waitFor(() => expect(within(code).getByText('证书代码超出允许的范围')).toBeTruthy());
    first.unmount();
    renderInConsole(<Harness schema={schema} onFinish={() => undefined} errorFrom={policy} />);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '服务器答复' })));
    const level = screen.getByLabelText('等级').closest('.ant-form-item') as HTMLElement;
    await waitFor(() =>
      expect(
        within(level).getByText('申报证书等级须为中级及以上，不得申报初级（第七条第2款）'),
      ).toBeTruthy(),
    );
  });

  it('renders every flow of the pilot without a field it cannot enter, each labelled in Chinese', () => {
    for (const flow of pilotFlows) {
      const fields = walkFields(fieldsOf(schemaOf(flow.id).schema));
      expect(fields.length, flow.id).toBeGreaterThan(0);
      expect(
        fields.filter((f) => f.kind === 'unsupported').map((f) => f.path.join('.')),
        flow.id,
      ).toEqual([]);
      expect(
        fields.filter((f) => !/[\u3400-\u9fff]/u.test(f.label)).map((f) => f.path.join('.')),
        flow.id,
      ).toEqual([]);
    }
  });
});
