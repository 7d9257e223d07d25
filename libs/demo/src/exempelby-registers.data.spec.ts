import { describe, expect, it } from 'vitest';
import { EXEMPELBY_ORG_UNITS, EXEMPELBY_PEOPLE } from './exempelby.data';
import {
  EXEMPELBY_ASSET_DEPENDENCIES,
  EXEMPELBY_ASSETS,
  EXEMPELBY_INFORMATION_SETS,
} from './exempelby-registers.data';

const unitCodes = new Set(EXEMPELBY_ORG_UNITS.map((u) => u.code));
const usernames = new Set(EXEMPELBY_PEOPLE.map((p) => p.username));
const setCodes = EXEMPELBY_INFORMATION_SETS.map((s) => s.code);
const assetCodes = EXEMPELBY_ASSETS.map((a) => a.code);

describe('Exempelby information sets (§6.3)', () => {
  it('are IM-01 … IM-40 in units and with owners of the demo', () => {
    expect(setCodes).toEqual(Array.from({ length: 40 }, (_, i) => `IM-${String(i + 1).padStart(2, '0')}`));
    for (const s of EXEMPELBY_INFORMATION_SETS) {
      expect(unitCodes.has(s.unit), s.code).toBe(true);
      if (s.owner) expect(usernames.has(s.owner), s.code).toBe(true);
    }
  });

  it('K03: 33 of 40 have an owner; IM-16, 17, 23, 24, 25, 36, 40 have none', () => {
    const missing = EXEMPELBY_INFORMATION_SETS.filter((s) => !s.owner).map((s) => s.code);
    expect(missing).toEqual(['IM-16', 'IM-17', 'IM-23', 'IM-24', 'IM-25', 'IM-36', 'IM-40']);
  });

  it('Art. 9 data and protected identity come with personal data; IM-05 alone is special-handling', () => {
    for (const s of EXEMPELBY_INFORMATION_SETS) {
      if (s.pu.includes('9') || s.pu.includes('SI')) expect(s.pu, s.code).toContain('P');
    }
    expect(EXEMPELBY_INFORMATION_SETS.filter((s) => s.specialHandling).map((s) => s.code)).toEqual(['IM-05']);
    const im05 = EXEMPELBY_INFORMATION_SETS.find((s) => s.code === 'IM-05');
    expect(im05).toMatchObject({ pu: [], secrecyProvisions: [] });
  });
});

describe('Exempelby assets (§6.4)', () => {
  it('are AS-01 … AS-30, linked to demo sets, in demo units with demo people', () => {
    expect(assetCodes).toEqual(Array.from({ length: 30 }, (_, i) => `AS-${String(i + 1).padStart(2, '0')}`));
    for (const a of EXEMPELBY_ASSETS) {
      expect(unitCodes.has(a.unit), a.code).toBe(true);
      if (a.provider) expect(unitCodes.has(a.provider), a.code).toBe(true);
      for (const p of [a.owner, a.systemManager]) if (p) expect(usernames.has(p), a.code).toBe(true);
      for (const s of a.informationSets) expect(setCodes, a.code).toContain(s);
      if (a.subtype) expect(a.type, a.code).toBe('IT_COMPONENT');
      if (a.type === 'PROCESS') expect(a.hosting, a.code).toBeNull();
    }
  });

  it('K04: 27 of 30 have an owner; third-country processing on AS-03 and AS-05, MFA on AS-03', () => {
    expect(EXEMPELBY_ASSETS.filter((a) => !a.owner).map((a) => a.code)).toEqual(['AS-06', 'AS-28', 'AS-29']);
    expect(EXEMPELBY_ASSETS.filter((a) => a.thirdCountryProcessing).map((a) => a.code)).toEqual([
      'AS-03',
      'AS-05',
    ]);
    expect(EXEMPELBY_ASSETS.filter((a) => a.mfaRequired).map((a) => a.code)).toEqual(['AS-03']);
  });

  it('AS-01 carries IM-09–IM-15, IM-27, IM-28; AS-12 and AS-15 carry nothing', () => {
    const linked = (code: string) => EXEMPELBY_ASSETS.find((a) => a.code === code)?.informationSets;
    expect(linked('AS-01')).toEqual([
      'IM-09',
      'IM-10',
      'IM-11',
      'IM-12',
      'IM-13',
      'IM-14',
      'IM-15',
      'IM-27',
      'IM-28',
    ]);
    expect(linked('AS-12')).toEqual([]);
    expect(linked('AS-15')).toEqual([]);
  });

  it('the 24 dependencies below the §6.4 table, between demo assets, without duplicates', () => {
    expect(EXEMPELBY_ASSET_DEPENDENCIES).toHaveLength(24);
    const keys = EXEMPELBY_ASSET_DEPENDENCIES.map((d) => `${d.asset}→${d.supporting}`);
    expect(new Set(keys).size).toBe(24);
    for (const d of EXEMPELBY_ASSET_DEPENDENCIES) {
      expect(assetCodes).toContain(d.asset);
      expect(assetCodes).toContain(d.supporting);
    }
    expect(
      keys
        .filter((k) => k.endsWith('→AS-15'))
        .map((k) => k.slice(0, 5))
        .sort(),
    ).toEqual(['AS-01', 'AS-07', 'AS-08', 'AS-09', 'AS-11', 'AS-12', 'AS-16', 'AS-30']);
  });
});
