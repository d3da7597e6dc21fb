import { SearchOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { RegionTreeSelect } from '../regions/RegionTreeSelect.tsx';
import { actionLabel, AUDIT_ACTIONS, AUDIT_ENTITIES, entityLabel } from './labels.ts';

export interface AuditFilter {
  from?: string;
  to?: string;
  actor?: string;
  action?: string;
  entity?: string;
  entityId?: string;
  regionCode?: string;
}

interface Values {
  range?: [Dayjs | null, Dayjs | null] | null;
  actor?: string;
  action?: string;
  entity?: string;
  entityId?: string;
  regionCode?: string;
}

const trimmed = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);

/** The search form above the audit table; applies on 查询, clears on 重置. */
export function AuditFilters({ value, onChange }: { value: AuditFilter; onChange: (filter: AuditFilter) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();

  const apply = (values: Values) => {
    const [from, to] = values.range ?? [];
    onChange({
      from: from?.toISOString(),
      // The server's upper bound is exclusive: include the whole chosen minute.
      to: to?.add(1, 'minute').startOf('minute').toISOString(),
      actor: trimmed(values.actor),
      action: values.action,
      entity: values.entity,
      entityId: trimmed(values.entityId),
      regionCode: values.regionCode,
    });
  };

  return (
    <Form<Values> form={form} layout="inline" onFinish={apply} style={{ rowGap: 12, marginBottom: 16 }} data-testid="audit-filters">
      <Form.Item name="range" label={t('audit.timeRange')}>
        <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" allowEmpty={[true, true]} style={{ width: 340 }} />
      </Form.Item>
      <Form.Item name="actor" label={t('audit.actor')}>
        <Input placeholder={t('audit.actorPlaceholder')} allowClear style={{ width: 180 }} maxLength={64} data-testid="audit-actor" />
      </Form.Item>
      <Form.Item name="action" label={t('audit.action')}>
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={t('common.all')}
          style={{ width: 170 }}
          options={AUDIT_ACTIONS.map((a) => ({ value: a, label: actionLabel(t, a) }))}
          data-testid="audit-action"
        />
      </Form.Item>
      <Form.Item name="entity" label={t('audit.entity')}>
        <Select allowClear placeholder={t('common.all')} style={{ width: 130 }} options={AUDIT_ENTITIES.map((e) => ({ value: e, label: entityLabel(t, e) }))} />
      </Form.Item>
      <Form.Item name="entityId" label={t('audit.entityId')}>
        <Input allowClear style={{ width: 110 }} maxLength={64} data-testid="audit-entity-id" />
      </Form.Item>
      <Form.Item name="regionCode" label={t('audit.region')}>
        <RegionTreeSelect allowClear placeholder={t('common.all')} style={{ width: 180 }} />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid="audit-search">
          {t('common.search')}
        </Button>
      </Form.Item>
      <Form.Item>
        <Button
          onClick={() => {
            form.resetFields();
            if (Object.values(value).some(Boolean)) onChange({});
          }}
        >
          {t('common.reset')}
        </Button>
      </Form.Item>
    </Form>
  );
}
