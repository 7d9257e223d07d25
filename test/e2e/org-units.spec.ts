import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app';
import { expectErrorBody } from '../support/expect';
import { createOtherTenant } from '../support/other-tenant';

/**
 * The org tree over HTTP (domain.md §3.1, §6.1): reading, searching, creating, renaming, moving and
 * dissolving units, with the refusals (cycles, root, children, assignments, other tenants, bad input).
 */

const USERS = [
  'viktor.berglof',
  'cecilia.lund',
  'nora.falk',
  'helena.strand',
  'per.dahlgren',
  'emma.rahimi',
  'tove.granath',
  'gunnar.alm',
  'karin.vestberg',
] as const;

/** §6.1: the twelve nodes right under the root. */
const ROOT_CHILDREN = ['KF', 'KS', 'KLN', 'BUN', 'SOCN', 'VON', 'SERN', 'SBN', 'KFN', 'MBN', 'EVE', 'EBH'];

interface TreeNode {
  id: string;
  code: string;
  parentId: string | null;
  path: string[];
  children: TreeNode[];
}

let t: TestApp;
let otherTenantId: string;
let otherRootId: string;

async function count(table: 'org_unit' | 'history_entry' | 'role_assignment'): Promise<number> {
  const [{ n }] = await t.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM ${table}`);
  return n;
}

/** org_unit and history_entry row counts, to prove a refused request wrote nothing. */
async function snapshotCounts() {
  return { units: await count('org_unit'), history: await count('history_entry') };
}

async function paths(): Promise<Record<string, string[]>> {
  const rows = await t.dataSource.query<{ id: string; path: string[] }[]>('SELECT id, path FROM org_unit');
  return Object.fromEntries(rows.map((r) => [r.id, r.path]));
}

function flatten(nodes: TreeNode[]): TreeNode[] {
  return nodes.flatMap((n) => [n, ...flatten(n.children)]);
}

async function version(id: string): Promise<number> {
  const res = await t.as('viktor.berglof').get(`/api/org-units/${id}`);
  expect(res.status).toBe(200);
  return res.body.version as number;
}

async function createUnit(body: Record<string, unknown>) {
  const res = await t.as('viktor.berglof').post('/api/org-units', body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; version: number; path: string[] };
}

beforeAll(async () => {
  t = await startTestApp();
  // A second kommun, written straight into the database: nothing of it may ever show up.
  ({ tenantId: otherTenantId, rootId: otherRootId } = await createOtherTenant(t.dataSource));
});
afterAll(() => t?.close());

describe('the demo tree (§6.1)', () => {
  it('lists 56 active units with one root, every path its parent’s path plus itself', async () => {
    const res = await t.as('viktor.berglof').get('/api/org-units');
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(56);
    const items = res.body.items as {
      id: string;
      code: string;
      type: string;
      parentId: string | null;
      path: string[];
      depth: number;
      status: string;
      isDataController: boolean;
      coveredByCyberSecurityAct: boolean;
    }[];
    expect(items).toHaveLength(56);
    expect(items.every((u) => u.status === 'ACTIVE')).toBe(true);
    const roots = items.filter((u) => u.parentId === null);
    expect(roots.map((u) => [u.code, u.type])).toEqual([['ROOT', 'TENANT_ROOT']]);
    const byId = new Map(items.map((u) => [u.id, u]));
    for (const u of items) {
      expect(u.path.at(-1)).toBe(u.id);
      expect(u.depth).toBe(u.path.length - 1);
      if (u.parentId !== null) expect(u.path).toEqual([...byId.get(u.parentId)!.path, u.id]);
    }
    // §6.1 counts: 8 nämnder (KS + 7), 12 förvaltningar, 2 bolag, 30 enheter, plus ROOT, KF, REV and KLN.
    const byType = (type: string) => items.filter((u) => u.type === type).length;
    expect(byType('ADMINISTRATION')).toBe(12);
    expect(byType('COMPANY')).toBe(2);
    expect(byType('UNIT')).toBe(30);
    expect(byType('COMMITTEE')).toBe(8); // 7 facknämnder + KLN
    expect(byType('EXECUTIVE_BOARD')).toBe(1);
    expect(
      items
        .filter((u) => u.isDataController)
        .map((u) => u.code)
        .sort(),
    ).toEqual(['BUN', 'EBH', 'EVE', 'KFN', 'KS', 'MBN', 'SBN', 'SERN', 'SOCN', 'VON'].sort());
    const uncovered = items.filter((u) => !u.coveredByCyberSecurityAct);
    expect(uncovered.map((u) => u.code)).toEqual(['EBH']);
  });

  it('nests GET /tree: ROOT with its 12 children, REV under KF, the four IFF units under IFF', async () => {
    const res = await t.as('viktor.berglof').get('/api/org-units/tree');
    expect(res.status).toBe(200);
    const tree = res.body as TreeNode[];
    expect(tree).toHaveLength(1);
    const [root] = tree;
    expect(root.code).toBe('ROOT');
    expect(root.parentId).toBeNull();
    expect(root.children.map((c) => c.code).sort()).toEqual([...ROOT_CHILDREN].sort());
    const byCode = new Map(flatten(tree).map((n) => [n.code, n]));
    expect(byCode.size).toBe(56);
    expect(byCode.get('KF')!.children.map((c) => c.code)).toEqual(['REV']);
    expect(byCode.get('KS')!.children.map((c) => c.code)).toEqual(['KLF']);
    expect(byCode.get('KLN')!.children).toEqual([]);
    expect(
      byCode
        .get('SOCN')!
        .children.map((c) => c.code)
        .sort(),
    ).toEqual(['ALF', 'IFF']);
    expect(
      byCode
        .get('IFF')!
        .children.map((c) => c.code)
        .sort(),
    ).toEqual(['IFF-FAM', 'IFF-FOR', 'IFF-MOT', 'IFF-UTR']);
    expect(
      byCode
        .get('BUN')!
        .children.map((c) => c.code)
        .sort(),
    ).toEqual(['FSF', 'GSF', 'GVF']);
    expect(byCode.get('EVE')!.children.map((c) => c.code)).toEqual(['EVE-DRIFT']);
    expect(byCode.get('EBH')!.children).toEqual([]);
    // Every child points at the node it is nested under.
    for (const n of byCode.values()) for (const c of n.children) expect(c.parentId).toBe(n.id);
  });

  it.each(USERS)('lets %s read the whole tree', async (user) => {
    const res = await t.as(user).get('/api/org-units/tree');
    expect(res.status).toBe(200);
    expect(flatten(res.body as TreeNode[])).toHaveLength(56);
    const one = await t.as(user).get(`/api/org-units/${await t.unitId('IFF-UTR')}`);
    expect(one.status).toBe(200);
    expect(one.body.code).toBe('IFF-UTR');
  });

  it('refuses anonymous readers with 401', async () => {
    const res = await t.http.get('/api/org-units/tree');
    expect(res.status).toBe(401);
    expectErrorBody(res, 401);
  });

  it.each([
    ['IFF-', ['IFF-FAM', 'IFF-FOR', 'IFF-MOT', 'IFF-UTR']],
    ['iff-utr', ['IFF-UTR']],
    ['gymnasium', ['GVF-GYM']],
    ['ELEVHÄLSAN', ['GSF-EHT']],
    ['Vatten och Energi', ['EVE']],
    ['%', []],
    ['_', []],
    ['no such unit', []],
  ])('finds units by code or name with ?q=%s', async (q, codes) => {
    const res = await t.as('emma.rahimi').get('/api/org-units').query({ q });
    expect(res.status).toBe(200);
    expect((res.body.items as { code: string }[]).map((u) => u.code).sort()).toEqual(codes);
    expect(res.body.total).toBe(codes.length);
  });
});

describe('ADMIN creates units', () => {
  it('creates a division under IFF with the documented defaults (201)', async () => {
    const before = await snapshotCounts();
    const iff = await t.as('viktor.berglof').get(`/api/org-units/${await t.unitId('IFF')}`);
    const res = await t.as('viktor.berglof').post('/api/org-units', {
      code: 'IFF-STAB',
      name: 'Stabsavdelningen',
      type: 'DIVISION',
      parentId: iff.body.id,
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      code: 'IFF-STAB',
      name: 'Stabsavdelningen',
      shortName: 'Stabsavdelningen',
      type: 'DIVISION',
      typeLabel: 'Avdelning',
      parentId: iff.body.id,
      path: [...iff.body.path, res.body.id],
      depth: 3, // ROOT › SOCN › IFF › IFF-STAB
      isDataController: false,
      servesCommitteeId: null,
      coveredByCyberSecurityAct: true, // D-05: inherited from IFF (and so from ROOT)
      nisSector: null,
      headcount: 0,
      aliases: [],
      status: 'ACTIVE',
      validFrom: '2026-11-16', // today at DEMO_NOW
      validTo: null,
      version: 1,
    });
    expect(await snapshotCounts()).toEqual({ units: before.units + 1, history: before.history + 1 });
    const read = await t.as('emma.rahimi').get(`/api/org-units/${res.body.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(res.body);
  });

  it('makes a committee a data controller by default, inheriting coverage', async () => {
    const res = await t.as('viktor.berglof').post('/api/org-units', {
      code: 'VALN',
      name: 'Valnämnden',
      type: 'COMMITTEE',
      parentId: await t.unitId('ROOT'),
    });
    expect(res.status).toBe(201);
    expect(res.body.isDataController).toBe(true);
    expect(res.body.coveredByCyberSecurityAct).toBe(true);
    const admin = await t.as('viktor.berglof').post('/api/org-units', {
      code: 'VALF',
      name: 'Valkansliet',
      type: 'ADMINISTRATION',
      parentId: res.body.id,
      servesCommitteeId: res.body.id,
      isDataController: false,
    });
    expect(admin.status).toBe(201);
    expect(admin.body.isDataController).toBe(false);
    expect(admin.body.servesCommitteeId).toBe(res.body.id);
  });

  it('does not let a COMPANY inherit cybersäkerhetslagen coverage (D-47), unless set', async () => {
    const root = await t.unitId('ROOT');
    const plain = await t.as('viktor.berglof').post('/api/org-units', {
      code: 'EPARK',
      name: 'Exempelby Parkering AB',
      type: 'COMPANY',
      parentId: root,
    });
    expect(plain.status).toBe(201);
    expect(plain.body.coveredByCyberSecurityAct).toBe(false);
    expect(plain.body.isDataController).toBe(true);
    const covered = await t.as('viktor.berglof').post('/api/org-units', {
      code: 'EFIB',
      name: 'Exempelby Stadsnät AB',
      type: 'COMPANY',
      parentId: root,
      coveredByCyberSecurityAct: true,
      nisSector: 'Digital infrastruktur',
    });
    expect(covered.status).toBe(201);
    expect(covered.body.coveredByCyberSecurityAct).toBe(true);
    expect(covered.body.nisSector).toBe('Digital infrastruktur');
    // Below an uncovered bolag the default follows the bolag (D-05 inheritance from the parent).
    const underEbh = await t.as('viktor.berglof').post('/api/org-units', {
      code: 'EBH-FAST',
      name: 'Fastighetsförvaltning',
      type: 'UNIT',
      parentId: await t.unitId('EBH'),
    });
    expect(underEbh.status).toBe(201);
    expect(underEbh.body.coveredByCyberSecurityAct).toBe(false);
  });

  it('shortens a long name to a 40-character shortName', async () => {
    const name = 'Enheten för mycket långa namn på organisatoriska enheter';
    const res = await t.as('viktor.berglof').post('/api/org-units', {
      code: 'KLF-LANG',
      name,
      type: 'UNIT',
      parentId: await t.unitId('KLF'),
      aliases: ['Långa enheten'],
      headcount: 12,
    });
    expect(res.status).toBe(201);
    expect(res.body.shortName).toBe(name.slice(0, 40));
    expect(res.body.aliases).toEqual(['Långa enheten']);
    expect(res.body.headcount).toBe(12);
    // Aliases are searchable.
    const found = await t.as('viktor.berglof').get('/api/org-units').query({ q: 'långa enheten' });
    expect(found.body.items.map((u: { code: string }) => u.code)).toEqual(['KLF-LANG']);
  });

  it('refuses a duplicate code with 409 and writes nothing', async () => {
    const before = await snapshotCounts();
    const res = await t.as('viktor.berglof').post('/api/org-units', {
      code: 'KS',
      name: 'Ännu en kommunstyrelse',
      type: 'COMMITTEE',
      parentId: await t.unitId('ROOT'),
    });
    expect(res.status).toBe(409);
    expectErrorBody(res, 409, 'ORG_UNIT_CODE_TAKEN');
    expect(await snapshotCounts()).toEqual(before);
  });
});

