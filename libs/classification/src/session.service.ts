import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { assertCan, type Principal, whereAllowed } from '@varna/authz';
import { Clock, stockholmDate } from '@varna/core';
import { changeBy, HistoryService } from '@varna/history';
import { InformationSetEntity } from '@varna/information';
import { OrgUnitEntity, PersonEntity } from '@varna/organisation';
import { DataSource, EntityManager, In } from 'typeorm';
import { ClassificationEntity } from './classification.entity';
import { sessionSubject } from './session-access';
import {
  assertSessionEditable,
  cancelSession,
  closeSession,
  formatSessionCode,
  holdSession,
  OPEN_SESSION_STATUSES,
  type SessionChange,
} from './session.domain';
import type {
  CreateClassificationSessionDto,
  ListClassificationSessionsQueryDto,
  UpdateClassificationSessionDto,
} from './session.dto';
import { ClassificationSessionEntity } from './session.entity';
import { SessionErrors, sessionGuarded } from './session.errors';

/** The fields of a session a PATCH may change, for the history entry. */
const EDITABLE = [
  'title',
  'orgUnitId',
  'informationSetIds',
  'ledById',
  'participantIds',
  'plannedAt',
  'minutes',
] as const;

/**
 * Klassningstillfällen (domain.md §4b): planned by a samordnare for a unit and some of its sets,
 * held, closed with minutes, or cancelled. Classifications started from a session carry its id.
 */
