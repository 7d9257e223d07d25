import * as ExcelJS from 'exceljs';
import type { Response } from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app';
import { expectErrorBody } from '../support/expect';

let t: TestApp;

/** A CSV file as Swedish Excel saves "CSV UTF-8". */
const csv = (...lines: string[]) => Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');

// Rows of both registers in demo units, owned by demo people (codes X…: apart from the demo's own).
const SETS = csv(
  'Kod;Namn;Enhet;Informationsägare;Status;Beskrivning;Personuppgifter;Personuppgiftskategorier;Sekretessbestämmelser;Särskild hantering',
  'XIM-01;Barnavårdsutredningar (test);IFF-UTR;petter.akesson;Aktiv;Utredningar enligt SoL;Ja;"Hälsa; Personnummer";26 kap. 1 § OSL;',
  'XIM-02;Personalakter (test);KLF-HR;per.dahlgren;Aktiv;;Ja;;39 kap. OSL;',
  'XIM-03;Säkerhetsskydd (test);KLF-SAK;per.dahlgren;Aktiv;;;;;Ja',
  'XIM-04;Elevhälsa (test);GSF-EHT;elsa.kronberg;Utkast;;;;;',
  'XIM-05;Hyresgäster (test);EBH;;Utkast;;;;;',
  'XIM-06;Orosanmälningar (test);IFF-MOT;;Aktiv;=HYPERLINK("http://example.invalid");;;;',
);
const ASSETS = csv(
  'Kod;Namn;Typ;Undertyp;Enhet;Tillgångsägare;Systemförvaltare;Status;Drift;Kritikalitet;RTO (timmar);Informationsmängder',
  'XAS-01;Verksamhetssystem (test);IT_SYSTEM;;IFF;helena.strand;daniel.nyberg;I drift;Kommunens datacenter;Hög;24;"XIM-01 (Lagrar); XIM-06"',
  'XAS-02;Backup (test);It-komponent;Säkerhetskopiering;SK-DRIFT;maja.fredriksson;;Planerad;MUNICIPAL_DATACENTRE;;;',
  'XAS-03;Process (test);Process;;IFF-FOR;lena.holmgren;;;;;;XIM-01',
);

beforeAll(async () => {
  t = await startTestApp();
  for (const [register, file] of [
    ['information-sets', SETS],
    ['assets', ASSETS],
  ] as const) {
    const res = await t
      .as('cecilia.lund')
      .post(`/api/${register}/import`)
      .attach('file', file, 'fixture.csv');
    if (res.status !== 201) throw new Error(`fixture ${register}: ${res.status} ${JSON.stringify(res.body)}`);
  }
});
afterAll(() => t?.close());

/** The response body as bytes (supertest would decode CSV as text and drop the BOM). */
const binary = (req: ReturnType<ReturnType<TestApp['as']>['get']>) =>
  req.buffer(true).parse((response, done) => {
    const chunks: Buffer[] = [];
    response.on('data', (c: Buffer) => chunks.push(c));
    response.on('end', () => done(null, Buffer.concat(chunks)));
  });

const exportAs = (
  user: string,
  register: 'information-sets' | 'assets',
  query: Record<string, string> = {},
) => binary(t.as(user).get(`/api/${register}/export`, { format: 'csv', ...query }));

/** The CSV's lines without the BOM; the first is the header. */
const lines = (res: Response) =>
  (res.body as Buffer).subarray(3).toString('utf8').split('\r\n').filter(Boolean);
const codes = (res: Response) =>
  lines(res)
    .slice(1)
    .map((l) => l.split(';')[0]);

const XIM = { q: 'XIM-' };
const XAS = { q: 'XAS-' };

