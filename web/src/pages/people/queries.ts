import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, request } from '../../app/api.ts';
import type { Page, Person, Post } from '../../app/api-types.ts';
import { ME_KEY } from '../../app/auth.tsx';

export interface PersonFilter {
  regionCode?: string;
  q?: string;
  postType?: string;
  page: number;
  pageSize: number;
}

export interface PersonInput {
  regionCode: string;
  name: string;
  phone: string | null;
  idCardLast4: string | null;
}

export interface PostInput {
  postType: string;
  regionCode: string;
  title: string | null;
  responsibilityArea: string | null;
  rangerKind: string | null;
  department: string | null;
  startsOn: string;
}

export type PostChanges = Partial<Omit<PostInput, 'postType' | 'regionCode'>>;

export const peopleKeys = {
  list: (filter: PersonFilter) => ['persons', 'list', filter] as const,
  one: (id: number) => ['persons', id] as const,
  posts: (id: number) => ['persons', id, 'posts'] as const,
};

export function usePersons(filter: PersonFilter) {
  return useQuery({
    queryKey: peopleKeys.list(filter),
    queryFn: ({ signal }) => api.get<Page<Person>>('/api/persons', { ...filter }, signal),
    placeholderData: keepPreviousData,
  });
}

export function usePerson(id: number) {
  return useQuery({ queryKey: peopleKeys.one(id), queryFn: () => api.get<Person>(`/api/persons/${id}`) });
}

/** Every post the person has held, newest first, ended ones included. */
export function usePersonPosts(id: number) {
  return useQuery({ queryKey: peopleKeys.posts(id), queryFn: () => api.get<Post[]>(`/api/persons/${id}/posts`) });
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
    mutationFn: (input: PersonInput) => api.post<Person>('/api/persons', input),
    onSuccess: (person) => refresh(person.id),
  });
}

export function useUpdatePerson(id: number) {
  const refresh = useRefreshPerson();
  return useMutation({
    mutationFn: (changes: Partial<PersonInput>) => api.patch<Person>(`/api/persons/${id}`, changes),
    onSuccess: () => refresh(id),
  });
}

export function useUploadPhoto(id: number) {
  const refresh = useRefreshPerson();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return request<Person>(`/api/persons/${id}/photo`, { method: 'PUT', body: form });
    },
    onSuccess: () => refresh(id),
  });
}

export function useAppoint(personId: number) {
  const refresh = useRefreshPerson();
  return useMutation({
    mutationFn: (input: PostInput) => api.post<Post>(`/api/persons/${personId}/posts`, input),
    onSuccess: () => refresh(personId),
  });
}

export function useUpdatePost(personId: number) {
  const refresh = useRefreshPerson();
  return useMutation({
    mutationFn: ({ id, changes }: { id: number; changes: PostChanges }) => api.patch<Post>(`/api/posts/${id}`, changes),
    onSuccess: () => refresh(personId),
  });
}

export function useEndPost(personId: number) {
  const refresh = useRefreshPerson();
  return useMutation({
    mutationFn: ({ id, endsOn, reason }: { id: number; endsOn: string; reason: string }) => api.post<Post>(`/api/posts/${id}/end`, { endsOn, reason }),
    onSuccess: () => refresh(personId),
  });
}
