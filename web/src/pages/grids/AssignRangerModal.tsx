import { Alert, App, Descriptions, Form, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../app/FormModal.tsx';
import { showServerErrors } from '../../app/forms.ts';
import { GridArea } from './AreaCells.tsx';
import { useAssignRanger, useEligibleRangers } from './queries.ts';
import type { Grid } from './types.ts';

interface Values {
  rangerPostId: number;
}

/**
 * Puts a ranger on a grid. The choice is the rangers the server accepts for this grid (held today,
 * in the grid's village or township); those who already guard a grid of this plan are marked with it, and
 * the server's 409 ("一名护林员只能负责一个网格") is shown if one is chosen anyway.
 */
export function AssignRangerModal({ grid, onClose }: { grid: Grid; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const rangers = useEligibleRangers(grid.id);
  const assign = useAssignRanger();
  const [formError, setFormError] = useState<string | null>(null);

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

  // The server lists free rangers first.
  const options = (rangers.data ?? [])
    .filter((r) => !r.guards?.isThisGrid)
    .map((r) => ({
      value: r.postId,
      searchText: `${r.name} ${r.regionName}`,
      label: (
        <Space size={6} data-testid={`ranger-option-${r.postId}`}>
          <span>{r.name}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.regionName}
          </Typography.Text>
          {r.guards ? <Tag color="orange">{t('grids.rangerBusy', { grid: r.guards.name })}</Tag> : <Tag color="green">{t('grids.rangerFree')}</Tag>}
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
            loading={rangers.isPending}
            options={options}
            placeholder={t('grids.pickRanger')}
            notFoundContent={rangers.isSuccess ? t('grids.noRangersHere') : undefined}
            virtual={false}
            data-testid="assign-ranger"
          />
        </Form.Item>
      </Form>
      {rangers.isError && <Alert type="warning" showIcon title={t('grids.rangersUnavailable')} />}
    </FormModal>
  );
}
