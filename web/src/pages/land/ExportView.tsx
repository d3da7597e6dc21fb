import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Form, Radio, Row, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/api.ts';
import { BlockSpin, ErrorResult } from '../../app/feedback.tsx';
import { RegionTreeSelect } from '../regions/RegionTreeSelect.tsx';
import { useCodeOptions, useExportDownload, useExportLayers, usePlanOptions, useReferenceLayers, type ExportFilter } from './queries.ts';
import { filtersOf, type ExportFilterName, type ExportFormat, type ExportLayerId, type ExportLayerInfo } from './types.ts';
import { ResponsiveTable } from '../../app/ResponsiveTable.tsx';

const FORMATS: ExportFormat[] = ['geojson', 'shapefile', 'xlsx'];
const EXTENSIONS: Record<ExportFormat, string> = { geojson: 'geojson', shapefile: 'zip', xlsx: 'xlsx' };

interface Values {
  layer: ExportLayerId;
  format: ExportFormat;
  regionCode?: string;
  planId?: number;
  kind?: string;
  landClass?: string;
  dominantSpecies?: string;
  layerId?: number;
}

/** One input per filter the chosen layer accepts (GET /api/exports says which). */
function FilterField({ name }: { name: ExportFilterName }) {
  const { t } = useTranslation();
  const plans = usePlanOptions(name === 'planId');
  const references = useReferenceLayers(name === 'layerId');
  const kinds = useCodeOptions('risk_area_kind');
  const landClasses = useCodeOptions('land_class');
  const species = useCodeOptions('dominant_species');
  const statusName = (status: 'draft' | 'active' | 'archived') => t(`land.export.planStatus.${status}`);

  switch (name) {
    case 'regionCode':
      return (
        <Form.Item name="regionCode" label={t('land.export.filters.regionCode')} extra={t('land.export.regionHint')}>
          <RegionTreeSelect allowClear placeholder={t('land.export.wholeScope')} data-testid="export-region" />
        </Form.Item>
      );
    case 'planId':
      return (
        <Form.Item name="planId" label={t('land.export.filters.planId')} extra={t('land.export.planHint')}>
          <Select
            allowClear
            loading={plans.isPending}
            placeholder={t('land.export.activePlans')}
            options={(plans.data ?? []).map((p) => ({ value: p.id, label: `${p.name}（${statusName(p.status)}）` }))}
            data-testid="export-plan"
          />
        </Form.Item>
      );
    case 'kind':
      return (
        <Form.Item name="kind" label={t('land.export.filters.kind')}>
          <Select allowClear loading={kinds.loading} placeholder={t('land.export.any')} options={kinds.options} data-testid="export-kind" />
        </Form.Item>
      );
    case 'landClass':
      return (
        <Form.Item name="landClass" label={t('land.export.filters.landClass')}>
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} loading={landClasses.loading} placeholder={t('land.export.any')} options={landClasses.options} data-testid="export-land-class" />
        </Form.Item>
      );
    case 'dominantSpecies':
      return (
        <Form.Item name="dominantSpecies" label={t('land.export.filters.dominantSpecies')}>
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} loading={species.loading} placeholder={t('land.export.any')} options={species.options} data-testid="export-species" />
        </Form.Item>
      );
    case 'layerId':
      return (
        <Form.Item name="layerId" label={t('land.export.filters.layerId')}>
          <Select
            allowClear
            loading={references.isPending}
            placeholder={t('land.export.allReferenceLayers')}
            options={(references.data ?? []).map((l) => ({ value: l.id, label: `${l.name}（${l.regionName}）` }))}
            data-testid="export-reference-layer"
          />
        </Form.Item>
      );
  }
}

/**
 * 数据导出: any layer, filtered, as GeoJSON, a zipped Shapefile (CGCS2000 .prj, UTF-8 .dbf with
 * .cpg) or an Excel attribute table, limited to the user's scope by the server.
 */
