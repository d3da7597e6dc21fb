import { Descriptions, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Num } from '../../app/numbers.tsx';
import { periodDuty, periodRange, sourceOrigin } from './rule-text.ts';
import type { EffectiveRules, RuleSource } from './types.ts';

function Source({ source }: { source: RuleSource }) {
  const { t } = useTranslation();
  return (
    <div className="lz-rule-source">
      <div>{sourceOrigin(t, source)}</div>
      <div>{t('grids.rule.basis', { text: source.text })}</div>
    </div>
  );
}

/**
 * The patrol requirement in force (《章贡区2021年林长制工作要点》 item 3: ≥ 20 days a month, ≥ 2 h a patrol, daily in
 * the key fire-prevention period), each number with the document it rests on. Sources that are the
 * same for all three are said once.
 */
export function RuleSummary({ rules }: { rules: EffectiveRules }) {
  const { t } = useTranslation();
  const sources = [rules.minDaysPerMonth.source, rules.minHoursPerPatrol.source, rules.keyPeriods.source];
  const first = sources[0]!;
  const same = sources.every((s) => s.kind === first.kind && s.regionCode === first.regionCode && s.effectiveFrom === first.effectiveFrom && s.text === first.text);
  const activeNames = new Set(rules.activeKeyPeriods.map((p) => p.name));

  return (
    <div data-testid="rule-summary">
      <div className="lz-rule-box" style={{ marginBottom: 12 }}>
        <Typography.Text strong data-testid="rule-requirement">
          {rules.requirement}
        </Typography.Text>
      </div>
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: 'days',
            label: t('grids.rule.minDays'),
            children: (
              <div>
                <Num strong unit={t('grids.rule.daysUnit')}>
                  ≥ {rules.minDaysPerMonth.value}
                </Num>
                {!same && <Source source={rules.minDaysPerMonth.source} />}
              </div>
            ),
          },
          {
            key: 'hours',
            label: t('grids.rule.minHours'),
            children: (
              <div>
                <Num strong unit={t('grids.rule.hoursUnit')}>
                  ≥ {rules.minHoursPerPatrol.value}
                </Num>
                {!same && <Source source={rules.minHoursPerPatrol.source} />}
              </div>
            ),
          },
          {
            key: 'periods',
            label: t('grids.rule.keyPeriods'),
            children: (
              <div>
                {rules.keyPeriods.value.length === 0 ? (
                  <Typography.Text type="secondary">{t('grids.rule.noKeyPeriods')}</Typography.Text>
                ) : (
                  <Space orientation="vertical" size={2}>
                    {rules.keyPeriods.value.map((p) => (
                      <Space key={`${p.name}-${p.from}`} size={6} wrap>
                        <Typography.Text strong>{p.name}</Typography.Text>
                        <span>{periodRange(t, p)}</span>
                        <span>· {periodDuty(t, p)}</span>
                        {activeNames.has(p.name) && (
                          <Tag color="red" data-testid="rule-period-now">
                            {t('grids.rule.now')}
                          </Tag>
                        )}
                      </Space>
                    ))}
                  </Space>
                )}
                {!same && <Source source={rules.keyPeriods.source} />}
              </div>
            ),
          },
        ]}
      />
      {same && (
        <div data-testid="rule-source">
          <Source source={first} />
        </div>
      )}
    </div>
  );
}
