import { FileAddOutlined } from '@ant-design/icons';
import { Alert, Card, Col, Empty, Row, Skeleton, Typography } from 'antd';
import { Link } from 'react-router';
import { errorText } from '../../api/error-text';
import { useFlows } from '../../api/queries';
import { roleLabel } from '../../labels/roles';
import { useSignedIn } from '../../session/session-context';
import { startableFlows } from './startable';

/** 发起申请: the flows this person may start, as cards. */
export default function StartPage() {
  const { user } = useSignedIn();
  const flows = useFlows();
  const mine = startableFlows(flows.data?.items ?? [], user);
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 20 }}>
        发起申请
      </Typography.Title>
      {flows.isError ? <Alert type="error" showIcon title={errorText(flows.error)} /> : null}
      {flows.isPending ? <Skeleton active /> : null}
      {flows.data && mine.length === 0 ? <Empty description="您的角色没有可发起的流程" /> : null}
      <Row gutter={[12, 12]}>
        {mine.map((f) => (
          <Col key={f.id} xs={24} sm={12} lg={8}>
            <Link to={`/start/${f.id}`} aria-label={`发起：${f.title.zh}`}>
              <Card hoverable size="small">
                <Card.Meta
                  avatar={<FileAddOutlined style={{ fontSize: 24, color: '#1677ff' }} />}
                  title={f.title.zh}
                  description={`发起人：${f.startedBy.roles.map(roleLabel).join('、')}`}
                />
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
    </>
  );
}
