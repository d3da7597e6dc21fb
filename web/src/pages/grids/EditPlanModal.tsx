import { App, Form, Input, InputNumber } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../app/FormModal.tsx';
import { showServerErrors } from '../../app/forms.ts';
import { useUpdatePlan } from './queries.ts';
import type { GridPlan } from './types.ts';

interface Values {
  name: string;
  year: number;
  note?: string;
}

/** A draft's name, year and note. */
export function EditPlanModal({ plan, onClose }: { plan: GridPlan; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const update = useUpdatePlan(plan.id);
  const [formError, setFormError] = useState<string | null>(null);

  const onFinish = async (values: Values) => {
    setFormError(null);
    try {
      await update.mutateAsync({ name: values.name.trim(), year: values.year, note: values.note?.trim() || null });
      message.success(t('common.saved'));
      onClose();
    } catch (error) {
      setFormError(showServerErrors(form, error));
    }
  };

  return (
    <FormModal title={t('grids.editPlanTitle')} testId="plan-edit-form" onSubmit={() => form.submit()} onCancel={onClose} submitting={update.isPending} error={formError} width={560}>
      <Form<Values> form={form} layout="vertical" initialValues={{ name: plan.name, year: plan.year, note: plan.note ?? undefined }} onFinish={(values) => void onFinish(values)}>
        <Form.Item
          name="name"
          label={t('grids.planName')}
          rules={[
            { required: true, whitespace: true, message: t('grids.rules.nameRequired') },
            { max: 100, message: t('grids.rules.nameMax') },
          ]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="year" label={t('grids.year')} rules={[{ required: true, message: t('grids.rules.yearRequired') }]}>
          <InputNumber min={2000} max={2100} precision={0} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="note" label={t('grids.note')} rules={[{ max: 1000, message: t('grids.rules.noteMax') }]}>
          <Input.TextArea rows={3} maxLength={1000} showCount />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