describe('ADMIN renames units (optimistic locking)', () => {
  it('renames with the current version and refuses a stale one with 409 VERSION_CONFLICT', async () => {
    const id = await t.unitId('KLF-HR');
    const v = await version(id);
    const renamed = await t
      .as('viktor.berglof')
      .patch(`/api/org-units/${id}`, { version: v, name: 'Personalenheten' });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({
      id,
      code: 'KLF-HR',
      name: 'Personalenheten',
      shortName: 'HR-enheten',
      type: 'UNIT',
      status: 'ACTIVE',
      version: v + 1,
    });
    expect(renamed.body.path).toEqual([
      await t.unitId('ROOT'),
      await t.unitId('KS'),
      await t.unitId('KLF'),
      id,
    ]);

    const before = await snapshotCounts();
    const stale = await t
      .as('viktor.berglof')
      .patch(`/api/org-units/${id}`, { version: v, name: 'Något annat' });
    expect(stale.status).toBe(409);
    expectErrorBody(stale, 409, 'VERSION_CONFLICT');
    expect(stale.body.details).toEqual({ currentVersion: v + 1 });
    expect(await snapshotCounts()).toEqual(before);
    const read = await t.as('viktor.berglof').get(`/api/org-units/${id}`);
    expect(read.body.name).toBe('Personalenheten');
    expect(read.body.version).toBe(v + 1);
  });

  it('changes a code, but not to one that is taken (409)', async () => {
    const id = await t.unitId('KLF-KAN');
    const taken = await t
      .as('viktor.berglof')
      .patch(`/api/org-units/${id}`, { version: await version(id), code: 'KLF-SAK' });
    expect(taken.status).toBe(409);
    expectErrorBody(taken, 409, 'ORG_UNIT_CODE_TAKEN');
    const ok = await t
      .as('viktor.berglof')
      .patch(`/api/org-units/${id}`, { version: await version(id), code: 'KLF-KANS' });
    expect(ok.status).toBe(200);
    expect(ok.body.code).toBe('KLF-KANS');
    expect(ok.body.name).toBe('Kanslienheten');
  });
});

