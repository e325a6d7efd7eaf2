import { UserOutlined } from '@ant-design/icons';
import { Alert, Avatar, Card, Col, Row, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { Person } from '../../api/people';
import { useApi } from '../../api/use-api';
import { useSession } from '../../session/session-context';
import { demoLogin } from './demo-login';
import { TONE } from '../../labels/tones';

/** Demo mode: one click on a person signs in as them (an 8-hour token from the server). */
export function DemoPicker({ people, next }: { people: readonly Person[]; next: string }) {
  const api = useApi();
  const { signIn } = useSession();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const pick = async (person: Person) => {
    setBusy(person.key);
    setError(null);
    const answer = await demoLogin(api, person.key);
    setBusy(null);
    if ('error' in answer) {
      setError(answer.error);
      return;
    }
    if (signIn(answer.token)) void navigate(next, { replace: true });
  };

  return (
    <>
      <Typography.Title level={2} style={{ fontSize: 18 }}>
        演示环境：选择身份登录
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        演示学校有两个二级学院，每个角色一人。点击任一人员即以其身份登录（8 小时内有效）。
      </Typography.Paragraph>
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <Row gutter={[12, 12]}>
        {people.map((p) => (
          <Col key={p.key} xs={24} sm={12} md={8}>
            <Card
              hoverable
              size="small"
              role="button"
              tabIndex={0}
              onClick={() => void pick(p)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault();
                  void pick(p);
                }
              }}
              loading={busy === p.key}
            >
              <Card.Meta
                avatar={<Avatar icon={<UserOutlined />} style={{ backgroundColor: '#0958d9' }} />}
                title={p.name}
                description={
                  <>
                    {p.roles.map((r) => (
                      <Tag key={r.id} color={TONE.blue}>
                        {r.name}
                      </Tag>
                    ))}
                    <div style={{ marginTop: 4 }}>
                      {p.college ? p.college.name : '学校职能部门'}
                    </div>
                  </>
                }
              />
            </Card>
          </Col>
        ))}
      </Row>
    </>
  );
}
