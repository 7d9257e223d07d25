import { badRequest, conflict, notFound } from '@varna/core';
import { SessionLifecycleError } from './session.domain';

export const SessionErrors = {
  notFound: () =>
    notFound(
      'CLASSIFICATION_SESSION_NOT_FOUND',
      'Klassningstillfället finns inte eller ligger utanför din behörighet.',
    ),
  /** POST /api/classifications with a sessionId the caller cannot read. */
  sessionInvalid: () =>
    badRequest(
      'CLASSIFICATION_SESSION_INVALID',
      'Klassningstillfället finns inte eller ligger utanför din behörighet.',
      [
        {
          field: 'sessionId',
          messages: ['Klassningstillfället finns inte eller ligger utanför din behörighet.'],
        },
      ],
    ),
  sessionNotOpen: () =>
    conflict(
      'CLASSIFICATION_SESSION_NOT_OPEN',
      'Klassningstillfället är avslutat eller inställt; klassningar kan bara påbörjas vid planerade eller genomförda tillfällen.',
    ),
  setNotInSession: () =>
    badRequest('INFORMATION_SET_NOT_IN_SESSION', 'Informationsmängden ingår inte i klassningstillfället.', [
      { field: 'informationSetId', messages: ['Informationsmängden ingår inte i klassningstillfället.'] },
    ]),
  unitInvalid: () =>
    badRequest('ORG_UNIT_INVALID', 'Enheten finns inte eller är inte aktiv.', [
      { field: 'orgUnitId', messages: ['Enheten finns inte eller är inte aktiv.'] },
    ]),
  /** Some sets are unknown, unreadable, retired or outside the unit's subtree: each one named. */
  setsInvalid: (message: string, sets: string[]) =>
    badRequest('INFORMATION_SETS_INVALID', message, [
      { field: 'informationSetIds', messages: sets.map((s) => `${s}: ${message}`) },
    ]),
  leaderInvalid: () =>
    badRequest(
      'SESSION_LEADER_INVALID',
      'Den som leder tillfället ska vara informationssäkerhetssamordnare för enheten eller CISO, med ett aktivt konto.',
      [
        {
          field: 'ledById',
          messages: ['Ska vara samordnare (COORDINATOR) för enheten eller CISO, med ett aktivt konto.'],
        },
      ],
    ),
  participantsInvalid: (ids: string[]) =>
    badRequest('PARTICIPANT_INVALID', 'Deltagarna ska vara personer i kommunen med ett aktivt konto.', [
      { field: 'participantIds', messages: ids.map((id) => `Okänd eller inaktiv person: ${id}`) },
    ]),
  versionConflict: (current: number) =>
    conflict('VERSION_CONFLICT', 'Posten har ändrats av någon annan. Läs om och försök igen.', {
      currentVersion: current,
    }),
};

/** Session guards: a wrong status is 409, missing or bad input 400. */
export function sessionGuarded<T>(step: () => T): T {
  try {
    return step();
  } catch (e) {
    if (e instanceof SessionLifecycleError) {
      if (e.code === 'SESSION_WRONG_STATUS') throw conflict(e.code, e.message);
      throw badRequest(
        e.code,
        e.message,
        e.fields.map((field) => ({ field, messages: [e.message] })),
      );
    }
    throw e;
  }
}
