import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Card, Col, Descriptions, Row, Skeleton, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useCan } from '../../app/auth.tsx';
import { ErrorResult } from '../../app/feedback.tsx';
import { AccountCard } from './AccountCard.tsx';
import { PersonFormModal } from './PersonFormModal.tsx';
import { PersonPhoto } from './PersonPhoto.tsx';
import { PostsCard } from './PostsCard.tsx';
import { usePerson } from './queries.ts';

/** One person: who they are, every post they hold or held, and their sign-in account. */
export function PersonPage() {
  const { t } = useTranslation();
  const can = useCan();
  const id = Number(useParams().id);
  const person = usePerson(id);
  const [editing, setEditing] = useState(false);

  const back = (
    <Link to="/people">
      <Button type="text" icon={<ArrowLeftOutlined />}>
        {t('people.backToList')}
      </Button>
    </Link>
  );

  if (person.isPending) {
    return (
      <Card>
        <Skeleton avatar active paragraph={{ rows: 4 }} />
      </Card>
    );
  }
  if (person.isError) {
    return (
      <>
        {back}
        <ErrorResult error={person.error} onRetry={() => void person.refetch()} />
      </>
    );
  }
  const p = person.data;

  return (
    <div data-testid="person-page">
      <div style={{ marginBottom: 8, marginLeft: -8 }}>{back}</div>
      <Row gutter={[16, 16]}>
        <Col span={24}>
          <Card>
            <div style={{ display: 'flex', gap: 24, alignItems: 'flex-start', flexWrap: 'wrap' }}>
              <PersonPhoto person={p} canUpload={can('people.write')} />
              <div style={{ flex: 1, minWidth: 280 }}>
                <Space align="center" style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }}>
                  <Typography.Title level={3} style={{ margin: 0 }} data-testid="person-title">
                    {p.name}
                  </Typography.Title>
                  {can('people.write') && (
                    <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="person-edit">
                      {t('people.edit')}
                    </Button>
                  )}
                </Space>
                <Descriptions
                  column={{ xs: 1, md: 2 }}
                  size="small"
                  items={[
                    { key: 'phone', label: t('people.phone'), children: p.phone ?? t('common.notFilled') },
                    { key: 'region', label: t('people.region'), children: p.regionName },
                    { key: 'idCard', label: t('people.idCardLast4'), children: p.idCardLast4 ?? t('common.notFilled') },
                    { key: 'updated', label: t('people.updatedAt'), children: dayjs(p.updatedAt).format('YYYY-MM-DD HH:mm') },
                  ]}
                />
              </div>
            </div>
          </Card>
        </Col>
        <Col span={24}>
          <PostsCard person={p} />
        </Col>
        {can('accounts.manage') && (
          <Col span={24}>
            <AccountCard person={p} />
          </Col>
        )}
      </Row>
      {editing && <PersonFormModal person={p} onClose={() => setEditing(false)} onSaved={() => setEditing(false)} />}
    </div>
  );
}