describe('ADMIN moves subtrees', () => {
  it('moves IFF-MOT under ALF: descendants’ paths follow and assignment scope moves with it', async () => {
    const [root, socn, alf, iff, mot] = await Promise.all(
      ['ROOT', 'SOCN', 'ALF', 'IFF', 'IFF-MOT'].map((code) => t.unitId(code)),
    );
    const child = await createUnit({ code: 'IFF-MOT-J', name: 'Jourgruppen', type: 'UNIT', parentId: mot });
    expect(child.path).toEqual([root, socn, iff, mot, child.id]);

    // An assignment placed only on IFF-MOT (CISO appoints a manager there).
    const sara = await t.personId('sara.ekstrom');
    const created = await t
      .as('cecilia.lund')
      .post('/api/role-assignments', { personId: sara, role: 'MANAGER', orgUnitIds: [mot] });
    expect(created.status).toBe(201);
    const assignmentId = created.body.id as string;
    for (const user of ['nora.falk', 'helena.strand'] as const) {
      expect((await t.as(user).get(`/api/role-assignments/${assignmentId}`)).status).toBe(200);
    }

    const v = await version(mot);
    const moved = await t
      .as('viktor.berglof')
      .post(`/api/org-units/${mot}/move`, { version: v, parentId: alf });
    expect(moved.status).toBe(200);
    expect(moved.body.parentId).toBe(alf);
    expect(moved.body.path).toEqual([root, socn, alf, mot]);
    expect(moved.body.version).toBe(v + 1);
    const movedChild = await t.as('viktor.berglof').get(`/api/org-units/${child.id}`);
    expect(movedChild.body.path).toEqual([root, socn, alf, mot, child.id]);
    expect(movedChild.body.parentId).toBe(mot);

    const tree = flatten((await t.as('viktor.berglof').get('/api/org-units/tree')).body as TreeNode[]);
    const byCode = new Map(tree.map((n) => [n.code, n]));
    expect(
      byCode
        .get('ALF')!
        .children.map((c) => c.code)
        .sort(),
    ).toEqual(['ALF-ARB', 'ALF-INT', 'IFF-MOT']);
    expect(
      byCode
        .get('IFF')!
        .children.map((c) => c.code)
        .sort(),
    ).toEqual(['IFF-FAM', 'IFF-FOR', 'IFF-STAB', 'IFF-UTR']);
    expect(byCode.get('IFF-MOT')!.children.map((c) => c.code)).toEqual(['IFF-MOT-J']);

    // nora (COORDINATOR IFF, ALF) still reaches the assignment, now through ALF.
    expect((await t.as('nora.falk').get(`/api/role-assignments/${assignmentId}`)).status).toBe(200);
    const noraList = await t.as('nora.falk').get('/api/role-assignments');
    expect(noraList.body.items.map((a: { id: string }) => a.id)).toContain(assignmentId);
    // helena (HEAD IFF) does not any more: 404 on read, absent from her list, no appointing there.
    const helenaRead = await t.as('helena.strand').get(`/api/role-assignments/${assignmentId}`);
    expect(helenaRead.status).toBe(404);
    expectErrorBody(helenaRead, 404, 'ROLE_ASSIGNMENT_NOT_FOUND');
    const helenaList = await t.as('helena.strand').get('/api/role-assignments');
    expect(helenaList.status).toBe(200);
    expect(helenaList.body.items.map((a: { id: string }) => a.id)).not.toContain(assignmentId);
    const helenaAppoints = await t
      .as('helena.strand')
      .post('/api/role-assignments', { personId: sara, role: 'COORDINATOR', orgUnitIds: [mot] });
    expect(helenaAppoints.status).toBe(403);
    const helenaEdits = await t
      .as('helena.strand')
      .patch(`/api/role-assignments/${assignmentId}`, { version: 1, validTo: '2026-12-31' });
    expect(helenaEdits.status).toBe(404);

    // petter.akesson's assignment (IFF-UTR, IFF-MOT) now spans both förvaltningar.
    const [petter] = await t.dataSource.query<{ org_unit_paths: string[] }[]>(
      `SELECT ra.org_unit_paths FROM role_assignment ra JOIN person p ON p.id = ra.person_id
        WHERE p.username = 'petter.akesson'`,
    );
    expect(petter.org_unit_paths).toEqual(expect.arrayContaining([root, socn, iff, alf, mot]));
    // An assignment on the moved unit's child follows the move as well.
    const onChild = await t
      .as('viktor.berglof')
      .post('/api/role-assignments', { personId: sara, role: 'READER', orgUnitIds: [child.id] });
    expect(onChild.status).toBe(201);
    expect((await t.as('nora.falk').get(`/api/role-assignments/${onChild.body.id}`)).status).toBe(200);
    expect((await t.as('helena.strand').get(`/api/role-assignments/${onChild.body.id}`)).status).toBe(404);
  });

  it('refuses a stale version on move with 409 and moves nothing', async () => {
    const id = await t.unitId('KFF-BIB');
    const before = await paths();
    const res = await t.as('viktor.berglof').post(`/api/org-units/${id}/move`, {
      version: (await version(id)) + 5,
      parentId: await t.unitId('KLF'),
    });
    expect(res.status).toBe(409);
    expectErrorBody(res, 409, 'VERSION_CONFLICT');
    expect(await paths()).toEqual(before);
  });

  it.each([
    ['under its own descendant', 'IFF', 'IFF-UTR'],
    ['under itself', 'IFF', 'IFF'],
    ['under a grandchild', 'SOCN', 'IFF-FOR'],
  ])('refuses moving a unit %s with 409 ORG_UNIT_MOVE_CYCLE', async (_label, code, parentCode) => {
    const id = await t.unitId(code);
    const before = { ...(await snapshotCounts()), paths: await paths() };
    const res = await t.as('viktor.berglof').post(`/api/org-units/${id}/move`, {
      version: await version(id),
      parentId: await t.unitId(parentCode),
    });
    expect(res.status).toBe(409);
    expectErrorBody(res, 409, 'ORG_UNIT_MOVE_CYCLE');
    expect({ ...(await snapshotCounts()), paths: await paths() }).toEqual(before);
  });

  it('refuses moving or dissolving the root with 409', async () => {
    const root = await t.unitId('ROOT');
    const before = await snapshotCounts();
    const moved = await t.as('viktor.berglof').post(`/api/org-units/${root}/move`, {
      version: await version(root),
      parentId: await t.unitId('KS'),
    });
    expect(moved.status).toBe(409);
    expectErrorBody(moved, 409, 'ORG_UNIT_ROOT_IMMUTABLE');
    const dissolved = await t
      .as('viktor.berglof')
      .post(`/api/org-units/${root}/deactivate`, { version: await version(root) });
    expect(dissolved.status).toBe(409);
    expectErrorBody(dissolved, 409, 'ORG_UNIT_ROOT_IMMUTABLE');
    expect(await snapshotCounts()).toEqual(before);
    expect((await t.as('viktor.berglof').get(`/api/org-units/${root}`)).body.status).toBe('ACTIVE');
  });
});

