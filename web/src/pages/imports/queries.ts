import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import type { ApiBody } from '../../app/api-types.ts';
import type { ImportJob, ImportTarget, OptionsPatch } from './types.ts';

export const importKeys = {
  targets: ['imports', 'targets'] as const,
  projections: ['imports', 'projections'] as const,
  limits: ['imports', 'limits'] as const,
  jobs: ['imports', 'jobs'] as const,
  job: (id: number) => ['imports', 'job', id] as const,
  presets: (target: ImportTarget) => ['import-presets', target] as const,
};

/** Reference lists that change only with a server release. */
export function useTargets() {
  return useQuery({ queryKey: importKeys.targets, queryFn: () => api.get('/api/imports/targets'), staleTime: Infinity });
}

export function useProjections() {
  return useQuery({ queryKey: importKeys.projections, queryFn: () => api.get('/api/imports/projections'), staleTime: Infinity });
}

export interface UploadLimits {
  /** As the server words it, e.g. "200 MB". */
  sizeText: string;
  bytes: number;
  features: number;
}

const UNIT_BYTES: Record<string, number> = { KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3 };

/**
 * The upload limits the server runs with (UPLOAD_MAX_MB, IMPORT_MAX_FEATURES). No endpoint states
 * them as data: they are only written into the OpenAPI description of POST /api/imports, so that
 * is where they are read from. Null when the wording cannot be found (the server still enforces them).
 */
export function useUploadLimits() {
  return useQuery({
    queryKey: importKeys.limits,
    queryFn: async (): Promise<UploadLimits | null> => {
      // The document itself is not one of the API's paths: read as plain JSON.
      const response = await fetch('/api/docs/json', { credentials: 'same-origin' });
      if (!response.ok) return null;
      const doc = (await response.json()) as { paths?: Record<string, { post?: { description?: string } }> };
      const text = doc.paths?.['/api/imports']?.post?.description ?? '';
      const found = /大小不超过\s*([\d.]+)\s*(KB|MB|GB)，要素不超过\s*(\d+)\s*个/.exec(text);
      if (!found) return null;
      const [, size, unit, features] = found;
      return { sizeText: `${size} ${unit}`, bytes: Number(size) * UNIT_BYTES[unit!]!, features: Number(features) };
    },
    staleTime: Infinity,
    retry: false,
  });
}

/** Recent jobs; polled while one of them is under way. */
export function useJobs() {
  return useQuery({
    queryKey: importKeys.jobs,
    queryFn: ({ signal }) => api.get('/api/imports', { params: { query: { limit: 30 } }, signal }),
    refetchInterval: (query) => (query.state.data?.some((j) => j.status === 'queued' || j.status === 'running') ? 2000 : false),
  });
}

/** One job; polled once a second while it is queued or running. */
export function useJob(id: number) {
  return useQuery({
    queryKey: importKeys.job(id),
    queryFn: ({ signal }) => api.get('/api/imports/{id}', { params: { path: { id } }, signal }),
    refetchInterval: (query) => (query.state.data?.status === 'queued' || query.state.data?.status === 'running' ? 1000 : false),
  });
}

/** Keeps a job answer from a write as the job's current state. */
function useKeepJob() {
  const queryClient = useQueryClient();
  return (job: ImportJob) => {
    queryClient.setQueryData(importKeys.job(job.id), job);
    void queryClient.invalidateQueries({ queryKey: importKeys.jobs });
  };
}

export function useUpload() {
  const keep = useKeepJob();
  return useMutation({
    mutationFn: ({ target, regionCode, file }: { target: ImportTarget; regionCode: string; file: File }) => {
      // Fields first: the server refuses a forbidden target before it stores the file.
      const form = new FormData();
      form.append('target', target);
      form.append('regionCode', regionCode);
      form.append('file', file, file.name);
      return api.upload('post', '/api/imports', form);
    },
    onSuccess: keep,
  });
}

export function usePatchJob(id: number) {
  const keep = useKeepJob();
  return useMutation({ mutationFn: (patch: OptionsPatch) => api.patch('/api/imports/{id}', { params: { path: { id } }, body: patch }), onSuccess: keep });
}

export function useStartJob(id: number) {
  const keep = useKeepJob();
  return useMutation({ mutationFn: () => api.post('/api/imports/{id}/start', { params: { path: { id } } }), onSuccess: keep });
}

export function useCancelJob(id: number) {
  const keep = useKeepJob();
  return useMutation({ mutationFn: () => api.post('/api/imports/{id}/cancel', { params: { path: { id } } }), onSuccess: keep });
}

/** Every preset of a target the user can see (their own regions' and those above). */
export function usePresets(target: ImportTarget) {
  return useQuery({ queryKey: importKeys.presets(target), queryFn: () => api.get('/api/import-presets', { params: { query: { target } } }) });
}

/** After a preset is saved or deleted: the list, and the matches offered inside the open job. */
function useRefreshPresets(jobId: number) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([queryClient.invalidateQueries({ queryKey: ['import-presets'] }), queryClient.invalidateQueries({ queryKey: importKeys.job(jobId) })]);
}

export function useCreatePreset(jobId: number) {
  const refresh = useRefreshPresets(jobId);
  return useMutation({
    mutationFn: (input: ApiBody<'/api/import-presets', 'post'>) => api.post('/api/import-presets', { body: input }),
    onSuccess: refresh,
  });
}

export function useDeletePreset(jobId: number) {
  const refresh = useRefreshPresets(jobId);
  return useMutation({ mutationFn: (id: number) => api.delete('/api/import-presets/{id}', { params: { path: { id } } }), onSuccess: refresh });
}

/** Code tables, for translating values the tables do not know by themselves. */
export function useCodeTables() {
  return useQuery({ queryKey: ['code-tables'], queryFn: () => api.get('/api/code-tables'), staleTime: 10 * 60_000 });
}

/** Draft grid plans covering or inside a region: the only plans grids may be imported into. */
export function useDraftPlans(regionCode: string, enabled: boolean) {
  return useQuery({
    queryKey: ['imports', 'draft-plans', regionCode],
    queryFn: () => api.get('/api/grid-plans', { params: { query: { regionCode, status: 'draft' } } }),
    enabled,
  });
}

/** Posts held today in a region's subtree; the caller keeps the chiefs'. */
export function useActivePosts(regionCode: string, enabled: boolean) {
  return useQuery({
    queryKey: ['imports', 'posts', regionCode],
    queryFn: () => api.get('/api/posts', { params: { query: { regionCode, active: true, page: 1, pageSize: 500 } } }),
    enabled,
  });
}

export function useReferenceLayers(enabled: boolean) {
  return useQuery({ queryKey: ['imports', 'reference-layers'], queryFn: () => api.get('/api/reference-layers'), enabled });
}
