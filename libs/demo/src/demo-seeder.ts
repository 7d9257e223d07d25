import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CredentialEntity, PasswordService } from '@varna/auth';
import { ClassificationEntity } from '@varna/classification';
import { Clock, stockholmDate } from '@varna/core';
import { HistoryService } from '@varna/history';
import {
  formatIncidentNumber,
  IncidentEntity,
  IncidentSecrecyMarkingEntity,
  IncidentTimelineEntryEntity,
  parseStockholm,
  RegulatoryObligationEntity,
  scheduleStage,
  stageDefinition,
} from '@varna/incident';
import {
  AssetDependencyEntity,
  AssetEntity,
  AssetInformationLinkEntity,
  InformationSetEntity,
  refreshLinkedFacts,
  type LinkRole,
} from '@varna/information';
import {
  OrgUnitEntity,
  PersonEntity,
  RoleAssignmentEntity,
  TenantEntity,
  unionOfPaths,
} from '@varna/organisation';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import {
  EXEMPELBY_INCIDENTS,
  EXEMPELBY_ORG_UNITS,
  EXEMPELBY_PEOPLE,
  EXEMPELBY_TENANT,
} from './exempelby.data';
import {
  EXEMPELBY_ASSET_DEPENDENCIES,
  EXEMPELBY_ASSETS,
  EXEMPELBY_INFORMATION_SETS,
} from './exempelby-registers.data';
import type { DemoAsset, DemoIncident, DemoInstant } from './exempelby.types';
import { DemoClassificationSeeder } from './classification-seeder';

/** Dates of the demo are written for 2026 (DEMO_NOW 2026-11-16) and shifted by whole years (§6). */
const DEMO_YEAR = 2026;
const DEFAULT_VALID_FROM = '2023-01-01';

export interface SeedResult {
  created: boolean;
  tenantId: string;
  people: number;
  orgUnits: number;
  roleAssignments: number;
  incidents: number;
  informationSets: number;
  assets: number;
  classifications: number;
}

export interface SeedOptions {
  password: string;
  /** Shift dates so that the demo is current in this year; D-67: tests seed unshifted (0). */
  yearShift?: number;
}

const SYSTEM = { actorId: null, actorRoles: ['SYSTEM'] };

/**
 * Seeds "Exempelby kommun" (domain.md §6.1–6.4, 6.6) once; a second run changes nothing. A demo
 * kommun seeded before incidents (or the registers) existed gets them on the next run.
 */
