import { unpackRules } from '@casl/ability/extra';
import { METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RequestMethod } from '@nestjs/common';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { MetadataScanner, ModulesContainer } from '@nestjs/core';
import {
  abilityFromRules,
  type AppAbility,
  type AppRawRule,
  CAN_KEY,
  type CanRequirement,
  PUBLIC_KEY,
} from '@varna/authz';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app';
import { ERROR_KEYS, expectErrorBody } from '../support/expect';

/*
 * Every route of the running app, read from the controllers' metadata: each is public or declares
 * its permission, anonymous callers get 401, a medarbetare without the permission 403, and no
 * body ever makes a route answer 500.
 */
interface Route {
  name: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  isPublic: boolean;
  can?: CanRequirement;
  hasBody: boolean;
}

const GLOBAL_PREFIX = 'api';

let t: TestApp;
let routes: Route[];

function discoverRoutes(app: TestApp['app']): Route[] {
  const scanner = new MetadataScanner();
  const seen = new Set<unknown>();
  const found: Route[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => object) | null;
      if (!controller || seen.has(controller)) continue;
      seen.add(controller);
      const base = (Reflect.getMetadata(PATH_METADATA, controller) as string | undefined) ?? '';
      for (const handlerName of scanner.getAllMethodNames(controller.prototype)) {
        const handler = (controller.prototype as Record<string, unknown>)[handlerName] as object;
        const path = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
        if (path === undefined) continue; // not a route handler
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
        const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, handlerName) ?? {}) as object;
        const meta = <T>(key: string) =>
          (Reflect.getMetadata(key, handler) as T | undefined) ??
          (Reflect.getMetadata(key, controller) as T | undefined);
        for (const p of Array.isArray(path) ? path : [path]) {
          found.push({
            name: `${controller.name}.${handlerName}`,
            method: method as Route['method'],
            path: `/${[GLOBAL_PREFIX, base, p]
              .map((s) => s.replace(/^\/+|\/+$/g, ''))
              .filter(Boolean)
              .join('/')}`,
            isPublic: meta<boolean>(PUBLIC_KEY) === true,
            can: meta<CanRequirement>(CAN_KEY),
            hasBody: Object.keys(args).some((key) => key.split(':')[0] === String(RouteParamtypes.BODY)),
          });
        }
      }
    }
  }
  return found.sort((a, b) => `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`));
}

const label = (r: Route) => `${r.method} ${r.path}`;
const fill = (path: string, id: string = randomUUID()) => path.replace(/:[A-Za-z]+/g, id);

function send(route: Route, path: string, headers: Record<string, string> = {}) {
  const verb = route.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
  let req = t.http[verb](path);
  for (const [k, v] of Object.entries(headers)) req = req.set(k, v);
  return req;
}

beforeAll(async () => {
  t = await startTestApp();
  routes = discoverRoutes(t.app);
});
afterAll(() => t?.close());

