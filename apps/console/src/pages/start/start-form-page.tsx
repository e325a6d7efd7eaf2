import type { JsonObject } from '@certflow/client';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Breadcrumb, Button, Card, Form, Result, Skeleton, Space, Typography } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useDirectory } from '../../api/people';
import { flowIndex, useFlows } from '../../api/queries';
import { useApi } from '../../api/use-api';
import { toInput, type FormValues } from '../../schema-form/form-values';
import { SchemaForm } from '../../schema-form/schema-form';
import { fieldsOf } from '../../schema-form/schema-model';
import { applyServerErrors } from '../../schema-form/server-errors';
import { useSignedIn } from '../../session/session-context';
import { initialInput } from './initial-input';

/** The application form of one flow, generated from its input schema; the server validates again. */
export default function StartFormPage() {
  const { flowId = '' } = useParams();
  const { user } = useSignedIn();
  const api = useApi();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const flows = useFlows();
  const flow = flowIndex(flows.data?.items ?? []).latest.get(flowId);
  const [form] = Form.useForm<FormValues>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // One key per intended submission: a double click or a retry after a timeout applies once.
  const key = useRef(crypto.randomUUID());
  const colleges = useDirectory().data?.colleges ?? [];
  const fields = useMemo(() => (flow ? fieldsOf(flow.inputSchema) : []), [flow]);

  if (flows.isPending) return <Skeleton active />;
  if (!flow)
    return (
      <Result status="404" title="没有这个流程" extra={<Link to="/start">返回发起申请</Link>} />
    );

  const locked = user.college && fields.some((f) => f.key === 'collegeId') ? ['collegeId'] : [];
  const submit = async (values: FormValues) => {
    setBusy(true);
    setError(null);
    try {
      const input: JsonObject = toInput(fields, values);
      const started = await api.startInstance(flow.id, input, { idempotencyKey: key.current });
      await queryClient.invalidateQueries();
      void navigate(`/instances/${started.id}`, { replace: true, state: { started: true } });
    } catch (e) {
      setError(applyServerErrors(form, fields, e));
      key.current = crypto.randomUUID();
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Breadcrumb
        items={[{ title: <Link to="/start">发起申请</Link> }, { title: flow.title.zh }]}
        style={{ marginBottom: 12 }}
      />
      <Typography.Title level={1} style={{ fontSize: 20 }}>
        {flow.title.zh}
      </Typography.Title>
      <Card style={{ maxWidth: 760 }}>
        {error ? (
          <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />
        ) : null}
        <SchemaForm
          schema={flow.inputSchema}
          form={form}
          initialValues={initialInput(fields, user)}
          locked={locked}
          choices={{ collegeId: colleges.map((c) => ({ value: c.id, label: c.name })) }}
          onFinish={(v) => void submit(v)}
        >
          <Space>
            <Button type="primary" htmlType="submit" loading={busy}>
              提交申请
            </Button>
            <Button onClick={() => void navigate(-1)}>取消</Button>
          </Space>
        </SchemaForm>
      </Card>
    </>
  );
}
