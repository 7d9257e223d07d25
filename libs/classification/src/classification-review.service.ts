import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock, stockholmDate } from '@varna/core';
import { NotificationService } from '@varna/notification';
import { DataSource, EntityManager } from 'typeorm';
import type { ClassificationEntity } from './classification.entity';
import { DUE_SOON_DAYS, REVIEW_TRIGGER_LABELS, reviewTask, type ReviewTask } from './domain';

export interface ClassificationReviewRun {
  /** Notifications created by this run (0 when run again in the same period). */
  created: number;
  /** Decisions in force that were due or flagged. */
  due: number;
}

/** Where the web app shows an information set (apps/web routes). */
export const informationSetPath = (setId: string) => `/informationsmangder/${setId}`;

const TASK_TEXT: Record<ReviewTask['reason'], (t: ReviewTask, validUntil: string) => string> = {
  OVERDUE: (_t, until) => `klassningen gällde till ${until} och ska omprövas`,
  DUE_SOON: (_t, until) => `klassningen gäller till ${until} och ska omprövas`,
  FLAGGED: (t) =>
    `klassningen är flaggad för omprövning (${t.flagReason ? REVIEW_TRIGGER_LABELS[t.flagReason].sv.toLowerCase() : 'ändring'})`,
};

interface DueRow {
  id: string;
  tenant_id: string;
  information_set_id: string;
  org_unit_id: string;
  org_unit_path: string[];
  valid_until: string;
  review_flagged_at: Date | null;
  review_flag_reason: ClassificationEntity['reviewFlagReason'];
  code: string;
  name: string;
  owner_id: string | null;
}

/**
 * The tasks of classification as in-app notifications (§5.5), each with a key per event and
 * person so every sender is safe to run again: BR-B5 "due classifications create tasks for the
 * coordinator and the owner" (a job step, like the incident escalations) and BR-A6 routing of a
 * special-handling decision to the säkerhetsskyddschef.
 */
