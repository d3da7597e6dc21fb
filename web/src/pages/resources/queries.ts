import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import { downloadFile } from '../../app/download.ts';
import type { ResourceList, ResponsibilityArea, Subject } from './types.ts';

const path = (subject: Subject) => (subject.kind === 'region' ? `/api/resource-lists/region/${subject.code}` : `/api/resource-lists/responsibility-area/${subject.id}`);

export const resourceKeys = {
  list: (subject: Subject) => ['resource-lists', subject.kind, subject.kind === 'region' ? subject.code : subject.id] as const,
  areas: ['responsibility-areas'] as const,
};

export function useResourceList(subject: Subject | undefined) {
  return useQuery({
    queryKey: subject ? resourceKeys.list(subject) : ['resource-lists', 'none'],
    queryFn: () => api.get<ResourceList>(path(subject!)),
    enabled: !!subject,
  });
}

/** Recomputes now (the server also recomputes by itself when the layers it rests on change). */
export function useRefreshResourceList(subject: Subject | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<ResourceList>(`${path(subject!)}/refresh`),
    onSuccess: (list) => queryClient.setQueryData(resourceKeys.list(subject!), list),
  });
}

export function useExportResourceList(subject: Subject | undefined) {
  return useMutation({ mutationFn: (fallbackName: string) => downloadFile(`${path(subject!)}/excel`, {}, fallbackName) });
}

/** Chiefs' responsibility areas in the user's scope (a map layer: needs map.read). */
export function useResponsibilityAreas(enabled: boolean) {
  return useQuery({ queryKey: resourceKeys.areas, queryFn: () => api.get<ResponsibilityArea[]>('/api/responsibility-areas'), enabled, staleTime: 5 * 60_000 });
}
