/**
 * The API's shapes of the information and asset registers and of classification (issue 4), as the
 * web app reads them (docs/openapi.json; libs/information and libs/classification DTOs).
 */

export type InformationSetStatus = 'DRAFT' | 'ACTIVE' | 'RETIRED';
export type AssetStatus = 'PLANNED' | 'PROCUREMENT' | 'ACTIVE' | 'PHASE_OUT' | 'RETIRED';
export type AssetType =
  'IT_SYSTEM' | 'IT_COMPONENT' | 'PHYSICAL_STORAGE' | 'SPACE' | 'PROCESS' | 'EXTERNAL_SERVICE' | 'OTHER';
export type AssetSubtype =
  | 'STORAGE'
  | 'BACKUP'
  | 'FIREWALL'
  | 'NETWORK_EQUIPMENT'
  | 'SERVER'
  | 'ENDPOINT'
  | 'IDENTITY'
  | 'LOGGING'
  | 'OTHER';
export type Hosting =
  | 'ON_PREMISES'
  | 'MUNICIPAL_DATACENTRE'
  | 'OTHER_PUBLIC_BODY'
  | 'SWEDISH_SUPPLIER'
  | 'EU_SUPPLIER'
  | 'THIRD_COUNTRY';
export type Criticality = 'LOW' | 'NORMAL' | 'HIGH' | 'VITAL';
export type LinkRole = 'STORES' | 'PROCESSES' | 'TRANSFERS' | 'USED_IN';
export type PersonalDataCategory =
  | 'IDENTITY'
  | 'CONTACT'
  | 'PERSONAL_ID_NUMBER'
  | 'FINANCIAL'
  | 'EVALUATIVE'
  | 'HEALTH'
  | 'ETHNIC_ORIGIN'
  | 'POLITICAL_OPINION'
  | 'RELIGION'
  | 'TRADE_UNION'
  | 'SEX_LIFE'
  | 'GENETIC_BIOMETRIC'
  | 'CRIMINAL_OFFENCE'
  | 'LOCATION'
  | 'COMMUNICATION_METADATA'
  | 'OSL_SECRET';

/** What a medarbetare reads of the rows of the own unit (§3.3 "R S (name)"). */
export interface RegisterName {
  view: 'NAME';
  id: string;
  code: string;
  name: string;
  orgUnitId: string;
}

export interface InformationSet {
  view: 'FULL';
  id: string;
  code: string;
  name: string;
  description: string | null;
  orgUnitId: string;
  informationOwnerId: string | null;
  informationOwnerName: string | null;
  ownerMissing: boolean;
  informationOwnerAppointedById: string | null;
  informationOwnerAppointedAt: string | null;
  informationOwnerAppointmentRef: string | null;
  recordsClassCode: string | null;
  containsPersonalData: boolean;
  personalDataCategories: PersonalDataCategory[];
  specialCategoryData: boolean;
  criminalOffenceData: boolean;
  concernsChildren: boolean;
  protectedIdentity: boolean;
  secrecyProvisions: string[];
  legalBases: string[];
  specialHandling: boolean;
  retention: string | null;
  status: InformationSetStatus;
  statusLabel: string;
  classificationId: string | null;
  classificationDueAt: string | null;
  allowedTransitions: InformationSetStatus[];
  createdAt: string;
  updatedAt: string;
  version: number;
}

export type InformationSetRow = InformationSet | RegisterName;

export interface AspectLevels {
  K: number | null;
  R: number | null;
  T: number | null;
  S: number | null;
}

export interface Asset {
  view: 'FULL';
  id: string;
  code: string;
  name: string;
  description: string | null;
  type: AssetType;
  typeLabel: string;
  subtype: AssetSubtype | null;
  orgUnitId: string;
  assetOwnerId: string | null;
  assetOwnerName: string | null;
  ownerMissing: boolean;
  systemManagerId: string | null;
  systemManagerName: string | null;
  providerOrgUnitId: string | null;
  supplierName: string | null;
  hosting: Hosting | null;
  thirdCountryProcessing: boolean;
  mfaRequired: boolean;
  internetExposed: boolean;
  criticality: Criticality;
  rtoHours: number | null;
  rpoHours: number | null;
  status: AssetStatus;
  statusLabel: string;
  containsPersonalData: boolean;
  specialCategoryData: boolean;
  derivedLevels: AspectLevels | null;
  effectiveLevels: AspectLevels | null;
  classificationComplete: boolean;
  allowedTransitions: AssetStatus[];
  createdAt: string;
  updatedAt: string;
  version: number;
}

export type AssetRow = Asset | RegisterName;

export interface LinkedSetDetails {
  informationOwnerId: string | null;
  status: InformationSetStatus;
  containsPersonalData: boolean;
  personalDataCategories: PersonalDataCategory[];
  specialCategoryData: boolean;
  criminalOffenceData: boolean;
  concernsChildren: boolean;
  protectedIdentity: boolean;
  specialHandling: boolean;
  classificationId: string | null;
}

