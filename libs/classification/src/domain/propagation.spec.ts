import { describe, expect, it } from 'vitest';
import type { Level, Levels } from './model';
import {
  highestLevel,
  propagate,
  PropagationCycleError,
  sameLevels,
  type PropagationGraph,
  type PropagationOverride,
  type PropagationSet,
} from './propagation';

const NOW = new Date('2026-11-16T09:00:00Z');
const L = (k: Level | null, r: Level | null, t: Level | null, s: Level | null): Levels => ({
  K: k,
  R: r,
  T: t,
  S: s,
});
const decided = (id: string, levels: Levels): PropagationSet => ({
  id,
  status: 'ACTIVE',
  decision: { classificationId: `c-${id}`, status: 'DECIDED', levels },
});
const unclassified = (id: string): PropagationSet => ({ id, status: 'ACTIVE', decision: null });

function graph(partial: Partial<PropagationGraph>): PropagationGraph {
  return { assets: [], sets: [], links: [], dependencies: [], overrides: [], ...partial };
}
const active = (...ids: string[]) => ids.map((id) => ({ id, status: 'ACTIVE' as const }));

describe('BR-B2 derived levels from linked sets', () => {
  it('takes the maximum per aspect over linked ACTIVE sets with a decided classification', () => {
    const result = propagate(
      graph({
        assets: active('a'),
        sets: [decided('s1', L(1, 3, 2, 2)), decided('s2', L(2, 2, 1, 2))],
        links: [
          { assetId: 'a', informationSetId: 's1' },
          { assetId: 'a', informationSetId: 's2' },
        ],
      }),
      NOW,
    ).get('a');
    expect(result?.derived).toEqual(L(2, 3, 2, 2));
    expect(result?.effective).toEqual(L(2, 3, 2, 2));
    expect(result?.classificationComplete).toBe(true);
    // Sources: every contribution at the maximum, named by set and classification.
    expect(result?.aspects.S.sources).toEqual([
      { kind: 'INFORMATION_SET', informationSetId: 's1', classificationId: 'c-s1', level: 2 },
      { kind: 'INFORMATION_SET', informationSetId: 's2', classificationId: 'c-s2', level: 2 },
    ]);
    expect(result?.aspects.R.sources).toEqual([
      { kind: 'INFORMATION_SET', informationSetId: 's1', classificationId: 'c-s1', level: 3 },
    ]);
  });

  it('is null per aspect when nothing contributes, and level 0 is a level', () => {
    const map = propagate(
      graph({
        assets: active('empty', 'web'),
        sets: [decided('s', L(0, 2, 2, 1))],
        links: [{ assetId: 'web', informationSetId: 's' }],
      }),
      NOW,
    );
    expect(map.get('empty')?.effective).toEqual(L(null, null, null, null));
    expect(map.get('empty')?.classificationComplete).toBe(true);
    expect(map.get('empty')?.aspects.K.sources).toEqual([]);
    expect(map.get('web')?.effective).toEqual(L(0, 2, 2, 1));
  });

  it('ignores unclassified sets for levels but marks the asset incomplete', () => {
    const result = propagate(
      graph({
        assets: active('a'),
        sets: [decided('s1', L(2, 2, 2, 2)), unclassified('s2')],
        links: [
          { assetId: 'a', informationSetId: 's1' },
          { assetId: 'a', informationSetId: 's2' },
        ],
      }),
      NOW,
    ).get('a');
    expect(result?.effective).toEqual(L(2, 2, 2, 2));
    expect(result?.classificationComplete).toBe(false);
    expect(result?.unclassifiedSetIds).toEqual(['s2']);
  });

  it('counts SPECIAL_HANDLING as classified without levels', () => {
    const result = propagate(
      graph({
        assets: active('a'),
        sets: [
          {
            id: 's',
            status: 'ACTIVE',
            decision: {
              classificationId: 'c',
              status: 'SPECIAL_HANDLING',
              levels: L(null, null, null, null),
            },
          },
        ],
        links: [{ assetId: 'a', informationSetId: 's' }],
      }),
      NOW,
    ).get('a');
    expect(result?.effective).toEqual(L(null, null, null, null));
    expect(result?.classificationComplete).toBe(true);
  });

  it('ignores DRAFT and RETIRED sets entirely', () => {
    const result = propagate(
      graph({
        assets: active('a'),
        sets: [
          { id: 'draft', status: 'DRAFT', decision: null },
          {
            id: 'old',
            status: 'RETIRED',
            decision: { classificationId: 'c', status: 'DECIDED', levels: L(3, 3, 3, 3) },
          },
        ],
        links: [
          { assetId: 'a', informationSetId: 'draft' },
          { assetId: 'a', informationSetId: 'old' },
        ],
      }),
      NOW,
    ).get('a');
    expect(result?.effective).toEqual(L(null, null, null, null));
    expect(result?.classificationComplete).toBe(true);
  });
});

