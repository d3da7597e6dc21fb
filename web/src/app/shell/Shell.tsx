import { Layout, Menu } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { useMe } from '../auth.tsx';
import { entryForPath, visibleMenu } from '../menu.tsx';
import { usePhone } from '../use-phone.ts';
import { AppHeader } from './AppHeader.tsx';
import { PhoneMenu } from './PhoneMenu.tsx';

/** Header across the top, the permission-built menu on the left (in a drawer on a phone), the page on the right. */
export function Shell() {
  const me = useMe();
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const phone = usePhone();
  const selected = entryForPath(pathname)?.key;
  const items = visibleMenu(me.permissions).map((entry) => ({
    key: entry.key,
    icon: entry.icon,
    label: (
      <Link to={entry.path} data-testid={`menu-${entry.key}`}>
        {t(entry.labelKey)}
      </Link>
    ),
  }));

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <AppHeader phoneMenu={phone ? <PhoneMenu items={items} selected={selected} /> : undefined} />
      <Layout>
        {!phone && (
          <Layout.Sider width={216} breakpoint="lg" collapsedWidth={64} theme="light" className="lz-sider">
            <nav data-testid="main-menu">
              <Menu mode="inline" selectedKeys={selected ? [selected] : []} items={items} />
            </nav>
          </Layout.Sider>
        )}
        <Layout.Content className="lz-content">
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
