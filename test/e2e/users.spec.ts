import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app';
import { expectErrorBody } from '../support/expect';
import { createOtherTenant } from '../support/other-tenant';

/** The people directory over HTTP (domain.md §3.2, §6.2): who may list it, paging, search, writes. */

interface Person {
  id: string;
  username: string;
  displayName: string;
  email: string;
  homeOrgUnitId: string;
  status: string;
  version: number;
}

let t: TestApp;
let demoTenantId: string;
let otherUnitId: string;
let otherPersonId: string;

async function counts() {
  const [row] = await t.dataSource.query<{ persons: number; history: number }[]>(
    `SELECT (SELECT count(*)::int FROM person) AS persons, (SELECT count(*)::int FROM history_entry) AS history`,
  );
  return row;
}

function usernames(body: { items: Person[] }): string[] {
  return body.items.map((p) => p.username).sort();
}

beforeAll(async () => {
  t = await startTestApp();
  demoTenantId = await t.demoTenantId();
  // A second kommun with one person, straight into the database.
  const other = await createOtherTenant(t.dataSource, {
    people: [{ username: 'olle.andraby', displayName: 'Olle Andraby', email: 'olle@andraby.example' }],
  });
  otherUnitId = other.rootId;
  otherPersonId = other.people['olle.andraby'];
});
afterAll(() => t?.close());

describe('listing the directory', () => {
  it.each(['viktor.berglof', 'cecilia.lund'] as const)('lets %s list all 29 demo people', async (user) => {
    const res = await t.as(user).get('/api/users');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: 29, limit: 50, offset: 0 });
    expect(res.body.items).toHaveLength(29);
    expect(usernames(res.body)).toContain('emma.rahimi');
    expect(usernames(res.body)).not.toContain('olle.andraby');
    const names = (res.body.items as Person[]).map((p) => p.displayName);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'sv')));
    const emma = (res.body.items as Person[]).find((p) => p.username === 'emma.rahimi')!;
    expect(emma).toEqual({
      id: await t.personId('emma.rahimi'),
      username: 'emma.rahimi',
      displayName: 'Emma Rahimi',
      email: 'emma.rahimi@exempelby.example',
      phone: null,
      employeeNumber: null,
      homeOrgUnitId: await t.unitId('IFF-UTR'),
      hasOwnComputer: true,
      isElected: false,
      externalOrganisation: null,
      status: 'ACTIVE',
      version: 1,
    });
  });

  it.each(['nora.falk', 'helena.strand', 'tove.granath', 'rasmus.ohman'] as const)(
    'lets %s (reads people tenant-wide) list them too',
    async (user) => {
      const res = await t.as(user).get('/api/users');
      expect(res.status).toBe(200);
      expect(res.body.total).toBe(29);
    },
  );

  it.each(['emma.rahimi', 'gunnar.alm'] as const)(
    'answers %s with 403 on the directory and on a person',
    async (user) => {
      expectErrorBody(await t.as(user).get('/api/users'), 403, 'PERMISSION_DENIED');
      expectErrorBody(await t.as(user).get(`/api/users/${await t.personId('cecilia.lund')}`), 403);
    },
  );

  it('answers anonymous callers with 401', async () => {
    expectErrorBody(await t.http.get('/api/users'), 401);
  });

  it('pages with limit and offset: disjoint pages that together are the whole list', async () => {
    const all = await t.as('viktor.berglof').get('/api/users', { limit: 500 });
    const ids = (all.body.items as Person[]).map((p) => p.id);
    expect(ids).toHaveLength(29);
    const pages = [];
    for (const offset of [0, 10, 20]) {
      const res = await t.as('viktor.berglof').get('/api/users', { limit: 10, offset });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ total: 29, limit: 10, offset });
      pages.push((res.body.items as Person[]).map((p) => p.id));
    }
    expect(pages.map((p) => p.length)).toEqual([10, 10, 9]);
    expect(pages.flat()).toEqual(ids);
    const beyond = await t.as('viktor.berglof').get('/api/users', { limit: 10, offset: 40 });
    expect(beyond.body).toMatchObject({ total: 29, items: [] });
  });

  it.each([
    ['lund', ['cecilia.lund']],
    ['LUND', ['cecilia.lund']],
    ['holm', ['annika.holmqvist', 'lena.holmgren']],
    ['Berglöf', ['viktor.berglof']],
    ['tove.granath@exempelby.example', ['tove.granath']],
    ['%', []],
    ['_', []],
    ['olle', []],
  ])('searches username, name and e-mail with ?q=%s', async (q, expected) => {
    const res = await t.as('cecilia.lund').get('/api/users', { q });
    expect(res.status).toBe(200);
    expect(usernames(res.body)).toEqual(expected);
    expect(res.body.total).toBe(expected.length);
  });

  it('finds all 29 by the shared e-mail domain, and filters by home unit and status', async () => {
    expect((await t.as('viktor.berglof').get('/api/users', { q: '@exempelby.example' })).body.total).toBe(29);
    const iff = await t.as('viktor.berglof').get('/api/users', { homeOrgUnitId: await t.unitId('IFF') });
    expect(usernames(iff.body)).toEqual(['helena.strand', 'nora.falk']);
    const rev = await t.as('viktor.berglof').get('/api/users', { homeOrgUnitId: await t.unitId('REV') });
    expect(usernames(rev.body)).toEqual(['hugo.palm', 'tove.granath']);
    expect((await t.as('viktor.berglof').get('/api/users', { status: 'ACTIVE' })).body.total).toBe(29);
    expect((await t.as('viktor.berglof').get('/api/users', { status: 'INACTIVE' })).body.total).toBe(0);
  });

  it.each([
    [{ limit: 0 }, 'limit'],
    [{ limit: 501 }, 'limit'],
    [{ offset: -1 }, 'offset'],
    [{ limit: 'many' }, 'limit'],
    [{ homeOrgUnitId: 'IFF' }, 'homeOrgUnitId'],
    [{ status: 'GONE' }, 'status'],
    [{ sort: 'name' }, 'sort'],
  ])('refuses the query %j with 400 VALIDATION_FAILED', async (query, field) => {
    const res = await t.as('viktor.berglof').get('/api/users', query);
    expectErrorBody(res, 400, 'VALIDATION_FAILED');
    expect((res.body.details as { field: string }[]).map((d) => d.field)).toContain(field);
  });
});

