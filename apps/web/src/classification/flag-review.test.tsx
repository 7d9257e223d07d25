import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Classification, InformationSet } from '../api/register-types';
import { AppHarness, signedInAs, TENANT, UNITS } from '../test-support';
import { FlagReviewButton, mayFlagReview } from './FlagReview';

/** "Flagga för omprövning" follows the CASL ability (BR-B5, D-54), not a role name. */
const UNIT_PATHS = new Map([
  [UNITS.IFF_UTR, { path: [UNITS.ROOT, UNITS.SOCN, UNITS.IFF, UNITS.IFF_UTR] }],
  [UNITS.KS, { path: [UNITS.ROOT, UNITS.KS] }],
]);
const decided = (orgUnitId: string) =>
  ({
    id: 'c-1',
    informationSetId: 'set-1',
    orgUnitId,
    informationOwnerId: 'p-petter.akesson',
    status: 'DECIDED',
  }) as Classification;
const SET = { id: 'set-1', code: 'IM-14' } as InformationSet;

afterEach(cleanup);

describe('who may flag a decision for review', () => {
  it.each([
    ['cecilia.lund', UNITS.IFF_UTR, true],
    ['cecilia.lund', UNITS.KS, true],
    ['nora.falk', UNITS.IFF_UTR, true],
    ['nora.falk', UNITS.KS, false],
    ['emma.rahimi', UNITS.IFF_UTR, false],
    ['petter.akesson', UNITS.IFF_UTR, false],
    ['tove.granath', UNITS.IFF_UTR, false],
  ])('%s on a decision at %s: %s', (username, unit, expected) => {
    const { ability } = signedInAs(username);
    expect(mayFlagReview(ability, decided(unit), UNIT_PATHS, TENANT)).toBe(expected);
  });

  it('the CISO chooses a legal change or manually', () => {
    render(
      <AppHarness username="cecilia.lund" path="/">
        <FlagReviewButton set={SET} />
      </AppHarness>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Flagga för omprövning' }));
    expect(screen.getByLabelText('Ändrade rättsliga krav')).toBeTruthy();
    expect(screen.getByLabelText('Manuell')).toBeTruthy();
  });

  it('a samordnare flags manually only, with no choice of reason', () => {
    render(
      <AppHarness username="nora.falk" path="/">
        <FlagReviewButton set={SET} />
      </AppHarness>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Flagga för omprövning (manuellt)' }));
    expect(screen.queryByRole('radio')).toBeNull();
    expect(screen.getByText('Skäl: Manuell.')).toBeTruthy();
  });
});
