import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useCan } from '../../app/auth.tsx';
import { Forbidden } from '../../app/feedback.tsx';
import { ChooseStep } from './ChooseStep.tsx';
import { JobWizard } from './JobWizard.tsx';
import { RecentJobs } from './RecentJobs.tsx';
import { WizardSteps } from './WizardSteps.tsx';
import './imports.css';

/** Layers a user may import into need land.write (小班, 责任区域, 参考图层) or grids.write (网格, 重点区域, 重点线路). */
const IMPORT_PERMISSIONS = ['land.write', 'grids.write'] as const;

/**
 * 数据导入: a wizard from the file an office has to a report of what was imported, and the recent
 * jobs. `/imports` starts a new import; `/imports/:id` continues or reports on one job.
 */
export function ImportsPage() {
  const can = useCan();
  const { id } = useParams();
  if (!IMPORT_PERMISSIONS.some(can)) return <Forbidden />;
  return id ? <JobPage id={Number(id)} /> : <NewImportPage />;
}

function NewImportPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <div data-testid="imports-page">
      <div className="lz-page-title">
        <h1>{t('imports.title')}</h1>
      </div>
      <Card className="lz-import-card">
        <WizardSteps current={0} />
        <ChooseStep onUploaded={(job) => void navigate(`/imports/${job.id}`)} />
      </Card>
      <RecentJobs />
    </div>
  );
}

function JobPage({ id }: { id: number }) {
  const { t } = useTranslation();
  return (
    <div data-testid="imports-page">
      <div style={{ marginBottom: 8, marginLeft: -8 }}>
        <Link to="/imports">
          <Button type="text" icon={<ArrowLeftOutlined />} data-testid="import-back-to-list">
            {t('imports.backToList')}
          </Button>
        </Link>
      </div>
      <JobWizard key={id} id={id} />
    </div>
  );
}