describe('route inventory', () => {
  it('every handler is @Public() or declares @Can()', () => {
    const offenders = routes.filter((r) => !r.isPublic && !r.can).map((r) => `${r.name} (${label(r)})`);
    expect(offenders).toEqual([]);
    // Declaring both would be contradictory: the public one wins in both guards.
    expect(routes.filter((r) => r.isPublic && r.can).map((r) => r.name)).toEqual([]);
  });

  it('contains the routes we expect', () => {
    expect(routes.map(label)).toEqual(
      expect.arrayContaining([
        'GET /api/health/live',
        'GET /api/health/ready',
        'POST /api/auth/login',
        'POST /api/auth/logout',
        'GET /api/me',
        'GET /api/me/permissions',
        'GET /api/me/sessions',
        'DELETE /api/me/sessions/:id',
        'POST /api/me/password',
        'PUT /api/users/:id/password',
        'DELETE /api/users/:id/sessions',
        'GET /api/org-units',
        'GET /api/org-units/tree',
        'GET /api/org-units/:id',
        'POST /api/org-units',
        'PATCH /api/org-units/:id',
        'POST /api/org-units/:id/move',
        'POST /api/org-units/:id/deactivate',
        'GET /api/users',
        'GET /api/users/:id',
        'POST /api/users',
        'PATCH /api/users/:id',
        'GET /api/role-assignments',
        'GET /api/role-assignments/:id',
        'POST /api/role-assignments',
        'PATCH /api/role-assignments/:id',
        'GET /api/history',
        'GET /api/admin/history/verify',
        'POST /api/incidents',
        'GET /api/incidents',
        'GET /api/incidents/:id',
        'PATCH /api/incidents/:id',
        'POST /api/incidents/:id/triage',
        'POST /api/incidents/:id/transition',
        'GET /api/incidents/:id/timeline',
        'POST /api/incidents/:id/timeline',
        'GET /api/incidents/:id/obligations',
        'POST /api/incidents/:id/obligations/:obligationId/submit',
        'POST /api/incidents/:id/obligations/:obligationId/not-required',
        'POST /api/incidents/:id/obligations/:obligationId/withdraw',
        'POST /api/incidents/:id/attachments',
        'GET /api/incidents/:id/attachments',
        'GET /api/incidents/:id/attachments/:attachmentId',
        'DELETE /api/incidents/:id/attachments/:attachmentId',
        'GET /api/incidents/:id/drafts/imy-notification.pdf',
        'GET /api/incidents/:id/drafts/csirt-early-warning.pdf',
        'GET /api/incidents/:id/drafts/csirt-notification.pdf',
        'GET /api/incidents/:id/drafts/csirt-intermediate-report.pdf',
        'GET /api/incidents/:id/drafts/csirt-progress-report.pdf',
        'GET /api/incidents/:id/drafts/csirt-final-report.pdf',
        'POST /api/incidents/:id/obligations/intermediate-request',
        'GET /api/incident-clock-rules',
        'PATCH /api/incident-clock-rules',
        'GET /api/incidents/export',
        'POST /api/incidents/:id/secrecy-markings',
        'DELETE /api/incidents/:id/secrecy-markings/:markingId',
        'POST /api/incidents/:id/merge',
        'POST /api/incidents/:id/quality-bridge',
        'POST /api/incidents/:id/notices',
        'GET /api/incidents/:id/notices',
        'GET /api/notifications',
        'POST /api/notifications/read-all',
        'POST /api/notifications/:id/read',
        'GET /api/classification-sessions',
        'GET /api/classification-sessions/:id',
        'POST /api/classification-sessions',
        'PATCH /api/classification-sessions/:id',
        'POST /api/classification-sessions/:id/hold',
        'POST /api/classification-sessions/:id/close',
        'POST /api/classification-sessions/:id/cancel',
      ]),
    );
    expect(new Set(routes.map(label)).size).toBe(routes.length);
  });

  it('opens exactly sign-in and the health checks to anonymous callers', () => {
    expect(routes.filter((r) => r.isPublic).map(label)).toEqual([
      'POST /api/auth/login',
      'GET /api/health/live',
      'GET /api/health/ready',
    ]);
  });

  it('declares the permissions the handlers need', () => {
    const can = (l: string) => routes.find((r) => label(r) === l)?.can;
    expect(can('POST /api/org-units')).toEqual({ action: 'create', subject: 'OrgUnit' });
    expect(can('GET /api/users')).toEqual({ action: 'read', subject: 'Person' });
    expect(can('PATCH /api/role-assignments/:id')).toEqual({ action: 'update', subject: 'RoleAssignment' });
    expect(can('GET /api/admin/history/verify')).toEqual({ action: 'verify', subject: 'HistoryEntry' });
    expect(can('POST /api/incidents')).toEqual({ action: 'create', subject: 'Incident' });
    expect(can('POST /api/incidents/:id/triage')).toEqual({ action: 'update', subject: 'Incident' });
    expect(can('POST /api/incidents/:id/timeline')).toEqual({
      action: 'create',
      subject: 'IncidentTimelineEntry',
    });
    expect(can('PATCH /api/incident-clock-rules')).toEqual({
      action: 'update',
      subject: 'IncidentClockRules',
    });
    expect(can('GET /api/incident-clock-rules')).toEqual({ action: 'read', subject: 'IncidentClockRules' });
    expect(can('POST /api/incidents/:id/obligations/:obligationId/not-required')).toEqual({
      action: 'approve',
      subject: 'RegulatoryObligation',
    });
    expect(can('POST /api/classification-sessions')).toEqual({
      action: 'create',
      subject: 'ClassificationSession',
    });
    expect(can('POST /api/classification-sessions/:id/close')).toEqual({
      action: 'update',
      subject: 'ClassificationSession',
    });
  });
});

