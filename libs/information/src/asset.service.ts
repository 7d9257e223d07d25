import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { assertCan, type Action, type Principal, whereAllowed } from '@varna/authz';
import { Clock, forbidden } from '@varna/core';
import { changeBy, HistoryService } from '@varna/history';
import { DataSource, EntityManager, In } from 'typeorm';
import { AssetEntity } from './asset.entity';
import { ASSET_TRANSITIONS, findTransition, mayTake } from './domain/lifecycle';
import type { AssetInput, AssetTransitionDto, ListAssetsQueryDto, UpdateAssetDto } from './dto/asset.dto';
import { InformationErrors } from './information.errors';
import {
  assertMayAppoint,
  assertMayChange,
  assetSubject,
  FULL_VIEW_FIELD,
  mayUpdateAsset,
  rolesFor,
} from './register-access';
import { refreshLinkedFacts } from './register-facts';
import { AssetActivationGuards, RegisterChangeListeners } from './register-hooks';
import { activePerson, activeUnit, changedFields, inTransaction, whereCodeOrName } from './register-lookups';

const EDITABLE = [
  'code',
  'name',
  'description',
  'type',
  'subtype',
  'orgUnitId',
  'assetOwnerId',
  'systemManagerId',
  'providerOrgUnitId',
  'supplierName',
  'hosting',
  'thirdCountryProcessing',
  'mfaRequired',
  'internetExposed',
  'criticality',
  'rtoHours',
  'rpoHours',
] as const satisfies readonly (keyof AssetEntity)[];

/** The appointed people of an asset (BR-A2), each with its appointment columns. */
const APPOINTMENTS = [
  {
    field: 'assetOwnerId',
    by: 'assetOwnerAppointedById',
    at: 'assetOwnerAppointedAt',
    ref: 'assetOwnerAppointmentRef',
  },
  {
    field: 'systemManagerId',
    by: 'systemManagerAppointedById',
    at: 'systemManagerAppointedAt',
    ref: 'systemManagerAppointmentRef',
  },
] as const;

/** Fields whose change the linked sets' keeper ids depend on (BR-A3). */
const LINKED_FACTS = ['assetOwnerId', 'systemManagerId'];

function validate(a: AssetEntity): void {
  if (a.subtype !== null && a.type !== 'IT_COMPONENT') throw InformationErrors.subtypeInvalid();
  if (a.hosting !== null && a.type === 'PROCESS') throw InformationErrors.hostingInvalid();
}

