import { NavLink } from 'react-router';
import { formatNumber, useI18n } from '../i18n/i18n';
import { useUnreadCount } from './notification-queries';

/**
 * "Aviseringar" in the header with the caller's unread count (refetched every minute). The link's
 * accessible name carries the count; a polite live region says it again when it changes, so a
 * screen reader hears a new notification without losing its place.
 */
export function NotificationBadge() {
  const { t } = useI18n();
  const unread = useUnreadCount();
  const count = unread.data;
  const label =
    count === undefined
      ? t('notifications.badge')
      : count === 0
        ? t('notifications.badgeLabelNone')
        : t('notifications.badgeLabel', { count: formatNumber(count) });
  return (
    <>
      <NavLink to="/aviseringar" className="notification-badge" aria-label={label} data-unread={count ?? ''}>
        <span aria-hidden="true">{t('notifications.badge')}</span>
        {count !== undefined && count > 0 && (
          <span className="notification-badge__count" aria-hidden="true" data-count={count}>
            {formatNumber(count)}
          </span>
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
