import type { ReviewTrigger } from '../api/register-types';
import type { MessageKey } from '../i18n/messages';
import type { Aspect, Choice } from './wizard-model';

/** Catalogue keys of the classification words (domain.md §4b, KLASSA levels 0–4). */
export const ASPECT_KEYS: Record<Aspect, MessageKey> = {
  K: 'classification.aspect.K',
  R: 'classification.aspect.R',
  T: 'classification.aspect.T',
  S: 'classification.aspect.S',
};

export const LEVEL_KEYS: Record<Choice, MessageKey> = {
  0: 'classification.level.NEGLIGIBLE',
  1: 'classification.level.MODERATE',
  2: 'classification.level.SIGNIFICANT',
  3: 'classification.level.SERIOUS',
  4: 'classification.level.EXCEPTIONAL',
};

export type ClassificationStatus =
  'DRAFT' | 'PROPOSED' | 'DECIDED' | 'SPECIAL_HANDLING' | 'SUPERSEDED' | 'CANCELLED';

export const CLASSIFICATION_STATUS_KEYS: Record<ClassificationStatus, MessageKey> = {
  DRAFT: 'classification.status.DRAFT',
  PROPOSED: 'classification.status.PROPOSED',
  DECIDED: 'classification.status.DECIDED',
  SPECIAL_HANDLING: 'classification.status.SPECIAL_HANDLING',
  SUPERSEDED: 'classification.status.SUPERSEDED',
  CANCELLED: 'classification.status.CANCELLED',
};

export const levelKey = (level: number): MessageKey | null =>
  level in LEVEL_KEYS ? LEVEL_KEYS[level as Choice] : null;

/** Why a decision is flagged for review (BR-B5), in the words of libs/classification's labels. */
export const REVIEW_TRIGGER_KEYS: Record<ReviewTrigger, MessageKey> = {
  INITIAL: 'classification.trigger.INITIAL',
  PERIODIC: 'classification.trigger.PERIODIC',
  INFORMATION_CHANGED: 'classification.trigger.INFORMATION_CHANGED',
  NEW_ASSET_LINK: 'classification.trigger.NEW_ASSET_LINK',
  INCIDENT: 'classification.trigger.INCIDENT',
  LEGAL_CHANGE: 'classification.trigger.LEGAL_CHANGE',
  MANUAL: 'classification.trigger.MANUAL',
};
