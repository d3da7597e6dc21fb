import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { api, ApiError, onUnauthenticated, setCsrfToken } from './api.ts';
import type { Me } from './api-types.ts';
import { ErrorResult, FullPageSpin } from './feedback.tsx';

export const ME_KEY = ['me'] as const;

/** The signed-in user, or null when there is no valid session. */
async function fetchMe(): Promise<Me | null> {
  try {
    const me = await api.get('/api/me');
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

interface AuthContextValue {
  me: Me | null;
  loading: boolean;
  /** A failure other than "not signed in" (server down, network), with a way to try again. */
  error: unknown;
  retry: () => void;
  /** Why the last session ended without the user asking (e.g. 登录已过期), for the sign-in page. */
  sessionNotice: string | null;
  signIn: (username: string, password: string) => Promise<void>;
  signOut: () => Promise<void>;
  /** After a password change the server replaces the session; keep its new CSRF token. */
  replaceSession: (csrfToken: string) => void;
}

const AuthContext = createContext<AuthContextValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const meQuery = useQuery({ queryKey: ME_KEY, queryFn: fetchMe, retry: false, staleTime: 5 * 60_000 });
  const { refetch } = meQuery;
  const [sessionNotice, setSessionNotice] = useState<string | null>(null);

  const forget = useCallback(() => {
    setCsrfToken(null);
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
    queryClient.setQueryData(ME_KEY, null);
  }, [queryClient]);

  useEffect(
    () =>
      onUnauthenticated((error) => {
        setSessionNotice(error.message);
        forget();
      }),
    [forget],
  );

  const signIn = useCallback(
    async (username: string, password: string) => {
      const { csrfToken } = await api.post('/api/auth/login', { body: { username, password } });
      setCsrfToken(csrfToken);
      setSessionNotice(null);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
      await queryClient.fetchQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 0 });
    },
    [queryClient],
  );

  const signOut = useCallback(async () => {
    try {
      await api.post('/api/auth/logout');
    } finally {
      setSessionNotice(null);
      forget();
    }
  }, [forget]);

  const replaceSession = useCallback(
    (csrfToken: string) => {
      setCsrfToken(csrfToken);
      // Only one's own password change hands out a new session, and it is then the holder's own choice.
      queryClient.setQueryData<Me | null>(ME_KEY, (me) => (me ? { ...me, csrfToken, account: { ...me.account, passwordMustChange: false } } : me));
    },
    [queryClient],
  );

  const value = useMemo<AuthContextValue>(
    () => ({
      me: meQuery.data ?? null,
      loading: meQuery.isPending,
      error: meQuery.error,
      retry: () => void refetch(),
      sessionNotice,
      signIn,
      signOut,
      replaceSession,
    }),
    [meQuery.data, meQuery.isPending, meQuery.error, refetch, sessionNotice, signIn, signOut, replaceSession],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}

/** The signed-in user; only for components rendered under <RequireAuth>. */
export function useMe(): Me {
  const { me } = useAuth();
  if (!me) throw new Error('useMe outside RequireAuth');
  return me;
}

/** Whether the signed-in user holds a permission somewhere in their scope. */
export function useCan(): (permission: string) => boolean {
  const { me } = useAuth();
  return useCallback((permission: string) => me?.permissions.includes(permission) ?? false, [me]);
}

/** Renders its children for a signed-in user, otherwise sends them to sign-in and back here afterwards. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { me, loading, error, retry } = useAuth();
  const location = useLocation();
  if (loading) return <FullPageSpin />;
  if (error) return <ErrorResult error={error} onRetry={retry} />;
  if (!me) return <Navigate to="/signin" replace state={{ from: `${location.pathname}${location.search}` }} />;
  return children;
}
