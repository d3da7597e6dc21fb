import { DatePicker, Form, Input, Radio } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { RANGER_KINDS, type PostType, type RangerKind } from '../../app/api-types.ts';
import { rangerKindName } from './post-text.ts';

/** Form values shared by appointing and editing a post. */
export interface PostFieldValues {
  title?: string;
  responsibilityArea?: string;
  rangerKind?: RangerKind;
  department?: string;
  startsOn: Dayjs;
}

export const DAY = 'YYYY-MM-DD';
export const blankToNull = (value: string | undefined) => (value?.trim() ? value.trim() : null);

/**
 * The fields that depend on the post type: a chief's responsibility area, a ranger's kind
 * (required: the database refuses a ranger without one), a liaison's department (required).
 */
export function PostTypeFields({ postType, category }: { postType: string | undefined; category: PostType['category'] | undefined }) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="title" label={t('people.postTitle')} extra={t('people.postTitleHint')} rules={[{ max: 60, message: t('people.rules.titleMax') }]}>
        <Input maxLength={60} data-testid="post-title" />
      </Form.Item>
      {category === 'chief' && (
        <Form.Item name="responsibilityArea" label={t('people.responsibilityArea')} rules={[{ max: 100, message: t('people.rules.areaMax') }]}>
          <Input maxLength={100} placeholder={t('people.responsibilityAreaPlaceholder')} data-testid="post-area" />
        </Form.Item>
      )}
      {postType === 'ranger' && (
        <Form.Item name="rangerKind" label={t('people.rangerKind')} rules={[{ required: true, message: t('people.rules.rangerKindRequired') }]}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={RANGER_KINDS.map((kind) => ({ value: kind, label: <span data-testid={`ranger-kind-${kind}`}>{rangerKindName(t, kind)}</span> }))}
          />
        </Form.Item>
      )}
      {category === 'liaison' && (
        <Form.Item
          name="department"
          label={t('people.department')}
          rules={[
            { required: true, whitespace: true, message: t('people.rules.departmentRequired') },
            { max: 60, message: t('people.rules.departmentMax') },
          ]}
        >
          <Input maxLength={60} placeholder={t('people.departmentPlaceholder')} data-testid="post-department" />
        </Form.Item>
      )}
      <Form.Item name="startsOn" label={t('people.startsOn')} rules={[{ required: true, message: t('people.rules.startsOnRequired') }]}>
        <DatePicker style={{ width: 200 }} allowClear={false} data-testid="post-starts-on" />
      </Form.Item>
    </>
  );
}
