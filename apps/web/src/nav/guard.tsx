import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useSession, useSignedIn } from '../auth/session';
import { ErrorState, Loading } from '../components/ErrorState';
import { ForbiddenPage } from '../pages/ForbiddenPage';
import { type NavContext, navItem, type NavId, startPage } from './navigation';

export function useNavContext(): NavContext {
  const { me, ability } = useSignedIn();
  return { ability, roles: me.roles };
}

/** Pages behind the sign-in: without a session, to the sign-in page and then back here. */
export function RequireSession({ children }: { children: ReactNode }) {
  const { session, loadError } = useSession();
  const location = useLocation();
  if (session === undefined) {
    return (
      <main id="main" className="app-main app-main--bare">
        {loadError ? <ErrorState error={loadError} onRetry={() => window.location.reload()} /> : <Loading />}
      </main>
    );
  }
  if (session === null) {
    const next = `${location.pathname}${location.search}`;
    const search = next === '/' ? '' : `?next=${encodeURIComponent(next)}`;
    return <Navigate to={`/logga-in${search}`} replace />;
  }
  return <>{children}</>;
}

/**
 * A page the navigation item must allow. An unauthorised deep link renders "Saknar behörighet" in place
 * of the page, so none of the page's queries run and nothing of its data reaches the browser.
 */
export function Guard({ nav, children }: { nav: NavId; children: ReactNode }) {
  const ctx = useNavContext();
  return navItem(nav).allowed(ctx) ? <>{children}</> : <ForbiddenPage />;
}

export function StartRedirect() {
  const ctx = useNavContext();
  return <Navigate to={startPage(ctx)} replace />;
}
