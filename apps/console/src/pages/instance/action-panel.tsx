import type { FlowInfo, HistoryEntry, Instance, InstanceSteps, Task } from '@certflow/client';
import { Alert, Button, Card, Space, Typography } from 'antd';
import { useState } from 'react';
import { useSignedIn } from '../../session/session-context';
import { OperationModal } from './operation-modal';
import { operationGroups, type Operation } from './operations-model';
import { ResubmitDrawer } from './resubmit-drawer';

const PRIMARY = new Set(['APPROVE', 'RESUBMIT', 'SUBMIT', 'RESOLVE']);
const DANGER = new Set(['REJECT']);

/** 办理: the buttons of what the signed-in person may do now on this instance. */
export interface ActionPanelProps {
  readonly instance: Instance;
  readonly flow: FlowInfo | undefined;
  readonly steps: InstanceSteps | undefined;
  readonly history: readonly HistoryEntry[];
  readonly person: (id: string) => string;
  readonly onReload: () => void;
  readonly onDone: (text: string) => void;
}

export function ActionPanel({
  instance,
  flow,
  steps,
  history,
  person,
  onReload,
  onDone,
}: ActionPanelProps) {
  const { user } = useSignedIn();
  const [open, setOpen] = useState<{ operation: Operation; task: Task | null } | null>(null);
  const groups = operationGroups(instance, flow, user, steps, history, person);
  if (groups.length === 0) return null;
  return (
    <Card
      title="办理"
      size="small"
      style={{ marginBottom: 16 }}
      styles={{ body: { paddingBottom: 8 } }}
    >
      {groups.map((g) => (
        <div key={g.key} style={{ marginBottom: 8 }}>
          <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8 }}>
            {g.title}
          </Typography.Text>
          {g.note ? (
            <Alert type="info" showIcon title={g.note} style={{ marginBottom: 8 }} />
          ) : null}
          <Space wrap>
            {g.operations.map((operation) => (
              <Button
                key={operation.event}
                type={PRIMARY.has(operation.event) ? 'primary' : 'default'}
                danger={DANGER.has(operation.event)}
                onClick={() => setOpen({ operation, task: g.task })}
              >
                {operation.label}
              </Button>
            ))}
          </Space>
        </div>
      ))}
      {open && open.operation.kind === 'resubmit' && flow ? (
        <ResubmitDrawer
          instance={instance}
          flow={flow}
          task={open.task}
          onClose={() => setOpen(null)}
          onDone={onDone}
        />
      ) : open ? (
        <OperationModal
          instance={instance}
          flow={flow}
          steps={steps}
          task={open.task}
          operation={open.operation}
          applicant={person(instance.submitterId)}
          onClose={() => setOpen(null)}
          onReload={onReload}
          onDone={onDone}
        />
      ) : null}
    </Card>
  );
}
