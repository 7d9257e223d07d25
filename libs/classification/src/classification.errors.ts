import { badRequest, conflict, DomainError, notFound } from '@varna/core';
import { ClassificationLifecycleError, OverrideLifecycleError } from './domain';

const fieldDetails = (fields: string[], message: string) =>
  fields.map((field) => ({ field, messages: [message] }));

export const ClassificationErrors = {
  notFound: () =>
    notFound('CLASSIFICATION_NOT_FOUND', 'Klassningen finns inte eller ligger utanför din behörighet.'),
  setNotFound: () =>
    notFound(
      'INFORMATION_SET_NOT_FOUND',
      'Informationsmängden finns inte eller ligger utanför din behörighet.',
    ),
  assetNotFound: () =>
    notFound('ASSET_NOT_FOUND', 'Tillgången finns inte eller ligger utanför din behörighet.'),
  overrideNotFound: () =>
    notFound('OVERRIDE_NOT_FOUND', 'Justeringen finns inte eller ligger utanför din behörighet.'),
  actionPlanItemNotFound: () =>
    notFound(
      'ACTION_PLAN_ITEM_NOT_FOUND',
      'Handlingsplanens krav finns inte eller ligger utanför din behörighet.',
    ),
  setNotActive: () =>
    conflict('INFORMATION_SET_NOT_ACTIVE', 'Endast en aktiv informationsmängd eller ett utkast kan klassas.'),
  openExists: () =>
    conflict('CLASSIFICATION_OPEN_EXISTS', 'Informationsmängden har redan en klassning under arbete.'),
  versionConflict: (current: number) =>
    conflict('VERSION_CONFLICT', 'Posten har ändrats av någon annan. Läs om och försök igen.', {
      currentVersion: current,
    }),
  personInvalid: (field: string) =>
    badRequest('PERSON_INVALID', 'Personen finns inte eller har inget aktivt konto.', [
      { field, messages: ['Personen finns inte eller har inget aktivt konto.'] },
    ]),
  categoryInvalid: () =>
    badRequest('CONSEQUENCE_CATEGORY_INVALID', 'Okänd konsekvenskategori.', [
      { field: 'consequenceCategories', messages: ['Okänd konsekvenskategori.'] },
    ]),
  planExists: () => conflict('ACTION_PLAN_EXISTS', 'Tillgången har redan en handlingsplan.'),
  planWithoutLevels: () =>
    conflict(
      'ACTION_PLAN_NO_LEVELS',
      'Tillgången har inga skyddsnivåer än; klassa dess informationsmängder först.',
    ),
  notApplicableReasonRequired: () =>
    badRequest('NOT_APPLICABLE_REASON_REQUIRED', 'Ange varför kravet inte är tillämpligt.', [
      { field: 'notApplicableReason', messages: ['Ange varför kravet inte är tillämpligt.'] },
    ]),
};

/** Guards of the life cycles: status conflicts are 409, missing input 400. */
export function lifecycleError(e: unknown): DomainError {
  if (e instanceof ClassificationLifecycleError) {
    if (e.code === 'WRONG_STATUS' || e.code === 'NOT_EDITABLE' || e.code === 'NOT_FLAGGED') {
      return conflict(`CLASSIFICATION_${e.code}`, e.message);
    }
    return badRequest(`CLASSIFICATION_${e.code}`, e.message, fieldDetails(e.fields, e.message));
  }
  if (e instanceof OverrideLifecycleError) {
    if (e.code === 'OVERRIDE_WRONG_STATUS') return conflict(e.code, e.message);
    return badRequest(e.code, e.message, fieldDetails(e.fields, e.message));
  }
  throw e;
}

/** Runs a domain step and maps its guard errors. */
export function guarded<T>(step: () => T): T {
  try {
    return step();
  } catch (e) {
    throw lifecycleError(e);
  }
}