@Injectable()
export class DemoSeeder {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly history: HistoryService,
    private readonly passwords: PasswordService,
    private readonly clock: Clock,
    private readonly classifications: DemoClassificationSeeder,
  ) {}

  defaultYearShift(): number {
    return Math.max(0, this.clock.now().getUTCFullYear() - DEMO_YEAR);
  }

  async seed(options: SeedOptions): Promise<SeedResult> {
    this.passwords.assertAcceptable(options.password);
    const shift = options.yearShift ?? this.defaultYearShift();
    const date = (iso: string) => `${Number(iso.slice(0, 4)) + shift}${iso.slice(4)}`;
    const passwordHash = await this.passwords.hash(options.password);

    return this.dataSource.transaction(async (m) => {
      const existing = await m.findOneBy(TenantEntity, { code: EXEMPELBY_TENANT.code });
      if (existing) {
        const incidents = (await m.exists(IncidentEntity, { where: { tenantId: existing.id } }))
          ? 0
          : await this.seedIncidents(m, existing.id, ...(await this.existingRows(m, existing.id)), shift);
        const registers = (await m.exists(InformationSetEntity, { where: { tenantId: existing.id } }))
          ? { informationSets: 0, assets: 0 }
          : await this.seedRegisters(m, existing.id, ...(await this.existingRows(m, existing.id)));
        const classifications = (await m.exists(ClassificationEntity, { where: { tenantId: existing.id } }))
          ? 0
          : await this.classifications.seed(m, existing.id, shift);
        return {
          created: false,
          tenantId: existing.id,
          people: 0,
          orgUnits: 0,
          roleAssignments: 0,
          incidents,
          ...registers,
          classifications,
        };
      }
      const tenant = await m.save(TenantEntity, m.create(TenantEntity, { ...EXEMPELBY_TENANT }));
      const units = await this.seedUnits(m, tenant.id, date(DEFAULT_VALID_FROM));
      const people = await this.seedPeople(m, tenant.id, units, passwordHash);
      let assignments = 0;
      for (const demo of EXEMPELBY_PEOPLE) {
        for (const a of demo.assignments) {
          const assigned = a.units.map((code) => units.get(code) as OrgUnitEntity);
          const row = await m.save(
            RoleAssignmentEntity,
            m.create(RoleAssignmentEntity, {
              tenantId: tenant.id,
              personId: (people.get(demo.username) as PersonEntity).id,
              role: a.role,
              orgUnitIds: assigned.map((u) => u.id),
              orgUnitPaths: unionOfPaths(assigned),
              includeSubtree: a.includeSubtree,
              validFrom: date(a.validFrom ?? DEFAULT_VALID_FROM),
              validTo: a.validTo ? date(a.validTo) : null,
              appointedById: null,
              appointmentRef: null,
              deputyForId: null,
              isActing: false,
            }),
          );
          await this.record(m, tenant.id, 'RoleAssignment', row.id, row);
          assignments += 1;
        }
      }
      const incidents = await this.seedIncidents(m, tenant.id, units, people, shift);
      const registers = await this.seedRegisters(m, tenant.id, units, people);
      const classifications = await this.classifications.seed(m, tenant.id, shift);
      return {
        created: true,
        tenantId: tenant.id,
        people: people.size,
        orgUnits: units.size,
        roleAssignments: assignments,
        incidents,
        ...registers,
        classifications,
      };
    });
  }

  private async seedUnits(m: EntityManager, tenantId: string, validFrom: string) {
    const units = new Map<string, OrgUnitEntity>();
    for (const u of EXEMPELBY_ORG_UNITS) {
      const parent = u.parent ? units.get(u.parent) : undefined;
      if (u.parent && !parent) throw new Error(`Demo data: parent ${u.parent} of ${u.code} comes later`);
      const serves = u.servesCommittee ? units.get(u.servesCommittee) : undefined;
      if (u.servesCommittee && !serves)
        throw new Error(`Demo data: ${u.servesCommittee} served by ${u.code} comes later`);
      const id = randomUUID();
      const row = await m.save(
        OrgUnitEntity,
        m.create(OrgUnitEntity, {
          id,
          tenantId,
          code: u.code,
          name: u.name,
          shortName: u.shortName,
          type: u.type,
          parentId: parent?.id ?? null,
          path: [...(parent?.path ?? []), id],
          isDataController: u.isDataController,
          servesCommitteeId: serves?.id ?? null,
          coveredByCyberSecurityAct: u.coveredByCyberSecurityAct,
          nisSector: u.nisSector ?? null,
          headcount: u.headcount,
          aliases: u.aliases ?? [],
          status: 'ACTIVE',
          validFrom,
          validTo: null,
        }),
      );
      await this.record(m, tenantId, 'OrgUnit', row.id, row);
      units.set(u.code, row);
    }
    return units;
  }

  private async seedPeople(
    m: EntityManager,
    tenantId: string,
    units: Map<string, OrgUnitEntity>,
    passwordHash: string,
  ) {
    const people = new Map<string, PersonEntity>();
    for (const p of EXEMPELBY_PEOPLE) {
      const row = await m.save(
        PersonEntity,
        m.create(PersonEntity, {
          tenantId,
          username: p.username,
          displayName: p.displayName,
          email: `${p.username}@exempelby.example`,
          phone: null,
          employeeNumber: null,
          homeOrgUnitId: (units.get(p.homeUnit) as OrgUnitEntity).id,
          hasOwnComputer: p.hasOwnComputer,
          isElected: p.isElected,
          externalOrganisation: p.externalOrganisation ?? null,
          status: 'ACTIVE',
          identityProviderSubject: null,
        }),
      );
      await m.save(
        CredentialEntity,
        m.create(CredentialEntity, {
          personId: row.id,
          tenantId,
          passwordHash,
          passwordChangedAt: this.clock.now(),
        }),
      );
      await this.record(m, tenantId, 'Person', row.id, row);
      people.set(p.username, row);
    }
    return people;
  }

  private async existingRows(
    m: EntityManager,
    tenantId: string,
  ): Promise<[Map<string, OrgUnitEntity>, Map<string, PersonEntity>]> {
    const units = await m.findBy(OrgUnitEntity, { tenantId });
    const people = await m.findBy(PersonEntity, { tenantId });
    return [new Map(units.map((u) => [u.code, u])), new Map(people.map((p) => [p.username, p]))];
  }

  /**
   * §6.6 with its clock stages. Numbers follow the demo ids (INC-01 → INC-<year>-0001); the counter
   * continues after them. Each incident's first timeline entry holds the reporter's words.
   */
  private async seedIncidents(
    m: EntityManager,
    tenantId: string,
    units: Map<string, OrgUnitEntity>,
    people: Map<string, PersonEntity>,
    shift: number,
  ): Promise<number> {
    const now = this.clock.now();
    const at = (t: DemoInstant): Date =>
      typeof t === 'string'
        ? parseStockholm(`${Number(t.slice(0, 4)) + shift}${t.slice(4)}`)
        : new Date(now.getTime() - t.hoursBeforeSeed * 3_600_000);
    const personId = (username: string) => {
      const found = people.get(username);
      if (!found) throw new Error(`Demo data: no person ${username}`);
      return found.id;
    };
    const counters = new Map<number, number>();
    for (const d of EXEMPELBY_INCIDENTS) {
      const unit = units.get(d.unit);
      if (!unit) throw new Error(`Demo data: no unit ${d.unit}`);
      const awareAt = at(d.awareAt);
      const year = Number(stockholmDate(awareAt).slice(0, 4));
      const sequence = Number(d.ref.slice(4));
      counters.set(year, Math.max(counters.get(year) ?? 0, sequence));
      const incident = await m.save(
        IncidentEntity,
        this.incidentRow(d, tenantId, unit, awareAt, at, personId, year, sequence),
      );
      await m.save(
        IncidentTimelineEntryEntity,
        m.create(IncidentTimelineEntryEntity, {
          tenantId,
          incidentId: incident.id,
          seq: 1,
          orgUnitId: unit.id,
          orgUnitPath: unit.path,
          incidentType: incident.type,
          occurredAt: incident.reportedAt,
          actorId: incident.reporterId,
          kind: 'CREATED',
          text: incident.description,
          data: {
            number: incident.number,
            title: incident.title,
            orgUnitId: unit.id,
            channel: incident.channel,
          },
        }),
      );
      await this.record(m, tenantId, 'Incident', incident.id, incident);
      let seq = 1;
      for (const s of d.secrecyMarkings ?? []) {
        // As the secrecy service writes it: the marking, a SECRECY_MARKED entry, the history.
        const marking = await m.save(
          IncidentSecrecyMarkingEntity,
          m.create(IncidentSecrecyMarkingEntity, {
            tenantId,
            incidentId: incident.id,
            fieldPaths: s.fieldPaths,
            provision: s.provision,
            reason: s.reason,
            markedById: personId(s.by),
            markedAt: at(s.at),
          }),
        );
        await m.save(
          IncidentTimelineEntryEntity,
          m.create(IncidentTimelineEntryEntity, {
            tenantId,
            incidentId: incident.id,
            seq: ++seq,
            orgUnitId: unit.id,
            orgUnitPath: unit.path,
            incidentType: incident.type,
            occurredAt: marking.markedAt,
            actorId: marking.markedById,
            kind: 'SECRECY_MARKED',
            text: marking.reason,
            data: { markingId: marking.id, fieldPaths: marking.fieldPaths, provision: marking.provision },
          }),
        );
        await this.history.record(m, {
          ...SYSTEM,
          tenantId,
          action: 'mark-secrecy',
          entityType: 'Incident',
          entityId: incident.id,
          before: null,
          after: marking,
          reason: marking.reason,
        });
      }
      for (const o of d.obligations) {
        const definition = stageDefinition(o.regime, o.stage);
        const anchorAt = o.anchorAt ? at(o.anchorAt) : definition.anchor === 'AWARE_AT' ? awareAt : null;
        const row = await m.save(
          RegulatoryObligationEntity,
          m.create(RegulatoryObligationEntity, {
            tenantId,
            incidentId: incident.id,
            orgUnitId: unit.id,
            orgUnitPath: unit.path,
            regime: o.regime,
            stage: o.stage,
            anchor: definition.anchor,
            ...scheduleStage(definition, anchorAt),
            receiver: definition.receiver,
            decision: o.submitted ? 'SUBMITTED' : o.notRequired ? 'NOT_REQUIRED' : null,
            submittedAt: o.submitted ? at(o.submitted.at) : null,
            submittedById: o.submitted ? personId(o.submitted.by) : null,
            lateReason: o.submitted?.lateReason ?? null,
            decidedById: o.notRequired ? personId(o.notRequired.by) : null,
            decidedAt: o.notRequired ? at(o.notRequired.at) : null,
            notRequiredReason: o.notRequired?.reason ?? null,
            art34Exemption: o.notRequired?.art34Exemption ?? null,
            externalReference: null,
            firstPhase: false,
          }),
        );
        await this.record(m, tenantId, 'RegulatoryObligation', row.id, row);
      }
    }
    for (const [year, last] of counters) {
      await m.query(
        `INSERT INTO incident_number_counter (tenant_id, year, last_value) VALUES ($1, $2, $3)
         ON CONFLICT (tenant_id, year) DO UPDATE SET last_value = greatest(incident_number_counter.last_value, $3)`,
        [tenantId, year, last],
      );
    }
    return EXEMPELBY_INCIDENTS.length;
  }

  private incidentRow(
    d: DemoIncident,
    tenantId: string,
    unit: OrgUnitEntity,
    awareAt: Date,
    at: (t: DemoInstant) => Date,
    personId: (username: string) => string,
    year: number,
    sequence: number,
  ): Partial<IncidentEntity> {
    return {
      tenantId,
      number: formatIncidentNumber(year, sequence),
      type: d.type,
      subtype: d.subtype,
      title: d.title,
      description: d.description,
      orgUnitId: unit.id,
      orgUnitPath: unit.path,
      reporterId: personId(d.reporter),
      reportedOnBehalfOfName: null,
      channel: d.channel,
      occurredAt: null,
      discoveredAt: awareAt,
      reportedAt: awareAt,
      awareAt,
      ongoing: d.ongoing,
      personalDataInvolved: d.personalDataInvolved,
      severity: d.severity,
      aspectsAffected: d.aspectsAffected ?? [],
      handlerId: d.handler ? personId(d.handler) : null,
      coordinatorId: d.coordinator ? personId(d.coordinator) : null,
      status: d.status,
      rejectionReason: d.rejectionReason ?? null,
      breachRiskAssessment: d.breachRiskAssessment ?? null,
      significantUnderCyberAct: d.significantUnderCyberAct ?? null,
      rootCauseCategory: d.rootCauseCategory ?? null,
      rootCause: d.rootCause ?? null,
      consequences: d.consequences ?? null,
      measures: d.measures ?? null,
      lessonsLearned: d.lessonsLearned ?? null,
      qualityDeviationRef: d.qualityDeviationRef ?? null,
      triagedAt: d.triagedAt ? at(d.triagedAt) : null,
      closedAt: d.closedAt ? at(d.closedAt) : null,
      idempotencyKey: null,
      idempotencyHash: null,
    };
  }

  /**
   * §6.3 and §6.4: the 40 sets and 30 assets, ACTIVE as after an inventory import (D-53), with their
   * links and dependencies; no classifications (4b is seeded by its own context). Owners carry no
   * appointment (nobody appointed them in Värna).
   */
  private async seedRegisters(
    m: EntityManager,
    tenantId: string,
    units: Map<string, OrgUnitEntity>,
    people: Map<string, PersonEntity>,
  ): Promise<{ informationSets: number; assets: number }> {
    const unit = (code: string) => {
      const found = units.get(code);
      if (!found) throw new Error(`Demo data: no unit ${code}`);
      return found;
    };
    const person = (username: string | null) => {
      if (username === null) return null;
      const found = people.get(username);
      if (!found) throw new Error(`Demo data: no person ${username}`);
      return found.id;
    };
    const sets = new Map<string, InformationSetEntity>();
    for (const d of EXEMPELBY_INFORMATION_SETS) {
      const row = await m.save(
        InformationSetEntity,
        m.create(InformationSetEntity, {
          tenantId,
          code: d.code,
          name: d.name,
          description: d.description ?? null,
          orgUnitId: unit(d.unit).id,
          orgUnitPath: unit(d.unit).path,
          informationOwnerId: person(d.owner),
          informationOwnerAppointedById: null,
          informationOwnerAppointedAt: null,
          informationOwnerAppointmentRef: null,
          recordsClassCode: null,
          containsPersonalData: d.pu.includes('P'),
          personalDataCategories: [],
          specialCategoryData: d.pu.includes('9'),
          criminalOffenceData: false,
          concernsChildren: d.pu.includes('B'),
          protectedIdentity: d.pu.includes('SI'),
          secrecyProvisions: d.secrecyProvisions,
          legalBases: [],
          specialHandling: d.specialHandling ?? false,
          retention: null,
          status: 'ACTIVE',
          classificationId: null,
          classificationDueAt: null,
          assetKeeperIds: [],
        }),
      );
      await this.record(m, tenantId, 'InformationSet', row.id, row);
      sets.set(d.code, row);
    }
    const assets = new Map<string, AssetEntity>();
    for (const d of EXEMPELBY_ASSETS) {
      const row = await m.save(
        AssetEntity,
        m.create(AssetEntity, {
          tenantId,
          code: d.code,
          name: d.name,
          description: null,
          type: d.type,
          subtype: d.subtype ?? null,
          orgUnitId: unit(d.unit).id,
          orgUnitPath: unit(d.unit).path,
          assetOwnerId: person(d.owner),
          assetOwnerAppointedById: null,
          assetOwnerAppointedAt: null,
          assetOwnerAppointmentRef: null,
          systemManagerId: person(d.systemManager),
          systemManagerAppointedById: null,
          systemManagerAppointedAt: null,
          systemManagerAppointmentRef: null,
          providerOrgUnitId: d.provider ? unit(d.provider).id : null,
          supplierName: null,
          hosting: d.hosting,
          thirdCountryProcessing: d.thirdCountryProcessing ?? false,
          mfaRequired: d.mfaRequired ?? false,
          internetExposed: false,
          criticality: 'NORMAL',
          rtoHours: null,
          rpoHours: null,
          status: 'ACTIVE',
          containsPersonalData: false,
          specialCategoryData: false,
          informationOwnerIds: [],
          derivedLevels: null,
          effectiveLevels: null,
          classificationComplete: false,
        }),
      );
      for (const code of d.informationSets) {
        const linked = sets.get(code);
        if (!linked) throw new Error(`Demo data: no information set ${code}`);
        await m.save(
          AssetInformationLinkEntity,
          m.create(AssetInformationLinkEntity, {
            tenantId,
            assetId: row.id,
            informationSetId: linked.id,
            role: linkRole(d),
            note: null,
          }),
        );
      }
      await this.record(m, tenantId, 'Asset', row.id, row);
      assets.set(d.code, row);
    }
    for (const d of EXEMPELBY_ASSET_DEPENDENCIES) {
      const [dependant, supporting] = [assets.get(d.asset), assets.get(d.supporting)];
      if (!dependant || !supporting) throw new Error(`Demo data: dependency ${d.asset} → ${d.supporting}`);
      await m.save(
        AssetDependencyEntity,
        m.create(AssetDependencyEntity, {
          tenantId,
          assetId: dependant.id,
          supportingAssetId: supporting.id,
          note: null,
        }),
      );
    }
    // BR-A4 flags and the keeper/owner ids, as every change in the registers keeps them.
    await refreshLinkedFacts(m, tenantId, { assetIds: [...assets.values()].map((a) => a.id) });
    return { informationSets: sets.size, assets: assets.size };
  }

  private record(m: EntityManager, tenantId: string, entityType: string, entityId: string, after: object) {
    return this.history.record(m, {
      ...SYSTEM,
      tenantId,
      action: 'seed',
      entityType,
      entityId,
      before: null,
      after,
    });
  }
}

/** How a demo asset carries its sets: a process uses them, storage and rooms store them. */
function linkRole(asset: DemoAsset): LinkRole {
  if (asset.type === 'PROCESS') return 'USED_IN';
  if (asset.type === 'PHYSICAL_STORAGE' || asset.type === 'SPACE') return 'STORES';
  return 'PROCESSES';
}
