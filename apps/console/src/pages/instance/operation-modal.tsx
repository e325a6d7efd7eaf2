import {
  CertflowError,
  type FlowInfo,
  type Instance,
  type InstanceSteps,
  type Task,
} from '@certflow/client';
import { Alert, Button, Form, Input, Modal, Radio, Select, Space, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useInstanceCommand, usePhrases, useSavePhrases } from '../../api/instance-queries';
import { useSignedIn } from '../../session/session-context';
import { commandOf, POSITIONS, type OperationValues } from './operation-command';
import { removableSigners, returnTargets, type Operation } from './operations-model';
import { PersonPicker } from './person-picker';
import { phraseChoices, REASON_REQUIRED, withPhrase } from './phrases';
import { refusalText } from './refusal-text';

export interface OperationModalProps {
  readonly instance: Instance;
  readonly flow: FlowInfo | undefined;
  readonly steps: InstanceSteps | undefined;
  readonly task: Task | null;
  readonly operation: Operation;
  readonly applicant: string;
  readonly onClose: () => void;
  /** Reload the instance (after a version conflict). */
  readonly onReload: () => void;
  /** Tell the person it worked (a toast of the page). */
  readonly onDone: (text: string) => void;
}

const PERSON_FIELD: Readonly<
  Partial<Record<Operation['kind'], { label: string; multiple: boolean }>>
> = {
  transfer: { label: '转办给', multiple: false },
  delegate: { label: '委派给', multiple: false },
  addSigner: { label: '加签人', multiple: false },
  copy: { label: '抄送给', multiple: true },
};

const COMMENT_LABEL: Readonly<Partial<Record<Operation['kind'], string>>> = {
  resolve: '办理意见',
  transfer: '转办说明',
  delegate: '委派说明',
  addSigner: '加签说明',
  copy: '抄送说明',
  removeSigner: '减签说明',
  takeBack: '拿回说明',
};

/**
 * One operation with its opinion: 常用意见 one click away (the person's own first, and the
 * current text saved as one), a person where the operation names one, the step of a 退回, the
 * position of a 加签, the approver of a 减签.
 */
export function OperationModal({
  instance,
  flow,
  steps,
  task,
  operation,
  applicant,
  onClose,
  onReload,
  onDone,
}: OperationModalProps) {
  const { user } = useSignedIn();
  const [form] = Form.useForm<OperationValues>();
  const [error, setError] = useState<{ text: string; conflict: boolean } | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  // One key per intended command: a double click or a retry applies once.
  const key = useRef(crypto.randomUUID());
  const command = useInstanceCommand(instance.id);
  const own = usePhrases().data?.items ?? [];
  const savePhrases = useSavePhrases();
  const { kind, event, label } = operation;
  const person = PERSON_FIELD[kind];
  const needsReason = REASON_REQUIRED.has(event);
  const signers = kind === 'removeSigner' ? removableSigners(steps, user) : [];
  const targets = kind === 'return' ? returnTargets(steps, flow, applicant) : [];

  const submit = async (values: OperationValues) => {
    setError(null);
    const run = commandOf(operation, instance, task, values);
    try {
      await command.mutateAsync((client) =>
        run(client, { ifMatch: instance.version, idempotencyKey: key.current }),
      );
      onDone(`已${label}`);
      onClose();
    } catch (e) {
      key.current = crypto.randomUUID();
      setError({
        text: refusalText(e),
        conflict: e instanceof CertflowError && e.code === 'VERSION_CONFLICT',
      });
    }
  };

  const savePhrase = async () => {
    const comment: unknown = form.getFieldValue('comment');
    const next = withPhrase(own, typeof comment === 'string' ? comment : '');
    if (!next) {
      setSaved('意见为空、已在常用意见中，或常用意见已满 50 条');
      return;
    }
    try {
      await savePhrases.mutateAsync(next);
      setSaved('已存为常用意见');
    } catch (e) {
      setSaved(refusalText(e));
    }
  };

  const phrases = phraseChoices(own, event);
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
      <Form<OperationValues>
        form={form}
        layout="vertical"
        initialValues={{
          position: 'before',
          ...(kind === 'return' ? { toStep: 'applicant' } : {}),
          ...(signers.length === 1 ? { signer: signers[0]?.id } : {}),
        }}
        onFinish={(v) => void submit(v)}
      >
        {kind === 'return' ? (
          <Form.Item
            name="toStep"
            label="退回至"
            rules={[{ required: true, message: '请选择退回到哪个环节' }]}
            extra="退回到已办理的环节，由当时的审批人重新办理"
          >
            <Select options={targets} />
          </Form.Item>
        ) : null}
        {kind === 'removeSigner' ? (
          <Form.Item
            name="signer"
            label="减去的加签人"
            rules={[{ required: true, message: '请选择要减去的加签人' }]}
          >
            <Select options={signers.map((s) => ({ value: s.id, label: s.name }))} />
          </Form.Item>
        ) : null}
        {person ? (
          <Form.Item
            name="person"
            label={person.label}
            rules={[{ required: true, message: `请选择${person.label.replace('给', '')}对象` }]}
          >
            <PersonPicker
              multiple={person.multiple}
              task={kind === 'copy' ? null : task}
              exclude={[user.id, ...(kind === 'copy' ? [] : [instance.submitterId])]}
            />
          </Form.Item>
        ) : null}
        {kind === 'addSigner' ? (
          <Form.Item name="position" label="加签方式">
            <Radio.Group
              options={POSITIONS.map((p) => ({
                value: p.value,
                label: (
                  <span>
                    {p.label}
                    <Typography.Text
                      type="secondary"
                      style={{ fontSize: 12, marginInlineStart: 4 }}
                    >
                      {p.hint}
                    </Typography.Text>
                  </span>
                ),
              }))}
              style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
            />
          </Form.Item>
        ) : null}
        <Form.Item
          name="comment"
          label={needsReason ? `${label}理由` : (COMMENT_LABEL[kind] ?? '审批意见')}
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
        <div style={{ marginBottom: 16 }}>
          <Space size={[4, 8]} wrap aria-label="常用意见">
            {phrases.map((p) => (
              <Button key={p} size="small" onClick={() => form.setFieldValue('comment', p)}>
                {p}
              </Button>
            ))}
            <Button
              size="small"
              type="dashed"
              loading={savePhrases.isPending}
              onClick={() => void savePhrase()}
            >
              存为常用意见
            </Button>
          </Space>
          {saved ? (
            <Typography.Text type="secondary" role="status" style={{ display: 'block' }}>
              {saved}
            </Typography.Text>
          ) : null}
        </div>
        <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>取消</Button>
          <Button
            type="primary"
            danger={event === 'REJECT'}
            htmlType="submit"
            loading={command.isPending}
          >
            确认{label}
          </Button>
        </Space>
      </Form>
    </Modal>
  );
}
