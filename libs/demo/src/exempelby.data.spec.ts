import {
  applicableRegimes,
  closingIssues,
  DEVIATION_SUBTYPES,
  stageDefinition,
  subtypeFits,
  validateDisposition,
  type IncidentFacts,
} from '@varna/incident';
import { describe, expect, it } from 'vitest';
import {
  EXEMPELBY_INCIDENTS,
  EXEMPELBY_ORG_UNITS,
  EXEMPELBY_PEOPLE,
  EXEMPELBY_TENANT,
} from './exempelby.data';
import type {
  DemoOrgUnit,
  DemoOrgUnitType,
  DemoPerson,
  DemoRole,
  DemoRoleAssignment,
} from './exempelby.types';

const units = EXEMPELBY_ORG_UNITS;
const people = EXEMPELBY_PEOPLE;
const unitByCode = new Map<string, DemoOrgUnit>(units.map((u) => [u.code, u]));
const allAssignments: DemoRoleAssignment[] = people.flatMap((p) => p.assignments);

function unit(code: string): DemoOrgUnit {
  const found = unitByCode.get(code);
  if (!found) throw new Error(`No org unit ${code}`);
  return found;
}

function personNamed(username: string): DemoPerson {
  const found = people.find((p) => p.username === username);
  if (!found) throw new Error(`No person ${username}`);
  return found;
}

function countByType(type: DemoOrgUnitType): number {
  return units.filter((u) => u.type === type).length;
}

/** Codes of ancestors of a unit, nearest first. */
function ancestors(code: string): string[] {
  const result: string[] = [];
  let current = unit(code).parent;
  while (current !== null) {
    result.push(current);
    current = unit(current).parent;
  }
  return result;
}

function assignmentsWithRole(role: DemoRole): DemoRoleAssignment[] {
  return allAssignments.filter((a) => a.role === role);
}

/** Units covered by at least one assignment of `role` (subtree-aware). */
function coveredBy(role: DemoRole, code: string): boolean {
  const lineage = [code, ...ancestors(code)];
  return assignmentsWithRole(role).some((a) =>
    a.units.some((u) => u === code || (a.includeSubtree && lineage.includes(u))),
  );
}

describe('Exempelby tenant', () => {
  it('has the fixed name, code and organisation number', () => {
    expect(EXEMPELBY_TENANT).toEqual({
      name: 'Exempelby kommun',
      code: 'exempelby',
      organisationNumber: '212000-0000',
    });
  });
});

