/**
 * The demo dataset "Exempelby kommun": organisation (domain.md §6.1, 56 nodes) and users (§6.2, 29 people,
 * 31 role assignments). Plain data only; the seeder turns it into rows.
 *
 * Org units are listed so that every parent comes before its children (depth first, one nämnd at a time).
 */
import type {
  DemoOrgUnit,
  DemoOrgUnitType,
  DemoPerson,
  DemoRole,
  DemoRoleAssignment,
} from './exempelby.types';

export const EXEMPELBY_TENANT = {
  name: 'Exempelby kommun',
  code: 'exempelby',
  organisationNumber: '212000-0000',
} as const;

// ---------------------------------------------------------------------------------------------------------
// Organisation (§6.1)
// ---------------------------------------------------------------------------------------------------------

/**
 * A node of the kommun (not a bolag). D-05: cybersäkerhetslagen coverage is true on ROOT and inherited by
 * every node of the kommun, so it is set explicitly here. D-48: headcount 0 unless given.
 */
function kommunNode(
  code: string,
  name: string,
  shortName: string,
  type: DemoOrgUnitType,
  parent: string | null,
  isDataController: boolean,
): DemoOrgUnit {
  return {
    code,
    name,
    shortName,
    type,
    parent,
    isDataController,
    coveredByCyberSecurityAct: true,
    headcount: 0,
  };
}

/** A facknämnd: COMMITTEE under ROOT, data controller (seed 000 L336). */
function committee(code: string, name: string, shortName: string): DemoOrgUnit {
  return kommunNode(code, name, shortName, 'COMMITTEE', 'ROOT', true);
}

/** A förvaltning: ADMINISTRATION under the nämnd it serves, with the §6.1 headcount. */
function administration(
  code: string,
  name: string,
  committeeCode: string,
  headcount: number,
  shortName: string = name,
): DemoOrgUnit {
  return {
    ...kommunNode(code, name, shortName, 'ADMINISTRATION', committeeCode, false),
    servesCommittee: committeeCode,
    headcount,
  };
}

/** An enhet of the kommun: UNIT under its förvaltning. */
function kommunUnit(code: string, name: string, parent: string): DemoOrgUnit {
  return kommunNode(code, name, name, 'UNIT', parent, false);
}

