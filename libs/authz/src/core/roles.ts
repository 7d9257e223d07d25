/** Role values of a RoleAssignment (domain.md §3.2). Swedish labels are the UI terms. */
export const ROLES = [
  'ADMIN',
  'CISO',
  'COORDINATOR',
  'DPO',
  'HEAD',
  'MANAGER',
  'EMPLOYEE',
  'AUDITOR',
  'ELECTED',
  'READER',
  'SECURITY_PROTECTION_OFFICER',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, { sv: string; en: string }> = {
  ADMIN: { sv: 'Systemadministratör', en: 'Administrator' },
  CISO: { sv: 'CISO (informationssäkerhetschef)', en: 'CISO' },
  COORDINATOR: { sv: 'Informationssäkerhetssamordnare', en: 'Information security coordinator' },
  DPO: { sv: 'Dataskyddsombud', en: 'Data protection officer' },
  HEAD: { sv: 'Verksamhetsansvarig (förvaltningschef/VD)', en: 'Head of administration' },
  MANAGER: { sv: 'Chef', en: 'Manager' },
  EMPLOYEE: { sv: 'Medarbetare', en: 'Employee' },
  AUDITOR: { sv: 'Revisor', en: 'Auditor' },
  ELECTED: { sv: 'Förtroendevald', en: 'Elected official' },
  READER: { sv: 'Läsare', en: 'Reader' },
  SECURITY_PROTECTION_OFFICER: { sv: 'Säkerhetsskyddschef', en: 'Protective security officer' },
};
