import { describe, expect, it } from 'vitest';
import { LEVEL_LOWERED_REASON, fulfilment, planChanges, requiredTemplates } from './action-plan';
import { ANNEX_A_CONTROL_IDS, ASSET_TYPES, REQUIREMENT_TEMPLATES, requirementTemplate } from './catalogue';
import { ASPECTS, DEFAULT_CLASSIFICATION_MODEL, type Level, type Levels } from './model';

const L = (k: Level | null, r: Level | null, t: Level | null, s: Level | null): Levels => ({
  K: k,
  R: r,
  T: t,
  S: s,
});

describe('the default classification model (D-11)', () => {
  const model = DEFAULT_CLASSIFICATION_MODEL;
  it('has K R T S with the §4b questions, levels 0–4 and MSB’s categories', () => {
    expect(model.aspects.map((a) => a.code)).toEqual([...ASPECTS]);
    expect(model.aspects.find((a) => a.code === 'K')?.questionSv).toBe(
      'Vad blir skadan om informationen hamnar i orätta händer?',
    );
    expect(model.levels.map((l) => `${l.value} ${l.nameSv}`)).toEqual([
      '0 Försumbar',
      '1 Måttlig',
      '2 Betydande',
      '3 Allvarlig',
      '4 Synnerligen allvarlig',
    ]);
    expect(model.levels.filter((l) => !l.handledInPlatform).map((l) => l.value)).toEqual([4]);
    expect(model.consequenceCategories).toHaveLength(6);
    expect(model.reviewIntervalMonths).toBe(12);
  });

  it('has 2–4 guiding questions for every aspect and level band 1–4', () => {
    for (const aspect of ASPECTS) {
      for (const level of [1, 2, 3, 4]) {
        const band = model.guidingQuestions.filter((g) => g.aspect === aspect && g.level === level);
        expect(band, `${aspect}${level}`).toHaveLength(1);
        expect(band[0].questionsSv.length).toBeGreaterThanOrEqual(2);
        expect(band[0].questionsSv.length).toBeLessThanOrEqual(4);
      }
    }
  });
});

describe('Värna grundskydd (D-12)', () => {
  it('has about 60 requirements with unique codes that name their aspect and level', () => {
    expect(REQUIREMENT_TEMPLATES.length).toBeGreaterThanOrEqual(55);
    expect(REQUIREMENT_TEMPLATES.length).toBeLessThanOrEqual(70);
    expect(new Set(REQUIREMENT_TEMPLATES.map((t) => t.code)).size).toBe(REQUIREMENT_TEMPLATES.length);
    for (const t of REQUIREMENT_TEMPLATES) {
      const [, letter, level] = /^VG-([AKRTS])([1-3])-\d{2}$/.exec(t.code) ?? [];
      expect(letter === 'A' ? 'ALL' : letter, t.code).toBe(t.aspect);
      expect(Number(level), t.code).toBe(t.minLevel);
      expect(t.textSv.length, t.code).toBeGreaterThan(10);
      expect(t.procurementTextSv, t.code).toMatch(/ska/);
      expect(t.annexARefs.length, t.code).toBeGreaterThan(0);
      for (const ref of t.annexARefs) expect(ANNEX_A_CONTROL_IDS, `${t.code} ${ref}`).toContain(ref);
      for (const type of t.appliesToAssetTypes) expect(ASSET_TYPES).toContain(type);
    }
    for (const aspect of [...ASPECTS, 'ALL'] as const) {
      expect(REQUIREMENT_TEMPLATES.filter((t) => t.aspect === aspect).length, aspect).toBeGreaterThanOrEqual(
        8,
      );
    }
  });

  it('Annex A has its 93 controls', () => {
    expect(ANNEX_A_CONTROL_IDS).toHaveLength(93);
    expect(ANNEX_A_CONTROL_IDS).toContain('5.37');
    expect(ANNEX_A_CONTROL_IDS).toContain('8.34');
    expect(ANNEX_A_CONTROL_IDS).not.toContain('5.38');
    expect(ANNEX_A_CONTROL_IDS).not.toContain('7.15');
  });

  it('contains the sample rows of §4b verbatim', () => {
    const sample: [string, string, number, string, string[]][] = [
      ['VG-A1-01', 'ALL', 1, 'Informationsägare och tillgångsägare är utsedda och dokumenterade', ['5.9']],
      ['VG-K1-01', 'K', 1, 'Behörighet tilldelas efter beslut av behörig chef', ['5.15', '5.18']],
      [
        'VG-K2-02',
        'K',
        2,
        'Behörigheter följs upp minst årligen och avslutas vid ändrade arbetsuppgifter',
        ['5.18', '6.5'],
      ],
      ['VG-K2-03', 'K', 2, 'Åtkomst utanför kommunens nät kräver flerfaktorsautentisering', ['8.5']],
      ['VG-K3-04', 'K', 3, 'All åtkomst sker med flerfaktorsautentisering på lägst tillitsnivå 3', ['8.5']],
      [
        'VG-K3-05',
        'K',
        3,
        'Information krypteras vid överföring och vid lagring utanför kommunens driftmiljö',
        ['8.24'],
      ],
      ['VG-R2-01', 'R', 2, 'Ändringar i systemet sker via dokumenterad ändringshantering', ['8.32']],
      [
        'VG-R3-02',
        'R',
        3,
        'Lagrad och bevarad information kontrolleras med kontrollsummor',
        ['5.33', '8.13'],
      ],
      ['VG-T1-01', 'T', 1, 'Säkerhetskopiering sker enligt dokumenterad rutin', ['8.13']],
      ['VG-T2-02', 'T', 2, 'Återläsning av säkerhetskopior testas minst årligen', ['8.13', '5.30']],
      ['VG-T3-03', 'T', 3, 'Reservrutin finns i kontinuitetsplanen och övas minst årligen', ['5.29', '5.30']],
      ['VG-S2-01', 'S', 2, 'Användares åtgärder loggas med identitet och tidpunkt', ['8.15']],
      ['VG-S3-02', 'S', 3, 'Loggar granskas regelbundet och skyddas mot ändring', ['8.15', '8.16']],
    ];
    for (const [code, aspect, minLevel, textSv, refs] of sample) {
      expect(requirementTemplate(code)).toMatchObject({ aspect, minLevel, textSv, annexARefs: refs });
    }
  });
});

