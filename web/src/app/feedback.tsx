import { Button, Empty, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { errorMessage } from './api.ts';

/** While the session is being checked: nothing else can be drawn yet. */
export function FullPageSpin() {
  const { t } = useTranslation();
  return (
    <div className="lz-fullpage-center" data-testid="page-loading">
      <Spin size="large" description={t('common.loading')} />
    </div>
  );
}

/** A block-level loading state inside a page or card. */
export function BlockSpin({ minHeight = 160 }: { minHeight?: number }) {
  const { t } = useTranslation();
  return (
    <div className="lz-block-center" style={{ minHeight }} data-testid="block-loading">
      <Spin description={t('common.loading')} />
    </div>
  );
}

/** A failed load, with the server's own message and a way to try again. */
export function ErrorResult({ error, onRetry, compact = false }: { error: unknown; onRetry?: () => void; compact?: boolean }) {
  const { t } = useTranslation();
  return (
    <Result
      status="warning"
      className={compact ? 'lz-result-compact' : undefined}
      title={t('errors.loadFailed')}
      subTitle={errorMessage(error)}
      extra={onRetry ? <Button onClick={onRetry}>{t('common.retry')}</Button> : undefined}
      data-testid="load-error"
    />
  );
}

/** Reached a page the user's posts do not allow. */
export function Forbidden() {
  const { t } = useTranslation();
  return (
    <Result
      status="403"
      title={t('errors.forbiddenTitle')}
      subTitle={t('errors.forbiddenPage')}
      extra={
        <Link to="/">
          <Button type="primary">{t('common.backHome')}</Button>
        </Link>
      }
      data-testid="forbidden"
    />
  );
}

export function EmptyState({ description, children }: { description: ReactNode; children?: ReactNode }) {
  return (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={description}>
      {children}
    </Empty>
  );
}
