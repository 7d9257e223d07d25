import { INestApplicationContext } from '@nestjs/common';
import { CredentialEntity, PasswordService } from '@varna/auth';
import { Clock, conflict, stockholmDate } from '@varna/core';
import { HistoryService } from '@varna/history';
import { OrgUnitEntity, PersonEntity, RoleAssignmentEntity, TenantEntity } from '@varna/organisation';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';

export interface ProvisionTenantInput {
  code: string;
  name: string;
  organisationNumber?: string;
  adminUsername: string;
  adminDisplayName: string;
  adminEmail: string;
  adminPassword: string;
}

export interface ProvisionedTenant {
  tenantId: string;
  rootUnitId: string;
  adminPersonId: string;
}

const SYSTEM = { actorId: null, actorRoles: ['SYSTEM'] };

/**
 * Installation-level operation (CLI only): a new tenant with its root unit and a first administrator.
 * Everything else in the tenant is then done by that administrator through the API.
 */
export async function provisionTenant(
  app: INestApplicationContext,
  input: ProvisionTenantInput,
): Promise<ProvisionedTenant> {
  if (!/^[a-z0-9][a-z0-9-]{1,39}$/.test(input.code)) {
    throw new Error('Tenant code: 2–40 lower-case letters, digits or dashes');
  }
  const passwords = app.get(PasswordService);
  passwords.assertAcceptable(input.adminPassword);
  const passwordHash = await passwords.hash(input.adminPassword);
  const history = app.get(HistoryService);
  const now = app.get(Clock).now();
  const today = stockholmDate(now);

  return app.get(DataSource).transaction(async (m) => {
    if (await m.existsBy(TenantEntity, { code: input.code })) {
      throw conflict('TENANT_CODE_TAKEN', `Tenant ${input.code} exists already`);
    }
    const tenant = await m.save(
      TenantEntity,
      m.create(TenantEntity, {
        code: input.code,
        name: input.name,
        organisationNumber: input.organisationNumber ?? null,
      }),
    );
    const rootId = randomUUID();
    const root = await m.save(
      OrgUnitEntity,
      m.create(OrgUnitEntity, {
        id: rootId,
        tenantId: tenant.id,
        code: 'ROOT',
        name: input.name,
        shortName: input.name.slice(0, 40),
        type: 'TENANT_ROOT',
        parentId: null,
        path: [rootId],
        isDataController: false,
        servesCommitteeId: null,
        coveredByCyberSecurityAct: true, // D-05
        nisSector: null,
        headcount: 0,
        aliases: [],
        status: 'ACTIVE',
        validFrom: today,
        validTo: null,
      }),
    );
    const admin = await m.save(
      PersonEntity,
      m.create(PersonEntity, {
        tenantId: tenant.id,
        username: input.adminUsername.toLowerCase(),
        displayName: input.adminDisplayName,
        email: input.adminEmail,
        phone: null,
        employeeNumber: null,
        homeOrgUnitId: root.id,
        hasOwnComputer: true,
        isElected: false,
        externalOrganisation: null,
        status: 'ACTIVE',
        identityProviderSubject: null,
      }),
    );
    await m.save(
      CredentialEntity,
      m.create(CredentialEntity, {
        personId: admin.id,
        tenantId: tenant.id,
        passwordHash,
        passwordChangedAt: now,
      }),
    );
    const assignment = await m.save(
      RoleAssignmentEntity,
      m.create(RoleAssignmentEntity, {
        tenantId: tenant.id,
        personId: admin.id,
        role: 'ADMIN',
        orgUnitIds: [root.id],
        orgUnitPaths: root.path,
        includeSubtree: true,
        validFrom: today,
        validTo: null,
        appointedById: null,
        appointmentRef: null,
        deputyForId: null,
        isActing: false,
      }),
    );
    for (const [entityType, row] of [
      ['OrgUnit', root],
      ['Person', admin],
      ['RoleAssignment', assignment],
    ] as const) {
      await history.record(m, {
        ...SYSTEM,
        tenantId: tenant.id,
        action: 'provision',
        entityType,
        entityId: row.id,
        before: null,
        after: row,
      });
    }
    return { tenantId: tenant.id, rootUnitId: root.id, adminPersonId: admin.id };
  });
}
