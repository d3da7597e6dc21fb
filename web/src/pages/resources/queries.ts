import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import { downloadFile } from '../../app/download.ts';
import type { Subject } from './types.ts';

const fetchList = (subject: Subject) =>
  subject.kind === 'region'
    ? api.get('/api/resource-lists/region/{code}', { params: { path: { code: subject.code } } })
    : api.get('/api/resource-lists/responsibility-area/{id}', { params: { path: { id: subject.id } } });

const refreshList = (subject: Subject) =>
  subject.kind === 'region'
    ? api.post('/api/resource-lists/region/{code}/refresh', { params: { path: { code: subject.code } } })
    : api.post('/api/resource-lists/responsibility-area/{id}/refresh', { params: { path: { id: subject.id } } });

const excelPath = (subject: Subject) =>
  subject.kind === 'region' ? `/api/resource-lists/region/${subject.code}/excel` : `/api/resource-lists/responsibility-area/${subject.id}/excel`;

export const resourceKeys = {
  list: (subject: Subject) => ['resource-lists', subject.kind, subject.kind === 'region' ? subject.code : subject.id] as const,
  areas: ['responsibility-areas'] as const,
};

export function useResourceList(subject: Subject | undefined) {
  return useQuery({
    queryKey: subject ? resourceKeys.list(subject) : ['resource-lists', 'none'],
    queryFn: () => fetchList(subject!),
    enabled: !!subject,
  });
}

/** Recomputes now (the server also recomputes by itself when the layers it rests on change). */
export function useRefreshResourceList(subject: Subject | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => refreshList(subject!),
    onSuccess: (list) => queryClient.setQueryData(resourceKeys.list(subject!), list),
  });
}

export function useExportResourceList(subject: Subject | undefined) {
  return useMutation({ mutationFn: (fallbackName: string) => downloadFile(excelPath(subject!), {}, fallbackName) });
}

/** Chiefs' responsibility areas in the user's scope (a map layer: needs map.read). */
export function useResponsibilityAreas(enabled: boolean) {
  return useQuery({ queryKey: resourceKeys.areas, queryFn: () => api.get('/api/responsibility-areas'), enabled, staleTime: 5 * 60_000 });
}
