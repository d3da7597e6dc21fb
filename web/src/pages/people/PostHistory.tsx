import { Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Post } from '../../app/api-types.ts';
import { BlockSpin, EmptyState } from '../../app/feedback.tsx';
import { usePostTypeName } from '../../app/reference.ts';
import { postDetail } from './post-text.ts';

/** Every post held, newest first: rotations keep their history. */
export function PostHistory({ posts, loading }: { posts: Post[] | undefined; loading: boolean }) {
  const { t } = useTranslation();
  const postTypeName = usePostTypeName();
  if (loading) return <BlockSpin minHeight={80} />;
  if (!posts || posts.length === 0) return <EmptyState description={t('people.noHistory')} />;

  return (
    <Timeline
      items={posts.map((post) => {
        const detail = postDetail(t, post);
        return {
          key: post.id,
          color: post.active ? 'green' : 'gray',
          content: (
            <div data-testid="history-item" data-post-id={post.id} data-active={post.active}>
              <div style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
                <Typography.Text strong>
                  {post.startsOn} — {post.endsOn ?? t('people.present')}
                </Typography.Text>
                {post.active && post.endsOn ? (
                  <Tag color="orange">{t('people.statusUntil', { date: post.endsOn })}</Tag>
                ) : post.active ? (
                  <Tag color="green">{t('people.statusActive')}</Tag>
                ) : post.endsOn ? (
                  <Tag>{t('people.statusEnded')}</Tag>
                ) : (
                  <Tag color="blue">{t('people.statusUpcoming')}</Tag>
                )}
              </div>
              <div style={{ marginTop: 4 }}>
                {post.regionName} ·{' '}
                {post.title && post.title !== post.postTypeName
                  ? t('people.typeWithTitle', { type: postTypeName(post.postType, post.postTypeName), title: post.title })
                  : postTypeName(post.postType, post.postTypeName)}
                {detail && <span className="lz-muted"> · {detail}</span>}
              </div>
              {post.endsOn && (
                <div className="lz-muted" style={{ marginTop: 2 }} data-testid="history-end">
                  {t('people.endedOn', { date: post.endsOn, reason: post.endReason ?? t('common.notFilled') })}
                </div>
              )}
            </div>
          ),
        };
      })}
    />
  );
}