describe('ADMIN dissolves units', () => {
  it('refuses a unit with active children (409 ORG_UNIT_HAS_ACTIVE_CHILDREN)', async () => {
    const sk = await t.unitId('SK');
    const before = await snapshotCounts();
    const res = await t
      .as('viktor.berglof')
      .post(`/api/org-units/${sk}/deactivate`, { version: await version(sk) });
    expect(res.status).toBe(409);
    expectErrorBody(res, 409, 'ORG_UNIT_HAS_ACTIVE_CHILDREN');
    expect(res.body.details).toEqual({ activeChildren: 4 });
    expect(await snapshotCounts()).toEqual(before);
    expect((await t.as('viktor.berglof').get(`/api/org-units/${sk}`)).body.status).toBe('ACTIVE');
  });

  it('refuses a unit with current role assignments (409 ORG_UNIT_HAS_ACTIVE_ASSIGNMENTS)', async () => {
    const unitId = await t.unitId('IFF-FOR'); // lena.holmgren is MANAGER there
    const before = await snapshotCounts();
    const res = await t
      .as('viktor.berglof')
      .post(`/api/org-units/${unitId}/deactivate`, { version: await version(unitId) });
    expect(res.status).toBe(409);
    expectErrorBody(res, 409, 'ORG_UNIT_HAS_ACTIVE_ASSIGNMENTS');
    expect(res.body.details).toEqual({ activeAssignments: 1 });
    expect(await snapshotCounts()).toEqual(before);
  });

  it('blocks on an assignment that outlives the unit, not on one that ends with it', async () => {
    const leaf = await createUnit({
      code: 'KLF-TMP',
      name: 'Tillfällig enhet',
      type: 'UNIT',
      parentId: await t.unitId('KLF'),
    });
    const person = await t.personId('sara.ekstrom');
    const a = await t.as('viktor.berglof').post('/api/role-assignments', {
      personId: person,
      role: 'READER',
      orgUnitIds: [leaf.id],
      validFrom: '2026-01-01',
      validTo: '2026-11-17',
    });
    expect(a.status).toBe(201);
    // The unit would end today (2026-11-16); the assignment runs one more day.
    const blocked = await t
      .as('viktor.berglof')
      .post(`/api/org-units/${leaf.id}/deactivate`, { version: leaf.version });
    expect(blocked.status).toBe(409);
    expect(blocked.body.code).toBe('ORG_UNIT_HAS_ACTIVE_ASSIGNMENTS');
    // Ending the same day as the unit is fine: nothing outlives it.
    const ended = await t.as('viktor.berglof').patch(`/api/role-assignments/${a.body.id}`, {
      version: a.body.version,
      validTo: '2026-11-16',
    });
    expect(ended.status).toBe(200);
    const ok = await t
      .as('viktor.berglof')
      .post(`/api/org-units/${leaf.id}/deactivate`, { version: leaf.version });
    expect(ok.status).toBe(200);
    expect(ok.body.status).toBe('DISSOLVED');
  });

  it('dissolves a leaf: DISSOLVED, listed with ?status=DISSOLVED, gone from the default list and tree', async () => {
    const ark = await t.unitId('KLF-ARK');
    const v = await version(ark);
    const before = await snapshotCounts();
    const res = await t.as('viktor.berglof').post(`/api/org-units/${ark}/deactivate`, {
      version: v,
      reason: 'Arkivet flyttas till SK',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: ark,
      code: 'KLF-ARK',
      status: 'DISSOLVED',
      validTo: '2026-11-16',
      version: v + 1,
    });
    expect(await snapshotCounts()).toEqual({ units: before.units, history: before.history + 1 });

    const active = await t.as('viktor.berglof').get('/api/org-units');
    expect(active.body.items.map((u: { id: string }) => u.id)).not.toContain(ark);
    expect(active.body.items.every((u: { status: string }) => u.status === 'ACTIVE')).toBe(true);
    const dissolved = await t.as('nora.falk').get('/api/org-units').query({ status: 'DISSOLVED' });
    expect(dissolved.status).toBe(200);
    expect(dissolved.body.items.map((u: { code: string }) => u.code)).toContain('KLF-ARK');
    expect(dissolved.body.items.every((u: { status: string }) => u.status === 'DISSOLVED')).toBe(true);
    const all = await t.as('nora.falk').get('/api/org-units').query({ status: 'ALL' });
    expect(all.body.total).toBe(active.body.total + dissolved.body.total);
    const tree = flatten((await t.as('viktor.berglof').get('/api/org-units/tree')).body as TreeNode[]);
    expect(tree.map((n) => n.code)).not.toContain('KLF-ARK');
    // Still readable by id: history and old references keep working.
    expect((await t.as('emma.rahimi').get(`/api/org-units/${ark}`)).body.status).toBe('DISSOLVED');
  });

  it('refuses to dissolve twice, or to place units under a dissolved one', async () => {
    const ark = await t.unitId('KLF-ARK');
    const again = await t
      .as('viktor.berglof')
      .post(`/api/org-units/${ark}/deactivate`, { version: await version(ark) });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('ORG_UNIT_INACTIVE');
    const before = await snapshotCounts();
    const create = await t.as('viktor.berglof').post('/api/org-units', {
      code: 'KLF-ARK-1',
      name: 'Närarkivet',
      type: 'UNIT',
      parentId: ark,
    });
    expect(create.status).toBe(409);
    expect(create.body.code).toBe('ORG_UNIT_PARENT_INACTIVE');
    const hr = await t.unitId('KLF-HR');
    const move = await t
      .as('viktor.berglof')
      .post(`/api/org-units/${hr}/move`, { version: await version(hr), parentId: ark });
    expect(move.status).toBe(409);
    expect(move.body.code).toBe('ORG_UNIT_PARENT_INACTIVE');
    expect(await snapshotCounts()).toEqual(before);
  });

  it('refuses a validTo before the unit’s validFrom (400)', async () => {
    const id = await t.unitId('KLF-SAK');
    const res = await t.as('viktor.berglof').post(`/api/org-units/${id}/deactivate`, {
      version: await version(id),
      validTo: '2020-01-01',
    });
    expect(res.status).toBe(400);
    expectErrorBody(res, 400, 'VALID_RANGE_INVALID');
  });
});

