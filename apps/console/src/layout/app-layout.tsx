import { MenuOutlined } from '@ant-design/icons';
import { Button, Grid, Layout, Menu } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useSignedIn } from '../session/session-context';
import { navItemsFor, navKeyOf } from './nav-items';
import { UserMenu } from './user-menu';

const TITLE = '1+X 证书试点审批平台';

// Phones only: the drawer's code loads when it is first opened.
const PhoneDrawer = lazy(() => import('./phone-drawer'));

/** The console's frame: a left menu on desktop, a drawer on phones, the user menu at the top. */
export function AppLayout() {
  const { user } = useSignedIn();
  const screens = Grid.useBreakpoint();
  const phone = screens.md === false;
  const [drawer, setDrawer] = useState(false);
  const navigate = useNavigate();
  const location = useLocation();
  const items = navItemsFor(user).map(({ key, label, icon }) => ({ key, label, icon }));
  const menu = (
    <Menu
      mode="inline"
      selectedKeys={[navKeyOf(location.pathname)]}
      items={items}
      onClick={({ key }) => {
        setDrawer(false);
        void navigate(key);
      }}
      style={{ borderInlineEnd: 'none' }}
    />
  );
  return (
    <Layout style={{ minHeight: '100vh' }}>
      {phone ? null : (
        <Layout.Sider width={208} theme="light" style={{ borderInlineEnd: '1px solid #f0f0f0' }}>
          <div
            style={{
              height: 56,
              display: 'flex',
              alignItems: 'center',
              padding: '0 20px',
              fontWeight: 600,
            }}
          >
            {TITLE}
          </div>
          <nav aria-label="主菜单">{menu}</nav>
        </Layout.Sider>
      )}
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            padding: phone ? '0 8px' : '0 24px',
            display: 'flex',
            alignItems: 'center',
            gap: 8,
            borderBottom: '1px solid #f0f0f0',
            height: 56,
          }}
        >
          {phone ? (
            <>
              <Button
                type="text"
                icon={<MenuOutlined />}
                aria-label="打开菜单"
                onClick={() => setDrawer(true)}
              />
              <span
                style={{
                  fontWeight: 600,
                  flex: 1,
                  whiteSpace: 'nowrap',
                  overflow: 'hidden',
                  textOverflow: 'ellipsis',
                }}
              >
                {TITLE}
              </span>
            </>
          ) : (
            <div style={{ flex: 1 }} />
          )}
          <UserMenu compact={phone} />
        </Layout.Header>
        <Layout.Content style={{ padding: phone ? 12 : 24, minWidth: 0 }}>
          <main>
            <Outlet />
          </main>
        </Layout.Content>
      </Layout>
      {phone && drawer ? (
        <Suspense fallback={null}>
          <PhoneDrawer title={TITLE} onClose={() => setDrawer(false)}>
            {menu}
          </PhoneDrawer>
        </Suspense>
      ) : null}
    </Layout>
  );
}
