import { Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../app/api-types.ts';
import { useMe } from '../../app/auth.tsx';
import { FormModal } from '../../app/FormModal.tsx';
import { showServerErrors } from '../../app/forms.ts';
import { RegionTreeSelect } from '../regions/RegionTreeSelect.tsx';
import { useCreatePerson, useUpdatePerson, type PersonInput } from './queries.ts';

interface Values {
  name: string;
  phone?: string;
  regionCode: string;
  idCardLast4?: string;
}

const blankToNull = (value: string | undefined) => (value?.trim() ? value.trim() : null);

/** Creates a person, or edits one when `person` is given. */
export function PersonFormModal({ person, onClose, onSaved }: { person?: Person; onClose: () => void; onSaved: (person: Person) => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const [form] = Form.useForm<Values>();
  const create = useCreatePerson();
  const update = useUpdatePerson(person?.id ?? 0);
  const [formError, setFormError] = useState<string | null>(null);
  const saving = create.isPending || update.isPending;

  const onFinish = async (values: Values) => {
    setFormError(null);
    const input: PersonInput = {
      name: values.name.trim(),
      regionCode: values.regionCode,
      phone: blankToNull(values.phone),
      idCardLast4: blankToNull(values.idCardLast4)?.toUpperCase() ?? null,
    };
    try {
      onSaved(person ? await update.mutateAsync(input) : await create.mutateAsync(input));
    } catch (error) {
      setFormError(showServerErrors(form, error));
    }
  };

  return (
    <FormModal
      title={person ? t('people.editTitle') : t('people.createTitle')}
      testId="person-form"
      onSubmit={() => form.submit()}
      onCancel={onClose}
      submitting={saving}
      error={formError}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          name: person?.name,
          phone: person?.phone ?? undefined,
          regionCode: person?.regionCode ?? me.scope[0]?.code,
          idCardLast4: person?.idCardLast4 ?? undefined,
        }}
        onFinish={(values) => void onFinish(values)}
      >
        <Form.Item
          name="name"
          label={t('people.name')}
          rules={[
            { required: true, whitespace: true, message: t('people.rules.nameRequired') },
            { max: 50, message: t('people.rules.nameMax') },
          ]}
        >
          <Input maxLength={50} autoFocus data-testid="person-name" />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('people.phone')}
          extra={t('people.phoneHint')}
          rules={[{ pattern: /^1\d{10}$/, message: t('people.rules.phone') }]}
          validateTrigger="onBlur"
        >
          <Input inputMode="numeric" maxLength={11} data-testid="person-phone" />
        </Form.Item>
        <Form.Item name="regionCode" label={t('people.region')} extra={t('people.regionHint')} rules={[{ required: true, message: t('people.rules.regionRequired') }]}>
          <RegionTreeSelect placeholder={t('people.pickRegion')} data-testid="person-region" />
        </Form.Item>
        <Form.Item name="idCardLast4" label={t('people.idCardLast4')} rules={[{ pattern: /^\d{3}[\dXx]$/, message: t('people.rules.idCardLast4') }]}>
          <Input maxLength={4} style={{ width: 160 }} data-testid="person-idcard" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
