import { useEffect, useState } from 'react';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { useSession, useSignedIn } from '../auth/session';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { useI18n } from '../i18n/i18n';
import { useNavContext } from '../nav/guard';
import { visibleNavItems } from '../nav/navigation';
import { NotificationBadge } from '../notifications/NotificationBadge';
import { LanguageSwitch } from './LanguageSwitch';
import { useNotice } from './notice';

/** The signed-in frame: skip link, header, navigation by the ability, the page, the status line. */
export function Layout() {
  const { t } = useI18n();
  const { me } = useSignedIn();
  const { signOut } = useSession();
  const ctx = useNavContext();
  const location = useLocation();
  const navigate = useNavigate();
  const { notice, clear, keepOnlyFor } = useNotice();
  const [menuOpen, setMenuOpen] = useState(false);
  const items = visibleNavItems(ctx);
  const inbox = ctx.ability.can('read', 'Notification');

  // A new page drops a notice that belonged to another page.
  useEffect(() => keepOnlyFor(location.pathname), [location.pathname, keepOnlyFor]);

  const skipToContent = (event: React.MouseEvent) => {
    event.preventDefault();
    document.getElementById('main')?.focus();
  };

  const onSignOut = async () => {
    clear();
    await signOut();
    await navigate('/logga-in', { replace: true });
  };

  return (
    <div className="app">
      <a className="skip-link" href="#main" onClick={skipToContent}>
        {t('layout.skipToContent')}
      </a>
      <header className="app-header">
        <div className="app-header__brand">
          <Link to="/" className="app-header__name">
            {t('app.name')}
          </Link>
          <span className="app-header__tenant">{me.tenant.name}</span>
        </div>
        <button
          type="button"
          className="button button--quiet menu-toggle"
          aria-expanded={menuOpen}
          aria-controls="main-nav"
          onClick={() => setMenuOpen((open) => !open)}
        >
          {t('layout.menu')}
        </button>
        <div className="app-header__user">
          {inbox && <NotificationBadge />}
          <span className="app-header__person">{me.person.displayName}</span>
          <LanguageSwitch />
          <button type="button" className="button button--quiet" onClick={() => void onSignOut()}>
            {t('action.signOut')}
          </button>
        </div>
      </header>
      <nav id="main-nav" className="app-nav" data-open={menuOpen} aria-label={t('nav.label')}>
        <ul>
          {items.map((item) => (
            <li key={item.id}>
              <NavLink to={item.path} data-nav={item.id} onClick={() => setMenuOpen(false)}>
                {t(item.label)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" className="app-main" tabIndex={-1}>
        <div className="notice" role="status">
          {notice && notice.path === location.pathname && <p className="notice__text">{notice.text}</p>}
        </div>
        <ErrorBoundary resetKey={location.pathname}>
          <Outlet />
        </ErrorBoundary>
      </main>
    </div>
  );
}
