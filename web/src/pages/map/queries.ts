import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Geometry } from 'geojson';
import { api } from '../../app/api.ts';
import type { BBox, MapCatalogue } from '../../map/catalogue.ts';
import { CATALOGUE_KEY, fetchCatalogue } from '../../map/catalogue-query.ts';

/** What `GET /api/map/features/{layer}/{id}` answers: a clicked feature's full attributes. */
export interface MapFeature {
  layer: string;
  layerName: string;
  id: number;
  label: string;
  regionCode: string | null;
  /** "水东镇 / 七里村", as far up as the caller can see */
  regionPath: string | null;
  bbox: BBox | null;
  areaHa: number | null;
  areaMu: number | null;
  properties: Array<{ key: string; label: string; value: string | number | boolean | null; code?: string }>;
  plan?: { id: number; name: string; year: number; status: string };
  ranger?: { postId: number; name: string } | null;
}

/** One hit of `GET /api/map/search`. */
export interface SearchResult {
  layer: string;
  id: number;
  label: string;
  regionPath: string | null;
  bbox: BBox | null;
}

/** The parts of a risk area (重点区域) or grid (网格) answer the map uses. */
export interface RiskAreaRecord {
  id: number;
  kind: string;
  name: string;
  geometry?: Geometry;
}
export interface GridRecord {
  id: number;
  planId: number;
  planStatus: 'draft' | 'active' | 'archived';
  code: string;
  name: string;
  geometry?: Geometry;
}
export interface GridPlanRecord {
  id: number;
  name: string;
  year: number;
  status: 'draft' | 'active' | 'archived';
}

export const mapKeys = {
  feature: (layer: string, id: number) => ['map', 'feature', layer, id] as const,
  search: (q: string) => ['map', 'search', q] as const,
  risk: (id: number) => ['risk-areas', id] as const,
  grid: (id: number) => ['grids', id] as const,
};

export function useMapFeature(layer: string | undefined, id: number | undefined) {
  return useQuery({
    queryKey: mapKeys.feature(layer ?? '', id ?? 0),
    queryFn: () => api.get<MapFeature>(`/api/map/features/${layer}/${id}`),
    enabled: !!layer && id !== undefined,
  });
}

export function useMapSearch(q: string) {
  return useQuery({
    queryKey: mapKeys.search(q),
    queryFn: () => api.get<SearchResult[]>('/api/map/search', { q }),
    enabled: q.trim().length > 0,
    staleTime: 60_000,
  });
}

/** The stored geometry of a risk area or grid, for editing its vertices. */
export function fetchEditable(layer: 'risk_areas' | 'grids', id: number): Promise<RiskAreaRecord | GridRecord> {
  return layer === 'risk_areas' ? api.get<RiskAreaRecord>(`/api/risk-areas/${id}`) : api.get<GridRecord>(`/api/grids/${id}`);
}

export interface RiskAreaInput {
  kind: string;
  name: string;
  note?: string | null;
  regionCode?: string;
  geometry: Geometry;
}
export interface GridInput {
  code: string;
  name: string;
  note?: string | null;
  regionCode?: string;
  geometry: Geometry;
}

export const createRiskArea = (input: RiskAreaInput) => api.post<RiskAreaRecord>('/api/risk-areas', input);
export const createGrid = (planId: number, input: GridInput) => api.post<GridRecord>(`/api/grid-plans/${planId}/grids`, input);
export const updateGeometry = (layer: 'risk_areas' | 'grids', id: number, geometry: Geometry) =>
  layer === 'risk_areas' ? api.patch<RiskAreaRecord>(`/api/risk-areas/${id}`, { geometry }) : api.patch<GridRecord>(`/api/grids/${id}`, { geometry });

export function useCreateDraftPlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { regionCode: string; year: number; name: string }) => api.post<GridPlanRecord>('/api/grid-plans', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: CATALOGUE_KEY }),
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * After a write, waits until the server's layer version moves on (triggers bump it and the tile
 * server hears of it a moment later), then stores the new catalogue: the map switches its tile
 * URLs to the new version and reloads only that layer. Gives up quietly after a few seconds;
 * the catalogue's own refresh catches up later.
 */
export async function refreshLayerVersion(queryClient: ReturnType<typeof useQueryClient>, layer: string): Promise<void> {
  const before = queryClient.getQueryData<MapCatalogue>(CATALOGUE_KEY)?.layers.find((l) => l.id === layer)?.version;
  for (let attempt = 0; attempt < 12; attempt++) {
    const fresh = await fetchCatalogue();
    const now = fresh.layers.find((l) => l.id === layer)?.version;
    if (now !== before || attempt === 11) {
      queryClient.setQueryData(CATALOGUE_KEY, fresh);
      return;
    }
    await sleep(250 + attempt * 100);
  }
}
