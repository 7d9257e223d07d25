import { subject } from '@casl/ability';
import type { Asset, InformationSet, RegisterName } from '../api/register-types';
import type { OrgUnit } from '../api/types';

/** Pure helpers shared by the register pages: unit choices, views, CASL subjects, due dates. */

export const infoSetPath = (id: string) => `/informationsmangder/${id}`;
export const assetPath = (id: string) => `/tillgangar/${id}`;

export interface UnitOption {
  id: string;
  label: string;
  depth: number;
}

/**
 * The active units in tree order (parents before their children, siblings by name), for the
 * "unit and its sub-units" filter; the depth indents the option text.
 */
export function unitOptions(units: ReadonlyMap<string, OrgUnit>): UnitOption[] {
  const active = [...units.values()].filter((u) => u.status === 'ACTIVE');
  const childrenOf = new Map<string | null, OrgUnit[]>();
  for (const u of active) {
    const parent = u.parentId && units.get(u.parentId)?.status === 'ACTIVE' ? u.parentId : null;
    childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), u]);
  }
  const out: UnitOption[] = [];
  const walk = (parent: string | null, depth: number) => {
    const children = [...(childrenOf.get(parent) ?? [])].sort((a, b) =>
      a.name.localeCompare(b.name, 'sv-SE'),
    );
    for (const u of children) {
      out.push({ id: u.id, label: u.name, depth });
      walk(u.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

/** An option's text: indented by depth with non-breaking spaces (a <select> shows no markup). */
export const indented = (option: UnitOption) => `${'\u00a0\u00a0'.repeat(option.depth)}${option.label}`;

export const isFull = <T extends { view: 'FULL' }>(row: T | RegisterName): row is T => row.view === 'FULL';

/** The table shows the full columns only when the caller reads more than names of some row. */
export const showsFullColumns = (rows: readonly { view: 'FULL' | 'NAME' }[]) =>
  rows.some((r) => r.view === 'FULL');

/** The CASL subject of a set, with the unit's path from the org tree (the DTO carries the unit id). */
export function informationSetSubject(
  set: Pick<InformationSet, 'id' | 'orgUnitId' | 'informationOwnerId' | 'specialHandling'>,
  units: ReadonlyMap<string, Pick<OrgUnit, 'path'>>,
  tenantId: string,
) {
  return subject('InformationSet', {
    id: set.id,
    tenantId,
    orgUnitId: set.orgUnitId,
    orgUnitPath: units.get(set.orgUnitId)?.path ?? [set.orgUnitId],
    informationOwnerId: set.informationOwnerId,
    assetKeeperIds: [] as string[],
    specialHandling: set.specialHandling,
  });
}

export function assetSubject(
  asset: Pick<Asset, 'id' | 'orgUnitId' | 'assetOwnerId' | 'systemManagerId'>,
  units: ReadonlyMap<string, Pick<OrgUnit, 'path'>>,
  tenantId: string,
) {
  return subject('Asset', {
    id: asset.id,
    tenantId,
    orgUnitId: asset.orgUnitId,
    orgUnitPath: units.get(asset.orgUnitId)?.path ?? [asset.orgUnitId],
    assetOwnerId: asset.assetOwnerId,
    systemManagerId: asset.systemManagerId,
    informationOwnerIds: [] as string[],
  });
}

export type DueState = 'overdue' | 'dueSoon' | 'current';

/** A review date (`YYYY-MM-DD`, the end of that day in Stockholm) against today's Stockholm date. */
export function dueState(validUntil: string, today: string, soonDays = 30): DueState {
  if (validUntil < today) return 'overdue';
  const days = Math.round(
    (Date.parse(`${validUntil}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000,
  );
  return days <= soonDays ? 'dueSoon' : 'current';
}