export function ExportView() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const layers = useExportLayers(true);
  const download = useExportDownload();
  const [form] = Form.useForm<Values>();
  const layerId = Form.useWatch('layer', form);
  const format = Form.useWatch('format', form);
  const [lastFile, setLastFile] = useState<string | null>(null);

  if (layers.isPending) return <BlockSpin minHeight={240} />;
  if (layers.isError) return <ErrorResult error={layers.error} onRetry={() => void layers.refetch()} />;
  const layer: ExportLayerInfo | undefined = layers.data.find((l) => l.id === layerId) ?? layers.data[0];

  const onFinish = async (values: Values) => {
    if (!layer) return;
    const filter: ExportFilter = {};
    for (const name of filtersOf(layer)) {
      const value = values[name];
      if (value !== undefined && value !== null && value !== '') filter[name] = value;
    }
    setLastFile(null);
    try {
      const name = await download.mutateAsync({ layer: layer.id, format: values.format, filter, fallbackName: `${layer.title}.${EXTENSIONS[values.format]}` });
      setLastFile(name);
      message.success(t('land.downloading', { name }));
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  return (
    <Row gutter={[16, 16]} data-testid="export-view">
      <Col xs={24} lg={12} xl={10}>
        <Card title={t('land.export.title')}>
          <Form<Values>
            form={form}
            layout="vertical"
            initialValues={{ layer: layers.data[0]?.id, format: 'xlsx' }}
            onFinish={(values) => void onFinish(values)}
            onValuesChange={(changed: Partial<Values>) => {
              // Filters of one layer mean nothing for another.
              if (changed.layer) form.resetFields(['regionCode', 'planId', 'kind', 'landClass', 'dominantSpecies', 'layerId']);
            }}
          >
            <Form.Item name="layer" label={t('land.export.layer')}>
              <Select options={layers.data.map((l) => ({ value: l.id, label: <span data-testid={`export-layer-option-${l.id}`}>{l.title}</span> }))} data-testid="export-layer" />
            </Form.Item>
            {layer && filtersOf(layer).map((name) => <FilterField key={`${layer.id}-${name}`} name={name} />)}
            <Form.Item name="format" label={t('land.export.format')} extra={format ? t(`land.export.formatHints.${format}`) : undefined}>
              <Radio.Group
                optionType="button"
                buttonStyle="solid"
                options={FORMATS.map((f) => ({ value: f, label: <span data-testid={`export-format-${f}`}>{t(`land.export.formats.${f}`)}</span> }))}
              />
            </Form.Item>
            <Space orientation="vertical" size={8} style={{ width: '100%' }}>
              <Button type="primary" htmlType="submit" icon={<DownloadOutlined />} loading={download.isPending} data-testid="export-download">
                {t('land.export.download')}
              </Button>
              {download.isPending && <Typography.Text type="secondary">{t('land.export.preparing')}</Typography.Text>}
              {lastFile && <Alert type="success" showIcon title={t('land.export.done', { name: lastFile })} data-testid="export-done" />}
            </Space>
          </Form>
        </Card>
      </Col>
      <Col xs={24} lg={12} xl={14}>
        <Card title={layer ? t('land.export.fieldsOf', { layer: layer.title }) : t('land.export.fields')}>
          <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
            {t('land.export.fieldsHint')}
          </Typography.Paragraph>
          <ResponsiveTable
            size="small"
            rowKey="name"
            pagination={false}
            dataSource={layer?.fields ?? []}
            scroll={{ y: 420 }}
            data-testid="export-fields"
            columns={[
              { title: t('land.export.fieldName'), dataIndex: 'name', width: 150, render: (name: string) => <Typography.Text code>{name}</Typography.Text> },
              { title: t('land.export.fieldHeader'), dataIndex: 'header' },
            ]}
          />
        </Card>
      </Col>
    </Row>
  );
}
