import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Principal, whereAllowed } from '@varna/authz';
import { Clock, notFound } from '@varna/core';
import { DataSource, EntityManager } from 'typeorm';
import type { ListNotificationsQueryDto } from './dto/notification.dto';
import { NotificationEntity } from './notification.entity';

/** One notification to send; `dedupeKey` names the event for that person (idempotency). */
export interface NewNotification {
  tenantId: string;
  recipientId: string;
  kind: string;
  subjectType: string;
  subjectId: string;
  text: string;
  /** The web page of the object, app-relative (`/incidenter/<id>`): the inbox links to it. */
  link?: string | null;
  dedupeKey: string;
}

/** An app-relative path on this site: one leading slash, no scheme or host (`//host` is not one). */
export const isAppPath = (link: string): boolean => /^\/(?![/\\])[^\s]*$/.test(link) && link.length <= 300;

/** The in-app inbox (§5.5): senders notify idempotently, each person reads and acknowledges their own. */
@Injectable()
export class NotificationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /**
   * Sends inside the caller's transaction unless the same event already reached the person (its
   * `dedupeKey`); true when a notification was created. Safe under concurrent senders.
   */
  async notify(m: EntityManager, n: NewNotification): Promise<boolean> {
    if (n.link != null && !isAppPath(n.link))
      throw new Error(`notification link must be an app path: ${n.link}`);
    const rows = await m.query<{ id: string }[]>(
      `INSERT INTO notification (tenant_id, recipient_id, kind, subject_type, subject_id, text, link, dedupe_key, notified_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (tenant_id, dedupe_key) DO NOTHING
       RETURNING id`,
      [
        n.tenantId,
        n.recipientId,
        n.kind,
        n.subjectType,
        n.subjectId,
        n.text,
        n.link ?? null,
        n.dedupeKey,
        this.clock.now(),
      ],
    );
    return rows.length === 1;
  }

  /** The caller's own notifications, newest first. */
  async listOwn(principal: Principal, query: ListNotificationsQueryDto) {
    const limit = query.limit ?? 50;
    const offset = query.offset ?? 0;
    const qb = this.dataSource.getRepository(NotificationEntity).createQueryBuilder('n');
    whereAllowed(qb, principal.ability, 'read', 'Notification');
    const unread = await qb.clone().andWhere('n.read_at IS NULL').getCount();
    if (query.unread) qb.andWhere('n.read_at IS NULL');
    const [items, total] = await qb
      .orderBy('n.notified_at', 'DESC')
      .addOrderBy('n.id', 'ASC')
      .take(limit)
      .skip(offset)
      .getManyAndCount();
    return { items, total, unread, limit, offset };
  }

  /** Marks one of the caller's notifications read (again: no change); another's is 404. */
  async markRead(principal: Principal, id: string): Promise<NotificationEntity> {
    const qb = this.dataSource
      .getRepository(NotificationEntity)
      .createQueryBuilder('n')
      .where('n.id = :id', { id });
    const notification = await whereAllowed(qb, principal.ability, 'update', 'Notification').getOne();
    if (!notification) throw notFound('NOTIFICATION_NOT_FOUND', 'Notisen finns inte.');
    if (notification.readAt) return notification;
    notification.readAt = this.clock.now();
    return this.dataSource.getRepository(NotificationEntity).save(notification);
  }

  /**
   * Marks every unread notification of the caller read, in one transaction; the number marked. Only
   * the rows the caller may update (their own) are touched.
   */
  async markAllRead(principal: Principal): Promise<number> {
    return this.dataSource.transaction(async (m) => {
      const qb = m
        .getRepository(NotificationEntity)
        .createQueryBuilder('n')
        .select('n.id', 'id')
        .where('n.read_at IS NULL');
      const rows = await whereAllowed(qb, principal.ability, 'update', 'Notification').getRawMany<{
        id: string;
      }>();
      if (rows.length === 0) return 0;
      const [updated] = await m.query<{ marked: number }[]>(
        `WITH u AS (
           UPDATE notification SET read_at = $2, updated_at = now(), version = version + 1
            WHERE id = ANY($1::uuid[]) AND read_at IS NULL RETURNING id)
         SELECT count(*)::int AS marked FROM u`,
        [rows.map((r) => r.id), this.clock.now()],
      );
      return updated.marked;
    });
  }
}
