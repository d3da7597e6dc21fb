import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import type { Region } from '../../app/api-types.ts';

export const regionKeys = {
  roots: ['regions', 'roots'] as const,
  one: (code: string) => ['regions', code] as const,
  children: (code: string) => ['regions', code, 'children'] as const,
  path: (code: string) => ['regions', code, 'path'] as const,
  boundary: (code: string) => ['regions', code, 'boundary'] as const,
  search: (q: string) => ['regions', 'search', q] as const,
  activePosts: (code: string) => ['posts', { regionCode: code, active: true }] as const,
};

// Regions change only when the statistical codes are reloaded: cache them for the session.
const REGION_STALE = 30 * 60_000;

export const fetchChildren = (code: string) => api.get('/api/regions/{code}/children', { params: { path: { code } } });
export const fetchPath = (code: string) => api.get('/api/regions/{code}/path', { params: { path: { code } } });
export const fetchBoundary = (code: string) => api.get('/api/regions/{code}/boundary', { params: { path: { code } } });

/** The user's outermost visible regions (their scope). */
export function useRootRegions() {
  return useQuery({ queryKey: regionKeys.roots, queryFn: () => api.get('/api/regions'), staleTime: REGION_STALE });
}

/** Regions of the user's whole scope by name or code, with the ancestors that place them in a tree. */
export function useRegionSearch(q: string) {
  return useQuery({
    queryKey: regionKeys.search(q),
    queryFn: ({ signal }) => api.get('/api/regions/search', { params: { query: { q } }, signal }),
    enabled: q.length > 0,
    staleTime: REGION_STALE,
  });
}

export function useRegion(code: string | undefined) {
  return useQuery({
    queryKey: regionKeys.one(code ?? ''),
    queryFn: () => api.get('/api/regions/{code}', { params: { path: { code: code! } } }),
    enabled: !!code,
    staleTime: REGION_STALE,
  });
}

export function useRegionPath(code: string | undefined) {
  return useQuery({ queryKey: regionKeys.path(code ?? ''), queryFn: () => fetchPath(code!), enabled: !!code, staleTime: REGION_STALE });
}

export function useBoundary(region: Region | undefined) {
  return useQuery({
    queryKey: regionKeys.boundary(region?.code ?? ''),
    queryFn: () => fetchBoundary(region!.code),
    enabled: !!region?.hasBoundary,
    staleTime: REGION_STALE,
  });
}

/**
 * Posts held today in a region's subtree. The list is ordered by region code, so the region's
 * own posts come first; 200 is far above what one region holds itself.
 */
export function useActivePostsUnder(code: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: regionKeys.activePosts(code ?? ''),
    queryFn: () => api.get('/api/posts', { params: { query: { regionCode: code, active: true, page: 1, pageSize: 200 } } }),
    enabled: !!code && enabled,
  });
}