describe('Exempelby organisation (§6.1)', () => {
  it('has 56 units with unique codes', () => {
    expect(units).toHaveLength(56);
    expect(new Set(units.map((u) => u.code)).size).toBe(56);
  });

  it('has exactly one TENANT_ROOT, which is ROOT and the only node without a parent', () => {
    const roots = units.filter((u) => u.type === 'TENANT_ROOT');
    expect(roots.map((u) => u.code)).toEqual(['ROOT']);
    expect(units.filter((u) => u.parent === null).map((u) => u.code)).toEqual(['ROOT']);
    expect(unit('ROOT').name).toBe('Exempelby kommun');
  });

  it('lists every parent before its children', () => {
    const seen = new Set<string>();
    for (const u of units) {
      if (u.parent !== null) {
        expect(unitByCode.has(u.parent), `${u.code}: parent ${u.parent} exists`).toBe(true);
        expect(seen.has(u.parent), `${u.code}: parent ${u.parent} listed earlier`).toBe(true);
      }
      seen.add(u.code);
    }
  });

  it('has the counts by type of §6.1', () => {
    expect(countByType('TENANT_ROOT')).toBe(1);
    expect(countByType('COUNCIL')).toBe(1);
    expect(countByType('AUDIT_BODY')).toBe(1);
    expect(countByType('EXECUTIVE_BOARD')).toBe(1);
    // 7 facknämnder + KLN
    expect(countByType('COMMITTEE')).toBe(8);
    expect(countByType('ADMINISTRATION')).toBe(12);
    expect(countByType('COMPANY')).toBe(2);
    expect(countByType('UNIT')).toBe(30);
    expect(countByType('DIVISION')).toBe(0);
    expect(countByType('JOINT_BODY')).toBe(0);
    expect(countByType('PROJECT')).toBe(0);
  });

  it('places the political top: ROOT → KF → REV, and KS, KLN, nämnder and bolag under ROOT', () => {
    expect(unit('KF')).toMatchObject({ type: 'COUNCIL', parent: 'ROOT', name: 'Kommunfullmäktige' });
    expect(unit('REV')).toMatchObject({ type: 'AUDIT_BODY', parent: 'KF', name: 'Kommunrevisionen' });
    expect(unit('KS')).toMatchObject({ type: 'EXECUTIVE_BOARD', parent: 'ROOT', name: 'Kommunstyrelsen' });
    expect(unit('KLN')).toMatchObject({ type: 'COMMITTEE', parent: 'ROOT', isDataController: false });
    const underRoot = units
      .filter((u) => u.parent === 'ROOT')
      .map((u) => u.code)
      .sort();
    expect(underRoot).toEqual(
      ['KF', 'KS', 'KLN', 'BUN', 'SOCN', 'VON', 'SERN', 'SBN', 'KFN', 'MBN', 'EVE', 'EBH'].sort(),
    );
  });

  it('has the full names of the facknämnder', () => {
    expect(unit('BUN').name).toBe('Barn- och utbildningsnämnden');
    expect(unit('SOCN').name).toBe('Socialnämnden');
    expect(unit('VON').name).toBe('Vård- och omsorgsnämnden');
    expect(unit('SERN').name).toBe('Servicenämnden');
    expect(unit('SBN').name).toBe('Samhällsbyggnadsnämnden');
    expect(unit('KFN').name).toBe('Kultur- och fritidsnämnden');
    expect(unit('MBN').name).toBe('Miljö- och byggnadsnämnden');
  });

  it('places each förvaltning under the nämnd it serves', () => {
    const expected: Record<string, string> = {
      KLF: 'KS',
      FSF: 'BUN',
      GSF: 'BUN',
      GVF: 'BUN',
      IFF: 'SOCN',
      ALF: 'SOCN',
      VOF: 'VON',
      SK: 'SERN',
      SBF: 'SBN',
      TF: 'SBN',
      KFF: 'KFN',
      MBF: 'MBN',
    };
    const administrations = units.filter((u) => u.type === 'ADMINISTRATION');
    expect(Object.fromEntries(administrations.map((u) => [u.code, u.servesCommittee]))).toEqual(expected);
    for (const u of administrations) {
      expect(u.parent, u.code).toBe(u.servesCommittee);
    }
    // servesCommittee is only for förvaltningar
    expect(units.filter((u) => u.type !== 'ADMINISTRATION' && u.servesCommittee !== undefined)).toEqual([]);
  });

  it('places every enhet under a förvaltning or a bolag', () => {
    for (const u of units.filter((x) => x.type === 'UNIT')) {
      const parentType = unit(u.parent ?? '').type;
      expect(['ADMINISTRATION', 'COMPANY'], u.code).toContain(parentType);
      expect(u.code.startsWith(`${u.parent}-`), `${u.code} is prefixed by its parent's code`).toBe(true);
    }
    expect(unit('EVE-DRIFT')).toMatchObject({ parent: 'EVE', name: 'Drift och underhåll' });
    expect(units.filter((u) => u.parent === 'EBH')).toEqual([]);
  });

  it('spells names exactly as the table', () => {
    expect(unit('KLF-SAK').name).toBe('Säkerhetsenheten');
    expect(unit('GSF-EKB').name).toBe('Ekbackeskolan F\u20139');
    expect(unit('GSF-SJV').name).toBe('Sjöviksskolan F\u20136');
    expect(unit('GVF').name).toBe('Gymnasie- och vuxenutbildningsförvaltningen');
    expect(unit('EVE').name).toBe('Exempelby Vatten och Energi AB');
    expect(unit('EBH').name).toBe('Exempelbyhem AB');
  });

  it('respects the field limits (code ≤ 20, name ≤ 200, shortName 1–40; organ codes 2–6 capitals)', () => {
    for (const u of units) {
      expect(u.code.length, u.code).toBeLessThanOrEqual(20);
      expect(u.name.length, u.code).toBeLessThanOrEqual(200);
      expect(u.shortName.length, u.code).toBeGreaterThan(0);
      expect(u.shortName.length, `${u.code} shortName "${u.shortName}"`).toBeLessThanOrEqual(40);
    }
    for (const u of units.filter((x) => ['EXECUTIVE_BOARD', 'COMMITTEE', 'COMPANY'].includes(x.type))) {
      expect(u.code, u.code).toMatch(/^[A-Z]{2,6}$/);
    }
  });

  it('has 10 data controllers: KS, the seven facknämnder and both bolag', () => {
    const controllers = units
      .filter((u) => u.isDataController)
      .map((u) => u.code)
      .sort();
    expect(controllers).toEqual(
      ['KS', 'BUN', 'SOCN', 'VON', 'SERN', 'SBN', 'KFN', 'MBN', 'EVE', 'EBH'].sort(),
    );
  });

  it('covers the whole kommun and EVE by cybersäkerhetslagen, but not EBH (D-05, D-47)', () => {
    const notCovered = units.filter((u) => !u.coveredByCyberSecurityAct).map((u) => u.code);
    expect(notCovered).toEqual(['EBH']);
    expect(unit('EVE').nisSector).toBeTruthy();
    expect(unit('EBH').nisSector).toBeUndefined();
  });

  it('sets headcount only on förvaltningar and bolag, 5 170 in total (D-48)', () => {
    const expected: Record<string, number> = {
      KLF: 210,
      FSF: 620,
      GSF: 1150,
      GVF: 380,
      IFF: 310,
      ALF: 140,
      VOF: 1420,
      SK: 260,
      SBF: 95,
      TF: 180,
      KFF: 120,
      MBF: 60,
      EVE: 140,
      EBH: 85,
    };
    const withHeadcount = units.filter((u) => u.headcount !== 0);
    expect(Object.fromEntries(withHeadcount.map((u) => [u.code, u.headcount]))).toEqual(expected);
    expect(withHeadcount.every((u) => u.type === 'ADMINISTRATION' || u.type === 'COMPANY')).toBe(true);
    expect(units.reduce((sum, u) => sum + u.headcount, 0)).toBe(5170);
    expect(units.every((u) => Number.isInteger(u.headcount) && u.headcount >= 0)).toBe(true);
  });
});