@Injectable()
export class ClassificationSessionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly history: HistoryService,
    private readonly clock: Clock,
  ) {}

  async list(principal: Principal, query: ListClassificationSessionsQueryDto) {
    const limit = query.limit ?? 50;
    const offset = query.offset ?? 0;
    const qb = this.dataSource
      .getRepository(ClassificationSessionEntity)
      .createQueryBuilder('s')
      .leftJoinAndSelect('s.orgUnit', 'unit')
      .leftJoinAndSelect('s.ledBy', 'leader');
    whereAllowed(qb, principal.ability, 'read', 'ClassificationSession', 's');
    if (query.status) qb.andWhere('s.status = :status', { status: query.status });
    if (query.orgUnitId) qb.andWhere('s.org_unit_path @> ARRAY[:unit]::uuid[]', { unit: query.orgUnitId });
    if (query.q?.trim()) {
      const pattern = `%${query.q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      qb.andWhere('(s.code ILIKE :q OR s.title ILIKE :q)', { q: pattern });
    }
    const [items, total] = await qb
      .orderBy('s.planned_at', 'DESC')
      .addOrderBy('s.code', 'DESC')
      .take(limit)
      .skip(offset)
      .getManyAndCount();
    return { items, total, limit, offset, people: await this.peopleOf(this.dataSource.manager, items) };
  }

  /** One session the caller may read, else 404. */
  async get(principal: Principal, id: string, m: EntityManager = this.dataSource.manager) {
    const qb = m
      .getRepository(ClassificationSessionEntity)
      .createQueryBuilder('s')
      .leftJoinAndSelect('s.orgUnit', 'unit')
      .leftJoinAndSelect('s.ledBy', 'leader')
      .where('s.id = :id', { id });
    const found = await whereAllowed(qb, principal.ability, 'read', 'ClassificationSession', 's').getOne();
    if (!found) throw SessionErrors.notFound();
    return found;
  }

  /**
   * The session with its sets and, per set, the classifications made in the session. A reader of
   * the session sees which sets it covers (code and name) and how far each got (status).
   */
  async detail(principal: Principal, id: string) {
    const session = await this.get(principal, id);
    const m = this.dataSource.manager;
    const sets = await m.find(InformationSetEntity, {
      where: { tenantId: session.tenantId, id: In(session.informationSetIds) },
      relations: { informationOwner: true },
      order: { code: 'ASC' },
    });
    const classifications = await m.find(ClassificationEntity, {
      where: { tenantId: session.tenantId, sessionId: session.id },
      order: { createdAt: 'ASC' },
    });
    return { session, sets, classifications, people: await this.peopleOf(m, [session]) };
  }

  async create(principal: Principal, dto: CreateClassificationSessionDto) {
    const tenantId = principal.actor.tenantId;
    const id = await this.dataSource.transaction(async (m) => {
      const unit = await this.activeUnit(m, tenantId, dto.orgUnitId);
      const sets = await this.validSets(principal, m, unit, dto.informationSetIds);
      const ledById = dto.ledById ?? principal.actor.personId;
      await this.assertLeader(m, tenantId, ledById, unit);
      const participantIds = await this.validParticipants(m, tenantId, dto.participantIds ?? []);
      const now = this.clock.now();
      const row = m.create(ClassificationSessionEntity, {
        tenantId,
        code: '',
        title: dto.title.trim(),
        orgUnitId: unit.id,
        orgUnitPath: unit.path,
        informationSetIds: sets.map((s) => s.id),
        ...ownersOf(sets),
        ledById,
        participantIds,
        plannedAt: new Date(dto.plannedAt),
        heldAt: null,
        minutes: null,
        status: 'PLANNED',
        closedAt: null,
        cancelReason: null,
        cancelledAt: null,
      });
      assertCan(principal.ability, 'create', 'ClassificationSession', sessionSubject(row));
      row.code = await this.allocateCode(m, tenantId, Number(stockholmDate(now).slice(0, 4)));
      const saved = await m.save(ClassificationSessionEntity, row);
      await this.record(m, principal, 'create', null, saved);
      return saved.id;
    });
    return this.detail(principal, id);
  }

  /** PATCH while PLANNED or HELD; the sets, the leader and the unit are checked again. */
  async update(principal: Principal, id: string, dto: UpdateClassificationSessionDto) {
    await this.dataSource.transaction(async (m) => {
      const current = await this.getForChange(principal, m, id, dto.version);
      sessionGuarded(() => assertSessionEditable(current));
      const before = { ...current };
      const tenantId = current.tenantId;
      if (dto.title !== undefined) current.title = dto.title.trim();
      if (dto.plannedAt !== undefined) current.plannedAt = new Date(dto.plannedAt);
      if (dto.minutes !== undefined) current.minutes = dto.minutes?.trim() || null;
      const unitChanged = dto.orgUnitId !== undefined && dto.orgUnitId !== current.orgUnitId;
      const unit = unitChanged
        ? await this.activeUnit(m, tenantId, dto.orgUnitId as string)
        : await m.findOneByOrFail(OrgUnitEntity, { tenantId, id: current.orgUnitId });
      if (unitChanged) {
        current.orgUnitId = unit.id;
        current.orgUnitPath = unit.path;
      }
      if (unitChanged || dto.informationSetIds !== undefined) {
        const sets = await this.validSets(
          principal,
          m,
          unit,
          dto.informationSetIds ?? current.informationSetIds,
        );
        current.informationSetIds = sets.map((s) => s.id);
        Object.assign(current, ownersOf(sets));
      }
      if (dto.ledById !== undefined) current.ledById = dto.ledById;
      if (unitChanged || dto.ledById !== undefined)
        await this.assertLeader(m, tenantId, current.ledById, unit);
      if (dto.participantIds !== undefined)
        current.participantIds = await this.validParticipants(m, tenantId, dto.participantIds);
      // The session as it will be must stay within the caller's reach (a samordnare cannot move it out).
      assertCan(principal.ability, 'update', 'ClassificationSession', sessionSubject(current));
      const changed = EDITABLE.filter((f) => JSON.stringify(before[f]) !== JSON.stringify(current[f]));
      if (changed.length === 0) return;
      const saved = await m.save(ClassificationSessionEntity, current);
      await this.record(m, principal, 'update', before, saved, `Ändrat: ${changed.join(', ')}`);
    });
    return this.detail(principal, id);
  }

  /** PLANNED → HELD. */
  hold(principal: Principal, id: string, heldAt: string, minutes?: string) {
    return this.step(principal, id, 'hold', (s, now) => holdSession(s, new Date(heldAt), minutes, now));
  }

  /** HELD → CLOSED with the minutes. */
  close(principal: Principal, id: string, minutes?: string) {
    return this.step(principal, id, 'close', (s, now) => closeSession(s, minutes, now));
  }

  /** PLANNED/HELD → CANCELLED with a reason. */
  cancel(principal: Principal, id: string, reason: string) {
    return this.step(principal, id, 'cancel', (s, now) => cancelSession(s, reason, now), reason.trim());
  }

  /**
   * POST /api/classifications with `sessionId`: the session is readable (else 400 on sessionId),
   * open (else 409) and covers the set (else 400). Locks the session against a concurrent close.
   */
  async assertOpenFor(principal: Principal, m: EntityManager, sessionId: string, informationSetId: string) {
    const qb = m
      .getRepository(ClassificationSessionEntity)
      .createQueryBuilder('s')
      .where('s.id = :id', { id: sessionId });
    const session = await whereAllowed(qb, principal.ability, 'read', 'ClassificationSession', 's').getOne();
    if (!session) throw SessionErrors.sessionInvalid();
    await m.query('SELECT 1 FROM classification_session WHERE id = $1 FOR SHARE', [sessionId]);
    const locked = await m.findOneByOrFail(ClassificationSessionEntity, { id: sessionId });
    if (!OPEN_SESSION_STATUSES.includes(locked.status)) throw SessionErrors.sessionNotOpen();
    if (!locked.informationSetIds.includes(informationSetId)) throw SessionErrors.setNotInSession();
  }

  /**
   * Keeps the copied owners and asset keepers of the sessions in step with their sets (after a set
   * or the assets changed): one UPDATE of the tenant's open sessions, or those covering `setId`.
   */
  async refreshOwners(m: EntityManager, tenantId: string, setId?: string): Promise<void> {
    await m.query(
      `UPDATE classification_session cs
          SET information_owner_ids = COALESCE((
                SELECT array_agg(DISTINCT s.information_owner_id) FROM information_set s
                 WHERE s.id = ANY(cs.information_set_ids) AND s.information_owner_id IS NOT NULL), '{}'),
              asset_keeper_ids = COALESCE((
                SELECT array_agg(DISTINCT k) FROM information_set s, unnest(s.asset_keeper_ids) k
                 WHERE s.id = ANY(cs.information_set_ids)), '{}')
        WHERE cs.tenant_id = $1 AND ($2::uuid IS NULL OR $2::uuid = ANY(cs.information_set_ids))`,
      [tenantId, setId ?? null],
    );
  }

  private async step(
    principal: Principal,
    id: string,
    historyAction: string,
    change: (s: ClassificationSessionEntity, now: Date) => SessionChange,
    reason?: string,
  ) {
    await this.dataSource.transaction(async (m) => {
      const current = await this.getForChange(principal, m, id);
      const before = { ...current };
      Object.assign(
        current,
        sessionGuarded(() => change(current, this.clock.now())),
      );
      const saved = await m.save(ClassificationSessionEntity, current);
      await this.record(m, principal, historyAction, before, saved, reason);
    });
    return this.detail(principal, id);
  }

  /** Readable (else 404), allowed as it is (else 403), row-locked, at the version read (else 409). */
  private async getForChange(principal: Principal, m: EntityManager, id: string, version?: number) {
    const readable = await this.get(principal, id, m);
    assertCan(principal.ability, 'update', 'ClassificationSession', sessionSubject(readable));
    await m.query('SELECT 1 FROM classification_session WHERE id = $1 FOR UPDATE', [id]);
    const current = await m.findOneByOrFail(ClassificationSessionEntity, { id });
    if (version !== undefined && current.version !== version)
      throw SessionErrors.versionConflict(current.version);
    return current;
  }

  private async activeUnit(m: EntityManager, tenantId: string, id: string): Promise<OrgUnitEntity> {
    const unit = await m.findOneBy(OrgUnitEntity, { tenantId, id });
    if (!unit || unit.status !== 'ACTIVE') throw SessionErrors.unitInvalid();
    return unit;
  }

  /**
   * The sets, each readable by the caller, not retired and within the unit's subtree; else 400
   * naming every offending set (by code when the caller may see it, else by id).
   */
  private async validSets(principal: Principal, m: EntityManager, unit: OrgUnitEntity, ids: string[]) {
    const qb = m
      .getRepository(InformationSetEntity)
      .createQueryBuilder('set')
      .where('set.id IN (:...ids)', { ids });
    const readable = await whereAllowed(qb, principal.ability, 'read', 'InformationSet', 'set').getMany();
    const byId = new Map(readable.map((s) => [s.id, s]));
    const missing = ids.filter((id) => !byId.has(id));
    if (missing.length)
      throw SessionErrors.setsInvalid(
        'Informationsmängden finns inte eller ligger utanför din behörighet.',
        missing,
      );
    const retired = readable.filter((s) => s.status === 'RETIRED');
    if (retired.length)
      throw SessionErrors.setsInvalid(
        'Informationsmängden är avvecklad.',
        retired.map((s) => s.code),
      );
    const outside = readable.filter((s) => !s.orgUnitPath.includes(unit.id));
    if (outside.length)
      throw SessionErrors.setsInvalid(
        `Informationsmängden hör inte till ${unit.name} eller dess underenheter.`,
        outside.map((s) => s.code),
      );
    return ids.map((id) => byId.get(id) as InformationSetEntity);
  }

  /** The leader: an active person holding COORDINATOR over the unit, or CISO, today. */
  private async assertLeader(m: EntityManager, tenantId: string, personId: string, unit: OrgUnitEntity) {
    const today = stockholmDate(this.clock.now());
    const [{ ok }] = await m.query<{ ok: boolean }[]>(
      `SELECT EXISTS (
         SELECT 1 FROM role_assignment a JOIN person p ON p.id = a.person_id
          WHERE a.tenant_id = $1 AND a.person_id = $2 AND p.status = 'ACTIVE'
            AND a.valid_from <= $3::date AND (a.valid_to IS NULL OR a.valid_to >= $3::date)
            AND (a.role = 'CISO'
                 OR (a.role = 'COORDINATOR'
                     AND (CASE WHEN a.include_subtree THEN a.org_unit_ids && $4::uuid[]
                               ELSE $5::uuid = ANY(a.org_unit_ids) END)))
       ) AS ok`,
      [tenantId, personId, today, unit.path, unit.id],
    );
    if (!ok) throw SessionErrors.leaderInvalid();
  }

  private async validParticipants(m: EntityManager, tenantId: string, ids: string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const found = await m.findBy(PersonEntity, { tenantId, id: In(ids), status: 'ACTIVE' });
    const known = new Set(found.map((p) => p.id));
    const bad = ids.filter((id) => !known.has(id));
    if (bad.length) throw SessionErrors.participantsInvalid(bad);
    return ids;
  }

  /** The running number of the tenant's year, under a transaction lock (no two sessions share a code). */
  private async allocateCode(m: EntityManager, tenantId: string, year: number): Promise<string> {
    await m.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [
      `classification_session:${tenantId}:${year}`,
    ]);
    const prefix = formatSessionCode(year, 0).slice(0, -3);
    const [{ last }] = await m.query<{ last: number | null }[]>(
      `SELECT max(substring(code FROM ${prefix.length + 1})::int) AS last
         FROM classification_session WHERE tenant_id = $1 AND code LIKE $2`,
      [tenantId, `${prefix}%`],
    );
    return formatSessionCode(year, (last ?? 0) + 1);
  }

  /** Display names of the participants of these sessions (the leader comes joined). */
  private async peopleOf(m: EntityManager, sessions: ClassificationSessionEntity[]) {
    const ids = [...new Set(sessions.flatMap((s) => s.participantIds))];
    const rows = ids.length ? await m.findBy(PersonEntity, { id: In(ids) }) : [];
    return new Map(rows.map((p) => [p.id, p.displayName]));
  }

  private record(
    m: EntityManager,
    principal: Principal,
    action: string,
    before: object | null,
    after: ClassificationSessionEntity,
    reason?: string,
  ) {
    return this.history.record(
      m,
      changeBy(principal, {
        entityType: 'ClassificationSession',
        action,
        entityId: after.id,
        before,
        after,
        reason,
      }),
    );
  }
}

/** The owners of the sets and the keepers of their assets (scope O of the session). */
export function ownersOf(sets: InformationSetEntity[]) {
  return {
    informationOwnerIds: [
      ...new Set(sets.map((s) => s.informationOwnerId).filter((id): id is string => id !== null)),
    ],
    assetKeeperIds: [...new Set(sets.flatMap((s) => s.assetKeeperIds))],
  };
}
