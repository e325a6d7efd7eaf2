import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Button, Dropdown, Space, Typography } from 'antd';
import { namer, useDirectory } from '../api/people';
import { roleLabel } from '../labels/roles';
import { useSignedIn, useSession } from '../session/session-context';

/** Who is signed in (name, role, college) and 退出登录. */
export function UserMenu({ compact }: { compact: boolean }) {
  const { user } = useSignedIn();
  const { signOut } = useSession();
  const names = namer(useDirectory().data);
  const role = user.roles.map(roleLabel).join('、');
  const where = user.college ? names.college(user.college) : '';
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'who', label: `${role}${where ? ` · ${where}` : ''}`, disabled: true },
          {
            key: 'until',
            label: `登录有效至 ${new Date(user.expiresAt).toLocaleString('zh-CN', { hour12: false })}`,
            disabled: true,
          },
          { type: 'divider' },
          {
            key: 'logout',
            icon: <LogoutOutlined />,
            label: '退出登录',
            onClick: () => signOut('signed-out'),
          },
        ],
      }}
    >
      <Button type="text" style={{ height: 48 }}>
        <Space>
          <Avatar size="small" icon={<UserOutlined />} style={{ backgroundColor: '#0958d9' }} />
          <span>{user.name}</span>
          {compact ? null : <Typography.Text type="secondary">{where || role}</Typography.Text>}
        </Space>
      </Button>
    </Dropdown>
  );
}
