import type {
  AssetStatus,
  AssetSubtype,
  AssetType,
  Criticality,
  Hosting,
  InformationSetStatus,
  LinkRole,
  PersonalDataCategory,
} from '../api/register-types';
import type { MessageKey } from '../i18n/messages';

/** Catalogue keys of the register enumerations (domain.md §4a); Swedish as the API's labels. */
export const INFORMATION_SET_STATUS_KEYS: Record<InformationSetStatus, MessageKey> = {
  DRAFT: 'infoSets.status.DRAFT',
  ACTIVE: 'infoSets.status.ACTIVE',
  RETIRED: 'infoSets.status.RETIRED',
};

export const ASSET_STATUS_KEYS: Record<AssetStatus, MessageKey> = {
  PLANNED: 'assets.status.PLANNED',
  PROCUREMENT: 'assets.status.PROCUREMENT',
  ACTIVE: 'assets.status.ACTIVE',
  PHASE_OUT: 'assets.status.PHASE_OUT',
  RETIRED: 'assets.status.RETIRED',
};

export const ASSET_TYPE_KEYS: Record<AssetType, MessageKey> = {
  IT_SYSTEM: 'assets.type.IT_SYSTEM',
  IT_COMPONENT: 'assets.type.IT_COMPONENT',
  PHYSICAL_STORAGE: 'assets.type.PHYSICAL_STORAGE',
  SPACE: 'assets.type.SPACE',
  PROCESS: 'assets.type.PROCESS',
  EXTERNAL_SERVICE: 'assets.type.EXTERNAL_SERVICE',
  OTHER: 'assets.type.OTHER',
};

export const ASSET_SUBTYPE_KEYS: Record<AssetSubtype, MessageKey> = {
  STORAGE: 'assets.subtype.STORAGE',
  BACKUP: 'assets.subtype.BACKUP',
  FIREWALL: 'assets.subtype.FIREWALL',
  NETWORK_EQUIPMENT: 'assets.subtype.NETWORK_EQUIPMENT',
  SERVER: 'assets.subtype.SERVER',
  ENDPOINT: 'assets.subtype.ENDPOINT',
  IDENTITY: 'assets.subtype.IDENTITY',
  LOGGING: 'assets.subtype.LOGGING',
  OTHER: 'assets.subtype.OTHER',
};

export const HOSTING_KEYS: Record<Hosting, MessageKey> = {
  ON_PREMISES: 'assets.hosting.ON_PREMISES',
  MUNICIPAL_DATACENTRE: 'assets.hosting.MUNICIPAL_DATACENTRE',
  OTHER_PUBLIC_BODY: 'assets.hosting.OTHER_PUBLIC_BODY',
  SWEDISH_SUPPLIER: 'assets.hosting.SWEDISH_SUPPLIER',
  EU_SUPPLIER: 'assets.hosting.EU_SUPPLIER',
  THIRD_COUNTRY: 'assets.hosting.THIRD_COUNTRY',
};

export const CRITICALITY_KEYS: Record<Criticality, MessageKey> = {
  LOW: 'assets.criticality.LOW',
  NORMAL: 'assets.criticality.NORMAL',
  HIGH: 'assets.criticality.HIGH',
  VITAL: 'assets.criticality.VITAL',
};

export const LINK_ROLE_KEYS: Record<LinkRole, MessageKey> = {
  STORES: 'assets.linkRole.STORES',
  PROCESSES: 'assets.linkRole.PROCESSES',
  TRANSFERS: 'assets.linkRole.TRANSFERS',
  USED_IN: 'assets.linkRole.USED_IN',
};

export const PERSONAL_DATA_CATEGORY_KEYS: Record<PersonalDataCategory, MessageKey> = {
  IDENTITY: 'infoSets.pdCategory.IDENTITY',
  CONTACT: 'infoSets.pdCategory.CONTACT',
  PERSONAL_ID_NUMBER: 'infoSets.pdCategory.PERSONAL_ID_NUMBER',
  FINANCIAL: 'infoSets.pdCategory.FINANCIAL',
  EVALUATIVE: 'infoSets.pdCategory.EVALUATIVE',
  HEALTH: 'infoSets.pdCategory.HEALTH',
  ETHNIC_ORIGIN: 'infoSets.pdCategory.ETHNIC_ORIGIN',
  POLITICAL_OPINION: 'infoSets.pdCategory.POLITICAL_OPINION',
  RELIGION: 'infoSets.pdCategory.RELIGION',
  TRADE_UNION: 'infoSets.pdCategory.TRADE_UNION',
  SEX_LIFE: 'infoSets.pdCategory.SEX_LIFE',
  GENETIC_BIOMETRIC: 'infoSets.pdCategory.GENETIC_BIOMETRIC',
  CRIMINAL_OFFENCE: 'infoSets.pdCategory.CRIMINAL_OFFENCE',
  LOCATION: 'infoSets.pdCategory.LOCATION',
  COMMUNICATION_METADATA: 'infoSets.pdCategory.COMMUNICATION_METADATA',
  OSL_SECRET: 'infoSets.pdCategory.OSL_SECRET',
};
