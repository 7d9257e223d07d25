/**
 * BR-B7 action-plan generation (D-12): which requirements an asset's effective levels call for,
 * and how an existing plan follows a level change. Cumulative: a requirement applies at its
 * minLevel and every level above; ALL requirements compare with the highest of the four levels.
 */
import { REQUIREMENT_TEMPLATES, type AssetType, type RequirementTemplate } from './catalogue';
import type { Levels } from './model';
import { highestLevel } from './propagation';

type Labels = { readonly sv: string; readonly en: string };

export const ACTION_PLAN_STATUSES = ['MET', 'PARTLY', 'NOT_MET', 'NOT_APPLICABLE'] as const;
export type ActionPlanStatus = (typeof ACTION_PLAN_STATUSES)[number];

export const ACTION_PLAN_STATUS_LABELS: Record<ActionPlanStatus, Labels> = {
  MET: { sv: 'Uppfyllt', en: 'Met' },
  PARTLY: { sv: 'Delvis uppfyllt', en: 'Partly met' },
  NOT_MET: { sv: 'Ej uppfyllt', en: 'Not met' },
  NOT_APPLICABLE: { sv: 'Ej tillämpligt', en: 'Not applicable' },
};

/** The reason written on an item the asset's levels no longer call for. */
export const LEVEL_LOWERED_REASON = 'nivå sänkt';

/** The requirements that apply to an asset of `assetType` with `effective` levels, in catalogue order. */
export function requiredTemplates(
  assetType: AssetType,
  effective: Levels,
  templates: readonly RequirementTemplate[] = REQUIREMENT_TEMPLATES,
): RequirementTemplate[] {
  const highest = highestLevel(effective);
  if (highest === null) return [];
  return templates.filter((t) => {
    if (t.appliesToAssetTypes.length > 0 && !t.appliesToAssetTypes.includes(assetType)) return false;
    const level = t.aspect === 'ALL' ? highest : effective[t.aspect];
    return level !== null && level >= t.minLevel;
  });
}

export interface PlanItemState {
  requirementCode: string;
  status: ActionPlanStatus;
  notApplicableReason: string | null;
}

export interface PlanChanges {
  /** Requirements newly called for: create them as NOT_MET. */
  add: string[];
  /** Items no longer called for: mark NOT_APPLICABLE "nivå sänkt". */
  lower: string[];
  /** Items set aside by an earlier lowering that the levels call for again: back to NOT_MET. */
  reinstate: string[];
}

/**
 * How an existing plan follows the asset's levels. Every requirement appears at most once; items
 * still called for keep their status (including a NOT_APPLICABLE decided by a person); items no
 * longer called for become NOT_APPLICABLE with the reason "nivå sänkt"; an item set aside only by
 * an earlier lowering is reinstated as NOT_MET when the level rises again (its assessment is stale).
 * Applying the result and running again yields no changes (BR-B3 idempotence).
 */
export function planChanges(
  assetType: AssetType,
  effective: Levels,
  existing: readonly PlanItemState[],
  templates: readonly RequirementTemplate[] = REQUIREMENT_TEMPLATES,
): PlanChanges {
  const required = new Set(requiredTemplates(assetType, effective, templates).map((t) => t.code));
  const byCode = new Map(existing.map((i) => [i.requirementCode, i]));
  const loweredAway = (i: PlanItemState) =>
    i.status === 'NOT_APPLICABLE' && i.notApplicableReason === LEVEL_LOWERED_REASON;
  const add = templates.filter((t) => required.has(t.code) && !byCode.has(t.code)).map((t) => t.code);
  const lower = existing
    .filter((i) => !required.has(i.requirementCode) && !loweredAway(i))
    .map((i) => i.requirementCode)
    .sort();
  const reinstate = existing
    .filter((i) => required.has(i.requirementCode) && loweredAway(i))
    .map((i) => i.requirementCode)
    .sort();
  return { add, lower, reinstate };
}

/** K26: items MET / items that are not NOT_APPLICABLE (null when there are none). */
export function fulfilment(items: readonly { status: ActionPlanStatus }[]): {
  met: number;
  applicable: number;
  share: number | null;
} {
  const applicable = items.filter((i) => i.status !== 'NOT_APPLICABLE').length;
  const met = items.filter((i) => i.status === 'MET').length;
  return { met, applicable, share: applicable ? met / applicable : null };
}
