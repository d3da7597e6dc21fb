import { KeyOutlined, LogoutOutlined } from '@ant-design/icons';
import { App, Button, Layout, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { errorMessage } from '../api.ts';
import { useAuth, useMe } from '../auth.tsx';
import { usePostTypeName } from '../reference.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';

export function AppHeader() {
  const me = useMe();
  const { signOut } = useAuth();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const postTypeName = usePostTypeName();
  const [signingOut, setSigningOut] = useState(false);

  const describe = (post: (typeof me.posts)[number]) => `${post.region.name} · ${post.title ?? postTypeName(post.postType, post.postTypeName)}`;
  const [first, ...others] = me.posts;
  const postLine = first ? describe(first) + (others.length ? ` ${t('shell.morePosts', { count: others.length })}` : '') : t('shell.noPost');

  const onSignOut = async () => {
    setSigningOut(true);
    try {
      await signOut();
      void navigate('/signin', { replace: true });
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setSigningOut(false);
    }
  };

  return (
    <Layout.Header className="lz-header">
      <Link to="/" className="lz-brand" data-testid="brand">
        <img src="/favicon.svg" alt="" />
        <span>
          {t('app.name')}
          <span className="lz-brand-sub"> · Linzhang</span>
        </span>
      </Link>
      <div className="lz-header-spacer" />
      <Tooltip title={me.posts.length > 1 ? me.posts.map(describe).join('；') : undefined} placement="bottomRight">
        <div className="lz-header-user" data-testid="current-user">
          <span className="lz-header-user-name">{me.person.name}</span>
          <span className="lz-header-user-post">{postLine}</span>
        </div>
      </Tooltip>
      <LanguageSwitch dark />
      <Link to="/account/password" data-testid="change-password">
        <Button type="text" className="lz-header-btn" icon={<KeyOutlined />}>
          {t('shell.changePassword')}
        </Button>
      </Link>
      <Button type="text" className="lz-header-btn" icon={<LogoutOutlined />} loading={signingOut} onClick={() => void onSignOut()} data-testid="sign-out">
        {t('shell.signOut')}
      </Button>
    </Layout.Header>
  );
}
