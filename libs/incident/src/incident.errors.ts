import { badRequest, conflict, DomainError, forbidden, notFound } from '@varna/core';
import {
  CLOSING_ISSUE_CODES,
  VALIDATION_ISSUE_LABELS,
  type ClosingIssue,
  type IncidentStatus,
  type ValidationIssue,
} from './domain';

const CLOSING_ISSUE_MESSAGES: Record<(typeof CLOSING_ISSUE_CODES)[number], string> = {
  OBLIGATION_OPEN: 'Ett rapporteringskrav är inte inlämnat eller beslutat.',
  LATE_REASON_MISSING: 'En för sen rapport saknar skäl till förseningen.',
  ROOT_CAUSE_REQUIRED: 'Ange grundorsak.',
  LESSONS_LEARNED_REQUIRED: 'Ange lärdomar.',
};

export const IncidentErrors = {
  notFound: () =>
    notFound('INCIDENT_NOT_FOUND', 'Incidenten finns inte eller ligger utanför din behörighet.'),
  obligationNotFound: () =>
    notFound('OBLIGATION_NOT_FOUND', 'Rapporteringskravet finns inte eller ligger utanför din behörighet.'),
  versionConflict: (current: number) =>
    conflict('VERSION_CONFLICT', 'Posten har ändrats av någon annan. Läs om och försök igen.', {
      currentVersion: current,
    }),
  idempotencyKeyInvalid: () =>
    badRequest(
      'INCIDENT_IDEMPOTENCY_KEY_INVALID',
      'Idempotency-Key: 1–100 tecken, bokstäver, siffror, punkt, kolon, bindestreck eller understreck.',
    ),
  idempotencyConflict: () =>
    conflict(
      'INCIDENT_IDEMPOTENCY_CONFLICT',
      'Samma Idempotency-Key har redan använts för en annan rapport.',
    ),
  unitInvalid: () =>
    badRequest('INCIDENT_UNIT_INVALID', 'Enheten finns inte eller är avvecklad.', [
      { field: 'orgUnitId', messages: ['Enheten finns inte eller är avvecklad.'] },
    ]),
  personInvalid: (field: string) =>
    badRequest('INCIDENT_PERSON_INVALID', 'Personen finns inte eller har inget aktivt konto.', [
      { field, messages: ['Personen finns inte eller har inget aktivt konto.'] },
    ]),
  timeInvalid: (field: string, message: string) =>
    badRequest('INCIDENT_TIME_INVALID', message, [{ field, messages: [message] }]),
  subtypeInvalid: () =>
    badRequest('INCIDENT_SUBTYPE_INVALID', 'Undertypen passar inte incidenttypen.', [
      { field: 'subtype', messages: ['Undertypen passar inte incidenttypen.'] },
    ]),
  personalDataContradiction: () =>
    badRequest(
      'INCIDENT_PERSONAL_DATA_CONTRADICTION',
      'En personuppgiftsincident berör personuppgifter: personalDataInvolved kan inte vara NO.',
      [{ field: 'personalDataInvolved', messages: ['Måste vara YES för en personuppgiftsincident.'] }],
    ),
  triageIncomplete: () =>
    badRequest(
      'INCIDENT_TRIAGE_INCOMPLETE',
      'Ange om personuppgifter berörs (Ja eller Nej) innan incidenten bedöms.',
      [{ field: 'personalDataInvolved', messages: ['YES eller NO krävs vid bedömning.'] }],
    ),
  reasonRequired: (field: string) =>
    badRequest('INCIDENT_REASON_REQUIRED', 'Ange ett skäl.', [{ field, messages: ['Ange ett skäl.'] }]),
  invalidTransition: (from: IncidentStatus, to: IncidentStatus, allowed: IncidentStatus[]) =>
    conflict('INCIDENT_INVALID_TRANSITION', `Incidenten kan inte gå från ${from} till ${to}.`, {
      from,
      to,
      allowed,
    }),
  transitionForbidden: () =>
    forbidden('INCIDENT_TRANSITION_FORBIDDEN', 'Din roll får inte ta detta steg för incidenten.'),
  closeBlocked: (issues: ClosingIssue[]) =>
    conflict(
      'INCIDENT_CLOSE_BLOCKED',
      'Incidenten kan inte avslutas ännu.',
      issues.map((i) => ({ ...i, message: CLOSING_ISSUE_MESSAGES[i.code] })),
    ),
  rejectBlocked: (issues: ClosingIssue[]) =>
    conflict(
      'INCIDENT_REJECT_BLOCKED',
      'Rapporteringskrav är öppna: lämna in, besluta eller låt dem utgå först.',
      issues.map((i) => ({ ...i, message: CLOSING_ISSUE_MESSAGES[i.code] })),
    ),
  notTriaged: (fields: string[]) =>
    conflict(
      'INCIDENT_NOT_TRIAGED',
      'Typ, allvarlighetsgrad och bedömningar sätts vid bedömningen (triage).',
      { fields },
    ),
  closed: () =>
    conflict('INCIDENT_CLOSED', 'Incidenten är avslutad eller avvisad. Återöppna den för att ändra.'),
  obligationAutomatic: () =>
    conflict(
      'OBLIGATION_AUTOMATIC',
      'Dokumentationen enligt art. 33.5 blir klar när händelse, konsekvenser och åtgärder är ifyllda.',
    ),
  decisionAtNotApplicable: () =>
    badRequest('OBLIGATION_DECISION_AT_NOT_APPLICABLE', 'Steget startar inte vid ett beslut.', [
      { field: 'decisionAt', messages: ['Endast för steg som räknas från ett beslut (IVO).'] },
    ]),
  mergeInvalid: (message: string) => conflict('INCIDENT_MERGE_INVALID', message),
  qualityBridgeNotApplicable: () =>
    conflict(
      'INCIDENT_QUALITY_BRIDGE_NOT_APPLICABLE',
      'Frågan ställs för avvikelser om sekretess eller registrering och arkiv som inte redan besvarats.',
    ),
  provisionInvalid: () =>
    badRequest(
      'SECRECY_PROVISION_INVALID',
      'Ange en bestämmelse i offentlighets- och sekretesslagen, t.ex. "26 kap. 1 § OSL".',
      [{ field: 'provision', messages: ['Formen är "<kapitel> kap. <paragraf> § OSL".'] }],
    ),
  secrecyMarkingExists: (fields: string[]) =>
    conflict('SECRECY_MARKING_EXISTS', 'Fälten är redan markerade enligt samma bestämmelse.', { fields }),
  secrecyMarkingNotFound: () =>
    notFound('SECRECY_MARKING_NOT_FOUND', 'Sekretessmarkeringen finns inte för incidenten.'),
  lateAfterAwareAtChange: (obligationIds: string[]) =>
    conflict(
      'OBLIGATION_LATE_REASON_REQUIRED',
      'Med den nya tidpunkten för kännedom blir en inlämnad rapport för sen, och den saknar skäl.',
      { obligationIds },
    ),
};

/**
 * The clock domain's issues as one coded error: the first issue names the code
 * (`OBLIGATION_LATE_REASON_REQUIRED` …), every issue is in the details. An unauthorised decider is
 * 403, a stage already closed 409, the rest 400.
 */
export function obligationIssuesError(issues: ValidationIssue[], prefix = 'OBLIGATION'): DomainError {
  const [first] = issues;
  const details = issues.map((i) => ({
    code: i.code,
    field: i.field,
    messages: [VALIDATION_ISSUE_LABELS[i.code].sv],
  }));
  const code = `${prefix}_${first.code}`;
  const message = VALIDATION_ISSUE_LABELS[first.code].sv;
  if (first.code === 'DECIDER_NOT_AUTHORISED') return new DomainError('FORBIDDEN', code, message, details);
  if (first.code === 'ALREADY_CLOSED') return new DomainError('CONFLICT', code, message, details);
  return new DomainError('BAD_REQUEST', code, message, details);
}
