import type { FlowInfo, Instance, Task } from '@certflow/client';
import { Button, Card, Space, Typography } from 'antd';
import { useState } from 'react';
import { eventLabel } from '../../labels/events';
import { stateLabel } from '../../labels/states';
import { useSignedIn } from '../../session/session-context';
import { DecisionModal } from './decision-modal';
import { myActions } from './my-actions';
import { ResubmitDrawer } from './resubmit-drawer';

const PRIMARY = new Set(['APPROVE', 'RESUBMIT', 'SUBMIT']);
const DANGER = new Set(['REJECT']);

/** 办理: the buttons of what the signed-in person may do now on this instance. */
export interface ActionPanelProps {
  readonly instance: Instance;
  readonly flow: FlowInfo | undefined;
  readonly onReload: () => void;
  readonly onDone: (text: string) => void;
}

export function ActionPanel({ instance, flow, onReload, onDone }: ActionPanelProps) {
  const { user } = useSignedIn();
  const [open, setOpen] = useState<{ event: string; task: Task | null } | null>(null);
  const groups = myActions(instance, flow, user);
  if (groups.length === 0) return null;
  return (
    <Card
      title="办理"
      size="small"
      style={{ marginBottom: 16 }}
      styles={{ body: { paddingBottom: 8 } }}
    >
      {groups.map((g) => (
        <div key={g.task?.id ?? 'submitter'} style={{ marginBottom: 8 }}>
          <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8 }}>
            {g.task ? `当前环节：${stateLabel(flow, g.task.state)}` : '申请人操作'}
          </Typography.Text>
          <Space wrap>
            {g.events.map((event) => (
              <Button
                key={event}
                type={PRIMARY.has(event) ? 'primary' : 'default'}
                danger={DANGER.has(event)}
                onClick={() => setOpen({ event, task: g.task })}
              >
                {eventLabel(event)}
              </Button>
            ))}
          </Space>
        </div>
      ))}
      {open && open.event === 'RESUBMIT' && flow ? (
        <ResubmitDrawer
          instance={instance}
          flow={flow}
          task={open.task}
          onClose={() => setOpen(null)}
          onDone={onDone}
        />
      ) : open ? (
        <DecisionModal
          instance={instance}
          task={open.task}
          event={open.event}
          onClose={() => setOpen(null)}
          onReload={onReload}
          onDone={onDone}
        />
      ) : null}
    </Card>
  );
}
