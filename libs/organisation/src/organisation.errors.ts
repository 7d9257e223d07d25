import { badRequest, conflict, notFound } from '@varna/core';

export const OrgErrors = {
  unitNotFound: () =>
    notFound('ORG_UNIT_NOT_FOUND', 'Organisationsenheten finns inte eller ligger utanför din behörighet.'),
  parentNotFound: () => notFound('ORG_UNIT_PARENT_NOT_FOUND', 'Den överordnade enheten finns inte.'),
  personNotFound: () =>
    notFound('PERSON_NOT_FOUND', 'Personen finns inte eller ligger utanför din behörighet.'),
  assignmentNotFound: () =>
    notFound(
      'ROLE_ASSIGNMENT_NOT_FOUND',
      'Rolltilldelningen finns inte eller ligger utanför din behörighet.',
    ),
  codeTaken: (code: string) => conflict('ORG_UNIT_CODE_TAKEN', `Koden ${code} används redan.`, { code }),
  usernameTaken: (username: string) =>
    conflict('PERSON_USERNAME_TAKEN', `Användarnamnet ${username} används redan.`, { username }),
  versionConflict: (current: number) =>
    conflict('VERSION_CONFLICT', 'Posten har ändrats av någon annan. Läs om och försök igen.', {
      currentVersion: current,
    }),
  moveCycle: () =>
    conflict(
      'ORG_UNIT_MOVE_CYCLE',
      'En enhet kan inte flyttas till sig själv eller till en av sina underenheter.',
    ),
  rootImmutable: () => conflict('ORG_UNIT_ROOT_IMMUTABLE', 'Rotenheten kan inte flyttas eller avvecklas.'),
  parentInactive: () => conflict('ORG_UNIT_PARENT_INACTIVE', 'Den överordnade enheten är avvecklad.'),
  unitInactive: () => conflict('ORG_UNIT_INACTIVE', 'Enheten är avvecklad.'),
  hasActiveChildren: (count: number) =>
    conflict(
      'ORG_UNIT_HAS_ACTIVE_CHILDREN',
      `Enheten har ${count} aktiva underenheter. Flytta eller avveckla dem först.`,
      { activeChildren: count },
    ),
  hasActiveAssignments: (count: number) =>
    conflict(
      'ORG_UNIT_HAS_ACTIVE_ASSIGNMENTS',
      `Enheten har ${count} gällande rolltilldelningar. Avsluta eller flytta dem först.`,
      { activeAssignments: count },
    ),
  hasPeople: (count: number) =>
    conflict(
      'ORG_UNIT_HAS_PEOPLE',
      `${count} aktiva personer har enheten som hemenhet. Flytta dem till en annan enhet först.`,
      { activePeople: count },
    ),
  committeeInvalid: () =>
    badRequest(
      'ORG_UNIT_SERVES_INVALID',
      'servesCommitteeId måste vara en nämnd eller kommunstyrelsen i samma kommun.',
    ),
  validRange: () => badRequest('VALID_RANGE_INVALID', 'validTo får inte vara före validFrom.'),
  duplicateUnits: () => badRequest('ROLE_ASSIGNMENT_DUPLICATE_UNITS', 'Samma enhet anges flera gånger.'),
};
