import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app';
import { expectErrorBody } from '../support/expect';

/*
 * The demo kommun's classifications (domain.md §6.3) and what follows from them: every asset's
 * effective levels and "*" of §6.4 computed by propagation, the AS-10 override, K01 31/40 and K02
 * 26/40 (§6.11), the SOCN example 9 / 6 / 4, the overdue list, roles that see figures without rows,
 * and the decision PDF.
 */

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

const SECTION_6_4: Record<string, string> = {
  'AS-01': '3333*',
  'AS-02': '3333',
  'AS-03': '3323',
  'AS-04': '2322*',
  'AS-05': '2332',
  'AS-06': '2222*',
  'AS-07': '3333',
  'AS-08': '2322',
  'AS-09': '2323',
  'AS-10': '3232',
  'AS-11': '3333',
  'AS-12': '3333',
  'AS-13': '3333',
  'AS-14': '3333',
  'AS-15': '3333',
  'AS-16': '2323',
  'AS-17': '1121',
  'AS-18': '0221',
  'AS-19': '3323',
  'AS-20': '3323*',
  'AS-21': '2332',
  'AS-22': '3333',
  'AS-23': '3333',
  'AS-24': '3333',
  'AS-25': '3332',
  'AS-26': '3333',
  'AS-27': '3332',
  'AS-28': '----*',
  'AS-29': '----*',
  'AS-30': '1321',
};

const kpis = (user: string, orgUnitId?: string) =>
  t.as(user).get('/api/classification-kpis', orgUnitId ? { orgUnitId } : undefined);
const classificationOf = async (code: string, status = 'DECIDED') => {
  const [row] = await t.dataSource.query(
    `SELECT c.* FROM classification c JOIN information_set s ON s.id = c.information_set_id
      WHERE s.code = $1 AND c.status = $2`,
    [code, status],
  );
  return row as Record<string, unknown> | undefined;
};

describe('§6.4 asset levels come out of propagation', () => {
  it('every row of the K R T S column and every "*"', async () => {
    const rows = await t.dataSource.query<
      {
        code: string;
        effective_levels: Record<string, number | null> | null;
        classification_complete: boolean;
      }[]
    >(
      `SELECT code, effective_levels, classification_complete FROM asset WHERE code LIKE 'AS-%' ORDER BY code`,
    );
    const shown = Object.fromEntries(
      rows.map((r) => [
        r.code,
        ['K', 'R', 'T', 'S'].map((a) => r.effective_levels?.[a] ?? '-').join('') +
          (r.classification_complete ? '' : '*'),
      ]),
    );
    expect(shown).toEqual(SECTION_6_4);
  });

  it('AS-10: K raised 2 → 3 by lars.oberg (AGGREGATION), shown with its source', async () => {
    const [as10] = await t.dataSource.query(`SELECT id FROM asset WHERE code = 'AS-10'`);
    const res = await t.as('lars.oberg').get(`/api/assets/${as10.id}/protection`);
    expect(res.status).toBe(200);
    expect(res.body.aspects[0]).toMatchObject({ aspect: 'K', derived: 2, effective: 3, basis: 'RAISED' });
    const overrides = await t.as('lars.oberg').get(`/api/assets/${as10.id}/overrides`);
    expect(overrides.body.items).toEqual([
      expect.objectContaining({
        aspect: 'K',
        level: 3,
        direction: 'RAISE',
        reasonType: 'AGGREGATION',
        status: 'ACTIVE',
        requestedById: await t.personId('lars.oberg'),
      }),
    ]);
    // The supporting asset's K comes from the dependants at 3.
    const [as12] = await t.dataSource.query(`SELECT id FROM asset WHERE code = 'AS-12'`);
    const backup = await t.as('cecilia.lund').get(`/api/assets/${as12.id}/protection`);
    expect(backup.body.aspects[0].sources.map((s: { code: string }) => s.code)).toEqual(['AS-01', 'AS-07']);
  });
});

