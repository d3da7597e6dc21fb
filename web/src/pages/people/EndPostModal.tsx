import { Alert, App, DatePicker, Form, Input, Space, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Post } from '../../app/api-types.ts';
import { todayInChina } from '../../app/dates.ts';
import { FormModal } from '../../app/FormModal.tsx';
import { showServerErrors } from '../../app/forms.ts';
import { usePostTypeName } from '../../app/reference.ts';
import { DAY } from './post-fields.tsx';
import { useEndPost } from './queries.ts';

interface Values {
  endsOn: Dayjs;
  reason: string;
}

/**
 * Ends a post on a date, for a reason. The record stays in the person's history; there is no
 * undo, so the modal says so and the button is red.
 */
export function EndPostModal({ post, onClose }: { post: Post; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const postTypeName = usePostTypeName();
  const end = useEndPost(post.personId);
  const [formError, setFormError] = useState<string | null>(null);
  const reasons: readonly string[] = t('people.endReasons', { returnObjects: true });

  const onFinish = async (values: Values) => {
    setFormError(null);
    try {
      await end.mutateAsync({ id: post.id, endsOn: values.endsOn.format(DAY), reason: values.reason.trim() });
      message.success(t('people.ended'));
      onClose();
    } catch (error) {
      setFormError(showServerErrors(form, error, { endsOn: 'endsOn', reason: 'reason' }));
    }
  };

  const what = `${post.personName} · ${post.regionName} · ${post.title ?? postTypeName(post.postType, post.postTypeName)}`;
  return (
    <FormModal
      title={t('people.endPostTitle')}
      testId="end-post-form"
      onSubmit={() => form.submit()}
      onCancel={onClose}
      submitting={end.isPending}
      submitText={t('people.confirmEnd')}
      danger
      error={formError}
    >
      <Alert type="warning" showIcon title={what} description={t('people.endWarning')} style={{ marginBottom: 16 }} />
      <Form<Values> form={form} layout="vertical" initialValues={{ endsOn: todayInChina() }} onFinish={(values) => void onFinish(values)}>
        <Form.Item
          name="endsOn"
          label={t('people.endsOn')}
          extra={t('people.endsOnHint', { date: post.startsOn })}
          rules={[
            { required: true, message: t('people.rules.endsOnRequired') },
            {
              validator: (_, value: Dayjs | undefined) =>
                !value || value.format(DAY) >= post.startsOn ? Promise.resolve() : Promise.reject(new Error(t('people.rules.endsOnAfterStart', { date: post.startsOn }))),
            },
          ]}
        >
          <DatePicker style={{ width: 200 }} allowClear={false} disabledDate={(d) => d.format(DAY) < post.startsOn} data-testid="end-post-date" />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('people.endReason')}
          rules={[
            { required: true, whitespace: true, message: t('people.rules.reasonRequired') },
            { max: 200, message: t('people.rules.reasonMax') },
          ]}
        >
          <Input.TextArea rows={2} maxLength={200} showCount placeholder={t('people.endReasonPlaceholder')} data-testid="end-post-reason" />
        </Form.Item>
        <Space size={[4, 8]} wrap style={{ marginTop: -8 }}>
          <span className="lz-muted">{t('people.commonReasons')}</span>
          {reasons.map((reason) => (
            <Tag key={reason} style={{ cursor: 'pointer' }} onClick={() => form.setFields([{ name: 'reason', value: reason, errors: [] }])}>
              {reason}
            </Tag>
          ))}
        </Space>
      </Form>
    </FormModal>
  );
}
