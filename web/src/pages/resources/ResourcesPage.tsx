import { Card, Segmented, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useCan, useMe } from '../../app/auth.tsx';
import { EmptyState } from '../../app/feedback.tsx';
import { RegionTreeSelect } from '../regions/RegionTreeSelect.tsx';
import { useResponsibilityAreas } from './queries.ts';
import { ResourceReport } from './ResourceReport.tsx';
import type { Subject } from './types.ts';
import './resources.css';

/**
 * 资源清单: the first list of a chief's patrol handbook (《章贡区2021年林长制工作要点》 item 2), for a region or for a
 * chief's responsibility area. The subject lives in the address (?region= or ?area=).
 */
export function ResourcesPage() {
  const { t } = useTranslation();
  const me = useMe();
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const byArea = params.has('area');
  const areasAllowed = can('map.read');
  const areas = useResponsibilityAreas(areasAllowed && byArea);
  const regionCode = params.get('region') ?? me.scope[0]?.code;
  const areaId = Number(params.get('area')) || undefined;
  const subject: Subject | undefined = byArea ? (areaId ? { kind: 'responsibility_area', id: areaId } : undefined) : regionCode ? { kind: 'region', code: regionCode } : undefined;

  const areaOptions = (areas.data ?? []).map((a) => ({
    value: a.id,
    searchText: `${a.name} ${a.chief.name} ${a.regionName} ${a.chief.title ?? a.chief.postTypeName}`,
    label: (
      <span>
        {a.name}
        <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>
          {a.chief.title ?? a.chief.postTypeName} {a.chief.name}
        </Typography.Text>
      </span>
    ),
  }));

  return (
    <div data-testid="resources-page">
      <div className="lz-page-title">
        <h1>{t('resources.title')}</h1>
      </div>
      <Card style={{ marginBottom: 16 }} styles={{ body: { padding: '12px 16px' } }}>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: '8px 12px', alignItems: 'center' }}>
          {areasAllowed && (
            <Segmented
              value={byArea ? 'area' : 'region'}
              onChange={(value) => setParams(value === 'area' ? { area: '' } : regionCode ? { region: regionCode } : {})}
              options={[
                { value: 'region', label: <span data-testid="subject-region">{t('resources.byRegion')}</span> },
                { value: 'area', label: <span data-testid="subject-area">{t('resources.byArea')}</span> },
              ]}
            />
          )}
          {byArea ? (
            <Select
              value={areaId}
              onChange={(id: number) => setParams({ area: String(id) })}
              showSearch={{ optionFilterProp: 'searchText' }}
              loading={areas.isPending}
              options={areaOptions}
              placeholder={t('resources.pickArea')}
              notFoundContent={areas.isPending ? undefined : t('resources.noAreas')}
              style={{ width: 420, maxWidth: '100%' }}
              popupMatchSelectWidth={false}
              virtual
              data-testid="resources-area"
            />
          ) : (
            <RegionTreeSelect value={regionCode} onChange={(code) => setParams(code ? { region: code } : {})} style={{ width: 280, maxWidth: '100%' }} placeholder={t('resources.pickRegion')} data-testid="resources-region" />
          )}
        </div>
      </Card>
      {subject ? (
        <ResourceReport subject={subject} />
      ) : (
        <Card>
          <EmptyState description={byArea ? t('resources.pickAreaFirst') : t('resources.pickRegionFirst')} />
        </Card>
      )}
    </div>
  );
}