describe('only ADMIN changes the tree', () => {
  it.each(['cecilia.lund', 'nora.falk', 'emma.rahimi', 'helena.strand'] as const)(
    'answers %s with 403 on create, patch, move and deactivate, and writes nothing',
    async (user) => {
      const target = await t.unitId('KFF-BIB');
      const v = await version(target);
      const before = { ...(await snapshotCounts()), paths: await paths() };
      const responses = [
        await t.as(user).post('/api/org-units', {
          code: 'X-NY',
          name: 'Ny',
          type: 'UNIT',
          parentId: await t.unitId('KFF'),
        }),
        await t.as(user).patch(`/api/org-units/${target}`, { version: v, name: 'Stadsbiblioteket' }),
        await t
          .as(user)
          .post(`/api/org-units/${target}/move`, { version: v, parentId: await t.unitId('KLF') }),
        await t.as(user).post(`/api/org-units/${target}/deactivate`, { version: v }),
      ];
      for (const res of responses) {
        expect(res.status).toBe(403);
        expectErrorBody(res, 403, 'PERMISSION_DENIED');
      }
      expect({ ...(await snapshotCounts()), paths: await paths() }).toEqual(before);
      expect(await version(target)).toBe(v);
    },
  );
});

describe('another tenant', () => {
  it('never shows its units: GET /:id 404, absent from lists, tree and search', async () => {
    for (const user of ['viktor.berglof', 'cecilia.lund', 'emma.rahimi'] as const) {
      const res = await t.as(user).get(`/api/org-units/${otherRootId}`);
      expect(res.status).toBe(404);
      expectErrorBody(res, 404, 'ORG_UNIT_NOT_FOUND');
    }
    const all = await t.as('viktor.berglof').get('/api/org-units').query({ status: 'ALL' });
    expect(all.body.items.map((u: { id: string }) => u.id)).not.toContain(otherRootId);
    const search = await t.as('viktor.berglof').get('/api/org-units').query({ q: 'Andraby' });
    expect(search.body.total).toBe(0);
    const tree = (await t.as('viktor.berglof').get('/api/org-units/tree')).body as TreeNode[];
    expect(tree).toHaveLength(1);
    expect(flatten(tree).map((n) => n.id)).not.toContain(otherRootId);
  });

  it('answers a parent id of another tenant with 404 and writes nothing', async () => {
    const before = await snapshotCounts();
    const res = await t.as('viktor.berglof').post('/api/org-units', {
      code: 'INTRANG',
      name: 'Intrång',
      type: 'COMMITTEE',
      parentId: otherRootId,
    });
    expect(res.status).toBe(404);
    expectErrorBody(res, 404, 'ORG_UNIT_PARENT_NOT_FOUND');
    expect(await snapshotCounts()).toEqual(before);
    const [{ n }] = await t.dataSource.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM org_unit WHERE tenant_id = $1',
      [otherTenantId],
    );
    expect(n).toBe(1);
  });

  it('answers moves, patches and dissolutions reaching into another tenant with 404', async () => {
    const before = { ...(await snapshotCounts()), paths: await paths() };
    const mbf = await t.unitId('MBF-BYGG');
    const move = await t.as('viktor.berglof').post(`/api/org-units/${mbf}/move`, {
      version: await version(mbf),
      parentId: otherRootId,
    });
    expect(move.status).toBe(404);
    expect(move.body.code).toBe('ORG_UNIT_PARENT_NOT_FOUND');
    const renamed = await t
      .as('viktor.berglof')
      .patch(`/api/org-units/${otherRootId}`, { version: 1, name: 'Kapad' });
    expect(renamed.status).toBe(404);
    expect(renamed.body.code).toBe('ORG_UNIT_NOT_FOUND');
    const dissolved = await t
      .as('viktor.berglof')
      .post(`/api/org-units/${otherRootId}/deactivate`, { version: 1 });
    expect(dissolved.status).toBe(404);
    const serves = await t.as('viktor.berglof').post('/api/org-units', {
      code: 'MBF-TILL',
      name: 'Tillsynsenheten',
      type: 'UNIT',
      parentId: await t.unitId('MBF'),
      servesCommitteeId: otherRootId,
    });
    expect(serves.status).toBe(400);
    expect(serves.body.code).toBe('ORG_UNIT_SERVES_INVALID');
    expect({ ...(await snapshotCounts()), paths: await paths() }).toEqual(before);
  });
});

