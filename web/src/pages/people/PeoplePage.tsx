import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Input, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import type { Person } from '../../app/api-types.ts';
import { useCan } from '../../app/auth.tsx';
import { EmptyState, ErrorResult } from '../../app/feedback.tsx';
import { usePostTypeName, usePostTypes } from '../../app/reference.ts';
import { RegionTreeSelect } from '../regions/RegionTreeSelect.tsx';
import { PersonAvatar } from './PersonAvatar.tsx';
import { PersonFormModal } from './PersonFormModal.tsx';
import { usePersons, type PersonFilter } from './queries.ts';
import { ResponsiveTable } from '../../app/ResponsiveTable.tsx';

const PAGE_SIZES = [20, 50, 100];

/** Filters live in the address, so the list comes back as it was after opening a person. */
function useFilter(): [PersonFilter, (changes: Partial<PersonFilter>) => void] {
  const [params, setParams] = useSearchParams();
  const filter: PersonFilter = {
    regionCode: params.get('region') ?? undefined,
    q: params.get('q') ?? undefined,
    postType: params.get('postType') ?? undefined,
    page: Number(params.get('page') ?? 1) || 1,
    pageSize: PAGE_SIZES.includes(Number(params.get('pageSize'))) ? Number(params.get('pageSize')) : 20,
  };
  const update = (changes: Partial<PersonFilter>) => {
    const next = { ...filter, page: 1, ...changes };
    const search = new URLSearchParams();
    if (next.regionCode) search.set('region', next.regionCode);
    if (next.q) search.set('q', next.q);
    if (next.postType) search.set('postType', next.postType);
    if (next.page > 1) search.set('page', String(next.page));
    if (next.pageSize !== 20) search.set('pageSize', String(next.pageSize));
    setParams(search);
  };
  return [filter, update];
}

export function PeoplePage() {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const [filter, setFilter] = useFilter();
  const persons = usePersons(filter);
  const postTypes = usePostTypes();
  const postTypeName = usePostTypeName();
  const [creating, setCreating] = useState(false);
  const [search, setSearch] = useState(filter.q ?? '');
  // The address can change under the box (menu click, back button): follow it.
  const [shownQ, setShownQ] = useState(filter.q);
  if (shownQ !== filter.q) {
    setShownQ(filter.q);
    setSearch(filter.q ?? '');
  }
  const filtered = !!(filter.q || filter.regionCode || filter.postType);

  return (
    <div data-testid="people-page">
      <div className="lz-page-title">
        <h1>{t('people.title')}</h1>
        {can('people.write') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="person-create">
            {t('people.create')}
          </Button>
        )}
      </div>
      <Card>
        <Space wrap size={12} style={{ marginBottom: 16 }}>
          <RegionTreeSelect
            value={filter.regionCode}
            onChange={(regionCode) => setFilter({ regionCode })}
            placeholder={t('people.filterRegion')}
            allowClear
            style={{ width: 240 }}
            data-testid="filter-region"
          />
          <Input.Search
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            onSearch={(q) => setFilter({ q: q.trim() || undefined })}
            placeholder={t('people.searchPlaceholder')}
            allowClear
            style={{ width: 260 }}
            maxLength={50}
            data-testid="filter-q"
          />
          <Select
            value={filter.postType}
            onChange={(postType?: string) => setFilter({ postType })}
            placeholder={t('people.filterPostType')}
            allowClear
            style={{ width: 200 }}
            loading={postTypes.isPending}
            options={(postTypes.data ?? []).map((type) => ({ value: type.code, label: i18n.language === 'en' ? type.nameEn : type.nameZh }))}
            data-testid="filter-post-type"
          />
        </Space>
        {persons.isError ? (
          <ErrorResult error={persons.error} onRetry={() => void persons.refetch()} />
        ) : (
          <ResponsiveTable<Person>
            rowKey="id"
            loading={persons.isFetching}
            dataSource={persons.data?.items}
            locale={{
              emptyText: filtered ? (
                <EmptyState description={t('people.noMatch')}>
                  <Button
                    onClick={() => {
                      setSearch('');
                      setFilter({ regionCode: undefined, q: undefined, postType: undefined });
                    }}
                  >
                    {t('people.clearFilters')}
                  </Button>
                </EmptyState>
              ) : (
                <EmptyState description={t('people.empty')} />
              ),
            }}
            onRow={(person) => ({ onClick: () => void navigate(`/people/${person.id}`), style: { cursor: 'pointer' } })}
            pagination={{
              current: filter.page,
              pageSize: filter.pageSize,
              total: persons.data?.total ?? 0,
              pageSizeOptions: PAGE_SIZES,
              showSizeChanger: true,
              showTotal: (total) => t('common.total', { count: total }),
              onChange: (page, pageSize) => setFilter({ page, pageSize }),
            }}
            columns={[
              {
                title: t('people.name'),
                dataIndex: 'name',
                width: 180,
                render: (name: string, person) => (
                  <Space size={10}>
                    <PersonAvatar person={person} size={32} />
                    <Link to={`/people/${person.id}`} onClick={(e) => e.stopPropagation()} data-testid="person-link">
                      {name}
                    </Link>
                  </Space>
                ),
              },
              { title: t('people.phone'), dataIndex: 'phone', width: 140, render: (phone: string | null) => phone ?? <Typography.Text type="secondary">—</Typography.Text> },
              { title: t('people.region'), dataIndex: 'regionName', width: 160 },
              {
                title: t('people.activePosts'),
                key: 'posts',
                render: (_, person) =>
                  person.activePosts.length === 0 ? (
                    <Typography.Text type="secondary">{t('people.noActivePost')}</Typography.Text>
                  ) : (
                    <Space size={[4, 4]} wrap>
                      {person.activePosts.map((post) => (
                        <Tag key={post.id} color="green">
                          {post.regionName} · {post.title ?? postTypeName(post.postType, post.postTypeName)}
                        </Tag>
                      ))}
                    </Space>
                  ),
              },
            ]}
          />
        )}
      </Card>
      {creating && (
        <PersonFormModal
          onClose={() => setCreating(false)}
          onSaved={(person) => {
            setCreating(false);
            void navigate(`/people/${person.id}`);
          }}
        />
      )}
    </div>
  );
}
