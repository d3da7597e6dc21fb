import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person, Post } from '../../app/api-types.ts';
import { useCan } from '../../app/auth.tsx';
import { ErrorResult } from '../../app/feedback.tsx';
import { usePostTypeName } from '../../app/reference.ts';
import { AppointPostModal } from './AppointPostModal.tsx';
import { EditPostModal } from './EditPostModal.tsx';
import { EndPostModal } from './EndPostModal.tsx';
import { postDetail } from './post-text.ts';
import { PostHistory } from './PostHistory.tsx';
import { usePersonPosts } from './queries.ts';
import { ResponsiveTable } from '../../app/ResponsiveTable.tsx';

type Dialog = { kind: 'appoint' } | { kind: 'edit'; post: Post } | { kind: 'end'; post: Post } | null;

/** The posts a person holds today, with what an office does to them, and their whole history. */
export function PostsCard({ person }: { person: Person }) {
  const { t } = useTranslation();
  const can = useCan();
  const writable = can('people.write');
  const postTypeName = usePostTypeName();
  const posts = usePersonPosts(person.id);
  const [dialog, setDialog] = useState<Dialog>(null);
  const active = (posts.data ?? []).filter((p) => p.active);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={t('people.activePosts')}
        extra={
          writable && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'appoint' })} data-testid="post-appoint">
              {t('people.appoint')}
            </Button>
          )
        }
        data-testid="active-posts"
      >
        {posts.isError ? (
          <ErrorResult error={posts.error} onRetry={() => void posts.refetch()} compact />
        ) : (
          <ResponsiveTable<Post>
            rowKey="id"
            size="middle"
            loading={posts.isPending}
            dataSource={active}
            pagination={false}
            locale={{ emptyText: writable ? t('people.noActivePostsWritable') : t('people.noActivePosts') }}
            onRow={(post) => ({ 'data-testid': `active-post-${post.postType}` }) as React.HTMLAttributes<HTMLElement>}
            columns={[
              { title: t('people.postType'), dataIndex: 'postType', width: 150, render: (_, p) => <Tag color="green">{postTypeName(p.postType, p.postTypeName)}</Tag> },
              { title: t('people.postTitle'), dataIndex: 'title', render: (title: string | null) => title ?? '—' },
              { title: t('people.postRegion'), dataIndex: 'regionName', width: 150 },
              { title: t('people.postDetail'), key: 'detail', render: (_, p) => postDetail(t, p) || '—' },
              { title: t('people.startsOn'), dataIndex: 'startsOn', width: 120 },
              ...(writable
                ? [
                    {
                      title: t('common.actions'),
                      key: 'actions',
                      width: 190,
                      render: (_: unknown, p: Post) => (
                        <Space size={0}>
                          <Button type="link" size="small" onClick={() => setDialog({ kind: 'edit', post: p })} data-testid="post-edit">
                            {t('common.edit')}
                          </Button>
                          {p.endsOn ? (
                            // Already ending: the last day is set, the post is held until then.
                            <Tag color="orange" data-testid="post-ending">{t('people.statusUntil', { date: p.endsOn })}</Tag>
                          ) : (
                            <Button type="link" size="small" danger onClick={() => setDialog({ kind: 'end', post: p })} data-testid="post-end">
                              {t('people.endPost')}
                            </Button>
                          )}
                        </Space>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        )}
      </Card>
      <Card title={t('people.history')} data-testid="post-history">
        <PostHistory posts={posts.data} loading={posts.isPending} />
      </Card>
      {dialog?.kind === 'appoint' && <AppointPostModal person={person} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'edit' && <EditPostModal post={dialog.post} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'end' && <EndPostModal post={dialog.post} onClose={() => setDialog(null)} />}
    </Space>
  );
}
