import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorState, QueryView } from '../components/ErrorState';
import { PageHeading } from '../components/PageHeading';
import { Pager } from '../components/Pager';
import { formatDateTime, formatNumber, useI18n } from '../i18n/i18n';
import { useNotice } from '../layout/notice';
import { kindKey, openKey } from './labels';
import {
  isAppPath,
  type Notification,
  useMarkAllRead,
  useMarkRead,
  useNotifications,
} from './notification-queries';

const PAGE_SIZE = 50;

/**
 * Aviseringar (`/aviseringar`): the caller's own notifications, newest first, paged by the server.
 * Each row: what kind, when (Stockholm time), the text, a link to the object, read or unread, and
 * "Markera som läst"; "Markera alla som lästa" for every unread one at once.
 */
export function NotificationsPage() {
  const { t } = useI18n();
  const { announce } = useNotice();
  const [offset, setOffset] = useState(0);
  const list = useNotifications({ limit: PAGE_SIZE, offset });
  const markAll = useMarkAllRead();
  return (
    <section className="page" data-page="notifications">
      <PageHeading title={t('notifications.title')} />
      <p className="lead">{t('notifications.lead')}</p>
      <QueryView query={list}>
        {(page) =>
          page.total === 0 ? (
            <p>{t('notifications.empty')}</p>
          ) : (
            <>
              <p role="status">
                {t('notifications.count', {
                  from: formatNumber(page.offset + 1),
                  to: formatNumber(page.offset + page.items.length),
                  total: formatNumber(page.total),
                  unread: formatNumber(page.unread),
                })}
              </p>
              {page.unread > 0 && (
                <p>
                  <button
                    type="button"
                    className="button button--secondary"
                    disabled={markAll.isPending}
                    onClick={() =>
                      markAll.mutate(undefined, {
                        onSuccess: (result) =>
                          announce(t('notifications.markedAllRead', { count: formatNumber(result.marked) })),
                      })
                    }
                  >
                    {t('notifications.markAllRead')}
                  </button>
                </p>
              )}
              {markAll.error && <ErrorState error={markAll.error} />}
              <ul className="notification-list" data-list="notifications">
                {page.items.map((n) => (
                  <NotificationRow key={n.id} notification={n} />
                ))}
              </ul>
              <Pager offset={offset} pageSize={PAGE_SIZE} total={page.total} onChange={setOffset} />
            </>
          )
        }
      </QueryView>
    </section>
  );
}

function NotificationRow({ notification: n }: { notification: Notification }) {
  const { t } = useI18n();
  const { announce } = useNotice();
  const markRead = useMarkRead();
  const unread = n.readAt === null;
  return (
    <li
      className={unread ? 'notification notification--unread' : 'notification'}
      data-notification={n.id}
      data-unread={unread}
    >
      <h2 className="notification__kind">
        {unread && <span className="notification__state">{t('notifications.unread')}</span>}
        {t(kindKey(n.kind))}
      </h2>
      <p className="notification__time">
        <time dateTime={n.createdAt}>{formatDateTime(n.createdAt)}</time>
        {!unread && n.readAt && <> · {t('notifications.readAt', { at: formatDateTime(n.readAt) })}</>}
      </p>
      <p className="notification__text">{n.text}</p>
      <div className="notification__actions">
        {isAppPath(n.link) && (
          <Link to={n.link} data-link="object">
            {t(openKey(n.subjectType))}
          </Link>
        )}
        {unread && (
          <button
            type="button"
            className="button button--secondary"
            disabled={markRead.isPending}
            onClick={() =>
              markRead.mutate(n.id, { onSuccess: () => announce(t('notifications.markedRead')) })
            }
          >
            {t('notifications.markRead')}
          </button>
        )}
      </div>
      {markRead.error && <ErrorState error={markRead.error} />}
    </li>
  );
}
