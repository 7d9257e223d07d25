import { CreateFoundation1796154107714 } from './1796154107714-CreateFoundation';
import { CreateIncidents1796157777692 } from './1796157777692-CreateIncidents';
import { CreateInformationRegisters1796165300151 } from './1796165300151-CreateInformationRegisters';
import { IncidentSecrecyMarkings1796165360236 } from './1796165360236-IncidentSecrecyMarkings';
import { CreateClassification1796165695484 } from './1796165695484-CreateClassification';
import { Notifications1796166814851 } from './1796166814851-Notifications';
import { IncidentListIndexes1796167793094 } from './1796167793094-IncidentListIndexes';
import { IncidentAttachments1796167900645 } from './1796167900645-IncidentAttachments';
import { IncidentMergeBridgeNotices1796167957027 } from './1796167957027-IncidentMergeBridgeNotices';
import { ClassificationReviewFlags1796172000000 } from './1796172000000-ClassificationReviewFlags';
import { IncidentClockRules1796190300296 } from './1796190300296-IncidentClockRules';
import { IncidentCrisisEscalation1796191187467 } from './1796191187467-IncidentCrisisEscalation';
import { ClassificationSessions1796191345733 } from './1796191345733-ClassificationSessions';
import { NotificationLink1796193619277 } from './1796193619277-NotificationLink';
import { HistoryChainHead1796200000000 } from './1796200000000-HistoryChainHead';
import { IncidentStatisticsIndexes1796220416825 } from './1796220416825-IncidentStatisticsIndexes';
import { RegisterUnitIndexes1796230000000 } from './1796230000000-RegisterUnitIndexes';
import { NotificationSubjectIndex1796230100000 } from './1796230100000-NotificationSubjectIndex';

// Every migration in order. Explicit classes (not a glob) so the app, the CLI and vitest load the same list.
export const MIGRATIONS = [
  CreateFoundation1796154107714,
  CreateIncidents1796157777692,
  CreateInformationRegisters1796165300151,
  IncidentSecrecyMarkings1796165360236,
  CreateClassification1796165695484,
  Notifications1796166814851,
  IncidentListIndexes1796167793094,
  IncidentAttachments1796167900645,
  IncidentMergeBridgeNotices1796167957027,
  ClassificationReviewFlags1796172000000,
  IncidentClockRules1796190300296,
  IncidentCrisisEscalation1796191187467,
  ClassificationSessions1796191345733,
  NotificationLink1796193619277,
  HistoryChainHead1796200000000,
  IncidentStatisticsIndexes1796220416825,
  RegisterUnitIndexes1796230000000,
  NotificationSubjectIndex1796230100000,
];