/** The asset register (tillgångar, domain.md §4a). */
@Injectable()
export class AssetService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly history: HistoryService,
    private readonly clock: Clock,
    private readonly guards: AssetActivationGuards,
    private readonly listeners: RegisterChangeListeners,
  ) {}

  async list(principal: Principal, query: ListAssetsQueryDto) {
    const limit = query.limit ?? 50;
    const offset = query.offset ?? 0;
    // Both joins are many-to-one, so LIMIT/OFFSET go straight into the page's SQL (take/skip would
    // first select the distinct ids of the page in a query of its own, issue 6).
    const [items, total] = await this.filtered(principal, query, 'read')
      .limit(limit)
      .offset(offset)
      .getManyAndCount();
    return { items, total, limit, offset };
  }

  /** Every asset the caller may export, with the same filters, sorted by code. */
  listForExport(principal: Principal, query: Omit<ListAssetsQueryDto, 'limit' | 'offset'> = {}) {
    return this.filtered(principal, query, 'export').getMany();
  }

  private filtered(
    principal: Principal,
    query: Omit<ListAssetsQueryDto, 'limit' | 'offset'>,
    action: Action,
  ) {
    const qb = this.dataSource
      .getRepository(AssetEntity)
      .createQueryBuilder('a')
      .leftJoinAndSelect('a.assetOwner', 'owner')
      .leftJoinAndSelect('a.systemManager', 'manager');
    whereAllowed(qb, principal.ability, action, 'Asset');
    if (query.orgUnitId) qb.andWhere('a.org_unit_path @> ARRAY[:unit]::uuid[]', { unit: query.orgUnitId });
    if (query.q) whereCodeOrName(qb, 'a', query.q);
    if (query.status) qb.andWhere('a.status = :status', { status: query.status });
    if (query.type) qb.andWhere('a.type = :type', { type: query.type });
    if (query.ownerId) qb.andWhere('a.asset_owner_id = :owner', { owner: query.ownerId });
    // Filters on what the name view does not show would tell a name reader more than names.
    if (query.status || query.type || query.ownerId) {
      whereAllowed(qb, principal.ability, action, 'Asset', 'a', FULL_VIEW_FIELD);
    }
    return qb.orderBy('a.code', 'ASC');
  }

  /** One asset the caller may read (the name view included; `whole`: beyond it), else 404. */
  async get(principal: Principal, id: string, m: EntityManager = this.dataSource.manager, whole = false) {
    const qb = m
      .getRepository(AssetEntity)
      .createQueryBuilder('a')
      .leftJoinAndSelect('a.assetOwner', 'owner')
      .leftJoinAndSelect('a.systemManager', 'manager')
      .where('a.id = :id', { id });
    whereAllowed(qb, principal.ability, 'read', 'Asset', 'a', whole ? FULL_VIEW_FIELD : undefined);
    const asset = await qb.getOne();
    if (!asset) throw InformationErrors.assetNotFound();
    return asset;
  }

  /** Readable (else 404), row-locked until commit, at the version read (else 409); without relations. */
  async getForUpdate(principal: Principal, m: EntityManager, id: string, version?: number) {
    await this.get(principal, id, m);
    await m.query('SELECT 1 FROM asset WHERE id = $1 FOR UPDATE', [id]);
    const current = await m.findOneByOrFail(AssetEntity, { id });
    if (version !== undefined && current.version !== version)
      throw InformationErrors.versionConflict(current.version);
    return current;
  }

  async create(principal: Principal, input: AssetInput): Promise<AssetEntity> {
    const [created] = await this.createMany(principal, [input]);
    return created;
  }

  /**
   * Creates every asset in one transaction, or none. An import (D-53) may give `status` ACTIVE: the
   * BR-A5 guard applies to the transition, not to the first load of an existing register.
   */
  async createMany(
    principal: Principal,
    inputs: AssetInput[],
    manager?: EntityManager,
  ): Promise<AssetEntity[]> {
    const { tenantId } = principal.actor;
    const codes = inputs.map((i) => i.code);
    const repeated = codes.filter((c, i) => codes.indexOf(c) !== i);
    if (repeated.length) throw InformationErrors.duplicateCodes([...new Set(repeated)]);
    const ids = await inTransaction(this.dataSource, manager, async (m) => {
      const taken = await m.findOneBy(AssetEntity, { tenantId, code: In(codes) });
      if (taken) throw InformationErrors.codeTaken('ASSET', taken.code);
      const now = this.clock.now();
      const saved: string[] = [];
      for (const input of inputs) {
        const unit = await activeUnit(m, tenantId, input.orgUnitId);
        const provider = input.providerOrgUnitId
          ? await activeUnit(m, tenantId, input.providerOrgUnitId, 'providerOrgUnitId')
          : null;
        const asset = m.create(AssetEntity, {
          tenantId,
          code: input.code,
          name: input.name,
          description: input.description ?? null,
          type: input.type,
          subtype: input.subtype ?? null,
          orgUnitId: unit.id,
          orgUnitPath: unit.path,
          assetOwnerId: null,
          assetOwnerAppointedById: null,
          assetOwnerAppointedAt: null,
          assetOwnerAppointmentRef: null,
          systemManagerId: null,
          systemManagerAppointedById: null,
          systemManagerAppointedAt: null,
          systemManagerAppointmentRef: null,
          providerOrgUnitId: provider?.id ?? null,
          supplierName: input.supplierName ?? null,
          hosting: input.hosting ?? null,
          thirdCountryProcessing: input.thirdCountryProcessing ?? false,
          mfaRequired: input.mfaRequired ?? false,
          internetExposed: input.internetExposed ?? false,
          criticality: input.criticality ?? 'NORMAL',
          rtoHours: input.rtoHours ?? null,
          rpoHours: input.rpoHours ?? null,
          status: input.status ?? 'PLANNED',
          containsPersonalData: false,
          specialCategoryData: false,
          informationOwnerIds: [],
          derivedLevels: null,
          effectiveLevels: null,
          classificationComplete: false,
        });
        for (const a of APPOINTMENTS) {
          const personId = input[a.field] ?? null;
          if (personId) {
            assertMayAppoint(principal, unit);
            await activePerson(m, tenantId, personId, a.field);
            Object.assign(asset, {
              [a.field]: personId,
              [a.by]: principal.actor.personId,
              [a.at]: now,
              [a.ref]: input[a.ref] ?? null,
            });
          } else if (input[a.ref]) {
            throw InformationErrors.appointmentRefWithoutOwner(a.ref);
          }
        }
        validate(asset);
        assertCan(principal.ability, 'create', 'Asset', { ...assetSubject(asset), id: '' });
        const row = await m.save(AssetEntity, asset);
        await this.history.record(
          m,
          changeBy(principal, {
            entityType: 'Asset',
            action: 'create',
            entityId: row.id,
            before: null,
            after: row,
          }),
        );
        saved.push(row.id);
      }
      await this.listeners.assetsChanged(m, tenantId, saved);
      return saved;
    });
    return this.reload(ids, manager);
  }

  /**
   * PATCH: every changed field must be changeable by the caller on the asset as it is and as it will
   * be (the system manager changes the technical fields only); owners are appointed (BR-A2).
   */
  async update(principal: Principal, id: string, dto: UpdateAssetDto): Promise<AssetEntity> {
    const { tenantId } = principal.actor;
    await this.dataSource.transaction(async (m) => {
      const current = await this.getForUpdate(principal, m, id, dto.version);
      // Read-only callers are refused even when nothing would change.
      if (!mayUpdateAsset(principal.ability, current)) throw forbidden('PERMISSION_DENIED');
      const before = { ...current };
      const after = m.create(AssetEntity, { ...current });
      for (const f of EDITABLE) {
        if (dto[f] !== undefined) Object.assign(after, { [f]: dto[f] });
      }
      if (after.orgUnitId !== before.orgUnitId) {
        after.orgUnitPath = (await activeUnit(m, tenantId, after.orgUnitId)).path;
      }
      if (after.providerOrgUnitId && after.providerOrgUnitId !== before.providerOrgUnitId) {
        await activeUnit(m, tenantId, after.providerOrgUnitId, 'providerOrgUnitId');
      }
      const changed = changedFields(before, after, EDITABLE);
      assertMayChange(
        (f, which) => mayUpdateAsset(principal.ability, which === 'before' ? before : after, f),
        changed,
      );
      for (const a of APPOINTMENTS) {
        if (changed.includes(a.field)) {
          assertMayAppoint(principal, { id: after.orgUnitId, path: after.orgUnitPath });
          const personId = after[a.field];
          if (personId) await activePerson(m, tenantId, personId, a.field);
          Object.assign(after, {
            [a.by]: personId ? principal.actor.personId : null,
            [a.at]: personId ? this.clock.now() : null,
            [a.ref]: personId ? (dto[a.ref] ?? null) : null,
          });
        } else if (dto[a.ref] !== undefined) {
          throw InformationErrors.appointmentRefWithoutOwner(a.ref);
        }
      }
      if (changed.length === 0) return;
      if (after.code !== before.code) {
        const taken = await m.findOneBy(AssetEntity, { tenantId, code: after.code });
        if (taken) throw InformationErrors.codeTaken('ASSET', after.code);
      }
      validate(after);
      const saved = await m.save(AssetEntity, after);
      if (changed.some((f) => LINKED_FACTS.includes(f)))
        await refreshLinkedFacts(m, tenantId, { assetIds: [id] });
      await this.history.record(
        m,
        changeBy(principal, { entityType: 'Asset', action: 'update', entityId: id, before, after: saved }),
      );
      // Exposure (hosting, internet) and type feed classification and its review flags (4b).
      await this.listeners.assetUpdated(m, before, saved);
      await this.listeners.assetsChanged(m, tenantId, [id]);
    });
    const [asset] = await this.reload([id]);
    return asset;
  }

  /** A step of the asset state machine (§4a); to ACTIVE only when every registered guard agrees (BR-A5). */
  async transition(principal: Principal, id: string, dto: AssetTransitionDto): Promise<AssetEntity> {
    const { tenantId } = principal.actor;
    await this.dataSource.transaction(async (m) => {
      const current = await this.getForUpdate(principal, m, id, dto.version);
      const step = findTransition(ASSET_TRANSITIONS, current.status, dto.to);
      if (!step) {
        const allowed = ASSET_TRANSITIONS.filter((t) => t.from === current.status).map((t) => t.to);
        throw InformationErrors.invalidTransition(current.status, dto.to, allowed);
      }
      if (!mayUpdateAsset(principal.ability, current, 'status'))
        throw InformationErrors.transitionForbidden();
      const isOwner = current.assetOwnerId === principal.actor.personId;
      if (!mayTake(step, rolesFor(principal, current), isOwner))
        throw InformationErrors.transitionForbidden();
      if (step.reasonRequired && !dto.reason) throw InformationErrors.reasonRequired();
      if (dto.to === 'ACTIVE') {
        const issues = await this.guards.issues(m, current);
        if (issues.length) throw InformationErrors.activationBlocked(issues);
      }
      const before = { ...current };
      current.status = dto.to;
      const saved = await m.save(AssetEntity, current);
      await refreshLinkedFacts(m, tenantId, { assetIds: [id] });
      await this.history.record(
        m,
        changeBy(principal, {
          entityType: 'Asset',
          action: 'transition',
          entityId: id,
          before,
          after: saved,
          reason: dto.reason,
        }),
      );
      await this.listeners.assetsChanged(m, tenantId, [id]);
    });
    const [asset] = await this.reload([id]);
    return asset;
  }

  private async reload(ids: string[], m: EntityManager = this.dataSource.manager): Promise<AssetEntity[]> {
    const rows = await m.getRepository(AssetEntity).find({
      where: { id: In(ids) },
      relations: { assetOwner: true, systemManager: true },
    });
    return ids.map((id) => rows.find((r) => r.id === id)!);
  }
}
