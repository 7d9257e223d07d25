import type { AssetRow, DependencyEnd, InformationSetRow, LinkedInformationSet } from '../api/register-types';

/** Pure helpers of the asset page's link and dependency forms (which rows the pickers offer). */

export interface PickerChoice {
  id: string;
  code: string;
  name: string;
}

const choice = (row: { id: string; code: string; name: string }): PickerChoice => ({
  id: row.id,
  code: row.code,
  name: row.name,
});

/**
 * The information sets a search offers for linking: not already linked and not retired (the API
 * refuses both). A name-view row carries no status, so it is offered and the server decides.
 */
export function linkableSets(
  rows: readonly InformationSetRow[],
  linked: readonly LinkedInformationSet[],
): PickerChoice[] {
  const taken = new Set(linked.map((l) => l.informationSetId));
  return rows.filter((r) => !taken.has(r.id) && !(r.view === 'FULL' && r.status === 'RETIRED')).map(choice);
}

/**
 * The assets a search offers as a new supporting asset: not the asset itself, not one it already
 * depends on, not retired. Cycles are the server's to find (it names the chain in a 409).
 */
export function dependableAssets(
  rows: readonly AssetRow[],
  assetId: string,
  dependsOn: readonly DependencyEnd[],
): PickerChoice[] {
  const taken = new Set([assetId, ...dependsOn.map((d) => d.assetId)]);
  return rows.filter((r) => !taken.has(r.id) && !(r.view === 'FULL' && r.status === 'RETIRED')).map(choice);
}

/** The chosen row stays offered while the search moves on, so the select never loses its value. */
export function withChosen(choices: readonly PickerChoice[], chosen: PickerChoice | null): PickerChoice[] {
  if (!chosen || choices.some((c) => c.id === chosen.id)) return [...choices];
  return [chosen, ...choices];
}

export const choiceLabel = (c: PickerChoice) => `${c.code} ${c.name}`;