describe('anonymous callers', () => {
  it('get 401 with the error body on every private route', async () => {
    const privateRoutes = routes.filter((r) => !r.isPublic);
    expect(privateRoutes.length).toBeGreaterThan(20);
    for (const route of privateRoutes) {
      expectErrorBody(await send(route, fill(route.path)), 401, 'UNAUTHENTICATED', {
        what: label(route),
        correlated: true,
      });
      // A token that matches no session is no better.
      expectErrorBody(
        await send(route, fill(route.path), { authorization: 'Bearer not-a-session' }),
        401,
        undefined,
        { what: label(route), correlated: true },
      );
    }
  });

  it('reach the public routes', async () => {
    expect((await t.http.get('/api/health/live')).status).toBe(200);
    expect((await t.http.get('/api/health/ready')).status).toBe(200);
    const login = await t.http.post('/api/auth/login').send({ username: 'nobody', password: 'wrong' });
    expectErrorBody(login, 401, 'INVALID_CREDENTIALS', { correlated: true });
  });
});

describe('a medarbetare (emma.rahimi)', () => {
  let emma: { authorization: string };
  let ability: AppAbility;
  const foreignId: Record<string, string> = {};

  beforeAll(async () => {
    emma = await t.login('emma.rahimi');
    const cecilia = await t.login('cecilia.lund');
    // What the web app gets: her packed rules.
    const res = await t.http.get('/api/me/permissions').set('authorization', emma.authorization);
    expect(res.status).toBe(200);
    ability = abilityFromRules(unpackRules<AppRawRule>(res.body.rules));
    // Real records out of her reach, per resource.
    foreignId['/api/users'] = await t.personId('viktor.berglof');
    const [ra] = await t.dataSource.query(`SELECT id FROM role_assignment WHERE person_id = $1 LIMIT 1`, [
      await t.personId('cecilia.lund'),
    ]);
    foreignId['/api/role-assignments'] = ra.id;
    const ceciliaSessions = await t.http.get('/api/me/sessions').set('authorization', cecilia.authorization);
    foreignId['/api/me/sessions'] = ceciliaSessions.body.items[0].id;
    // A set and an asset of other units, owned by others.
    const [set] = await t.dataSource.query(`SELECT id FROM information_set WHERE code = 'IM-01'`);
    foreignId['/api/information-sets'] = set.id;
    const [asset] = await t.dataSource.query(`SELECT id FROM asset WHERE code = 'AS-01'`);
    foreignId['/api/assets'] = asset.id;
    // A klassningstillfälle of IFF she neither leads nor attends.
    const [session] = await t.dataSource.query(
      `SELECT id FROM classification_session WHERE code LIKE 'KT-%-002'`,
    );
    foreignId['/api/classification-sessions'] = session.id;
  });

  /** A body that passes validation, so the answer is about access rather than input. */
  const wellFormedBody = (route: Route) => {
    if (label(route) === 'POST /api/me/password')
      return { currentPassword: 'fel-lösenord', newPassword: 'Ett-långt-lösenord-2026' };
    if (label(route) === 'PUT /api/users/:id/password') return { password: 'Ett-långt-lösenord-2026' };
    return REGISTER_BODIES[label(route)];
  };

  /** The registers' writes on a record (ownership gives every account `update` as a type). */
  const REGISTER_BODIES: Record<string, object> = {
    'PATCH /api/information-sets/:id': { version: 1 },
    'POST /api/information-sets/:id/activate': { version: 1 },
    'POST /api/information-sets/:id/retire': { version: 1 },
    'PATCH /api/assets/:id': { version: 1 },
    'POST /api/assets/:id/transition': { version: 1, to: 'ACTIVE' },
    'POST /api/assets/:id/information-sets': { informationSetId: randomUUID(), role: 'STORES' },
    'POST /api/assets/:id/dependencies': { supportingAssetId: randomUUID() },
    // Classification: every account may decide, raise and assess what it owns.
    'POST /api/classifications/:id/return': { returnComment: 'Komplettera' },
    'POST /api/classifications/:id/cancel': { reason: 'Dubblett' },
    'POST /api/assets/:id/overrides': {
      aspect: 'K',
      level: 3,
      direction: 'RAISE',
      reasonType: 'AGGREGATION',
      reason: 'Aggregering',
    },
    'POST /api/assets/:id/overrides/:overrideId/reject': { reason: 'Nej' },
  };

  const idFor = (path: string) =>
    Object.entries(foreignId).find(([prefix]) => path.startsWith(`${prefix}/`))?.[1] ?? randomUUID();

  it('is refused with 403 wherever her ability lacks the declared permission', async () => {
    const lacking = routes.filter((r) => r.can && !ability.can(r.can.action, r.can.subject));
    expect(lacking.map(label)).toEqual(
      expect.arrayContaining([
        'POST /api/org-units',
        'GET /api/users',
        'POST /api/role-assignments',
        'GET /api/admin/history/verify',
      ]),
    );
    for (const route of lacking) {
      const req = send(route, fill(route.path, idFor(route.path)), emma);
      const res = route.hasBody ? await req.send({}) : await req;
      expectErrorBody(res, 403, 'PERMISSION_DENIED', { what: label(route), correlated: true });
    }
  });

  it('gets past the guard where she has it, and 403/404 on records of others', async () => {
    const allowed = routes.filter(
      (r) => r.can && ability.can(r.can.action, r.can.subject) && label(r) !== 'POST /api/auth/logout',
    );
    expect(allowed.map(label)).toEqual(expect.arrayContaining(['GET /api/org-units', 'GET /api/me']));
    for (const route of allowed) {
      const body = wellFormedBody(route);
      const req = send(route, fill(route.path, idFor(route.path)), emma);
      const res = body ? await req.send(body) : await req;
      const said = `${label(route)} → ${res.status} ${JSON.stringify(res.body)}`;
      if (route.path.includes(':id')) {
        // Someone else's record: out of reach (404), or refused outright for lack of the right (403).
        expect([403, 404], said).toContain(res.status);
        expectErrorBody(res, res.status, undefined, { correlated: true });
      } else {
        expect([401, 403, 500], said).not.toContain(res.status);
      }
    }
  });

  it('left the records of others untouched', async () => {
    const viktor = await t.login('viktor.berglof');
    expect((await t.http.get('/api/me').set('authorization', viktor.authorization)).status).toBe(200);
    const [session] = await t.dataSource.query(`SELECT revoked_at FROM session WHERE id = $1`, [
      foreignId['/api/me/sessions'],
    ]);
    expect(session.revoked_at).toBeNull();
    const [ra] = await t.dataSource.query(`SELECT version FROM role_assignment WHERE id = $1`, [
      foreignId['/api/role-assignments'],
    ]);
    expect(ra.version).toBe(1);
  });

  it('signs out, and her token is then refused', async () => {
    expect((await t.http.post('/api/auth/logout').set('authorization', emma.authorization)).status).toBe(204);
    expectErrorBody(await t.http.get('/api/me').set('authorization', emma.authorization), 401, undefined, {
      correlated: true,
    });
  });
});

