import { useQueries } from '@tanstack/react-query';
import { Card, Col, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../app/api.ts';

/** The chief and grass-roots post types counted on the home page; the rest are office staff. */
const CHIEF_TYPES = ['chief_forest_chief', 'deputy_chief_forest_chief', 'forest_chief'];

/** Headcounts across the user's whole scope: people, chiefs, rangers and supervisors in post today. */
export function ScopeSummary() {
  const { t } = useTranslation();
  const count = (path: '/api/persons' | '/api/posts', query: { postType?: string; active?: boolean }) => ({
    queryKey: ['summary', path, query],
    queryFn: () => api.get(path, { params: { query: { ...query, page: 1, pageSize: 1 } } }).then((page) => page.total),
  });
  const [persons, ranger, supervisor, ...chiefs] = useQueries({
    queries: [
      count('/api/persons', {}),
      count('/api/posts', { postType: 'ranger', active: true }),
      count('/api/posts', { postType: 'supervisor', active: true }),
      ...CHIEF_TYPES.map((postType) => count('/api/posts', { postType, active: true })),
    ],
  });
  const chiefTotal = chiefs.every((q) => q.data !== undefined) ? chiefs.reduce((sum, q) => sum + (q.data ?? 0), 0) : undefined;

  const items = [
    { key: 'persons', title: t('home.summary.persons'), value: persons?.data, to: '/people' },
    { key: 'chiefs', title: t('home.summary.chiefs'), value: chiefTotal, to: undefined },
    { key: 'rangers', title: t('home.summary.rangers'), value: ranger?.data, to: '/people?postType=ranger' },
    { key: 'supervisors', title: t('home.summary.supervisors'), value: supervisor?.data, to: '/people?postType=supervisor' },
  ];
  return (
    <Card title={t('home.summary.title')} data-testid="home-summary">
      <Row gutter={[16, 16]}>
        {items.map((item) => (
          <Col key={item.key} xs={12} lg={6}>
            {item.to ? (
              <Link to={item.to}>
                <Statistic title={item.title} value={item.value ?? '—'} loading={item.value === undefined} />
              </Link>
            ) : (
              <Statistic title={item.title} value={item.value ?? '—'} loading={item.value === undefined} />
            )}
          </Col>
        ))}
      </Row>
    </Card>
  );
}
