import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import type { ApiBody } from '../../app/api-types.ts';
import type { RuleInput } from './types.ts';

export interface GridFilter {
  regionCode?: string;
  withoutRanger?: boolean;
  page: number;
  pageSize: number;
}

export type PlanInput = ApiBody<'/api/grid-plans', 'post'>;

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
  return useQuery({ queryKey: gridKeys.plans, queryFn: () => api.get('/api/grid-plans') });
}

export function usePlan(id: number) {
  return useQuery({ queryKey: gridKeys.plan(id), queryFn: () => api.get('/api/grid-plans/{id}', { params: { path: { id } } }) });
}

export function useComparison(id: number, enabled = true) {
  return useQuery({ queryKey: gridKeys.compare(id), queryFn: () => api.get('/api/grid-plans/{id}/compare', { params: { path: { id } } }), enabled });
}

export function useUnassigned(id: number, regionCode: string | undefined, enabled = true) {
  return useQuery({
    queryKey: gridKeys.unassigned(id, regionCode),
    queryFn: () => api.get('/api/grid-plans/{id}/unassigned', { params: { path: { id }, query: { regionCode } } }),
    enabled,
  });
}

export function useGrids(planId: number, filter: GridFilter) {
  return useQuery({
    queryKey: gridKeys.grids(planId, filter),
    queryFn: ({ signal }) => api.get('/api/grid-plans/{id}/grids', { params: { path: { id: planId }, query: { ...filter, withoutRanger: filter.withoutRanger || undefined } }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useGrid(id: number | undefined) {
  return useQuery({ queryKey: gridKeys.grid(id ?? 0), queryFn: () => api.get('/api/grids/{id}', { params: { path: { id: id! } } }), enabled: id !== undefined });
}

/** The rangers the server accepts for a grid, free ones first, each with the grid of the plan they already guard. */
export function useEligibleRangers(gridId: number) {
  return useQuery({
    queryKey: gridKeys.eligibleRangers(gridId),
    queryFn: ({ signal }) => api.get('/api/grids/{id}/eligible-rangers', { params: { path: { id: gridId } }, signal }),
  });
}

export function useRegionRules(regionCode: string | undefined) {
  return useQuery({
    queryKey: gridKeys.rules(regionCode ?? ''),
    queryFn: () => api.get('/api/patrol-rules/{regionCode}', { params: { path: { regionCode: regionCode! } } }),
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
  return useMutation({ mutationFn: (input: PlanInput) => api.post('/api/grid-plans', { body: input }), onSuccess: () => refresh() });
}

export function useUpdatePlan(id: number) {
  const refresh = useRefreshGrids();
  return useMutation({
    mutationFn: (changes: ApiBody<'/api/grid-plans/{id}', 'patch'>) => api.patch('/api/grid-plans/{id}', { params: { path: { id } }, body: changes }),
    onSuccess: () => refresh(),
  });
}

export function useDeletePlan(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete('/api/grid-plans/{id}', { params: { path: { id } } }),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: gridKeys.plan(id) });
      return queryClient.invalidateQueries({ queryKey: gridKeys.plans, exact: true });
    },
  });
}

export function useActivatePlan(id: number) {
  const refresh = useRefreshGrids();
  return useMutation({ mutationFn: () => api.post('/api/grid-plans/{id}/activate', { params: { path: { id } } }), onSuccess: () => refresh() });
}

export function useAssignRanger() {
  const refresh = useRefreshGrids();
  return useMutation({
    mutationFn: ({ gridId, rangerPostId }: { gridId: number; rangerPostId: number }) => api.put('/api/grids/{id}/ranger', { params: { path: { id: gridId } }, body: { rangerPostId } }),
    onSuccess: () => refresh(),
  });
}

export function useUnassignRanger() {
  const refresh = useRefreshGrids();
  return useMutation({
    mutationFn: (gridId: number) => api.delete('/api/grids/{id}/ranger', { params: { path: { id: gridId } } }),
    onSuccess: () => refresh(),
  });
}

export function useSetRule(regionCode: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: RuleInput) => api.put('/api/patrol-rules/{regionCode}', { params: { path: { regionCode } }, body: input }),
    // A region's rule reaches every region and grid below it.
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: ['patrol-rules'] }), queryClient.invalidateQueries({ queryKey: ['grids'] })]),
  });
}
