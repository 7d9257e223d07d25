import { subject as tag } from '@casl/ability';
import { defineAbilityFor, type AppSubject, type Grant, type Role } from '@varna/authz';
import { describe, expect, it } from 'vitest';
import { ASSET_TRANSITIONS, availableTransitions, INFORMATION_SET_TRANSITIONS } from './domain/lifecycle';

/*
 * The register rules of §3.3 as the ability sees them (the SQL side is the parity test's), and the
 * state machines of §4a.
 */
const TENANT = 't1';
const ME = 'me';
const OTHER = 'someone';
// ROOT → A → A1, ROOT → B
const PATHS: Record<string, string[]> = { A: ['ROOT', 'A'], A1: ['ROOT', 'A', 'A1'], B: ['ROOT', 'B'] };
const grant = (role: Role, units: string[]): Grant => ({ role, orgUnitIds: units, includeSubtree: true });
const abilityOf = (home: string, ...grants: Grant[]) =>
  defineAbilityFor({ personId: ME, tenantId: TENANT, homeOrgUnitId: home, grants });

const set = (
  unit: string,
  fields: { owner?: string | null; keepers?: string[]; specialHandling?: boolean } = {},
) =>
  tag('InformationSet', {
    id: 's1',
    tenantId: TENANT,
    orgUnitId: unit,
    orgUnitPath: PATHS[unit],
    informationOwnerId: fields.owner ?? null,
    assetKeeperIds: fields.keepers ?? [],
    specialHandling: fields.specialHandling ?? false,
  }) as AppSubject;
const asset = (
  unit: string,
  fields: { owner?: string | null; manager?: string | null; infoOwners?: string[] } = {},
) =>
  tag('Asset', {
    id: 'a1',
    tenantId: TENANT,
    orgUnitId: unit,
    orgUnitPath: PATHS[unit],
    assetOwnerId: fields.owner ?? null,
    systemManagerId: fields.manager ?? null,
    informationOwnerIds: fields.infoOwners ?? [],
  }) as AppSubject;

describe('the name view of a medarbetare', () => {
  const employee = abilityOf('A1');
  it('reads code, name and unit of the rows of the home unit only', () => {
    for (const row of [set('A1'), asset('A1')]) {
      expect(employee.can('read', row)).toBe(true);
      expect(employee.can('read', row, 'name')).toBe(true);
      expect(employee.can('read', row, 'description')).toBe(false);
      expect(employee.can('read', row, 'informationOwnerId')).toBe(false);
      expect(employee.can('update', row)).toBe(false);
    }
    expect(employee.can('read', set('A'))).toBe(false);
    expect(employee.can('read', set('B'))).toBe(false);
  });
});

describe('field-limited updates', () => {
  it('the DPO reads the scope and changes only the personal-data fields of sets', () => {
    const dpo = abilityOf('B', grant('DPO', ['A']));
    expect(dpo.can('read', set('A1'), 'description')).toBe(true);
    expect(dpo.can('update', set('A1'), 'containsPersonalData')).toBe(true);
    expect(dpo.can('update', set('A1'), 'personalDataCategories')).toBe(true);
    for (const field of ['name', 'description', 'informationOwnerId', 'status', 'secrecyProvisions']) {
      expect(dpo.can('update', set('A1'), field), field).toBe(false);
    }
    expect(dpo.can('update', set('B'), 'containsPersonalData')).toBe(false);
    expect(dpo.can('update', asset('A1'))).toBe(false);
  });

  it('the system manager changes the technical fields of own assets; not links, status or owners', () => {
    const manager = abilityOf('B');
    const mine = asset('A1', { manager: ME });
    expect(manager.can('read', mine, 'description')).toBe(true);
    for (const field of ['hosting', 'mfaRequired', 'rtoHours', 'supplierName']) {
      expect(manager.can('update', mine, field), field).toBe(true);
    }
    for (const field of [
      'name',
      'assetOwnerId',
      'systemManagerId',
      'status',
      'informationSets',
      'dependencies',
    ]) {
      expect(manager.can('update', mine, field), field).toBe(false);
    }
    expect(manager.can('update', asset('A1', { manager: OTHER }), 'hosting')).toBe(false);
  });

  it('owners read, change and export their own rows in full', () => {
    const owner = abilityOf('B');
    for (const row of [set('A1', { owner: ME }), asset('A1', { owner: ME })]) {
      for (const action of ['read', 'update', 'export'] as const)
        expect(owner.can(action, row, 'status')).toBe(true);
      expect(owner.can('create', row)).toBe(false);
    }
  });
});

