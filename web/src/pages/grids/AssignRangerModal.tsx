import { Alert, App, Descriptions, Form, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/auth.tsx';
import { FormModal } from '../../app/FormModal.tsx';
import { showServerErrors } from '../../app/forms.ts';
import { GridArea } from './AreaCells.tsx';
import { useAssignRanger, useRangerPosts, useUnassigned } from './queries.ts';
import type { Grid } from './types.ts';

interface Values {
  rangerPostId: number;
}

/**
 * Puts a ranger on a grid. The choice is the rangers the server accepts for this grid (held today,
 * in the grid's village or township); those who already guard a grid of this plan are marked, and
 * the server's 409 ("一名护林员只能负责一个网格") is shown if one is chosen anyway.
 */
export function AssignRangerModal({ grid, onClose }: { grid: Grid; onClose: () => void }) {
  const { t } = useTranslation();
  const can = useCan();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const rangers = useRangerPosts(grid.regionCode);
  const knowsFree = can('people.read');
  const unassigned = useUnassigned(grid.planId, undefined, knowsFree);
  const assign = useAssignRanger();
  const [formError, setFormError] = useState<string | null>(null);
  const free = unassigned.data ? new Set(unassigned.data.rangersWithoutGrid.map((r) => r.postId)) : null;

  const onFinish = async (values: Values) => {
    setFormError(null);
    try {
      const saved = await assign.mutateAsync({ gridId: grid.id, rangerPostId: values.rangerPostId });
      message.success(t('grids.assigned', { ranger: saved.ranger?.name ?? '', grid: grid.name }));
      onClose();
    } catch (error) {
      setFormError(showServerErrors(form, error));
    }
  };

  // Listed once both answers are in, so the choices do not reorder under the pointer.
  const ready = !!rangers.data && (!knowsFree || !unassigned.isPending);
  const options = (ready ? (rangers.data ?? []) : [])
    .filter((post) => post.id !== grid.ranger?.postId)
    .sort((a, b) => Number(free?.has(b.id) ?? 0) - Number(free?.has(a.id) ?? 0) || a.personName.localeCompare(b.personName, 'zh-CN'))
    .map((post) => ({
      value: post.id,
      searchText: `${post.personName} ${post.regionName}`,
      label: (
        <Space size={6} data-testid={`ranger-option-${post.id}`}>
          <span>{post.personName}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {post.regionName}
          </Typography.Text>
          {free && (free.has(post.id) ? <Tag color="green">{t('grids.rangerFree')}</Tag> : <Tag color="orange">{t('grids.rangerBusy')}</Tag>)}
        </Space>
      ),
    }));

  return (
    <FormModal
      title={grid.ranger ? t('grids.changeRangerTitle') : t('grids.assignRangerTitle')}
      testId="assign-form"
      onSubmit={() => form.submit()}
      onCancel={onClose}
      submitting={assign.isPending}
      submitText={t('grids.assignSubmit')}
      error={formError}
      width={560}
    >
      <Descriptions
        size="small"
        column={1}
        style={{ marginBottom: 16 }}
        items={[
          { key: 'grid', label: t('grids.grid'), children: `${grid.name}（${grid.code}）` },
          ...(grid.regionName ? [{ key: 'village', label: t('grids.village'), children: grid.regionName }] : []),
          { key: 'area', label: t('grids.area'), children: <GridArea area={grid.area} /> },
          { key: 'ranger', label: t('grids.currentRanger'), children: grid.ranger?.name ?? t('grids.noRanger') },
        ]}
      />
      <Form<Values> form={form} layout="vertical" onFinish={(values) => void onFinish(values)}>
        <Form.Item name="rangerPostId" label={t('grids.ranger')} extra={t('grids.rangerChoiceHint')} rules={[{ required: true, message: t('grids.rules.rangerRequired') }]}>
          <Select
            showSearch={{ optionFilterProp: 'searchText' }}
            loading={!ready && !rangers.isError}
            options={options}
            placeholder={t('grids.pickRanger')}
            notFoundContent={ready ? t('grids.noRangersHere') : undefined}
            virtual={false}
            data-testid="assign-ranger"
          />
        </Form.Item>
      </Form>
      {rangers.isError && <Alert type="warning" showIcon title={t('grids.rangersUnavailable')} />}
    </FormModal>
  );
}
