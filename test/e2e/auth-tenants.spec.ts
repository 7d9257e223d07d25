import { PasswordService } from '@varna/auth';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app';
import { createOtherTenant } from '../support/other-tenant';
import { DEMO_PASSWORD } from '@varna/testing';

let t: TestApp;
/** Ids in the second tenant "Grannby", created directly in SQL. */
const grannby = {
  tenantId: randomUUID(),
  rootId: randomUUID(),
  ceciliaId: randomUUID(),
  olleId: randomUUID(),
};

beforeAll(async () => {
  t = await startTestApp();
  const [{ password_hash: demoHash }] = await t.dataSource.query<{ password_hash: string }[]>(
    `SELECT c.password_hash FROM credential c JOIN person p ON p.id = c.person_id WHERE p.username = 'cecilia.lund'`,
  );
  await t.dataSource.transaction((m) =>
    createOtherTenant(m, {
      code: 'grannby',
      name: 'Grannby kommun',
      tenantId: grannby.tenantId,
      root: { id: grannby.rootId, shortName: 'Grannby' },
      validFrom: '2020-01-01',
      // A shared CISO (D-46): the same username in both tenants, and someone only in Grannby.
      people: [
        { id: grannby.ceciliaId, username: 'cecilia.lund', displayName: 'Cecilia Lund (Grannby)' },
        { id: grannby.olleId, username: 'olle.grann', displayName: 'Olle Grann' },
      ].map((person) => ({ ...person, passwordHash: demoHash })),
    }),
  );
});
afterAll(() => t?.close());

let ipCounter = 0;
const signIn = (body: Record<string, unknown>) => {
  ipCounter += 1;
  return t.http
    .post('/api/auth/login')
    .set('x-forwarded-for', `10.77.${Math.floor(ipCounter / 250)}.${ipCounter % 250}`)
    .send(body);
};
const bearer = (res: { body: { accessToken: string } }) => ({
  authorization: `Bearer ${res.body.accessToken}`,
});
const me = (auth: { authorization: string }) =>
  t.http.get('/api/me').set('authorization', auth.authorization);