describe('bad bodies, as the ADMIN (viktor.berglof) or, where the ADMIN has no right, the CISO', () => {
  let viktor: { authorization: string };
  let writes: Route[];
  /** The one of the two whose ability passes the route's guard (so the body is what is judged). */
  let signedFor: (route: Route) => { authorization: string };

  beforeAll(async () => {
    viktor = await t.login('viktor.berglof');
    const cecilia = await t.login('cecilia.lund');
    const abilityOf = async (auth: { authorization: string }) => {
      const res = await t.http.get('/api/me/permissions').set('authorization', auth.authorization);
      return abilityFromRules(unpackRules<AppRawRule>(res.body.rules));
    };
    const [admin, ciso] = [await abilityOf(viktor), await abilityOf(cecilia)];
    signedFor = (route) =>
      !route.can || admin.can(route.can.action, route.can.subject)
        ? viktor
        : ciso.can(route.can.action, route.can.subject)
          ? cecilia
          : viktor;
    writes = routes.filter((r) => ['POST', 'PUT', 'PATCH'].includes(r.method));
  });

  const post = (route: Route) =>
    send(route, fill(route.path), { ...signedFor(route), 'content-type': 'application/json' });

  it('covers every write route', () => {
    expect(writes.length).toBeGreaterThanOrEqual(10);
    // Every write except sign-out, the (multipart) attachment upload and marking notifications read
    // reads a body DTO; the spreadsheet imports read a multipart file (their JSON bodies are refused in
    // test/e2e/register-import.spec.ts).
    const imports = ['POST /api/assets/import', 'POST /api/information-sets/import'];
    expect(routes.map(label)).toEqual(expect.arrayContaining(imports));
    expect(writes.filter((r) => !r.hasBody && !imports.includes(label(r))).map(label)).toEqual([
      'POST /api/auth/logout',
      'POST /api/incidents/:id/attachments',
      'POST /api/notifications/:id/read',
      'POST /api/notifications/read-all',
    ]);
  });

  it('an unknown field is refused with 400, naming the field', async () => {
    for (const route of writes.filter((r) => r.hasBody)) {
      const res = await post(route).send(JSON.stringify({ unknownField: 1 }));
      expectErrorBody(res, 400, 'VALIDATION_FAILED', { what: label(route), correlated: true });
      expect(
        (res.body.details as { field: string }[]).map((d) => d.field),
        label(route),
      ).toContain('unknownField');
    }
  });

  it('malformed JSON is 400 MALFORMED_JSON on every write route', async () => {
    for (const route of writes) {
      for (const raw of ['{"name":', '{name: 1}', "{'a': 1}", '{"a": 1}}', '\u0000']) {
        expectErrorBody(await post(route).send(raw), 400, 'MALFORMED_JSON', {
          what: `${label(route)} ${raw}`,
          correlated: true,
        });
      }
    }
  });

  it('JSON that is not an object (array, string, number, null) is a 4xx, never a 500', async () => {
    for (const route of writes.filter((r) => r.hasBody)) {
      for (const raw of ['[]', '[{"unknownField":1}]', '"text"', '42', 'null', 'true', '{}']) {
        const res = await post(route).send(raw);
        expect(
          res.status,
          `${label(route)} ${raw} → ${res.status} ${JSON.stringify(res.body)}`,
        ).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
        expect(Object.keys(res.body as object).sort()).toEqual(ERROR_KEYS);
      }
    }
  });

  it('an empty body is a 400 with the fields that are missing', async () => {
    const res = await post(routes.find((r) => label(r) === 'POST /api/org-units') as Route);
    expectErrorBody(res, 400, 'VALIDATION_FAILED', { correlated: true });
    expect((res.body.details as { field: string }[]).map((d) => d.field)).toEqual(
      expect.arrayContaining(['code', 'name', 'type', 'parentId']),
    );
  });

  it('is still signed in afterwards (nothing above reached a handler)', async () => {
    expect((await t.http.get('/api/me').set('authorization', viktor.authorization)).status).toBe(200);
  });
});
