import { ArrowLeftOutlined, CheckCircleFilled, ExclamationCircleFilled, PlayCircleOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../app/numbers.tsx';
import { distinctSamples, SAMPLES_SHOWN } from './mapping-rules.ts';
import { MappingTable } from './MappingTable.tsx';
import { PresetBar } from './PresetBar.tsx';
import type { ImportJob } from './types.ts';
import { useMapping, type Mapping } from './use-mapping.ts';

/**
 * ③ 对应字段: one row per field of ours, each with the file's column that fills it. Required
 * fields are marked and stay red until chosen; every choice shows the column's sample values and
 * what the importer will make of them; coded values the code tables do not know can be
 * translated; the file's columns nobody uses are listed below with what becomes of them.
 */
export function MappingStep({ job, onBack }: { job: ImportJob; onBack: () => void }) {
  const { t } = useTranslation();
  const m = useMapping(job, onBack);

  return (
    <div data-testid="import-mapping">
      <Alert type="info" showIcon className="lz-notice lz-import-mapping-intro" title={t('imports.mapping.intro')} description={t('imports.mapping.introDetail')} />
      <div className="lz-import-mapping-bar">
        <MappingSummary job={job} m={m} />
        <PresetBar job={job} mapping={m.mapping} onApply={m.applyPreset} />
      </div>
      <MappingTable job={job} m={m} />
      <UnusedColumns job={job} m={m} />
      {m.kindMissing && <Alert type="warning" showIcon className="lz-import-blocking" title={t('imports.mapping.kindMissing')} />}
      {m.problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          className="lz-import-blocking"
          title={t('imports.mapping.cannotStart')}
          description={
            <ul className="lz-import-list">
              {m.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          }
          data-testid="mapping-problems"
        />
      )}
      <div className="lz-import-actions">
        <Button size="large" icon={<ArrowLeftOutlined />} onClick={() => void m.back()} disabled={m.busy} data-testid="mapping-back">
          {t('imports.mapping.back')}
        </Button>
        <Button type="primary" size="large" icon={<PlayCircleOutlined />} loading={m.busy} onClick={() => void m.run()} data-testid="import-start">
          {t('imports.mapping.start', { features: formatNumber(m.layer.featureCount) })}
        </Button>
        <Typography.Text type="secondary">{t('imports.mapping.startHint')}</Typography.Text>
      </div>
    </div>
  );
}

/** How many of our fields are filled, and which required ones are still missing. */
function MappingSummary({ job, m }: { job: ImportJob; m: Mapping }) {
  const { t } = useTranslation();
  return (
    <Space size={16} wrap>
      <Typography.Text data-testid="mapping-summary">{t('imports.mapping.summary', { mapped: m.mappedCount, total: job.targetFields.length })}</Typography.Text>
      {m.requiredMissing.length === 0 ? (
        <Typography.Text type="success">
          <CheckCircleFilled /> {t('imports.mapping.requiredDone')}
        </Typography.Text>
      ) : (
        <Typography.Text type="danger" data-testid="mapping-required-missing">
          <ExclamationCircleFilled /> {t('imports.mapping.requiredLeft', { fields: m.requiredMissing.map((f) => f.label).join('、') })}
        </Typography.Text>
      )}
    </Space>
  );
}

/** The file's columns no field uses, and what the import does with them. */
function UnusedColumns({ job, m }: { job: ImportJob; m: Mapping }) {
  const { t } = useTranslation();
  return (
    <div className="lz-import-unused" data-testid="mapping-unused">
      <Typography.Text strong>{t('imports.mapping.unused', { count: m.unused.length })}</Typography.Text>
      <Typography.Text type="secondary"> {t(`imports.mapping.unusedFate.${job.target}`)}</Typography.Text>
      <div className="lz-import-unused-list">
        {m.unused.length === 0 ? (
          <Typography.Text type="secondary">{t('imports.mapping.allUsed')}</Typography.Text>
        ) : (
          m.unused.map((f) => (
            <Tooltip key={f.name} title={distinctSamples(f).slice(0, SAMPLES_SHOWN).join('、') || t('imports.mapping.noSamples')}>
              <Tag className="lz-import-unused-field">
                {f.name}
                <span className="lz-import-unused-sample">{distinctSamples(f)[0] ?? ''}</span>
              </Tag>
            </Tooltip>
          ))
        )}
      </div>
    </div>
  );
}
