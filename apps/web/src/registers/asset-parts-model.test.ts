import { describe, expect, it } from 'vitest';
import type { AssetRow, InformationSetRow } from '../api/register-types';
import { choiceLabel, dependableAssets, linkableSets, withChosen } from './asset-parts-model';

const nameRow = (id: string, code: string) => ({
  view: 'NAME' as const,
  id,
  code,
  name: `N ${code}`,
  orgUnitId: 'u',
});
const fullSet = (id: string, code: string, status: 'DRAFT' | 'ACTIVE' | 'RETIRED') =>
  ({ ...nameRow(id, code), view: 'FULL', status }) as unknown as InformationSetRow;
const fullAsset = (id: string, code: string, status: 'ACTIVE' | 'RETIRED') =>
  ({ ...nameRow(id, code), view: 'FULL', status }) as unknown as AssetRow;

describe('the pickers of the asset page', () => {
  it('offers sets not linked yet and not retired; name-view rows are the server’s to judge', () => {
    const rows = [
      fullSet('s9', 'IM-09', 'ACTIVE'),
      fullSet('s10', 'IM-10', 'ACTIVE'),
      fullSet('s11', 'IM-11', 'RETIRED'),
      fullSet('s12', 'IM-12', 'DRAFT'),
      nameRow('s13', 'IM-13'),
    ];
    const linked = [
      { informationSetId: 's9', code: 'IM-09', name: '', role: 'STORES' as const, note: null, details: null },
    ];
    expect(linkableSets(rows, linked).map((c) => c.code)).toEqual(['IM-10', 'IM-12', 'IM-13']);
  });

  it('offers assets other than itself, not depended on already, not retired', () => {
    const rows = [
      fullAsset('a1', 'AS-01', 'ACTIVE'),
      fullAsset('a20', 'AS-20', 'ACTIVE'),
      fullAsset('a23', 'AS-23', 'ACTIVE'),
      fullAsset('a29', 'AS-29', 'RETIRED'),
    ];
    const dependsOn = [{ assetId: 'a23', code: 'AS-23', name: '', note: null }];
    expect(dependableAssets(rows, 'a20', dependsOn).map((c) => c.code)).toEqual(['AS-01']);
  });

  it('keeps the chosen row offered while the search moves on', () => {
    const chosen = { id: 's10', code: 'IM-10', name: 'Orosanmälningar' };
    expect(withChosen([], chosen)).toEqual([chosen]);
    expect(withChosen([chosen], chosen)).toEqual([chosen]);
    expect(withChosen([{ id: 'x', code: 'IM-01', name: 'A' }], null).map((c) => c.id)).toEqual(['x']);
    expect(choiceLabel(chosen)).toBe('IM-10 Orosanmälningar');
  });
});
