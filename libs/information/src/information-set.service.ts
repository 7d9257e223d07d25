import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { assertCan, type Principal, whereAllowed, type Action } from '@varna/authz';
import { Clock, forbidden } from '@varna/core';
import { changeBy, HistoryService } from '@varna/history';
import { DataSource, EntityManager, In } from 'typeorm';
import type { InformationSetStatus } from './domain/enums';
import { findTransition, INFORMATION_SET_TRANSITIONS, mayTake } from './domain/lifecycle';
import type {
  InformationSetInput,
  InformationSetTransitionDto,
  ListInformationSetsQueryDto,
  UpdateInformationSetDto,
} from './dto/information-set.dto';
import { InformationErrors } from './information.errors';
import { InformationSetEntity } from './information-set.entity';
import {
  assertMayAppoint,
  assertMayChange,
  FULL_VIEW_FIELD,
  informationSetSubject,
  mayUpdateSet,
  rolesFor,
} from './register-access';
import { refreshLinkedFacts } from './register-facts';
import { RegisterChangeListeners } from './register-hooks';
import { activePerson, activeUnit, changedFields, inTransaction, whereCodeOrName } from './register-lookups';

/** The fields a PATCH may change (the owner's appointment fields follow the owner). */
const EDITABLE = [
  'code',
  'name',
  'description',
  'orgUnitId',
  'informationOwnerId',
  'recordsClassCode',
  'containsPersonalData',
  'personalDataCategories',
  'specialCategoryData',
  'criminalOffenceData',
  'concernsChildren',
  'protectedIdentity',
  'secrecyProvisions',
  'legalBases',
  'specialHandling',
  'retention',
] as const satisfies readonly (keyof InformationSetEntity)[];

/** BR-A6: what a special-handling set may not hold. */
const FREE_FIELDS = [
  'description',
  'recordsClassCode',
  'retention',
  'containsPersonalData',
  'personalDataCategories',
  'specialCategoryData',
  'criminalOffenceData',
  'concernsChildren',
  'protectedIdentity',
  'secrecyProvisions',
  'legalBases',
] as const;

/** Fields whose change the linked assets' computed columns depend on (BR-A4, scope O). */
const LINKED_FACTS = ['informationOwnerId', 'containsPersonalData', 'specialCategoryData', 'status'];

const isSet = (v: unknown) =>
  Array.isArray(v) ? v.length > 0 : v !== null && v !== undefined && v !== false;

/** BR-A6 and the personal-data flags, on the set as it will be. */
function validate(s: InformationSetEntity): void {
  if (s.specialHandling) {
    const present = FREE_FIELDS.filter((f) => isSet(s[f]));
    if (present.length) throw InformationErrors.specialHandlingFields(present);
  }
  if (!s.containsPersonalData) {
    const implied = (
      ['personalDataCategories', 'specialCategoryData', 'criminalOffenceData', 'protectedIdentity'] as const
    ).filter((f) => isSet(s[f]));
    if (implied.length) throw InformationErrors.personalDataInconsistent(implied);
  }
}

