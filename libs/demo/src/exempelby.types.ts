import type { Role } from '@varna/authz';
import type { OrgUnitType } from '@varna/organisation';
import type {
  Art34Exemption,
  Aspect,
  BreachRiskAssessment,
  IncidentStatus,
  IncidentSubtype,
  IncidentType,
  RegulatoryRegime,
  RegulatoryStage,
  ReportChannel,
  RootCauseCategory,
  SecrecyField,
  Severity,
  TriState,
} from '@varna/incident';
import type { AssetSubtype, AssetType, Hosting } from '@varna/information';

/**
 * Shapes of the demo dataset "Exempelby kommun" (../shared/docs/domain.md §6). Plain data only:
 * the seeder turns it into rows. Units and people refer to each other by code and username.
 */
/** The org-unit types and roles are the product's own (one definition each). */
export type DemoOrgUnitType = OrgUnitType;

export type DemoRole = Role;

export interface DemoOrgUnit {
  code: string;
  name: string;
  shortName: string;
  type: DemoOrgUnitType;
  /** Code of the parent unit; null only for the root. */
  parent: string | null;
  isDataController: boolean;
  /** For an ADMINISTRATION: code of the nämnd it serves. */
  servesCommittee?: string;
  coveredByCyberSecurityAct: boolean;
  nisSector?: string;
  headcount: number;
  /** Dormant units (KLN) are still ACTIVE org units. */
  aliases?: string[];
}

export interface DemoRoleAssignment {
  role: DemoRole;
  units: string[];
  includeSubtree: boolean;
  /** ISO dates; validFrom defaults to the seed's start date when absent. */
  validFrom?: string;
  validTo?: string;
}

export interface DemoPerson {
  username: string;
  displayName: string;
  homeUnit: string;
  isElected: boolean;
  hasOwnComputer: boolean;
  externalOrganisation?: string;
  /** Free-text note from §6.2 (title, ownership) – informative only. */
  note?: string;
  assignments: DemoRoleAssignment[];
}

/**
 * An instant of the demo: Stockholm wall time `YYYY-MM-DD HH:MM` (shifted by whole years like every
 * demo date), or ⏱ a number of hours before the moment of seeding (§6 Conventions, D-67).
 */
export type DemoInstant = string | { hoursBeforeSeed: number };

/** One regulator clock stage of a demo incident (§4d, D-60). */
export interface DemoObligation {
  regime: RegulatoryRegime;
  stage: RegulatoryStage;
  /** For stages not counted from awareAt: the anchoring event (the notification sent, the decision). */
  anchorAt?: DemoInstant;
  submitted?: { at: DemoInstant; by: string; lateReason?: string };
  notRequired?: { at: DemoInstant; by: string; reason: string; art34Exemption?: Art34Exemption };
}

/** One incident of §6.6. `ref` is the demo id; the incident number is INC-<year>-00<nn>. */
export interface DemoIncident {
  ref: string;
  type: IncidentType | null;
  subtype: IncidentSubtype | null;
  unit: string;
  title: string;
  description: string;
  reporter: string;
  channel: ReportChannel;
  /** Every demo incident has reportedAt = awareAt (§6 Conventions). */
  awareAt: DemoInstant;
  status: IncidentStatus;
  severity: Severity | null;
  personalDataInvolved: TriState;
  ongoing: TriState;
  aspectsAffected?: Aspect[];
  breachRiskAssessment?: BreachRiskAssessment;
  significantUnderCyberAct?: boolean;
  handler?: string;
  coordinator?: string;
  triagedAt?: DemoInstant;
  closedAt?: DemoInstant;
  rootCauseCategory?: RootCauseCategory;
  rootCause?: string;
  consequences?: string;
  measures?: string;
  lessonsLearned?: string;
  rejectionReason?: string;
  qualityDeviationRef?: string;
  obligations: DemoObligation[];
  /** Secrecy markings of fields (BR-D8, §5.2): an OSL provision and a reason, never blanket. */
  secrecyMarkings?: DemoSecrecyMarking[];
}

/** One SecrecyMarking of a demo incident's fields (§5.2). */
export interface DemoSecrecyMarking {
  fieldPaths: SecrecyField[];
  provision: string;
  reason: string;
  by: string;
  at: DemoInstant;
}

/**
 * One information set of §6.3. `pu`: P personal data, 9 Art. 9 data, B children, SI protected
 * identity. Every demo set is ACTIVE (inventory import, D-53); classifications are not part of the
 * register.
 */
export interface DemoInformationSet {
  code: string;
  name: string;
  unit: string;
  /** Username of the information owner; null is a gap (K03). */
  owner: string | null;
  pu: ('P' | '9' | 'B' | 'SI')[];
  secrecyProvisions: string[];
  description?: string;
  /** Level 4 / säkerhetsskydd (BR-A6): only code, name, owner and unit are kept. */
  specialHandling?: boolean;
}

/** One asset of §6.4, with the sets it carries; every demo asset is ACTIVE (D-53). */
export interface DemoAsset {
  code: string;
  name: string;
  type: AssetType;
  subtype?: AssetSubtype;
  unit: string;
  owner: string | null;
  systemManager: string | null;
  hosting: Hosting | null;
  /** Hosting marked † in §6.4: an EU supplier with a third-country sub-processor. */
  thirdCountryProcessing?: boolean;
  mfaRequired?: boolean;
  /** The IT provider unit when the asset runs in the municipal datacentre for another unit (D-03). */
  provider?: string;
  informationSets: string[];
}

/** Dependant → supporting (§6.4, below the table). */
export interface DemoAssetDependency {
  asset: string;
  supporting: string;
}
