import { Alert, Form, Input, InputNumber } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../app/auth.tsx';
import { FormModal } from '../../app/FormModal.tsx';
import { showServerErrors } from '../../app/forms.ts';
import { useCreateDraftPlan, type GridPlanRecord } from './queries.ts';

interface Values {
  year: number;
  name: string;
}

/** 新建草稿方案: a copy of the active grid plan of the user's area, to reshape grids in. */
export function DraftPlanModal({ onClose, onCreated }: { onClose: () => void; onCreated: (plan: GridPlanRecord) => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const region = me.scope[0];
  const [form] = Form.useForm<Values>();
  const create = useCreateDraftPlan();
  const [formError, setFormError] = useState<string | null>(null);
  const year = new Date().getFullYear() + 1;

  const onFinish = async (values: Values) => {
    if (!region) return;
    setFormError(null);
    try {
      onCreated(await create.mutateAsync({ regionCode: region.code, year: values.year, name: values.name.trim() }));
    } catch (error) {
      setFormError(showServerErrors(form, error));
    }
  };

  return (
    <FormModal title={t('map.draft.title')} testId="draft-plan-form" onSubmit={() => form.submit()} onCancel={onClose} submitting={create.isPending} error={formError}>
      <Alert type="info" showIcon title={t('map.draft.copyHint')} style={{ marginBottom: 16 }} />
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ year, name: t('map.draft.nameDefault', { region: region?.name ?? '', year }) }}
        onFinish={(values) => void onFinish(values)}
      >
        <Form.Item name="year" label={t('map.draft.year')} rules={[{ required: true }]}>
          <InputNumber min={2000} max={2100} precision={0} style={{ width: 140 }} data-testid="draft-plan-year" />
        </Form.Item>
        <Form.Item name="name" label={t('map.draft.name')} rules={[{ required: true, whitespace: true, message: t('map.draw.rules.name') }]}>
          <Input maxLength={100} data-testid="draft-plan-name" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
