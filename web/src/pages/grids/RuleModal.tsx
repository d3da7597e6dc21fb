import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Form, Input, InputNumber, Radio, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayInChina } from '../../app/dates.ts';
import { FormModal } from '../../app/FormModal.tsx';
import { showServerErrors } from '../../app/forms.ts';
import { useSetRule } from './queries.ts';
import type { EffectiveRules, KeyPeriod, RuleKey } from './types.ts';

interface Values {
  key: RuleKey;
  days?: number;
  hours?: number;
  periods?: KeyPeriod[];
  effectiveFrom: Dayjs;
  source?: string;
}

const MONTH_DAY = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/**
 * Sets one patrol rule of a region from a date on (the previous setting ends the day before).
 * The form starts from the values in force, so an office changes only what the new document changes.
 */
export function RuleModal({ regionCode, effective, onClose }: { regionCode: string; effective: EffectiveRules; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const set = useSetRule(regionCode);
  const [formError, setFormError] = useState<string | null>(null);
  const key = Form.useWatch('key', form) ?? 'patrol.min_days_per_month';

  const onFinish = async (values: Values) => {
    setFormError(null);
    const value = values.key === 'patrol.min_days_per_month' ? values.days! : values.key === 'patrol.min_hours_per_patrol' ? values.hours! : (values.periods ?? []);
    try {
      await set.mutateAsync({ key: values.key, value, effectiveFrom: values.effectiveFrom.format('YYYY-MM-DD'), source: values.source?.trim() || null });
      message.success(t('common.saved'));
      onClose();
    } catch (error) {
      setFormError(showServerErrors(form, error, { value: values.key === 'patrol.min_days_per_month' ? 'days' : values.key === 'patrol.min_hours_per_patrol' ? 'hours' : 'periods' }));
    }
  };

  return (
    <FormModal title={t('grids.rule.setTitle')} testId="rule-form" onSubmit={() => form.submit()} onCancel={onClose} submitting={set.isPending} error={formError} width={680}>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          key: 'patrol.min_days_per_month',
          days: effective.minDaysPerMonth.value,
          hours: effective.minHoursPerPatrol.value,
          periods: effective.keyPeriods.value.map((p) => ({ ...p, target: p.target ?? 'key_risk_areas' })),
          effectiveFrom: todayInChina(),
        }}
        onFinish={(values) => void onFinish(values)}
      >
        <Form.Item name="key" label={t('grids.rule.item')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'patrol.min_days_per_month', label: t('grids.rule.keys.days') },
              { value: 'patrol.min_hours_per_patrol', label: t('grids.rule.keys.hours') },
              { value: 'patrol.key_periods', label: t('grids.rule.keys.periods') },
            ]}
          />
        </Form.Item>
        {key === 'patrol.min_days_per_month' && (
          <Form.Item name="days" label={t('grids.rule.minDays')} rules={[{ required: true, message: t('grids.rule.daysRule') }]}>
            <InputNumber min={1} max={31} precision={0} suffix={t('grids.rule.daysUnit')} style={{ width: 160 }} data-testid="rule-days" />
          </Form.Item>
        )}
        {key === 'patrol.min_hours_per_patrol' && (
          <Form.Item name="hours" label={t('grids.rule.minHours')} rules={[{ required: true, message: t('grids.rule.hoursRule') }]}>
            <InputNumber min={0.5} max={24} step={0.5} suffix={t('grids.rule.hoursUnit')} style={{ width: 160 }} data-testid="rule-hours" />
          </Form.Item>
        )}
        {key === 'patrol.key_periods' && (
          <Form.Item label={t('grids.rule.keyPeriods')} extra={t('grids.rule.periodHint')} required>
            <Form.List name="periods">
              {(fields, { add, remove }) => (
                <Space orientation="vertical" size={8} style={{ width: '100%' }}>
                  {fields.map((field) => (
                    <Space key={field.key} align="start" size={6} wrap>
                      <Form.Item name={[field.name, 'name']} noStyle rules={[{ required: true, whitespace: true, message: t('grids.rule.periodNameRule') }]}>
                        <Input placeholder={t('grids.rule.periodName')} maxLength={40} style={{ width: 130 }} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'from']} noStyle rules={[{ required: true, pattern: MONTH_DAY, message: t('grids.rule.monthDayRule') }]}>
                        <Input placeholder="10-01" maxLength={5} style={{ width: 76 }} />
                      </Form.Item>
                      <span style={{ lineHeight: '32px' }}>—</span>
                      <Form.Item name={[field.name, 'to']} noStyle rules={[{ required: true, pattern: MONTH_DAY, message: t('grids.rule.monthDayRule') }]}>
                        <Input placeholder="04-30" maxLength={5} style={{ width: 76 }} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'target']} noStyle>
                        <Select
                          style={{ width: 110 }}
                          options={[
                            { value: 'key_risk_areas', label: t('grids.rule.targets.key_risk_areas') },
                            { value: 'whole_grid', label: t('grids.rule.targets.whole_grid') },
                          ]}
                        />
                      </Form.Item>
                      <Form.Item name={[field.name, 'frequency']} noStyle rules={[{ required: true }]}>
                        <Select
                          style={{ width: 120 }}
                          options={[
                            { value: 'daily', label: t('grids.rule.frequency.daily') },
                            { value: 'weekly', label: t('grids.rule.frequency.weekly') },
                          ]}
                        />
                      </Form.Item>
                      <Button type="text" icon={<MinusCircleOutlined />} onClick={() => remove(field.name)} aria-label={t('grids.rule.removePeriod')} />
                    </Space>
                  ))}
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', from: '', to: '', frequency: 'daily', target: 'key_risk_areas' })}>
                    {t('grids.rule.addPeriod')}
                  </Button>
                </Space>
              )}
            </Form.List>
          </Form.Item>
        )}
        <Form.Item name="effectiveFrom" label={t('grids.rule.effectiveFrom')} extra={t('grids.rule.effectiveFromHint')} rules={[{ required: true, message: t('grids.rule.effectiveFromRule') }]}>
          <DatePicker style={{ width: 180 }} />
        </Form.Item>
        <Form.Item name="source" label={t('grids.rule.sourceLabel')} extra={t('grids.rule.sourceHint')} rules={[{ max: 300, message: t('grids.rule.sourceMax') }]}>
          <Input.TextArea rows={2} maxLength={300} showCount placeholder={t('grids.rule.sourcePlaceholder')} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
