import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import { query, useWrite } from '../api/queries';
import type { Page } from '../api/types';

/** One notification of the caller (`GET /api/notifications`, domain.md §5.5). */
export interface Notification {
  id: string;
  kind: string;
  subjectType: string;
  subjectId: string;
  text: string;
  /** The object's page, app-relative (`/incidenter/<id>`); null on notifications that name none. */
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationPage extends Page<Notification> {
  /** The caller's unread notifications, whatever the filter. */
  unread: number;
}

export const notificationKeys = {
  all: ['notifications'] as const,
  unread: ['notifications', 'unread'] as const,
  list: (params: object) => ['notifications', 'list', params] as const,
};

/** How often the header asks for the unread count (ms). */
export const UNREAD_REFETCH_MS = 60_000;

/** The unread count for the header badge: the smallest page, asked again every minute. */
export const useUnreadCount = () =>
  useQuery({
    queryKey: notificationKeys.unread,
    queryFn: ({ signal }) =>
      api<NotificationPage>(`/notifications${query({ unread: true, limit: 1 })}`, { signal }),
    select: (page) => page.unread,
    refetchInterval: UNREAD_REFETCH_MS,
    staleTime: 0,
    retry: false,
  });

/** The caller's notifications, newest first (the server's order), paged like the other lists. */
export const useNotifications = (params: { limit: number; offset: number }) =>
  useQuery({
    queryKey: notificationKeys.list(params),
    queryFn: ({ signal }) => api<NotificationPage>(`/notifications${query({ ...params })}`, { signal }),
    placeholderData: (previous) => previous,
    refetchInterval: UNREAD_REFETCH_MS,
  });

export const useMarkRead = () =>
  useWrite(
    (id: string) => api<Notification>(`/notifications/${encodeURIComponent(id)}/read`, { method: 'POST' }),
    [notificationKeys.all],
  );

export const useMarkAllRead = () =>
  useWrite(
    () => api<{ marked: number }>('/notifications/read-all', { method: 'POST' }),
    [notificationKeys.all],
  );

/** Only a path on this site is followed (one leading slash, no `//host`). */
export const isAppPath = (link: string | null): link is string => !!link && /^\/(?![/\\])\S*$/.test(link);
