import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { assertCan, type Principal, whereAllowed } from '@varna/authz';
import { Clock, stockholmDate } from '@varna/core';
import {
  canonicalJson,
  changeBy,
  ensureHistoryHead,
  historyAppendSql,
  type HistoryHole,
  HistoryService,
  holeToken,
  SqlParams,
} from '@varna/history';
import { OrgUnitEntity, PersonEntity } from '@varna/organisation';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource, EntityManager, type EntityMetadata, SelectQueryBuilder } from 'typeorm';
import { formatIncidentNumber } from './domain';
import type { CreateIncidentDto, ExportIncidentsQueryDto, ListIncidentsQueryDto } from './dto/incident.dto';
import { incidentSubject } from './incident-access';
import { IncidentErrors } from './incident.errors';
import { IncidentEntity } from './incident.entity';
import { TimelineWriter } from './timeline-writer';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{1,100}$/;

/** A list counts its matches up to this many (20 pages of 50); `totalCapped` says there are more. */
export const LIST_COUNT_CAP = 1000;

/** The counter's `year` and `last_value` formatted as `formatIncidentNumber` does, in SQL. */
const INCIDENT_NUMBER_SQL = `'INC-' || year || '-' || lpad(last_value::text, greatest(4, length(last_value::text)), '0')`;

/** The PostgreSQL error behind a failed TypeORM query, if any. */
const driverError = (error: unknown) =>
  (error as { driverError?: { code?: string; constraint?: string; column?: string } } | null)?.driverError;

/** Whether a failed statement broke the named unique constraint (23505). */
const uniqueViolated = (error: unknown, constraint: string) =>
  driverError(error)?.code === '23505' && driverError(error)?.constraint === constraint;

/** Whether a failed statement left `column` NULL against its NOT NULL (23502). */
const notNullViolated = (error: unknown, column: string) =>
  driverError(error)?.code === '23502' && driverError(error)?.column === column;

/** The value a column left unset gets from its default (the row as written, for its snapshot). */
function columnDefault(column: EntityMetadata['columns'][number]): unknown {
  if (column.isVersion) return 1;
  const fallback = column.default as unknown;
  if (typeof fallback === 'function') {
    const sql = (fallback as () => string)();
    if (sql === "'{}'") return [];
    throw new Error(`no value for the default ${sql} of incident.${column.propertyName}`);
  }
  return fallback === undefined ? null : fallback;
}

/** A title from the reporter's words: the first line, at most 200 characters. */
function titleFrom(description: string): string {
  const firstLine = description.trim().split(/\r?\n/)[0].trim();
  return firstLine.length <= 200 ? firstLine : `${firstLine.slice(0, 199)}…`;
}

/** The field of the incident each filter of the list looks at (D-08: checked per row, see below). */
const FILTER_FIELDS: Record<'status' | 'type' | 'orgUnitId' | 'mine', string> = {
  status: 'status',
  type: 'type',
  orgUnitId: 'orgUnitPath',
  mine: 'reporterId',
};

/** The fields the list and the register are ordered by. */
export const LIST_ORDER_FIELDS = ['reportedAt', 'number'] as const;

/**
 * The row rule and the filters of the incident list, shared by the register export (alias `i`,
 * `action` the row rule). Each filter and the order only see the rows whose filtered or ordered
 * field the caller may read (D-08: a reporter filtering own reports by type learns nothing): one
 * `whereAllowed` with those fields writes the row rule and the field rules as one condition.
 */
export function applyListFilters(
  qb: SelectQueryBuilder<IncidentEntity>,
  principal: Principal,
  query: ExportIncidentsQueryDto,
  action: 'read' | 'export' = 'read',
): SelectQueryBuilder<IncidentEntity> {
  const fields: string[] = [...LIST_ORDER_FIELDS];
  if (query.status) {
    qb.andWhere('i.status = :status', { status: query.status });
    fields.push(FILTER_FIELDS.status);
  }
  if (query.type) {
    if (query.type === 'UNTRIAGED') qb.andWhere('i.type IS NULL');
    else qb.andWhere('i.type = :type', { type: query.type });
    fields.push(FILTER_FIELDS.type);
  }
  if (query.orgUnitId) {
    qb.andWhere('i.org_unit_path @> ARRAY[:unit]::uuid[]', { unit: query.orgUnitId });
    fields.push(FILTER_FIELDS.orgUnitId);
  }
  if (query.mine) {
    qb.andWhere('i.reporter_id = :me', { me: principal.actor.personId });
    fields.push(FILTER_FIELDS.mine);
  }
  return whereAllowed(qb, principal.ability, action, 'Incident', 'i', fields);
}