export const EXEMPELBY_ORG_UNITS: DemoOrgUnit[] = [
  // Political top and audit
  kommunNode('ROOT', 'Exempelby kommun', 'Exempelby kommun', 'TENANT_ROOT', null, false),
  kommunNode('KF', 'Kommunfullmäktige', 'Kommunfullmäktige', 'COUNCIL', 'ROOT', false),
  kommunNode('REV', 'Kommunrevisionen', 'Kommunrevisionen', 'AUDIT_BODY', 'KF', false),

  // Kommunstyrelsen
  kommunNode('KS', 'Kommunstyrelsen', 'Kommunstyrelsen', 'EXECUTIVE_BOARD', 'ROOT', true),
  administration('KLF', 'Kommunledningsförvaltningen', 'KS', 210),
  kommunUnit('KLF-SAK', 'Säkerhetsenheten', 'KLF'),
  kommunUnit('KLF-KAN', 'Kanslienheten', 'KLF'),
  kommunUnit('KLF-HR', 'HR-enheten', 'KLF'),
  kommunUnit('KLF-ARK', 'Arkivenheten', 'KLF'),

  // Krisledningsnämnden: dormant, still ACTIVE, not a data controller (§6.1)
  kommunNode('KLN', 'Krisledningsnämnden', 'Krisledningsnämnden', 'COMMITTEE', 'ROOT', false),

  // Barn- och utbildningsnämnden
  committee('BUN', 'Barn- och utbildningsnämnden', 'Barn och utbildning'),
  administration('FSF', 'Förskoleförvaltningen', 'BUN', 620),
  kommunUnit('FSF-NO', 'Förskoleområde Norr', 'FSF'),
  kommunUnit('FSF-SO', 'Förskoleområde Söder', 'FSF'),
  administration('GSF', 'Grundskoleförvaltningen', 'BUN', 1150),
  kommunUnit('GSF-EHT', 'Centrala elevhälsan', 'GSF'),
  kommunUnit('GSF-EKB', 'Ekbackeskolan F–9', 'GSF'),
  kommunUnit('GSF-SJV', 'Sjöviksskolan F–6', 'GSF'),
  // The full name is 43 characters, over the 40-character shortName limit.
  administration(
    'GVF',
    'Gymnasie- och vuxenutbildningsförvaltningen',
    'BUN',
    380,
    'Gymnasie- och vuxenutbildningsförv.',
  ),
  kommunUnit('GVF-GYM', 'Exempelby gymnasium', 'GVF'),
  kommunUnit('GVF-VUX', 'Vuxenutbildningen', 'GVF'),

  // Socialnämnden
  committee('SOCN', 'Socialnämnden', 'Socialnämnden'),
  administration('IFF', 'Individ- och familjeomsorgsförvaltningen', 'SOCN', 310),
  kommunUnit('IFF-MOT', 'Mottagningsenheten barn och unga', 'IFF'),
  kommunUnit('IFF-UTR', 'Utredningsenheten barn och unga', 'IFF'),
  kommunUnit('IFF-FOR', 'Försörjningsstödsenheten', 'IFF'),
  kommunUnit('IFF-FAM', 'Familjehemsenheten', 'IFF'),
  administration('ALF', 'Arbetslivsförvaltningen', 'SOCN', 140),
  kommunUnit('ALF-ARB', 'Arbetsmarknadsenheten', 'ALF'),
  kommunUnit('ALF-INT', 'Integrationsenheten', 'ALF'),

  // Vård- och omsorgsnämnden
  committee('VON', 'Vård- och omsorgsnämnden', 'Vård och omsorg'),
  administration('VOF', 'Vård- och omsorgsförvaltningen', 'VON', 1420),
  kommunUnit('VOF-HEM', 'Hemtjänst Centrum', 'VOF'),
  kommunUnit('VOF-SAB', 'Lindgårdens särskilda boende', 'VOF'),
  kommunUnit('VOF-HSL', 'Hälso- och sjukvårdsenheten', 'VOF'),
  kommunUnit('VOF-BIS', 'Biståndsenheten', 'VOF'),

  // Servicenämnden: Servicekontoret is the internal IT and payroll provider for all units
  committee('SERN', 'Servicenämnden', 'Servicenämnden'),
  administration('SK', 'Servicekontoret', 'SERN', 260),
  kommunUnit('SK-DRIFT', 'IT-drift', 'SK'),
  kommunUnit('SK-SD', 'Servicedesk', 'SK'),
  kommunUnit('SK-LON', 'Lönecenter', 'SK'),
  kommunUnit('SK-KC', 'Kontaktcenter', 'SK'),

  // Samhällsbyggnadsnämnden
  committee('SBN', 'Samhällsbyggnadsnämnden', 'Samhällsbyggnad'),
  administration('SBF', 'Samhällsbyggnadsförvaltningen', 'SBN', 95),
  kommunUnit('SBF-PLAN', 'Plan- och exploateringsenheten', 'SBF'),
  administration('TF', 'Tekniska förvaltningen', 'SBN', 180),
  kommunUnit('TF-GATA', 'Gata- och parkenheten', 'TF'),

  // Kultur- och fritidsnämnden
  committee('KFN', 'Kultur- och fritidsnämnden', 'Kultur och fritid'),
  administration('KFF', 'Kultur- och fritidsförvaltningen', 'KFN', 120),
  kommunUnit('KFF-BIB', 'Biblioteksenheten', 'KFF'),

  // Miljö- och byggnadsnämnden
  committee('MBN', 'Miljö- och byggnadsnämnden', 'Miljö och bygg'),
  administration('MBF', 'Miljö- och byggförvaltningen', 'MBN', 60),
  kommunUnit('MBF-BYGG', 'Bygglovsenheten', 'MBF'),

  // Bolag (D-47: coverage set per company; EVE covered in its own right, EBH not)
  {
    code: 'EVE',
    name: 'Exempelby Vatten och Energi AB',
    shortName: 'Exempelby Vatten och Energi',
    type: 'COMPANY',
    parent: 'ROOT',
    isDataController: true,
    coveredByCyberSecurityAct: true,
    nisSector: 'Dricksvatten; Energi (fjärrvärme)',
    headcount: 140,
  },
  {
    code: 'EVE-DRIFT',
    name: 'Drift och underhåll',
    shortName: 'Drift och underhåll',
    type: 'UNIT',
    parent: 'EVE',
    isDataController: false,
    coveredByCyberSecurityAct: true,
    headcount: 0,
  },
  {
    code: 'EBH',
    name: 'Exempelbyhem AB',
    shortName: 'Exempelbyhem',
    type: 'COMPANY',
    parent: 'ROOT',
    isDataController: true,
    coveredByCyberSecurityAct: false,
    headcount: 85,
  },
];

