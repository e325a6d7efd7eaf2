import type { FlowInfo, RoutePreview } from '@certflow/client';
import { Alert, Card, Skeleton, Tag, Typography } from 'antd';
import { errorText } from '../../api/error-text';
import { previewRows } from './preview-model';

export interface RoutePreviewPanelProps {
  readonly flow: FlowInfo | undefined;
  /** The form is not complete yet: nothing was asked. */
  readonly incomplete: boolean;
  readonly preview: RoutePreview | undefined;
  readonly error: unknown;
  readonly loading: boolean;
  /** Where the preview comes from: the saved draft, or what is typed now. */
  readonly source: 'draft' | 'form';
}

const muted = { color: 'rgba(0,0,0,0.65)' } as const;

/**
 * 预览审批流程: the steps the application will go through if submitted now, who can act at each
 * (代理人 applied), and by when with the reason of each date (docs/http-api.md § Preview).
 */
export function RoutePreviewPanel({
  flow,
  incomplete,
  preview,
  error,
  loading,
  source,
}: RoutePreviewPanelProps) {
  const rows = preview ? previewRows(flow, preview) : [];
  let body: React.ReactNode;
  if (incomplete) {
    body = (
      <Typography.Paragraph style={muted}>
        填写完整后，这里显示申请将经过的审批环节、每一环节的办理人和办理期限。
      </Typography.Paragraph>
    );
  } else if (error) {
    // A status, not an alert: the form shows the same refusal when it is submitted.
    body = (
      <Alert type="warning" showIcon role="status" title={`暂时无法预览：${errorText(error)}`} />
    );
  } else if (!preview) {
    body = loading ? <Skeleton active paragraph={{ rows: 3 }} /> : null;
  } else {
    body = (
      <>
        <ol aria-label="审批环节" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {rows.map((r, n) => (
            <li
              key={r.key}
              data-step={r.name}
              style={{
                padding: '10px 0 10px 12px',
                borderInlineStart: `3px solid ${r.first ? '#1677ff' : '#d9d9d9'}`,
                marginBottom: 8,
              }}
            >
              <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 6 }}>
                <Typography.Text strong>
                  {n + 1}. {r.name}
                </Typography.Text>
                {r.first ? <Tag color="blue">提交后进入</Tag> : null}
              </div>
              <div style={muted}>
                {r.role}
                {r.mode ? ` · ${r.mode}` : ''}
              </div>
              <div style={{ overflowWrap: 'anywhere' }}>
                办理人：{r.approvers.length > 0 ? r.approvers.join('、') : '暂无可办理的人员'}
              </div>
              <div>
                期限：{r.due}
                {r.provisional ? (
                  <Tag color="orange" style={{ marginInlineStart: 6 }}>
                    暂定
                  </Tag>
                ) : null}
              </div>
              {r.reason ? (
                <div style={{ ...muted, fontSize: 12, overflowWrap: 'anywhere' }}>{r.reason}</div>
              ) : null}
            </li>
          ))}
        </ol>
        {rows.some((r) => r.provisional) ? (
          <Typography.Paragraph style={{ ...muted, fontSize: 12 }}>
            暂定：该年度的法定节假日安排尚未由教务处导入，期限只按周末计算，导入后可能调整。
          </Typography.Paragraph>
        ) : null}
        <Typography.Paragraph style={{ ...muted, fontSize: 12, marginBottom: 0 }}>
          {preview.assumption.zh}
          {preview.complete ? '' : ' 之后的环节视审批结果而定。'}
        </Typography.Paragraph>
      </>
    );
  }
  return (
    <Card
      size="small"
      title={
        <h2 style={{ fontSize: 16, margin: 0 }} id="route-preview-title">
          预览审批流程
        </h2>
      }
      extra={
        <span style={{ ...muted, fontSize: 12 }}>
          {loading ? '更新中…' : source === 'draft' ? '按已保存的草稿' : '按当前填写内容'}
        </span>
      }
      aria-labelledby="route-preview-title"
      role="region"
    >
      <div aria-live="polite">{body}</div>
    </Card>
  );
}
