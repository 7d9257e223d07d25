import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CredentialEntity, PasswordService } from '@varna/auth';
import { Clock } from '@varna/core';
import { HistoryService } from '@varna/history';
import {
  OrgUnitEntity,
  PersonEntity,
  RoleAssignmentEntity,
  TenantEntity,
  unionOfPaths,
} from '@varna/organisation';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { EXEMPELBY_ORG_UNITS, EXEMPELBY_PEOPLE, EXEMPELBY_TENANT } from './exempelby.data';

/** Dates of the demo are written for 2026 (DEMO_NOW 2026-11-16) and shifted by whole years (§6). */
const DEMO_YEAR = 2026;
const DEFAULT_VALID_FROM = '2023-01-01';

export interface SeedResult {
  created: boolean;
  tenantId: string;
  people: number;
  orgUnits: number;
  roleAssignments: number;
}

export interface SeedOptions {
  password: string;
  /** Shift dates so that the demo is current in this year; D-67: tests seed unshifted (0). */
  yearShift?: number;
}

const SYSTEM = { actorId: null, actorRoles: ['SYSTEM'] };

/** Seeds "Exempelby kommun" (domain.md §6.1–6.2) once; a second run changes nothing. */
@Injectable()
export class DemoSeeder {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly history: HistoryService,
    private readonly passwords: PasswordService,
    private readonly clock: Clock,
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
        return { created: false, tenantId: existing.id, people: 0, orgUnits: 0, roleAssignments: 0 };
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
      return {
        created: true,
        tenantId: tenant.id,
        people: people.size,
        orgUnits: units.size,
        roleAssignments: assignments,
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
