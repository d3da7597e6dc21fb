import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import type { Account } from '../../app/api-types.ts';

const accountKey = (personId: number) => ['persons', personId, 'account'] as const;

export function usePersonAccount(personId: number) {
  return useQuery({ queryKey: accountKey(personId), queryFn: () => api.get<Account | null>(`/api/persons/${personId}/account`) });
}

type Action = { kind: 'unlock' | 'enable' | 'disable'; id: number } | { kind: 'reset'; id: number; password: string } | { kind: 'create'; username: string; password: string };

/** Every change to an account answers with the account; keep it as the cached value. */
export function useAccountAction(personId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: Action) => {
      switch (action.kind) {
        case 'create':
          return api.post<Account>(`/api/persons/${personId}/account`, { username: action.username, password: action.password });
        case 'reset':
          return api.post<Account>(`/api/accounts/${action.id}/password`, { password: action.password });
        case 'unlock':
          return api.post<Account>(`/api/accounts/${action.id}/unlock`);
        case 'enable':
          return api.patch<Account>(`/api/accounts/${action.id}`, { status: 'active' });
        case 'disable':
          return api.patch<Account>(`/api/accounts/${action.id}`, { status: 'disabled' });
      }
    },
    onSuccess: (account) => queryClient.setQueryData(accountKey(personId), account),
  });
}
