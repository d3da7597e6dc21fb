import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import { downloadFile } from '../../app/download.ts';
import type { ExportFilterName, ExportFormat, ExportLayerId } from './types.ts';

export interface SubCompartmentFilter {
  regionCode?: string;
  landClass?: string;
  dominantSpecies?: string;
  compartment?: string;
  number?: string;
  page: number;
  pageSize: number;
}

export type ExportFilter = Partial<Record<ExportFilterName, string | number>>;

export const landKeys = {
  codeTables: ['code-tables'] as const,
  exports: ['exports'] as const,
  subCompartments: (filter: SubCompartmentFilter) => ['sub-compartments', filter] as const,
  subCompartment: (id: number) => ['sub-compartments', id] as const,
  referenceLayers: ['reference-layers'] as const,
  plans: ['grid-plans'] as const,
};

/** Code tables change only by upload: read once a session unless this page uploads. */
export function useCodeTables() {
  return useQuery({ queryKey: landKeys.codeTables, queryFn: () => api.get('/api/code-tables'), staleTime: 10 * 60_000 });
}

/** The codes of one domain as select options ("乔木林地（0111）"). */
export function useCodeOptions(domain: string) {
  const tables = useCodeTables();
  const entries = tables.data?.find((d) => d.domain === domain)?.entries ?? [];
  return { loading: tables.isPending, options: entries.map((e) => ({ value: e.code, label: `${e.name}（${e.code}）` })) };
}

export function useUploadCodeTables() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return api.upload('put', '/api/code-tables', form);
    },
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: landKeys.codeTables }),
        // Names in lists and every resource list rest on the code tables.
        queryClient.invalidateQueries({ queryKey: ['sub-compartments'] }),
        queryClient.invalidateQueries({ queryKey: ['resource-lists'] }),
      ]),
  });
}

export const downloadCodeTables = (fallbackName: string) => downloadFile('/api/code-tables.csv', {}, fallbackName);

export function useExportLayers(enabled: boolean) {
  return useQuery({ queryKey: landKeys.exports, queryFn: () => api.get('/api/exports'), enabled, staleTime: Infinity });
}

export function useExportDownload() {
  return useMutation({
    mutationFn: ({ layer, format, filter, fallbackName }: { layer: ExportLayerId; format: ExportFormat; filter: ExportFilter; fallbackName: string }) =>
      downloadFile(`/api/exports/${layer}`, { format, ...filter }, fallbackName),
  });
}

export function useReferenceLayers(enabled: boolean) {
  return useQuery({ queryKey: landKeys.referenceLayers, queryFn: () => api.get('/api/reference-layers'), enabled });
}

export function usePlanOptions(enabled: boolean) {
  return useQuery({ queryKey: landKeys.plans, queryFn: () => api.get('/api/grid-plans'), enabled });
}

export function useSubCompartments(filter: SubCompartmentFilter) {
  return useQuery({
    queryKey: landKeys.subCompartments(filter),
    queryFn: ({ signal }) => api.get('/api/sub-compartments', { params: { query: filter }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useSubCompartment(id: number | undefined) {
  return useQuery({ queryKey: landKeys.subCompartment(id ?? 0), queryFn: () => api.get('/api/sub-compartments/{id}', { params: { path: { id: id! } } }), enabled: id !== undefined });
}
