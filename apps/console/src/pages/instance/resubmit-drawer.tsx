import { type FlowInfo, type Instance, type JsonObject, type Task } from '@certflow/client';
import { Alert, Button, Drawer, Form, Grid, Input, Space } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { useInstanceCommand } from '../../api/instance-queries';
import { useDirectory } from '../../api/people';
import { toFormValues, toInput, type FormValues } from '../../schema-form/form-values';
import { SchemaForm } from '../../schema-form/schema-form';
import { fieldsOf } from '../../schema-form/schema-model';
import { applyServerErrors } from '../../schema-form/server-errors';
import { applicationOf } from './application';

/** 修改后重新提交: the application's form again, filled in, sent as `RESUBMIT { input }`. */
export interface ResubmitDrawerProps {
  readonly instance: Instance;
  readonly flow: FlowInfo;
  readonly task: Task | null;
  readonly onClose: () => void;
  readonly onDone: (text: string) => void;
}

export function ResubmitDrawer({ instance, flow, task, onClose, onDone }: ResubmitDrawerProps) {
  const phone = Grid.useBreakpoint().md === false;
  const [form] = Form.useForm<FormValues>();
  const [error, setError] = useState<string | null>(null);
  const [comment, setComment] = useState('');
  const key = useRef(crypto.randomUUID());
  const send = useInstanceCommand(instance.id);
  const colleges = useDirectory().data?.colleges ?? [];
  const fields = useMemo(() => fieldsOf(flow.inputSchema), [flow]);
  const initial = useMemo(
    () => toFormValues(fields, applicationOf(instance) ?? {}),
    [fields, instance],
  );

  const submit = async (values: FormValues) => {
    setError(null);
    const input: JsonObject = toInput(fields, values);
    try {
      const event = {
        type: 'RESUBMIT',
        data: { input },
        ...(comment.trim() ? { comment: comment.trim() } : {}),
        ...(task ? { taskId: task.id } : {}),
      };
      await send.mutateAsync((client) =>
        client.sendEvent(instance.id, event, {
          ifMatch: instance.version,
          idempotencyKey: key.current,
        }),
      );
      onDone('已重新提交');
      onClose();
    } catch (e) {
      key.current = crypto.randomUUID();
      setError(applyServerErrors(form, fields, e, ['input']));
    }
  };

  return (
    <Drawer
      open
      title="修改后重新提交"
      onClose={onClose}
      size={phone ? '100%' : 640}
      destroyOnHidden
    >
      {error ? (
        <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />
      ) : null}
      <SchemaForm
        schema={flow.inputSchema}
        form={form}
        initialValues={initial}
        locked={['collegeId']}
        choices={{ collegeId: colleges.map((c) => ({ value: c.id, label: c.name })) }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item label="修改说明">
          <Input.TextArea
            rows={2}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            placeholder="说明本次修改的内容（选填）"
          />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={send.isPending}>
            重新提交
          </Button>
          <Button onClick={onClose}>取消</Button>
        </Space>
      </SchemaForm>
    </Drawer>
  );
}
