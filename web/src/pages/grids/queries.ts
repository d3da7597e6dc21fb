import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, request } from '../../app/api.ts';
import type { Page } from '../../app/api-types.ts';
import type { EligibleRanger, Grid, GridDetail, GridPlan, KeyPeriod, PlanComparison, RegionRules, RuleKey, Unassigned } from './types.ts';

export interface GridFilter {
  regionCode?: string;
  withoutRanger?: boolean;
  page: number;
  pageSize: number;
}

export interface PlanInput {
  regionCode: string;
  year: number;
  name: string;
  note: string | null;
  copyFrom: 'active' | 'none';
}

export interface RuleInput {
  key: RuleKey;
  value: number | KeyPeriod[];
  effectiveFrom: string;
  source: string | null;
}

export const gridKeys = {
  plans: ['grid-plans'] as const,
  plan: (id: number) => ['grid-plans', id] as const,
  compare: (id: number) => ['grid-plans', id, 'compare'] as const,
  unassigned: (id: number, regionCode?: string) => ['grid-plans', id, 'unassigned', regionCode ?? ''] as const,
  grids: (planId: number, filter: GridFilter) => ['grid-plans', planId, 'grids', filter] as const,
  grid: (id: number) => ['grids', id] as const,
  eligibleRangers: (gridId: number) => ['grids', 'eligible-rangers', gridId] as const,
  rules: (regionCode: string) => ['patrol-rules', regionCode] as const,
};

/** Every plan the user can see, newest first (the server orders them). */
export function usePlans() {
  return useQuery({ queryKey: gridKeys.plans, queryFn: () => api.get<GridPlan[]>('/api/grid-plans') });
}

export function usePlan(id: number) {
  return useQuery({ queryKey: gridKeys.plan(id), queryFn: () => api.get<GridPlan>(`/api/grid-plans/${id}`) });
}

export function useComparison(id: number, enabled = true) {
  return useQuery({ queryKey: gridKeys.compare(id), queryFn: () => api.get<PlanComparison>(`/api/grid-plans/${id}/compare`), enabled });
}

export function useUnassigned(id: number, regionCode: string | undefined, enabled = true) {
  return useQuery({
    queryKey: gridKeys.unassigned(id, regionCode),
    queryFn: () => api.get<Unassigned>(`/api/grid-plans/${id}/unassigned`, { regionCode }),
    enabled,
  });
}

export function useGrids(planId: number, filter: GridFilter) {
  return useQuery({
    queryKey: gridKeys.grids(planId, filter),
    queryFn: ({ signal }) => api.get<Page<Grid>>(`/api/grid-plans/${planId}/grids`, { ...filter, withoutRanger: filter.withoutRanger || undefined }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useGrid(id: number | undefined) {
  return useQuery({ queryKey: gridKeys.grid(id ?? 0), queryFn: () => api.get<GridDetail>(`/api/grids/${id}`), enabled: id !== undefined });
}

/** The rangers the server accepts for a grid, free ones first, each with the grid of the plan they already guard. */
export function useEligibleRangers(gridId: number) {
  return useQuery({
    queryKey: gridKeys.eligibleRangers(gridId),
    queryFn: ({ signal }) => api.get<EligibleRanger[]>(`/api/grids/${gridId}/eligible-rangers`, undefined, signal),
  });
}

export function useRegionRules(regionCode: string | undefined) {
  return useQuery({
    queryKey: gridKeys.rules(regionCode ?? ''),
    queryFn: () => api.get<RegionRules>(`/api/patrol-rules/${regionCode}`),
    enabled: !!regionCode,
  });
}

/** After a change to plans or grids, everything derived from them is stale. */
function useRefreshGrids() {
  const queryClient = useQueryClient();
  return () => Promise.all([queryClient.invalidateQueries({ queryKey: ['grid-plans'] }), queryClient.invalidateQueries({ queryKey: ['grids'] })]);
}

export function useCreatePlan() {
  const refresh = useRefreshGrids();
  return useMutation({ mutationFn: (input: PlanInput) => api.post<GridPlan>('/api/grid-plans', input), onSuccess: () => refresh() });
}

export function useUpdatePlan(id: number) {
  const refresh = useRefreshGrids();
  return useMutation({
    mutationFn: (changes: { name?: string; note?: string | null; year?: number }) => api.patch<GridPlan>(`/api/grid-plans/${id}`, changes),
    onSuccess: () => refresh(),
  });
}

export function useDeletePlan(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => request<void>(`/api/grid-plans/${id}`, { method: 'DELETE' }),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: gridKeys.plan(id) });
      return queryClient.invalidateQueries({ queryKey: gridKeys.plans, exact: true });
    },
  });
}

export function useActivatePlan(id: number) {
  const refresh = useRefreshGrids();
  return useMutation({ mutationFn: () => api.post<GridPlan>(`/api/grid-plans/${id}/activate`), onSuccess: () => refresh() });
}

export function useAssignRanger() {
  const refresh = useRefreshGrids();
  return useMutation({
    mutationFn: ({ gridId, rangerPostId }: { gridId: number; rangerPostId: number }) => api.put<Grid>(`/api/grids/${gridId}/ranger`, { rangerPostId }),
    onSuccess: () => refresh(),
  });
}

export function useUnassignRanger() {
  const refresh = useRefreshGrids();
  return useMutation({
    mutationFn: (gridId: number) => request<Grid>(`/api/grids/${gridId}/ranger`, { method: 'DELETE' }),
    onSuccess: () => refresh(),
  });
}

export function useSetRule(regionCode: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: RuleInput) => api.put<RegionRules>(`/api/patrol-rules/${regionCode}`, input),
    // A region's rule reaches every region and grid below it.
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: ['patrol-rules'] }), queryClient.invalidateQueries({ queryKey: ['grids'] })]),
  });
}