describe('GET /api/information-sets/export', () => {
  it('XLSX by default: a download named by the Stockholm date, bold frozen header, Swedish headers and labels', async () => {
    const res = await binary(t.as('cecilia.lund').get('/api/information-sets/export', XIM));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="informationsmangder-2026-11-16.xlsx"',
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as ExcelJS.Buffer);
    const sheet = wb.worksheets[0];
    expect(sheet.name).toBe('Informationsmängder');
    expect(sheet.getRow(1).values).toEqual(
      expect.arrayContaining([
        'Kod',
        'Namn',
        'Enhet',
        'Informationsägare',
        'Status',
        'Personuppgiftskategorier',
      ]),
    );
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getColumn(2).width).toBe(50);
    expect(sheet.getRow(2).values).toEqual(
      expect.arrayContaining(['XIM-01', 'IFF-UTR', 'petter.akesson', 'Aktiv', 'Hälsa; Personnummer', 'Ja']),
    );
    // XLSX text is never a formula.
    expect(sheet.getCell('F7').value).toBe('=HYPERLINK("http://example.invalid")');
  });

  it('CSV: UTF-8 with BOM, `;`, owner as username, unit as code; a formula-like text is quoted', async () => {
    const res = await exportAs('cecilia.lund', 'information-sets', XIM);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="informationsmangder-2026-11-16.csv"',
    );
    expect([...(res.body as Buffer).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = lines(res);
    expect(header).toBe(
      'Kod;Namn;Enhet;Informationsägare;Status;Beskrivning;Klassificeringskod;Personuppgifter;' +
        'Personuppgiftskategorier;Känsliga personuppgifter (art. 9);Lagöverträdelser (art. 10);Rör barn;' +
        'Skyddade personuppgifter;Sekretessbestämmelser;Rättslig grund;Särskild hantering;Gallring',
    );
    expect(rows[0]).toBe(
      'XIM-01;Barnavårdsutredningar (test);IFF-UTR;petter.akesson;Aktiv;Utredningar enligt SoL;;Ja;' +
        '"Hälsa; Personnummer";Nej;Nej;Nej;Nej;26 kap. 1 § OSL;;Nej;',
    );
    expect(rows[5]).toBe(
      `XIM-06;Orosanmälningar (test);IFF-MOT;;Aktiv;"'=HYPERLINK(""http://example.invalid"")";;Nej;;Nej;Nej;Nej;Nej;;;Nej;`,
    );
  });

  it('a special-handling set shows only code, name, unit, owner, status and the flag (BR-A6)', async () => {
    const rows = lines(await exportAs('cecilia.lund', 'information-sets', XIM));
    expect(rows.find((l) => l.startsWith('XIM-03;'))).toBe(
      'XIM-03;Säkerhetsskydd (test);KLF-SAK;per.dahlgren;Aktiv;;;;;;;;;;;Ja;',
    );
  });

  it('takes the list’s filters: unit subtree, status, owner, text; without filters the rows of the list', async () => {
    const iff = await t.unitId('IFF');
    expect(codes(await exportAs('cecilia.lund', 'information-sets', { ...XIM, orgUnitId: iff }))).toEqual([
      'XIM-01',
      'XIM-06',
    ]);
    expect(codes(await exportAs('cecilia.lund', 'information-sets', { ...XIM, status: 'DRAFT' }))).toEqual([
      'XIM-04',
      'XIM-05',
    ]);
    const per = await t.personId('per.dahlgren');
    expect(codes(await exportAs('cecilia.lund', 'information-sets', { ownerId: per, q: 'XIM' }))).toEqual([
      'XIM-02',
      'XIM-03',
    ]);
    const list = await t.as('cecilia.lund').get('/api/information-sets', { limit: 500 });
    expect(list.status).toBe(200);
    expect(codes(await exportAs('cecilia.lund', 'information-sets'))).toEqual(
      list.body.items.map((i: { code: string }) => i.code),
    );
  });

  it.each([
    ['cecilia.lund', 'CISO: the whole tenant', ['XIM-01', 'XIM-02', 'XIM-03', 'XIM-04', 'XIM-05', 'XIM-06']],
    [
      'tove.granath',
      'AUDITOR: the whole tenant (RE T)',
      ['XIM-01', 'XIM-02', 'XIM-03', 'XIM-04', 'XIM-05', 'XIM-06'],
    ],
    ['nora.falk', 'COORDINATOR of IFF and ALF: her subtrees', ['XIM-01', 'XIM-06']],
    ['amir.haddad', 'COORDINATOR of KLF and SK: his subtrees', ['XIM-02', 'XIM-03']],
    ['helena.strand', 'HEAD of IFF: her subtree', ['XIM-01', 'XIM-06']],
    ['petter.akesson', 'MANAGER: only the sets he owns (E O), not all he reads', ['XIM-01']],
    ['emma.rahimi', 'EMPLOYEE: no export right (her name view is not exported)', []],
    ['daniel.nyberg', 'EMPLOYEE who manages systems carrying sets: no export right', []],
    ['gunnar.alm', 'ELECTED: aggregated figures only', []],
    ['karin.vestberg', 'DPO: reads, does not export', []],
    ['rasmus.ohman', 'SECURITY_PROTECTION_OFFICER: reads special-handling sets, does not export', []],
    ['viktor.berglof', 'ADMIN: no business content (D-02)', []],
  ])('%s (%s)', async (user, _why, expected) => {
    const res = await exportAs(user, 'information-sets', XIM);
    expect(res.status).toBe(200);
    expect(codes(res)).toEqual(expected);
  });

  it('the rows a role reads but may not export stay out (MANAGER and EMPLOYEE read more than they export)', async () => {
    const listed = async (user: string) =>
      (await t.as(user).get('/api/information-sets', XIM)).body.items.map((i: { code: string }) => i.code);
    expect(await listed('petter.akesson')).toEqual(['XIM-01', 'XIM-06']);
    expect(await listed('emma.rahimi')).toEqual(['XIM-01']);
  });

  it('refuses an unknown format or filter (400) and anonymous callers (401)', async () => {
    expectErrorBody(
      await t.as('cecilia.lund').get('/api/information-sets/export', { format: 'pdf' }),
      400,
      'VALIDATION_FAILED',
    );
    expectErrorBody(
      await t.as('cecilia.lund').get('/api/information-sets/export', { limit: 5 }),
      400,
      'VALIDATION_FAILED',
    );
    expectErrorBody(await t.http.get('/api/information-sets/export'), 401, 'UNAUTHENTICATED');
  });
});

