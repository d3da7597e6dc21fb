import { CheckCircleFilled, CloseCircleOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { useAuth, useMe } from '../../app/auth.tsx';
import { showServerErrors } from '../../app/forms.ts';
import { characterClasses, strongPasswordRule } from '../../app/password.ts';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

function Check({ ok, children }: { ok: boolean; children: React.ReactNode }) {
  return (
    <div style={{ color: ok ? '#2f6b3a' : 'rgba(0,0,0,0.45)' }}>
      {ok ? <CheckCircleFilled /> : <CloseCircleOutlined />} <span style={{ marginLeft: 4 }}>{children}</span>
    </div>
  );
}

/** Change one's own password; the server ends every other session and hands this one a new token. */
export function ChangePasswordPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { replaceSession } = useAuth();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const candidate = Form.useWatch('newPassword', form) ?? '';

  const onFinish = async (values: Values) => {
    setSaving(true);
    setFormError(null);
    try {
      const { csrfToken } = await api.post('/api/auth/password', {
        body: { currentPassword: values.currentPassword, newPassword: values.newPassword },
      });
      replaceSession(csrfToken);
      form.resetFields();
      message.success(t('password.changed'));
    } catch (error) {
      setFormError(showServerErrors(form, error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <div data-testid="password-page">
      <div className="lz-page-title">
        <h1>{t('password.title')}</h1>
      </div>
      <Card style={{ maxWidth: 560 }}>
        <Typography.Paragraph type="secondary">{t('password.intro', { username: me.account.username })}</Typography.Paragraph>
        {me.account.passwordMustChange && <Alert type="warning" showIcon title={t('password.mustChange')} style={{ marginBottom: 16 }} data-testid="password-must-change" />}
        {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} data-testid="password-error" />}
        <Form<Values> form={form} layout="vertical" onFinish={(values) => void onFinish(values)} requiredMark={false}>
          <Form.Item name="currentPassword" label={t('password.current')} rules={[{ required: true, message: t('password.currentRequired') }]}>
            <Input.Password autoComplete="current-password" data-testid="password-current" />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label={t('password.new')}
            rules={[{ required: true, message: t('password.required') }, strongPasswordRule]}
            extra={
              <div style={{ marginTop: 4, paddingBottom: 8 }} data-testid="password-rule">
                <div>{t('password.rule')}</div>
                <Space size={16} wrap style={{ marginTop: 4 }}>
                  <Check ok={candidate.length >= 8}>{t('password.checkLength')}</Check>
                  <Check ok={characterClasses(candidate) >= 3}>{t('password.checkClasses', { count: characterClasses(candidate) })}</Check>
                </Space>
              </div>
            }
          >
            <Input.Password autoComplete="new-password" data-testid="password-new" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label={t('password.confirm')}
            dependencies={['newPassword']}
            rules={[
              { required: true, message: t('password.confirmRequired') },
              ({ getFieldValue }) => ({
                validator: (_, value: string | undefined) =>
                  !value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('password.mismatch'))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" data-testid="password-confirm" />
          </Form.Item>
          <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
            {t('password.otherSessions')}
          </Typography.Paragraph>
          <Button type="primary" htmlType="submit" loading={saving} data-testid="password-submit">
            {t('password.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