describe('Exempelby users (§6.2)', () => {
  it('has 29 people with unique usernames', () => {
    expect(people).toHaveLength(29);
    expect(new Set(people.map((p) => p.username)).size).toBe(29);
    for (const p of people) {
      expect(p.username, p.username).toMatch(/^[a-z]+\.[a-z]+$/);
    }
  });

  it('has 31 role assignments, each naming at least one unit and including the subtree', () => {
    expect(allAssignments).toHaveLength(31);
    for (const a of allAssignments) {
      expect(a.units.length).toBeGreaterThan(0);
      expect(new Set(a.units).size).toBe(a.units.length);
      expect(a.includeSubtree).toBe(true);
    }
  });

  it('refers only to existing units', () => {
    for (const p of people) {
      expect(unitByCode.has(p.homeUnit), `${p.username} home ${p.homeUnit}`).toBe(true);
      for (const a of p.assignments) {
        for (const code of a.units) {
          expect(unitByCode.has(code), `${p.username} ${a.role} ${code}`).toBe(true);
        }
      }
    }
  });

  it('uses the home units of §6.2', () => {
    expect(personNamed('cecilia.lund').homeUnit).toBe('KLF-SAK');
    expect(personNamed('rasmus.ohman').homeUnit).toBe('KLF-SAK');
    expect(personNamed('karin.vestberg').homeUnit).toBe('KLF-KAN');
    expect(personNamed('viktor.berglof').homeUnit).toBe('SK-DRIFT');
    expect(personNamed('tove.granath').homeUnit).toBe('REV');
    expect(personNamed('hugo.palm').homeUnit).toBe('REV');
    // Everyone else: the first unit in the role column.
    const exceptions = new Set([
      'cecilia.lund',
      'rasmus.ohman',
      'karin.vestberg',
      'viktor.berglof',
      'tove.granath',
      'hugo.palm',
    ]);
    for (const p of people.filter((x) => !exceptions.has(x.username))) {
      expect(p.homeUnit, p.username).toBe(p.assignments[0]?.units[0]);
    }
    expect(personNamed('per.dahlgren').homeUnit).toBe('KLF');
  });

  it('spells display names with å, ä and ö', () => {
    expect(personNamed('rasmus.ohman').displayName).toBe('Rasmus Öhman');
    expect(personNamed('emil.hagg').displayName).toBe('Emil Hägg');
    expect(personNamed('lars.oberg').displayName).toBe('Lars Öberg');
    expect(personNamed('petter.akesson').displayName).toBe('Petter Åkesson');
    expect(personNamed('sara.ekstrom').displayName).toBe('Sara Ekström');
    expect(personNamed('viktor.berglof').displayName).toBe('Viktor Berglöf');
  });

  it('stores nora.falk as one COORDINATOR assignment on IFF and ALF', () => {
    expect(personNamed('nora.falk').assignments).toEqual([
      { role: 'COORDINATOR', units: ['IFF', 'ALF'], includeSubtree: true },
    ]);
  });

  it('makes karin.vestberg DPO of the eight kommun controllers and maria.ek DPO of the bolag', () => {
    const karin = personNamed('karin.vestberg').assignments;
    expect(karin).toHaveLength(1);
    expect(karin[0]?.role).toBe('DPO');
    expect(karin[0]?.units).toHaveLength(8);
    expect([...(karin[0]?.units ?? [])].sort()).toEqual(
      ['KS', 'BUN', 'SOCN', 'VON', 'SERN', 'SBN', 'KFN', 'MBN'].sort(),
    );
    expect(personNamed('maria.ek').assignments).toEqual([
      { role: 'DPO', units: ['EVE', 'EBH'], includeSubtree: true },
    ]);
  });

  it('gives every data controller a DPO (§3.2 validation rule)', () => {
    const dpoUnits = new Set(assignmentsWithRole('DPO').flatMap((a) => a.units));
    for (const u of units.filter((x) => x.isDataController)) {
      expect(dpoUnits.has(u.code), u.code).toBe(true);
    }
  });

  it('gives every förvaltning a coordinator except KFF (the planned gap)', () => {
    const withoutCoordinator = units
      .filter((u) => u.type === 'ADMINISTRATION' && !coveredBy('COORDINATOR', u.code))
      .map((u) => u.code);
    expect(withoutCoordinator).toEqual(['KFF']);
  });

  it('dates the auditors and only them (AUDITOR assignments have validTo)', () => {
    expect(personNamed('tove.granath').assignments).toEqual([
      { role: 'AUDITOR', units: ['ROOT'], includeSubtree: true, validTo: '2026-12-31' },
    ]);
    expect(personNamed('hugo.palm').assignments).toEqual([
      {
        role: 'AUDITOR',
        units: ['ROOT'],
        includeSubtree: true,
        validFrom: '2025-03-01',
        validTo: '2027-06-30',
      },
    ]);
    const dated = allAssignments.filter((a) => a.validFrom !== undefined || a.validTo !== undefined);
    expect(dated.map((a) => a.role)).toEqual(['AUDITOR', 'AUDITOR']);
    expect(assignmentsWithRole('AUDITOR').every((a) => a.validTo !== undefined)).toBe(true);
  });

  it('has the role mix of §6.2', () => {
    const counts = new Map<DemoRole, number>();
    for (const a of allAssignments) counts.set(a.role, (counts.get(a.role) ?? 0) + 1);
    expect(Object.fromEntries(counts)).toEqual({
      CISO: 1,
      HEAD: 7,
      READER: 1,
      SECURITY_PROTECTION_OFFICER: 1,
      MANAGER: 5,
      COORDINATOR: 5,
      DPO: 2,
      EMPLOYEE: 4,
      ELECTED: 2,
      AUDITOR: 2,
      ADMIN: 1,
    });
    expect(personNamed('per.dahlgren').assignments.map((a) => [a.role, a.units])).toEqual([
      ['HEAD', ['KLF']],
      ['READER', ['ROOT']],
    ]);
    expect(personNamed('rasmus.ohman').assignments.map((a) => [a.role, a.units])).toEqual([
      ['SECURITY_PROTECTION_OFFICER', ['ROOT']],
      ['MANAGER', ['KLF-SAK']],
    ]);
  });

  it('stores EMPLOYEE entries as an assignment on the person’s own unit', () => {
    const employees = people.filter((p) => p.assignments.some((a) => a.role === 'EMPLOYEE'));
    expect(employees.map((p) => p.username).sort()).toEqual(
      ['daniel.nyberg', 'sara.ekstrom', 'emma.rahimi', 'oskar.lindqvist'].sort(),
    );
    for (const p of employees) {
      expect(p.assignments, p.username).toEqual([
        { role: 'EMPLOYEE', units: [p.homeUnit], includeSubtree: true },
      ]);
    }
  });

  it('flags elected officials, the one person without a computer and the external auditor', () => {
    expect(
      people
        .filter((p) => p.isElected)
        .map((p) => p.username)
        .sort(),
    ).toEqual(['gunnar.alm', 'ingrid.wall', 'tove.granath']);
    expect(people.filter((p) => !p.hasOwnComputer).map((p) => p.username)).toEqual(['oskar.lindqvist']);
    expect(people.filter((p) => p.externalOrganisation !== undefined).map((p) => p.username)).toEqual([
      'hugo.palm',
    ]);
    expect(personNamed('hugo.palm').externalOrganisation).toBe('Revisionsbyrån Exempel AB');
  });
});

