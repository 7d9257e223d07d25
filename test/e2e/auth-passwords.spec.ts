import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app';
import { DEMO_PASSWORD } from '@varna/testing';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

type Auth = { authorization: string };

let ipCounter = 0;
const attempt = (username: string, password: string) => {
  ipCounter += 1;
  return t.http
    .post('/api/auth/login')
    .set('x-forwarded-for', `10.50.${Math.floor(ipCounter / 250)}.${ipCounter % 250}`)
    .send({ username, password });
};
const me = (auth: Auth) => t.http.get('/api/me').set('authorization', auth.authorization);
const changeOwn = (auth: Auth, body: Record<string, unknown>) =>
  t.http.post('/api/me/password').set('authorization', auth.authorization).send(body);
const setPassword = (auth: Auth, personId: string, body: Record<string, unknown>) =>
  t.http.put(`/api/users/${personId}/password`).set('authorization', auth.authorization).send(body);

async function historyOf(personId: string) {
  return t.dataSource.query<{ action: string; actor_id: string; before: unknown; after: unknown }[]>(
    `SELECT action, actor_id, before, after FROM history_entry
      WHERE entity_type = 'Person' AND entity_id = $1 ORDER BY seq`,
    [personId],
  );
}

describe('POST /api/me/password', () => {
  it('refuses a wrong current password with 400 CURRENT_PASSWORD_INVALID and changes nothing', async () => {
    const auth = await t.login('elsa.kronberg');
    const res = await changeOwn(auth, {
      currentPassword: 'this-is-not-it-2026',
      newPassword: 'a-perfectly-good-password',
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('CURRENT_PASSWORD_INVALID');
    expect(res.body.details).toEqual([expect.objectContaining({ field: 'currentPassword' })]);
    expect((await attempt('elsa.kronberg', DEMO_PASSWORD)).status).toBe(200);
    expect((await attempt('elsa.kronberg', 'a-perfectly-good-password')).status).toBe(401);
  });

  it('refuses a new password shorter than 12 characters with 400 PASSWORD_TOO_SHORT', async () => {
    const auth = await t.login('elsa.kronberg');
    const res = await changeOwn(auth, { currentPassword: DEMO_PASSWORD, newPassword: 'elva-tecken' });
    expect('elva-tecken').toHaveLength(11);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('PASSWORD_TOO_SHORT');
    expect(res.body.details).toEqual([expect.objectContaining({ field: 'newPassword' })]);
    expect((await attempt('elsa.kronberg', DEMO_PASSWORD)).status).toBe(200);
    expect((await me(auth)).status).toBe(200);
  });

  it('answers missing or unknown fields with 400 VALIDATION_FAILED', async () => {
    const auth = await t.login('elsa.kronberg');
    const missing = await changeOwn(auth, { currentPassword: DEMO_PASSWORD });
    expect(missing.status).toBe(400);
    expect(missing.body.code).toBe('VALIDATION_FAILED');
    expect((missing.body.details as { field: string }[]).map((d) => d.field)).toEqual(['newPassword']);
    const unknown = await changeOwn(auth, {
      currentPassword: DEMO_PASSWORD,
      newPassword: 'a-perfectly-good-password',
      personId: crypto.randomUUID(),
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.code).toBe('VALIDATION_FAILED');
    expect((await attempt('elsa.kronberg', DEMO_PASSWORD)).status).toBe(200);
  });

  it('changes the password (204), keeps the current session and ends the others', async () => {
    const current = await t.login('maja.fredriksson');
    const otherA = await t.login('maja.fredriksson');
    const otherB = await t.login('maja.fredriksson');
    const bystander = await t.login('daniel.nyberg');
    const newPassword = 'Maja-byter-lösenord-2026';

    const res = await changeOwn(current, { currentPassword: DEMO_PASSWORD, newPassword });
    expect(res.status).toBe(204);
    expect(res.text).toBe('');

    expect((await me(current)).status).toBe(200);
    for (const other of [otherA, otherB]) {
      const r = await me(other);
      expect(r.status).toBe(401);
      expect(r.body.code).toBe('UNAUTHENTICATED');
    }
    expect((await me(bystander)).status).toBe(200);

    const old = await attempt('maja.fredriksson', DEMO_PASSWORD);
    expect(old.status).toBe(401);
    expect(old.body.code).toBe('INVALID_CREDENTIALS');
    expect((await attempt('maja.fredriksson', newPassword)).status).toBe(200);

    // Recorded in the history without the hash.
    const majaId = await t.personId('maja.fredriksson');
    const entries = await historyOf(majaId);
    expect(entries.at(-1)).toMatchObject({
      action: 'set-password',
      actor_id: majaId,
      before: null,
      after: null,
    });
  });

  it('accepts exactly 12 characters, counted as characters rather than bytes', async () => {
    const auth = await t.login('sara.ekstrom');
    const twelve = 'åäöÅÄÖåäöÅÄÖ';
    expect([...twelve]).toHaveLength(12);
    expect((await changeOwn(auth, { currentPassword: DEMO_PASSWORD, newPassword: twelve })).status).toBe(204);
    expect((await attempt('sara.ekstrom', twelve)).status).toBe(200);
  });
});

describe('PUT /api/users/:id/password (ADMIN)', () => {
  it('sets the password and ends all of the target person’s sessions', async () => {
    const viktor = await t.login('viktor.berglof');
    const jan1 = await t.login('jan.ahlberg');
    const jan2 = await t.login('jan.ahlberg');
    const janId = await t.personId('jan.ahlberg');

    const res = await setPassword(viktor, janId, { password: 'Jan-fick-ett-nytt-2026' });
    expect(res.status).toBe(204);
    for (const s of [jan1, jan2]) expect((await me(s)).status).toBe(401);
    expect((await me(viktor)).status).toBe(200);
    expect((await attempt('jan.ahlberg', DEMO_PASSWORD)).status).toBe(401);
    expect((await attempt('jan.ahlberg', 'Jan-fick-ett-nytt-2026')).status).toBe(200);

    const viktorId = await t.personId('viktor.berglof');
    expect((await historyOf(janId)).at(-1)).toMatchObject({ action: 'set-password', actor_id: viktorId });
  });

  it('applies the same length rule', async () => {
    const viktor = await t.login('viktor.berglof');
    const res = await setPassword(viktor, await t.personId('therese.blom'), { password: 'short' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('PASSWORD_TOO_SHORT');
    expect(res.body.details).toEqual([expect.objectContaining({ field: 'password' })]);
    expect((await attempt('therese.blom', DEMO_PASSWORD)).status).toBe(200);
  });

  it('answers 404 for an id that is no person, 400 for one that is no uuid', async () => {
    const viktor = await t.login('viktor.berglof');
    const unknown = await setPassword(viktor, crypto.randomUUID(), { password: 'long-enough-password' });
    expect(unknown.status).toBe(404);
    const bad = await setPassword(viktor, 'nope', { password: 'long-enough-password' });
    expect(bad.status).toBe(400);
  });

  it('refuses a medarbetare setting someone else’s password with 403 and changes nothing', async () => {
    const emma = await t.login('emma.rahimi');
    const victim = await t.login('lena.holmgren');
    const res = await setPassword(emma, await t.personId('lena.holmgren'), {
      password: 'emma-takes-over-lena',
    });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('PERMISSION_DENIED');
    expect((await me(victim)).status).toBe(200);
    expect((await attempt('lena.holmgren', 'emma-takes-over-lena')).status).toBe(401);
    expect((await attempt('lena.holmgren', DEMO_PASSWORD)).status).toBe(200);
    // The answer does not depend on whether the target exists.
    const ghost = await setPassword(emma, crypto.randomUUID(), { password: 'emma-takes-over-lena' });
    expect(ghost.status).toBe(403);
  });

  it('refuses other roles than ADMIN too (the CISO)', async () => {
    const cecilia = await t.login('cecilia.lund');
    const res = await setPassword(cecilia, await t.personId('ingrid.wall'), {
      password: 'cecilia-sets-this-one',
    });
    expect(res.status).toBe(403);
    expect((await attempt('ingrid.wall', DEMO_PASSWORD)).status).toBe(200);
  });
});

describe('DELETE /api/users/:id/sessions (ADMIN)', () => {
  it('revokes every open session of the person and says how many', async () => {
    const viktor = await t.login('viktor.berglof');
    const amirId = await t.personId('amir.haddad');
    const sessions = [
      await t.login('amir.haddad'),
      await t.login('amir.haddad'),
      await t.login('amir.haddad'),
    ];
    await t.http.post('/api/auth/logout').set('authorization', sessions[2].authorization).expect(204);

    const res = await t.http
      .delete(`/api/users/${amirId}/sessions`)
      .set('authorization', viktor.authorization);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ revoked: 2 });
    for (const s of sessions) expect((await me(s)).status).toBe(401);
    expect((await me(viktor)).status).toBe(200);

    const again = await t.http
      .delete(`/api/users/${amirId}/sessions`)
      .set('authorization', viktor.authorization);
    expect(again.body).toEqual({ revoked: 0 });
    // Amir can sign in again: revoking sessions is not a lockout.
    expect((await attempt('amir.haddad', DEMO_PASSWORD)).status).toBe(200);
  });

  it('does not let a medarbetare end someone else’s sessions', async () => {
    const emma = await t.login('emma.rahimi');
    const victim = await t.login('oskar.lindqvist');
    const res = await t.http
      .delete(`/api/users/${await t.personId('oskar.lindqvist')}/sessions`)
      .set('authorization', emma.authorization);
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('PERMISSION_DENIED');
    expect((await me(victim)).status).toBe(200);
  });
});

describe('closed accounts', () => {
  it('ends the use of existing sessions and refuses sign-in once the person is INACTIVE', async () => {
    const viktor = await t.login('viktor.berglof');
    const gunnar = await t.login('gunnar.alm');
    const gunnarId = await t.personId('gunnar.alm');
    const current = await t.http.get(`/api/users/${gunnarId}`).set('authorization', viktor.authorization);
    expect(current.status).toBe(200);

    const patch = await t.http
      .patch(`/api/users/${gunnarId}`)
      .set('authorization', viktor.authorization)
      .send({ version: current.body.version, status: 'INACTIVE' });
    expect(patch.status).toBe(200);
    expect(patch.body.status).toBe('INACTIVE');

    const session = await me(gunnar);
    expect(session.status).toBe(401);
    expect(session.body.code).toBe('UNAUTHENTICATED');
    const write = await t.http.post('/api/auth/logout').set('authorization', gunnar.authorization);
    expect(write.status).toBe(401);

    const signIn = await attempt('gunnar.alm', DEMO_PASSWORD);
    expect(signIn.status).toBe(401);
    expect(signIn.body.code).toBe('INVALID_CREDENTIALS');
    const wrong = await attempt('gunnar.alm', 'not-the-right-one-either');
    expect(signIn.body.message).toBe(wrong.body.message);
  });
});
