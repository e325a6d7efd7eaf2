import { Alert, Card, Spin, Typography } from 'antd';
import { Navigate, useSearchParams } from 'react-router';
import { useDirectory } from '../../api/people';
import { useSession } from '../../session/session-context';
import { safeNext } from '../../session/session-store';
import { DemoPicker } from './demo-picker';
import { SsoNotice } from './sso-notice';

const REASONS: Readonly<Record<string, string>> = {
  expired: '登录已过期，请重新登录。',
  unauthorized: '登录凭证已失效，请重新登录。',
  'signed-out': '您已退出登录。',
};

/** 登录: the demo school's people (demo mode) or the campus identity system's hand-off. */
export default function LoginPage() {
  const { session } = useSession();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const reason = REASONS[params.get('reason') ?? ''];
  const directory = useDirectory();
  if (session) return <Navigate to={next} replace />;
  return (
    <main style={{ minHeight: '100vh', background: '#f5f7fa', padding: '32px 12px' }}>
      <div style={{ maxWidth: 880, margin: '0 auto' }}>
        <Typography.Title level={1} style={{ fontSize: 24, textAlign: 'center' }}>
          1+X 证书试点审批平台
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          试点项目申报、考核计划、经费与整改的线上审批
        </Typography.Paragraph>
        {reason ? <Alert type="info" showIcon title={reason} style={{ marginBottom: 16 }} /> : null}
        <Card>
          {directory.isPending ? (
            <Spin />
          ) : directory.data?.demo ? (
            <DemoPicker people={directory.data.people} next={next} />
          ) : (
            <SsoNotice next={next} />
          )}
        </Card>
      </div>
    </main>
  );
}
