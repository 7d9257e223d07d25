import { type QueryClient, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AppAbility } from '@varna/authz/core';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { api, ApiError, onSessionGone } from '../api/client';
import type { LoginResponse, Me } from '../api/types';
import { abilityFromPacked, type PackedPermissions } from './ability';

export interface SignedIn {
  me: Me;
  ability: AppAbility;
}

/**
 * Why the person is on the sign-in page: the session ran out (SESSION_EXPIRED), it was ended elsewhere
 * (UNAUTHENTICATED mid-visit: revoked, password changed), or they signed out themself.
 */
export type SignedOutReason = 'expired' | 'ended' | 'signedOut' | null;

interface SessionContextValue {
  /** undefined while loading, null when nobody is signed in. */
  session: SignedIn | null | undefined;
  loadError: ApiError | null;
  reason: SignedOutReason;
  signIn: (credentials: { username: string; password: string; tenant?: string }) => Promise<void>;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<SessionContextValue | null>(null);
export const SESSION_KEY = ['session'] as const;

async function loadSession(onGone?: (error: ApiError) => void): Promise<SignedIn | null> {
  try {
    const [me, permissions] = await Promise.all([
      api<Me>('/me', { ignoreSessionGone: true }),
      api<PackedPermissions>('/me/permissions', { ignoreSessionGone: true }),
    ]);
    return { me, ability: abilityFromPacked(permissions) };
  } catch (error) {
    if (error instanceof ApiError && error.isSessionGone) {
      // No cookie at all is a plain first visit; an expired one deserves a word on the sign-in page.
      if (error.code === 'SESSION_EXPIRED') onGone?.(error);
      return null;
    }
    throw error;
  }
}

/** Drops every cached answer but the session itself (whose observer must stay attached). */
function forgetCachedData(client: QueryClient): void {
  client.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [reason, setReason] = useState<SignedOutReason>(null);
  const query = useQuery({
    queryKey: SESSION_KEY,
    queryFn: () => loadSession(() => setReason('expired')),
    staleTime: Infinity,
    retry: false,
  });

  // Whatever call meets an ended session: forget everything cached for the person, show sign-in.
  useEffect(() => {
    onSessionGone((error) => {
      setReason(error.code === 'SESSION_EXPIRED' ? 'expired' : 'ended');
      forgetCachedData(queryClient);
      queryClient.setQueryData(SESSION_KEY, null);
    });
    return () => onSessionGone(null);
  }, [queryClient]);

  const signIn = useCallback<SessionContextValue['signIn']>(
    async (credentials) => {
      await api<LoginResponse>('/auth/login', {
        method: 'POST',
        body: credentials,
        ignoreSessionGone: true,
      });
      forgetCachedData(queryClient);
      const session = await loadSession();
      // Signed in, yet the next call is not: the browser refused the session cookie.
      if (!session) throw new ApiError(0, 'SESSION_NOT_KEPT', '', null, null);
      queryClient.setQueryData(SESSION_KEY, session);
      setReason(null);
    },
    [queryClient],
  );

  const signOut = useCallback(async () => {
    try {
      await api<void>('/auth/logout', { method: 'POST', ignoreSessionGone: true });
    } catch (error) {
      // An already ended session is signed out all the same.
      if (!(error instanceof ApiError && error.isSessionGone)) throw error;
    }
    forgetCachedData(queryClient);
    queryClient.setQueryData(SESSION_KEY, null);
    setReason('signedOut');
  }, [queryClient]);

  const value = useMemo<SessionContextValue>(
    () => ({
      session: query.data,
      loadError: query.error instanceof ApiError ? query.error : query.error ? toApiError(query.error) : null,
      reason,
      signIn,
      signOut,
    }),
    [query.data, query.error, reason, signIn, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

function toApiError(error: Error): ApiError {
  return new ApiError(0, 'CLIENT_ERROR', error.message, null, null);
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** For pages behind the sign-in: the session is there. */
export function useSignedIn(): SignedIn {
  const { session } = useSession();
  if (!session) throw new Error('useSignedIn without a session');
  return session;
}
