import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.ts';

const accountKey = (personId: number) => ['persons', personId, 'account'] as const;

export function usePersonAccount(personId: number) {
  return useQuery({ queryKey: accountKey(personId), queryFn: () => api.get('/api/persons/{id}/account', { params: { path: { id: personId } } }) });
}

type Action = { kind: 'unlock' | 'enable' | 'disable'; id: number } | { kind: 'reset'; id: number; password: string } | { kind: 'create'; username: string; password: string };

/** Every change to an account answers with the account; keep it as the cached value. */
export function useAccountAction(personId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: Action) => {
      switch (action.kind) {
        case 'create':
          return api.post('/api/persons/{id}/account', { params: { path: { id: personId } }, body: { username: action.username, password: action.password } });
        case 'reset':
          return api.post('/api/accounts/{id}/password', { params: { path: { id: action.id } }, body: { password: action.password } });
        case 'unlock':
          return api.post('/api/accounts/{id}/unlock', { params: { path: { id: action.id } } });
        case 'enable':
          return api.patch('/api/accounts/{id}', { params: { path: { id: action.id } }, body: { status: 'active' } });
        case 'disable':
          return api.patch('/api/accounts/{id}', { params: { path: { id: action.id } }, body: { status: 'disabled' } });
      }
    },
    onSuccess: (account) => queryClient.setQueryData(accountKey(personId), account),
  });
}
