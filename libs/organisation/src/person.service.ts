import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { assertCan, type Principal, whereAllowed } from '@varna/authz';
import { changeBy, hasChanges, HistoryService } from '@varna/history';
import { DataSource, EntityManager } from 'typeorm';
import type { CreatePersonDto, ListPersonsQueryDto, UpdatePersonDto } from './dto/person.dto';
import { OrgUnitService } from './org-unit.service';
import { OrgErrors } from './organisation.errors';
import { PersonEntity } from './person.entity';
import { PersonLifecycle } from './person-lifecycle';

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

@Injectable()
export class PersonService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly history: HistoryService,
    private readonly orgUnits: OrgUnitService,
    private readonly lifecycle: PersonLifecycle,
  ) {}

  async list(principal: Principal, query: ListPersonsQueryDto) {
    const limit = query.limit ?? 50;
    const offset = query.offset ?? 0;
    const qb = this.dataSource.getRepository(PersonEntity).createQueryBuilder('p');
    whereAllowed(qb, principal.ability, 'read', 'Person');
    if (query.q) {
      qb.andWhere('(p.username ILIKE :q OR p.display_name ILIKE :q OR p.email ILIKE :q)', {
        q: `%${escapeLike(query.q)}%`,
      });
    }
    if (query.homeOrgUnitId) qb.andWhere('p.home_org_unit_id = :unit', { unit: query.homeOrgUnitId });
    if (query.status && query.status !== 'ALL') qb.andWhere('p.status = :status', { status: query.status });
    const [items, total] = await qb
      .orderBy('p.display_name', 'ASC')
      .addOrderBy('p.id', 'ASC')
      .take(limit)
      .skip(offset)
      .getManyAndCount();
    return { items, total, limit, offset };
  }

  async get(
    principal: Principal,
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<PersonEntity> {
    const qb = manager.getRepository(PersonEntity).createQueryBuilder('p').where('p.id = :id', { id });
    const person = await whereAllowed(qb, principal.ability, 'read', 'Person').getOne();
    if (!person) throw OrgErrors.personNotFound();
    return person;
  }

  async create(principal: Principal, dto: CreatePersonDto): Promise<PersonEntity> {
    return this.dataSource.transaction(async (m) => {
      const tenantId = principal.actor.tenantId;
      await this.assertActiveHome(principal, m, dto.homeOrgUnitId);
      assertCan(principal.ability, 'create', 'Person', {
        id: '',
        tenantId,
        homeOrgUnitId: dto.homeOrgUnitId,
      });
      await this.assertUsernameFree(m, tenantId, dto.username);
      const person = m.create(PersonEntity, {
        tenantId,
        username: dto.username,
        displayName: dto.displayName,
        email: dto.email,
        phone: dto.phone ?? null,
        employeeNumber: dto.employeeNumber ?? null,
        homeOrgUnitId: dto.homeOrgUnitId,
        hasOwnComputer: dto.hasOwnComputer ?? true,
        isElected: dto.isElected ?? false,
        externalOrganisation: dto.externalOrganisation ?? null,
        status: 'ACTIVE',
        identityProviderSubject: null,
      });
      const saved = await m.save(PersonEntity, person);
      await this.history.record(
        m,
        changeBy(principal, {
          entityType: 'Person',
          action: 'create',
          entityId: saved.id,
          before: null,
          after: saved,
        }),
      );
      return saved;
    });
  }

  async update(principal: Principal, id: string, dto: UpdatePersonDto): Promise<PersonEntity> {
    return this.dataSource.transaction(async (m) => {
      const person = await this.get(principal, id, m);
      assertCan(principal.ability, 'update', 'Person', person);
      await m.query('SELECT 1 FROM person WHERE id = $1 FOR UPDATE', [id]);
      const current = await m.findOneByOrFail(PersonEntity, { id });
      if (current.version !== dto.version) throw OrgErrors.versionConflict(current.version);
      if (dto.homeOrgUnitId && dto.homeOrgUnitId !== current.homeOrgUnitId)
        await this.assertActiveHome(principal, m, dto.homeOrgUnitId);
      const before = { ...current };
      const { version: _version, ...changes } = dto;
      Object.assign(current, changes);
      if (!hasChanges(before, current)) return current;
      assertCan(principal.ability, 'update', 'Person', current);
      const saved = await m.save(PersonEntity, current);
      if (before.status === 'ACTIVE' && saved.status === 'INACTIVE')
        await this.lifecycle.accountClosed(m, id);
      await this.history.record(
        m,
        changeBy(principal, {
          entityType: 'Person',
          action: 'update',
          entityId: id,
          before: before,
          after: saved,
        }),
      );
      return saved;
    });
  }

  /** A home unit must be readable (so in the tenant) and not dissolved. */
  private async assertActiveHome(principal: Principal, m: EntityManager, unitId: string) {
    const unit = await this.orgUnits.get(principal, unitId, m);
    if (unit.status !== 'ACTIVE') throw OrgErrors.unitInactive();
  }

  private async assertUsernameFree(m: EntityManager, tenantId: string, username: string) {
    const taken = await m
      .getRepository(PersonEntity)
      .createQueryBuilder('p')
      .where('p.tenant_id = :tenantId AND lower(p.username) = lower(:username)', { tenantId, username })
      .getExists();
    if (taken) throw OrgErrors.usernameTaken(username);
  }
}