describe('bad input', () => {
  it('answers an invalid uuid in the path with 400', async () => {
    for (const res of [
      await t.as('viktor.berglof').get('/api/org-units/not-a-uuid'),
      await t.as('viktor.berglof').patch('/api/org-units/123', { version: 1, name: 'x' }),
      await t
        .as('viktor.berglof')
        .post('/api/org-units/123/move', { version: 1, parentId: await t.unitId('KS') }),
      await t.as('viktor.berglof').post('/api/org-units/123/deactivate', { version: 1 }),
    ]) {
      expect(res.status).toBe(400);
      expectErrorBody(res, 400);
    }
  });

  it.each([
    ['an unknown field', { colour: 'blå' }, 'colour'],
    ['type TENANT_ROOT', { type: 'TENANT_ROOT' }, 'type'],
    ['an unknown type', { type: 'DEPARTMENT' }, 'type'],
    ['a lower-case code', { code: 'ny-enhet' }, 'code'],
    ['a code over 20 characters', { code: 'A'.repeat(21) }, 'code'],
    ['an empty name', { name: '' }, 'name'],
    ['a parentId that is no uuid', { parentId: 'ROOT' }, 'parentId'],
    ['a negative headcount', { headcount: -1 }, 'headcount'],
    ['an impossible date', { validFrom: '2026-02-30' }, 'validFrom'],
  ])('refuses a create with %s (400 VALIDATION_FAILED naming the field)', async (_label, change, field) => {
    const before = await snapshotCounts();
    const body = {
      code: 'NY-ENHET',
      name: 'Ny enhet',
      type: 'UNIT',
      parentId: await t.unitId('KLF'),
      ...change,
    };
    const res = await t.as('viktor.berglof').post('/api/org-units', body);
    expect(res.status).toBe(400);
    expectErrorBody(res, 400, 'VALIDATION_FAILED');
    expect((res.body.details as { field: string }[]).map((d) => d.field)).toContain(field);
    expect(await snapshotCounts()).toEqual(before);
  });

  it.each([
    ['code'],
    ['name'],
    ['shortName'],
    ['isDataController'],
    ['coveredByCyberSecurityAct'],
    ['headcount'],
    ['aliases'],
  ])('refuses a patch setting the required field %s to null (400, nothing written)', async (field) => {
    const id = await t.unitId('KFF-BIB');
    const v = await version(id);
    const before = await snapshotCounts();
    const res = await t.as('viktor.berglof').patch(`/api/org-units/${id}`, { version: v, [field]: null });
    expect(res.status).toBe(400);
    expectErrorBody(res, 400, 'VALIDATION_FAILED');
    expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    expect(await snapshotCounts()).toEqual(before);
    expect(await version(id)).toBe(v);
  });

  it('clears the nullable servesCommitteeId and nisSector with null', async () => {
    const id = await t.unitId('KFF');
    const kfn = await t.unitId('KFN');
    const set = await t
      .as('viktor.berglof')
      .patch(`/api/org-units/${id}`, { version: await version(id), nisSector: 'Kultur' });
    expect(set.status).toBe(200);
    expect(set.body.servesCommitteeId).toBe(kfn);
    const cleared = await t.as('viktor.berglof').patch(`/api/org-units/${id}`, {
      version: set.body.version,
      servesCommitteeId: null,
      nisSector: null,
    });
    expect(cleared.status).toBe(200);
    expect(cleared.body.servesCommitteeId).toBeNull();
    expect(cleared.body.nisSector).toBeNull();
    const back = await t.as('viktor.berglof').patch(`/api/org-units/${id}`, {
      version: cleared.body.version,
      servesCommitteeId: kfn,
    });
    expect(back.status).toBe(200);
    expect(back.body.servesCommitteeId).toBe(kfn);
    const notACommittee = await t.as('viktor.berglof').patch(`/api/org-units/${id}`, {
      version: back.body.version,
      servesCommitteeId: await t.unitId('KLF'),
    });
    expect(notACommittee.status).toBe(400);
    expect(notACommittee.body.code).toBe('ORG_UNIT_SERVES_INVALID');
  });

  it('refuses a patch without version, or with a field that cannot be patched', async () => {
    const id = await t.unitId('KFF-BIB');
    const before = await snapshotCounts();
    const noVersion = await t.as('viktor.berglof').patch(`/api/org-units/${id}`, { name: 'Biblioteket' });
    expect(noVersion.status).toBe(400);
    expect(noVersion.body.details.map((d: { field: string }) => d.field)).toContain('version');
    for (const field of ['parentId', 'status', 'path', 'tenantId']) {
      const res = await t.as('viktor.berglof').patch(`/api/org-units/${id}`, {
        version: await version(id),
        [field]: await t.unitId('ROOT'),
      });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    }
    const badQuery = await t.as('viktor.berglof').get('/api/org-units').query({ status: 'GONE' });
    expect(badQuery.status).toBe(400);
    expect(badQuery.body.code).toBe('VALIDATION_FAILED');
    expect(await snapshotCounts()).toEqual(before);
  });
});
