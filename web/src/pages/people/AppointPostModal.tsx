import { App, Form, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { POST_CATEGORIES, type Person } from '../../app/api-types.ts';
import { todayInChina } from '../../app/dates.ts';
import { FormModal } from '../../app/FormModal.tsx';
import { showServerErrors } from '../../app/forms.ts';
import { usePostTypes } from '../../app/reference.ts';
import { RegionTreeSelect } from '../regions/RegionTreeSelect.tsx';
import { blankToNull, DAY, PostTypeFields, type PostFieldValues } from './post-fields.tsx';
import { useAppoint } from './queries.ts';

interface Values extends PostFieldValues {
  postType: string;
  regionCode: string;
}


/** Appoints the person to a post at a region in the user's scope, from a start date. */
export function AppointPostModal({ person, onClose }: { person: Person; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const postTypes = usePostTypes();
  const appoint = useAppoint(person.id);
  const [formError, setFormError] = useState<string | null>(null);
  const postType = Form.useWatch('postType', form);
  const category = postTypes.data?.find((type) => type.code === postType)?.category;

  const onFinish = async (values: Values) => {
    setFormError(null);
    try {
      await appoint.mutateAsync({
        postType: values.postType,
        regionCode: values.regionCode,
        title: blankToNull(values.title),
        responsibilityArea: category === 'chief' ? blankToNull(values.responsibilityArea) : null,
        rangerKind: values.postType === 'ranger' ? (values.rangerKind ?? null) : null,
        department: category === 'liaison' ? blankToNull(values.department) : null,
        startsOn: values.startsOn.format(DAY),
      });
      message.success(t('people.appointed'));
      onClose();
    } catch (error) {
      setFormError(showServerErrors(form, error));
    }
  };

  const options = POST_CATEGORIES.map((c) => ({
    label: t(`people.categories.${c}`),
    options: (postTypes.data ?? [])
      .filter((type) => type.category === c)
      .map((type) => ({ value: type.code, label: <span data-testid={`post-type-option-${type.code}`}>{i18n.language === 'en' ? type.nameEn : type.nameZh}</span> })),
  })).filter((group) => group.options.length > 0);

  return (
    <FormModal
      title={t('people.appointTitle', { name: person.name })}
      testId="appoint-form"
      onSubmit={() => form.submit()}
      onCancel={onClose}
      submitting={appoint.isPending}
      submitText={t('people.appoint')}
      error={formError}
      width={560}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ regionCode: person.regionCode, startsOn: todayInChina() }}
        onFinish={(values) => void onFinish(values)}
      >
        <Form.Item name="postType" label={t('people.postType')} rules={[{ required: true, message: t('people.rules.postTypeRequired') }]}>
          <Select options={options} virtual={false} loading={postTypes.isPending} placeholder={t('people.pickPostType')} data-testid="post-type" />
        </Form.Item>
        <Form.Item name="regionCode" label={t('people.postRegion')} extra={t('people.postRegionHint')} rules={[{ required: true, message: t('people.rules.regionRequired') }]}>
          <RegionTreeSelect placeholder={t('people.pickRegion')} data-testid="post-region" />
        </Form.Item>
        <PostTypeFields postType={postType} category={category} />
      </Form>
    </FormModal>
  );
}