describe('scope O through links (BR-A3)', () => {
  it('the asset keepers read the sets their assets carry; information owners the assets carrying theirs', () => {
    const someone = abilityOf('B');
    expect(someone.can('read', set('A1', { keepers: [OTHER, ME] }), 'description')).toBe(true);
    expect(someone.can('update', set('A1', { keepers: [ME] }))).toBe(false);
    expect(someone.can('read', asset('A1', { infoOwners: [ME] }), 'description')).toBe(true);
    expect(someone.can('update', asset('A1', { infoOwners: [ME] }))).toBe(false);
    expect(someone.can('read', set('A1', { keepers: [OTHER] }))).toBe(false);
  });
});

describe('roles without rows', () => {
  it.each(['ELECTED', 'READER'] as const)(
    '%s reads no register rows in scope (aggregates only, D-68)',
    (role) => {
      const ability = abilityOf('B', grant(role, ['A']));
      expect(ability.can('read', set('A1'))).toBe(false);
      expect(ability.can('read', asset('A1'))).toBe(false);
    },
  );

  it('the säkerhetsskyddschef reads special-handling sets only (D-68)', () => {
    const spo = abilityOf('B', grant('SECURITY_PROTECTION_OFFICER', ['ROOT']));
    expect(spo.can('read', set('A1', { specialHandling: true }))).toBe(true);
    expect(spo.can('read', set('A1'))).toBe(false);
    expect(spo.can('update', set('A1', { specialHandling: true }))).toBe(false);
  });

  it('scope roles: COORDINATOR and HEAD create and change in scope, MANAGER reads, AUDITOR reads and exports all', () => {
    for (const role of ['COORDINATOR', 'HEAD'] as const) {
      const ability = abilityOf('B', grant(role, ['A']));
      expect(ability.can('create', set('A1'))).toBe(true);
      expect(ability.can('update', asset('A1'), 'informationSets')).toBe(true);
      expect(ability.can('create', set('B'))).toBe(false);
    }
    const manager = abilityOf('B', grant('MANAGER', ['A']));
    expect(manager.can('read', asset('A1'), 'description')).toBe(true);
    expect(manager.can('update', asset('A1'))).toBe(false);
    const auditor = abilityOf('B', grant('AUDITOR', ['ROOT']));
    expect(auditor.can('export', set('B'))).toBe(true);
    expect(auditor.can('update', set('B'))).toBe(false);
  });
});

describe('state machines (§4a)', () => {
  it('information sets: coordinators and heads activate; coordinators and owners retire', () => {
    expect(availableTransitions(INFORMATION_SET_TRANSITIONS, 'DRAFT', ['HEAD'], false)).toEqual(['ACTIVE']);
    expect(availableTransitions(INFORMATION_SET_TRANSITIONS, 'DRAFT', ['MANAGER'], true)).toEqual([]);
    expect(availableTransitions(INFORMATION_SET_TRANSITIONS, 'ACTIVE', ['EMPLOYEE'], true)).toEqual([
      'RETIRED',
    ]);
    expect(availableTransitions(INFORMATION_SET_TRANSITIONS, 'ACTIVE', ['HEAD'], false)).toEqual([]);
    expect(availableTransitions(INFORMATION_SET_TRANSITIONS, 'RETIRED', ['CISO'], true)).toEqual([]);
  });

  it('assets: the owner and the coordinator bring it into use, the owner phases it out', () => {
    expect(availableTransitions(ASSET_TRANSITIONS, 'PLANNED', ['COORDINATOR'], false)).toEqual([
      'PROCUREMENT',
      'ACTIVE',
      'RETIRED',
    ]);
    expect(availableTransitions(ASSET_TRANSITIONS, 'ACTIVE', ['COORDINATOR'], false)).toEqual([]);
    expect(availableTransitions(ASSET_TRANSITIONS, 'ACTIVE', ['EMPLOYEE'], true)).toEqual(['PHASE_OUT']);
    expect(availableTransitions(ASSET_TRANSITIONS, 'PHASE_OUT', ['CISO'], false)).toEqual(['RETIRED']);
    expect(ASSET_TRANSITIONS.filter((t) => t.reasonRequired).map((t) => `${t.from}→${t.to}`)).toEqual([
      'PLANNED→RETIRED',
      'PROCUREMENT→RETIRED',
    ]);
  });
});
