import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { assertCan, type Principal, type Role, whereAllowed } from '@varna/authz';
import { Clock, stockholmDate } from '@varna/core';
import { changeBy, hasChanges, HistoryService } from '@varna/history';
import { DataSource, EntityManager, In } from 'typeorm';
import type {
  CreateRoleAssignmentDto,
  ListRoleAssignmentsQueryDto,
  UpdateRoleAssignmentDto,
} from './dto/role-assignment.dto';
import { OrgUnitEntity } from './org-unit.entity';
import { OrgErrors } from './organisation.errors';
import { PersonService } from './person.service';
import { RoleAssignmentEntity } from './role-assignment.entity';

/** Union of the units' paths: what scope filters on role assignments compare against. */
export function unionOfPaths(units: Pick<OrgUnitEntity, 'path'>[]): string[] {
  return [...new Set(units.flatMap((u) => u.path))].sort();
}

@Injectable()
export class RoleAssignmentService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly history: HistoryService,
    private readonly persons: PersonService,
    private readonly clock: Clock,
  ) {}

  async list(principal: Principal, query: ListRoleAssignmentsQueryDto) {
    const limit = query.limit ?? 100;
    const offset = query.offset ?? 0;
    const qb = this.dataSource.getRepository(RoleAssignmentEntity).createQueryBuilder('ra');
    whereAllowed(qb, principal.ability, 'read', 'RoleAssignment');
    if (query.personId) qb.andWhere('ra.person_id = :personId', { personId: query.personId });
    if (query.orgUnitId) qb.andWhere(':unit::uuid = ANY(ra.org_unit_ids)', { unit: query.orgUnitId });
    if (query.role) qb.andWhere('ra.role = :role', { role: query.role });
    if (query.validOn) {
      qb.andWhere('ra.valid_from <= :d AND (ra.valid_to IS NULL OR ra.valid_to >= :d)', { d: query.validOn });
    }
    const [items, total] = await qb
      .orderBy('ra.role', 'ASC')
      .addOrderBy('ra.valid_from', 'ASC')
      .addOrderBy('ra.id', 'ASC')
      .take(limit)
      .skip(offset)
      .getManyAndCount();
    return { items, total, limit, offset };
  }

  async get(principal: Principal, id: string, manager: EntityManager = this.dataSource.manager) {
    const qb = manager
      .getRepository(RoleAssignmentEntity)
      .createQueryBuilder('ra')
      .where('ra.id = :id', { id });
    const found = await whereAllowed(qb, principal.ability, 'read', 'RoleAssignment').getOne();
    if (!found) throw OrgErrors.assignmentNotFound();
    return found;
  }

  async create(principal: Principal, dto: CreateRoleAssignmentDto): Promise<RoleAssignmentEntity> {
    return this.dataSource.transaction(async (m) => {
      const tenantId = principal.actor.tenantId;
      await this.persons.get(principal, dto.personId, m);
      const units = await this.activeUnits(m, tenantId, dto.orgUnitIds);
      const validFrom = dto.validFrom ?? stockholmDate(this.clock.now());
      const validTo = dto.validTo ?? null;
      if (validTo !== null && validTo < validFrom) throw OrgErrors.validRange();
      if (dto.deputyForId) await this.persons.get(principal, dto.deputyForId, m);
      this.assertMayAssign(principal, 'create', dto.personId, dto.role, units);
      const assignment = m.create(RoleAssignmentEntity, {
        tenantId,
        personId: dto.personId,
        role: dto.role,
        orgUnitIds: units.map((u) => u.id),
        orgUnitPaths: unionOfPaths(units),
        includeSubtree: dto.includeSubtree ?? true,
        validFrom,
        validTo,
        appointedById: principal.actor.personId,
        appointmentRef: dto.appointmentRef ?? null,
        deputyForId: dto.deputyForId ?? null,
        isActing: dto.isActing ?? false,
      });
      const saved = await m.save(RoleAssignmentEntity, assignment);
      await this.history.record(
        m,
        changeBy(principal, {
          entityType: 'RoleAssignment',
          action: 'appoint',
          entityId: saved.id,
          before: null,
          after: saved,
        }),
      );
      return saved;
    });
  }

  async update(
    principal: Principal,
    id: string,
    dto: UpdateRoleAssignmentDto,
  ): Promise<RoleAssignmentEntity> {
    return this.dataSource.transaction(async (m) => {
      const tenantId = principal.actor.tenantId;
      await this.get(principal, id, m);
      await m.query('SELECT 1 FROM role_assignment WHERE id = $1 FOR UPDATE', [id]);
      const current = await m.findOneByOrFail(RoleAssignmentEntity, { id });
      if (current.version !== dto.version) throw OrgErrors.versionConflict(current.version);
      // The actor must be allowed to change the assignment as it is, and as it will be.
      const currentUnits = await m.findBy(OrgUnitEntity, { tenantId, id: In(current.orgUnitIds) });
      this.assertMayAssign(principal, 'update', current.personId, current.role, currentUnits);
      const units = dto.orgUnitIds ? await this.activeUnits(m, tenantId, dto.orgUnitIds) : currentUnits;
      this.assertMayAssign(principal, 'update', current.personId, current.role, units);

      const before = { ...current };
      if (dto.orgUnitIds) {
        current.orgUnitIds = units.map((u) => u.id);
        current.orgUnitPaths = unionOfPaths(units);
      }
      if (dto.includeSubtree !== undefined) current.includeSubtree = dto.includeSubtree;
      if (dto.validFrom !== undefined) current.validFrom = dto.validFrom;
      if (dto.validTo !== undefined) current.validTo = dto.validTo;
      if (dto.appointmentRef !== undefined) current.appointmentRef = dto.appointmentRef;
      if (dto.isActing !== undefined) current.isActing = dto.isActing;
      if (current.validTo !== null && current.validTo < current.validFrom) throw OrgErrors.validRange();
      if (!hasChanges(before, current)) return current;
      const saved = await m.save(RoleAssignmentEntity, current);
      const action =
        dto.validTo !== undefined && dto.validTo !== before.validTo ? 'change-validity' : 'update';
      await this.history.record(
        m,
        changeBy(principal, {
          entityType: 'RoleAssignment',
          action: action,
          entityId: id,
          before: before,
          after: saved,
        }),
      );
      return saved;
    });
  }

  /**
   * Checked unit by unit: an assignment spanning one unit inside and one outside the actor's scope
   * must be refused, while the array-overlap rule alone would let it through.
   */
  private assertMayAssign(
    principal: Principal,
    action: 'create' | 'update',
    personId: string,
    role: Role,
    units: OrgUnitEntity[],
  ): void {
    const tenantId = principal.actor.tenantId;
    for (const unit of units) {
      assertCan(principal.ability, action, 'RoleAssignment', {
        id: '',
        tenantId,
        personId,
        role,
        orgUnitIds: [unit.id],
        orgUnitPaths: unit.path,
      });
    }
  }

  private async activeUnits(m: EntityManager, tenantId: string, ids: string[]): Promise<OrgUnitEntity[]> {
    if (new Set(ids).size !== ids.length) throw OrgErrors.duplicateUnits();
    const units = await m.findBy(OrgUnitEntity, { tenantId, id: In(ids) });
    if (units.length !== ids.length) throw OrgErrors.unitNotFound();
    if (units.some((u) => u.status !== 'ACTIVE')) throw OrgErrors.unitInactive();
    // Keep the caller's order.
    return ids.map((id) => units.find((u) => u.id === id) as OrgUnitEntity);
  }
}
