import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { provisionTenant, type ProvisionedTenant } from '../../apps/api/src/tenant-provisioning';
import { startTestApp, type TestApp } from '../support/app';

let t: TestApp;
let other: ProvisionedTenant;
const PASSWORD = 'Nordby-admin-2026!';

beforeAll(async () => {
  t = await startTestApp();
  other = await provisionTenant(t.app, {
    code: 'nordby',
    name: 'Nordby kommun',
    adminUsername: 'nils.admin',
    adminDisplayName: 'Nils Admin',
    adminEmail: 'nils.admin@nordby.example',
    adminPassword: PASSWORD,
  });
});
afterAll(() => t?.close());

describe('several tenants in one installation', () => {
  it('gives the new tenant a root unit and an administrator who can sign in', async () => {
    const { authorization } = await t.login('nils.admin', PASSWORD);
    const me = await t.http.get('/api/me').set('authorization', authorization);
    expect(me.status).toBe(200);
    expect(me.body.tenant).toMatchObject({ code: 'nordby', name: 'Nordby kommun' });
    expect(me.body.roles).toEqual(['EMPLOYEE', 'ADMIN']);

    const units = await t.http.get('/api/org-units').set('authorization', authorization);
    expect(units.body.items.map((u: { id: string }) => u.id)).toEqual([other.rootUnitId]);
    const users = await t.http.get('/api/users').set('authorization', authorization);
    expect(users.body.total).toBe(1);
  });

  it('keeps the tenants apart in both directions (404, never a row of the other)', async () => {
    const nils = await t.login('nils.admin', PASSWORD);
    const viktor = await t.login('viktor.berglof');
    const exempelbyUnit = await t.unitId('IFF');

    expect(
      (await t.http.get(`/api/org-units/${exempelbyUnit}`).set('authorization', nils.authorization)).status,
    ).toBe(404);
    expect(
      (await t.http.get(`/api/org-units/${other.rootUnitId}`).set('authorization', viktor.authorization))
        .status,
    ).toBe(404);
    expect(
      (await t.http.get(`/api/users/${other.adminPersonId}`).set('authorization', viktor.authorization))
        .status,
    ).toBe(404);

    const viktorUnits = await t.http
      .get('/api/org-units?status=ALL')
      .set('authorization', viktor.authorization);
    expect(viktorUnits.body.total).toBe(56);
    expect(viktorUnits.body.items.some((u: { id: string }) => u.id === other.rootUnitId)).toBe(false);

    // Writes cannot reach across either: a unit under the other tenant's root.
    const create = await t.http
      .post('/api/org-units')
      .set('authorization', nils.authorization)
      .send({ code: 'X-1', name: 'Inkräktare', type: 'UNIT', parentId: exempelbyUnit });
    expect(create.status).toBe(404);
    const count = await t.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM org_unit WHERE code = 'X-1'`,
    );
    expect(count[0].n).toBe(0);
  });

  it('keeps one history chain per tenant, each verifiable on its own', async () => {
    const nils = await t.login('nils.admin', PASSWORD);
    const viktor = await t.login('viktor.berglof');
    const nordby = await t.http.get('/api/admin/history/verify').set('authorization', nils.authorization);
    expect(nordby.body).toMatchObject({ ok: true, entriesChecked: 3 });
    const exempelby = await t.http
      .get('/api/admin/history/verify')
      .set('authorization', viktor.authorization);
    expect(exempelby.body.ok).toBe(true);
    expect(exempelby.body.entriesChecked).toBeGreaterThanOrEqual(56 + 29 + 31 + 15 + 20);
  });

  it('refuses a second tenant with the same code', async () => {
    await expect(
      provisionTenant(t.app, {
        code: 'nordby',
        name: 'Nordby igen',
        adminUsername: 'x.y',
        adminDisplayName: 'X Y',
        adminEmail: 'x@y.example',
        adminPassword: PASSWORD,
      }),
    ).rejects.toThrow(/exists already/);
  });
});
