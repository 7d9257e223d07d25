import {
  enumeration,
  enumList,
  integer,
  text,
  textList,
  yesNo,
  type CellInput,
  type ColumnSpec,
  type RowOf,
} from '@varna/spreadsheet';
import {
  ASSET_STATUS_LABELS,
  ASSET_SUBTYPE_LABELS,
  ASSET_TYPE_LABELS,
  CRITICALITY_LABELS,
  HOSTING_LABELS,
  INFORMATION_SET_STATUS_LABELS,
  LINK_ROLE_LABELS,
  PERSONAL_DATA_CATEGORY_LABELS,
  type LinkRole,
} from '../domain/enums';

/**
 * The spreadsheet columns of both registers (informationsmängdsförteckning, tillgångsförteckning):
 * the same columns are exported and imported, so an export imports again unchanged. People are
 * named by username and units by code. Row keys are the entity's field names, except `unit`,
 * `owner` … which hold a code or a username in place of the id (see `FIELD_OF`).
 */
export const INFORMATION_SET_TABLE = {
  code: text('Kod', { required: true, maxLength: 20 }),
  name: text('Namn', { required: true, maxLength: 200, width: 50 }),
  unit: text('Enhet', { required: true, maxLength: 20, width: 12 }),
  owner: text('Informationsägare', { maxLength: 200, width: 20 }),
  status: enumeration('Status', INFORMATION_SET_STATUS_LABELS),
  description: text('Beskrivning', { maxLength: 20_000, width: 50 }),
  recordsClassCode: text('Klassificeringskod', { maxLength: 40, width: 18 }),
  containsPersonalData: yesNo('Personuppgifter'),
  personalDataCategories: enumList('Personuppgiftskategorier', PERSONAL_DATA_CATEGORY_LABELS),
  specialCategoryData: yesNo('Känsliga personuppgifter (art. 9)'),
  criminalOffenceData: yesNo('Lagöverträdelser (art. 10)'),
  concernsChildren: yesNo('Rör barn'),
  protectedIdentity: yesNo('Skyddade personuppgifter'),
  secrecyProvisions: textList('Sekretessbestämmelser', { maxItemLength: 200 }),
  legalBases: textList('Rättslig grund', { maxItemLength: 200 }),
  specialHandling: yesNo('Särskild hantering'),
  retention: text('Gallring', { maxLength: 20_000, width: 30 }),
};
export type InformationSetRow = RowOf<typeof INFORMATION_SET_TABLE>;

/** An information set an asset carries, in one cell: `IM-09 (Lagrar); IM-10 (Behandlar)`. */
export interface LinkCell {
  code: string;
  /** Null when the cell names no role: the import picks one by the asset's type. */
  role: LinkRole | null;
}

const LINK_ITEM = /^(\S+)(?:\s*\(([^()]+)\))?$/;
const roleByName = new Map<string, LinkRole>(
  (Object.keys(LINK_ROLE_LABELS) as LinkRole[]).flatMap((role) => [
    [role.toLowerCase(), role],
    [LINK_ROLE_LABELS[role].toLowerCase(), role],
  ]),
);

/**
 * The linked information sets of an asset: codes separated by `;` (or `,`), each with its role in
 * brackets. Without a role the link is USED_IN for a process and PROCESSES otherwise (set at import).
 */
function linkedSets(header: string): ColumnSpec<LinkCell[]> {
  const roles = Object.values(LINK_ROLE_LABELS).join(', ');
  return {
    header,
    required: false,
    width: 40,
    empty: [],
    parse(cell: Exclude<CellInput, null>) {
      const s = String(cell);
      const items = s
        .split(s.includes(';') ? ';' : ',')
        .map((i) => i.trim())
        .filter((i) => i !== '');
      const links: LinkCell[] = [];
      for (const item of items) {
        const m = LINK_ITEM.exec(item);
        if (!m) return { ok: false, message: `Skriv kod och roll som "IM-09 (Lagrar)" (inte "${item}").` };
        const role = m[2] === undefined ? null : roleByName.get(m[2].trim().toLowerCase());
        if (role === undefined) {
          return { ok: false, message: `Okänd roll "${m[2]}" för ${m[1]}. Tillåtna roller: ${roles}.` };
        }
        links.push({ code: m[1], role });
      }
      return { ok: true, value: links };
    },
    format: (links) =>
      links.length
        ? links.map((l) => (l.role ? `${l.code} (${LINK_ROLE_LABELS[l.role]})` : l.code)).join('; ')
        : null,
  };
}

export const ASSET_TABLE = {
  code: text('Kod', { required: true, maxLength: 20 }),
  name: text('Namn', { required: true, maxLength: 200, width: 50 }),
  type: enumeration('Typ', ASSET_TYPE_LABELS, { required: true }),
  subtype: enumeration('Undertyp', ASSET_SUBTYPE_LABELS),
  unit: text('Enhet', { required: true, maxLength: 20, width: 12 }),
  assetOwner: text('Tillgångsägare', { maxLength: 200, width: 20 }),
  systemManager: text('Systemförvaltare', { maxLength: 200, width: 20 }),
  status: enumeration('Status', ASSET_STATUS_LABELS),
  description: text('Beskrivning', { maxLength: 20_000, width: 50 }),
  providerUnit: text('Driftande enhet', { maxLength: 20, width: 16 }),
  supplierName: text('Leverantör', { maxLength: 200, width: 30 }),
  hosting: enumeration('Drift', HOSTING_LABELS),
  thirdCountryProcessing: yesNo('Behandling i tredjeland'),
  mfaRequired: yesNo('Krav på flerfaktorsinloggning'),
  internetExposed: yesNo('Exponerad mot internet'),
  criticality: enumeration('Kritikalitet', CRITICALITY_LABELS),
  rtoHours: integer('RTO (timmar)', { min: 0, max: 100_000 }),
  rpoHours: integer('RPO (timmar)', { min: 0, max: 100_000 }),
  informationSets: linkedSets('Informationsmängder'),
};
export type AssetRow = RowOf<typeof ASSET_TABLE>;

/** The entity field behind a column whose key is not the field's own name (for CASL field checks). */
export const FIELD_OF: Record<string, string> = {
  unit: 'orgUnitId',
  owner: 'informationOwnerId',
  assetOwner: 'assetOwnerId',
  systemManager: 'systemManagerId',
  providerUnit: 'providerOrgUnitId',
};

/** The column header of an entity field (for errors the services report by field). */
export function headerOfField(table: Record<string, ColumnSpec>, field: string): string | null {
  const key = Object.keys(FIELD_OF).find((k) => FIELD_OF[k] === field && k in table) ?? field;
  return table[key]?.header ?? null;
}

/** BR-A6: what a special-handling set shows (status and the flag itself are not its content). */
export const SPECIAL_HANDLING_KEYS: readonly (keyof InformationSetRow)[] = [
  'code',
  'name',
  'unit',
  'owner',
  'status',
  'specialHandling',
];
