import { App } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { errorMessage } from '../api.ts';
import type { MePost } from '../api-types.ts';
import { useAuth, useMe } from '../auth.tsx';
import { usePostTypeName } from '../reference.ts';

/** The signed-in person as the header shows them: name, first post (and how many more), every post. */
export function useUserLine() {
  const me = useMe();
  const { t } = useTranslation();
  const postTypeName = usePostTypeName();
  const describe = (post: MePost) => `${post.region.name} · ${post.title ?? postTypeName(post.postType, post.postTypeName)}`;
  const [first, ...others] = me.posts;
  const postLine = first ? describe(first) + (others.length ? ` ${t('shell.morePosts', { count: others.length })}` : '') : t('shell.noPost');
  return { name: me.person.name, postLine, allPosts: me.posts.map(describe) };
}

/** Signing out from the header: back to the sign-in page, or the server's message if it failed. */
export function useSignOut() {
  const { signOut } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [signingOut, setSigningOut] = useState(false);
  const run = async () => {
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
  return { signingOut, signOut: run };
}
