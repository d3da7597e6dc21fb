import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import type { ApiBody } from '../../app/api-types.ts';
import { ME_KEY } from '../../app/auth.tsx';

export interface PersonFilter {
  regionCode?: string;
  q?: string;
  postType?: string;
  page: number;
  pageSize: number;
}

export type PersonInput = ApiBody<'/api/persons', 'post'>;
export type PersonChanges = ApiBody<'/api/persons/{id}', 'patch'>;
export type PostInput = ApiBody<'/api/persons/{id}/posts', 'post'>;
export type PostChanges = ApiBody<'/api/posts/{id}', 'patch'>;

export const peopleKeys = {
  list: (filter: PersonFilter) => ['persons', 'list', filter] as const,
  one: (id: number) => ['persons', id] as const,
  posts: (id: number) => ['persons', id, 'posts'] as const,
};

export function usePersons(filter: PersonFilter) {
  return useQuery({
    queryKey: peopleKeys.list(filter),
    queryFn: ({ signal }) => api.get('/api/persons', { params: { query: filter }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function usePerson(id: number) {
  return useQuery({ queryKey: peopleKeys.one(id), queryFn: () => api.get('/api/persons/{id}', { params: { path: { id } } }) });
}

/** Every post the person has held, newest first, ended ones included. */
export function usePersonPosts(id: number) {
  return useQuery({ queryKey: peopleKeys.posts(id), queryFn: () => api.get('/api/persons/{id}/posts', { params: { path: { id } } }) });
}

/** After any change to a person or their posts: lists, the person, their history and region post lists. */
function useRefreshPerson() {
  const queryClient = useQueryClient();
  return (id: number) =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['persons', 'list'] }),
      queryClient.invalidateQueries({ queryKey: peopleKeys.one(id) }),
      queryClient.invalidateQueries({ queryKey: peopleKeys.posts(id) }),
      queryClient.invalidateQueries({ queryKey: ['posts'] }),
      queryClient.invalidateQueries({ queryKey: ['summary'] }),
      // The signed-in user may have changed their own record or posts (name and post in the header).
      queryClient.invalidateQueries({ queryKey: ME_KEY }),
    ]);
}

export function useCreatePerson() {
  const refresh = useRefreshPerson();
  return useMutation({
    mutationFn: (input: PersonInput) => api.post('/api/persons', { body: input }),
    onSuccess: (person) => refresh(person.id),
  });
}

export function useUpdatePerson(id: number) {
  const refresh = useRefreshPerson();
  return useMutation({
    mutationFn: (changes: PersonChanges) => api.patch('/api/persons/{id}', { params: { path: { id } }, body: changes }),
    onSuccess: () => refresh(id),
  });
}

export function useUploadPhoto(id: number) {
  const refresh = useRefreshPerson();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return api.upload('put', '/api/persons/{id}/photo', form, { params: { path: { id } } });
    },
    onSuccess: () => refresh(id),
  });
}

export function useAppoint(personId: number) {
  const refresh = useRefreshPerson();
  return useMutation({
    mutationFn: (input: PostInput) => api.post('/api/persons/{id}/posts', { params: { path: { id: personId } }, body: input }),
    onSuccess: () => refresh(personId),
  });
}

export function useUpdatePost(personId: number) {
  const refresh = useRefreshPerson();
  return useMutation({
    mutationFn: ({ id, changes }: { id: number; changes: PostChanges }) => api.patch('/api/posts/{id}', { params: { path: { id } }, body: changes }),
    onSuccess: () => refresh(personId),
  });
}

export function useEndPost(personId: number) {
  const refresh = useRefreshPerson();
  return useMutation({
    mutationFn: ({ id, endsOn, reason }: { id: number; endsOn: string; reason: string }) => api.post('/api/posts/{id}/end', { params: { path: { id } }, body: { endsOn, reason } }),
    onSuccess: () => refresh(personId),
  });
}
