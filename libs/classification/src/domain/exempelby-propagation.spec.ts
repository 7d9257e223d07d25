import { describe, expect, it } from 'vitest';
import type { Level } from './model';
import { propagate, type PropagationSet } from './propagation';

/*
 * domain.md §6.3 (decided levels) and §6.4 (links, dependencies, the AS-10 override) as plain
 * data: every row of the §6.4 "K R T S" column and every "*" must come out of BR-B2.
 */
const DECIDED: Record<string, string> = {
  'IM-01': '1322',
  'IM-02': '3323',
  'IM-03': '3333',
  'IM-04': '3333',
  'IM-06': '2313',
  'IM-07': '2212',
  'IM-08': '0221',
  'IM-09': '3323',
  'IM-10': '3333',
  'IM-11': '3323',
  'IM-12': '3323',
  'IM-13': '2333',
  'IM-15': '3212',
  'IM-18': '3323',
  'IM-19': '2322',
  'IM-20': '2222',
  'IM-21': '2232',
  'IM-23': '2222',
  'IM-26': '3333',
  'IM-27': '3323',
  'IM-28': '3322',
  'IM-29': '2332',
  'IM-31': '2323',
  'IM-32': '2333',
  'IM-33': '3222',
  'IM-34': '1121',
  'IM-35': '2232',
  'IM-37': '1321',
  'IM-38': '3332',
  'IM-39': '3333',
};
const SPECIAL = ['IM-05'];

const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => `IM-${String(from + i).padStart(2, '0')}`);

const ASSETS: [string, string[], string][] = [
  ['AS-01', [...range(9, 15), 'IM-27', 'IM-28'], '3333*'],
  ['AS-02', ['IM-26'], '3333'],
  ['AS-03', ['IM-18'], '3323'],
  ['AS-04', ['IM-19', 'IM-20', 'IM-22'], '2322*'],
  ['AS-05', ['IM-19', 'IM-21'], '2332'],
  ['AS-06', ['IM-23', 'IM-24'], '2222*'],
  ['AS-07', ['IM-02', 'IM-03'], '3333'],
  ['AS-08', ['IM-01', 'IM-07'], '2322'],
  ['AS-09', ['IM-06', 'IM-01'], '2323'],
  ['AS-10', ['IM-35'], '3232'],
  ['AS-11', ['IM-32'], '3333'],
  ['AS-12', [], '3333'],
  ['AS-13', ['IM-33'], '3333'],
  ['AS-14', ['IM-33'], '3333'],
  ['AS-15', [], '3333'],
  ['AS-16', ['IM-31'], '2323'],
  ['AS-17', ['IM-34'], '1121'],
  ['AS-18', ['IM-08'], '0221'],
  ['AS-19', ['IM-06', 'IM-02'], '3323'],
  ['AS-20', ['IM-09', 'IM-14'], '3323*'],
  ['AS-21', ['IM-29'], '2332'],
  ['AS-22', ['IM-12', 'IM-13'], '3333'],
  ['AS-23', ['IM-09', 'IM-10'], '3333'],
  ['AS-24', ['IM-03'], '3333'],
  ['AS-25', ['IM-35', 'IM-28'], '3332'],
  ['AS-26', ['IM-39'], '3333'],
  ['AS-27', ['IM-38'], '3332'],
  ['AS-28', ['IM-40'], '----*'],
  ['AS-29', ['IM-36'], '----*'],
  ['AS-30', ['IM-37'], '1321'],
];

const DEPENDENCIES: [string[], string[]][] = [
  [
    ['AS-01', 'AS-07'],
    ['AS-11', 'AS-12', 'AS-13', 'AS-14', 'AS-15'],
  ],
  [
    ['AS-08', 'AS-09'],
    ['AS-11', 'AS-12', 'AS-14', 'AS-15'],
  ],
  [['AS-10', 'AS-30'], ['AS-11']],
  [['AS-30', 'AS-16', 'AS-11', 'AS-12'], ['AS-15']],
];

const levels = (digits: string) => {
  const [K, R, T, S] = [...digits].map((d) => (d === '-' ? null : (Number(d) as Level)));
  return { K, R, T, S };
};

describe('§6.4 effective levels of Exempelby', () => {
  const sets: PropagationSet[] = range(1, 40).map((id) => ({
    id,
    status: 'ACTIVE',
    decision: DECIDED[id]
      ? { classificationId: `c-${id}`, status: 'DECIDED', levels: levels(DECIDED[id]) }
      : SPECIAL.includes(id)
        ? { classificationId: `c-${id}`, status: 'SPECIAL_HANDLING', levels: levels('----') }
        : null,
  }));
  const result = propagate(
    {
      assets: ASSETS.map(([id]) => ({ id, status: 'ACTIVE' })),
      sets,
      links: ASSETS.flatMap(([assetId, ids]) =>
        ids.map((informationSetId) => ({ assetId, informationSetId })),
      ),
      dependencies: DEPENDENCIES.flatMap(([dependants, supporting]) =>
        dependants.flatMap((assetId) =>
          supporting.map((supportingAssetId) => ({ assetId, supportingAssetId })),
        ),
      ),
      overrides: [
        {
          id: 'raise-as10-k',
          assetId: 'AS-10',
          aspect: 'K',
          level: 3,
          direction: 'RAISE',
          status: 'ACTIVE',
          validUntil: null,
        },
      ],
    },
    new Date('2026-11-16T09:00:00Z'),
  );

  it.each(ASSETS)('%s', (id, _links, expected) => {
    const protection = result.get(id);
    expect(protection?.effective).toEqual(levels(expected.slice(0, 4)));
    expect(protection?.classificationComplete).toBe(!expected.endsWith('*'));
  });

  it('AS-10: K raised 2 → 3 by the override, derived 2', () => {
    expect(result.get('AS-10')?.derived.K).toBe(2);
    expect(result.get('AS-10')?.aspects.K.raisedBy).toBe('raise-as10-k');
  });

  it('the supporting assets reach 3 3 3 3 through AS-01 and AS-07', () => {
    const k = result
      .get('AS-12')
      ?.aspects.K.sources.map((s) => (s.kind === 'DEPENDANT_ASSET' ? s.assetId : s.informationSetId));
    expect(k).toEqual(['AS-01', 'AS-07']);
  });
});
