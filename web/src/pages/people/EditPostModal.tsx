import { App, Descriptions, Form } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Post } from '../../app/api-types.ts';
import { FormModal } from '../../app/FormModal.tsx';
import { showServerErrors } from '../../app/forms.ts';
import { usePostTypeName, usePostTypes } from '../../app/reference.ts';
import { blankToNull, DAY, PostTypeFields, type PostFieldValues } from './post-fields.tsx';
import { useUpdatePost, type PostChanges } from './queries.ts';

/** Corrects a post's details; its type and region are what the post is, so they stay. */
export function EditPostModal({ post, onClose }: { post: Post; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<PostFieldValues>();
  const postTypes = usePostTypes();
  const postTypeName = usePostTypeName();
  const update = useUpdatePost(post.personId);
  const [formError, setFormError] = useState<string | null>(null);
  const category = postTypes.data?.find((type) => type.code === post.postType)?.category;

  const onFinish = async (values: PostFieldValues) => {
    setFormError(null);
    const changes: PostChanges = { title: blankToNull(values.title), startsOn: values.startsOn.format(DAY) };
    if (category === 'chief') changes.responsibilityArea = blankToNull(values.responsibilityArea);
    if (post.postType === 'ranger') changes.rangerKind = values.rangerKind ?? null;
    if (category === 'liaison') changes.department = blankToNull(values.department);
    try {
      await update.mutateAsync({ id: post.id, changes });
      message.success(t('common.saved'));
      onClose();
    } catch (error) {
      setFormError(showServerErrors(form, error));
    }
  };

  return (
    <FormModal title={t('people.editPostTitle')} testId="edit-post-form" onSubmit={() => form.submit()} onCancel={onClose} submitting={update.isPending} error={formError} width={560}>
      <Descriptions
        size="small"
        column={1}
        style={{ marginBottom: 16 }}
        items={[
          { key: 'who', label: t('people.name'), children: post.personName },
          { key: 'type', label: t('people.postType'), children: postTypeName(post.postType, post.postTypeName) },
          { key: 'region', label: t('people.postRegion'), children: post.regionName },
        ]}
      />
      <Form<PostFieldValues>
        form={form}
        layout="vertical"
        initialValues={{
          title: post.title ?? undefined,
          responsibilityArea: post.responsibilityArea ?? undefined,
          rangerKind: post.rangerKind ?? undefined,
          department: post.department ?? undefined,
          startsOn: dayjs(post.startsOn),
        }}
        onFinish={(values) => void onFinish(values)}
      >
        <PostTypeFields postType={post.postType} category={category} />
      </Form>
    </FormModal>
  );
}