export interface LinkedInformationSet {
  informationSetId: string;
  code: string;
  name: string;
  role: LinkRole;
  note: string | null;
  details: LinkedSetDetails | null;
}

export interface DependencyEnd {
  assetId: string;
  code: string;
  name: string;
  note: string | null;
}

export interface AssetDependencies {
  dependsOn: DependencyEnd[];
  dependants: DependencyEnd[];
}

export type ClassificationStatus =
  'DRAFT' | 'PROPOSED' | 'DECIDED' | 'SPECIAL_HANDLING' | 'SUPERSEDED' | 'CANCELLED';
export type ReviewTrigger =
  'INITIAL' | 'PERIODIC' | 'INFORMATION_CHANGED' | 'NEW_ASSET_LINK' | 'INCIDENT' | 'LEGAL_CHANGE' | 'MANUAL';
export type ReviewState = 'CURRENT' | 'DUE_SOON' | 'FLAGGED' | 'OVERDUE';
export type Aspect = 'K' | 'R' | 'T' | 'S';

export interface ClassificationAspect {
  aspect: Aspect;
  aspectName: string;
  level: number | null;
  levelName: string | null;
  rationale: string | null;
}

/** One version of a set's classification (libs/classification ClassificationDto). */
export interface Classification {
  id: string;
  version: number;
  informationSetId: string;
  informationSetCode: string | null;
  informationSetName: string | null;
  orgUnitId: string;
  informationOwnerId: string | null;
  modelVersion: number;
  status: ClassificationStatus;
  statusLabel: string;
  levelK: number | null;
  levelR: number | null;
  levelT: number | null;
  levelS: number | null;
  aspects: ClassificationAspect[];
  specialHandling: boolean;
  consequenceCategories: string[];
  legalRefs: string[];
  trigger: ReviewTrigger;
  proposedById: string | null;
  proposedAt: string | null;
  decidedById: string | null;
  decidedAt: string | null;
  diarienummer: string | null;
  validUntil: string | null;
  reviewState: ReviewState | null;
  returnComment: string | null;
  cancelReason: string | null;
  reviewFlaggedAt: string | null;
  reviewFlagReason: ReviewTrigger | null;
  /** The note of a LEGAL_CHANGE or MANUAL flag. */
  reviewFlagNote?: string | null;
  confirmedUnchangedById: string | null;
  confirmedUnchangedAt: string | null;
  supersedesId: string | null;
  createdAt: string;
}

export type LevelSource =
  | {
      kind: 'INFORMATION_SET';
      level: number;
      informationSetId?: string;
      classificationId?: string;
      code: string | null;
      name: string | null;
    }
  | { kind: 'DEPENDANT_ASSET'; level: number; assetId?: string; code: string | null; name: string | null };

/** Where an asset's level of one aspect comes from (BR-B2): sets, dependant assets, an override. */
export interface AspectProtection {
  aspect: Aspect;
  aspectName: string;
  derived: number | null;
  effective: number | null;
  effectiveName: string | null;
  basis: 'DERIVED' | 'RAISED' | 'LOWERED' | 'NONE';
  sources: LevelSource[];
  overrideId: string | null;
}

export interface AssetProtection {
  assetId: string;
  classificationComplete: boolean;
  unclassifiedSetIds: string[];
  aspects: AspectProtection[];
}

export type OverrideDirection = 'RAISE' | 'LOWER';
export type OverrideStatus = 'REQUESTED' | 'ACTIVE' | 'REJECTED' | 'WITHDRAWN' | 'EXPIRED';
export type OverrideReasonType =
  'AGGREGATION' | 'ACCUMULATION' | 'INTEGRATION' | 'DISTRIBUTION' | 'SEGREGATION' | 'OTHER';

export interface ProtectionOverride {
  id: string;
  assetId: string;
  aspect: Aspect;
  level: number;
  direction: OverrideDirection;
  reasonType: OverrideReasonType;
  reason: string;
  status: OverrideStatus;
  statusLabel: string;
  requestedById: string;
  requestedAt: string;
  approvedById: string | null;
  decidedAt: string | null;
  rejectionReason: string | null;
  validUntil: string | null;
  version: number;
}

export type ActionPlanStatus = 'MET' | 'PARTLY' | 'NOT_MET' | 'NOT_APPLICABLE';

export interface ActionPlanItem {
  id: string;
  assetId: string;
  requirementCode: string;
  catalogueVersion: string;
  aspect: Aspect | 'ALL';
  minLevel: number;
  category: string;
  textSv: string;
  procurementTextSv: string;
  annexARefs: string[];
  status: ActionPlanStatus;
  statusLabel: string;
  how: string | null;
  responsibleId: string | null;
  dueDate: string | null;
  assessedById: string | null;
  assessedAt: string | null;
  notApplicableReason: string | null;
  version: number;
}

export interface ActionPlan {
  assetId: string;
  items: ActionPlanItem[];
  fulfilment: number | null;
  /** K26 Handlingsplansuppfyllnad: items MET / items not NOT_APPLICABLE. */
  k26: { numerator: number; denominator: number; value: number | null };
}