describe('GET /api/assets/export', () => {
  it('CSV with Swedish labels, people by username, units by code, linked sets with roles', async () => {
    const res = await exportAs('cecilia.lund', 'assets', XAS);
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toBe('attachment; filename="tillgangar-2026-11-16.csv"');
    const [header, ...rows] = lines(res);
    expect(header).toBe(
      'Kod;Namn;Typ;Undertyp;Enhet;Tillgångsägare;Systemförvaltare;Status;Beskrivning;Driftande enhet;Leverantör;' +
        'Drift;Behandling i tredjeland;Krav på flerfaktorsinloggning;Exponerad mot internet;Kritikalitet;' +
        'RTO (timmar);RPO (timmar);Informationsmängder',
    );
    expect(rows).toEqual([
      'XAS-01;Verksamhetssystem (test);Verksamhetssystem/it-system;;IFF;helena.strand;daniel.nyberg;I drift;;;;' +
        'Kommunens datacenter;Nej;Nej;Nej;Hög;24;;"XIM-01 (Lagrar); XIM-06 (Behandlar)"',
      'XAS-02;Backup (test);It-komponent;Säkerhetskopiering;SK-DRIFT;maja.fredriksson;;Planerad;;;;' +
        'Kommunens datacenter;Nej;Nej;Nej;Normal;;;',
      'XAS-03;Process (test);Process;;IFF-FOR;lena.holmgren;;Planerad;;;;;Nej;Nej;Nej;Normal;;;XIM-01 (Används i)',
    ]);
  });

  it.each([
    ['cecilia.lund', 'CISO', ['XAS-01', 'XAS-02', 'XAS-03']],
    ['tove.granath', 'AUDITOR', ['XAS-01', 'XAS-02', 'XAS-03']],
    ['nora.falk', 'COORDINATOR of IFF, ALF', ['XAS-01', 'XAS-03']],
    ['amir.haddad', 'COORDINATOR of KLF, SK', ['XAS-02']],
    ['helena.strand', 'HEAD of IFF and owner of XAS-01', ['XAS-01', 'XAS-03']],
    ['lena.holmgren', 'MANAGER, asset owner of XAS-03 (E O)', ['XAS-03']],
    ['daniel.nyberg', 'EMPLOYEE, system manager of XAS-01 (R O, no E)', []],
    ['petter.akesson', 'information owner of a carried set (R O, no E)', []],
    ['emma.rahimi', 'EMPLOYEE', []],
    ['ingrid.wall', 'ELECTED', []],
  ])('%s (%s)', async (user, _why, expected) => {
    const res = await exportAs(user, 'assets', XAS);
    expect(res.status).toBe(200);
    expect(codes(res)).toEqual(expected);
  });

  it('XLSX: the sheet Tillgångar, RTO as a number', async () => {
    const res = await binary(t.as('tove.granath').get('/api/assets/export', { ...XAS, format: 'xlsx' }));
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as ExcelJS.Buffer);
    const sheet = wb.getWorksheet('Tillgångar')!;
    expect(sheet.getCell('A2').value).toBe('XAS-01');
    expect(sheet.getCell('Q2').value).toBe(24);
    expect(sheet.actualRowCount).toBe(4);
  });
});
