import { Card, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Post } from '../../app/api-types.ts';
import { ErrorResult } from '../../app/feedback.tsx';
import { usePostTypeName } from '../../app/reference.ts';
import { postDetail } from '../people/post-text.ts';
import { useActivePostsUnder } from './queries.ts';
import { ResponsiveTable } from '../../app/ResponsiveTable.tsx';

/** Posts held today at exactly this region, with a count of those further down. */
export function RegionPosts({ code }: { code: string }) {
  const { t } = useTranslation();
  const postTypeName = usePostTypeName();
  const posts = useActivePostsUnder(code, true);
  const here = (posts.data?.items ?? []).filter((p) => p.regionCode === code);
  const below = posts.data ? posts.data.total - here.length : 0;

  return (
    <Card
      title={t('regions.activePosts')}
      extra={below > 0 && <Typography.Text type="secondary">{t('regions.postsBelow', { count: below })}</Typography.Text>}
      data-testid="region-posts"
    >
      {posts.isError ? (
        <ErrorResult error={posts.error} onRetry={() => void posts.refetch()} compact />
      ) : (
        <ResponsiveTable<Post>
          rowKey="id"
          size="middle"
          loading={posts.isPending}
          dataSource={here}
          pagination={false}
          locale={{ emptyText: t('regions.noPostsHere') }}
          columns={[
            { title: t('people.postType'), dataIndex: 'postType', width: 140, render: (_, p) => <Tag color="green">{postTypeName(p.postType, p.postTypeName)}</Tag> },
            { title: t('people.postTitle'), dataIndex: 'title', render: (title: string | null) => title ?? '—' },
            { title: t('people.name'), dataIndex: 'personName', render: (name: string, p) => <Link to={`/people/${p.personId}`}>{name}</Link> },
            { title: t('people.postDetail'), key: 'detail', render: (_, p) => postDetail(t, p) || '—' },
            { title: t('people.startsOn'), dataIndex: 'startsOn', width: 120 },
          ]}
        />
      )}
    </Card>
  );
}
