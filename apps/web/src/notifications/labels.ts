import type { MessageKey } from '../i18n/messages';

/** The senders' kinds (libs/incident, libs/classification) → catalogue keys; unknown kinds get a generic word. */
export const NOTIFICATION_KIND_KEYS: Record<string, MessageKey> = {
  OBLIGATION_HALF: 'notifications.kind.OBLIGATION_HALF',
  OBLIGATION_NINETY: 'notifications.kind.OBLIGATION_NINETY',
  OBLIGATION_OVERDUE: 'notifications.kind.OBLIGATION_OVERDUE',
  INCIDENT_SEVERE: 'notifications.kind.INCIDENT_SEVERE',
  INCIDENT_UNTRIAGED: 'notifications.kind.INCIDENT_UNTRIAGED',
  CLASSIFICATION_DUE_SOON: 'notifications.kind.CLASSIFICATION_DUE_SOON',
  CLASSIFICATION_OVERDUE: 'notifications.kind.CLASSIFICATION_OVERDUE',
  CLASSIFICATION_FLAGGED: 'notifications.kind.CLASSIFICATION_FLAGGED',
  CLASSIFICATION_SPECIAL_HANDLING: 'notifications.kind.CLASSIFICATION_SPECIAL_HANDLING',
};

export const kindKey = (kind: string): MessageKey =>
  NOTIFICATION_KIND_KEYS[kind] ?? 'notifications.kind.other';

/** The link's words by the object it opens. */
export const openKey = (subjectType: string): MessageKey =>
  subjectType === 'Incident'
    ? 'notifications.open.Incident'
    : subjectType === 'InformationSet'
      ? 'notifications.open.InformationSet'
      : 'notifications.open.other';
