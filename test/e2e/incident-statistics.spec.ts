import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app';
import { expectErrorBody } from '../support/expect';
import { createOtherTenant } from '../support/other-tenant';

/**
 * GET /api/incident-statistics against the demo data (domain.md §6.11): the CISO's figures are the
 * KPIs of the demo, the samordnare's are her subtree's (computed here straight from the database),
 * the förtroendevald's are suppressed below 5, and another tenant's incidents never count.
 */

interface Count {
  count: number | null;
  suppressed: boolean;
}
interface Row {
  T1: Count;
  T2: Count;
  T3: Count;
  year: Count;
  [key: string]: unknown;
}
type Tertial = 'T1' | 'T2' | 'T3';
const TERTIALS: Tertial[] = ['T1', 'T2', 'T3'];

let t: TestApp;
let demoTenant: string;

/** K10 as `{ T1: { TYPE: n } }`, zero cells left out. */
function k10(byType: Row[]): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const row of byType) {
    for (const tertial of TERTIALS) {
      const n = row[tertial].count;
      if (n) (out[tertial] ??= {})[row.type as string] = n;
    }
  }
  return out;
}

/** The same figures straight from the database: the demo tenant, units overlapping `units`, 2026. */
async function k10FromDatabase(units: string[] | null) {
  const rows: { type: string; tertial: number; n: number }[] = await t.dataSource.query(
    `SELECT COALESCE(type, 'UNTRIAGED') AS type,
            (EXTRACT(MONTH FROM reported_at AT TIME ZONE 'Europe/Stockholm')::int - 1) / 4 + 1 AS tertial,
            count(*)::int AS n
       FROM incident
      WHERE tenant_id = $1 AND status <> 'REJECTED'
        AND EXTRACT(YEAR FROM reported_at AT TIME ZONE 'Europe/Stockholm') = 2026
        AND ($2::uuid[] IS NULL OR org_unit_path && $2::uuid[])
      GROUP BY 1, 2`,
    [demoTenant, units],
  );
  const out: Record<string, Record<string, number>> = {};
  for (const r of rows) (out[`T${r.tertial}`] ??= {})[r.type] = r.n;
  return out;
}

beforeAll(async () => {
  t = await startTestApp();
  demoTenant = await t.demoTenantId();
  // A second kommun with an incident in T3 2026: it must never be counted.
  const other = await createOtherTenant(t.dataSource, {
    units: [{ code: 'OU' }],
    people: [{ username: 'ola.annan', home: 'OU' }],
  });
  await t.dataSource.query(
    `INSERT INTO incident (tenant_id, number, type, title, description, org_unit_id, org_unit_path, reporter_id,
                           channel, discovered_at, reported_at, aware_at, status, personal_data_involved)
     VALUES ($1, 'INC-2026-0001', 'IT_INCIDENT', 'Andraby', 'Andraby', $2, $3::uuid[], $4, 'FORM',
             '2026-10-01T10:00:00Z', '2026-10-01T10:00:00Z', '2026-10-01T10:00:00Z', 'TRIAGED', 'NO')`,
    [other.tenantId, other.units.OU.id, other.units.OU.path, other.people['ola.annan']],
  );
});
afterAll(() => t?.close());

