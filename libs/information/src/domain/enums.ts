// Enumerations of the information and asset registers (domain.md §4a), stored as varchar + CHECK
// (ADR 0003). Swedish labels are the UI terms.

export const INFORMATION_SET_STATUSES = ['DRAFT', 'ACTIVE', 'RETIRED'] as const;
export type InformationSetStatus = (typeof INFORMATION_SET_STATUSES)[number];

export const ASSET_STATUSES = ['PLANNED', 'PROCUREMENT', 'ACTIVE', 'PHASE_OUT', 'RETIRED'] as const;
export type AssetStatus = (typeof ASSET_STATUSES)[number];

export const ASSET_TYPES = [
  'IT_SYSTEM',
  'IT_COMPONENT',
  'PHYSICAL_STORAGE',
  'SPACE',
  'PROCESS',
  'EXTERNAL_SERVICE',
  'OTHER',
] as const;
export type AssetType = (typeof ASSET_TYPES)[number];

/** Subtypes of IT_COMPONENT (seed 000 L367). */
export const ASSET_SUBTYPES = [
  'STORAGE',
  'BACKUP',
  'FIREWALL',
  'NETWORK_EQUIPMENT',
  'SERVER',
  'ENDPOINT',
  'IDENTITY',
  'LOGGING',
  'OTHER',
] as const;
export type AssetSubtype = (typeof ASSET_SUBTYPES)[number];

export const HOSTINGS = [
  'ON_PREMISES',
  'MUNICIPAL_DATACENTRE',
  'OTHER_PUBLIC_BODY',
  'SWEDISH_SUPPLIER',
  'EU_SUPPLIER',
  'THIRD_COUNTRY',
] as const;
export type Hosting = (typeof HOSTINGS)[number];

export const CRITICALITIES = ['LOW', 'NORMAL', 'HIGH', 'VITAL'] as const;
export type Criticality = (typeof CRITICALITIES)[number];

export const LINK_ROLES = ['STORES', 'PROCESSES', 'TRANSFERS', 'USED_IN'] as const;
export type LinkRole = (typeof LINK_ROLES)[number];

export const PERSONAL_DATA_CATEGORIES = [
  'IDENTITY',
  'CONTACT',
  'PERSONAL_ID_NUMBER',
  'FINANCIAL',
  'EVALUATIVE',
  'HEALTH',
  'ETHNIC_ORIGIN',
  'POLITICAL_OPINION',
  'RELIGION',
  'TRADE_UNION',
  'SEX_LIFE',
  'GENETIC_BIOMETRIC',
  'CRIMINAL_OFFENCE',
  'LOCATION',
  'COMMUNICATION_METADATA',
  'OSL_SECRET',
] as const;
export type PersonalDataCategory = (typeof PERSONAL_DATA_CATEGORIES)[number];

/** The KLASSA aspects (4b), the keys of an asset's derived and effective levels. */
export interface AspectLevels {
  K: number | null;
  R: number | null;
  T: number | null;
  S: number | null;
}

export const INFORMATION_SET_STATUS_LABELS: Record<InformationSetStatus, string> = {
  DRAFT: 'Utkast',
  ACTIVE: 'Aktiv',
  RETIRED: 'Avvecklad',
};

export const ASSET_STATUS_LABELS: Record<AssetStatus, string> = {
  PLANNED: 'Planerad',
  PROCUREMENT: 'Upphandling',
  ACTIVE: 'I drift',
  PHASE_OUT: 'Under avveckling',
  RETIRED: 'Avvecklad',
};

export const ASSET_TYPE_LABELS: Record<AssetType, string> = {
  IT_SYSTEM: 'Verksamhetssystem/it-system',
  IT_COMPONENT: 'It-komponent',
  PHYSICAL_STORAGE: 'Fysisk lagringsplats',
  SPACE: 'Utrymme',
  PROCESS: 'Process',
  EXTERNAL_SERVICE: 'Extern tjänst',
  OTHER: 'Övrigt',
};

export const ASSET_SUBTYPE_LABELS: Record<AssetSubtype, string> = {
  STORAGE: 'Lagring',
  BACKUP: 'Säkerhetskopiering',
  FIREWALL: 'Brandvägg',
  NETWORK_EQUIPMENT: 'Kommunikationsutrustning',
  SERVER: 'Server',
  ENDPOINT: 'Klientenhet',
  IDENTITY: 'Identitet och behörighet',
  LOGGING: 'Loggning',
  OTHER: 'Övrigt',
};

export const HOSTING_LABELS: Record<Hosting, string> = {
  ON_PREMISES: 'Egen lokal',
  MUNICIPAL_DATACENTRE: 'Kommunens datacenter',
  OTHER_PUBLIC_BODY: 'Annan offentlig aktör',
  SWEDISH_SUPPLIER: 'Svensk leverantör',
  EU_SUPPLIER: 'Leverantör inom EU/EES',
  THIRD_COUNTRY: 'Tredjeland',
};

export const CRITICALITY_LABELS: Record<Criticality, string> = {
  LOW: 'Låg',
  NORMAL: 'Normal',
  HIGH: 'Hög',
  VITAL: 'Samhällsviktig',
};

export const LINK_ROLE_LABELS: Record<LinkRole, string> = {
  STORES: 'Lagrar',
  PROCESSES: 'Behandlar',
  TRANSFERS: 'Överför',
  USED_IN: 'Används i',
};

// No label holds `;` or `,`: lists of labels share a spreadsheet cell (libs/spreadsheet).
export const PERSONAL_DATA_CATEGORY_LABELS: Record<PersonalDataCategory, string> = {
  IDENTITY: 'Identitetsuppgifter',
  CONTACT: 'Kontaktuppgifter',
  PERSONAL_ID_NUMBER: 'Personnummer',
  FINANCIAL: 'Ekonomiska uppgifter',
  EVALUATIVE: 'Värderande uppgifter',
  HEALTH: 'Hälsa',
  ETHNIC_ORIGIN: 'Etniskt ursprung',
  POLITICAL_OPINION: 'Politiska åsikter',
  RELIGION: 'Religiös eller filosofisk övertygelse',
  TRADE_UNION: 'Fackligt medlemskap',
  SEX_LIFE: 'Sexualliv eller sexuell läggning',
  GENETIC_BIOMETRIC: 'Genetiska eller biometriska uppgifter',
  CRIMINAL_OFFENCE: 'Lagöverträdelser',
  LOCATION: 'Platsuppgifter',
  COMMUNICATION_METADATA: 'Kommunikationsuppgifter (metadata)',
  OSL_SECRET: 'Sekretessbelagda uppgifter (OSL)',
};
