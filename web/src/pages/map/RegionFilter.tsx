import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import type { Geometry } from 'geojson';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/api.ts';
import { fetchBoundary, regionKeys } from '../regions/queries.ts';
import { RegionTreeSelect } from '../regions/RegionTreeSelect.tsx';

export interface RegionFocus {
  code: string;
  geometry: Geometry;
}

/**
 * 区域: picks a township or village inside the user's scope (the tree starts at their own
 * regions) and hands back its boundary, which the map zooms to and dims around.
 */
export function RegionFilter({ value, onChange }: { value: string | null; onChange: (focus: RegionFocus | null) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [loading, setLoading] = useState(false);

  const pick = async (code: string | undefined) => {
    if (!code) {
      onChange(null);
      return;
    }
    setLoading(true);
    try {
      const boundary = await queryClient.fetchQuery({
        queryKey: regionKeys.boundary(code),
        queryFn: () => fetchBoundary(code),
        staleTime: 30 * 60_000,
      });
      if (!boundary.geometry) {
        void message.warning(t('map.region.noBoundary'));
        return;
      }
      onChange({ code, geometry: boundary.geometry as unknown as Geometry });
    } catch (error) {
      void message.error(errorMessage(error));
    } finally {
      setLoading(false);
    }
  };

  return (
    <div className="lz-map-region" data-testid="region-filter" aria-busy={loading}>
      <RegionTreeSelect value={value} onChange={(code) => void pick(code)} placeholder={t('map.region.placeholder')} allowClear style={{ width: '100%' }} data-testid="region-filter-select" />
    </div>
  );
}
