/** Org-unit types of domain.md §3.1 with their Swedish and English labels. */
export const ORG_UNIT_TYPES = [
  'TENANT_ROOT',
  'COUNCIL',
  'EXECUTIVE_BOARD',
  'COMMITTEE',
  'AUDIT_BODY',
  'ADMINISTRATION',
  'DIVISION',
  'UNIT',
  'COMPANY',
  'JOINT_BODY',
  'PROJECT',
] as const;
export type OrgUnitType = (typeof ORG_UNIT_TYPES)[number];

export const ORG_UNIT_TYPE_LABELS: Record<OrgUnitType, { sv: string; en: string }> = {
  TENANT_ROOT: { sv: 'Kommun/region', en: 'Municipality/region' },
  COUNCIL: { sv: 'Fullmäktige', en: 'Council' },
  EXECUTIVE_BOARD: { sv: 'Kommunstyrelse', en: 'Executive board' },
  COMMITTEE: { sv: 'Nämnd', en: 'Committee' },
  AUDIT_BODY: { sv: 'Revision', en: 'Audit body' },
  ADMINISTRATION: { sv: 'Förvaltning', en: 'Administration' },
  DIVISION: { sv: 'Avdelning', en: 'Division' },
  UNIT: { sv: 'Enhet', en: 'Unit' },
  COMPANY: { sv: 'Kommunalt bolag', en: 'Municipal company' },
  JOINT_BODY: { sv: 'Gemensam nämnd/kommunalförbund', en: 'Joint body' },
  PROJECT: { sv: 'Projekt', en: 'Project' },
};

/** D-01/3.1: data controllers by default. */
export const DATA_CONTROLLER_BY_DEFAULT: ReadonlySet<OrgUnitType> = new Set([
  'EXECUTIVE_BOARD',
  'COMMITTEE',
  'COMPANY',
]);

export const ORG_UNIT_STATUSES = ['ACTIVE', 'DISSOLVED'] as const;
export type OrgUnitStatus = (typeof ORG_UNIT_STATUSES)[number];
