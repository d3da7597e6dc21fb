import { StopOutlined } from '@ant-design/icons';
import { Alert, App, Button, Popconfirm, Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/api.ts';
import { formatNumber } from '../../app/numbers.tsx';
import { useCancelJob } from './queries.ts';
import type { ImportJob } from './types.ts';

/**
 * ④ The import runs on the server; this shows how far it got (polled once a second) and lets the
 * user cancel it. Nothing is written to the layer until the very end, so cancelling leaves nothing.
 */
export function RunStep({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const cancel = useCancelJob(job.id);
  const { done, total, percent } = job.progress;

  return (
    <div className="lz-import-run" data-testid="import-run">
      <Typography.Title level={4} className="lz-import-run-title">
        {job.cancelRequested ? t('imports.run.cancelling') : job.status === 'queued' ? t('imports.run.queued') : t('imports.run.running')}
      </Typography.Title>
      <Progress percent={percent} status={job.cancelRequested ? 'exception' : 'active'} className="lz-import-progress" data-testid="import-progress" />
      <Typography.Text type="secondary" data-testid="import-progress-text">
        {total === null ? t('imports.run.readNoTotal', { done: formatNumber(done) }) : t('imports.run.read', { done: formatNumber(done), total: formatNumber(total) })}
      </Typography.Text>
      <div className="lz-import-actions lz-import-run-actions">
        <Popconfirm
          title={t('imports.run.cancelConfirm')}
          description={t('imports.run.cancelConfirmDetail')}
          okText={t('imports.run.cancel')}
          cancelText={t('imports.run.keepGoing')}
          okButtonProps={{ danger: true }}
          onConfirm={() =>
            void cancel.mutateAsync().then(
              () => undefined,
              (error: unknown) => void message.error(errorMessage(error)),
            )
          }
        >
          <Button danger icon={<StopOutlined />} disabled={job.cancelRequested} loading={cancel.isPending} data-testid="import-cancel">
            {t('imports.run.cancel')}
          </Button>
        </Popconfirm>
      </div>
      <Alert type="info" showIcon title={t('imports.run.background')} className="lz-notice lz-import-run-note" />
    </div>
  );
}
