import { Alert, Card, Col, message, Result, Row, Skeleton } from 'antd';
import { Link, useParams } from 'react-router';
import { useCalendar } from '../../api/admin-queries';
import { errorText } from '../../api/error-text';
import { useSteps } from '../../api/instance-queries';
import { flowIndex, useFlows, useHistory, useInstance } from '../../api/queries';
import { useNow } from '../../format/use-now';
import { ActionPanel } from './action-panel';
import { FlowDiagram } from './diagram/flow-diagram';
import { InstanceFields } from './instance-fields';
import { InstanceHeader } from './instance-header';
import { Timeline } from './timeline';
import { usePersonNamer } from './person-names';
import { provisionalCheck } from './provisional';
import { SheetLinks } from './sheet-links';
import { StepProgressList } from './step-progress';
import { stepProgressOf } from './step-progress-model';
import { timelineOf } from './timeline-model';
import { VerifyCard } from './verify-card';

/** 申请详情: fields, what I may do, the timeline, the diagram, the audit check. */
export default function InstancePage() {
  const { id = '' } = useParams();
  const instance = useInstance(id);
  const history = useHistory(id, instance.data?.version);
  const steps = useSteps(id, instance.data?.version);
  const person = usePersonNamer(history.data?.items ?? [], steps.data);
  const flows = useFlows();
  const now = useNow();
  const [toast, toastHolder] = message.useMessage();
  const calendar = useCalendar();

  if (instance.isPending) return <Skeleton active />;
  if (instance.isError) {
    return (
      <Result
        status="warning"
        title={errorText(instance.error)}
        extra={<Link to="/">返回工作台</Link>}
      />
    );
  }
  const data = instance.data;
  const flow = flowIndex(flows.data?.items ?? []).byVersion.get(`${data.flow}@${data.flowVersion}`);
  const entries = history.data?.items ?? [];
  const timeline = timelineOf(data, entries, flow, person, provisionalCheck(calendar.data?.years));
  const progress = data.status === 'active' ? stepProgressOf(steps.data, flow, person) : [];

  return (
    <>
      {toastHolder}
      <Card style={{ marginBottom: 16 }}>
        <InstanceHeader instance={data} flow={flow} history={entries} />
        <SheetLinks instance={data} />
      </Card>
      <ActionPanel
        instance={data}
        flow={flow}
        steps={steps.data}
        history={entries}
        person={person}
        onReload={() => void instance.refetch()}
        onDone={(text) => void toast.success(text)}
      />
      <Row gutter={[16, 0]}>
        <Col xs={24} lg={14}>
          <Card title="申请内容" size="small" style={{ marginBottom: 16 }}>
            <InstanceFields instance={data} flow={flow} />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          {progress.length > 0 ? (
            <Card title="当前环节审批情况" size="small" style={{ marginBottom: 16 }}>
              <StepProgressList items={progress} />
            </Card>
          ) : null}
          <Card title="审批记录" size="small" style={{ marginBottom: 16 }}>
            {history.isError ? (
              <Alert type="error" showIcon title={errorText(history.error)} />
            ) : null}
            {history.isPending ? (
              <Skeleton active />
            ) : (
              <Timeline items={timeline} now={now} instanceId={data.id} />
            )}
          </Card>
          <Card title="审计校验" size="small" style={{ marginBottom: 16 }}>
            <VerifyCard instanceId={data.id} />
          </Card>
        </Col>
      </Row>
      <Card title="流程图" size="small" style={{ marginBottom: 16 }}>
        {flow && history.data ? (
          <FlowDiagram flow={flow} instance={data} history={entries} />
        ) : (
          <Skeleton active />
        )}
      </Card>
    </>
  );
}
