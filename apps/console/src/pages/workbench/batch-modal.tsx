import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import type { BatchResult, InboxTask } from '@certflow/client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { errorText } from '../../api/error-text';
import { useApi } from '../../api/use-api';
import { TONE } from '../../labels/tones';
import { batchRequest, outcomesOf, summaryOf } from './batch-model';

/**
 * 批量同意: the selected tasks, one optional opinion for all, then each item's result — 已同意 or
 * the server's refusal in Chinese (each item is its own command: a refused one changes nothing,
 * the others stay decided). The lists refresh when it is done.
 */
export default function BatchModal({
  tasks,
  onClose,
}: {
  tasks: readonly InboxTask[];
  onClose: (decided: boolean) => void;
}) {
  const api = useApi();
  const queryClient = useQueryClient();
  const [comment, setComment] = useState('');
  // One key per dialog: a repeated click (or a retried request) applies nothing twice.
  const [key] = useState(() => crypto.randomUUID());
  const send = useMutation({
    mutationFn: () =>
      api.batchApprove(
        batchRequest(
          tasks.map((t) => t.id),
          comment,
        ),
        { idempotencyKey: key },
      ),
    onSettled: () => queryClient.invalidateQueries(),
  });
  const result: BatchResult | undefined = send.data;
  const titleOf = (id: string) => tasks.find((t) => t.id === id)?.title;
  const close = () => onClose(result !== undefined);

  return (
    <Modal
      open
      title={result ? '批量同意结果' : `批量同意（${tasks.length} 项）`}
      onCancel={close}
      maskClosable={!send.isPending}
      footer={
        result ? (
          <Button type="primary" onClick={close}>
            关闭
          </Button>
        ) : (
          <Space>
            <Button onClick={close} disabled={send.isPending}>
              取消
            </Button>
            <Button type="primary" loading={send.isPending} onClick={() => send.mutate()}>
              确认批量同意
            </Button>
          </Space>
        )
      }
    >
      {result ? (
        <>
          <Alert
            type={result.refused === 0 ? 'success' : 'warning'}
            showIcon
            title={summaryOf(result)}
            style={{ marginBottom: 12 }}
          />
          <ul aria-label="逐项结果" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {outcomesOf(result, titleOf).map((o) => (
              <li key={o.taskId} style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0' }}>
                <Space align="start">
                  {o.ok ? (
                    <CheckCircleFilled style={{ color: TONE.green }} aria-hidden />
                  ) : (
                    <CloseCircleFilled style={{ color: TONE.red }} aria-hidden />
                  )}
                  <div>
                    <Typography.Text strong style={{ display: 'block' }}>
                      {o.title}
                    </Typography.Text>
                    <Typography.Text style={{ color: o.ok ? TONE.green : TONE.red }}>
                      {o.ok ? '已同意' : `未能办理：${o.text}`}
                    </Typography.Text>
                  </div>
                </Space>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <>
          <Typography.Paragraph>
            以下事项将逐件同意，每件按其当前版本与规则单独办理：
          </Typography.Paragraph>
          <ul style={{ paddingLeft: 20, maxHeight: 220, overflowY: 'auto' }}>
            {tasks.map((t) => (
              <li key={t.id}>{t.title}</li>
            ))}
          </ul>
          <Input.TextArea
            aria-label="审批意见（选填）"
            placeholder="审批意见（选填，将用于每一项）"
            autoSize={{ minRows: 2, maxRows: 5 }}
            maxLength={2000}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
          />
          {send.isError ? (
            <Alert type="error" showIcon style={{ marginTop: 12 }} title={errorText(send.error)} />
          ) : null}
        </>
      )}
    </Modal>
  );
}