describe('ADMIN creates and changes people', () => {
  let anna: Person;

  it('creates a person (201) with the documented defaults', async () => {
    const before = await counts();
    const home = await t.unitId('IFF-UTR');
    const res = await t.as('viktor.berglof').post('/api/users', {
      username: 'anna.svensson',
      displayName: 'Anna Svensson',
      email: 'anna.svensson@exempelby.example',
      homeOrgUnitId: home,
    });
    expect(res.status).toBe(201);
    anna = res.body as Person;
    expect(res.body).toEqual({
      id: expect.any(String),
      username: 'anna.svensson',
      displayName: 'Anna Svensson',
      email: 'anna.svensson@exempelby.example',
      phone: null,
      employeeNumber: null,
      homeOrgUnitId: home,
      hasOwnComputer: true,
      isElected: false,
      externalOrganisation: null,
      status: 'ACTIVE',
      version: 1,
    });
    expect(await counts()).toEqual({ persons: before.persons + 1, history: before.history + 1 });
    expect((await t.as('cecilia.lund').get(`/api/users/${anna.id}`)).body).toEqual(res.body);
    expect((await t.as('viktor.berglof').get('/api/users')).body.total).toBe(30);
  });

  it('refuses a username that is taken (409), regardless of case', async () => {
    // An account imported with capitals before the API existed.
    await t.dataSource.query(
      `INSERT INTO person (tenant_id, username, display_name, email, home_org_unit_id)
       VALUES ($1, 'Karl.Gustav', 'Karl Gustav', 'karl.gustav@exempelby.example', $2)`,
      [demoTenantId, await t.unitId('KLF')],
    );
    const before = await counts();
    for (const username of ['emma.rahimi', 'anna.svensson', 'karl.gustav']) {
      const res = await t.as('viktor.berglof').post('/api/users', {
        username,
        displayName: 'Dubblett',
        email: 'dubblett@exempelby.example',
        homeOrgUnitId: await t.unitId('KLF'),
      });
      expectErrorBody(res, 409, 'PERSON_USERNAME_TAKEN');
      expect(res.body.details).toEqual({ username });
    }
    expect(await counts()).toEqual(before);
  });

  it('allows a username that exists only in another tenant', async () => {
    const res = await t.as('viktor.berglof').post('/api/users', {
      username: 'olle.andraby',
      displayName: 'Olle i Exempelby',
      email: 'olle@exempelby.example',
      homeOrgUnitId: await t.unitId('KLF'),
    });
    expect(res.status).toBe(201);
    expect(res.body.id).not.toBe(otherPersonId);
  });

  it('patches a person with the current version; a stale version is 409 VERSION_CONFLICT', async () => {
    const res = await t.as('viktor.berglof').patch(`/api/users/${anna.id}`, {
      version: 1,
      displayName: 'Anna Svensson Ek',
      phone: '0123-456 78',
      homeOrgUnitId: await t.unitId('IFF-MOT'),
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: anna.id,
      username: 'anna.svensson',
      displayName: 'Anna Svensson Ek',
      email: 'anna.svensson@exempelby.example',
      phone: '0123-456 78',
      homeOrgUnitId: await t.unitId('IFF-MOT'),
      status: 'ACTIVE',
      version: 2,
    });
    const before = await counts();
    const stale = await t
      .as('viktor.berglof')
      .patch(`/api/users/${anna.id}`, { version: 1, displayName: 'Fel' });
    expectErrorBody(stale, 409, 'VERSION_CONFLICT');
    expect(stale.body.details).toEqual({ currentVersion: 2 });
    expect(await counts()).toEqual(before);
    expect((await t.as('viktor.berglof').get(`/api/users/${anna.id}`)).body.displayName).toBe(
      'Anna Svensson Ek',
    );
  });

  it('clears a nullable field with null, but refuses null on a required one (400)', async () => {
    const cleared = await t.as('viktor.berglof').patch(`/api/users/${anna.id}`, { version: 2, phone: null });
    expect(cleared.status).toBe(200);
    expect(cleared.body.phone).toBeNull();
    const before = await counts();
    for (const field of ['displayName', 'email', 'homeOrgUnitId', 'hasOwnComputer', 'isElected', 'status']) {
      const res = await t.as('viktor.berglof').patch(`/api/users/${anna.id}`, { version: 3, [field]: null });
      expectErrorBody(res, 400, 'VALIDATION_FAILED');
      expect((res.body.details as { field: string }[]).map((d) => d.field)).toContain(field);
    }
    expect(await counts()).toEqual(before);
    expect((await t.as('viktor.berglof').get(`/api/users/${anna.id}`)).body.version).toBe(3);
  });

  it('closes an account with status INACTIVE, found with ?status=INACTIVE', async () => {
    const res = await t
      .as('viktor.berglof')
      .patch(`/api/users/${anna.id}`, { version: 3, status: 'INACTIVE' });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('INACTIVE');
    const inactive = await t.as('cecilia.lund').get('/api/users', { status: 'INACTIVE' });
    expect(usernames(inactive.body)).toEqual(['anna.svensson']);
  });

  it.each([
    ['a one-letter username', { username: 'a' }, 'username'],
    ['a bad e-mail', { email: 'inte-en-adress' }, 'email'],
    ['no home unit', { homeOrgUnitId: undefined }, 'homeOrgUnitId'],
    ['an unknown field', { role: 'ADMIN' }, 'role'],
    ['a status (set later, not at creation)', { status: 'ACTIVE' }, 'status'],
  ])('refuses a create with %s (400 VALIDATION_FAILED)', async (_label, change, field) => {
    const before = await counts();
    const res = await t.as('viktor.berglof').post('/api/users', {
      username: 'bertil.ny',
      displayName: 'Bertil Ny',
      email: 'bertil.ny@exempelby.example',
      homeOrgUnitId: await t.unitId('KLF'),
      ...change,
    });
    expectErrorBody(res, 400, 'VALIDATION_FAILED');
    expect((res.body.details as { field: string }[]).map((d) => d.field)).toContain(field);
    expect(await counts()).toEqual(before);
  });

  it('stores a username in lower case, so a differently cased duplicate is a conflict', async () => {
    const created = await t.as('viktor.berglof').post('/api/users', {
      username: '  Greta.Stor ',
      displayName: 'Greta Stor',
      email: 'greta.stor@exempelby.example',
      homeOrgUnitId: await t.unitId('KLF'),
    });
    expect(created.status).toBe(201);
    expect(created.body.username).toBe('greta.stor');
    const again = await t.as('viktor.berglof').post('/api/users', {
      username: 'GRETA.STOR',
      displayName: 'Greta Stor igen',
      email: 'greta.stor2@exempelby.example',
      homeOrgUnitId: await t.unitId('KLF'),
    });
    expectErrorBody(again, 409, 'PERSON_USERNAME_TAKEN');
  });

  it('refuses a dissolved home unit (409 ORG_UNIT_INACTIVE) for new and moved people', async () => {
    const ark = await t.unitId('KLF-ARK');
    const arkVersion = (await t.as('viktor.berglof').get(`/api/org-units/${ark}`)).body.version as number;
    const dissolved = await t
      .as('viktor.berglof')
      .post(`/api/org-units/${ark}/deactivate`, { version: arkVersion });
    expect(dissolved.status).toBe(200);
    const before = await counts();
    const created = await t.as('viktor.berglof').post('/api/users', {
      username: 'arkivarie.ny',
      displayName: 'Ny Arkivarie',
      email: 'arkivarie@exempelby.example',
      homeOrgUnitId: ark,
    });
    expectErrorBody(created, 409, 'ORG_UNIT_INACTIVE');
    const current = (await t.as('viktor.berglof').get(`/api/users/${anna.id}`)).body as Person;
    const moved = await t
      .as('viktor.berglof')
      .patch(`/api/users/${anna.id}`, { version: current.version, homeOrgUnitId: ark });
    expectErrorBody(moved, 409, 'ORG_UNIT_INACTIVE');
    expect(await counts()).toEqual(before);
  });

  it('refuses a patch of the username (not changeable) with 400', async () => {
    const res = await t
      .as('viktor.berglof')
      .patch(`/api/users/${anna.id}`, { version: 4, username: 'anna.s' });
    expectErrorBody(res, 400, 'VALIDATION_FAILED');
  });
});

