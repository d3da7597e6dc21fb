import { LockOutlined, UnlockOutlined, UserAddOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Popconfirm, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { errorMessage } from '../../app/api.ts';
import type { Account, Person } from '../../app/api-types.ts';
import { useMe } from '../../app/auth.tsx';
import { ErrorResult } from '../../app/feedback.tsx';
import { AccountPasswordModal } from './AccountPasswordModal.tsx';
import { useAccountAction, usePersonAccount } from './account-queries.ts';

const isLocked = (account: Account) => !!account.lockedUntil && dayjs(account.lockedUntil).isAfter(dayjs());

/** The person's sign-in account, for those who manage accounts: open one, reset, unlock, disable. */
export function AccountCard({ person }: { person: Person }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const account = usePersonAccount(person.id);
  const action = useAccountAction(person.id);
  const [dialog, setDialog] = useState<'create' | 'reset' | null>(null);

  const run = (kind: 'unlock' | 'enable' | 'disable', id: number) =>
    action.mutate(
      { kind, id },
      { onSuccess: () => void message.success(t(`accounts.done.${kind}`)), onError: (error) => void message.error(errorMessage(error)) },
    );

  let body: React.ReactNode;
  if (account.isPending) body = <Typography.Text type="secondary">{t('common.loading')}</Typography.Text>;
  else if (account.isError) body = <ErrorResult error={account.error} onRetry={() => void account.refetch()} compact />;
  else if (!account.data) {
    body = (
      <Space orientation="vertical">
        <Typography.Text type="secondary">{t('accounts.none')}</Typography.Text>
        <Button icon={<UserAddOutlined />} onClick={() => setDialog('create')} data-testid="account-create">
          {t('accounts.create')}
        </Button>
      </Space>
    );
  } else {
    const a = account.data;
    const locked = isLocked(a);
    // Disabling or resetting one's own account from here would lock oneself out.
    const own = a.id === me.account.id;
    body = (
      <>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'username', label: t('accounts.username'), children: <Typography.Text code>{a.username}</Typography.Text> },
            {
              key: 'status',
              label: t('accounts.status'),
              children: (
                <Space size={4}>
                  {a.status === 'active' ? <Tag color="green">{t('accounts.active')}</Tag> : <Tag color="red">{t('accounts.disabled')}</Tag>}
                  {locked && <Tag color="orange">{t('accounts.lockedUntil', { time: dayjs(a.lockedUntil).format('HH:mm') })}</Tag>}
                </Space>
              ),
            },
            { key: 'last', label: t('accounts.lastLogin'), children: a.lastLoginAt ? dayjs(a.lastLoginAt).format('YYYY-MM-DD HH:mm') : t('accounts.neverSignedIn') },
          ]}
        />
        {own ? (
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
            {t('accounts.ownAccount')} <Link to="/account/password">{t('shell.changePassword')}</Link>
          </Typography.Paragraph>
        ) : (
          <Space wrap style={{ marginTop: 12 }}>
            <Button onClick={() => setDialog('reset')} data-testid="account-reset">
              {t('accounts.resetPassword')}
            </Button>
            {locked && (
              <Button icon={<UnlockOutlined />} loading={action.isPending} onClick={() => run('unlock', a.id)} data-testid="account-unlock">
                {t('accounts.unlock')}
              </Button>
            )}
            {a.status === 'active' ? (
              <Popconfirm title={t('accounts.disableConfirm')} description={t('accounts.disableHint')} okButtonProps={{ danger: true }} onConfirm={() => run('disable', a.id)}>
                <Button danger icon={<LockOutlined />} loading={action.isPending} data-testid="account-disable">
                  {t('accounts.disable')}
                </Button>
              </Popconfirm>
            ) : (
              <Button loading={action.isPending} onClick={() => run('enable', a.id)} data-testid="account-enable">
                {t('accounts.enable')}
              </Button>
            )}
          </Space>
        )}
      </>
    );
  }

  return (
    <Card title={t('accounts.title')} data-testid="account-card">
      {body}
      {dialog && (
        <AccountPasswordModal
          mode={dialog}
          person={person}
          account={account.data ?? null}
          onClose={() => setDialog(null)}
        />
      )}
    </Card>
  );
}
