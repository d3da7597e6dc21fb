import { App, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account, Person } from '../../app/api-types.ts';
import { FormModal } from '../../app/FormModal.tsx';
import { showServerErrors } from '../../app/forms.ts';
import { strongPasswordRule } from '../../app/password.ts';
import { useAccountAction } from './account-queries.ts';

interface Values {
  username?: string;
  password: string;
  confirm: string;
}

/** Opens an account (username + first password) or sets a new password on an existing one. */
export function AccountPasswordModal({ mode, person, account, onClose }: { mode: 'create' | 'reset'; person: Person; account: Account | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const action = useAccountAction(person.id);
  const [formError, setFormError] = useState<string | null>(null);

  const onFinish = async (values: Values) => {
    setFormError(null);
    try {
      if (mode === 'create') await action.mutateAsync({ kind: 'create', username: values.username!.trim(), password: values.password });
      else await action.mutateAsync({ kind: 'reset', id: account!.id, password: values.password });
      message.success(mode === 'create' ? t('accounts.done.create') : t('accounts.done.reset'));
      onClose();
    } catch (error) {
      setFormError(showServerErrors(form, error));
    }
  };

  return (
    <FormModal
      title={mode === 'create' ? t('accounts.createTitle', { name: person.name }) : t('accounts.resetTitle', { username: account?.username ?? '' })}
      testId="account-form"
      onSubmit={() => form.submit()}
      onCancel={onClose}
      submitting={action.isPending}
      error={formError}
    >
      <Form<Values> form={form} layout="vertical" onFinish={(values) => void onFinish(values)} autoComplete="off">
        {mode === 'create' && (
          <Form.Item
            name="username"
            label={t('accounts.username')}
            extra={t('accounts.usernameHint')}
            rules={[
              { required: true, message: t('accounts.rules.usernameRequired') },
              { pattern: /^(?!1\d{10}$)[a-z0-9][a-z0-9._-]{2,31}$/, message: t('accounts.rules.username') },
            ]}
          >
            <Input maxLength={32} autoComplete="off" data-testid="account-username" />
          </Form.Item>
        )}
        <Form.Item name="password" label={t('accounts.newPassword')} extra={t('accounts.passwordHint')} rules={[{ required: true, message: t('password.required') }, strongPasswordRule]}>
          <Input.Password autoComplete="new-password" data-testid="account-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('password.confirm')}
          dependencies={['password']}
          rules={[
            { required: true, message: t('password.confirmRequired') },
            ({ getFieldValue }) => ({
              validator: (_, value: string | undefined) =>
                !value || value === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error(t('password.mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="account-password-confirm" />
        </Form.Item>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {mode === 'reset' ? t('accounts.resetHint') : t('accounts.createHint')}
        </Typography.Paragraph>
      </Form>
    </FormModal>
  );
}