describe('the CISO (cecilia.lund), tenant-wide', () => {
  it('gets K10 of §6.11 for 2026 (the Clock’s year by default), REJECTED excluded, untriaged as UNTRIAGED', async () => {
    const res = await t.as('cecilia.lund').get('/api/incident-statistics');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ year: 2026, orgUnitId: null, suppressionApplied: false, threshold: 5 });
    expect(k10(res.body.byType)).toEqual({
      T1: { PERSONAL_DATA_BREACH: 2 },
      T2: { PERSONAL_DATA_BREACH: 2, IT_INCIDENT: 1, DEVIATION: 1 },
      T3: { PERSONAL_DATA_BREACH: 2, INFOSEC_INCIDENT: 1, IT_INCIDENT: 3, DEVIATION: 1, UNTRIAGED: 1 },
    });
    // 14 of the 15 demo incidents (INC-14 rejected); the other kommun's incident is not among them.
    expect(res.body.total).toEqual({
      T1: { count: 2, suppressed: false },
      T2: { count: 4, suppressed: false },
      T3: { count: 8, suppressed: false },
      year: { count: 14, suppressed: false },
    });
    expect(k10(res.body.byType)).toEqual(await k10FromDatabase(null));
    for (const dimension of ['bySubtype', 'bySeverity', 'byOrgUnit']) {
      const sum = (res.body[dimension] as Row[]).reduce((s, r) => s + (r.year.count as number), 0);
      expect(sum, dimension).toBe(14);
    }
    const pu = (res.body.byType as Row[]).find((r) => r.type === 'PERSONAL_DATA_BREACH');
    expect(pu?.year).toEqual({ count: 6, suppressed: false });
  });

  it('gets K12 = 5/6 = 83.3 %, K13 = 52.4 h and K15 = 8/8 = 100 %', async () => {
    const res = await t.as('cecilia.lund').get('/api/incident-statistics', { year: 2026 });
    expect(res.body.obligationsMetOnTime).toEqual({
      numerator: { count: 5, suppressed: false },
      denominator: { count: 6, suppressed: false },
      percent: 83.3,
      suppressed: false,
    });
    expect(res.body.imyNotificationMedian).toEqual({
      count: { count: 3, suppressed: false },
      hours: 52.4,
      suppressed: false,
    });
    expect(res.body.rootCauseOnClose).toMatchObject({ percent: 100, denominator: { count: 8 } });
    expect(res.body.awarenessToTriageMedian).toHaveProperty('hours');
  });

  it('narrows to a unit’s subtree with orgUnitId, and another year has nothing', async () => {
    const iff = await t.unitId('IFF');
    const res = await t.as('cecilia.lund').get('/api/incident-statistics', { orgUnitId: iff });
    expect(res.status).toBe(200);
    expect(k10(res.body.byType)).toEqual(await k10FromDatabase([iff]));
    const empty = await t.as('cecilia.lund').get('/api/incident-statistics', { year: 2025 });
    expect(empty.body.total.year).toEqual({ count: 0, suppressed: false });
    expect(empty.body.byType).toEqual([]);
    expect(empty.body.obligationsMetOnTime.percent).toBeNull();
  });
});

describe('a samordnare (nora.falk: IFF, ALF)', () => {
  it('gets her subtree’s figures only, unsuppressed', async () => {
    const res = await t.as('nora.falk').get('/api/incident-statistics');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.suppressionApplied).toBe(false);
    const expected = await k10FromDatabase([await t.unitId('IFF'), await t.unitId('ALF')]);
    expect(Object.keys(expected).length).toBeGreaterThan(0);
    expect(k10(res.body.byType)).toEqual(expected);
    const all = await t.as('cecilia.lund').get('/api/incident-statistics');
    expect(res.body.total.year.count).toBeLessThan(all.body.total.year.count);
  });
});

describe('a förtroendevald (gunnar.alm, ELECTED SOCN)', () => {
  it('gets the aggregates of his nämnd with every count below 5 suppressed, and no incident rows', async () => {
    const res = await t.as('gunnar.alm').get('/api/incident-statistics');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.suppressionApplied).toBe(true);
    const cells = [res.body.total, ...res.body.byType, ...res.body.bySeverity, ...res.body.byOrgUnit].flatMap(
      (r: Row) => [r.T1, r.T2, r.T3, r.year],
    );
    expect(cells.length).toBeGreaterThan(0);
    for (const c of cells) {
      if (c.suppressed) expect(c.count).toBeNull();
      else expect(c.count).toBeGreaterThanOrEqual(5);
    }
    // The small counts of his scope are there, hidden.
    const scope = await k10FromDatabase([await t.unitId('SOCN')]);
    const small = Object.values(scope).flatMap((byType) => Object.values(byType).filter((n) => n < 5));
    expect(small.length).toBeGreaterThan(0);
    expect(cells.some((c) => c.suppressed)).toBe(true);
    expect(res.body.obligationsMetOnTime).toMatchObject({ percent: null, suppressed: true });
    expect(res.body.imyNotificationMedian).toMatchObject({ hours: null, suppressed: true });
    // Figures, never rows: no incident numbers or ids in the answer, and the list stays empty.
    expect(JSON.stringify(res.body)).not.toMatch(/INC-\d{4}|"number"|"reporterId"|"description"/);
    const list = await t.as('gunnar.alm').get('/api/incidents');
    expect(list.status === 403 || list.body.items?.length === 0).toBe(true);
  });
});