describe('a username in two tenants', () => {
  it('asks for the tenant (400 TENANT_REQUIRED with the codes) when none is given', async () => {
    const res = await signIn({ username: 'cecilia.lund', password: DEMO_PASSWORD });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('TENANT_REQUIRED');
    expect(res.body.details).toEqual({ tenants: ['exempelby', 'grannby'] });
    expect(res.body.accessToken).toBeUndefined();
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('does not reveal the tenants to someone without the password', async () => {
    const res = await signIn({ username: 'cecilia.lund', password: 'guessing-the-password' });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('INVALID_CREDENTIALS');
    expect(JSON.stringify(res.body)).not.toContain('grannby');
  });

  it('signs in to the tenant named, and /api/me shows that tenant', async () => {
    const intoGrannby = await signIn({
      username: 'cecilia.lund',
      password: DEMO_PASSWORD,
      tenant: 'grannby',
    });
    expect(intoGrannby.status).toBe(200);
    expect(intoGrannby.body.user).toMatchObject({ id: grannby.ceciliaId, tenantId: grannby.tenantId });
    const meG = await me(bearer(intoGrannby));
    expect(meG.status).toBe(200);
    expect(meG.body.tenant).toEqual({ id: grannby.tenantId, code: 'grannby', name: 'Grannby kommun' });
    expect(meG.body.person).toMatchObject({ id: grannby.ceciliaId, displayName: 'Cecilia Lund (Grannby)' });
    // No assignments in Grannby: only the implicit EMPLOYEE.
    expect(meG.body.roles).toEqual(['EMPLOYEE']);
    expect(meG.body.roleAssignments).toEqual([]);

    const intoExempelby = await signIn({
      username: 'cecilia.lund',
      password: DEMO_PASSWORD,
      tenant: 'exempelby',
    });
    expect(intoExempelby.status).toBe(200);
    const meE = await me(bearer(intoExempelby));
    expect(meE.body.tenant.code).toBe('exempelby');
    expect(meE.body.person.displayName).toBe('Cecilia Lund');
    expect(meE.body.roles).toEqual(['EMPLOYEE', 'CISO']);

    // Each tenant's person sees only the sessions of that tenant.
    const sessionsG = await t.http
      .get('/api/me/sessions')
      .set('authorization', bearer(intoGrannby).authorization);
    expect(sessionsG.body.items).toHaveLength(1);
    expect(sessionsG.body.items[0].current).toBe(true);
  });

  it('lets the Grannby person see nothing of Exempelby', async () => {
    const res = await signIn({ username: 'cecilia.lund', password: DEMO_PASSWORD, tenant: 'grannby' });
    const units = await t.http.get('/api/org-units').set('authorization', bearer(res).authorization);
    expect(units.status).toBe(200);
    const ids = JSON.stringify(units.body);
    expect(ids).toContain(grannby.rootId);
    expect(ids).not.toContain(await t.unitId('KLF'));
  });

  it('needs no tenant for a username that exists in one tenant only', async () => {
    const res = await signIn({ username: 'olle.grann', password: DEMO_PASSWORD });
    expect(res.status).toBe(200);
    expect((await me(bearer(res))).body.tenant.code).toBe('grannby');
    const wrongTenant = await signIn({
      username: 'olle.grann',
      password: DEMO_PASSWORD,
      tenant: 'exempelby',
    });
    expect(wrongTenant.status).toBe(401);
    expect(wrongTenant.body.code).toBe('INVALID_CREDENTIALS');
  });

  it('signs straight in when the password fits the account in one tenant only', async () => {
    // Runs last in this block: Cecilia gets a password of her own in Grannby.
    const grannbyPassword = 'Grannby-har-ett-eget-2026';
    await t.dataSource.query(`UPDATE credential SET password_hash = $2 WHERE person_id = $1`, [
      grannby.ceciliaId,
      await new PasswordService().hash(grannbyPassword),
    ]);
    const exempelby = await signIn({ username: 'cecilia.lund', password: DEMO_PASSWORD });
    expect(exempelby.status).toBe(200);
    expect(exempelby.body.user.tenantId).not.toBe(grannby.tenantId);
    const intoGrannby = await signIn({ username: 'cecilia.lund', password: grannbyPassword });
    expect(intoGrannby.status).toBe(200);
    expect(intoGrannby.body.user).toMatchObject({ id: grannby.ceciliaId, tenantId: grannby.tenantId });
    expect((await me(bearer(intoGrannby))).body.tenant.code).toBe('grannby');
  });
});

describe('an ADMIN and another tenant', () => {
  it('answers 404 to PUT /api/users/:id/password for a person of another tenant, and changes nothing', async () => {
    const viktor = await t.login('viktor.berglof');
    const olle = bearer(await signIn({ username: 'olle.grann', password: DEMO_PASSWORD }));
    for (const id of [grannby.olleId, grannby.ceciliaId]) {
      const res = await t.http
        .put(`/api/users/${id}/password`)
        .set('authorization', viktor.authorization)
        .send({ password: 'viktor-reaches-over-the-fence' });
      expect(res.status).toBe(404);
    }
    expect((await me(olle)).status).toBe(200);
    expect((await signIn({ username: 'olle.grann', password: 'viktor-reaches-over-the-fence' })).status).toBe(
      401,
    );
    expect((await signIn({ username: 'olle.grann', password: DEMO_PASSWORD })).status).toBe(200);
  });

  it('answers 404 to DELETE /api/users/:id/sessions for a person of another tenant', async () => {
    const viktor = await t.login('viktor.berglof');
    const olle = bearer(await signIn({ username: 'olle.grann', password: DEMO_PASSWORD }));
    const res = await t.http
      .delete(`/api/users/${grannby.olleId}/sessions`)
      .set('authorization', viktor.authorization);
    expect(res.status).toBe(404);
    expect((await me(olle)).status).toBe(200);
  });
});
