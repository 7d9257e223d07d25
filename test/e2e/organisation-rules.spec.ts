import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app';

let t: TestApp;
let admin: string;
beforeAll(async () => {
  t = await startTestApp();
  admin = (await t.login('viktor.berglof')).authorization;
});
afterAll(() => t?.close());

const historyCount = async () =>
  (await t.dataSource.query<{ n: number }[]>('SELECT count(*)::int AS n FROM history_entry'))[0].n;

describe('updates that change nothing', () => {
  it('write no history entry and keep the version', async () => {
    const id = await t.unitId('KFF-BIB');
    const unit = (await t.http.get(`/api/org-units/${id}`).set('authorization', admin)).body;
    const before = await historyCount();
    const same = await t.http
      .patch(`/api/org-units/${id}`)
      .set('authorization', admin)
      .send({ version: unit.version, name: unit.name });
    expect(same.status).toBe(200);
    expect(same.body.version).toBe(unit.version);
    expect(await historyCount()).toBe(before);

    const person = await t.personId('ingrid.wall');
    const p = (await t.http.get(`/api/users/${person}`).set('authorization', admin)).body;
    const samePerson = await t.http
      .patch(`/api/users/${person}`)
      .set('authorization', admin)
      .send({ version: p.version });
    expect(samePerson.status).toBe(200);
    expect(await historyCount()).toBe(before);
  });
});

describe('deactivating a unit', () => {
  it('is refused while active people have it as their home unit (no orphaned accounts)', async () => {
    const rev = await t.unitId('REV'); // home of tove.granath and hugo.palm; no children
    const unit = (await t.http.get(`/api/org-units/${rev}`).set('authorization', admin)).body;
    // Their AUDITOR assignments sit on ROOT, so only the home units stand in the way.
    const res = await t.http
      .post(`/api/org-units/${rev}/deactivate`)
      .set('authorization', admin)
      .send({ version: unit.version });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('ORG_UNIT_HAS_PEOPLE');
    expect(res.body.details).toEqual({ activePeople: 2 });
  });
});

describe('closing an account', () => {
  it('revokes its sessions for good: reopening the account does not revive an old token', async () => {
    const oskar = await t.login('oskar.lindqvist');
    const id = await t.personId('oskar.lindqvist');
    const version = (await t.http.get(`/api/users/${id}`).set('authorization', admin)).body.version as number;
    const closed = await t.http
      .patch(`/api/users/${id}`)
      .set('authorization', admin)
      .send({ version, status: 'INACTIVE' });
    expect(closed.status).toBe(200);
    const reopened = await t.http
      .patch(`/api/users/${id}`)
      .set('authorization', admin)
      .send({ version: closed.body.version, status: 'ACTIVE' });
    expect(reopened.status).toBe(200);
    expect((await t.http.get('/api/me').set('authorization', oskar.authorization)).status).toBe(401);
    // A fresh sign-in works again.
    const again = await t.login('oskar.lindqvist');
    expect((await t.http.get('/api/me').set('authorization', again.authorization)).status).toBe(200);
  });
});
