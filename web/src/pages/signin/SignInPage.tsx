import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { ApiError, errorMessage } from '../../app/api.ts';
import { useAuth } from '../../app/auth.tsx';
import { FullPageSpin } from '../../app/feedback.tsx';
import { LanguageSwitch } from '../../app/shell/LanguageSwitch.tsx';
import { SignInHero } from './SignInHero.tsx';

interface Credentials {
  username: string;
  password: string;
}

/** From this many tries left, the page warns that the account is about to be locked. */
const LAST_TRIES = 2;

/** Where to go after signing in: back to the page that sent the user here, never off-site. */
function destination(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') && !from.startsWith('/signin') ? from : '/';
}

export function SignInPage() {
  const { t } = useTranslation();
  const { me, loading, signIn, sessionNotice } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [form] = Form.useForm<Credentials>();
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<{ message: string; remainingAttempts: number | null } | null>(null);

  if (loading) return <FullPageSpin />;
  if (me) return <Navigate to={destination(location.state)} replace />;

  const onFinish = async ({ username, password }: Credentials) => {
    setSubmitting(true);
    setFailure(null);
    try {
      await signIn(username.trim(), password);
      void navigate(destination(location.state), { replace: true });
    } catch (error) {
      // The server's message says how many tries are left before the lock (an unknown name is
      // counted down alike); near the end, the page also says what to do instead of guessing.
      const remaining = error instanceof ApiError ? error.details.remainingAttempts : undefined;
      setFailure({ message: errorMessage(error), remainingAttempts: typeof remaining === 'number' ? remaining : null });
      form.setFieldValue('password', '');
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <div className="lz-signin">
      <SignInHero />
      <div className="lz-signin-panel">
        <div className="lz-signin-card">
          <div className="lz-signin-mobile-brand">
            <img src="/favicon.svg" alt="" />
            <span>{t('app.name')}</span>
          </div>
          <h2>{t('signin.title')}</h2>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 24 }}>
            {t('signin.subtitle')}
          </Typography.Paragraph>
          {sessionNotice && !failure && (
            <Alert type="warning" showIcon title={sessionNotice} style={{ marginBottom: 16 }} data-testid="session-notice" />
          )}
          {failure && (
            <Alert
              type="error"
              showIcon
              title={failure.message}
              description={failure.remainingAttempts !== null && failure.remainingAttempts <= LAST_TRIES ? t('signin.lastTries') : undefined}
              style={{ marginBottom: 16 }}
              data-testid="signin-error"
            />
          )}
          <Form form={form} layout="vertical" size="large" requiredMark={false} onFinish={(values) => void onFinish(values)} data-testid="signin-form">
            <Form.Item name="username" label={t('signin.username')} rules={[{ required: true, whitespace: true, message: t('signin.usernameRequired') }]}>
              <Input prefix={<UserOutlined />} placeholder={t('signin.usernamePlaceholder')} autoComplete="username" autoFocus data-testid="signin-username" />
            </Form.Item>
            <Form.Item name="password" label={t('signin.password')} rules={[{ required: true, message: t('signin.passwordRequired') }]}>
              <Input.Password prefix={<LockOutlined />} placeholder={t('signin.passwordPlaceholder')} autoComplete="current-password" data-testid="signin-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={submitting} data-testid="signin-submit" style={{ marginTop: 8 }}>
              {t('signin.submit')}
            </Button>
          </Form>
          <div style={{ marginTop: 32, display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('signin.help')}
            </Typography.Text>
            <LanguageSwitch />
          </div>
        </div>
      </div>
    </div>
  );
}