describe('refusals', () => {
  it('a medarbetare without a right to statistics (emma.rahimi) gets 403', async () => {
    expectErrorBody(await t.as('emma.rahimi').get('/api/incident-statistics'), 403);
  });

  it('anonymous callers get 401', async () => {
    expectErrorBody(await t.http.get('/api/incident-statistics'), 401, 'UNAUTHENTICATED');
  });

  it('a bad query is 400', async () => {
    for (const query of [{ year: 'abc' }, { year: 1999 }, { orgUnitId: 'not-a-uuid' }, { year: 2026.5 }]) {
      const res = await t.as('cecilia.lund').get('/api/incident-statistics', query);
      expect(res.status, JSON.stringify(query)).toBe(400);
    }
  });
});

describe('secondary suppression across the rows of a breakdown (figures only)', () => {
  const breakdowns = ['byType', 'bySubtype', 'bySeverity', 'byOrgUnit'] as const;
  const COLUMNS = ['T1', 'T2', 'T3', 'year'] as const;

  /** No hidden cell is the total less the shown cells, in any column or row. */
  function expectNothingDerivable(body: Record<string, unknown>) {
    const total = body.total as Row;
    for (const dimension of breakdowns) {
      const rows = body[dimension] as Row[];
      for (const k of COLUMNS) {
        if (total[k].suppressed) continue;
        expect(rows.filter((r) => r[k].suppressed).length, `${dimension} ${k}`).not.toBe(1);
      }
      for (const row of rows) {
        if (row.year.suppressed) {
          for (const k of TERTIALS) expect(row[k].suppressed, `${dimension} ${k}`).toBe(true);
        } else {
          expect(TERTIALS.filter((k) => row[k].suppressed).length, dimension).not.toBe(1);
        }
      }
    }
  }

  it('gunnar.alm cannot work out the one small type from the total once the other type reaches 5', async () => {
    // Three more deviations in IFF-MOT: SOCN's 2026 now has 4 breaches and 5 deviations (9 in all).
    for (const n of [1, 2, 3]) {
      const reported = await t.as('emma.rahimi').post('/api/incidents', {
        description: `Samtal till fel nummer ${n}.`,
        orgUnitId: await t.unitId('IFF-MOT'),
        personalDataInvolved: 'NO',
      });
      expect(reported.status, JSON.stringify(reported.body)).toBe(201);
      const triaged = await t.as('nora.falk').post(`/api/incidents/${reported.body.id}/triage`, {
        version: 1,
        type: 'DEVIATION',
        subtype: 'SECRECY',
        severity: 'LOW',
      });
      expect(triaged.status, JSON.stringify(triaged.body)).toBe(200);
    }
    const ciso = await t
      .as('cecilia.lund')
      .get('/api/incident-statistics', { orgUnitId: await t.unitId('SOCN') });
    const deviations = (ciso.body.byType as Row[]).find((r) => r.type === 'DEVIATION');
    expect(deviations?.year.count).toBe(5);
    const breaches = (ciso.body.byType as Row[]).find((r) => r.type === 'PERSONAL_DATA_BREACH');
    expect(breaches?.year.count).toBe(4);

    const res = await t.as('gunnar.alm').get('/api/incident-statistics');
    expect(res.status).toBe(200);
    expect(res.body.total.year).toEqual({ count: 9, suppressed: false });
    const byType = new Map((res.body.byType as Row[]).map((r) => [r.type, r]));
    expect(byType.get('PERSONAL_DATA_BREACH')?.year.suppressed).toBe(true);
    // Shown, 9 − 5 would give the breaches away: the deviations are hidden as well.
    expect(byType.get('DEVIATION')?.year).toEqual({ count: null, suppressed: true });
    expectNothingDerivable(res.body);
    // The CISO reads the rows: nothing is hidden from her.
    expect(ciso.body.suppressionApplied).toBe(false);
  });
});
