import { Descriptions, Divider, Drawer, Skeleton, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ErrorResult } from '../../app/feedback.tsx';
import { AreaText, formatM3, formatNumber, Num } from '../../app/numbers.tsx';
import { BoundaryOutline } from '../regions/BoundaryOutline.tsx';
import { codedText } from './coded.ts';
import { useSubCompartment } from './queries.ts';

/** One sub-compartment: every attribute, coded values with their names, area in 亩 and 公顷, stock. */
export function SubCompartmentDrawer({ id, onClose }: { id: number | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  const detail = useSubCompartment(id);
  const sc = detail.data;
  const extra = sc ? Object.entries(sc.extra).filter(([, v]) => v !== null && v !== '') : [];

  return (
    <Drawer open={id !== undefined} onClose={onClose} size={560} destroyOnHidden title={sc ? t('land.sc.title', { compartment: sc.compartment, number: sc.number }) : t('land.sc.titleLoading')}>
      <div data-testid="sc-drawer">
        {detail.isPending && <Skeleton active paragraph={{ rows: 10 }} />}
        {detail.isError && <ErrorResult error={detail.error} onRetry={() => void detail.refetch()} compact />}
        {sc && (
          <>
            <div style={{ display: 'flex', gap: 16, alignItems: 'flex-start' }}>
              <Descriptions
                size="small"
                column={1}
                style={{ flex: 1, minWidth: 0 }}
                items={[
                  { key: 'place', label: t('land.sc.place'), children: [sc.townshipName, sc.regionName].filter((v, i, all) => v && all.indexOf(v) === i).join(' · ') },
                  { key: 'compartment', label: t('land.sc.compartment'), children: sc.compartment },
                  { key: 'number', label: t('land.sc.number'), children: sc.number },
                  { key: 'area', label: t('land.sc.area'), children: <span data-testid="sc-area"><AreaText area={sc.area} strong units={{ mu: t('land.units.mu'), ha: t('land.units.ha') }} /></span> },
                ]}
              />
              <BoundaryOutline geometry={sc.geometry} label={t('land.sc.title', { compartment: sc.compartment, number: sc.number })} size={110} />
            </div>
            <Divider titlePlacement="start">{t('land.sc.attributes')}</Divider>
            <Descriptions
              size="small"
              column={1}
              bordered
              data-testid="sc-attributes"
              items={[
                { key: 'landClass', label: t('land.sc.landClass'), children: codedText(t, sc.landClass) },
                { key: 'forestCategory', label: t('land.sc.forestCategory'), children: codedText(t, sc.forestCategory) },
                { key: 'grade', label: t('land.sc.publicWelfareGrade'), children: codedText(t, sc.publicWelfareGrade) },
                { key: 'protection', label: t('land.sc.protectionGrade'), children: codedText(t, sc.protectionGrade) },
                { key: 'origin', label: t('land.sc.origin'), children: codedText(t, sc.origin) },
                { key: 'species', label: t('land.sc.species'), children: codedText(t, sc.dominantSpecies) },
                { key: 'age', label: t('land.sc.ageGroup'), children: codedText(t, sc.ageGroup) },
                { key: 'canopy', label: t('land.sc.canopy'), children: sc.canopyDensity === null ? '—' : <Num>{formatNumber(sc.canopyDensity, 2)}</Num> },
                { key: 'stockPerHa', label: t('land.sc.stockPerHa'), children: sc.stockPerHa === null ? '—' : <Num unit={t('land.units.m3PerHa')}>{formatM3(sc.stockPerHa)}</Num> },
                { key: 'stock', label: t('land.sc.stock'), children: sc.stockTotal === null ? '—' : <Num unit={t('land.units.m3')}>{formatM3(sc.stockTotal)}</Num> },
                { key: 'ownership', label: t('land.sc.ownership'), children: codedText(t, sc.ownership) },
                { key: 'year', label: t('land.sc.surveyYear'), children: sc.surveyYear ?? '—' },
                { key: 'dataset', label: t('land.sc.dataset'), children: sc.dataset },
                { key: 'updated', label: t('land.sc.updatedAt'), children: dayjs(sc.updatedAt).format('YYYY-MM-DD HH:mm') },
              ]}
            />
            {extra.length > 0 && (
              <>
                <Divider titlePlacement="start">{t('land.sc.extra')}</Divider>
                <Descriptions
                  size="small"
                  column={1}
                  bordered
                  items={extra.map(([key, value]) => ({ key, label: <Typography.Text code>{key}</Typography.Text>, children: typeof value === 'string' ? value : JSON.stringify(value) }))}
                />
              </>
            )}
          </>
        )}
      </div>
    </Drawer>
  );
}
