import { DeleteOutlined, SaveOutlined, SettingOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Modal, Popconfirm, Select, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/api.ts';
import { useMe } from '../../app/auth.tsx';
import { FormModal } from '../../app/FormModal.tsx';
import { showServerErrors } from '../../app/forms.ts';
import { EmptyState } from '../../app/feedback.tsx';
import { RegionTreeSelect } from '../regions/RegionTreeSelect.tsx';
import { useCreatePreset, useDeletePreset, usePresets } from './queries.ts';
import type { ImportJob } from './types.ts';
import { ResponsiveTable } from '../../app/ResponsiveTable.tsx';

interface Props {
  job: ImportJob;
  /** The mapping as the table shows it now (file field → our field). */
  mapping: Record<string, string>;
  onApply: (mapping: Record<string, string>) => void;
}

/**
 * 字段映射预设: the mappings an office saved for the files it keeps receiving. The ones that fit
 * this file (by how many of their columns it has) are offered; the current mapping can be saved
 * as a new one; presets can be deleted.
 */
export function PresetBar({ job, mapping, onApply }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const [managing, setManaging] = useState(false);
  const mappedCount = Object.keys(mapping).length;

  return (
    <Space size={8} wrap className="lz-import-presets" data-testid="mapping-presets">
      <Select
        placeholder={job.presets.length > 0 ? t('imports.presets.pick', { count: job.presets.length }) : t('imports.presets.none')}
        disabled={job.presets.length === 0}
        value={null}
        style={{ width: 260 }}
        popupMatchSelectWidth={false}
        onChange={(id: number) => {
          const preset = job.presets.find((p) => p.id === id);
          if (!preset) return;
          onApply(preset.mapping);
          message.success(t('imports.presets.applied', { name: preset.name }));
        }}
        options={job.presets.map((p) => ({ value: p.id, label: t('imports.presets.option', { name: p.name, matched: p.matched }) }))}
        data-testid="preset-pick"
      />
      <Button icon={<SaveOutlined />} disabled={mappedCount === 0} onClick={() => setSaving(true)} data-testid="preset-save">
        {t('imports.presets.save')}
      </Button>
      <Button icon={<SettingOutlined />} onClick={() => setManaging(true)} data-testid="preset-manage">
        {t('imports.presets.manage')}
      </Button>
      {saving && <SavePresetModal job={job} mapping={mapping} onClose={() => setSaving(false)} />}
      {managing && <ManagePresetsModal job={job} onClose={() => setManaging(false)} />}
    </Space>
  );
}

function SavePresetModal({ job, mapping, onClose }: { job: ImportJob; mapping: Record<string, string>; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const [form] = Form.useForm<{ name: string; regionCode: string }>();
  const create = useCreatePreset(job.id);
  const [formError, setFormError] = useState<string | null>(null);

  const onFinish = async (values: { name: string; regionCode: string }) => {
    setFormError(null);
    try {
      await create.mutateAsync({ name: values.name.trim(), regionCode: values.regionCode, target: job.target, mapping });
      message.success(t('imports.presets.saved', { name: values.name.trim() }));
      onClose();
    } catch (error) {
      setFormError(showServerErrors(form, error));
    }
  };

  return (
    <FormModal title={t('imports.presets.saveTitle')} testId="preset-form" onSubmit={() => form.submit()} onCancel={onClose} submitting={create.isPending} error={formError}>
      <Typography.Paragraph type="secondary">{t('imports.presets.saveIntro', { count: Object.keys(mapping).length })}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ regionCode: me.scope[0]?.code }} onFinish={(values) => void onFinish(values)}>
        <Form.Item name="name" label={t('imports.presets.name')} rules={[{ required: true, whitespace: true, message: t('imports.presets.nameRequired') }]}>
          <Input maxLength={60} placeholder={t('imports.presets.namePlaceholder')} autoFocus data-testid="preset-name" />
        </Form.Item>
        <Form.Item name="regionCode" label={t('imports.presets.region')} extra={t('imports.presets.regionHint')} rules={[{ required: true, message: t('imports.presets.regionRequired') }]}>
          <RegionTreeSelect data-testid="preset-region" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

function ManagePresetsModal({ job, onClose }: { job: ImportJob; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const presets = usePresets(job.target);
  const remove = useDeletePreset(job.id);

  return (
    <Modal open title={t('imports.presets.manageTitle', { target: t(`imports.targets.${job.target}.name`) })} onCancel={onClose} footer={null} destroyOnHidden width={640}>
      <ResponsiveTable
        rowKey="id"
        size="small"
        loading={presets.isPending}
        dataSource={presets.data ?? []}
        pagination={false}
        locale={{ emptyText: <EmptyState description={t('imports.presets.empty')} /> }}
        columns={[
          {
            title: t('imports.presets.name'),
            key: 'name',
            render: (_, preset) => (
              <div>
                <Typography.Text strong>{preset.name}</Typography.Text>
                <div className="lz-import-note">
                  {t('imports.presets.describe', {
                    count: Object.keys(preset.mapping).length,
                    fields: Object.entries(preset.mapping)
                      .slice(0, 4)
                      .map(([file, ours]) => `${file} → ${job.targetFields.find((f) => f.name === ours)?.label ?? ours}`)
                      .join('，'),
                  })}
                </div>
              </div>
            ),
          },
          { title: t('imports.presets.createdAt'), dataIndex: 'createdAt', width: 110, render: (at: string) => dayjs(at).format('YYYY-MM-DD') },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 90,
            render: (_, preset) => (
              <Popconfirm
                title={t('imports.presets.deleteConfirm', { name: preset.name })}
                okText={t('imports.presets.delete')}
                okButtonProps={{ danger: true }}
                onConfirm={() =>
                  void remove.mutateAsync(preset.id).then(
                    () => void message.success(t('imports.presets.deleted', { name: preset.name })),
                    (error: unknown) => void message.error(errorMessage(error)),
                  )
                }
              >
                <Button type="text" danger size="small" icon={<DeleteOutlined />} data-testid="preset-delete">
                  {t('imports.presets.delete')}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
    </Modal>
  );
}