// ---------------------------------------------------------------------------------------------------------
// Users (§6.2)
// ---------------------------------------------------------------------------------------------------------

/** One entry of the §6.2 role column: one assignment, subtree included. */
function assign(
  role: DemoRole,
  units: string[],
  validity: { validFrom?: string; validTo?: string } = {},
): DemoRoleAssignment {
  return { role, units, includeSubtree: true, ...validity };
}

/** Defaults from §6 Conventions: not elected, has an own computer, no external organisation. */
function person(
  username: string,
  displayName: string,
  homeUnit: string,
  assignments: DemoRoleAssignment[],
  extra: Partial<Pick<DemoPerson, 'isElected' | 'hasOwnComputer' | 'externalOrganisation' | 'note'>> = {},
): DemoPerson {
  return { username, displayName, homeUnit, isElected: false, hasOwnComputer: true, ...extra, assignments };
}

export const EXEMPELBY_PEOPLE: DemoPerson[] = [
  person('cecilia.lund', 'Cecilia Lund', 'KLF-SAK', [assign('CISO', ['ROOT'])], {
    note: 'Placed in KLF-SAK; leads the infosec group',
  }),
  person('per.dahlgren', 'Per Dahlgren', 'KLF', [assign('HEAD', ['KLF']), assign('READER', ['ROOT'])], {
    note: 'Kommundirektör; owner of IM-01–IM-08; asset owner AS-08, AS-09, AS-18, AS-19',
  }),
  person(
    'rasmus.ohman',
    'Rasmus Öhman',
    'KLF-SAK',
    [assign('SECURITY_PROTECTION_OFFICER', ['ROOT']), assign('MANAGER', ['KLF-SAK'])],
    { note: 'Säkerhetschef; receives level-4 routing' },
  ),
  person('amir.haddad', 'Amir Haddad', 'KLF', [assign('COORDINATOR', ['KLF', 'SK'])]),
  person('sofia.lindahl', 'Sofia Lindahl', 'FSF', [assign('COORDINATOR', ['FSF', 'GSF', 'GVF'])]),
  person('nora.falk', 'Nora Falk', 'IFF', [assign('COORDINATOR', ['IFF', 'ALF'])]),
  person('jonas.berg', 'Jonas Berg', 'VOF', [assign('COORDINATOR', ['VOF', 'SBF', 'TF', 'MBF'])], {
    note: 'KFF has no coordinator (gap)',
  }),
  person('emil.hagg', 'Emil Hägg', 'EVE', [assign('COORDINATOR', ['EVE', 'EBH'])]),
  person(
    'karin.vestberg',
    'Karin Vestberg',
    'KLF-KAN',
    [assign('DPO', ['KS', 'BUN', 'SOCN', 'VON', 'SERN', 'SBN', 'KFN', 'MBN'])],
    { note: 'Appointed by each controller' },
  ),
  person('maria.ek', 'Maria Ek', 'EVE', [assign('DPO', ['EVE', 'EBH'])]),
  person('helena.strand', 'Helena Strand', 'IFF', [assign('HEAD', ['IFF'])], {
    note: 'Owner IM-11, IM-14, IM-15; asset owner AS-01, AS-20',
  }),
  person('annika.holmqvist', 'Annika Holmqvist', 'GSF', [assign('HEAD', ['GSF'])], {
    note: 'Owner IM-19–IM-22; asset owner AS-04, AS-05',
  }),
  person('birgitta.sundin', 'Birgitta Sundin', 'VOF', [assign('HEAD', ['VOF'])], {
    note: 'Owner IM-26–IM-30; asset owner AS-02, AS-21',
  }),
  person('lars.oberg', 'Lars Öberg', 'SK', [assign('HEAD', ['SK'])], {
    note: 'Owner IM-34, IM-35; asset owner AS-07, AS-10, AS-17, AS-24',
  }),
  person('jan.ahlberg', 'Jan Ahlberg', 'SBF', [assign('HEAD', ['SBF', 'TF'])], {
    note: 'Owner IM-37; asset owner AS-30',
  }),
  person('therese.blom', 'Therese Blom', 'EVE', [assign('HEAD', ['EVE'])], {
    note: 'VD; owner IM-38, IM-39; asset owner AS-26, AS-27',
  }),
  person('petter.akesson', 'Petter Åkesson', 'IFF-UTR', [assign('MANAGER', ['IFF-UTR', 'IFF-MOT'])], {
    note: 'Owner IM-09, IM-10; asset owner AS-23',
  }),
  person('lena.holmgren', 'Lena Holmgren', 'IFF-FOR', [assign('MANAGER', ['IFF-FOR'])], {
    note: 'Owner IM-12, IM-13; asset owner AS-22',
  }),
  person('elsa.kronberg', 'Elsa Kronberg', 'GSF-EHT', [assign('MANAGER', ['GSF-EHT'])], {
    note: 'Owner IM-18; asset owner AS-03',
  }),
  person('maja.fredriksson', 'Maja Fredriksson', 'SK-DRIFT', [assign('MANAGER', ['SK-DRIFT'])], {
    note: 'Owner IM-31–IM-33; asset owner AS-11–AS-16, AS-25',
  }),
  person('daniel.nyberg', 'Daniel Nyberg', 'SK-DRIFT', [assign('EMPLOYEE', ['SK-DRIFT'])], {
    note: 'System manager AS-01, AS-02, AS-07–AS-12, AS-16–AS-18, AS-30',
  }),
  person('sara.ekstrom', 'Sara Ekström', 'GSF-EHT', [assign('EMPLOYEE', ['GSF-EHT'])], {
    note: 'System manager AS-03, AS-04, AS-05',
  }),
  person('emma.rahimi', 'Emma Rahimi', 'IFF-UTR', [assign('EMPLOYEE', ['IFF-UTR'])], {
    note: 'Socialsekreterare; reporter of INC-01',
  }),
  person('oskar.lindqvist', 'Oskar Lindqvist', 'VOF-HEM', [assign('EMPLOYEE', ['VOF-HEM'])], {
    hasOwnComputer: false,
    note: 'hasOwnComputer = false; reports from his phone (INC-05, INC-15)',
  }),
  person('gunnar.alm', 'Gunnar Alm', 'SOCN', [assign('ELECTED', ['SOCN'])], {
    isElected: true,
    note: 'Ordförande in Socialnämnden',
  }),
  person('ingrid.wall', 'Ingrid Wall', 'BUN', [assign('ELECTED', ['BUN'])], {
    isElected: true,
    note: 'Ledamot',
  }),
  person('tove.granath', 'Tove Granath', 'REV', [assign('AUDITOR', ['ROOT'], { validTo: '2026-12-31' })], {
    isElected: true,
    note: 'Förtroendevald revisor, ordförande in Kommunrevisionen',
  }),
  person(
    'hugo.palm',
    'Hugo Palm',
    'REV',
    [assign('AUDITOR', ['ROOT'], { validFrom: '2025-03-01', validTo: '2027-06-30' })],
    {
      externalOrganisation: 'Revisionsbyrån Exempel AB',
      note: 'Sakkunnigt biträde, Revisionsbyrån Exempel AB',
    },
  ),
  person('viktor.berglof', 'Viktor Berglöf', 'SK-DRIFT', [assign('ADMIN', ['ROOT'])]),
];
