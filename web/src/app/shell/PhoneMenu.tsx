import { KeyOutlined, LogoutOutlined, MenuOutlined } from '@ant-design/icons';
import { Button, Drawer, Menu, type MenuProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { useSignOut, useUserLine } from './use-account.ts';

/**
 * The phone's menu: one button in the header opens a drawer with who is signed in, every page of
 * the menu, the language, the password change and sign-out. Choosing a page closes it.
 */
export function PhoneMenu({ items, selected }: { items: MenuProps['items']; selected: string | undefined }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const user = useUserLine();
  const { signingOut, signOut } = useSignOut();

  return (
    <>
      <Button type="text" className="lz-header-btn" icon={<MenuOutlined />} aria-label={t('shell.openMenu')} onClick={() => setOpen(true)} data-testid="header-menu" />
      <Drawer
        open={open}
        onClose={() => setOpen(false)}
        placement="right"
        size="default"
        width="min(320px, 86vw)"
        closeIcon={<span aria-label={t('shell.closeMenu')}>✕</span>}
        title={
          <div className="lz-drawer-user" data-testid="current-user">
            <span className="lz-drawer-user-name">{user.name}</span>
            <span className="lz-drawer-user-post">{user.allPosts.length > 1 ? user.allPosts.join('；') : user.postLine}</span>
          </div>
        }
        classNames={{ body: 'lz-phone-menu' }}
        data-testid="phone-menu"
      >
        <nav data-testid="main-menu">
          <Menu mode="inline" selectedKeys={selected ? [selected] : []} items={items} onClick={() => setOpen(false)} />
        </nav>
        <div className="lz-phone-menu-actions">
          <LanguageSwitch />
          <Link to="/account/password" onClick={() => setOpen(false)} data-testid="change-password">
            <Button type="text" icon={<KeyOutlined />}>
              {t('shell.changePassword')}
            </Button>
          </Link>
          <Button type="text" danger icon={<LogoutOutlined />} loading={signingOut} onClick={() => void signOut()} data-testid="sign-out">
            {t('shell.signOut')}
          </Button>
        </div>
      </Drawer>
    </>
  );
}