describe('§6.3 classifications', () => {
  it('IM-22 is PROPOSED by sofia.lindahl, IM-14 has none, IM-05 is special handling, IM-23 has no decider', async () => {
    expect(await classificationOf('IM-22', 'PROPOSED')).toMatchObject({
      proposed_by_id: await t.personId('sofia.lindahl'),
      level_k: 3,
    });
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM classification c JOIN information_set s ON s.id = c.information_set_id WHERE s.code = 'IM-14'`,
    );
    expect(n).toBe(0);
    expect(await classificationOf('IM-05', 'SPECIAL_HANDLING')).toMatchObject({
      level_k: null,
      special_handling: true,
    });
    expect(await classificationOf('IM-23')).toMatchObject({ decided_by_id: null, level_t: 2 });
  });

  it('the BR-D7 flags are confirmed unchanged by the owners; validUntil unchanged', async () => {
    const im19 = await classificationOf('IM-19');
    expect(im19).toMatchObject({
      review_flagged_at: null,
      confirmed_unchanged_by_id: await t.personId('annika.holmqvist'),
    });
    expect((im19?.confirmed_unchanged_at as Date).toISOString()).toBe('2026-09-02T08:00:00.000Z');
    const list = await t
      .as('cecilia.lund')
      .get('/api/classifications', { informationSetId: im19?.information_set_id });
    expect(list.body.items[0]).toMatchObject({ validUntil: '2027-02-14', reviewState: 'CURRENT' });
    const flagged = await t.dataSource.query(
      `SELECT id FROM classification WHERE review_flagged_at IS NOT NULL`,
    );
    expect(flagged).toEqual([]);
  });
});

describe('K01 and K02 (§6.11)', () => {
  it('tenant: K01 31/40 = 77.5 %, K02 26/40 = 65.0 %, with the five overdue sets', async () => {
    const res = await kpis('cecilia.lund');
    expect(res.status).toBe(200);
    expect(res.body.k01).toEqual({ numerator: 31, denominator: 40, value: 0.775 });
    expect(res.body.k02).toEqual({ numerator: 26, denominator: 40, value: 0.65 });
    expect(res.body.overdue.map((o: { informationSetCode: string }) => o.informationSetCode).sort()).toEqual([
      'IM-02',
      'IM-04',
      'IM-12',
      'IM-13',
      'IM-23',
    ]);
    expect(res.body.incompleteAssets.map((a: { code: string }) => a.code)).toEqual([
      'AS-01',
      'AS-04',
      'AS-06',
      'AS-20',
      'AS-28',
      'AS-29',
    ]);
    // Roll-up (D-35): the children's numerators and denominators add up to the tenant's.
    const sum = (k: 'k01' | 'k02', f: 'numerator' | 'denominator') =>
      res.body.units.reduce((n: number, u: Record<string, Record<string, number>>) => n + u[k][f], 0);
    expect([sum('k01', 'numerator'), sum('k01', 'denominator'), sum('k02', 'numerator')]).toEqual([
      31, 40, 26,
    ]);
  });

  it('SOCN (IFF and ALF): 9 sets, 6 classified, 4 current', async () => {
    const socn = await t.unitId('SOCN');
    const res = await kpis('cecilia.lund', socn);
    expect(res.body.k01).toMatchObject({ numerator: 6, denominator: 9 });
    expect(res.body.k02).toMatchObject({ numerator: 4, denominator: 9 });
    expect(res.body.units.map((u: { code: string }) => u.code)).toEqual(['ALF', 'IFF']);
    // The coordinator of IFF and ALF counts the same at the root: her scope is SOCN's.
    const nora = await kpis('nora.falk');
    expect(nora.body.k01).toMatchObject({ numerator: 6, denominator: 9 });
    expect(nora.body.overdue.map((o: { informationSetCode: string }) => o.informationSetCode).sort()).toEqual(
      ['IM-12', 'IM-13'],
    );
  });

  it('pages the two lists with `limit` (default 50, max 500) and counts them all in the totals', async () => {
    const whole = await kpis('cecilia.lund');
    expect(whole.body).toMatchObject({ limit: 50, overdueTotal: 5, incompleteAssetsTotal: 6 });
    const res = await t.as('cecilia.lund').get('/api/classification-kpis', { limit: 2 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ limit: 2, overdueTotal: 5, incompleteAssetsTotal: 6 });
    // The first rows in the same order as the whole list; the figures are not paged.
    expect(res.body.overdue).toEqual(whole.body.overdue.slice(0, 2));
    expect(res.body.incompleteAssets.map((a: { code: string }) => a.code)).toEqual(['AS-01', 'AS-04']);
    expect(res.body.k01).toEqual(whole.body.k01);
    // The totals follow the caller's rules as the rows do.
    expect((await kpis('nora.falk')).body.overdueTotal).toBe(2);
    for (const limit of [0, 501, 'x']) {
      expectErrorBody(
        await t.as('cecilia.lund').get('/api/classification-kpis', { limit }),
        400,
        'VALIDATION_FAILED',
      );
    }
  });

  it('the förtroendevald of SOCN gets the figures without rows; a medarbetare is refused', async () => {
    const res = await kpis('gunnar.alm', await t.unitId('SOCN'));
    expect(res.body.k01).toMatchObject({ numerator: 6, denominator: 9 });
    expect(res.body.overdue).toEqual([]);
    expect(res.body.incompleteAssets).toEqual([]);
    expect(res.body).toMatchObject({ overdueTotal: 0, incompleteAssetsTotal: 0 });
    // Outside the assignment nothing is counted.
    expect((await kpis('gunnar.alm')).body.k01).toMatchObject({ numerator: 6, denominator: 9 });
    expect((await kpis('gunnar.alm', await t.unitId('VON'))).body.k01).toEqual({
      numerator: 0,
      denominator: 0,
      value: null,
    });
    expectErrorBody(await kpis('emma.rahimi'), 403, 'PERMISSION_DENIED');
    expectErrorBody(
      await kpis('cecilia.lund', '00000000-0000-4000-8000-000000000000'),
      404,
      'ORG_UNIT_NOT_FOUND',
    );
    expectErrorBody(await kpis('cecilia.lund', 'nope'), 400, 'VALIDATION_FAILED');
  });
});

describe('the decision PDF', () => {
  it('is a Swedish PDF with the set’s name, for those who read the classification', async () => {
    const im09 = await classificationOf('IM-09');
    const res = await t
      .as('petter.akesson')
      .get(`/api/classifications/${im09?.id as string}/pdf`)
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = res.body as Buffer;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // The document title (UTF-16BE in the info dictionary) names the set with its åäö intact.
    const title = Buffer.from('Barnavårdsutredningar', 'utf16le').swap16();
    expect(pdf.includes(title)).toBe(true);
    expect(pdf.length).toBeGreaterThan(1500);
    expectErrorBody(
      await t.as('amir.haddad').get(`/api/classifications/${im09?.id as string}/pdf`),
      404,
      'CLASSIFICATION_NOT_FOUND',
    );
    const proposal = await classificationOf('IM-22', 'PROPOSED');
    expectErrorBody(
      await t.as('cecilia.lund').get(`/api/classifications/${proposal?.id as string}/pdf`),
      409,
      'CLASSIFICATION_NOT_DECIDED',
    );
  });
});
