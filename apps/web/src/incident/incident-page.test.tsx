import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../App';
import type { HandledIncident, RegulatoryObligation } from '../api/types';
import { AppHarness, UNITS } from '../test-support';

/** The incident page shows each person exactly the actions their CASL rules allow (packed as the API sends them). */
const PATHS: Record<string, string[]> = {
  [UNITS.ROOT]: [UNITS.ROOT],
  [UNITS.SOCN]: [UNITS.ROOT, UNITS.SOCN],
  [UNITS.IFF]: [UNITS.ROOT, UNITS.SOCN, UNITS.IFF],
  [UNITS.IFF_UTR]: [UNITS.ROOT, UNITS.SOCN, UNITS.IFF, UNITS.IFF_UTR],
};
const units = Object.entries(PATHS).map(([id, path]) => ({
  id,
  code: id,
  name: id === UNITS.IFF_UTR ? 'Utredningsenheten barn och unga' : id,
  shortName: id,
  status: 'ACTIVE',
  path,
  coveredByCyberSecurityAct: true,
}));

const incident = (view: 'HANDLER' | 'AUDITOR', over: Partial<HandledIncident> = {}): HandledIncident => ({
  view,
  id: 'i-1',
  number: 'INC-2026-0001',
  type: 'PERSONAL_DATA_BREACH',
  subtype: 'WRONG_RECIPIENT',
  title: 'Utredning mejlad till fel vårdnadshavare',
  description: 'Jag skickade en utredning till fel adress.',
  orgUnitId: UNITS.IFF_UTR,
  reporterId: view === 'AUDITOR' ? null : 'p-emma.rahimi',
  reportedOnBehalfOfName: null,
  reporterMasked: view === 'AUDITOR',
  channel: 'FORM',
  occurredAt: null,
  discoveredAt: '2026-11-15T03:00:00.000Z',
  reportedAt: '2026-11-15T03:00:00.000Z',
  awareAt: '2026-11-15T03:00:00.000Z',
  ongoing: 'NO',
  personalDataInvolved: 'YES',
  severity: 'HIGH',
  aspectsAffected: [],
  handlerId: null,
  coordinatorId: null,
  assetIds: [],
  informationSetIds: [],
  status: 'INVESTIGATING',
  statusLabel: 'Under utredning',
  rejectionReason: null,
  breachRiskAssessment: 'HIGH_RISK',
  significantUnderCyberAct: false,
  rootCauseCategory: null,
  rootCause: null,
  consequences: null,
  measures: null,
  lessonsLearned: null,
  dataSubjectsApprox: null,
  recordsApprox: null,
  crisisEscalation: null,
  qualityDeviationRef: null,
  triagedAt: '2026-11-15T05:00:00.000Z',
  closedAt: null,
  pendingAssessments: [],
  allowedTransitions: view === 'HANDLER' ? ['ACTIONS'] : [],
  secrecyMarkings: [],
  redactions: [],
  version: 3,
  ...over,
});

const imy: RegulatoryObligation = {
  id: 'o-1',
  incidentId: 'i-1',
  regime: 'GDPR_ART33_IMY',
  stage: 'NOTIFICATION',
  receiver: 'IMY',
  receiverLabel: 'Integritetsskyddsmyndigheten (IMY)',
  anchor: 'AWARE_AT',
  anchorAt: '2026-11-15T03:00:00.000Z',
  deadlineAt: '2026-11-18T03:00:00.000Z',
  targetAt: null,
  clock: 'DEADLINE',
  dueAt: '2026-11-18T03:00:00.000Z',
  status: 'PENDING',
  timeLeftSeconds: 42 * 3600,
  regimeApplies: true,
  decision: null,
  submittedAt: null,
  externalReference: null,
  lateReason: null,
  notRequiredReason: null,
  decidedById: null,
  decidedAt: null,
  art34Exemption: null,
  version: 1,
};

function serve(answer: HandledIncident, stages: RegulatoryObligation[] = [imy]) {
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string) => {
      const json = (body: unknown) => Promise.resolve(new Response(JSON.stringify(body), { status: 200 }));
      if (url.startsWith('/api/org-units')) return json({ items: units, total: units.length });
      if (url === '/api/incidents/i-1') return json(answer);
      if (url === '/api/incidents/i-1/obligations') return json({ items: stages });
      if (url === '/api/incidents/i-1/timeline') return json({ items: [] });
      if (url === '/api/users/p-karin.vestberg') {
        return json({ id: 'p-karin.vestberg', displayName: 'Karin Vestberg', status: 'ACTIVE' });
      }
      if (url === '/api/assets/a-1') return json({ id: 'a-1', code: 'AS-0007', name: 'Procapita' });
      if (url === '/api/information-sets/s-1') {
        return json({ id: 's-1', code: 'IM-0003', name: 'Barnavårdsutredningar' });
      }
      if (url.startsWith('/api/users/')) return Promise.resolve(new Response('{}', { status: 404 }));
      return json({ items: [], total: 0, limit: 50, offset: 0 });
    }),
  );
}

