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
  dedupeKey: string;
}

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
    const rows = await m.query<{ id: string }[]>(
      `INSERT INTO notification (tenant_id, recipient_id, kind, subject_type, subject_id, text, dedupe_key, notified_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (tenant_id, dedupe_key) DO NOTHING
       RETURNING id`,
      [n.tenantId, n.recipientId, n.kind, n.subjectType, n.subjectId, n.text, n.dedupeKey, this.clock.now()],
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
}
