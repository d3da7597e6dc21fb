import { Card, Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { BlockSpin, EmptyState, ErrorResult } from '../../app/feedback.tsx';
import { usePhone } from '../../app/use-phone.ts';
import { useRootRegions } from './queries.ts';
import { RegionDetail } from './RegionDetail.tsx';
import { RegionTree } from './RegionTree.tsx';

/** Browse the region hierarchy of one's scope; the chosen region lives in the address (?code=). */
export function RegionsPage() {
  const { t } = useTranslation();
  const roots = useRootRegions();
  const [params, setParams] = useSearchParams();
  const selected = params.get('code') ?? roots.data?.[0]?.code;
  const phone = usePhone();

  return (
    <div data-testid="regions-page">
      <div className="lz-page-title">
        <h1>{t('regions.title')}</h1>
      </div>
      <Row gutter={[16, 16]} wrap={phone}>
        <Col flex={phone ? '100%' : '300px'}>
          <Card title={t('regions.treeTitle')} styles={{ body: { padding: '12px 8px' } }}>
            <div className="lz-tree-scroll">
              {roots.isPending && <BlockSpin />}
              {roots.isError && <ErrorResult error={roots.error} onRetry={() => void roots.refetch()} compact />}
              {roots.data && roots.data.length === 0 && <EmptyState description={t('regions.noScope')} />}
              {roots.data && roots.data.length > 0 && (
                <RegionTree roots={roots.data} selected={selected} onSelect={(code) => setParams({ code })} />
              )}
            </div>
          </Card>
        </Col>
        <Col flex={phone ? '100%' : 'auto'} style={{ minWidth: 0 }}>
          {selected ? (
            <RegionDetail code={selected} />
          ) : (
            <Card>
              <EmptyState description={t('regions.pickOne')} />
            </Card>
          )}
        </Col>
      </Row>
    </div>
  );
}
