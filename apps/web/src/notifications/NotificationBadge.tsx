import { NavLink } from 'react-router';
import { formatNumber, useI18n } from '../i18n/i18n';
import { useUnreadCount } from './notification-queries';

/**
 * "Aviseringar" in the header with the caller's unread count (refetched every minute). The link's
 * accessible name carries the count ("Aviseringar 3 olästa"); a polite live region says it again when it changes, so a
 * screen reader hears a new notification without losing its place.
 */
export function NotificationBadge() {
  const { t } = useI18n();
  const unread = useUnreadCount();
  const count = unread.data;
  // The visible words start the name (WCAG 2.5.3): "Aviseringar 3" shows, "Aviseringar 3 olästa" is read.
  const label =
    count === undefined
      ? t('notifications.badge')
      : count === 0
        ? t('notifications.badgeNone')
        : t('notifications.badgeUnread', { count: formatNumber(count) });
  return (
    <>
      <NavLink to="/aviseringar" className="notification-badge" aria-label={label} data-unread={count ?? ''}>
        {t('notifications.badge')}
        {count !== undefined && count > 0 && (
          <>
            {' '}
            <span className="notification-badge__count" data-count={count}>
              {formatNumber(count)}
            </span>
          </>
        )}
      </NavLink>
      <span className="visually-hidden" aria-live="polite" data-live="notifications">
        {count === undefined
          ? ''
          : count === 0
            ? t('notifications.liveNone')
            : t('notifications.live', { count: formatNumber(count) })}
      </span>
    </>
  );
}
