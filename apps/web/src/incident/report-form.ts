import type { TriState } from '../api/types';
import type { MessageKey } from '../i18n/messages';
import { fromStockholmInput, toStockholmInput } from './time';

/** The D-23 reporting form as typed in (datetime-local values are Stockholm wall time). */
export interface ReportFormValues {
  description: string;
  title: string;
  occurredAt: string;
  discoveredAt: string;
  orgUnitId: string;
  personalDataInvolved: TriState | '';
  ongoing: TriState | '';
}

export type ReportField = keyof ReportFormValues;
export type ReportErrors = Partial<Record<ReportField, MessageKey>>;

/** What `POST /api/incidents` takes (CreateIncidentDto). */
export interface CreateIncidentBody {
  description: string;
  title?: string;
  orgUnitId: string;
  occurredAt?: string;
  discoveredAt?: string;
  personalDataInvolved: TriState;
  ongoing: TriState;
}

export const DESCRIPTION_MAX = 20_000;
export const TITLE_MAX = 200;

/** A fresh form: discovered now (Stockholm wall time, to the minute), the reporter's home unit. */
export function emptyReport(homeOrgUnitId: string, now: Date = new Date()): ReportFormValues {
  return {
    description: '',
    title: '',
    occurredAt: '',
    discoveredAt: toStockholmInput(now),
    orgUnitId: homeOrgUnitId,
    personalDataInvolved: '',
    ongoing: '',
  };
}

/** The field order of the form, for the error summary. */
export const REPORT_FIELDS: readonly ReportField[] = [
  'description',
  'title',
  'occurredAt',
  'discoveredAt',
  'orgUnitId',
  'personalDataInvolved',
  'ongoing',
];

/**
 * What the person must fix before sending; the server checks the same again. Times may not lie in
 * the future (to the minute the field can show) and it cannot have happened after it was discovered.
 */
export function validateReport(values: ReportFormValues, now: Date = new Date()): ReportErrors {
  const errors: ReportErrors = {};
  if (!values.description.trim()) errors.description = 'report.error.descriptionRequired';
  else if (values.description.length > DESCRIPTION_MAX)
    errors.description = 'report.error.descriptionTooLong';
  if (values.title.length > TITLE_MAX) errors.title = 'report.error.titleTooLong';
  const latest = now.getTime() + 60_000;
  const discovered = values.discoveredAt ? fromStockholmInput(values.discoveredAt) : null;
  if (!values.discoveredAt.trim()) errors.discoveredAt = 'report.error.discoveredRequired';
  else if (!discovered) errors.discoveredAt = 'report.error.timeInvalid';
  else if (Date.parse(discovered) >= latest) errors.discoveredAt = 'report.error.timeInFuture';
  if (values.occurredAt.trim()) {
    const occurred = fromStockholmInput(values.occurredAt);
    if (!occurred) errors.occurredAt = 'report.error.timeInvalid';
    else if (Date.parse(occurred) >= latest) errors.occurredAt = 'report.error.timeInFuture';
    else if (discovered && Date.parse(occurred) > Date.parse(discovered))
      errors.occurredAt = 'report.error.occurredAfterDiscovered';
  }
  if (!values.orgUnitId) errors.orgUnitId = 'report.error.unitRequired';
  if (!values.personalDataInvolved) errors.personalDataInvolved = 'report.error.answerRequired';
  if (!values.ongoing) errors.ongoing = 'report.error.answerRequired';
  return errors;
}

/**
 * The request body. `discoveredAt` is sent only when the person changed it: left at "now" the
 * server's own clock says when, so a device clock running ahead is never "in the future".
 */
export function reportBody(values: ReportFormValues, discoveredChanged: boolean): CreateIncidentBody {
  const title = values.title.trim();
  const occurredAt = values.occurredAt.trim() ? fromStockholmInput(values.occurredAt) : null;
  const discoveredAt = discoveredChanged ? fromStockholmInput(values.discoveredAt) : null;
  return {
    description: values.description,
    ...(title ? { title } : {}),
    orgUnitId: values.orgUnitId,
    ...(occurredAt ? { occurredAt } : {}),
    ...(discoveredAt ? { discoveredAt } : {}),
    personalDataInvolved: values.personalDataInvolved as TriState,
    ongoing: values.ongoing as TriState,
  };
}

/** The API's field names of a 400 mapped onto the form's fields. */
export function serverFieldErrors(details: unknown): ReportField[] {
  if (!Array.isArray(details)) return [];
  const fields = details
    .map((d) => (typeof d === 'object' && d !== null ? (d as { field?: unknown }).field : undefined))
    .filter(
      (f): f is ReportField => typeof f === 'string' && (REPORT_FIELDS as readonly string[]).includes(f),
    );
  return [...new Set(fields)];
}
