import { CertflowError, type Instance, type Task } from '@certflow/client';
import { Alert, Button, Form, Input, Modal, Space } from 'antd';
import { useRef, useState } from 'react';
import { errorText } from '../../api/error-text';
import { eventLabel } from '../../labels/events';
import { useSignedIn } from '../../session/session-context';
import { PersonPicker } from './person-picker';
import { PHRASES, REASON_REQUIRED } from './phrases';
import { useSendEvent } from './use-send-event';

export interface DecisionModalProps {
  readonly instance: Instance;
  readonly task: Task | null;
  readonly event: string;
  readonly onClose: () => void;
  /** Reload the instance (after a version conflict). */
  readonly onReload: () => void;
  /** Tell the person it worked (a toast of the page). */
  readonly onDone: (text: string) => void;
}

interface Values {
  comment?: string;
  person?: string | string[];
}

const PERSON_FIELD: Readonly<Record<string, { key: string; label: string; multiple: boolean }>> = {
  TRANSFER: { key: 'to', label: '转办给', multiple: false },
  ADD_APPROVER: { key: 'userId', label: '加签人', multiple: false },
  CC: { key: 'userIds', label: '抄送给', multiple: true },
};

/** One decision with its opinion (常用意见 one click away), a person where the operation names one. */
export function DecisionModal({
  instance,
  task,
  event,
  onClose,
  onReload,
  onDone,
}: DecisionModalProps) {
  const { user } = useSignedIn();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<{ text: string; conflict: boolean } | null>(null);
  // One key per intended decision: a double click or a retry applies once.
  const key = useRef(crypto.randomUUID());
  const send = useSendEvent(instance.id);
  const label = eventLabel(event);
  const person = PERSON_FIELD[event];
  const needsReason = REASON_REQUIRED.has(event);

  const submit = async (values: Values) => {
    setError(null);
    const data =
      person && values.person !== undefined ? { [person.key]: values.person } : undefined;
    try {
      await send.mutateAsync({
        event: {
          type: event,
          ...(values.comment?.trim() ? { comment: values.comment.trim() } : {}),
          ...(data ? { data } : {}),
          ...(task ? { taskId: task.id } : {}),
        },
        version: instance.version,
        idempotencyKey: key.current,
      });
      onDone(`已${label}`);
      onClose();
    } catch (e) {
      key.current = crypto.randomUUID();
      setError({
        text: errorText(e),
        conflict: e instanceof CertflowError && e.code === 'VERSION_CONFLICT',
      });
    }
  };

  const phrases = PHRASES[event] ?? [];
  return (
    <Modal open title={label} onCancel={onClose} footer={null} destroyOnHidden>
      {error ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={error.text}
          style={{ marginBottom: 12 }}
          action={
            error.conflict ? (
              <Button
                size="small"
                onClick={() => {
                  onReload();
                  onClose();
                }}
              >
                刷新
              </Button>
            ) : undefined
          }
        />
      ) : null}
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        {person ? (
          <Form.Item
            name="person"
            label={person.label}
            rules={[{ required: true, message: `请选择${person.label.replace('给', '')}对象` }]}
          >
            <PersonPicker multiple={person.multiple} task={task} exclude={[user.id]} />
          </Form.Item>
        ) : null}
        <Form.Item
          name="comment"
          label={needsReason ? `${label}理由` : '审批意见'}
          rules={
            needsReason ? [{ required: true, whitespace: true, message: `请填写${label}理由` }] : []
          }
        >
          <Input.TextArea
            rows={3}
            maxLength={2000}
            showCount
            placeholder={needsReason ? `请说明${label}的理由` : '可填写意见（选填）'}
          />
        </Form.Item>
        {phrases.length > 0 ? (
          <Space size={[4, 8]} wrap style={{ marginBottom: 16 }} aria-label="常用意见">
            {phrases.map((p) => (
              <Button key={p} size="small" onClick={() => form.setFieldValue('comment', p)}>
                {p}
              </Button>
            ))}
          </Space>
        ) : null}
        <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>取消</Button>
          <Button
            type="primary"
            danger={event === 'REJECT'}
            htmlType="submit"
            loading={send.isPending}
          >
            确认{label}
          </Button>
        </Space>
      </Form>
    </Modal>
  );
}
