/**
 * The demo dataset "Exempelby kommun": organisation (domain.md §6.1, 56 nodes), users (§6.2, 29 people,
 * 31 role assignments) and incidents (§6.6, 15, with their regulator clock stages). Plain data only; the
 * seeder turns it into rows.
 *
 * Org units are listed so that every parent comes before its children (depth first, one nämnd at a time).
 */
import type {
  DemoIncident,
  DemoObligation,
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

// ---------------------------------------------------------------------------------------------------------
// Incidents (§6.6)
// ---------------------------------------------------------------------------------------------------------

/** A stage submitted to the regulator. */
function sent(
  regime: DemoObligation['regime'],
  stage: DemoObligation['stage'],
  at: string,
  by: string,
  extra: Partial<DemoObligation> & { lateReason?: string } = {},
): DemoObligation {
  const { lateReason, ...rest } = extra;
  return { regime, stage, ...rest, submitted: { at, by, ...(lateReason ? { lateReason } : {}) } };
}

/** GDPR Art. 33(5): the breach log, complete when the incident's facts, effects and measures are in. */
const breachLog = (at: string, by: string): DemoObligation => sent('GDPR_ART33_5_LOG', 'BREACH_LOG', at, by);

/**
 * §6.6 names the reporter of INC-01, INC-05 and INC-15 only; the others are reported by someone of the unit
 * or its line (chosen here). Handlers are the unit's chef, coordinators the förvaltning's samordnare.
 * `significantUnderCyberAct` is false for every triaged incident of a covered unit except INC-09.
 */
export const EXEMPELBY_INCIDENTS: DemoIncident[] = [
  {
    ref: 'INC-01',
    type: 'PERSONAL_DATA_BREACH',
    subtype: 'WRONG_RECIPIENT',
    unit: 'IFF-UTR',
    title: 'Utredning om ett barn mejlad till fel vårdnadshavare',
    description:
      'Jag skickade en utredning om ett barn med e-post till fel vårdnadshavare. Mottagaren har hört av sig och ' +
      'säger att hen har raderat mejlet.',
    reporter: 'emma.rahimi',
    channel: 'FORM',
    awareAt: { hoursBeforeSeed: 30 },
    status: 'INVESTIGATING',
    severity: 'HIGH',
    personalDataInvolved: 'YES',
    ongoing: 'NO',
    aspectsAffected: ['K'],
    breachRiskAssessment: 'HIGH_RISK',
    significantUnderCyberAct: false,
    handler: 'petter.akesson',
    coordinator: 'nora.falk',
    triagedAt: { hoursBeforeSeed: 28 },
    // The IMY clock runs: 72 h from awareAt, 42 h left at DEMO_NOW.
    obligations: [
      { regime: 'GDPR_ART33_IMY', stage: 'NOTIFICATION' },
      { regime: 'GDPR_ART34_SUBJECTS', stage: 'COMMUNICATION' },
      { regime: 'GDPR_ART33_5_LOG', stage: 'BREACH_LOG' },
    ],
    // §6.6: "description marked 26 kap. 1 § OSL" (the child's case in socialtjänsten), at triage.
    secrecyMarkings: [
      {
        fieldPaths: ['description'],
        provision: '26 kap. 1 § OSL',
        reason: 'Uppgifter om ett barns personliga förhållanden i ett ärende inom socialtjänsten',
        by: 'nora.falk',
        at: { hoursBeforeSeed: 28 },
      },
    ],
  },
  {
    ref: 'INC-02',
    type: 'PERSONAL_DATA_BREACH',
    subtype: 'WRONG_RECIPIENT',
    unit: 'SK-LON',
    title: 'Lönespecifikationer till fel anställd',
    description: 'Vid utskicket av lönespecifikationer fick en anställd tre kollegors specifikationer.',
    reporter: 'lars.oberg',
    channel: 'FORM',
    awareAt: '2026-09-08 09:40',
    status: 'CLOSED',
    severity: 'MEDIUM',
    personalDataInvolved: 'YES',
    ongoing: 'NO',
    aspectsAffected: ['K'],
    breachRiskAssessment: 'HIGH_RISK',
    significantUnderCyberAct: false,
    handler: 'lars.oberg',
    coordinator: 'amir.haddad',
    triagedAt: '2026-09-08 11:00',
    closedAt: '2026-09-18 15:00',
    rootCauseCategory: 'ROUTINE_MISSING',
    rootCause: 'Mottagarlistan för utskicket kontrollerades inte efter en omorganisation.',
    consequences: 'Tre anställdas löneuppgifter röjdes för en kollega.',
    measures: 'Specifikationerna återkallades och raderades; mottagaren bekräftade skriftligen.',
    lessonsLearned: 'Kontroll av mottagarlista före varje utskick (åtgärden är genomförd).',
    obligations: [
      sent('GDPR_ART33_IMY', 'NOTIFICATION', '2026-09-10 14:05', 'lars.oberg'),
      {
        regime: 'GDPR_ART34_SUBJECTS',
        stage: 'COMMUNICATION',
        notRequired: {
          at: '2026-09-10 15:00',
          by: 'karin.vestberg',
          reason:
            'Mottagaren raderade uppgifterna och bekräftade det; den höga risken är inte längre sannolik.',
          art34Exemption: 'ART34_3_B',
        },
      },
      breachLog('2026-09-18 15:00', 'amir.haddad'),
    ],
  },
  {
    ref: 'INC-03',
    type: 'PERSONAL_DATA_BREACH',
    subtype: 'WRONG_RECIPIENT',
    unit: 'IFF-FOR',
    title: 'Sms om besökstid till fel nummer',
    description: 'Ett sms med en besökstid skickades till fel mobilnummer.',
    reporter: 'lena.holmgren',
    channel: 'FORM',
    awareAt: '2026-06-03 11:15',
    status: 'CLOSED',
    severity: 'LOW',
    personalDataInvolved: 'YES',
    ongoing: 'NO',
    aspectsAffected: ['K'],
    breachRiskAssessment: 'UNLIKELY',
    significantUnderCyberAct: false,
    handler: 'lena.holmgren',
    coordinator: 'nora.falk',
    triagedAt: '2026-06-03 13:00',
    closedAt: '2026-06-10 15:00',
    rootCauseCategory: 'HUMAN_ERROR',
    rootCause: 'Numret skrevs in för hand och en siffra blev fel.',
    consequences: 'En mötestid röjdes, utan namn eller ärende.',
    measures: 'Mottagaren kontaktades; numret rättades i systemet.',
    lessonsLearned: 'Nummer hämtas från verksamhetssystemet i stället för att skrivas in.',
    obligations: [
      {
        regime: 'GDPR_ART33_IMY',
        stage: 'NOTIFICATION',
        notRequired: {
          at: '2026-06-03 15:00',
          by: 'karin.vestberg',
          reason: 'Endast en mötestid röjdes; osannolikt att incidenten medför risk för den registrerade.',
        },
      },
      breachLog('2026-06-10 15:00', 'nora.falk'),
    ],
  },
  {
    ref: 'INC-04',
    type: 'PERSONAL_DATA_BREACH',
    subtype: 'WRONG_RECORD',
    unit: 'IFF-UTR',
    title: 'Handling i fel personakt',
    description: 'En utredningshandling hade lagts i fel barns akt (avvikelse från kvalitetssystemet).',
    reporter: 'petter.akesson',
    channel: 'QUALITY_BRIDGE',
    awareAt: '2026-04-14 10:05',
    status: 'CLOSED',
    severity: 'MEDIUM',
    personalDataInvolved: 'YES',
    ongoing: 'NO',
    aspectsAffected: ['K', 'R'],
    breachRiskAssessment: 'UNLIKELY',
    significantUnderCyberAct: false,
    handler: 'petter.akesson',
    coordinator: 'nora.falk',
    qualityDeviationRef: 'AVV-2026-0117',
    triagedAt: '2026-04-14 13:00',
    closedAt: '2026-04-24 15:00',
    rootCauseCategory: 'ROUTINE_NOT_FOLLOWED',
    rootCause: 'Handlingen registrerades utan kontroll av personnummer.',
    consequences: 'Handlingen låg fel i två dagar; ingen utanför utredningsgruppen läste den.',
    measures: 'Handlingen flyttades; loggen kontrollerades.',
    lessonsLearned: 'Kontroll av personnummer vid registrering påminns om på arbetsplatsträff.',
    obligations: [
      {
        regime: 'GDPR_ART33_IMY',
        stage: 'NOTIFICATION',
        notRequired: {
          at: '2026-04-15 10:00',
          by: 'karin.vestberg',
          reason: 'Handlingen lästes inte av någon utanför utredningsgruppen enligt loggen.',
        },
      },
      breachLog('2026-04-24 15:00', 'nora.falk'),
    ],
  },
  {
    ref: 'INC-05',
    type: 'PERSONAL_DATA_BREACH',
    subtype: 'LOST_DEVICE',
    unit: 'VOF-HEM',
    title: 'Surfplatta med genomförandeplaner glömd på buss',
    description: 'Jag glömde jobbets surfplatta på bussen. Den har genomförandeplaner för brukarna.',
    reporter: 'oskar.lindqvist',
    channel: 'MOBILE',
    awareAt: '2026-02-21 19:30',
    status: 'CLOSED',
    severity: 'HIGH',
    personalDataInvolved: 'YES',
    ongoing: 'NO',
    aspectsAffected: ['K'],
    breachRiskAssessment: 'HIGH_RISK',
    significantUnderCyberAct: false,
    handler: 'birgitta.sundin',
    coordinator: 'jonas.berg',
    triagedAt: '2026-02-23 08:30',
    closedAt: '2026-03-16 15:00',
    rootCauseCategory: 'TECHNICAL_FAULT',
    rootCause: 'Surfplattan saknade kryptering och fjärrlåsning.',
    consequences: 'Genomförandeplaner för 14 brukare kan ha röjts.',
    measures: 'Enheten spärrades; alla surfplattor krypteras nu via MDM.',
    lessonsLearned: 'Rapporter utanför kontorstid ska nå ansvarig chef samma dag.',
    obligations: [
      sent('GDPR_ART33_IMY', 'NOTIFICATION', '2026-02-25 09:00', 'birgitta.sundin', {
        lateReason: 'Rapporten nådde ansvarig chef först på måndagen.',
      }),
      sent('GDPR_ART34_SUBJECTS', 'COMMUNICATION', '2026-03-02 10:00', 'birgitta.sundin'),
      breachLog('2026-03-16 15:00', 'jonas.berg'),
    ],
  },
  {
    ref: 'INC-06',
    type: 'INFOSEC_INCIDENT',
    subtype: 'PHISHING',
    unit: 'GSF-EKB',
    title: 'Lärare angav inloggningsuppgifter på falsk sida',
    description: 'En lärare klickade på en länk i ett mejl och loggade in på en falsk inloggningssida.',
    reporter: 'annika.holmqvist',
    channel: 'FORM',
    awareAt: '2026-10-20 08:50',
    status: 'ACTIONS',
    severity: 'MEDIUM',
    personalDataInvolved: 'NO',
    ongoing: 'NO',
    aspectsAffected: ['K'],
    significantUnderCyberAct: false,
    handler: 'annika.holmqvist',
    coordinator: 'sofia.lindahl',
    triagedAt: '2026-10-20 10:00',
    rootCauseCategory: 'ANTAGONISTIC',
    rootCause: 'Riktat nätfiske mot skolans personal.',
    consequences: 'Loggranskning: ingen åtkomst till brevlådan.',
    measures: 'Lösenordet byttes och sessionerna avslutades.',
    obligations: [],
  },
  {
    ref: 'INC-07',
    type: 'IT_INCIDENT',
    subtype: 'OUTAGE',
    unit: 'GSF',
    title: 'Skoladministrativt system nere hos leverantören',
    description: 'Det skoladministrativa systemet gick inte att nå under förmiddagen.',
    reporter: 'sara.ekstrom',
    channel: 'FORM',
    awareAt: '2026-08-19 07:30',
    status: 'CLOSED',
    severity: 'MEDIUM',
    personalDataInvolved: 'NO',
    ongoing: 'NO',
    aspectsAffected: ['T'],
    significantUnderCyberAct: false,
    handler: 'annika.holmqvist',
    coordinator: 'sofia.lindahl',
    triagedAt: '2026-08-19 09:00',
    closedAt: '2026-08-26 15:00',
    rootCauseCategory: 'SUPPLIER',
    rootCause: 'Fel vid leverantörens uppgradering.',
    consequences: 'Systemet var nere i 6 timmar; närvaro fördes på papper.',
    measures: 'Leverantören återställde; avvikelse anmäld enligt avtalet.',
    lessonsLearned: 'Reservrutin för närvaro finns nu i kontinuitetsplanen.',
    obligations: [],
  },
  {
    ref: 'INC-08',
    type: 'DEVIATION',
    subtype: 'SECRECY',
    unit: 'IFF-MOT',
    title: 'Handläggare ringde fel nummer',
    description: 'En handläggare ringde fel nummer; samtalet avslutades innan något sades om ärendet.',
    reporter: 'petter.akesson',
    channel: 'PHONE_TO_MANAGER',
    awareAt: '2026-10-28 14:10',
    status: 'INVESTIGATING',
    severity: 'LOW',
    personalDataInvolved: 'NO',
    ongoing: 'NO',
    significantUnderCyberAct: false,
    handler: 'petter.akesson',
    coordinator: 'nora.falk',
    triagedAt: '2026-10-28 15:30',
    obligations: [],
  },
  {
    ref: 'INC-09',
    type: 'IT_INCIDENT',
    subtype: 'DENIAL_OF_SERVICE',
    unit: 'EVE-DRIFT',
    title: 'Överbelastningsattack mot fjärrövervakningen',
    description:
      'Fjärrövervakningen av pumpstationerna slutade svara efter en våg av trafik mot brandväggen.',
    reporter: 'emil.hagg',
    channel: 'FORM',
    awareAt: '2026-10-06 02:40',
    status: 'CLOSED',
    severity: 'HIGH',
    personalDataInvolved: 'NO',
    ongoing: 'NO',
    aspectsAffected: ['T'],
    significantUnderCyberAct: true,
    handler: 'therese.blom',
    coordinator: 'emil.hagg',
    triagedAt: '2026-10-06 06:00',
    closedAt: '2026-11-06 15:00',
    rootCauseCategory: 'ANTAGONISTIC',
    rootCause: 'Överbelastningsattack; filtrering hos operatören saknades.',
    consequences: 'Fjärrövervakningen av pumpstationer var störd i 3 timmar; manuell tillsyn.',
    measures: 'Filtrering hos operatören; reservförbindelse för övervakningen.',
    lessonsLearned: 'Avtal om DDoS-skydd och övning av manuell drift.',
    // Reports under cybersäkerhetslagen decided by the VD (§6.10).
    obligations: [
      sent('CYBER_ACT', 'EARLY_WARNING', '2026-10-06 13:15', 'therese.blom'),
      sent('CYBER_ACT', 'INCIDENT_NOTIFICATION', '2026-10-08 09:30', 'therese.blom'),
      sent('CYBER_ACT', 'FINAL_REPORT', '2026-11-05 10:00', 'therese.blom', { anchorAt: '2026-10-08 09:30' }),
    ],
  },
  {
    ref: 'INC-10',
    type: 'IT_INCIDENT',
    subtype: 'MALWARE',
    unit: 'SK-DRIFT',
    title: 'Skadlig kod på en bärbar dator stoppad',
    description: 'Skyddsprogrammet larmade och satte skadlig kod i karantän på en MDM-hanterad bärbar dator.',
    reporter: 'daniel.nyberg',
    channel: 'FORM',
    awareAt: '2026-11-12 08:05',
    status: 'TRIAGED',
    severity: 'MEDIUM',
    personalDataInvolved: 'NO',
    ongoing: 'NO',
    significantUnderCyberAct: false,
    handler: 'maja.fredriksson',
    coordinator: 'amir.haddad',
    triagedAt: '2026-11-12 10:00',
    obligations: [],
  },
  {
    ref: 'INC-11',
    type: 'IT_INCIDENT',
    subtype: 'OUTAGE',
    unit: 'SK-LON',
    title: 'Lönesystemet nere under lönekörning',
    description: 'Lönesystemet gick ner mitt i lönekörningen och kom inte upp igen under kvällen.',
    reporter: 'lars.oberg',
    channel: 'FORM',
    awareAt: '2026-09-24 16:20',
    status: 'CLOSED',
    severity: 'HIGH',
    personalDataInvolved: 'NO',
    ongoing: 'NO',
    aspectsAffected: ['T'],
    significantUnderCyberAct: false,
    handler: 'lars.oberg',
    coordinator: 'amir.haddad',
    triagedAt: '2026-09-24 18:00',
    closedAt: '2026-10-09 15:00',
    rootCauseCategory: 'TECHNICAL_FAULT',
    rootCause: 'Databasservern fick slut på diskutrymme.',
    consequences: 'Systemet var nere i 9 timmar; lönen betalades ut en dag sent.',
    measures: 'Utökat diskutrymme och larm på ledigt utrymme.',
    lessonsLearned: 'Risken R-06 är omprövad; kapacitetsövervakning ingår i driftavtalet.',
    obligations: [],
  },
  {
    ref: 'INC-12',
    type: 'DEVIATION',
    subtype: 'LEX_SARAH',
    unit: 'IFF-MOT',
    title: 'Skyddsbedömning inom 24 timmar gjordes inte',
    description: 'En orosanmälan fick ingen skyddsbedömning inom 24 timmar.',
    reporter: 'petter.akesson',
    channel: 'FORM',
    awareAt: '2026-07-02 09:00',
    status: 'ACTIONS',
    severity: 'HIGH',
    personalDataInvolved: 'NO',
    ongoing: 'NO',
    significantUnderCyberAct: false,
    handler: 'petter.akesson',
    coordinator: 'nora.falk',
    triagedAt: '2026-07-02 11:00',
    rootCauseCategory: 'ROUTINE_NOT_FOLLOWED',
    rootCause: 'Inkomna anmälningar kontrollerades inte dagligen under semesterperioden.',
    obligations: [
      // Decision 2026-07-20 (påtaglig risk för allvarligt missförhållande); target 14 days later.
      sent('IVO_LEX_SARAH', 'REPORT', '2026-07-24 10:00', 'helena.strand', { anchorAt: '2026-07-20 10:00' }),
    ],
  },
  {
    ref: 'INC-13',
    type: 'PERSONAL_DATA_BREACH',
    subtype: 'UNAUTHORISED_ACCESS',
    unit: 'IFF-UTR',
    title: 'Medarbetare öppnade akt utan uppdrag',
    description: 'Vid logguppföljning syntes att en medarbetare öppnat en akt utan att ha ärendet.',
    reporter: 'helena.strand',
    channel: 'FORM',
    awareAt: '2026-05-11 13:20',
    status: 'CLOSED',
    severity: 'HIGH',
    personalDataInvolved: 'YES',
    ongoing: 'NO',
    aspectsAffected: ['K'],
    breachRiskAssessment: 'HIGH_RISK',
    significantUnderCyberAct: false,
    handler: 'petter.akesson',
    coordinator: 'nora.falk',
    triagedAt: '2026-05-11 15:00',
    closedAt: '2026-06-01 15:00',
    rootCauseCategory: 'ROUTINE_NOT_FOLLOWED',
    rootCause: 'Behörigheterna gav hela enheten läsrätt till alla akter.',
    consequences: 'Uppgifter om ett barn och dess familj lästes av en obehörig medarbetare.',
    measures: 'Behörigheterna begränsades till egna ärenden; arbetsrättslig utredning.',
    lessonsLearned: 'Logguppföljning varje månad enligt den lokala rutinen (DOC-08).',
    obligations: [
      sent('GDPR_ART33_IMY', 'NOTIFICATION', '2026-05-13 09:00', 'helena.strand'),
      sent('GDPR_ART34_SUBJECTS', 'COMMUNICATION', '2026-05-20 10:00', 'helena.strand'),
      breachLog('2026-06-01 15:00', 'nora.falk'),
    ],
  },
  {
    ref: 'INC-14',
    type: 'IT_INCIDENT',
    subtype: 'OTHER',
    unit: 'KFF-BIB',
    title: 'Skrivaren skriver ut tomma sidor',
    description: 'Skrivaren på biblioteket skriver bara ut tomma sidor.',
    reporter: 'ingrid.wall',
    channel: 'FORM',
    awareAt: '2026-11-03 13:00',
    status: 'REJECTED',
    severity: null,
    personalDataInvolved: 'NO',
    ongoing: 'YES',
    rejectionReason: 'Ej incident, hänvisad till servicedesk.',
    obligations: [],
  },
  {
    ref: 'INC-15',
    type: null,
    subtype: null,
    unit: 'VOF-SAB',
    title: 'Okänd besökare i personalrummet',
    description:
      'En okänd person var i personalrummet där journaldatorn stod olåst. Personen gick när jag kom in.',
    reporter: 'oskar.lindqvist',
    channel: 'MOBILE',
    awareAt: { hoursBeforeSeed: 2 },
    status: 'REPORTED',
    severity: null,
    personalDataInvolved: 'UNKNOWN',
    ongoing: 'UNKNOWN',
    obligations: [],
  },
];