describe('BR-B2 dependencies (D-13)', () => {
  it('gives a supporting asset the maximum of its dependants’ effective levels, through chains', () => {
    const map = propagate(
      graph({
        assets: active('app', 'server', 'room'),
        sets: [decided('s', L(3, 2, 1, 0)), decided('own', L(1, 3, 1, 1))],
        links: [
          { assetId: 'app', informationSetId: 's' },
          { assetId: 'server', informationSetId: 'own' },
        ],
        dependencies: [
          { assetId: 'app', supportingAssetId: 'server' },
          { assetId: 'server', supportingAssetId: 'room' },
        ],
      }),
      NOW,
    );
    expect(map.get('server')?.effective).toEqual(L(3, 3, 1, 1));
    expect(map.get('server')?.aspects.K.sources).toEqual([
      { kind: 'DEPENDANT_ASSET', assetId: 'app', level: 3 },
    ]);
    expect(map.get('room')?.effective).toEqual(L(3, 3, 1, 1));
    // A dependant's incompleteness does not travel: completeness is about the asset's own links.
    expect(map.get('room')?.classificationComplete).toBe(true);
  });

  it('skips RETIRED dependants', () => {
    const map = propagate(
      graph({
        assets: [{ id: 'old', status: 'RETIRED' }, ...active('infra')],
        sets: [decided('s', L(3, 3, 3, 3))],
        links: [{ assetId: 'old', informationSetId: 's' }],
        dependencies: [{ assetId: 'old', supportingAssetId: 'infra' }],
      }),
      NOW,
    );
    expect(map.get('infra')?.effective).toEqual(L(null, null, null, null));
  });

  it('carries a dependant’s RAISE override onward', () => {
    const map = propagate(
      graph({
        assets: active('mail', 'idp'),
        sets: [decided('s', L(2, 2, 3, 2))],
        links: [{ assetId: 'mail', informationSetId: 's' }],
        dependencies: [{ assetId: 'mail', supportingAssetId: 'idp' }],
        overrides: [override({ assetId: 'mail', aspect: 'K', level: 3, direction: 'RAISE' })],
      }),
      NOW,
    );
    expect(map.get('idp')?.effective.K).toBe(3);
  });

  it('refuses a dependency cycle', () => {
    expect(() =>
      propagate(
        graph({
          assets: active('a', 'b'),
          dependencies: [
            { assetId: 'a', supportingAssetId: 'b' },
            { assetId: 'b', supportingAssetId: 'a' },
          ],
        }),
        NOW,
      ),
    ).toThrow(PropagationCycleError);
  });
});

let overrideSeq = 0;
function override(
  o: Partial<PropagationOverride> & Pick<PropagationOverride, 'assetId' | 'aspect' | 'level' | 'direction'>,
): PropagationOverride {
  overrideSeq += 1;
  return { id: `o${overrideSeq}`, status: 'ACTIVE', validUntil: null, ...o };
}

