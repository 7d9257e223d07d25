import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Classification, InformationSet } from '../api/register-types';
import { AppHarness } from '../test-support';
import { ClassificationWizard } from './ClassificationWizard';

/** The wizard as the samordnare meets it, rendered (happy-dom): steps, checks, level 4, focus. */
const SET: InformationSet = {
  view: 'FULL',
  id: 'set-im-14',
  code: 'IM-14',
  name: 'Familjehemsutredningar',
  description: null,
  orgUnitId: 'u-iff',
  informationOwnerId: 'p-helena.strand',
  informationOwnerName: 'Helena Strand',
  ownerMissing: false,
  informationOwnerAppointedById: null,
  informationOwnerAppointedAt: null,
  informationOwnerAppointmentRef: null,
  recordsClassCode: null,
  containsPersonalData: true,
  personalDataCategories: [],
  specialCategoryData: true,
  criminalOffenceData: false,
  concernsChildren: true,
  protectedIdentity: false,
  secrecyProvisions: ['26 kap. 1 § OSL'],
  legalBases: [],
  specialHandling: false,
  retention: null,
  status: 'ACTIVE',
  statusLabel: 'Aktiv',
  classificationId: null,
  classificationDueAt: null,
  allowedTransitions: [],
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  version: 1,
};

function draft(aspects: Classification['aspects'], returnComment: string | null = null): Classification {
  return {
    id: 'c-1',
    version: 2,
    informationSetId: SET.id,
    informationSetCode: SET.code,
    informationSetName: SET.name,
    orgUnitId: SET.orgUnitId,
    informationOwnerId: SET.informationOwnerId,
    modelVersion: 1,
    status: 'DRAFT',
    statusLabel: 'Utkast',
    levelK: null,
    levelR: null,
    levelT: null,
    levelS: null,
    aspects,
    specialHandling: false,
    consequenceCategories: [],
    legalRefs: [],
    trigger: 'INITIAL',
    proposedById: null,
    proposedAt: null,
    decidedById: null,
    decidedAt: null,
    diarienummer: null,
    validUntil: null,
    reviewState: null,
    returnComment,
    cancelReason: null,
    reviewFlaggedAt: null,
    reviewFlagReason: null,
    confirmedUnchangedById: null,
    confirmedUnchangedAt: null,
    supersedesId: null,
    createdAt: '2026-11-16T09:00:00.000Z',
  };
}

const aspect = (a: 'K' | 'R' | 'T' | 'S', level: number | null, rationale: string | null) => ({
  aspect: a,
  aspectName: a,
  level,
  levelName: null,
  rationale,
});

function renderWizard(saved: Classification | null = null) {
  render(
    <AppHarness username="nora.falk" path="/informationsmangder/set-im-14/klassning">
      <ClassificationWizard set={SET} draft={saved} guiding={() => []} />
    </AppHarness>,
  );
}