/** The information set register (informationsmängder, domain.md §4a). */
@Injectable()
export class InformationSetService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly history: HistoryService,
    private readonly clock: Clock,
    private readonly listeners: RegisterChangeListeners,
  ) {}

  /** One page, sorted by code; the rows the caller may read (name views included). */
  async list(principal: Principal, query: ListInformationSetsQueryDto) {
    const limit = query.limit ?? 50;
    const offset = query.offset ?? 0;
    // The owner join is many-to-one, so LIMIT/OFFSET go straight into the page's SQL (take/skip
    // would first select the distinct ids of the page in a query of its own, issue 6).
    const qb = this.filtered(principal, query, 'read');
    const [items, total] = await qb.limit(limit).offset(offset).getManyAndCount();
    return { items, total, limit, offset };
  }

  /** Every set the caller may export, with the same filters, sorted by code (for the spreadsheet export). */
  listForExport(principal: Principal, query: Omit<ListInformationSetsQueryDto, 'limit' | 'offset'> = {}) {
    return this.filtered(principal, query, 'export').getMany();
  }

  private filtered(
    principal: Principal,
    query: Omit<ListInformationSetsQueryDto, 'limit' | 'offset'>,
    action: Action,
  ) {
    const qb = this.dataSource
      .getRepository(InformationSetEntity)
      .createQueryBuilder('s')
      .leftJoinAndSelect('s.informationOwner', 'owner');
    whereAllowed(qb, principal.ability, action, 'InformationSet');
    if (query.orgUnitId) qb.andWhere('s.org_unit_path @> ARRAY[:unit]::uuid[]', { unit: query.orgUnitId });
    if (query.q) whereCodeOrName(qb, 's', query.q);
    if (query.status) qb.andWhere('s.status = :status', { status: query.status });
    if (query.ownerId) qb.andWhere('s.information_owner_id = :owner', { owner: query.ownerId });
    // Filters on what the name view does not show would tell a name reader more than names.
    if (query.status || query.ownerId) {
      whereAllowed(qb, principal.ability, action, 'InformationSet', 's', FULL_VIEW_FIELD);
    }
    return qb.orderBy('s.code', 'ASC');
  }

  /** One set the caller may read (the name view included), else 404. */
  async get(principal: Principal, id: string, m: EntityManager = this.dataSource.manager) {
    const qb = m
      .getRepository(InformationSetEntity)
      .createQueryBuilder('s')
      .leftJoinAndSelect('s.informationOwner', 'owner')
      .where('s.id = :id', { id });
    const set = await whereAllowed(qb, principal.ability, 'read', 'InformationSet').getOne();
    if (!set) throw InformationErrors.setNotFound();
    return set;
  }

  /** Readable (else 404), row-locked until commit, at the version read (else 409); without relations. */
  async getForUpdate(principal: Principal, m: EntityManager, id: string, version?: number) {
    await this.get(principal, id, m);
    await m.query('SELECT 1 FROM information_set WHERE id = $1 FOR UPDATE', [id]);
    const current = await m.findOneByOrFail(InformationSetEntity, { id });
    if (version !== undefined && current.version !== version) {
      throw InformationErrors.versionConflict(current.version);
    }
    return current;
  }

  async create(principal: Principal, input: InformationSetInput): Promise<InformationSetEntity> {
    const [created] = await this.createMany(principal, [input]);
    return created;
  }

  /**
   * Creates every set in one transaction, or none (an import, D-53: `status` may be ACTIVE). Each
   * is checked as the caller's `create` on the row as it will be; an owner is an appointment (BR-A2).
   */
  async createMany(
    principal: Principal,
    inputs: InformationSetInput[],
    manager?: EntityManager,
  ): Promise<InformationSetEntity[]> {
    const { tenantId } = principal.actor;
    const codes = inputs.map((i) => i.code);
    const repeated = codes.filter((c, i) => codes.indexOf(c) !== i);
    if (repeated.length) throw InformationErrors.duplicateCodes([...new Set(repeated)]);
    const ids = await inTransaction(this.dataSource, manager, async (m) => {
      const taken = await m.findOneBy(InformationSetEntity, { tenantId, code: In(codes) });
      if (taken) throw InformationErrors.codeTaken('INFORMATION_SET', taken.code);
      const now = this.clock.now();
      const saved: string[] = [];
      for (const input of inputs) {
        const unit = await activeUnit(m, tenantId, input.orgUnitId);
        const ownerId = input.informationOwnerId ?? null;
        if (ownerId) {
          assertMayAppoint(principal, unit);
          await activePerson(m, tenantId, ownerId, 'informationOwnerId');
        } else if (input.informationOwnerAppointmentRef) {
          throw InformationErrors.appointmentRefWithoutOwner('informationOwnerAppointmentRef');
        }
        const set = m.create(InformationSetEntity, {
          tenantId,
          code: input.code,
          name: input.name,
          description: input.description ?? null,
          orgUnitId: unit.id,
          orgUnitPath: unit.path,
          informationOwnerId: ownerId,
          informationOwnerAppointedById: ownerId ? principal.actor.personId : null,
          informationOwnerAppointedAt: ownerId ? now : null,
          informationOwnerAppointmentRef: ownerId ? (input.informationOwnerAppointmentRef ?? null) : null,
          recordsClassCode: input.recordsClassCode ?? null,
          containsPersonalData: input.containsPersonalData ?? false,
          personalDataCategories: input.personalDataCategories ?? [],
          specialCategoryData: input.specialCategoryData ?? false,
          criminalOffenceData: input.criminalOffenceData ?? false,
          concernsChildren: input.concernsChildren ?? false,
          protectedIdentity: input.protectedIdentity ?? false,
          secrecyProvisions: input.secrecyProvisions ?? [],
          legalBases: input.legalBases ?? [],
          specialHandling: input.specialHandling ?? false,
          retention: input.retention ?? null,
          status: input.status ?? 'DRAFT',
          classificationId: null,
          classificationDueAt: null,
          assetKeeperIds: [],
        });
        validate(set);
        assertCan(principal.ability, 'create', 'InformationSet', { ...informationSetSubject(set), id: '' });
        const row = await m.save(InformationSetEntity, set);
        await this.history.record(
          m,
          changeBy(principal, {
            entityType: 'InformationSet',
            action: 'create',
            entityId: row.id,
            before: null,
            after: row,
          }),
        );
        await this.listeners.informationSetChanged(m, null, row);
        saved.push(row.id);
      }
      return saved;
    });
    return this.reload(ids, manager);
  }

  /**
   * PATCH: every changed field must be changeable by the caller on the set as it is and as it will
   * be (the DPO changes the personal-data fields only); a new owner is an appointment (BR-A2).
   */
  async update(
    principal: Principal,
    id: string,
    dto: UpdateInformationSetDto,
  ): Promise<InformationSetEntity> {
    const { tenantId } = principal.actor;
    await this.dataSource.transaction(async (m) => {
      const current = await this.getForUpdate(principal, m, id, dto.version);
      // Read-only callers are refused even when nothing would change.
      if (!mayUpdateSet(principal.ability, current)) throw forbidden('PERMISSION_DENIED');
      const before = { ...current };
      const after = m.create(InformationSetEntity, { ...current });
      for (const f of EDITABLE) {
        if (dto[f] !== undefined) Object.assign(after, { [f]: dto[f] });
      }
      if (after.orgUnitId !== before.orgUnitId) {
        after.orgUnitPath = (await activeUnit(m, tenantId, after.orgUnitId)).path;
      }
      const changed = changedFields(before, after, EDITABLE);
      assertMayChange(
        (f, which) => mayUpdateSet(principal.ability, which === 'before' ? before : after, f),
        changed,
      );
      if (changed.includes('informationOwnerId')) {
        assertMayAppoint(principal, { id: after.orgUnitId, path: after.orgUnitPath });
        if (after.informationOwnerId)
          await activePerson(m, tenantId, after.informationOwnerId, 'informationOwnerId');
        const appointed = after.informationOwnerId !== null;
        after.informationOwnerAppointedById = appointed ? principal.actor.personId : null;
        after.informationOwnerAppointedAt = appointed ? this.clock.now() : null;
        after.informationOwnerAppointmentRef = appointed
          ? (dto.informationOwnerAppointmentRef ?? null)
          : null;
      } else if (dto.informationOwnerAppointmentRef !== undefined) {
        throw InformationErrors.appointmentRefWithoutOwner('informationOwnerAppointmentRef');
      }
      if (changed.length === 0) return;
      if (after.code !== before.code) {
        const taken = await m.findOneBy(InformationSetEntity, { tenantId, code: after.code });
        if (taken) throw InformationErrors.codeTaken('INFORMATION_SET', after.code);
      }
      validate(after);
      const saved = await m.save(InformationSetEntity, after);
      if (changed.some((f) => LINKED_FACTS.includes(f)))
        await refreshLinkedFacts(m, tenantId, { setIds: [id] });
      await this.history.record(
        m,
        changeBy(principal, {
          entityType: 'InformationSet',
          action: 'update',
          entityId: id,
          before,
          after: saved,
        }),
      );
      await this.listeners.informationSetChanged(m, before, saved);
    });
    const [set] = await this.reload([id]);
    return set;
  }

  /** DRAFT → ACTIVE (an owner is expected, a missing one is a gap, not an error, BR-A1). */
  activate(principal: Principal, id: string, dto: InformationSetTransitionDto) {
    return this.transition(principal, id, 'ACTIVE', dto);
  }

  /** ACTIVE → RETIRED, once no asset in use carries the set; its history is kept. */
  retire(principal: Principal, id: string, dto: InformationSetTransitionDto) {
    return this.transition(principal, id, 'RETIRED', dto);
  }

  private async transition(
    principal: Principal,
    id: string,
    to: InformationSetStatus,
    dto: InformationSetTransitionDto,
  ): Promise<InformationSetEntity> {
    const { tenantId } = principal.actor;
    await this.dataSource.transaction(async (m) => {
      const current = await this.getForUpdate(principal, m, id, dto.version);
      const step = findTransition(INFORMATION_SET_TRANSITIONS, current.status, to);
      if (!step) {
        const allowed = INFORMATION_SET_TRANSITIONS.filter((t) => t.from === current.status).map((t) => t.to);
        throw InformationErrors.invalidTransition(current.status, to, allowed);
      }
      if (!mayUpdateSet(principal.ability, current, 'status')) throw InformationErrors.transitionForbidden();
      const isOwner = current.informationOwnerId === principal.actor.personId;
      if (!mayTake(step, rolesFor(principal, current), isOwner))
        throw InformationErrors.transitionForbidden();
      if (step.reasonRequired && !dto.reason) throw InformationErrors.reasonRequired();
      const linked = await m.query<{ id: string; code: string; status: string }[]>(
        `SELECT a.id, a.code, a.status FROM asset_information_link l JOIN asset a ON a.id = l.asset_id
          WHERE l.information_set_id = $1 ORDER BY a.code`,
        [id],
      );
      const inUse = linked.filter((a) => a.status !== 'RETIRED');
      if (to === 'RETIRED' && inUse.length) throw InformationErrors.stillLinked(inUse.map((a) => a.code));
      const before = { ...current };
      current.status = to;
      const saved = await m.save(InformationSetEntity, current);
      await refreshLinkedFacts(m, tenantId, { setIds: [id] });
      await this.history.record(
        m,
        changeBy(principal, {
          entityType: 'InformationSet',
          action: to === 'ACTIVE' ? 'activate' : 'retire',
          entityId: id,
          before,
          after: saved,
          reason: dto.reason,
        }),
      );
      await this.listeners.informationSetChanged(m, before, saved);
      await this.listeners.assetsChanged(
        m,
        tenantId,
        linked.map((r) => r.id),
      );
    });
    const [set] = await this.reload([id]);
    return set;
  }

  /** The sets with their owners, for the response, in the order of `ids`. */
  private async reload(
    ids: string[],
    m: EntityManager = this.dataSource.manager,
  ): Promise<InformationSetEntity[]> {
    const rows = await m.getRepository(InformationSetEntity).find({
      where: { id: In(ids) },
      relations: { informationOwner: true },
    });
    return ids.map((id) => rows.find((r) => r.id === id)!);
  }
}
