import { EnvironmentOutlined, IdcardOutlined, RightOutlined } from '@ant-design/icons';
import { Breadcrumb, Card, Col, Row, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCan, useMe } from '../../app/auth.tsx';
import { EmptyState } from '../../app/feedback.tsx';
import { visibleMenu } from '../../app/menu.tsx';
import { usePostTypeName } from '../../app/reference.ts';
import { levelName } from '../regions/levels.ts';
import { ScopeSummary } from './ScopeSummary.tsx';

/** What a user sees first: who the system thinks they are, where they may act, and where to go. */
export function HomePage() {
  const me = useMe();
  const can = useCan();
  const { t } = useTranslation();
  const postTypeName = usePostTypeName();
  const shortcuts = visibleMenu(me.permissions).filter((entry) => entry.key !== 'home');

  return (
    <div data-testid="home-page">
      <div className="lz-page-title">
        <div>
          <h1>{t('home.greeting', { name: me.person.name })}</h1>
          <Typography.Text type="secondary">{t('home.today', { date: dayjs().format(t('common.longDateFormat')) })}</Typography.Text>
        </div>
      </div>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card title={<Space><IdcardOutlined />{t('home.myPosts')}</Space>} style={{ height: '100%' }} data-testid="home-posts">
            {me.posts.length === 0 ? (
              <EmptyState description={t('home.noPosts')} />
            ) : (
              <Space orientation="vertical" size={16} style={{ width: '100%' }}>
                {me.posts.map((post) => (
                  <div key={post.id}>
                    <Space size={8} wrap>
                      <Tag color="green">{postTypeName(post.postType, post.postTypeName)}</Tag>
                      {post.title && post.title !== post.postTypeName && <Typography.Text strong>{post.title}</Typography.Text>}
                    </Space>
                    <Breadcrumb style={{ marginTop: 6 }} items={post.regionPath.map((r) => ({ title: r.name }))} />
                  </div>
                ))}
              </Space>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title={<Space><EnvironmentOutlined />{t('home.myScope')}</Space>} style={{ height: '100%' }} data-testid="home-scope">
            <Typography.Paragraph type="secondary">{t('home.scopeHint')}</Typography.Paragraph>
            <Space size={[8, 8]} wrap>
              {me.scope.map((region) => {
                const tag = (
                  <Tag color="green" style={{ fontSize: 14, padding: '4px 10px' }}>
                    {region.name}
                    <span style={{ opacity: 0.65, marginLeft: 6, fontSize: 12 }}>{levelName(t, region.level)}</span>
                  </Tag>
                );
                return can('regions.read') ? (
                  <Link key={region.code} to={`/regions?code=${region.code}`}>
                    {tag}
                  </Link>
                ) : (
                  <span key={region.code}>{tag}</span>
                );
              })}
            </Space>
          </Card>
        </Col>
        {can('people.read') && (
          <Col span={24}>
            <ScopeSummary />
          </Col>
        )}
        {shortcuts.length > 0 && (
          <Col span={24}>
            <Card title={t('home.shortcuts')}>
              <Row gutter={[16, 16]}>
                {shortcuts.map((entry) => (
                  <Col key={entry.key} xs={24} md={12} xl={8}>
                    <Link to={entry.path} data-testid={`shortcut-${entry.key}`} style={{ display: 'block', height: '100%' }}>
                      <Card size="small" hoverable style={{ height: '100%' }}>
                        <Space align="start" size={12} style={{ width: '100%', justifyContent: 'space-between' }}>
                          <Space align="start" size={12}>
                            <span style={{ fontSize: 22, color: '#2f6b3a' }}>{entry.icon}</span>
                            <div>
                              <Typography.Text strong>{t(entry.labelKey)}</Typography.Text>
                              <div className="lz-muted" style={{ fontSize: 13 }}>{t(`home.describe.${entry.key}` as 'home.describe.regions', { defaultValue: '' })}</div>
                            </div>
                          </Space>
                          <RightOutlined className="lz-muted" />
                        </Space>
                      </Card>
                    </Link>
                  </Col>
                ))}
              </Row>
            </Card>
          </Col>
        )}
      </Row>
    </div>
  );
}
