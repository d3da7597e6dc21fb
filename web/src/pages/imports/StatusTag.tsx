import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportJobSummary, ImportStatus } from './types.ts';

const COLORS: Record<ImportStatus, string> = {
  uploaded: 'gold',
  queued: 'blue',
  running: 'processing',
  succeeded: 'success',
  failed: 'error',
  cancelled: 'default',
};

/** 待继续 / 排队中 / 导入中 42% / 已完成 / 失败 / 已取消 */
export function StatusTag({ job }: { job: Pick<ImportJobSummary, 'status' | 'progress' | 'cancelRequested'> }) {
  const { t } = useTranslation();
  const text =
    job.cancelRequested && (job.status === 'queued' || job.status === 'running')
      ? t('imports.status.cancelling')
      : job.status === 'running'
        ? t('imports.status.runningPercent', { percent: job.progress.percent })
        : t(`imports.status.${job.status}`);
  return (
    <Tag color={COLORS[job.status]} data-testid="import-status">
      {text}
    </Tag>
  );
}

const FORMATS = ['shapefile', 'geojson', 'kml', 'kmz', 'gpx'] as const;

/** "Shapefile 压缩包", "GeoJSON" … for the format the server detected. */
export function useFormatName(): (format: string) => string {
  const { t } = useTranslation();
  return (format) => ((FORMATS as readonly string[]).includes(format) ? t(`imports.formats.${format as (typeof FORMATS)[number]}`) : format);
}
