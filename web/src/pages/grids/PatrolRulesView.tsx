import { EditOutlined } from '@ant-design/icons';
import { Button, Card, Col, Row, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan, useMe } from '../../app/auth.tsx';
import { BlockSpin, EmptyState, ErrorResult } from '../../app/feedback.tsx';
import { RegionTreeSelect } from '../regions/RegionTreeSelect.tsx';
import { useRegionRules } from './queries.ts';
import { periodDuty, periodRange } from './rule-text.ts';
import { RuleModal } from './RuleModal.tsx';
import { RuleSummary } from './RuleSummary.tsx';
import type { KeyPeriod, RuleSetting } from './types.ts';
import './grids.css';
import { ResponsiveTable } from '../../app/ResponsiveTable.tsx';

/**
 * 巡护规则 of a region: what is in force today (the region's own setting, the nearest one above
 * it, or the seeds' default) and every setting made at this region, with its dates and basis.
 */
export function PatrolRulesView() {
  const { t } = useTranslation();
  const me = useMe();
  const can = useCan();
  const [regionCode, setRegionCode] = useState<string | undefined>(me.scope[0]?.code);
  const rules = useRegionRules(regionCode);
  const [editing, setEditing] = useState(false);

  const valueText = (setting: RuleSetting) => {
    if (setting.key === 'patrol.key_periods') {
      const periods = Array.isArray(setting.value) ? (setting.value as KeyPeriod[]) : [];
      return periods.length === 0 ? t('grids.rule.noKeyPeriods') : periods.map((p) => `${p.name}：${periodRange(t, p)}，${periodDuty(t, p)}`).join('；');
    }
    const unit = setting.key === 'patrol.min_days_per_month' ? t('grids.rule.daysUnit') : t('grids.rule.hoursUnit');
    return `≥ ${String(setting.value)} ${unit}`;
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="patrol-rules">
      <Card>
        <Space wrap size={12} style={{ width: '100%', justifyContent: 'space-between' }}>
          <Space wrap size={12}>
            <Typography.Text>{t('grids.rule.region')}</Typography.Text>
            <RegionTreeSelect value={regionCode} onChange={setRegionCode} style={{ width: 260 }} data-testid="rules-region" />
          </Space>
          {can('grids.write') && regionCode && rules.data && (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="rules-edit">
              {t('grids.rule.set')}
            </Button>
          )}
        </Space>
      </Card>
      {!regionCode && (
        <Card>
          <EmptyState description={t('grids.rule.pickRegion')} />
        </Card>
      )}
      {regionCode && rules.isPending && <BlockSpin />}
      {rules.isError && <ErrorResult error={rules.error} onRetry={() => void rules.refetch()} compact />}
      {rules.data && (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={12}>
            <Card title={t('grids.rule.inForce', { date: rules.data.effective.on })} style={{ height: '100%' }}>
              <RuleSummary rules={rules.data.effective} />
            </Card>
          </Col>
          <Col xs={24} xl={12}>
            <Card title={t('grids.rule.history')} style={{ height: '100%' }}>
              <ResponsiveTable<RuleSetting>
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={rules.data.settings}
                data-testid="rules-history"
                locale={{ emptyText: <EmptyState description={t('grids.rule.noSettings')} /> }}
                columns={[
                  { title: t('grids.rule.item'), dataIndex: 'key', width: 110, render: (key: RuleSetting['key']) => t(`grids.rule.keys.${key === 'patrol.min_days_per_month' ? 'days' : key === 'patrol.min_hours_per_patrol' ? 'hours' : 'periods'}`) },
                  {
                    title: t('grids.rule.value'),
                    key: 'value',
                    render: (_, s) => (
                      <div>
                        <div>{valueText(s)}</div>
                        {s.source && <div className="lz-rule-source">{t('grids.rule.basis', { text: s.source })}</div>}
                      </div>
                    ),
                  },
                  {
                    title: t('grids.rule.effective'),
                    key: 'dates',
                    width: 150,
                    render: (_, s) => (
                      <Space size={4} wrap>
                        <span style={{ fontVariantNumeric: 'tabular-nums' }}>{s.effectiveTo ? `${s.effectiveFrom} — ${s.effectiveTo}` : t('grids.rule.since', { date: s.effectiveFrom })}</span>
                        {!s.effectiveTo && <Tag color="green">{t('grids.rule.current')}</Tag>}
                      </Space>
                    ),
                  },
                ]}
              />
            </Card>
          </Col>
        </Row>
      )}
      {editing && regionCode && rules.data && <RuleModal regionCode={regionCode} effective={rules.data.effective} onClose={() => setEditing(false)} />}
    </Space>
  );
}
