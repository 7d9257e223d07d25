import { badRequest, conflict, forbidden, notFound } from '@varna/core';

const field = (name: string, message: string) => [{ field: name, messages: [message] }];

/** Coded errors of the information and asset registers. */
export const InformationErrors = {
  setNotFound: () =>
    notFound(
      'INFORMATION_SET_NOT_FOUND',
      'Informationsmängden finns inte eller ligger utanför din behörighet.',
    ),
  assetNotFound: () =>
    notFound('ASSET_NOT_FOUND', 'Tillgången finns inte eller ligger utanför din behörighet.'),
  linkNotFound: () =>
    notFound('ASSET_INFORMATION_LINK_NOT_FOUND', 'Tillgången är inte kopplad till informationsmängden.'),
  dependencyNotFound: () =>
    notFound('ASSET_DEPENDENCY_NOT_FOUND', 'Tillgången är inte beroende av den stödjande tillgången.'),
  versionConflict: (current: number) =>
    conflict('VERSION_CONFLICT', 'Posten har ändrats av någon annan. Läs om och försök igen.', {
      currentVersion: current,
    }),
  codeTaken: (kind: 'INFORMATION_SET' | 'ASSET', code: string) =>
    conflict(`${kind}_CODE_TAKEN`, `Beteckningen ${code} används redan.`, field('code', 'Används redan.')),
  duplicateCodes: (codes: string[]) =>
    badRequest('DUPLICATE_CODES', 'Samma beteckning förekommer flera gånger.', { codes }),
  unitInvalid: (name = 'orgUnitId') =>
    badRequest(
      'ORG_UNIT_INVALID',
      'Enheten finns inte eller är avvecklad.',
      field(name, 'Okänd eller avvecklad enhet.'),
    ),
  personInvalid: (name: string) =>
    badRequest(
      'PERSON_INVALID',
      'Personen finns inte eller har inget aktivt konto.',
      field(name, 'Personen finns inte eller har inget aktivt konto.'),
    ),
  appointmentForbidden: () =>
    forbidden(
      'OWNER_APPOINTMENT_FORBIDDEN',
      'Ägare och systemförvaltare utses av verksamhetsansvarig för enheten eller av CISO (BR-A2).',
    ),
  appointmentRefWithoutOwner: (name: string) =>
    badRequest(
      'APPOINTMENT_REF_WITHOUT_APPOINTMENT',
      'Diarienummer för utseendet anges tillsammans med den som utses.',
      field(name, 'Anges bara när ägaren byts.'),
    ),
  specialHandlingFields: (fields: string[]) =>
    badRequest(
      'INFORMATION_SET_SPECIAL_HANDLING_FIELDS',
      'En informationsmängd med särskild hantering har bara beteckning, namn, ägare och enhet (BR-A6).',
      fields.map((f) => ({ field: f, messages: ['Får inte anges vid särskild hantering.'] })),
    ),
  personalDataInconsistent: (fields: string[]) =>
    badRequest(
      'INFORMATION_SET_PERSONAL_DATA_INCONSISTENT',
      'Personuppgiftskategorier, känsliga uppgifter och skyddad identitet förutsätter att mängden innehåller personuppgifter.',
      fields.map((f) => ({ field: f, messages: ['Kräver containsPersonalData = true.'] })),
    ),
  subtypeInvalid: () =>
    badRequest(
      'ASSET_SUBTYPE_INVALID',
      'Undertyp anges bara för it-komponenter.',
      field('subtype', 'Endast för typen IT_COMPONENT.'),
    ),
  hostingInvalid: () =>
    badRequest(
      'ASSET_HOSTING_INVALID',
      'En process har ingen driftform.',
      field('hosting', 'Ska vara tom för typen PROCESS.'),
    ),
  invalidTransition: (from: string, to: string, allowed: string[]) =>
    conflict('INVALID_TRANSITION', `Posten kan inte gå från ${from} till ${to}.`, { from, to, allowed }),
  transitionForbidden: () => forbidden('TRANSITION_FORBIDDEN', 'Din roll får inte ta detta steg för posten.'),
  reasonRequired: () => badRequest('REASON_REQUIRED', 'Ange ett skäl.', field('reason', 'Ange ett skäl.')),
  stillLinked: (assetCodes: string[]) =>
    conflict(
      'INFORMATION_SET_STILL_LINKED',
      'Informationsmängden är kopplad till tillgångar som inte är avvecklade: ta bort kopplingarna först.',
      { assetCodes },
    ),
  activationBlocked: (issues: { code: string; message: string; details?: unknown }[]) =>
    conflict('ASSET_ACTIVATION_BLOCKED', 'Tillgången kan inte tas i drift ännu (BR-A5).', issues),
  linkExists: () =>
    conflict('ASSET_INFORMATION_LINK_EXISTS', 'Tillgången är redan kopplad till informationsmängden.'),
  linkRetired: () => conflict('REGISTER_ROW_RETIRED', 'En avvecklad post kan inte kopplas.'),
  dependencyExists: () => conflict('ASSET_DEPENDENCY_EXISTS', 'Beroendet finns redan.'),
  dependencyOnItself: () =>
    badRequest(
      'ASSET_DEPENDENCY_SELF',
      'En tillgång kan inte vara beroende av sig själv.',
      field('supportingAssetId', 'Samma tillgång.'),
    ),
  dependencyCycle: (cycleCodes: string[]) =>
    conflict('ASSET_DEPENDENCY_CYCLE', `Beroendet skulle ge en cirkel: ${cycleCodes.join(' → ')}.`, {
      cycle: cycleCodes,
    }),
};
