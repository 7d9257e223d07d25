/**
 * BR-B2 propagation (maximum principle, D-13) and BR-B4 overrides, as one pure function over a
 * graph of assets, their information links and their dependencies:
 *
 *   derived(a,x)   = max( max over linked ACTIVE sets s with a DECIDED classification of level(s,x),
 *                         max over assets d (not RETIRED) that depend on a of effective(d,x) )
 *   effective(a,x) = max(derived(a,x), ACTIVE RAISE overrides), capped by an ACTIVE LOWER override
 *
 * A maximum over nothing is null. Unclassified linked ACTIVE sets make classificationComplete false;
 * SPECIAL_HANDLING sets count as classified and contribute no levels. Every level carries its
 * sources (the set, the dependant asset, the override) so the asset page can explain it.
 */
import { isPast } from './dates';
import { ASPECTS, type Aspect, type Level, type Levels } from './model';

export type PropagationSetStatus = 'DRAFT' | 'ACTIVE' | 'RETIRED';
export type PropagationAssetStatus = 'PLANNED' | 'PROCUREMENT' | 'ACTIVE' | 'PHASE_OUT' | 'RETIRED';

export const OVERRIDE_DIRECTIONS = ['RAISE', 'LOWER'] as const;
export type OverrideDirection = (typeof OVERRIDE_DIRECTIONS)[number];
export const OVERRIDE_STATUSES = ['REQUESTED', 'ACTIVE', 'REJECTED', 'WITHDRAWN', 'EXPIRED'] as const;
export type OverrideStatus = (typeof OVERRIDE_STATUSES)[number];

/** The decision in force for a set: DECIDED with levels, or SPECIAL_HANDLING without. */
export interface SetDecision {
  classificationId: string;
  status: 'DECIDED' | 'SPECIAL_HANDLING';
  levels: Levels;
}

export interface PropagationSet {
  id: string;
  status: PropagationSetStatus;
  /** Null when the set has no decision in force (never classified, or only drafts and proposals). */
  decision: SetDecision | null;
}

export interface PropagationAsset {
  id: string;
  status: PropagationAssetStatus;
}

export interface PropagationOverride {
  id: string;
  assetId: string;
  aspect: Aspect;
  level: Level;
  direction: OverrideDirection;
  status: OverrideStatus;
  validUntil: string | null;
}

export interface PropagationGraph {
  assets: readonly PropagationAsset[];
  sets: readonly PropagationSet[];
  links: readonly { assetId: string; informationSetId: string }[];
  /** `assetId` depends on `supportingAssetId`. */
  dependencies: readonly { assetId: string; supportingAssetId: string }[];
  overrides: readonly PropagationOverride[];
}

export type LevelSource =
  | { kind: 'INFORMATION_SET'; informationSetId: string; classificationId: string; level: Level }
  | { kind: 'DEPENDANT_ASSET'; assetId: string; level: Level };

export interface AspectProtection {
  derived: Level | null;
  effective: Level | null;
  /** The contributions that set the derived level (every one at the maximum). */
  sources: LevelSource[];
  /** The ACTIVE RAISE override that lifted the effective level above the derived one. */
  raisedBy: string | null;
  /** The ACTIVE LOWER override that capped the effective level below what it would be. */
  loweredBy: string | null;
}

export interface AssetProtection {
  assetId: string;
  derived: Levels;
  effective: Levels;
  classificationComplete: boolean;
  /** Linked ACTIVE sets without a decision in force (why the asset is incomplete). */
  unclassifiedSetIds: string[];
  aspects: Record<Aspect, AspectProtection>;
}

export class PropagationCycleError extends Error {
  constructor(readonly assetIds: string[]) {
    super(`Dependency cycle through ${assetIds.join(' → ')}`);
    this.name = 'PropagationCycleError';
  }
}

/** An override in force on `today`: ACTIVE and not past its validUntil (end of day, Stockholm). */
export function overrideInForce(o: PropagationOverride, now: Date): boolean {
  return o.status === 'ACTIVE' && (o.validUntil === null || !isPast(o.validUntil, now));
}

function maxOf(values: Level[]): Level | null {
  return values.length ? (Math.max(...values) as Level) : null;
}

/**
 * Computes every asset of the graph. `now` decides which overrides are still in force. Assets
 * referenced by links, dependencies or overrides but missing from `assets` are ignored; a
 * dependency cycle is a data error (the registers refuse cycles) and throws.
 */