async function open(username: string, answer: HandledIncident, stages?: RegulatoryObligation[]) {
  serve(answer, stages);
  render(
    <AppHarness username={username} path="/incidenter/i-1">
      <App />
    </AppHarness>,
  );
  await screen.findByText('Anmälan till IMY (GDPR art. 33) – Anmälan');
}

const button = (name: string) => screen.queryByRole('button', { name });

describe('the incident page follows the CASL rules', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('the samordnare moves the incident and adds notes, but neither submits nor waives a stage (D-07)', async () => {
    await open('nora.falk', incident('HANDLER'));
    expect(button('Till åtgärder')).not.toBeNull();
    expect(button('Lägg till anteckningen')).not.toBeNull();
    expect(button('Registrera inlämning')).toBeNull();
    expect(button('Krävs inte')).toBeNull();
    expect(screen.getByText('42 h 0 min kvar')).toBeTruthy();
    expect(screen.getByText('2026-11-18 04:00')).toBeTruthy();
  });

  it('the verksamhetsansvarig records the submission; waiving the IMY stage is the DPO’s', async () => {
    await open('helena.strand', incident('HANDLER'));
    expect(button('Registrera inlämning')).not.toBeNull();
    expect(button('Krävs inte')).toBeNull();
  });

  it('the DPO may mark the IMY stage not required, not submit it', async () => {
    await open('karin.vestberg', incident('HANDLER'));
    expect(button('Krävs inte')).not.toBeNull();
    expect(button('Registrera inlämning')).toBeNull();
  });

  it('the revisor reads, the reporter masked, and changes nothing', async () => {
    await open('tove.granath', incident('AUDITOR'));
    expect(screen.getByText('Dold för revisor')).toBeTruthy();
    for (const name of ['Till åtgärder', 'Lägg till anteckningen', 'Registrera inlämning', 'Krävs inte'])
      expect(button(name), name).toBeNull();
  });

  it('triage is offered to a handler while the incident is REPORTED, with the cyber act question', async () => {
    await open(
      'nora.falk',
      incident('HANDLER', {
        status: 'REPORTED',
        type: null,
        subtype: null,
        severity: null,
        allowedTransitions: [],
      }),
    );
    expect(screen.getByRole('heading', { name: 'Bedömning (triage)' })).toBeTruthy();
    expect(screen.getByRole('group', { name: 'Betydande enligt cybersäkerhetslagen' })).toBeTruthy();
  });

  it('triage asks for the aspects affected too', async () => {
    await open(
      'nora.falk',
      incident('HANDLER', { status: 'REPORTED', type: null, subtype: null, severity: null }),
    );
    expect(screen.getByRole('group', { name: 'Påverkade aspekter' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Utredning' })).toBeNull();
  });

  it('the investigation form offers every field of the PATCH for a triaged breach to its handler', async () => {
    await open('karin.vestberg', incident('HANDLER'));
    expect(screen.getByRole('heading', { name: 'Utredning' })).toBeTruthy();
    const risk = screen.getByLabelText<HTMLSelectElement>('Riskbedömning (dataskyddsombudet)', {
      exact: false,
    });
    expect(risk.value).toBe('HIGH_RISK');
    expect(screen.getByRole('group', { name: 'Påverkade aspekter' })).toBeTruthy();
    expect(screen.getAllByRole('group', { name: 'Pågår' })).toHaveLength(1);
    expect(screen.getAllByRole('group', { name: 'Betydande enligt cybersäkerhetslagen' })).toHaveLength(1);
    expect(screen.getByLabelText('Antal berörda registrerade (ungefär)')).toBeTruthy();
    expect(screen.getByLabelText('Id i avvikelsesystemet (valfritt)', { exact: false })).toBeTruthy();
    expect(screen.getByLabelText('Eskalering i krisorganisationen', { exact: false })).toBeTruthy();
    expect(button('Spara utredningen')).not.toBeNull();
  });

  it('the revisor gets no investigation form', async () => {
    await open('tove.granath', incident('AUDITOR'));
    expect(screen.queryByRole('heading', { name: 'Utredning' })).toBeNull();
  });

  it('a stage marked not required says who decided it, when and why', async () => {
    await open('nora.falk', incident('HANDLER'), [
      {
        ...imy,
        decision: 'NOT_REQUIRED',
        status: 'NOT_REQUIRED',
        timeLeftSeconds: null,
        decidedById: 'p-karin.vestberg',
        decidedAt: '2026-11-15T09:00:00.000Z',
        notRequiredReason: 'Endast en mötestid röjdes.',
      },
    ]);
    expect(
      await screen.findByText('Ej nödvändigt enligt beslut av Karin Vestberg, 2026-11-15 10:00'),
    ).toBeTruthy();
    expect(screen.getByText('Skäl: Endast en mötestid röjdes.')).toBeTruthy();
  });

  it('the handler lists the secrecy markings, may remove one and mark more fields (BR-D8)', async () => {
    await open(
      'nora.falk',
      incident('HANDLER', {
        secrecyMarkings: [
          {
            id: 'm-1',
            fieldPaths: ['description'],
            provision: '26 kap. 1 § OSL',
            reason: 'Uppgifter om ett barn.',
            markedById: 'p-karin.vestberg',
            markedAt: '2026-11-15T05:00:00.000Z',
          },
        ],
      }),
    );
    expect(screen.getByRole('heading', { name: 'Sekretess' })).toBeTruthy();
    expect(screen.getByText('Skäl: Uppgifter om ett barn.')).toBeTruthy();
    expect(await screen.findByText('Markerad av Karin Vestberg, 2026-11-15 06:00')).toBeTruthy();
    expect(button('Ta bort markeringen enligt 26 kap. 1 § OSL')).not.toBeNull();
    expect(screen.getByRole('group', { name: 'Fält som markeras' })).toBeTruthy();
    expect(button('Markera fälten')).not.toBeNull();
  });

  it('the revisor is told which fields are masked, and may not mark or unmark', async () => {
    await open(
      'tove.granath',
      incident('AUDITOR', {
        description: '[Sekretess enligt 26 kap. 1 § OSL]',
        redactions: [
          {
            field: 'description',
            provisions: ['26 kap. 1 § OSL'],
            text: '[Sekretess enligt 26 kap. 1 § OSL]',
          },
        ],
      }),
    );
    expect(screen.getByText('Beskrivning visas inte (sekretess enligt 26 kap. 1 § OSL).')).toBeTruthy();
    expect(button('Markera fälten')).toBeNull();
    expect(screen.queryByRole('group', { name: 'Fält som markeras' })).toBeNull();
  });

  it('the samordnare sees the linked asset and set with links, may add and remove, and re-triage', async () => {
    await open('nora.falk', incident('HANDLER', { assetIds: ['a-1'], informationSetIds: ['s-1'] }));
    expect(screen.getByRole('heading', { name: 'Berörda tillgångar och informationsmängder' })).toBeTruthy();
    const asset = await screen.findByRole('link', { name: 'AS-0007 Procapita' });
    expect(asset.getAttribute('href')).toBe('/tillgangar/a-1');
    const set = await screen.findByRole('link', { name: 'IM-0003 Barnavårdsutredningar' });
    expect(set.getAttribute('href')).toBe('/informationsmangder/s-1');
    expect(button('Ta bort AS-0007 Procapita')).not.toBeNull();
    expect(button('Koppla tillgången')).not.toBeNull();
    expect(button('Koppla informationsmängden')).not.toBeNull();
    expect(button('Spara handläggare')).not.toBeNull();
    expect(button('Spara klassificeringen')).not.toBeNull();
    expect(button('Ändra kännedom')).not.toBeNull();
  });

  it('the revisor sees the linked ones but may neither link, assign nor re-triage', async () => {
    await open('tove.granath', incident('AUDITOR', { assetIds: ['a-1'] }));
    expect(await screen.findByRole('link', { name: 'AS-0007 Procapita' })).toBeTruthy();
    for (const name of [
      'Ta bort AS-0007 Procapita',
      'Koppla tillgången',
      'Koppla informationsmängden',
      'Spara handläggare',
      'Spara klassificeringen',
      'Ändra kännedom',
    ])
      expect(button(name), name).toBeNull();
  });

  it('before triage only the handler assignment is offered beside the triage form', async () => {
    await open(
      'nora.falk',
      incident('HANDLER', { status: 'REPORTED', type: null, subtype: null, severity: null }),
    );
    expect(button('Spara handläggare')).not.toBeNull();
    expect(button('Spara klassificeringen')).toBeNull();
    expect(button('Ändra kännedom')).toBeNull();
  });

  it('a closed incident shows its links but offers no changes', async () => {
    await open('nora.falk', incident('HANDLER', { status: 'CLOSED', assetIds: ['a-1'] }));
    expect(await screen.findByRole('link', { name: 'AS-0007 Procapita' })).toBeTruthy();
    expect(button('Koppla tillgången')).toBeNull();
    expect(button('Spara handläggare')).toBeNull();
  });
});