const stepHeading = () => screen.getByRole('heading', { level: 2 });

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the classification wizard', () => {
  it('starts at K with the question and five levels as one radio group', () => {
    vi.stubGlobal('fetch', vi.fn());
    renderWizard();
    expect(stepHeading().textContent).toBe('Steg 1 av 5: Konfidentialitet');
    expect(screen.getByText('Vad blir skadan om informationen hamnar i orätta händer?')).toBeTruthy();
    const group = screen.getByRole('group', { name: 'Nivå för Konfidentialitet' });
    const radios = within(group).getAllByRole('radio');
    expect(radios).toHaveLength(5);
    expect(within(group).getByLabelText(/^3 Allvarlig/)).toBeTruthy();
    const steps = screen.getByRole('navigation', { name: 'Steg i klassningen' });
    expect(
      within(steps)
        .getByRole('button', { name: /Konfidentialitet/ })
        .getAttribute('aria-current'),
    ).toBe('step');
  });

  it('"Nästa" without a level and a motivation says so, sends nothing and stays', () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    renderWizard();
    fireEvent.click(screen.getByRole('button', { name: 'Nästa' }));
    expect(screen.getByText('Välj en nivå.')).toBeTruthy();
    expect(screen.getByText('Skriv en motivering.')).toBeTruthy();
    expect(screen.getByLabelText(/^Motivering för Konfidentialitet/).getAttribute('aria-invalid')).toBe(
      'true',
    );
    expect(stepHeading().textContent).toBe('Steg 1 av 5: Konfidentialitet');
    expect(fetch).not.toHaveBeenCalled();
    // Choosing a level clears that error only.
    fireEvent.click(screen.getByLabelText(/^2 Betydande/));
    expect(screen.queryByText('Välj en nivå.')).toBeNull();
    expect(screen.getByText('Skriv en motivering.')).toBeTruthy();
  });

  it('level 4 explains special handling; the summary then offers no proposal', () => {
    vi.stubGlobal('fetch', vi.fn());
    renderWizard();
    fireEvent.click(screen.getByLabelText(/^4 Synnerligen allvarlig/));
    expect(screen.getByText('Nivå 4 innebär särskild hantering')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /Sammanfattning/ }));
    expect(stepHeading().textContent).toBe('Steg 5 av 5: Sammanfattning');
    expect(screen.getByText(/Du har valt nivå 4 för Konfidentialitet/)).toBeTruthy();
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Föreslå för beslut' }).disabled).toBe(true);
    // Back to K by its "Ändra" link; a lower level removes the explanation.
    fireEvent.click(screen.getByRole('button', { name: 'Ändra Konfidentialitet' }));
    fireEvent.click(screen.getByLabelText(/^3 Allvarlig/));
    expect(screen.queryByText('Nivå 4 innebär särskild hantering')).toBeNull();
  });

  it('a step change moves the focus to the step heading', () => {
    vi.stubGlobal('fetch', vi.fn());
    renderWizard();
    fireEvent.click(screen.getByRole('button', { name: /Riktighet/ }));
    expect(stepHeading().textContent).toBe('Steg 2 av 5: Riktighet');
    expect(document.activeElement).toBe(stepHeading());
    fireEvent.click(screen.getByRole('button', { name: 'Föregående' }));
    expect(stepHeading().textContent).toBe('Steg 1 av 5: Konfidentialitet');
  });

  it('"Nästa" saves the draft first and stays when the save fails', async () => {
    const fetch = vi.fn(() => Promise.reject(new TypeError('offline')));
    vi.stubGlobal('fetch', fetch);
    renderWizard();
    fireEvent.click(screen.getByLabelText(/^3 Allvarlig/));
    fireEvent.change(screen.getByLabelText(/^Motivering för Konfidentialitet/), {
      target: { value: 'Sekretess enligt 26 kap. 1 § OSL.' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Nästa' }));
    expect(await screen.findByText(/Det gick inte att nå Värna/)).toBeTruthy();
    expect(stepHeading().textContent).toBe('Steg 1 av 5: Konfidentialitet');
    // The API client sends JSON text.
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit & { body: string }];
    expect(url).toBe('/api/classifications');
    expect(init.method).toBe('POST');
    expect(JSON.parse(init.body)).toMatchObject({
      informationSetId: 'set-im-14',
      levelK: 3,
      rationaleK: 'Sekretess enligt 26 kap. 1 § OSL.',
      levelR: null,
    });
  });

  it('a saved draft opens at its first open aspect and shows a return comment', () => {
    vi.stubGlobal('fetch', vi.fn());
    renderWizard(
      draft(
        [aspect('K', 3, 'OSL'), aspect('R', 3, 'Beslut'), aspect('T', null, null), aspect('S', null, null)],
        'Se över tillgängligheten.',
      ),
    );
    expect(stepHeading().textContent).toBe('Steg 3 av 5: Tillgänglighet');
    expect(screen.getByText(/Se över tillgängligheten\./)).toBeTruthy();
  });
});
