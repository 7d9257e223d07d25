import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app';
import { expectErrorBody } from '../support/expect';
import { demoNumber, incidentAs, incidentCounts, incidentId, report, timelineAs } from '../support/incidents';

/**
 * Secrecy markings of incident fields (BR-D8, §5.2): who may mark and unmark, the masking in every
 * read path (incident, list, timeline) for the auditor's view, the unmasked handler and reporter
 * views, and the incident register export (XLSX, CSV) redacted for everyone and logged.
 */

let t: TestApp;
let id: string;
const PROVISION = '26 kap. 1 § OSL';
const MASK = `[Sekretess enligt ${PROVISION}]`;
const TITLE = 'Utredning till fel vårdnadshavare';
const DESCRIPTION = 'Utredningen om barnet Kalle skickades till fel vårdnadshavare.';

const mark = (user: string, incidentId: string, body: Record<string, unknown>) =>
  t.as(user).post(`/api/incidents/${incidentId}/secrecy-markings`, body);
/** The markings of the incident reported here (the demo's INC-01 carries one of its own). */
const markingRows = async () =>
  (
    await t.dataSource.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM incident_secrecy_marking WHERE incident_id = $1',
      [id],
    )
  )[0].n;

/** A binary response body (supertest buffers unknown types only when asked). */
function binary(res: { body: unknown }): Buffer {
  return res.body as Buffer;
}
const exportAs = (user: string, query: Record<string, unknown> = {}) =>
  t
    .as(user)
    .get('/api/incidents/export', query)
    .buffer(true)
    .parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });

async function sheetRows(body: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet('Incidentregister');
  if (!sheet) throw new Error('no sheet Incidentregister');
  const rows: string[][] = [];
  sheet.eachRow((row) => {
    const values = row.values as unknown[];
    rows.push(
      values
        .slice(1)
        .map((v) =>
          typeof v === 'string' || typeof v === 'number' ? String(v) : v == null ? '' : JSON.stringify(v),
        ),
    );
  });
  return rows;
}

beforeAll(async () => {
  t = await startTestApp();
  const reported = await report(t, 'emma.rahimi', {
    title: TITLE,
    description: DESCRIPTION,
    personalDataInvolved: 'YES',
  });
  id = reported.id;
  const triaged = await t.as('nora.falk').post(`/api/incidents/${id}/triage`, {
    version: 1,
    type: 'PERSONAL_DATA_BREACH',
    subtype: 'WRONG_RECIPIENT',
    severity: 'HIGH',
  });
  expect(triaged.status, JSON.stringify(triaged.body)).toBe(200);
  const updated = await t.as('nora.falk').patch(`/api/incidents/${id}`, {
    version: triaged.body.version,
    rootCause: 'Fel adress i verksamhetssystemet',
    dataSubjectsApprox: 2,
    recordsApprox: 1,
    dataCategories: ['HEALTH', 'OSL_SECRET'],
  });
  expect(updated.status, JSON.stringify(updated.body)).toBe(200);
});
afterAll(() => t?.close());

