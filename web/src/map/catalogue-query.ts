import { useQuery } from '@tanstack/react-query';
import { api } from '../app/api.ts';

export const CATALOGUE_KEY = ['map', 'catalogue'] as const;

export const fetchCatalogue = () => api.get('/api/map/layers');

/** The layer catalogue; it changes when data is written (layer versions), so it is not cached for long. */
export function useMapCatalogue() {
  return useQuery({ queryKey: CATALOGUE_KEY, queryFn: fetchCatalogue, staleTime: 60_000 });
}
