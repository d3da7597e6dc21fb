import { Breadcrumb, Card, Descriptions, Skeleton, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/auth.tsx';
import { ErrorResult } from '../../app/feedback.tsx';
import { formatArea } from './area.ts';
import { BoundaryOutline } from './BoundaryOutline.tsx';
import { levelName } from './levels.ts';
import { useBoundary, useRegion, useRegionPath } from './queries.ts';
import { RegionPosts } from './RegionPosts.tsx';

/** One region: its identity, size and who holds posts there today. */
export function RegionDetail({ code }: { code: string }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const region = useRegion(code);
  const path = useRegionPath(code);
  const boundary = useBoundary(region.data);

  if (region.isPending) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 6 }} />
      </Card>
    );
  }
  if (region.isError) {
    return (
      <Card>
        <ErrorResult error={region.error} onRetry={() => void region.refetch()} compact />
      </Card>
    );
  }
  const r = region.data;

  let area: React.ReactNode;
  if (!r.hasBoundary) area = <Typography.Text type="secondary">{t('regions.noBoundary')}</Typography.Text>;
  else if (boundary.isPending) area = <Skeleton.Input active size="small" />;
  else if (boundary.isError) area = <Typography.Text type="danger">{t('regions.areaUnavailable')}</Typography.Text>;
  else area = formatArea(t, boundary.data.properties.areaMu, i18n.language);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="region-detail">
      <Card>
        <div style={{ display: 'flex', gap: 24 }}>
          <div style={{ flex: 1, minWidth: 0 }}>
            {path.data && path.data.length > 1 && <Breadcrumb style={{ marginBottom: 8 }} items={path.data.map((p) => ({ title: p.name }))} />}
            <Space align="center" size={12} style={{ marginBottom: 16 }}>
              <Typography.Title level={3} style={{ margin: 0 }} data-testid="region-name">
                {r.name}
              </Typography.Title>
              <Tag color="green">{levelName(t, r.level)}</Tag>
            </Space>
            <Descriptions
              column={{ xs: 1, md: 2 }}
              size="small"
              items={[
                { key: 'code', label: t('regions.code'), children: <Typography.Text copyable>{r.code}</Typography.Text> },
                { key: 'level', label: t('regions.level'), children: levelName(t, r.level) },
                { key: 'children', label: t('regions.childCount'), children: t('regions.childCountValue', { count: r.childCount }) },
                { key: 'area', label: t('regions.area'), children: <span data-testid="region-area">{area}</span> },
              ]}
            />
          </div>
          {boundary.data?.geometry && <BoundaryOutline geometry={boundary.data.geometry} label={r.name} />}
        </div>
      </Card>
      {can('people.read') ? (
        <RegionPosts code={r.code} />
      ) : (
        <Card title={t('regions.activePosts')}>
          <Typography.Text type="secondary">{t('regions.postsNeedPermission')}</Typography.Text>
        </Card>
      )}
    </Space>
  );
}
