import { CredentialEntity, LoginAttemptEntity, SessionEntity } from '@varna/auth';
import {
  ActionPlanItemEntity,
  ClassificationEntity,
  ClassificationSessionEntity,
  ClassificationSettingsEntity,
  ProtectionOverrideEntity,
} from '@varna/classification';
import { HistoryChainHeadEntity, HistoryEntryEntity } from '@varna/history';
import {
  IncidentAttachmentContentEntity,
  IncidentAttachmentEntity,
  IncidentClockRulesEntity,
  IncidentEntity,
  IncidentNumberCounterEntity,
  IncidentSecrecyMarkingEntity,
  IncidentTimelineEntryEntity,
  InformationNoticeEntity,
  RegulatoryObligationEntity,
} from '@varna/incident';
import { NotificationEntity } from '@varna/notification';
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
  HistoryChainHeadEntity,
  CredentialEntity,
  SessionEntity,
  LoginAttemptEntity,
  IncidentEntity,
  IncidentNumberCounterEntity,
  IncidentTimelineEntryEntity,
  RegulatoryObligationEntity,
  IncidentSecrecyMarkingEntity,
  NotificationEntity,
  InformationNoticeEntity,
  IncidentAttachmentEntity,
  IncidentAttachmentContentEntity,
  InformationSetEntity,
  AssetEntity,
  AssetInformationLinkEntity,
  AssetDependencyEntity,
  ClassificationEntity,
  ProtectionOverrideEntity,
  ActionPlanItemEntity,
  ClassificationSettingsEntity,
  IncidentClockRulesEntity,
  ClassificationSessionEntity,
];
