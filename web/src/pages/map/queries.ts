import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Geometry } from 'geojson';
import { api } from '../../app/api.ts';
import type { ApiAnswer, ApiBody, Item } from '../../app/api-types.ts';
import type { MapCatalogue } from '../../map/catalogue.ts';
import { CATALOGUE_KEY, fetchCatalogue } from '../../map/catalogue-query.ts';

/** What `GET /api/map/features/{layer}/{id}` answers: a clicked feature's full attributes. */
export type MapFeature = ApiAnswer<'/api/map/features/{layer}/{id}'>;

/** One hit of `GET /api/map/search`. */
export type SearchResult = Item<ApiAnswer<'/api/map/search'>>;

/** 网格方案, as a new draft plan comes back. */
export type GridPlanRecord = ApiAnswer<'/api/grid-plans', 'post'>;

export const mapKeys = {
  feature: (layer: string, id: number) => ['map', 'feature', layer, id] as const,
  search: (q: string) => ['map', 'search', q] as const,
  risk: (id: number) => ['risk-areas', id] as const,
  grid: (id: number) => ['grids', id] as const,
};

export function useMapFeature(layer: string | undefined, id: number | undefined) {
  return useQuery({
    queryKey: mapKeys.feature(layer ?? '', id ?? 0),
    queryFn: () => api.get('/api/map/features/{layer}/{id}', { params: { path: { layer: layer!, id: id! } } }),
    enabled: !!layer && id !== undefined,
  });
}

export function useMapSearch(q: string) {
  return useQuery({
    queryKey: mapKeys.search(q),
    queryFn: () => api.get('/api/map/search', { params: { query: { q } } }),
    enabled: q.trim().length > 0,
    staleTime: 60_000,
  });
}

/** The stored geometry of a risk area or grid, for editing its vertices. */
export async function fetchEditable(layer: 'risk_areas' | 'grids', id: number): Promise<{ geometry: Geometry | undefined }> {
  const path = { params: { path: { id } } };
  const record = layer === 'risk_areas' ? await api.get('/api/risk-areas/{id}', path) : await api.get('/api/grids/{id}', path);
  return { geometry: fromApi(record.geometry) };
}

// The API describes a geometry loosely (a type and an array of coordinates) and validates it on
// the server; the web app works with GeoJSON's precise types. These two are the one crossing.
const fromApi = (geometry: object | undefined) => geometry as Geometry | undefined;
const toApi = <G extends RiskAreaInput['geometry']>(geometry: Geometry) => geometry as G;

export type RiskAreaInput = ApiBody<'/api/risk-areas', 'post'>;
export type GridInput = ApiBody<'/api/grid-plans/{id}/grids', 'post'>;

/** A new feature as drawn: the API's fields with a GeoJSON geometry. */
type Drawn<T extends { geometry: unknown }> = Omit<T, 'geometry'> & { geometry: Geometry };

export const createRiskArea = (input: Drawn<RiskAreaInput>) => api.post('/api/risk-areas', { body: { ...input, geometry: toApi<RiskAreaInput['geometry']>(input.geometry) } });
export const createGrid = (planId: number, input: Drawn<GridInput>) =>
  api.post('/api/grid-plans/{id}/grids', { params: { path: { id: planId } }, body: { ...input, geometry: toApi<GridInput['geometry']>(input.geometry) } });
export const updateGeometry = (layer: 'risk_areas' | 'grids', id: number, geometry: Geometry) =>
  layer === 'risk_areas'
    ? api.patch('/api/risk-areas/{id}', { params: { path: { id } }, body: { geometry: toApi<RiskAreaInput['geometry']>(geometry) } })
    : api.patch('/api/grids/{id}', { params: { path: { id } }, body: { geometry: toApi<GridInput['geometry']>(geometry) } });

export function useCreateDraftPlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Pick<ApiBody<'/api/grid-plans', 'post'>, 'regionCode' | 'year' | 'name'>) => api.post('/api/grid-plans', { body: input }),
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
