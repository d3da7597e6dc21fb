import { Form, Input, InputNumber, Radio } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../app/auth.tsx';
import { todayInChina } from '../../app/dates.ts';
import { FormModal } from '../../app/FormModal.tsx';
import { showServerErrors } from '../../app/forms.ts';
import { RegionTreeSelect } from '../regions/RegionTreeSelect.tsx';
import { useCreatePlan, usePlans } from './queries.ts';
import type { GridPlan } from './types.ts';

interface Values {
  regionCode: string;
  year: number;
  name: string;
  note?: string;
  copyFrom: 'active' | 'none';
}

/**
 * Starts next year's draft: by default a copy of the region's active plan (every grid with its
 * code, boundary, ranger and rules), or an empty plan to draw from scratch.
 */
export function CreatePlanModal({ onClose, onCreated }: { onClose: () => void; onCreated: (plan: GridPlan) => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const [form] = Form.useForm<Values>();
  const create = useCreatePlan();
  const plans = usePlans();
  const [formError, setFormError] = useState<string | null>(null);
  const root = me.scope[0];
  const regionCode = Form.useWatch('regionCode', form);
  const active = plans.data?.find((p) => p.status === 'active' && p.regionCode === regionCode);
  const year = todayInChina().year() + 1;

  const onFinish = async (values: Values) => {
    setFormError(null);
    try {
      onCreated(
        await create.mutateAsync({
          regionCode: values.regionCode,
          year: values.year,
          name: values.name.trim(),
          note: values.note?.trim() || null,
          copyFrom: values.copyFrom,
        }),
      );
    } catch (error) {
      setFormError(showServerErrors(form, error));
    }
  };

  return (
    <FormModal title={t('grids.createTitle')} testId="plan-form" onSubmit={() => form.submit()} onCancel={onClose} submitting={create.isPending} submitText={t('grids.createSubmit')} error={formError} width={560}>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          regionCode: root?.code,
          year,
          name: root ? t('grids.defaultName', { region: root.name, year }) : '',
          copyFrom: 'active',
        }}
        onFinish={(values) => void onFinish(values)}
      >
        <Form.Item name="regionCode" label={t('grids.region')} extra={t('grids.regionHint')} rules={[{ required: true, message: t('grids.rules.regionRequired') }]}>
          <RegionTreeSelect data-testid="plan-region" />
        </Form.Item>
        <Form.Item name="year" label={t('grids.year')} rules={[{ required: true, message: t('grids.rules.yearRequired') }]}>
          <InputNumber min={2000} max={2100} precision={0} style={{ width: 140 }} data-testid="plan-year" />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('grids.planName')}
          rules={[
            { required: true, whitespace: true, message: t('grids.rules.nameRequired') },
            { max: 100, message: t('grids.rules.nameMax') },
          ]}
        >
          <Input maxLength={100} data-testid="plan-name" />
        </Form.Item>
        <Form.Item name="copyFrom" label={t('grids.copyFrom')} extra={active ? t('grids.copyFromActive', { name: active.name, count: active.gridCount }) : t('grids.copyFromNoActive')}>
          <Radio.Group
            options={[
              { value: 'active', label: <span data-testid="plan-copy-active">{t('grids.copyActive')}</span> },
              { value: 'none', label: <span data-testid="plan-copy-none">{t('grids.copyNone')}</span> },
            ]}
          />
        </Form.Item>
        <Form.Item name="note" label={t('grids.note')} rules={[{ max: 1000, message: t('grids.rules.noteMax') }]}>
          <Input.TextArea rows={3} maxLength={1000} showCount data-testid="plan-note" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