describe('BR-B7 action plan', () => {
  const codes = (levels: Levels, type: (typeof ASSET_TYPES)[number] = 'IT_SYSTEM') =>
    requiredTemplates(type, levels).map((t) => t.code);

  it('is cumulative per aspect and compares ALL with the highest level', () => {
    const k1 = codes(L(1, null, null, null));
    expect(k1).toContain('VG-K1-01');
    expect(k1).not.toContain('VG-K2-02');
    expect(k1).toContain('VG-A1-01');
    expect(k1).not.toContain('VG-A2-08');
    const k3 = codes(L(3, null, null, null));
    expect(k3).toEqual(
      expect.arrayContaining(['VG-K1-01', 'VG-K2-02', 'VG-K3-04', 'VG-A1-01', 'VG-A2-08', 'VG-A3-12']),
    );
    // T 3 alone: ALL requirements up to 3, no K requirements.
    const t3 = codes(L(0, 0, 3, 0));
    expect(t3).toContain('VG-A3-12');
    expect(t3).toContain('VG-T3-03');
    expect(t3.some((c) => c.startsWith('VG-K'))).toBe(false);
    expect(new Set(t3).size).toBe(t3.length);
  });

  it('level 0 and no levels give nothing beyond what level 0 asks (nothing)', () => {
    expect(codes(L(0, 0, 0, 0))).toEqual([]);
    expect(codes(L(null, null, null, null))).toEqual([]);
  });

  it('respects appliesToAssetTypes', () => {
    const space = codes(L(3, 3, 3, 3), 'SPACE');
    expect(space).toContain('VG-T3-11');
    expect(space).not.toContain('VG-K3-04');
    expect(codes(L(3, 3, 3, 3), 'IT_SYSTEM')).not.toContain('VG-T3-11');
    // Process assets get the organisational requirements only.
    expect(codes(L(3, 3, 3, 3), 'PROCESS')).toContain('VG-T3-03');
  });

  it('follows a level change: adds, lowers with "nivå sänkt", keeps statuses, reinstates', () => {
    const first = planChanges('IT_SYSTEM', L(2, 1, 1, 1), []);
    expect(first.lower).toEqual([]);
    expect(first.add).toContain('VG-K2-02');
    const items = first.add.map((code) => ({
      requirementCode: code,
      status: 'NOT_MET' as const,
      notApplicableReason: null,
    }));
    // The owner marks some met, and one not applicable for a reason of their own.
    const withStatus = items.map((i) =>
      i.requirementCode === 'VG-K2-02'
        ? { ...i, status: 'MET' as const }
        : i.requirementCode === 'VG-K2-12'
          ? { ...i, status: 'NOT_APPLICABLE' as const, notApplicableReason: 'Inga mobila enheter' }
          : i,
    );
    expect(planChanges('IT_SYSTEM', L(2, 1, 1, 1), withStatus)).toEqual({
      add: [],
      lower: [],
      reinstate: [],
    });

    const lowered = planChanges('IT_SYSTEM', L(1, 1, 1, 1), withStatus);
    expect(lowered.add).toEqual([]);
    expect(lowered.lower).toEqual(expect.arrayContaining(['VG-K2-02', 'VG-K2-12']));
    const afterLowering = withStatus.map((i) =>
      lowered.lower.includes(i.requirementCode)
        ? { ...i, status: 'NOT_APPLICABLE' as const, notApplicableReason: LEVEL_LOWERED_REASON }
        : i,
    );
    expect(planChanges('IT_SYSTEM', L(1, 1, 1, 1), afterLowering)).toEqual({
      add: [],
      lower: [],
      reinstate: [],
    });

    const raised = planChanges('IT_SYSTEM', L(3, 1, 1, 1), afterLowering);
    expect(raised.reinstate).toEqual(expect.arrayContaining(['VG-K2-02', 'VG-K2-12']));
    expect(raised.add).toContain('VG-K3-04');
    expect(raised.add).not.toContain('VG-K2-02');
  });

  it('K26 fulfilment counts MET over items that are not NOT_APPLICABLE', () => {
    expect(
      fulfilment([
        { status: 'MET' },
        { status: 'PARTLY' },
        { status: 'NOT_APPLICABLE' },
        { status: 'NOT_MET' },
      ]),
    ).toEqual({
      met: 1,
      applicable: 3,
      share: 1 / 3,
    });
    expect(fulfilment([{ status: 'NOT_APPLICABLE' }]).share).toBeNull();
  });
});
