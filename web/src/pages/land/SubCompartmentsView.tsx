import { Button, Input, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorResult } from '../../app/feedback.tsx';
import { formatHa, formatM3, formatMu, Num } from '../../app/numbers.tsx';
import { RegionTreeSelect } from '../regions/RegionTreeSelect.tsx';
import { codedText } from './coded.ts';
import { useCodeOptions, useSubCompartments, type SubCompartmentFilter } from './queries.ts';
import { SubCompartmentDrawer } from './SubCompartmentDrawer.tsx';
import type { SubCompartment } from './types.ts';
import { ResponsiveTable } from '../../app/ResponsiveTable.tsx';

const PAGE_SIZES = [20, 50, 100];

/** 小班查询: the inventory register, filtered by region, land class, species, compartment and number. */
export function SubCompartmentsView() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<SubCompartmentFilter>({ page: 1, pageSize: 20 });
  const [compartment, setCompartment] = useState('');
  const [number, setNumber] = useState('');
  const list = useSubCompartments(filter);
  const landClasses = useCodeOptions('land_class');
  const species = useCodeOptions('dominant_species');
  const [opened, setOpened] = useState<number | undefined>();
  const update = (changes: Partial<SubCompartmentFilter>) => setFilter((f) => ({ ...f, page: 1, ...changes }));
  const filtered = !!(filter.regionCode || filter.landClass || filter.dominantSpecies || filter.compartment || filter.number);
  const applyNumbers = () => update({ compartment: compartment.trim() || undefined, number: number.trim() || undefined });
  const clear = () => {
    setCompartment('');
    setNumber('');
    setFilter({ page: 1, pageSize: filter.pageSize });
  };

  return (
    <div data-testid="sub-compartments">
      <Space wrap size={12} style={{ marginBottom: 16 }}>
        <RegionTreeSelect value={filter.regionCode} onChange={(regionCode) => update({ regionCode })} placeholder={t('land.sc.allRegions')} allowClear style={{ width: 220 }} data-testid="sc-region" />
        <Select
          value={filter.landClass}
          onChange={(landClass?: string) => update({ landClass })}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          loading={landClasses.loading}
          options={landClasses.options}
          placeholder={t('land.sc.allLandClasses')}
          style={{ width: 190 }}
          popupMatchSelectWidth={false}
          data-testid="sc-land-class"
        />
        <Select
          value={filter.dominantSpecies}
          onChange={(dominantSpecies?: string) => update({ dominantSpecies })}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          loading={species.loading}
          options={species.options}
          placeholder={t('land.sc.allSpecies')}
          style={{ width: 170 }}
          popupMatchSelectWidth={false}
          data-testid="sc-species"
        />
        <Space.Compact>
          <Input value={compartment} onChange={(e) => setCompartment(e.target.value)} onPressEnter={applyNumbers} placeholder={t('land.sc.compartment')} maxLength={12} style={{ width: 100 }} data-testid="sc-compartment" />
          <Input value={number} onChange={(e) => setNumber(e.target.value)} onPressEnter={applyNumbers} placeholder={t('land.sc.number')} maxLength={12} style={{ width: 100 }} data-testid="sc-number" />
          <Button onClick={applyNumbers} data-testid="sc-search">
            {t('common.search')}
          </Button>
        </Space.Compact>
        {filtered && (
          <Button type="link" onClick={clear}>
            {t('land.sc.clear')}
          </Button>
        )}
      </Space>
      {list.isError ? (
        <ErrorResult error={list.error} onRetry={() => void list.refetch()} compact />
      ) : (
        <ResponsiveTable<SubCompartment>
          rowKey="id"
          size="middle"
          loading={list.isFetching}
          dataSource={list.data?.items}
          scroll={{ x: 1100 }}
          locale={{ emptyText: <EmptyState description={filtered ? t('land.sc.noMatch') : t('land.sc.empty')} /> }}
          onRow={(sc) => ({ onClick: () => setOpened(sc.id), style: { cursor: 'pointer' }, 'data-testid': 'sc-row' }) as React.HTMLAttributes<HTMLElement>}
          pagination={{
            current: filter.page,
            pageSize: filter.pageSize,
            total: list.data?.total ?? 0,
            pageSizeOptions: PAGE_SIZES,
            showSizeChanger: true,
            showTotal: (total) => t('common.total', { count: total }),
            onChange: (page, pageSize) => setFilter((f) => ({ ...f, page, pageSize })),
          }}
          columns={[
            { title: t('land.sc.compartment'), dataIndex: 'compartment', width: 80, render: (v: string) => <Num>{v}</Num> },
            { title: t('land.sc.number'), dataIndex: 'number', width: 80, render: (v: string) => <Num>{v}</Num> },
            {
              title: t('land.sc.place'),
              key: 'place',
              width: 190,
              ellipsis: true,
              render: (_, sc) => (
                <span>
                  {sc.townshipName && sc.townshipName !== sc.regionName && <Typography.Text type="secondary">{sc.townshipName} · </Typography.Text>}
                  {sc.regionName}
                </span>
              ),
            },
            { title: t('land.sc.landClass'), key: 'landClass', width: 130, ellipsis: true, render: (_, sc) => codedText(t, sc.landClass, false) },
            { title: t('land.sc.species'), key: 'species', width: 110, ellipsis: true, render: (_, sc) => codedText(t, sc.dominantSpecies, false) },
            { title: t('land.sc.ageGroup'), key: 'age', width: 90, render: (_, sc) => codedText(t, sc.ageGroup, false) },
            { title: t('land.sc.areaMu'), key: 'mu', align: 'right', width: 110, render: (_, sc) => <Num>{formatMu(sc.area.mu)}</Num> },
            { title: t('land.sc.areaHa'), key: 'ha', align: 'right', width: 110, render: (_, sc) => <Num>{formatHa(sc.area.ha)}</Num> },
            { title: t('land.sc.stock'), dataIndex: 'stockTotal', align: 'right', width: 130, render: (v: number | null) => (v === null ? '—' : <Num>{formatM3(v)}</Num>) },
          ]}
        />
      )}
      <SubCompartmentDrawer id={opened} onClose={() => setOpened(undefined)} />
    </div>
  );
}
