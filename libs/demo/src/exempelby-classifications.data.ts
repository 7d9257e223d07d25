/**
 * Exempelby's classifications (domain.md §6.3), the AS-10 override (§6.4) and the BR-D7 review
 * flags confirmed unchanged (§6.6, §6.11). Plain data; the seeder decides them as of the dates
 * given (10:00 Stockholm) and lets propagation compute the assets' levels.
 */

export interface DemoClassification {
  set: string;
  /** K R T S as four digits, or null for special handling. */
  levels: string | null;
  decided: string;
  /** The samordnare who led the session and proposed. */
  ledBy: string;
  /** The informationsägare who decided; null where the owner has since left (IM-23). */
  decidedBy: string | null;
  legalRefs?: string[];
}

export interface DemoProposal {
  set: string;
  levels: string;
  proposed: string;
  proposedBy: string;
}

export interface DemoOverride {
  asset: string;
  aspect: 'K' | 'R' | 'T' | 'S';
  level: number;
  direction: 'RAISE';
  reasonType: 'AGGREGATION';
  reason: string;
  requestedBy: string;
  requested: string;
}

export interface DemoReviewFlag {
  sets: string[];
  /** When the incident closed (the flag) and when the owner confirmed (one week later). */
  flagged: string;
  confirmed: string;
}

const d = (
  set: string,
  levels: string | null,
  decided: string,
  ledBy: string,
  decidedBy: string | null,
  legalRefs?: string[],
): DemoClassification => ({ set, levels, decided, ledBy, decidedBy, legalRefs });

export const EXEMPELBY_CLASSIFICATIONS: DemoClassification[] = [
  d('IM-01', '1322', '2026-02-10', 'amir.haddad', 'per.dahlgren'),
  d('IM-02', '3323', '2025-10-01', 'amir.haddad', 'per.dahlgren', ['39 kap. OSL', 'GDPR Art. 9']),
  d('IM-03', '3333', '2025-11-20', 'amir.haddad', 'per.dahlgren'),
  d('IM-04', '3333', '2025-05-12', 'amir.haddad', 'per.dahlgren', ['18 kap. 13 § OSL']),
  d('IM-05', null, '2026-02-10', 'amir.haddad', 'per.dahlgren', ['15 kap. 2 § OSL']),
  d('IM-06', '2313', '2026-01-15', 'amir.haddad', 'per.dahlgren'),
  d('IM-07', '2212', '2026-01-20', 'amir.haddad', 'per.dahlgren'),
  d('IM-08', '0221', '2026-01-20', 'amir.haddad', 'per.dahlgren'),
  d('IM-09', '3323', '2026-03-02', 'nora.falk', 'petter.akesson', ['26 kap. 1 § OSL', 'GDPR Art. 9']),
  d('IM-10', '3333', '2026-03-02', 'nora.falk', 'petter.akesson', ['26 kap. 1 § OSL', 'GDPR Art. 9']),
  d('IM-11', '3323', '2026-03-02', 'nora.falk', 'helena.strand', ['26 kap. 1 § OSL', 'GDPR Art. 9']),
  d('IM-12', '3323', '2025-09-15', 'nora.falk', 'lena.holmgren', ['26 kap. 1 § OSL']),
  d('IM-13', '2333', '2025-09-15', 'nora.falk', 'lena.holmgren', ['26 kap. 1 § OSL']),
  d('IM-15', '3212', '2026-04-08', 'nora.falk', 'helena.strand', ['26 kap. 1 § OSL']),
  d('IM-18', '3323', '2026-01-28', 'sofia.lindahl', 'elsa.kronberg', ['23 kap. 2 § OSL', '25 kap. 1 § OSL']),
  d('IM-19', '2322', '2026-02-14', 'sofia.lindahl', 'annika.holmqvist', ['23 kap. OSL']),
  d('IM-20', '2222', '2026-02-14', 'sofia.lindahl', 'annika.holmqvist'),
  d('IM-21', '2232', '2026-02-14', 'sofia.lindahl', 'annika.holmqvist', ['18 kap. 8 § OSL']),
  // The owner left on 2026-08-31; the decision from before stays, without a decider in Värna.
  d('IM-23', '2222', '2025-06-10', 'sofia.lindahl', null),
  d('IM-26', '3333', '2025-12-03', 'jonas.berg', 'birgitta.sundin', ['25 kap. 1 § OSL', 'GDPR Art. 9']),
  d('IM-27', '3323', '2025-12-03', 'jonas.berg', 'birgitta.sundin', ['26 kap. 1 § OSL']),
  d('IM-28', '3322', '2025-12-03', 'jonas.berg', 'birgitta.sundin', ['26 kap. 1 § OSL']),
  d('IM-29', '2332', '2026-06-18', 'jonas.berg', 'birgitta.sundin', ['26 kap. 1 § OSL']),
  d('IM-31', '2323', '2026-05-20', 'amir.haddad', 'maja.fredriksson', ['18 kap. 8 § OSL']),
  d('IM-32', '2333', '2026-05-20', 'amir.haddad', 'maja.fredriksson', ['18 kap. 8 § OSL']),
  d('IM-33', '3222', '2026-05-20', 'amir.haddad', 'maja.fredriksson', ['18 kap. 8 § OSL']),
  d('IM-34', '1121', '2026-05-20', 'amir.haddad', 'lars.oberg'),
  d('IM-35', '2232', '2026-05-20', 'amir.haddad', 'lars.oberg'),
  d('IM-37', '1321', '2026-02-27', 'jonas.berg', 'jan.ahlberg'),
  d('IM-38', '3332', '2026-04-22', 'emil.hagg', 'therese.blom', ['18 kap. 8 § OSL']),
  d('IM-39', '3333', '2026-04-22', 'emil.hagg', 'therese.blom', ['18 kap. 8 § OSL']),
];