describe('BR-B4 overrides', () => {
  const base = (overrides: PropagationOverride[]) =>
    propagate(
      graph({
        assets: active('a'),
        sets: [decided('s', L(2, 2, 3, 2))],
        links: [{ assetId: 'a', informationSetId: 's' }],
        overrides,
      }),
      NOW,
    ).get('a');

  it('RAISE lifts the effective level and names the override; derived stays', () => {
    const raise = override({ assetId: 'a', aspect: 'K', level: 3, direction: 'RAISE' });
    const result = base([raise]);
    expect(result?.derived.K).toBe(2);
    expect(result?.effective).toEqual(L(3, 2, 3, 2));
    expect(result?.aspects.K.raisedBy).toBe(raise.id);
  });

  it('a RAISE below the derived level changes nothing', () => {
    const result = base([override({ assetId: 'a', aspect: 'T', level: 1, direction: 'RAISE' })]);
    expect(result?.effective.T).toBe(3);
    expect(result?.aspects.T.raisedBy).toBeNull();
  });

  it('RAISE gives a level where nothing else does', () => {
    const map = propagate(
      graph({
        assets: active('x'),
        overrides: [override({ assetId: 'x', aspect: 'S', level: 2, direction: 'RAISE' })],
      }),
      NOW,
    );
    expect(map.get('x')?.effective).toEqual(L(null, null, null, 2));
  });

  it('an ACTIVE LOWER caps the effective level, also over a RAISE', () => {
    const lower = override({
      assetId: 'a',
      aspect: 'T',
      level: 1,
      direction: 'LOWER',
      validUntil: '2027-06-30',
    });
    const result = base([lower]);
    expect(result?.effective.T).toBe(1);
    expect(result?.derived.T).toBe(3);
    expect(result?.aspects.T.loweredBy).toBe(lower.id);

    const raise = override({ assetId: 'a', aspect: 'K', level: 3, direction: 'RAISE' });
    const cap = override({
      assetId: 'a',
      aspect: 'K',
      level: 1,
      direction: 'LOWER',
      validUntil: '2027-01-01',
    });
    const both = base([raise, cap]);
    expect(both?.effective.K).toBe(1);
    expect(both?.aspects.K.raisedBy).toBeNull();
    expect(both?.aspects.K.loweredBy).toBe(cap.id);
  });

  it('a LOWER does not create a level where there is none', () => {
    const map = propagate(
      graph({
        assets: active('x'),
        overrides: [
          override({ assetId: 'x', aspect: 'K', level: 1, direction: 'LOWER', validUntil: '2027-01-01' }),
        ],
      }),
      NOW,
    );
    expect(map.get('x')?.effective.K).toBeNull();
  });

  it('ignores REQUESTED, REJECTED, WITHDRAWN, EXPIRED and past-date overrides', () => {
    for (const status of ['REQUESTED', 'REJECTED', 'WITHDRAWN', 'EXPIRED'] as const) {
      const result = base([
        override({
          assetId: 'a',
          aspect: 'T',
          level: 0,
          direction: 'LOWER',
          status,
          validUntil: '2027-01-01',
        }),
      ]);
      expect(result?.effective.T, status).toBe(3);
    }
    // validUntil 2026-11-15 ended at midnight Stockholm before NOW; 2026-11-16 is still in force today.
    expect(
      base([override({ assetId: 'a', aspect: 'T', level: 0, direction: 'LOWER', validUntil: '2026-11-15' })])
        ?.effective.T,
    ).toBe(3);
    expect(
      base([override({ assetId: 'a', aspect: 'T', level: 0, direction: 'LOWER', validUntil: '2026-11-16' })])
        ?.effective.T,
    ).toBe(0);
    expect(
      base([override({ assetId: 'a', aspect: 'K', level: 3, direction: 'RAISE', validUntil: '2026-11-01' })])
        ?.effective.K,
    ).toBe(2);
  });
});

describe('helpers', () => {
  it('highestLevel and sameLevels', () => {
    expect(highestLevel(L(null, 1, 3, 0))).toBe(3);
    expect(highestLevel(L(null, null, null, null))).toBeNull();
    expect(sameLevels(L(1, 2, 3, null), L(1, 2, 3, null))).toBe(true);
    expect(sameLevels(L(1, 2, 3, null), L(1, 2, 3, 0))).toBe(false);
    expect(sameLevels(null, L(null, null, null, null))).toBe(true);
  });

  it('is idempotent: the same graph gives the same result', () => {
    const g = graph({
      assets: active('a', 'b'),
      sets: [decided('s', L(1, 2, 3, 0))],
      links: [{ assetId: 'a', informationSetId: 's' }],
      dependencies: [{ assetId: 'a', supportingAssetId: 'b' }],
    });
    expect(propagate(g, NOW)).toEqual(propagate(g, NOW));
  });
});