describe('only ADMIN writes people', () => {
  it.each(['cecilia.lund', 'nora.falk', 'helena.strand', 'emma.rahimi', 'gunnar.alm'] as const)(
    'answers %s with 403 on create and patch, and writes nothing',
    async (user) => {
      const emma = await t.personId('emma.rahimi');
      const before = await counts();
      const created = await t.as(user).post('/api/users', {
        username: 'cecilias.kompis',
        displayName: 'Kompis',
        email: 'kompis@exempelby.example',
        homeOrgUnitId: await t.unitId('KLF'),
      });
      expectErrorBody(created, 403, 'PERMISSION_DENIED');
      const patched = await t.as(user).patch(`/api/users/${emma}`, { version: 1, displayName: 'Emma R' });
      expectErrorBody(patched, 403, 'PERMISSION_DENIED');
      expect(await counts()).toEqual(before);
      expect((await t.as('viktor.berglof').get(`/api/users/${emma}`)).body.displayName).toBe('Emma Rahimi');
    },
  );
});

describe('another tenant’s people', () => {
  it('are 404 to read and to patch, and never listed or found', async () => {
    for (const user of ['viktor.berglof', 'cecilia.lund'] as const) {
      expectErrorBody(await t.as(user).get(`/api/users/${otherPersonId}`), 404, 'PERSON_NOT_FOUND');
    }
    const before = await counts();
    expectErrorBody(
      await t.as('viktor.berglof').patch(`/api/users/${otherPersonId}`, { version: 1, displayName: 'Kapad' }),
      404,
      'PERSON_NOT_FOUND',
    );
    expect(await counts()).toEqual(before);
    const [row] = await t.dataSource.query<{ display_name: string }[]>(
      'SELECT display_name FROM person WHERE id = $1',
      [otherPersonId],
    );
    expect(row.display_name).toBe('Olle Andraby');
    const all = await t.as('viktor.berglof').get('/api/users', { limit: 500 });
    expect((all.body.items as Person[]).map((p) => p.id)).not.toContain(otherPersonId);
    expect((await t.as('viktor.berglof').get('/api/users', { q: 'Olle Andraby' })).body.total).toBe(0);
  });

  it('cannot be used as a home unit (404, nothing written)', async () => {
    const before = await counts();
    const created = await t.as('viktor.berglof').post('/api/users', {
      username: 'flyttad.person',
      displayName: 'Flyttad Person',
      email: 'flyttad@exempelby.example',
      homeOrgUnitId: otherUnitId,
    });
    expectErrorBody(created, 404, 'ORG_UNIT_NOT_FOUND');
    const emma = await t.personId('emma.rahimi');
    const moved = await t
      .as('viktor.berglof')
      .patch(`/api/users/${emma}`, { version: 1, homeOrgUnitId: otherUnitId });
    expectErrorBody(moved, 404, 'ORG_UNIT_NOT_FOUND');
    expect(await counts()).toEqual(before);
    expect((await t.as('viktor.berglof').get(`/api/users/${emma}`)).body.homeOrgUnitId).toBe(
      await t.unitId('IFF-UTR'),
    );
  });

  it('answers an unknown id with 404 and an invalid one with 400', async () => {
    expectErrorBody(await t.as('viktor.berglof').get(`/api/users/${randomUUID()}`), 404, 'PERSON_NOT_FOUND');
    expectErrorBody(await t.as('viktor.berglof').get('/api/users/emma.rahimi'), 400);
    expectErrorBody(
      await t.as('viktor.berglof').patch('/api/users/42', { version: 1, displayName: 'X' }),
      400,
    );
  });
});
