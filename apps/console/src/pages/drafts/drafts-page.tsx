import { CertflowError, type DraftSummary } from '@certflow/client';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Grid, Popconfirm, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { errorText } from '../../api/error-text';
import { flowIndex, useFlows } from '../../api/queries';
import { startKeys, useDrafts } from '../../api/start-queries';
import { useApi } from '../../api/use-api';
import { formatDateTime } from '../../format/time';
import { CardList } from '../workbench/card-list';
import { draftTitle } from './draft-title';

/** 草稿箱: my saved applications (the server shows each person only their own), to go on with. */
export default function DraftsPage() {
  const api = useApi();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const phone = Grid.useBreakpoint().md === false;
  const [page, setPage] = useState({ page: 1, pageSize: 10 });
  const drafts = useDrafts(page.page, page.pageSize);
  const flows = flowIndex(useFlows().data?.items ?? []).latest;
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<{ id: string; text: string } | null>(null);

  const act = async (d: DraftSummary, what: 'submit' | 'delete') => {
    setBusy(`${what}:${d.id}`);
    setError(null);
    try {
      if (what === 'delete') {
        await api.deleteDraft(d.id);
        await queryClient.invalidateQueries({ queryKey: startKeys.drafts });
        return;
      }
      // The server starts it with the files saved in the draft (docs/http-api.md § Drafts).
      const started = await api.submitDraft(d.id);
      await queryClient.invalidateQueries();
      void navigate(`/instances/${started.id}`, { state: { started: true } });
    } catch (e) {
      const incomplete = e instanceof CertflowError && e.code === 'VALIDATION_FAILED';
      setError({
        id: d.id,
        text: incomplete
          ? `草稿尚未填写完整（${errorText(e)}），请继续编辑后再提交。`
          : errorText(e),
      });
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 20 }}>
        草稿箱
      </Typography.Title>
      <Typography.Paragraph style={{ color: 'rgba(0,0,0,0.65)' }}>
        保存而未提交的申请，只有您本人可以看到；提交时按流程规则检查。
      </Typography.Paragraph>
      {drafts.isError ? (
        <Alert type="error" showIcon role="alert" title={errorText(drafts.error)} />
      ) : null}
      <CardList<DraftSummary>
        items={drafts.data?.items}
        loading={drafts.isPending}
        empty="草稿箱是空的：在申请表上点“保存草稿”即可保存到这里"
        keyOf={(d) => d.id}
        page={page.page}
        pageSize={page.pageSize}
        total={drafts.data?.total ?? 0}
        phone={phone}
        onPage={(p, size) => setPage({ page: p, pageSize: size })}
        render={(d) => {
          const flow = flows.get(d.flow);
          const edit = `/start/${encodeURIComponent(d.flow)}?draft=${encodeURIComponent(d.id)}`;
          const files = d.attachments.length;
          return (
            <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}>
              <div style={{ flex: '1 1 240px', minWidth: 0 }}>
                <Link to={edit} style={{ fontWeight: 500, overflowWrap: 'anywhere' }}>
                  {draftTitle(d, flow)}
                </Link>
                <div style={{ color: 'rgba(0,0,0,0.65)', fontSize: 13 }}>
                  {flow?.title.zh ?? d.flow} · 保存于 {formatDateTime(d.updatedAt)}
                  {files > 0 ? ` · 附件 ${files} 个` : ''}
                </div>
                {error?.id === d.id ? (
                  <Alert
                    type="error"
                    showIcon
                    role="alert"
                    title={error.text}
                    style={{ marginTop: 8 }}
                  />
                ) : null}
              </div>
              <Space wrap size={4}>
                <Button size="small" onClick={() => void navigate(edit)}>
                  继续编辑
                </Button>
                <Button
                  size="small"
                  type="primary"
                  loading={busy === `submit:${d.id}`}
                  onClick={() => void act(d, 'submit')}
                  aria-label={`提交草稿：${draftTitle(d, flow)}`}
                >
                  提交
                </Button>
                <Popconfirm
                  title="删除这份草稿？"
                  description="删除后无法恢复。"
                  okText="删除"
                  cancelText="取消"
                  okButtonProps={{ danger: true }}
                  onConfirm={() => void act(d, 'delete')}
                >
                  <Button
                    size="small"
                    danger
                    loading={busy === `delete:${d.id}`}
                    aria-label={`删除草稿：${draftTitle(d, flow)}`}
                  >
                    删除
                  </Button>
                </Popconfirm>
              </Space>
            </div>
          );
        }}
      />
    </>
  );
}