describe('Exempelby incidents (§6.6)', () => {
  const incidents = EXEMPELBY_INCIDENTS;
  const byRef = (ref: string) => {
    const found = incidents.find((i) => i.ref === ref);
    if (!found) throw new Error(`No incident ${ref}`);
    return found;
  };
  /** What the clock rules read, with the unit's coverage (D-05, D-47). */
  const facts = (i: (typeof incidents)[number]): IncidentFacts => ({
    type: i.type,
    personalDataInvolved: i.personalDataInvolved,
    breachRiskAssessment: i.breachRiskAssessment ?? null,
    unitCoveredByCyberSecurityAct: unit(i.unit).coveredByCyberSecurityAct,
    significantUnderCyberAct: i.significantUnderCyberAct ?? null,
    lexSarah: i.subtype === 'LEX_SARAH',
    lexMaria: i.subtype === 'LEX_MARIA',
    securityProtectionAffected: false,
    suspectedCrime: false,
  });
  const roleOf = (username: string) => personNamed(username).assignments.map((a) => a.role);

  it('has INC-01 … INC-15, in existing units, reported by demo people', () => {
    expect(incidents.map((i) => i.ref)).toEqual(
      Array.from({ length: 15 }, (_, n) => `INC-${String(n + 1).padStart(2, '0')}`),
    );
    for (const i of incidents) {
      expect(unitByCode.has(i.unit), `${i.ref} unit`).toBe(true);
      for (const who of [i.reporter, i.handler, i.coordinator].filter((x): x is string => !!x)) {
        expect(
          people.some((p) => p.username === who),
          `${i.ref} ${who}`,
        ).toBe(true);
      }
      expect(i.title.length, i.ref).toBeLessThanOrEqual(200);
      expect(subtypeFits(i.type, i.subtype), `${i.ref} subtype`).toBe(true);
    }
    expect(byRef('INC-01').reporter).toBe('emma.rahimi');
    expect([byRef('INC-05').reporter, byRef('INC-15').reporter]).toEqual([
      'oskar.lindqvist',
      'oskar.lindqvist',
    ]);
    expect(DEVIATION_SUBTYPES).toContain(byRef('INC-12').subtype);
  });

  it('has the statuses and severities of the table', () => {
    expect(incidents.map((i) => `${i.ref} ${i.status} ${i.severity ?? '-'}`)).toEqual([
      'INC-01 INVESTIGATING HIGH',
      'INC-02 CLOSED MEDIUM',
      'INC-03 CLOSED LOW',
      'INC-04 CLOSED MEDIUM',
      'INC-05 CLOSED HIGH',
      'INC-06 ACTIONS MEDIUM',
      'INC-07 CLOSED MEDIUM',
      'INC-08 INVESTIGATING LOW',
      'INC-09 CLOSED HIGH',
      'INC-10 TRIAGED MEDIUM',
      'INC-11 CLOSED HIGH',
      'INC-12 ACTIONS HIGH',
      'INC-13 CLOSED HIGH',
      'INC-14 REJECTED -',
      'INC-15 REPORTED -',
    ]);
    // ⏱ rows are relative to the seed (D-67): INC-01 at seed − 30 h, INC-15 at seed − 2 h.
    expect(byRef('INC-01').awareAt).toEqual({ hoursBeforeSeed: 30 });
    expect(byRef('INC-15').awareAt).toEqual({ hoursBeforeSeed: 2 });
    expect(incidents.filter((i) => i.significantUnderCyberAct).map((i) => i.ref)).toEqual(['INC-09']);
  });

  it('has a stage for every regime that applies, and only for those (the clock rules of §4d)', () => {
    for (const i of incidents.filter((x) => !['REPORTED', 'REJECTED'].includes(x.status))) {
      const regimes = [...new Set(i.obligations.map((o) => o.regime))];
      expect(regimes, i.ref).toEqual(applicableRegimes(facts(i)));
      for (const o of i.obligations) expect(() => stageDefinition(o.regime, o.stage), i.ref).not.toThrow();
    }
    expect(incidents.flatMap((i) => i.obligations)).toHaveLength(20);
  });

  it('decides "not required" only as the clock rules allow, by the right decider', () => {
    for (const i of incidents) {
      for (const o of i.obligations.filter((x) => x.notRequired)) {
        const issues = validateDisposition({
          obligation: {
            regime: o.regime,
            stage: o.stage,
            anchor: stageDefinition(o.regime, o.stage).anchor,
            anchorAt: null,
            deadlineAt: null,
            targetAt: null,
            submittedAt: null,
          },
          disposition: 'NOT_REQUIRED',
          reason: o.notRequired?.reason,
          decider: { roles: roleOf(o.notRequired?.by as string) },
          breachRiskAssessment: i.breachRiskAssessment ?? null,
          art34Exemption: o.notRequired?.art34Exemption ?? null,
        });
        expect(issues, `${i.ref} ${o.regime}`).toEqual([]);
      }
    }
  });

  it('lets every closed incident pass the closing guard; late submissions give their reason', () => {
    for (const i of incidents.filter((x) => x.status === 'CLOSED')) {
      const stages = i.obligations.map((o, n) => ({
        id: String(n),
        closed: !!(o.submitted || o.notRequired),
        late: !!o.submitted?.lateReason,
        lateReason: o.submitted?.lateReason ?? null,
      }));
      const incident = {
        type: i.type,
        severity: i.severity,
        rootCause: i.rootCause ?? null,
        lessonsLearned: i.lessonsLearned ?? null,
      };
      expect(closingIssues(incident, stages), i.ref).toEqual([]);
      expect(i.closedAt, i.ref).toBeDefined();
    }
    expect(byRef('INC-05').obligations[0].submitted?.lateReason).toBe(
      'Rapporten nådde ansvarig chef först på måndagen.',
    );
  });

  it('submits on behalf of the head of the unit (D-07), or the DPO/coordinator for the breach log', () => {
    for (const i of incidents) {
      for (const o of i.obligations.filter((x) => x.submitted && x.regime !== 'GDPR_ART33_5_LOG')) {
        expect(roleOf(o.submitted?.by as string), `${i.ref} ${o.regime}`).toContain('HEAD');
      }
    }
  });
});