/** IM-22: proposed, awaiting the owner (annika.holmqvist). IM-14 has no classification yet. */
export const EXEMPELBY_PROPOSALS: DemoProposal[] = [
  { set: 'IM-22', levels: '3323', proposed: '2026-11-05', proposedBy: 'sofia.lindahl' },
];

export const EXEMPELBY_OVERRIDES: DemoOverride[] = [
  {
    asset: 'AS-10',
    aspect: 'K',
    level: 3,
    direction: 'RAISE',
    reasonType: 'AGGREGATION',
    reason: 'e-post används i praktiken för känsliga personuppgifter',
    requestedBy: 'lars.oberg',
    requested: '2026-05-20',
  },
];

/** INC-07, INC-09 and INC-13 closed (15:00 local) and the owners confirmed a week later (10:00). */
export const EXEMPELBY_REVIEW_FLAGS: DemoReviewFlag[] = [
  { sets: ['IM-19', 'IM-20'], flagged: '2026-08-26 15:00', confirmed: '2026-09-02 10:00' },
  { sets: ['IM-38'], flagged: '2026-11-06 15:00', confirmed: '2026-11-13 10:00' },
  {
    sets: ['IM-09', 'IM-10', 'IM-11', 'IM-15', 'IM-27', 'IM-28'],
    flagged: '2026-06-01 15:00',
    confirmed: '2026-06-08 10:00',
  },
];

export interface DemoSession {
  code: string;
  title: string;
  unit: string;
  sets: string[];
  ledBy: string;
  participants: string[];
  /** Local time (Stockholm). */
  planned: string;
  /** Held sessions: when, and the minutes (a closed session has both). */
  held?: string;
  minutes?: string;
  status: 'PLANNED' | 'HELD' | 'CLOSED';
}

/**
 * Klassningstillfällen (§6.3 "ledd av", IM-14 "Session planned 2026-12-03, nora.falk"). The two
 * closed sessions carry the decided classifications of their sets (same date, same samordnare);
 * nothing here changes a §6.11 value.
 */
export const EXEMPELBY_SESSIONS: DemoSession[] = [
  {
    code: 'KT-2026-001',
    title: 'Klassning av upphandlings- och webbinformation',
    unit: 'KLF',
    sets: ['IM-07', 'IM-08'],
    ledBy: 'amir.haddad',
    participants: ['per.dahlgren'],
    planned: '2026-01-20 09:00',
    held: '2026-01-20 09:00',
    minutes:
      'IM-07 och IM-08 gicks igenom med informationsägaren. Förslag till nivåer för K, R, T och S togs fram ' +
      'och lämnades till informationsägaren för beslut.',
    status: 'CLOSED',
  },
  {
    code: 'KT-2026-002',
    title: 'Klassning av barn- och familjeutredningar, orosanmälningar och skyddade uppgifter',
    unit: 'IFF',
    sets: ['IM-09', 'IM-10', 'IM-11'],
    ledBy: 'nora.falk',
    participants: ['petter.akesson', 'helena.strand'],
    planned: '2026-03-02 09:00',
    held: '2026-03-02 09:00',
    minutes:
      'Konfidentialitet bedömdes som allvarlig för samtliga mängder (26 kap. 1 § OSL, GDPR art. 9). ' +
      'Förslagen lämnades till informationsägarna för beslut samma dag.',
    status: 'CLOSED',
  },
  {
    code: 'KT-2026-003',
    title: 'Klassning av familjehemsutredningar',
    unit: 'IFF-FAM',
    sets: ['IM-14'],
    ledBy: 'nora.falk',
    participants: ['helena.strand'],
    planned: '2026-12-03 09:00',
    status: 'PLANNED',
  },
];
