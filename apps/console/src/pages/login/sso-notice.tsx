import { Alert, Button, Typography } from 'antd';

/** The campus sign-in page, when the server was told where it is. */
function ssoLoginUrl(): string | undefined {
  const meta = document.querySelector<HTMLMetaElement>('meta[name="certflow-sso-login"]');
  return meta?.content || undefined;
}

/**
 * Production: no passwords here. The campus identity system (统一身份认证) signs a token and
 * sends the browser to `/sso#token=…&next=…` (apps/console/README.md § Sign-in).
 */
export function SsoNotice({ next }: { next: string }) {
  const url = ssoLoginUrl();
  return (
    <>
      <Typography.Title level={2} style={{ fontSize: 18 }}>
        统一身份认证登录
      </Typography.Title>
      <Typography.Paragraph>
        本系统不保存密码，请通过学校统一身份认证平台登录。
      </Typography.Paragraph>
      {url ? (
        <Button
          type="primary"
          size="large"
          href={`${url}${url.includes('?') ? '&' : '?'}next=${encodeURIComponent(next)}`}
        >
          前往统一身份认证登录
        </Button>
      ) : (
        <Alert
          type="info"
          showIcon
          title="请从学校门户（统一身份认证）进入本系统"
          description="如从门户进入后仍看到本页，请联系信息化管理部门。"
        />
      )}
    </>
  );
}
