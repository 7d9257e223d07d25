import { CredentialEntity, LoginAttemptEntity, SessionEntity } from '@varna/auth';
import {
  ActionPlanItemEntity,
  ClassificationEntity,
  ClassificationSettingsEntity,
  ProtectionOverrideEntity,
} from '@varna/classification';
import { HistoryEntryEntity } from '@varna/history';
import {
  IncidentEntity,
  IncidentNumberCounterEntity,
  IncidentTimelineEntryEntity,
  RegulatoryObligationEntity,
} from '@varna/incident';
import {
  AssetDependencyEntity,
  AssetEntity,
  AssetInformationLinkEntity,
  InformationSetEntity,
} from '@varna/information';
import { OrgUnitEntity, PersonEntity, RoleAssignmentEntity, TenantEntity } from '@varna/organisation';

/** Every entity of the installation: the one list the app, the CLI and the tests share. */
export const ENTITIES = [
  TenantEntity,
  OrgUnitEntity,
  PersonEntity,
  RoleAssignmentEntity,
  HistoryEntryEntity,
  CredentialEntity,
  SessionEntity,
  LoginAttemptEntity,
  IncidentEntity,
  IncidentNumberCounterEntity,
  IncidentTimelineEntryEntity,
  RegulatoryObligationEntity,
  InformationSetEntity,
  AssetEntity,
  AssetInformationLinkEntity,
  AssetDependencyEntity,
  ClassificationEntity,
  ProtectionOverrideEntity,
  ActionPlanItemEntity,
  ClassificationSettingsEntity,
];
