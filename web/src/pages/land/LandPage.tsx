import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useCan } from '../../app/auth.tsx';
import { CodeTablesView } from './CodeTablesView.tsx';
import { ExportView } from './ExportView.tsx';
import { SubCompartmentsView } from './SubCompartmentsView.tsx';
import './land.css';

type Tab = 'codes' | 'export' | 'sub-compartments';

/** 数据管理: the code tables the figures rest on, exports of every layer, and the sub-compartment register. */
export function LandPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const tabs: Tab[] = ['codes', ...(can('data.export') ? (['export'] as const) : []), 'sub-compartments'];
  const requested = params.get('tab') as Tab | null;
  const tab: Tab = requested && tabs.includes(requested) ? requested : 'codes';

  return (
    <div data-testid="land-page">
      <div className="lz-page-title">
        <h1>{t('land.title')}</h1>
      </div>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'codes' ? {} : { tab: key })}
        items={tabs.map((key) => ({
          key,
          label: <span data-testid={`land-tab-${key}`}>{t(`land.tabs.${key === 'sub-compartments' ? 'subCompartments' : key}`)}</span>,
          children: key === 'codes' ? <CodeTablesView /> : key === 'export' ? <ExportView /> : <SubCompartmentsView />,
        }))}
      />
    </div>
  );
}
