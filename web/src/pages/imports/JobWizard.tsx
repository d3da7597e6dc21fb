import { Card, Skeleton, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorResult } from '../../app/feedback.tsx';
import { CheckStep } from './CheckStep.tsx';
import { formatSize } from './format.ts';
import { useFormatName } from './StatusTag.tsx';
import { MappingStep } from './MappingStep.tsx';
import { useJob, useTargets } from './queries.ts';
import { ReportStep } from './ReportStep.tsx';
import { RunStep } from './RunStep.tsx';
import { StatusTag } from './StatusTag.tsx';
import type { ImportJob } from './types.ts';
import { STEPS, WizardSteps, type Step } from './WizardSteps.tsx';

/** The step a job is at: the user moves between checking and mapping; the server decides the rest. */
function stepOf(job: ImportJob, chosen: 'check' | 'mapping'): Step {
  if (job.status === 'uploaded') return chosen;
  if (job.status === 'queued' || job.status === 'running') return 'run';
  return 'report';
}

/** ② to ⑤ for one uploaded file. */
export function JobWizard({ id }: { id: number }) {
  const { t } = useTranslation();
  const job = useJob(id);
  const targets = useTargets();
  const [chosen, setChosen] = useState<'check' | 'mapping'>('check');
  const formatName = useFormatName();

  if (job.isPending || targets.isPending) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    );
  }
  if (job.isError) return <ErrorResult error={job.error} onRetry={() => void job.refetch()} />;
  if (targets.isError) return <ErrorResult error={targets.error} onRetry={() => void targets.refetch()} />;

  const j = job.data;
  const info = targets.data.find((x) => x.target === j.target);
  const step = stepOf(j, chosen);

  return (
    <>
      <div className="lz-page-title">
        <div className="lz-import-title">
          <h1 data-testid="import-title">{j.fileName}</h1>
          <StatusTag job={j} />
        </div>
      </div>
      <Card className="lz-import-card">
        <WizardSteps
          current={STEPS.indexOf(step)}
          failed={j.status === 'failed'}
          clickable={j.status === 'uploaded' ? ['check', 'mapping'] : []}
          onChange={(next) => (next === 'check' || next === 'mapping') && setChosen(next)}
        />
        <Typography.Paragraph type="secondary" className="lz-import-about" data-testid="import-about">
          {t('imports.about', {
            target: t(`imports.targets.${j.target}.name`),
            region: j.regionName,
            format: formatName(j.format),
            size: formatSize(j.fileSize),
            by: j.createdBy,
            at: dayjs(j.createdAt).format('YYYY-MM-DD HH:mm'),
          })}
        </Typography.Paragraph>
        {step === 'check' && <CheckStep job={j} info={info} onNext={() => setChosen('mapping')} />}
        {step === 'mapping' && <MappingStep job={j} onBack={() => setChosen('check')} />}
        {step === 'run' && <RunStep job={j} />}
        {step === 'report' && <ReportStep job={j} />}
      </Card>
    </>
  );
}
