import type { InboxTask } from '@certflow/client';
import { Button, Checkbox, Grid, Space, Tag, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { Link } from 'react-router';
import { flowIndex, useFlows, useInbox } from '../../api/queries';
import { formatDateTime } from '../../format/time';
import { stateLabel } from '../../labels/states';
import { TONE } from '../../labels/tones';
import { BATCH_MAX, keepSelected, selectable } from './batch-model';
import { DueTag } from './due-tag';
import { ListFrame, usableFilter } from './list-frame';
import { useScanFrom } from './scan-notice';
import { WORK_LIST_FIELDS } from './list-filters';
import type { ListPageProps } from './list-page';
import { requestOf } from './work-lists';

// The dialog (and its result list) loads when 批量同意 is pressed, not with the first screen.
const BatchModal = lazy(() => import('./batch-modal'));

/** 待办's status is always 审批中: no status filter. */
const TODO_FIELDS = WORK_LIST_FIELDS.filter((f) => f !== 'status');

/**
 * 待办: the caller's open tasks, oldest deadline first, filtered, searched and paged by the
 * server. A list of cards as in 钉钉/飞书审批; a task whose step allows 批量审批 has a checkbox,
 * and the selected ones are approved together (批量同意).
 */
export function TaskList(props: ListPageProps) {
  const { page, pageSize, now, onPage } = props;
  const phone = Grid.useBreakpoint().md === false;
  const filter = usableFilter(props.filter);
  const [scanFrom, setScanFrom] = useScanFrom(filter);
  const inbox = useInbox(requestOf(filter, page, pageSize, scanFrom));
  const flows = useFlows();
  const index = flowIndex(flows.data?.items ?? []);
  const flowOf = (t: InboxTask) => index.byVersion.get(`${t.flow}@${t.instance.flowVersion}`);
  const [picked, setPicked] = useState<string[]>([]);
  const [deciding, setDeciding] = useState<InboxTask[] | null>(null);
  const tasks = inbox.data?.items ?? [];
  const batchable = selectable(tasks);
  // A refresh may take tasks away (decided elsewhere): only what is still listed stays selected.
  const selected = keepSelected(picked, tasks);
  const all = batchable.length > 0 && batchable.every((t) => selected.includes(t.id));
  const toggle = (id: string, on: boolean) =>
    setPicked(on ? [...selected, id] : selected.filter((s) => s !== id));

  return (
    <>
      <ListFrame<InboxTask>
        page={props}
        fields={TODO_FIELDS}
        query={inbox}
        onScan={setScanFrom}
        empty="暂无待办事项"
        keyOf={(t) => t.id}
        onPage={(p, size) => {
          setPicked([]);
          onPage(p, size);
        }}
        before={
          batchable.length > 0 ? (
            <Space
              wrap
              style={{
                marginBottom: 12,
                padding: '8px 12px',
                background: '#fff',
                border: '1px solid #f0f0f0',
                borderRadius: 8,
                width: '100%',
              }}
            >
              <Checkbox
                checked={all}
                indeterminate={selected.length > 0 && !all}
                onChange={(e) =>
                  setPicked(e.target.checked ? batchable.slice(0, BATCH_MAX).map((t) => t.id) : [])
                }
              >
                全选可批量办理的（{batchable.length} 项）
              </Checkbox>
              <Typography.Text type="secondary">已选 {selected.length} 项</Typography.Text>
              <Button
                type="primary"
                disabled={selected.length === 0}
                onClick={() => setDeciding(batchable.filter((t) => selected.includes(t.id)))}
              >
                批量同意
              </Button>
            </Space>
          ) : null
        }
        render={(t) => (
          <div style={{ display: 'flex', gap: 12, alignItems: 'flex-start' }}>
            {t.batch ? (
              <Checkbox
                aria-label={`选择：${t.title}`}
                checked={selected.includes(t.id)}
                disabled={!selected.includes(t.id) && selected.length >= BATCH_MAX}
                onChange={(e) => toggle(t.id, e.target.checked)}
                style={{ marginTop: 2 }}
              />
            ) : null}
            <Link to={`/instances/${t.instanceId}`} style={{ display: 'block', flex: 1 }}>
              <Typography.Text strong style={{ display: 'block', overflowWrap: 'anywhere' }}>
                {t.title}
              </Typography.Text>
              <Space size={[4, 4]} wrap style={{ marginTop: 6 }}>
                <Tag>{flowOf(t)?.title.zh ?? t.flow}</Tag>
                <Tag color={TONE.blue}>{stateLabel(flowOf(t), t.state)}</Tag>
                <DueTag dueAt={t.dueAt} due={t.due} now={now} />
                {t.instance.submitterName ? (
                  <Typography.Text type="secondary">{t.instance.submitterName}</Typography.Text>
                ) : null}
                {phone ? null : (
                  <Typography.Text type="secondary">
                    到达 {formatDateTime(t.createdAt)}
                  </Typography.Text>
                )}
              </Space>
            </Link>
          </div>
        )}
      />
      {deciding ? (
        <Suspense fallback={null}>
          <BatchModal
            tasks={deciding}
            onClose={(decided) => {
              setDeciding(null);
              if (decided) setPicked([]);
            }}
          />
        </Suspense>
      ) : null}
    </>
  );
}
