import { KeyOutlined, LogoutOutlined } from '@ant-design/icons';
import { Button, Layout, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { useSignOut, useUserLine } from './use-account.ts';

/**
 * The bar across the top. On a wide screen it holds the user, the language, the password change
 * and sign-out; on a phone all of that moves into the menu drawer (`phoneMenu`), so nothing is
 * squeezed off the screen.
 */
export function AppHeader({ phoneMenu }: { phoneMenu?: ReactNode }) {
  const { t } = useTranslation();
  const user = useUserLine();
  const { signingOut, signOut } = useSignOut();

  return (
    <Layout.Header className={phoneMenu ? 'lz-header lz-header-phone' : 'lz-header'}>
      <Link to="/" className="lz-brand" data-testid="brand">
        <img src="/favicon.svg" alt="" />
        <span className="lz-brand-name">
          {t('app.name')}
          <span className="lz-brand-sub"> · Linzhang</span>
        </span>
      </Link>
      <div className="lz-header-spacer" />
      {phoneMenu ?? (
        <>
          <Tooltip title={user.allPosts.length > 1 ? user.allPosts.join('；') : undefined} placement="bottomRight">
            <div className="lz-header-user" data-testid="current-user">
              <span className="lz-header-user-name">{user.name}</span>
              <span className="lz-header-user-post">{user.postLine}</span>
            </div>
          </Tooltip>
          <LanguageSwitch dark />
          <Link to="/account/password" data-testid="change-password">
            <Button type="text" className="lz-header-btn" icon={<KeyOutlined />}>
              {t('shell.changePassword')}
            </Button>
          </Link>
          <Button type="text" className="lz-header-btn" icon={<LogoutOutlined />} loading={signingOut} onClick={() => void signOut()} data-testid="sign-out">
            {t('shell.signOut')}
          </Button>
        </>
      )}
    </Layout.Header>
  );
}