@Injectable()
export class ClassificationReviewService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationService,
    private readonly clock: Clock,
  ) {}

  /**
   * The job step: every decision in force of an ACTIVE set that is past validUntil, flagged, or
   * within the notice window (DUE_SOON_DAYS, the 30-day reminder of §5.5) notifies the set's
   * informationsägare and the coordinators covering its unit (the CISO where none does), once per
   * classification, reason and period (validUntil, or the flag's instant). Every tenant, one transaction.
   */
  async runReviews(): Promise<ClassificationReviewRun> {
    const now = this.clock.now();
    const today = stockholmDate(now);
    return this.dataSource.transaction(async (m) => {
      const rows = await m.query<DueRow[]>(
        `SELECT c.id, c.tenant_id, c.information_set_id, c.org_unit_id, c.org_unit_path,
                to_char(c.valid_until, 'YYYY-MM-DD') AS valid_until, c.review_flagged_at, c.review_flag_reason,
                s.code, s.name, s.information_owner_id AS owner_id
           FROM classification c JOIN information_set s ON s.id = c.information_set_id
          WHERE c.status IN ('DECIDED', 'SPECIAL_HANDLING') AND s.status = 'ACTIVE'
            AND (c.review_flagged_at IS NOT NULL OR c.valid_until <= ($1::date + $2::int))
          ORDER BY c.tenant_id, s.code`,
        [today, DUE_SOON_DAYS],
      );
      let created = 0;
      let due = 0;
      for (const row of rows) {
        const task = reviewTask(
          {
            validUntil: row.valid_until,
            reviewFlaggedAt: row.review_flagged_at,
            reviewFlagReason: row.review_flag_reason,
          },
          now,
          DUE_SOON_DAYS,
        );
        if (!task) continue;
        due += 1;
        const recipients = new Set<string>();
        if (row.owner_id && (await this.active(m, row.owner_id))) recipients.add(row.owner_id);
        let coordinators = await this.holders(m, row.tenant_id, ['COORDINATOR'], row);
        if (coordinators.length === 0) coordinators = await this.holders(m, row.tenant_id, ['CISO'], row);
        for (const id of coordinators) recipients.add(id);
        const text = `${row.code} ${row.name}: ${TASK_TEXT[task.reason](task, row.valid_until)}.`;
        for (const recipientId of recipients) {
          const sent = await this.notifications.notify(m, {
            tenantId: row.tenant_id,
            recipientId,
            kind: `CLASSIFICATION_${task.reason}`,
            subjectType: 'InformationSet',
            subjectId: row.information_set_id,
            text,
            link: informationSetPath(row.information_set_id),
            dedupeKey: `classification-review:${row.id}:${task.reason}:${task.period}:${recipientId}`,
          });
          if (sent) created += 1;
        }
      }
      return { created, due };
    });
  }

  /**
   * BR-A6 (D-68): a special-handling decision routes a task to the tenant's säkerhetsskyddschef(er),
   * carrying only the set's code, name, owner and unit. Inside the deciding transaction; once per
   * decision and person.
   */
  async routeSpecialHandling(m: EntityManager, c: ClassificationEntity): Promise<number> {
    const [set] = await m.query<{ code: string; name: string; owner: string | null; unit: string }[]>(
      `SELECT s.code, s.name, p.display_name AS owner, u.code || ' ' || u.name AS unit
         FROM information_set s JOIN org_unit u ON u.id = s.org_unit_id
         LEFT JOIN person p ON p.id = s.information_owner_id
        WHERE s.id = $1`,
      [c.informationSetId],
    );
    const officers = await m.query<{ person_id: string }[]>(
      `SELECT DISTINCT ra.person_id FROM role_assignment ra JOIN person p ON p.id = ra.person_id
        WHERE ra.tenant_id = $1 AND ra.role = 'SECURITY_PROTECTION_OFFICER' AND p.status = 'ACTIVE'
          AND ra.valid_from <= $2::date AND (ra.valid_to IS NULL OR ra.valid_to >= $2::date)
        ORDER BY ra.person_id`,
      [c.tenantId, stockholmDate(this.clock.now())],
    );
    const text =
      `Särskild hantering (säkerhetsskydd): ${set.code} ${set.name}, informationsägare ` +
      `${set.owner ?? 'saknas'}, ${set.unit}.`;
    let created = 0;
    for (const { person_id: recipientId } of officers) {
      const sent = await this.notifications.notify(m, {
        tenantId: c.tenantId,
        recipientId,
        kind: 'CLASSIFICATION_SPECIAL_HANDLING',
        subjectType: 'InformationSet',
        subjectId: c.informationSetId,
        text,
        link: informationSetPath(c.informationSetId),
        dedupeKey: `classification-special-handling:${c.id}:${recipientId}`,
      });
      if (sent) created += 1;
    }
    return created;
  }

  private async active(m: EntityManager, personId: string): Promise<boolean> {
    const rows = await m.query<unknown[]>(`SELECT 1 FROM person WHERE id = $1 AND status = 'ACTIVE'`, [
      personId,
    ]);
    return rows.length > 0;
  }

  /** Active holders of `roles` by an assignment valid today covering the set's unit. */
  private async holders(
    m: EntityManager,
    tenantId: string,
    roles: string[],
    row: { org_unit_id: string; org_unit_path: string[] },
  ): Promise<string[]> {
    const rows = await m.query<{ person_id: string }[]>(
      `SELECT DISTINCT ra.person_id
         FROM role_assignment ra JOIN person p ON p.id = ra.person_id
        WHERE ra.tenant_id = $1 AND ra.role = ANY($2::text[]) AND p.status = 'ACTIVE'
          AND ra.valid_from <= $4::date AND (ra.valid_to IS NULL OR ra.valid_to >= $4::date)
          AND (ra.org_unit_ids @> ARRAY[$3::uuid] OR (ra.include_subtree AND ra.org_unit_ids && $5::uuid[]))
        ORDER BY ra.person_id`,
      [tenantId, roles, row.org_unit_id, stockholmDate(this.clock.now()), row.org_unit_path],
    );
    return rows.map((r) => r.person_id);
  }
}