describe('marking fields as secret', () => {
  it('refuses those without update right (403) and those outside the scope (404), writing nothing', async () => {
    const before = await incidentCounts(t);
    const body = { fieldPaths: ['description'], provision: PROVISION, reason: 'Uppgifter om enskild' };
    for (const user of ['emma.rahimi', 'tove.granath', 'hugo.palm', 'gunnar.alm', 'viktor.berglof']) {
      expectErrorBody(await mark(user, id, body), 403);
    }
    for (const user of ['amir.haddad', 'jonas.berg', 'maria.ek', 'lena.holmgren']) {
      expectErrorBody(await mark(user, id, body), 404, 'INCIDENT_NOT_FOUND');
    }
    expect(await incidentCounts(t)).toEqual(before);
    expect(await markingRows()).toBe(0);
  });

  it('refuses a blanket or malformed marking with 400 and writes nothing', async () => {
    const before = await incidentCounts(t);
    const ok = { fieldPaths: ['description'], provision: PROVISION, reason: 'Uppgifter om enskild' };
    expectErrorBody(
      await mark('nora.falk', id, { ...ok, provision: 'sekretess' }),
      400,
      'SECRECY_PROVISION_INVALID',
    );
    expectErrorBody(
      await mark('nora.falk', id, { ...ok, provision: '26 kap 1 §' }),
      400,
      'SECRECY_PROVISION_INVALID',
    );
    expectErrorBody(await mark('nora.falk', id, { ...ok, reason: '   ' }), 400, 'INCIDENT_REASON_REQUIRED');
    expectErrorBody(
      await mark('nora.falk', id, { fieldPaths: ['description'], provision: PROVISION }),
      400,
      'VALIDATION_FAILED',
    );
    expectErrorBody(await mark('nora.falk', id, { ...ok, fieldPaths: [] }), 400, 'VALIDATION_FAILED');
    expectErrorBody(
      await mark('nora.falk', id, { ...ok, fieldPaths: ['severity'] }),
      400,
      'VALIDATION_FAILED',
    );
    expectErrorBody(
      await mark('nora.falk', id, { ...ok, fieldPaths: 'description' }),
      400,
      'VALIDATION_FAILED',
    );
    expectErrorBody(await mark('nora.falk', id, { ...ok, extra: 1 }), 400, 'VALIDATION_FAILED');
    expect(await incidentCounts(t)).toEqual(before);
    expect(await markingRows()).toBe(0);
  });

  it('marks description and data-subject fields for the coordinator, with timeline and history', async () => {
    const res = await mark('nora.falk', id, {
      fieldPaths: ['description', 'dataSubjectsApprox', 'dataCategories', 'description'],
      provision: ' 26  kap. 1 § OSL',
      reason: 'Uppgifter om enskilds personliga förhållanden inom socialtjänsten',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      fieldPaths: ['description', 'dataSubjectsApprox', 'dataCategories'],
      provision: PROVISION,
      markedById: await t.personId('nora.falk'),
      markedAt: '2026-11-16T09:00:00.000Z',
    });
    const timeline = await timelineAs(t, 'nora.falk', id);
    expect(timeline.at(-1)).toMatchObject({
      kind: 'SECRECY_MARKED',
      text: 'Uppgifter om enskilds personliga förhållanden inom socialtjänsten',
      data: { markingId: res.body.id, provision: PROVISION },
    });
    const history = await t.dataSource.query<{ action: string; reason: string }[]>(
      `SELECT action, reason FROM history_entry WHERE entity_type = 'Incident' AND entity_id = $1 ORDER BY seq DESC LIMIT 1`,
      [id],
    );
    expect(history[0]).toEqual({
      action: 'mark-secrecy',
      reason: 'Uppgifter om enskilds personliga förhållanden inom socialtjänsten',
    });
    // The same fields under the same provision again: 409.
    expectErrorBody(
      await mark('cecilia.lund', id, { fieldPaths: ['description'], provision: PROVISION, reason: 'Igen' }),
      409,
      'SECRECY_MARKING_EXISTS',
    );
  });

  it('the head and the DPO with update in scope may mark too; a second provision adds to the mask', async () => {
    const res = await mark('karin.vestberg', id, {
      fieldPaths: ['rootCause'],
      provision: '18 kap. 8 § OSL',
      reason: 'Säkerhetsåtgärder i verksamhetssystemet',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const head = await mark('helena.strand', id, {
      fieldPaths: ['rootCause'],
      provision: PROVISION,
      reason: 'Uppgifter om enskild',
    });
    expect(head.status, JSON.stringify(head.body)).toBe(201);
  });
});

describe('masking in every read path', () => {
  it('masks the marked fields in the auditor’s incident view, with the reporter masked too', async () => {
    const view = await incidentAs(t, 'tove.granath', id);
    expect(view).toMatchObject({
      view: 'AUDITOR',
      description: MASK,
      dataSubjectsApprox: null,
      dataCategories: null,
      recordsApprox: 1,
      rootCause: '[Sekretess enligt 18 kap. 8 § OSL, 26 kap. 1 § OSL]',
      reporterId: null,
      reporterMasked: true,
    });
    expect(view.title).toBe(TITLE);
    expect(view.redactions.map((r: { field: string }) => r.field)).toEqual([
      'description',
      'rootCause',
      'dataSubjectsApprox',
      'dataCategories',
    ]);
    expect(JSON.stringify(view)).not.toContain('Kalle');
    expect(JSON.stringify(view)).not.toContain('Fel adress');
  });

  it('masks them in the auditor’s list and timeline (the first entry holds the reporter’s words)', async () => {
    const list = await t.as('hugo.palm').get('/api/incidents', { limit: 500 });
    expect(list.status).toBe(200);
    const row = list.body.items.find((i: { id: string }) => i.id === id);
    expect(row).toMatchObject({ description: MASK, dataCategories: null });
    expect(JSON.stringify(list.body)).not.toContain('Kalle');
    const timeline = await timelineAs(t, 'tove.granath', id);
    expect(timeline[0]).toMatchObject({ kind: 'CREATED', text: MASK, actorId: null });
    expect(JSON.stringify(timeline)).not.toContain('Kalle');
  });

  it('shows the handlers everything, with the markings listed', async () => {
    for (const user of ['nora.falk', 'cecilia.lund', 'karin.vestberg', 'helena.strand', 'petter.akesson']) {
      const view = await incidentAs(t, user, id);
      expect(view, user).toMatchObject({
        view: 'HANDLER',
        description: DESCRIPTION,
        dataSubjectsApprox: 2,
        dataCategories: ['HEALTH', 'OSL_SECRET'],
        rootCause: 'Fel adress i verksamhetssystemet',
        reporterId: await t.personId('emma.rahimi'),
        redactions: [],
      });
      expect(view.secrecyMarkings, user).toHaveLength(3);
    }
    const timeline = await timelineAs(t, 'nora.falk', id);
    expect(timeline[0]).toMatchObject({ kind: 'CREATED', text: DESCRIPTION });
  });

  it('shows the reporter their own words unmasked (and nothing of the investigation)', async () => {
    const view = await incidentAs(t, 'emma.rahimi', id);
    expect(view).toMatchObject({ view: 'REPORTER', description: DESCRIPTION });
    expect(view).not.toHaveProperty('rootCause');
    expect(view).not.toHaveProperty('secrecyMarkings');
  });
});

describe('the incident register export', () => {
  it('is for the CISO, the coordinator and the auditor; others are refused (403)', async () => {
    for (const user of [
      'helena.strand',
      'petter.akesson',
      'karin.vestberg',
      'emma.rahimi',
      'gunnar.alm',
      'viktor.berglof',
    ]) {
      expectErrorBody(await t.as(user).get('/api/incidents/export'), 403);
    }
    expectErrorBody(
      await t.as('cecilia.lund').get('/api/incidents/export', { format: 'pdf' }),
      400,
      'VALIDATION_FAILED',
    );
    expectErrorBody(
      await t.as('cecilia.lund').get('/api/incidents/export', { limit: 5 }),
      400,
      'VALIDATION_FAILED',
    );
  });

  it('exports XLSX with the marked fields redacted even for the CISO, and logs the export', async () => {
    const before = (
      await t.dataSource.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM history_entry WHERE entity_type = 'IncidentRegisterExport'`,
      )
    )[0].n;
    const res = await exportAs('cecilia.lund');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain('incidentregister.xlsx');
    const rows = await sheetRows(binary(res));
    const header = rows[0];
    expect(header.slice(0, 3)).toEqual(['Nummer', 'Typ', 'Undertyp']);
    // The 15 demo incidents and the one reported here.
    expect(rows).toHaveLength(1 + 16);
    const number = (await incidentAs(t, 'cecilia.lund', id)).number as string;
    const row = rows.find((r) => r[0] === number) as string[];
    const cell = (name: string) => row[header.indexOf(name)];
    expect(cell('Beskrivning')).toBe(MASK);
    expect(cell('Antal registrerade')).toBe(MASK);
    expect(cell('Kategorier av personuppgifter')).toBe(MASK);
    expect(cell('Antal poster')).toBe('1');
    expect(cell('Typ')).toBe('Personuppgiftsincident');
    expect(cell('Rapporterad')).toBe('2026-11-16 10:00');
    expect(JSON.stringify(rows)).not.toContain('Kalle');
    expect(header).not.toContain('Rapportör');
    const [entry] = await t.dataSource.query<
      { actor_id: string; after: { count: number; redactedIncidentIds: string[]; format: string } }[]
    >(
      `SELECT actor_id, after FROM history_entry WHERE entity_type = 'IncidentRegisterExport' ORDER BY seq DESC LIMIT 1`,
    );
    expect(entry.actor_id).toBe(await t.personId('cecilia.lund'));
    expect(entry.after).toMatchObject({ format: 'xlsx', count: 16 });
    // The one marked here and the demo's INC-01 (§6.6: description marked 26 kap. 1 § OSL).
    expect(entry.after.redactedIncidentIds.sort()).toEqual([id, await incidentId(t, demoNumber(1))].sort());
    expect(
      (
        await t.dataSource.query<{ n: number }[]>(
          `SELECT count(*)::int AS n FROM history_entry WHERE entity_type = 'IncidentRegisterExport'`,
        )
      )[0].n,
    ).toBe(before + 1);
  });

  it('exports CSV (UTF-8 with BOM, semicolons) through the same filters and row rules as the list', async () => {
    const res = await exportAs('nora.falk', { format: 'csv', type: 'PERSONAL_DATA_BREACH' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const text = binary(res).toString('utf8');
    expect(text.startsWith('\uFEFFNummer;Typ;')).toBe(true);
    const lines = text.trim().split('\r\n').slice(1);
    const list = await t.as('nora.falk').get('/api/incidents', { type: 'PERSONAL_DATA_BREACH', limit: 500 });
    expect(lines.map((l) => l.split(';')[0]).sort()).toEqual(
      list.body.items.map((i: { number: string }) => i.number).sort(),
    );
    expect(text).toContain(MASK);
    expect(text).not.toContain('Kalle');
    // Another förvaltning's coordinator does not get IFF's incidents.
    const other = binary(await exportAs('amir.haddad', { format: 'csv' })).toString('utf8');
    expect(other).not.toContain(MASK);
    const amirList = await t.as('amir.haddad').get('/api/incidents', { limit: 500 });
    expect(other.trim().split('\r\n').length - 1).toBe(amirList.body.total);
  });

  it('exports for the auditor the same redacted register', async () => {
    const text = binary(await exportAs('tove.granath', { format: 'csv' })).toString('utf8');
    expect(text.trim().split('\r\n')).toHaveLength(1 + 16);
    expect(text).toContain(MASK);
  });
});

describe('unmarking', () => {
  it('refuses others (403/404) and an unknown marking (404)', async () => {
    const [marking] = (await incidentAs(t, 'nora.falk', id)).secrecyMarkings as { id: string }[];
    const path = `/api/incidents/${id}/secrecy-markings/${marking.id}`;
    expectErrorBody(await t.as('tove.granath').delete(path), 403);
    expectErrorBody(await t.as('emma.rahimi').delete(path), 403);
    expectErrorBody(await t.as('amir.haddad').delete(path), 404, 'INCIDENT_NOT_FOUND');
    expectErrorBody(
      await t.as('nora.falk').delete(`/api/incidents/${id}/secrecy-markings/${id}`),
      404,
      'SECRECY_MARKING_NOT_FOUND',
    );
    expectErrorBody(await t.as('nora.falk').delete(`/api/incidents/${id}/secrecy-markings/x`), 400);
  });

  it('removes a marking: the field shows again, with timeline and history', async () => {
    const markings = (await incidentAs(t, 'nora.falk', id)).secrecyMarkings as {
      id: string;
      provision: string;
    }[];
    for (const m of markings.filter((x) => x.provision === PROVISION)) {
      const res = await t.as('nora.falk').delete(`/api/incidents/${id}/secrecy-markings/${m.id}`);
      expect(res.status).toBe(204);
    }
    const view = await incidentAs(t, 'tove.granath', id);
    expect(view).toMatchObject({
      description: DESCRIPTION,
      dataSubjectsApprox: 2,
      rootCause: '[Sekretess enligt 18 kap. 8 § OSL]',
    });
    const timeline = await timelineAs(t, 'nora.falk', id);
    expect(timeline.at(-1)).toMatchObject({ kind: 'SECRECY_UNMARKED', data: { provision: PROVISION } });
    const actions = await t.dataSource.query<{ action: string }[]>(
      `SELECT action FROM history_entry WHERE entity_type = 'Incident' AND entity_id = $1 AND action LIKE '%secrecy' ORDER BY seq`,
      [id],
    );
    expect(actions.map((a) => a.action)).toEqual([
      'mark-secrecy',
      'mark-secrecy',
      'mark-secrecy',
      'unmark-secrecy',
      'unmark-secrecy',
    ]);
  });
});

describe('the demo incident INC-01 (§6.6: description marked 26 kap. 1 § OSL)', () => {
  const DEMO_DESCRIPTION = 'Jag skickade en utredning om ett barn med e-post till fel vårdnadshavare.';

  it('carries one marking of the description, by the coordinator at triage', async () => {
    const inc01 = await incidentId(t, demoNumber(1));
    const view = await incidentAs(t, 'cecilia.lund', inc01);
    expect(view.secrecyMarkings).toEqual([
      expect.objectContaining({
        fieldPaths: ['description'],
        provision: PROVISION,
        markedById: await t.personId('nora.falk'),
      }),
    ]);
    const timeline = await timelineAs(t, 'cecilia.lund', inc01);
    expect(timeline.map((e) => e.kind).slice(0, 2)).toEqual(['CREATED', 'SECRECY_MARKED']);
  });

  it('the auditor (tove.granath) sees the description redacted, in the view, the list and the timeline', async () => {
    const inc01 = await incidentId(t, demoNumber(1));
    const view = await incidentAs(t, 'tove.granath', inc01);
    expect(view).toMatchObject({ view: 'AUDITOR', description: MASK, reporterMasked: true });
    expect(view.redactions).toEqual([{ field: 'description', provisions: [PROVISION], text: MASK }]);
    const list = await t.as('tove.granath').get('/api/incidents', { limit: 500 });
    expect(list.body.items.find((i: { id: string }) => i.id === inc01)).toMatchObject({ description: MASK });
    expect(JSON.stringify(list.body)).not.toContain(DEMO_DESCRIPTION);
    const timeline = await timelineAs(t, 'tove.granath', inc01);
    expect(timeline[0]).toMatchObject({ kind: 'CREATED', text: MASK });
    expect(JSON.stringify(timeline)).not.toContain(DEMO_DESCRIPTION);
  });

  it('the CISO (cecilia.lund) sees it, and the reporter her own words', async () => {
    const inc01 = await incidentId(t, demoNumber(1));
    const view = await incidentAs(t, 'cecilia.lund', inc01);
    expect(view).toMatchObject({ view: 'HANDLER', redactions: [] });
    expect(view.description).toContain(DEMO_DESCRIPTION);
    const timeline = await timelineAs(t, 'cecilia.lund', inc01);
    expect(timeline[0].text).toContain(DEMO_DESCRIPTION);
    const own = await incidentAs(t, 'emma.rahimi', inc01);
    expect(own).toMatchObject({ view: 'REPORTER' });
    expect(own.description).toContain(DEMO_DESCRIPTION);
  });
});
