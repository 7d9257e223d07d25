import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { assertCan, type Principal, whereAllowed } from '@varna/authz';
import { Clock, stockholmDate } from '@varna/core';
import { changeBy, hasChanges, HistoryService } from '@varna/history';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { DATA_CONTROLLER_BY_DEFAULT } from './domain/org-unit-type';
import type {
  CreateOrgUnitDto,
  DeactivateOrgUnitDto,
  ListOrgUnitsQueryDto,
  MoveOrgUnitDto,
  UpdateOrgUnitDto,
} from './dto/org-unit.dto';
import { OrgUnitEntity } from './org-unit.entity';
import { PersonEntity } from './person.entity';
import { OrgErrors } from './organisation.errors';
import { OrgPathDependents } from './org-path-dependents';

@Injectable()
export class OrgUnitService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly history: HistoryService,
    private readonly clock: Clock,
    private readonly pathDependents: OrgPathDependents,
  ) {}

  async list(principal: Principal, query: ListOrgUnitsQueryDto): Promise<OrgUnitEntity[]> {
    const qb = this.dataSource.getRepository(OrgUnitEntity).createQueryBuilder('u');
    whereAllowed(qb, principal.ability, 'read', 'OrgUnit');
    const status = query.status ?? 'ACTIVE';
    if (status !== 'ALL') qb.andWhere('u.status = :status', { status });
    if (query.q) {
      qb.andWhere(
        `(u.code ILIKE :q OR u.name ILIKE :q OR u.short_name ILIKE :q OR array_to_string(u.aliases, ' ') ILIKE :q)`,
        { q: `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` },
      );
    }
    return qb.orderBy('cardinality(u.path)', 'ASC').addOrderBy('u.name', 'ASC').getMany();
  }

  async get(
    principal: Principal,
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<OrgUnitEntity> {
    const qb = manager.getRepository(OrgUnitEntity).createQueryBuilder('u').where('u.id = :id', { id });
    const unit = await whereAllowed(qb, principal.ability, 'read', 'OrgUnit').getOne();
    if (!unit) throw OrgErrors.unitNotFound();
    return unit;
  }

  async create(principal: Principal, dto: CreateOrgUnitDto): Promise<OrgUnitEntity> {
    return this.dataSource.transaction(async (m) => {
      await this.lockTree(m, principal.actor.tenantId);
      const parent = await this.get(principal, dto.parentId, m).catch(() => {
        throw OrgErrors.parentNotFound();
      });
      if (parent.status !== 'ACTIVE') throw OrgErrors.parentInactive();
      const id = randomUUID();
      const path = [...parent.path, id];
      assertCan(principal.ability, 'create', 'OrgUnit', { id, tenantId: principal.actor.tenantId, path });
      await this.assertCodeFree(m, principal.actor.tenantId, dto.code);
      if (dto.servesCommitteeId) await this.assertCommittee(principal, m, dto.servesCommitteeId);
      const today = stockholmDate(this.clock.now());
      const unit = m.create(OrgUnitEntity, {
        id,
        tenantId: principal.actor.tenantId,
        code: dto.code,
        name: dto.name,
        shortName: dto.shortName ?? dto.name.slice(0, 40),
        type: dto.type,
        parentId: parent.id,
        path,
        isDataController: dto.isDataController ?? DATA_CONTROLLER_BY_DEFAULT.has(dto.type),
        servesCommitteeId: dto.servesCommitteeId ?? null,
        // D-05 inherited from the parent; D-47 a bolag is covered only in its own right.
        coveredByCyberSecurityAct:
          dto.coveredByCyberSecurityAct ??
          (dto.type === 'COMPANY' ? false : parent.coveredByCyberSecurityAct),
        nisSector: dto.nisSector ?? null,
        headcount: dto.headcount ?? 0,
        aliases: dto.aliases ?? [],
        status: 'ACTIVE',
        validFrom: dto.validFrom ?? today,
        validTo: null,
      });
      const saved = await m.save(OrgUnitEntity, unit);
      await this.history.record(
        m,
        changeBy(principal, {
          entityType: 'OrgUnit',
          action: 'create',
          entityId: saved.id,
          before: null,
          after: saved,
        }),
      );
      return saved;
    });
  }

  async update(principal: Principal, id: string, dto: UpdateOrgUnitDto): Promise<OrgUnitEntity> {
    return this.dataSource.transaction(async (m) => {
      const unit = await this.getForUpdate(principal, m, id, dto.version);
      const before = { ...unit };
      if (dto.code !== undefined && dto.code !== unit.code)
        await this.assertCodeFree(m, unit.tenantId, dto.code);
      // null clears the link; only a given id is checked.
      if (dto.servesCommitteeId) await this.assertCommittee(principal, m, dto.servesCommitteeId);
      const { version: _version, ...changes } = dto;
      Object.assign(unit, changes);
      if (!hasChanges(before, unit)) return unit;
      const saved = await m.save(OrgUnitEntity, unit);
      await this.history.record(
        m,
        changeBy(principal, {
          entityType: 'OrgUnit',
          action: 'update',
          entityId: id,
          before: before,
          after: saved,
        }),
      );
      return saved;
    });
  }

  async move(principal: Principal, id: string, dto: MoveOrgUnitDto): Promise<OrgUnitEntity> {
    return this.dataSource.transaction(async (m) => {
      await this.lockTree(m, principal.actor.tenantId);
      const unit = await this.getForUpdate(principal, m, id, dto.version);
      if (unit.parentId === null) throw OrgErrors.rootImmutable();
      const parent = await this.get(principal, dto.parentId, m).catch(() => {
        throw OrgErrors.parentNotFound();
      });
      if (parent.path.includes(unit.id)) throw OrgErrors.moveCycle();
      if (parent.status !== 'ACTIVE') throw OrgErrors.parentInactive();
      const newPath = [...parent.path, unit.id];
      assertCan(principal.ability, 'update', 'OrgUnit', { id, tenantId: unit.tenantId, path: newPath });
      const before = { ...unit };

      // Re-root the whole subtree: every descendant keeps its path below the moved unit.
      await m.query(
        `UPDATE org_unit
            SET path = $1::uuid[] || path[array_position(path, $2::uuid) + 1:]
          WHERE tenant_id = $3 AND path @> ARRAY[$2::uuid]`,
        [newPath, unit.id, unit.tenantId],
      );
      await m.update(OrgUnitEntity, { id: unit.id }, { parentId: parent.id });
      await this.pathDependents.refresh(m, unit.tenantId, unit.id);

      const saved = await m.findOneByOrFail(OrgUnitEntity, { id: unit.id });
      await this.history.record(
        m,
        changeBy(principal, {
          entityType: 'OrgUnit',
          action: 'move',
          entityId: id,
          before: before,
          after: saved,
        }),
      );
      return saved;
    });
  }

  async deactivate(principal: Principal, id: string, dto: DeactivateOrgUnitDto): Promise<OrgUnitEntity> {
    return this.dataSource.transaction(async (m) => {
      await this.lockTree(m, principal.actor.tenantId);
      const unit = await this.getForUpdate(principal, m, id, dto.version);
      if (unit.parentId === null) throw OrgErrors.rootImmutable();
      if (unit.status !== 'ACTIVE') throw OrgErrors.unitInactive();
      const validTo = dto.validTo ?? stockholmDate(this.clock.now());
      if (validTo < unit.validFrom) throw OrgErrors.validRange();
      // No cascades: children, and assignments that would outlive the unit, are dealt with first, explicitly.
      const activeChildren = await m.count(OrgUnitEntity, { where: { parentId: id, status: 'ACTIVE' } });
      if (activeChildren > 0) throw OrgErrors.hasActiveChildren(activeChildren);
      const [{ count }] = await m.query<{ count: number }[]>(
        `SELECT count(*)::int AS count FROM role_assignment
          WHERE tenant_id = $1 AND $2::uuid = ANY(org_unit_ids) AND (valid_to IS NULL OR valid_to > $3::date)`,
        [unit.tenantId, id, validTo],
      );
      if (count > 0) throw OrgErrors.hasActiveAssignments(count);
      const people = await m.count(PersonEntity, { where: { homeOrgUnitId: id, status: 'ACTIVE' } });
      if (people > 0) throw OrgErrors.hasPeople(people);
      const before = { ...unit };
      unit.status = 'DISSOLVED';
      unit.validTo = validTo;
      const saved = await m.save(OrgUnitEntity, unit);
      await this.history.record(m, {
        ...changeBy(principal, {
          entityType: 'OrgUnit',
          action: 'deactivate',
          entityId: id,
          before: before,
          after: saved,
        }),
        reason: dto.reason,
      });
      return saved;
    });
  }

  private async getForUpdate(principal: Principal, m: EntityManager, id: string, version: number) {
    const unit = await this.get(principal, id, m);
    assertCan(principal.ability, 'update', 'OrgUnit', { id, tenantId: unit.tenantId, path: unit.path });
    await m.query('SELECT 1 FROM org_unit WHERE id = $1 FOR UPDATE', [id]);
    const current = await m.findOneByOrFail(OrgUnitEntity, { id });
    if (current.version !== version) throw OrgErrors.versionConflict(current.version);
    return current;
  }

  /** Moves and inserts in one tenant's tree are serialised, so two moves can never form a cycle. */
  private async lockTree(m: EntityManager, tenantId: string) {
    await m.query(`SELECT pg_advisory_xact_lock(hashtextextended('org-tree:' || $1, 0))`, [tenantId]);
  }

  private async assertCodeFree(m: EntityManager, tenantId: string, code: string) {
    if (await m.exists(OrgUnitEntity, { where: { tenantId, code } })) throw OrgErrors.codeTaken(code);
  }

  private async assertCommittee(principal: Principal, m: EntityManager, id: string) {
    const committee = await this.get(principal, id, m).catch(() => {
      throw OrgErrors.committeeInvalid();
    });
    if (!['COMMITTEE', 'EXECUTIVE_BOARD', 'JOINT_BODY'].includes(committee.type))
      throw OrgErrors.committeeInvalid();
  }
}