/** Reporting, reading and the shared lookups of the incident context. */
@Injectable()
export class IncidentService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly history: HistoryService,
    private readonly timeline: TimelineWriter,
    private readonly clock: Clock,
  ) {}

  /**
   * Any account reports, for any unit (D-08). With an Idempotency-Key the same key from the same
   * reporter returns the first incident (created false) and the same key with another body is
   * refused. The key is claimed by the INSERT itself (`ON CONFLICT DO NOTHING` on the unique
   * (tenant, reporter, key)): a concurrent retry waits on the first one's row, then finds it; a
   * retry rolls back, so it gives its number back. Nine statements in all (issue 6, (f)): no
   * look-up before the insert, no timeline seq query for a new incident, no reload after commit.
   */
  async report(
    principal: Principal,
    dto: CreateIncidentDto,
    idempotencyKey?: string,
  ): Promise<{ incident: IncidentEntity; created: boolean }> {
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
      throw IncidentErrors.idempotencyKeyInvalid();
    }
    const { tenantId, personId: reporterId } = principal.actor;
    const requestHash = idempotencyKey
      ? createHash('sha256')
          .update(canonicalJson({ ...dto }))
          .digest('hex')
      : null;
    /** The first report of this key (with its unit), or null. */
    const first = async (m: EntityManager) => {
      if (!idempotencyKey) return null;
      const found = await m
        .createQueryBuilder(IncidentEntity, 'i')
        .leftJoinAndSelect('i.orgUnit', 'unit')
        .where('i.tenant_id = :tenantId AND i.reporter_id = :reporterId AND i.idempotency_key = :key', {
          tenantId,
          reporterId,
          key: idempotencyKey,
        })
        .getOne();
      if (found && found.idempotencyHash !== requestHash) throw IncidentErrors.idempotencyConflict();
      return found;
    };
    const m = this.dataSource.manager;
    const now = this.clock.now();
    let unit: OrgUnitEntity;
    try {
      unit = await this.activeUnit(m, tenantId, dto.orgUnitId ?? principal.actor.homeOrgUnitId);
    } catch (error) {
      // A retry is answered even if its unit has been closed since the first report.
      const existing = await first(m);
      if (existing) return { incident: existing, created: false };
      throw error;
    }
    const discoveredAt = dto.discoveredAt ? new Date(dto.discoveredAt) : now;
    const occurredAt = dto.occurredAt ? new Date(dto.occurredAt) : null;
    if (discoveredAt > now)
      throw IncidentErrors.timeInvalid('discoveredAt', 'Tidpunkten ligger i framtiden.');
    if (occurredAt && occurredAt > now) {
      throw IncidentErrors.timeInvalid('occurredAt', 'Tidpunkten ligger i framtiden.');
    }
    if (occurredAt && occurredAt > discoveredAt) {
      throw IncidentErrors.timeInvalid(
        'occurredAt',
        'Händelsen kan inte ha inträffat efter att den upptäcktes.',
      );
    }
    const incident = m.create(IncidentEntity, {
      id: randomUUID(),
      tenantId,
      type: null,
      subtype: null,
      title: dto.title ?? titleFrom(dto.description),
      description: dto.description,
      orgUnitId: unit.id,
      orgUnitPath: unit.path,
      reporterId,
      reportedOnBehalfOfName: dto.reportedOnBehalfOfName ?? null,
      channel: dto.channel ?? 'FORM',
      occurredAt,
      discoveredAt,
      reportedAt: now,
      // BR-D2: kännedom is when the report entered the process, unless set earlier later on.
      awareAt: now,
      ongoing: dto.ongoing ?? 'UNKNOWN',
      personalDataInvolved: dto.personalDataInvolved ?? 'UNKNOWN',
      severity: null,
      aspectsAffected: [],
      handlerId: null,
      coordinatorId: null,
      status: 'REPORTED',
      rejectionReason: null,
      breachRiskAssessment: null,
      significantUnderCyberAct: null,
      rootCauseCategory: null,
      rootCause: null,
      consequences: null,
      measures: null,
      lessonsLearned: null,
      crisisEscalation: null,
      qualityDeviationRef: null,
      triagedAt: null,
      closedAt: null,
      idempotencyKey: idempotencyKey ?? null,
      idempotencyHash: requestHash,
    });
    assertCan(principal.ability, 'create', 'Incident', incidentSubject(incident));
    try {
      await this.insertReport(principal, incident, Number(stockholmDate(now).slice(0, 4)));
    } catch (error) {
      // The key was taken: the statement wrote nothing (no number used); answer with the first.
      if (idempotencyKey && uniqueViolated(error, 'uq_incident__tenant_id__reporter_id__idempotency_key')) {
        const existing = await first(m);
        if (existing) return { incident: existing, created: false };
      }
      throw error;
    }
    incident.orgUnit = unit;
    return { incident, created: true };
  }

  /**
   * A new report in one statement (issue 6, (f)): the year's counter moves on, and the incident,
   * its first timeline entry and its history entry are written, all or nothing, outside any
   * transaction of ours. The counter's and the chain head's row locks, which serialise a tenant's
   * reports, are held only while PostgreSQL runs and commits the statement, never across a round
   * trip to the API. The number, and the timestamps PostgreSQL sets, reach the timeline data and
   * the history snapshot as holes the statement fills. Without a history head (a tenant's first
   * entry, a bulk load) the counter is not touched and the incident's number is NULL, so the
   * statement fails whole; the head is made and the report is written again.
   */
  private async insertReport(principal: Principal, incident: IncidentEntity, year: number): Promise<void> {
    const metadata = this.dataSource.getMetadata(IncidentEntity);
    const holes = {
      number: holeToken('number'),
      createdAt: holeToken('created'),
      updatedAt: holeToken('updated'),
    };
    // Every column but the holes as the row will hold it, so the snapshot is the row as written.
    for (const column of metadata.columns) {
      if (column.getEntityValue(incident) !== undefined || column.isCreateDate || column.isUpdateDate)
        continue;
      column.setEntityValue(incident, columnDefault(column));
    }
    const insert = this.dataSource
      .createQueryBuilder()
      .insert()
      .into(IncidentEntity)
      .values({ ...incident, number: () => '(SELECT number FROM counter)' })
      .returning(['number', 'createdAt', 'updatedAt'])
      .updateEntity(false);
    const [incidentSql, incidentParams] = insert.getQueryAndParameters();
    const p = new SqlParams(incidentParams);
    const tenant = p.add(incident.tenantId);
    const stamp = (column: string) =>
      `to_char(inc.${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
    const fills: HistoryHole[] = [
      { token: holes.number, sql: 'inc.number' },
      { token: holes.createdAt, sql: stamp('created_at') },
      { token: holes.updatedAt, sql: stamp('updated_at') },
    ];
    const firstEntry = this.timeline.firstEntrySql(
      p,
      incident,
      incident.reporterId,
      {
        kind: 'CREATED',
        text: incident.description,
        data: {
          number: holes.number,
          title: incident.title,
          orgUnitId: incident.orgUnitId,
          channel: incident.channel,
        },
      },
      fills,
    );
    const history = historyAppendSql(
      p,
      this.history.entryOf(
        changeBy(principal, {
          entityType: 'Incident',
          action: 'report',
          entityId: incident.id,
          before: null,
          after: { ...incident, ...holes },
        }),
      ),
      { holes: fills, from: 'inc' },
    );
    const sql = `WITH counter AS (
        INSERT INTO incident_number_counter (tenant_id, year, last_value)
        SELECT ${tenant}::uuid, ${p.add(year)}::int, 1
         WHERE EXISTS (SELECT 1 FROM history_chain_head WHERE tenant_id = ${tenant}::uuid)
        ON CONFLICT (tenant_id, year) DO UPDATE SET last_value = incident_number_counter.last_value + 1
        RETURNING ${INCIDENT_NUMBER_SQL} AS number),
      inc AS (${incidentSql}),
      first_entry AS (${firstEntry}),
      ${history.ctes}
      SELECT number, created_at, updated_at FROM inc`;
    const run = () =>
      this.dataSource.query<{ number: string; created_at: Date; updated_at: Date }[]>(sql, p.values);
    let written;
    try {
      written = await run();
    } catch (error) {
      if (!notNullViolated(error, 'number')) throw error;
      await ensureHistoryHead(this.dataSource.manager, incident.tenantId);
      written = await run();
    }
    incident.number = written[0].number;
    incident.createdAt = written[0].created_at;
    incident.updatedAt = written[0].updated_at;
  }

  async list(principal: Principal, query: ListIncidentsQueryDto) {
    const limit = query.limit ?? 50;
    const offset = query.offset ?? 0;
    const filtered = () => {
      const qb = this.dataSource.getRepository(IncidentEntity).createQueryBuilder('i');
      return applyListFilters(qb, principal, query);
    };
    // The unit join is many-to-one, so LIMIT/OFFSET go straight into the SQL (TypeORM's take/skip
    // would first select the distinct ids of every matching row to page them).
    const page = filtered()
      .leftJoinAndSelect('i.orgUnit', 'unit')
      .orderBy('i.reported_at', 'DESC')
      .addOrderBy('i.number', 'DESC')
      .limit(limit)
      .offset(offset);
    // The count stops past LIST_COUNT_CAP: an exact count of a whole tenant's ten years would cost
    // more than the page itself; beyond the cap the total is a lower bound (`totalCapped`).
    const [countSql, countParams] = filtered()
      .select('1')
      .limit(LIST_COUNT_CAP + 1)
      .getQueryAndParameters();
    const [items, counted] = await Promise.all([
      page.getMany(),
      this.dataSource.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM (${countSql}) matching`,
        countParams,
      ),
    ]);
    const total = Math.min(counted[0].n, LIST_COUNT_CAP);
    return { items, total, totalCapped: counted[0].n > LIST_COUNT_CAP, limit, offset };
  }

  /** One incident the caller may read (with its unit), else 404. */
  async get(
    principal: Principal,
    id: string,
    m: EntityManager = this.dataSource.manager,
  ): Promise<IncidentEntity> {
    const qb = m
      .getRepository(IncidentEntity)
      .createQueryBuilder('i')
      .leftJoinAndSelect('i.orgUnit', 'unit')
      .where('i.id = :id', { id });
    const incident = await whereAllowed(qb, principal.ability, 'read', 'Incident').getOne();
    if (!incident) throw IncidentErrors.notFound();
    return incident;
  }

  /**
   * For a change: readable (else 404), changeable as it is (else 403), row-locked until commit and
   * at the version the caller read (else 409). Returned without relations, ready for a snapshot.
   */
  async getForUpdate(
    principal: Principal,
    m: EntityManager,
    id: string,
    version?: number,
  ): Promise<IncidentEntity> {
    const readable = await this.get(principal, id, m);
    assertCan(principal.ability, 'update', 'Incident', incidentSubject(readable));
    await this.lock(m, id);
    const current = await m.findOneByOrFail(IncidentEntity, { id });
    if (version !== undefined && current.version !== version)
      throw IncidentErrors.versionConflict(current.version);
    return current;
  }

  /** Serialises writers of one incident (its timeline numbering, its stages). */
  async lock(m: EntityManager, id: string): Promise<void> {
    await m.query('SELECT 1 FROM incident WHERE id = $1 FOR UPDATE', [id]);
  }

  /** The incident with its unit, for the response. */
  reload(m: EntityManager, id: string): Promise<IncidentEntity> {
    return m.findOneOrFail(IncidentEntity, { where: { id }, relations: { orgUnit: true } });
  }

  /** An ACTIVE unit of the tenant (any account may place a report anywhere, D-08). */
  async activeUnit(m: EntityManager, tenantId: string, id: string): Promise<OrgUnitEntity> {
    const unit = await m.findOneBy(OrgUnitEntity, { tenantId, id });
    if (!unit || unit.status !== 'ACTIVE') throw IncidentErrors.unitInvalid();
    return unit;
  }

  /** A person of the tenant with an active account (handler, coordinator). */
  async activePerson(m: EntityManager, tenantId: string, id: string, field: string): Promise<PersonEntity> {
    const person = await m.findOneBy(PersonEntity, { tenantId, id });
    if (!person || person.status !== 'ACTIVE') throw IncidentErrors.personInvalid(field);
    return person;
  }

  /** The next number for an incident reported at `reportedAt` (the quality bridge's breach). */
  nextNumber(m: EntityManager, tenantId: string, reportedAt: Date): Promise<string> {
    return this.allocateNumber(m, tenantId, Number(stockholmDate(reportedAt).slice(0, 4)));
  }

  /**
   * The next number of the tenant's year: one upsert whose row lock holds until commit, so two
   * reports never share a number and a rolled-back report gives its number back.
   */
  private async allocateNumber(m: EntityManager, tenantId: string, year: number): Promise<string> {
    const [{ last_value: next }] = await m.query<{ last_value: number }[]>(
      `INSERT INTO incident_number_counter (tenant_id, year, last_value) VALUES ($1, $2, 1)
       ON CONFLICT (tenant_id, year) DO UPDATE SET last_value = incident_number_counter.last_value + 1
       RETURNING last_value`,
      [tenantId, year],
    );
    return formatIncidentNumber(year, next);
  }
}