export function propagate(graph: PropagationGraph, now: Date): Map<string, AssetProtection> {
  const assets = new Map(graph.assets.map((a) => [a.id, a]));
  const sets = new Map(graph.sets.map((s) => [s.id, s]));
  const linksOf = new Map<string, string[]>();
  for (const l of graph.links)
    linksOf.set(l.assetId, [...(linksOf.get(l.assetId) ?? []), l.informationSetId]);
  /** supporting asset → the assets that depend on it */
  const dependantsOf = new Map<string, string[]>();
  for (const d of graph.dependencies) {
    if (!assets.has(d.assetId) || !assets.has(d.supportingAssetId)) continue;
    dependantsOf.set(d.supportingAssetId, [...(dependantsOf.get(d.supportingAssetId) ?? []), d.assetId]);
  }
  const overridesOf = new Map<string, PropagationOverride[]>();
  for (const o of graph.overrides) {
    if (overrideInForce(o, now)) overridesOf.set(o.assetId, [...(overridesOf.get(o.assetId) ?? []), o]);
  }

  const done = new Map<string, AssetProtection>();
  const visiting: string[] = [];

  const compute = (assetId: string): AssetProtection => {
    const known = done.get(assetId);
    if (known) return known;
    if (visiting.includes(assetId)) throw new PropagationCycleError([...visiting, assetId]);
    visiting.push(assetId);

    const perAspectSources = Object.fromEntries(ASPECTS.map((a) => [a, [] as LevelSource[]])) as Record<
      Aspect,
      LevelSource[]
    >;
    const unclassifiedSetIds: string[] = [];
    for (const setId of [...new Set(linksOf.get(assetId) ?? [])].sort()) {
      const set = sets.get(setId);
      if (!set || set.status !== 'ACTIVE') continue;
      if (!set.decision) {
        unclassifiedSetIds.push(setId);
        continue;
      }
      // SPECIAL_HANDLING counts as classified but stores no levels (BR-B6).
      if (set.decision.status !== 'DECIDED') continue;
      for (const aspect of ASPECTS) {
        const level = set.decision.levels[aspect];
        if (level !== null) {
          perAspectSources[aspect].push({
            kind: 'INFORMATION_SET',
            informationSetId: setId,
            classificationId: set.decision.classificationId,
            level,
          });
        }
      }
    }
    for (const dependantId of [...new Set(dependantsOf.get(assetId) ?? [])].sort()) {
      const dependant = assets.get(dependantId);
      if (!dependant || dependant.status === 'RETIRED') continue;
      const protection = compute(dependantId);
      for (const aspect of ASPECTS) {
        const level = protection.effective[aspect];
        if (level !== null)
          perAspectSources[aspect].push({ kind: 'DEPENDANT_ASSET', assetId: dependantId, level });
      }
    }

    const aspects = {} as Record<Aspect, AspectProtection>;
    const inForce = overridesOf.get(assetId) ?? [];
    for (const aspect of ASPECTS) {
      const all = perAspectSources[aspect];
      const derived = maxOf(all.map((s) => s.level));
      const raises = inForce.filter((o) => o.aspect === aspect && o.direction === 'RAISE');
      const lowers = inForce.filter((o) => o.aspect === aspect && o.direction === 'LOWER');
      const topRaise = [...raises].sort((a, b) => b.level - a.level || a.id.localeCompare(b.id))[0];
      let effective = derived;
      let raisedBy: string | null = null;
      if (topRaise && (effective === null || topRaise.level > effective)) {
        effective = topRaise.level;
        raisedBy = topRaise.id;
      }
      const lowestCap = [...lowers].sort((a, b) => a.level - b.level || a.id.localeCompare(b.id))[0];
      let loweredBy: string | null = null;
      if (lowestCap && effective !== null && lowestCap.level < effective) {
        effective = lowestCap.level;
        loweredBy = lowestCap.id;
        if (raisedBy && topRaise.level > effective) raisedBy = null;
      }
      aspects[aspect] = {
        derived,
        effective,
        sources: derived === null ? [] : all.filter((s) => s.level === derived),
        raisedBy,
        loweredBy,
      };
    }

    const result: AssetProtection = {
      assetId,
      derived: Object.fromEntries(ASPECTS.map((a) => [a, aspects[a].derived])) as Levels,
      effective: Object.fromEntries(ASPECTS.map((a) => [a, aspects[a].effective])) as Levels,
      classificationComplete: unclassifiedSetIds.length === 0,
      unclassifiedSetIds,
      aspects,
    };
    visiting.pop();
    done.set(assetId, result);
    return result;
  };

  for (const asset of graph.assets) compute(asset.id);
  return done;
}

/** The highest effective level over the four aspects (for ALL requirements), null when none. */
export function highestLevel(levels: Levels): Level | null {
  return maxOf(ASPECTS.map((a) => levels[a]).filter((l): l is Level => l !== null));
}

/** Equality of two level records (to write only what changed, BR-B3 idempotence). */
export function sameLevels(a: Levels | null | undefined, b: Levels | null | undefined): boolean {
  return ASPECTS.every((x) => (a?.[x] ?? null) === (b?.[x] ?? null));
}
