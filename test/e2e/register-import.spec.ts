import * as ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app';
import { createOtherTenant } from '../support/other-tenant';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

const SET_HEADER =
  'Kod;Namn;Enhet;Informationsägare;Status;Beskrivning;Personuppgifter;Personuppgiftskategorier;' +
  'Känsliga personuppgifter (art. 9);Rör barn;Sekretessbestämmelser;Särskild hantering';
const ASSET_HEADER =
  'Kod;Namn;Typ;Undertyp;Enhet;Tillgångsägare;Systemförvaltare;Status;Drift;Kritikalitet;RTO (timmar);Informationsmängder';

/** A CSV file as Swedish Excel saves "CSV UTF-8": BOM, `;`, CRLF. */
const csv = (...lines: string[]) => Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');

const upload = (user: string, register: 'information-sets' | 'assets', file: Buffer, name = 'register.csv') =>
  t.as(user).post(`/api/${register}/import`).attach('file', file, name);

const count = async (table: string) =>
  Number((await t.dataSource.query<{ n: string }[]>(`SELECT count(*) AS n FROM ${table}`))[0].n);

const setRow = (code: string) =>
  t.dataSource
    .query<Record<string, unknown>[]>(
      `SELECT s.*, u.code AS unit_code, p.username AS owner FROM information_set s
         JOIN org_unit u ON u.id = s.org_unit_id LEFT JOIN person p ON p.id = s.information_owner_id
        WHERE s.code = $1`,
      [code],
    )
    .then((rows) => rows[0]);

describe('POST /api/information-sets/import', () => {
  it('the CISO imports an inventory (D-53: ACTIVE allowed): every row created, owners appointed, history written', async () => {
    const historyBefore = await count('history_entry');
    const res = await upload(
      'cecilia.lund',
      'information-sets',
      csv(
        SET_HEADER,
        'XIM-01;Barnavårdsutredningar (test);IFF-UTR;petter.akesson;Aktiv;Utredningar enligt SoL;Ja;"Hälsa; Personnummer";Ja;Ja;26 kap. 1 § OSL;Nej',
        'XIM-02;Personalakter (test);KLF-HR;Per.Dahlgren;aktiv;;ja;IDENTITY;;;39 kap. OSL;',
        '',
        'XIM-03;Säkerhetsskydd (test);KLF-SAK;per.dahlgren;ACTIVE;;;;;;;Ja',
        'XIM-04;Elevhälsa (test);GSF-EHT;elsa.kronberg;;;;;;;;',
      ),
    );
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ created: 4, codes: ['XIM-01', 'XIM-02', 'XIM-03', 'XIM-04'] });

    expect(await setRow('XIM-01')).toMatchObject({
      name: 'Barnavårdsutredningar (test)',
      unit_code: 'IFF-UTR',
      owner: 'petter.akesson',
      information_owner_appointed_by_id: await t.personId('cecilia.lund'),
      status: 'ACTIVE',
      description: 'Utredningar enligt SoL',
      contains_personal_data: true,
      personal_data_categories: ['HEALTH', 'PERSONAL_ID_NUMBER'],
      special_category_data: true,
      concerns_children: true,
      secrecy_provisions: ['26 kap. 1 § OSL'],
      special_handling: false,
      org_unit_path: (
        await t.dataSource.query<{ path: string[] }[]>(`SELECT path FROM org_unit WHERE code = 'IFF-UTR'`)
      )[0].path,
    });
    // Usernames in any case; status by code or label; an empty status is the register's default.
    expect(await setRow('XIM-02')).toMatchObject({ owner: 'per.dahlgren', status: 'ACTIVE' });
    expect(await setRow('XIM-03')).toMatchObject({ special_handling: true, description: null });
    expect(await setRow('XIM-04')).toMatchObject({ status: 'DRAFT', contains_personal_data: false });

    const history = await t.dataSource.query<{ action: string; entity_type: string }[]>(
      `SELECT h.action, h.entity_type FROM history_entry h JOIN information_set s ON s.id = h.entity_id
        WHERE s.code LIKE 'XIM-%' ORDER BY h.seq`,
    );
    expect(history).toEqual(Array(4).fill({ action: 'create', entity_type: 'InformationSet' }));
    expect((await count('history_entry')) - historyBefore).toBe(4);
  });

  it('reads XLSX as well (the first worksheet, typed cells)', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Informationsmängder');
    sheet.addRow(['Kod', 'Namn', 'Enhet', 'Personuppgifter']);
    sheet.addRow(['XIM-05', 'Hyresgästregister (test)', 'EBH', true]);
    const res = await upload(
      'cecilia.lund',
      'information-sets',
      Buffer.from(await wb.xlsx.writeBuffer()),
      'register.xlsx',
    );
    expect(res.status).toBe(201);
    expect(await setRow('XIM-05')).toMatchObject({
      unit_code: 'EBH',
      owner: null,
      contains_personal_data: true,
    });
  });

  it('a coordinator imports in her own subtree (no owners: she does not appoint them, BR-A2)', async () => {
    const res = await upload(
      'nora.falk',
      'information-sets',
      csv('Kod;Namn;Enhet', 'XIM-06;Orosanmälningar (test);IFF-MOT', 'XIM-07;Deltagarakter (test);ALF-ARB'),
    );
    expect(res.status).toBe(201);
    expect(res.body.codes).toEqual(['XIM-06', 'XIM-07']);
  });

  it('reports every problem with its Excel row and column, and writes nothing', async () => {
    const [sets, history] = [await count('information_set'), await count('history_entry')];
    const res = await upload(
      'nora.falk',
      'information-sets',
      csv(
        'Kod;Namn;Enhet;Informationsägare;Beskrivning;Särskild hantering;Personuppgifter;Skyddade personuppgifter',
        'XIM-10;Giltig rad;IFF-UTR;;;;;', // 2: valid, yet not written
        'XIM-11;Okänd enhet;NOPE;;;;;', // 3
        'XIM-12;Okänd ägare;IFF-UTR;ingen.alls;;;;', // 4
        'XIM-10;Dubblett i filen;IFF-UTR;;;;;', // 5
        'XIM-01;Finns redan;IFF-UTR;;;;;', // 6
        'XIM-13;Utanför behörighet;KLF-HR;;;;;', // 7
        'XIM-14;Särskild hantering med text;IFF;;Hemlig beskrivning;Ja;;', // 8
        'X IM 15;Ogiltig kod;IFF;;;;;', // 9
        'XIM-16;Samordnaren utser inte ägare;IFF;petter.akesson;;;;', // 10
        'XIM-17;Skyddad identitet utan personuppgifter;IFF;;;;Nej;Ja', // 11
      ),
    );
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('IMPORT_INVALID');
    expect(res.body.message).toBe('Importen innehåller 9 fel; inget har sparats.');
    expect(res.body.details).toEqual([
      { row: 3, column: 'Enhet', message: 'Enheten NOPE finns inte.' },
      { row: 4, column: 'Informationsägare', message: 'Det finns ingen användare ingen.alls.' },
      { row: 5, column: 'Kod', message: 'Koden XIM-10 finns redan på rad 2.' },
      { row: 6, column: 'Kod', message: 'Beteckningen XIM-01 används redan.' },
      { row: 7, column: 'Enhet', message: 'Du får inte registrera poster i enheten KLF-HR.' },
      {
        row: 8,
        column: 'Beskrivning',
        message:
          'En informationsmängd med särskild hantering har bara beteckning, namn, ägare och enhet (BR-A6).',
      },
      { row: 9, column: 'Kod', message: 'code: bokstäver, siffror och . _ / -' },
      {
        row: 10,
        column: 'Informationsägare',
        message: 'Ägare och systemförvaltare utses av verksamhetsansvarig för enheten eller av CISO (BR-A2).',
      },
      {
        row: 11,
        column: 'Skyddade personuppgifter',
        message:
          'Personuppgiftskategorier, känsliga uppgifter och skyddad identitet förutsätter att mängden innehåller personuppgifter.',
      },
    ]);
    expect(await count('information_set')).toBe(sets);
    expect(await count('history_entry')).toBe(history);
    expect(await setRow('XIM-10')).toBeUndefined();
  });

  it('places a refusal the register alone finds (the file itself is clean) and writes nothing', async () => {
    const res = await upload(
      'nora.falk',
      'information-sets',
      csv(
        'Kod;Namn;Enhet;Informationsägare',
        'XIM-40;Giltig;IFF;',
        'XIM-41;Samordnaren utser inte ägare;IFF;petter.akesson',
        'XIM-42;Giltig;IFF-FAM;',
      ),
    );
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([
      {
        row: 3,
        column: 'Informationsägare',
        message: 'Ägare och systemförvaltare utses av verksamhetsansvarig för enheten eller av CISO (BR-A2).',
      },
    ]);
    expect(await setRow('XIM-40')).toBeUndefined();
    expect(await setRow('XIM-42')).toBeUndefined();
  });

  it('reports format problems (headers, required cells, enums, Ja/Nej, lists) before anything else', async () => {
    const headers = await upload(
      'cecilia.lund',
      'information-sets',
      csv('Kod;Benämning;Enhet', 'XIM-20;X;IFF'),
    );
    expect(headers.status).toBe(400);
    expect(headers.body.details).toEqual([
      {
        row: 1,
        column: 'Benämning',
        message: expect.stringMatching(/^Okänd kolumn\. Kolumnerna är: Kod, Namn, Enhet/),
      },
      { row: 1, column: 'Namn', message: 'Kolumnen saknas.' },
    ]);

    const cells = await upload(
      'cecilia.lund',
      'information-sets',
      csv(
        'Kod;Namn;Enhet;Status;Personuppgifter;Personuppgiftskategorier',
        ';Utan kod;IFF;Aktiv;Ja;',
        'XIM-21;Fel värden;IFF;Pågående;Kanske;"Hälsa; Skonummer"',
      ),
    );
    expect(cells.status).toBe(400);
    expect(cells.body.details).toEqual([
      { row: 2, column: 'Kod', message: 'Värdet saknas.' },
      {
        row: 3,
        column: 'Status',
        message: 'Okänt värde "Pågående". Tillåtna värden: Utkast, Aktiv, Avvecklad.',
      },
      { row: 3, column: 'Personuppgifter', message: 'Ange Ja eller Nej (inte "Kanske").' },
      {
        row: 3,
        column: 'Personuppgiftskategorier',
        message: expect.stringMatching(/^Okänt värde "Skonummer"\. Tillåtna värden: Identitetsuppgifter, /),
      },
    ]);
  });

  it('refuses a file over 5 MB with 413 IMPORT_FILE_TOO_LARGE, and more than 20 000 rows with 400', async () => {
    const big = Buffer.concat([csv('Kod;Namn;Enhet'), Buffer.alloc(5 * 1024 * 1024, 0x20)]);
    const tooLarge = await upload('cecilia.lund', 'information-sets', big);
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.code).toBe('IMPORT_FILE_TOO_LARGE');

    const rows = Array.from({ length: 20_001 }, (_, i) => `R-${i};Rad ${i};IFF`);
    const tooMany = await upload('cecilia.lund', 'information-sets', csv('Kod;Namn;Enhet', ...rows));
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.code).toBe('IMPORT_TOO_MANY_ROWS');
  });

  it('refuses a request without the file, or with an unreadable one', async () => {
    const none = await t.as('cecilia.lund').post('/api/information-sets/import').send({});
    expect(none.status).toBe(400);
    expect(none.body.code).toBe('IMPORT_FILE_MISSING');
    const wrongField = await t
      .as('cecilia.lund')
      .post('/api/information-sets/import')
      .attach('upload', csv('Kod;Namn;Enhet'), 'x.csv');
    expect(wrongField.status).toBe(400);
    expect(wrongField.body.code).toBe('IMPORT_FILE_MISSING');
    const broken = await upload(
      'cecilia.lund',
      'information-sets',
      Buffer.from('PK\u0003\u0004nonsense'),
      'x.xlsx',
    );
    expect(broken.status).toBe(400);
    expect(broken.body.code).toBe('IMPORT_FILE_UNREADABLE');
  });

  it('needs `create` on information sets: anonymous 401; EMPLOYEE, ELECTED, AUDITOR, MANAGER, DPO, ADMIN 403', async () => {
    const file = csv('Kod;Namn;Enhet', 'XIM-30;X;IFF-UTR');
    const anonymous = await t.http.post('/api/information-sets/import').attach('file', file, 'x.csv');
    expect(anonymous.status).toBe(401);
    for (const user of [
      'emma.rahimi',
      'gunnar.alm',
      'tove.granath',
      'petter.akesson',
      'karin.vestberg',
      'viktor.berglof',
    ]) {
      const res = await upload(user, 'information-sets', file);
      expect({ user, status: res.status, code: res.body.code }).toEqual({
        user,
        status: 403,
        code: 'PERMISSION_DENIED',
      });
    }
    // The HEAD creates within the own scope, and appoints owners there (BR-A2).
    const head = await upload(
      'helena.strand',
      'information-sets',
      csv('Kod;Namn;Enhet;Informationsägare', 'XIM-31;X;IFF-FAM;helena.strand'),
    );
    expect(head.status).toBe(201);
  });
});

describe('POST /api/assets/import', () => {
  it('creates assets with their linked sets (roles by label, default by type) and computes BR-A4', async () => {
    const res = await upload(
      'cecilia.lund',
      'assets',
      csv(
        ASSET_HEADER,
        'XAS-01;Verksamhetssystem (test);IT_SYSTEM;;IFF;helena.strand;daniel.nyberg;I drift;Kommunens datacenter;Hög;24;"XIM-01 (Lagrar); XIM-06"',
        'XAS-02;Backup (test);It-komponent;Säkerhetskopiering;SK-DRIFT;maja.fredriksson;;Planerad;MUNICIPAL_DATACENTRE;;;',
        'XAS-03;Process (test);Process;;IFF-FOR;lena.holmgren;;;;;;XIM-01',
      ),
    );
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ created: 3, codes: ['XAS-01', 'XAS-02', 'XAS-03'] });
    const assets = await t.dataSource.query<Record<string, unknown>[]>(
      `SELECT a.code, a.type, a.subtype, a.status, a.hosting, a.criticality, a.rto_hours, a.contains_personal_data,
              a.special_category_data, o.username AS owner, sm.username AS manager,
              (SELECT string_agg(s.code || ':' || l.role, ',' ORDER BY s.code) FROM asset_information_link l
                 JOIN information_set s ON s.id = l.information_set_id WHERE l.asset_id = a.id) AS links
         FROM asset a LEFT JOIN person o ON o.id = a.asset_owner_id LEFT JOIN person sm ON sm.id = a.system_manager_id
        WHERE a.code LIKE 'XAS-%' ORDER BY a.code`,
    );
    expect(assets).toEqual([
      {
        code: 'XAS-01',
        type: 'IT_SYSTEM',
        subtype: null,
        status: 'ACTIVE',
        hosting: 'MUNICIPAL_DATACENTRE',
        criticality: 'HIGH',
        rto_hours: 24,
        contains_personal_data: true,
        special_category_data: true,
        owner: 'helena.strand',
        manager: 'daniel.nyberg',
        links: 'XIM-01:STORES,XIM-06:PROCESSES',
      },
      {
        code: 'XAS-02',
        type: 'IT_COMPONENT',
        subtype: 'BACKUP',
        status: 'PLANNED',
        hosting: 'MUNICIPAL_DATACENTRE',
        criticality: 'NORMAL',
        rto_hours: null,
        contains_personal_data: false,
        special_category_data: false,
        owner: 'maja.fredriksson',
        manager: null,
        links: null,
      },
      {
        code: 'XAS-03',
        type: 'PROCESS',
        subtype: null,
        status: 'PLANNED',
        hosting: null,
        criticality: 'NORMAL',
        rto_hours: null,
        contains_personal_data: true,
        special_category_data: true,
        owner: 'lena.holmgren',
        manager: null,
        links: 'XIM-01:USED_IN',
      },
    ]);
    // BR-A3: the asset's keepers now read the set.
    const [{ keepers }] = await t.dataSource.query<{ keepers: string[] }[]>(
      `SELECT asset_keeper_ids AS keepers FROM information_set WHERE code = 'XIM-01'`,
    );
    expect(keepers.sort()).toEqual(
      [
        await t.personId('helena.strand'),
        await t.personId('daniel.nyberg'),
        await t.personId('lena.holmgren'),
      ].sort(),
    );
  });

  it('reports link, type and reference problems by row and column; nothing is written', async () => {
    const [assets, links] = [await count('asset'), await count('asset_information_link')];
    const res = await upload(
      'nora.falk',
      'assets',
      csv(
        'Kod;Namn;Typ;Undertyp;Enhet;Drift;Informationsmängder;Systemförvaltare',
        'XAS-10;Giltig;IT_SYSTEM;;IFF;;XIM-06;', // 2
        'XAS-11;Okänd mängd;IT_SYSTEM;;IFF;;XIM-99;', // 3
        'XAS-12;Mängd utanför räckvidd;IT_SYSTEM;;IFF;;XIM-02 (Lagrar);', // 4
        'XAS-13;Fel roll;IT_SYSTEM;;IFF;;XIM-06 (Äger);', // 5
        'XAS-14;Undertyp på system;IT_SYSTEM;Brandvägg;IFF;;;', // 6
        'XAS-15;Process med drift;Process;;IFF;Tredjeland;;', // 7
        'XAS-16;Dubbel länk;IT_SYSTEM;;IFF;;"XIM-06; XIM-06";', // 8
        'XAS-17;Okänd förvaltare;IT_SYSTEM;;IFF;;;nisse', // 9
      ),
    );
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('IMPORT_INVALID');
    expect(res.body.details).toEqual([
      {
        row: 5,
        column: 'Informationsmängder',
        message: expect.stringMatching(/^Okänd roll "Äger" för XIM-06\./),
      },
    ]);

    const second = await upload(
      'nora.falk',
      'assets',
      csv(
        'Kod;Namn;Typ;Undertyp;Enhet;Drift;Informationsmängder;Systemförvaltare',
        'XAS-10;Giltig;IT_SYSTEM;;IFF;;XIM-06;', // 2
        'XAS-11;Okänd mängd;IT_SYSTEM;;IFF;;XIM-99;', // 3
        'XAS-12;Mängd utanför räckvidd;IT_SYSTEM;;IFF;;XIM-02 (Lagrar);', // 4
        'XAS-14;Undertyp på system;IT_SYSTEM;Brandvägg;IFF;;;', // 5
        'XAS-15;Process med drift;Process;;IFF;Tredjeland;;', // 6
        'XAS-16;Dubbel länk;IT_SYSTEM;;IFF;;"XIM-06; XIM-06";', // 7
        'XAS-17;Okänd förvaltare;IT_SYSTEM;;IFF;;;nisse', // 8
      ),
    );
    expect(second.status).toBe(400);
    expect(second.body.details).toEqual([
      {
        row: 3,
        column: 'Informationsmängder',
        message: 'Informationsmängden XIM-99 finns inte eller ligger utanför din behörighet.',
      },
      {
        row: 4,
        column: 'Informationsmängder',
        message: 'Informationsmängden XIM-02 finns inte eller ligger utanför din behörighet.',
      },
      { row: 5, column: 'Undertyp', message: 'Undertyp anges bara för it-komponenter.' },
      { row: 6, column: 'Drift', message: 'En process har ingen driftform.' },
      { row: 7, column: 'Informationsmängder', message: 'XIM-06 står mer än en gång.' },
      { row: 8, column: 'Systemförvaltare', message: 'Det finns ingen användare nisse.' },
    ]);
    expect(await count('asset')).toBe(assets);
    expect(await count('asset_information_link')).toBe(links);
  });

  it('needs `create` on assets: EMPLOYEE (even a system manager), AUDITOR, DPO 403', async () => {
    for (const user of ['daniel.nyberg', 'tove.granath', 'karin.vestberg']) {
      const res = await upload(user, 'assets', csv('Kod;Namn;Typ;Enhet', 'XAS-30;X;IT_SYSTEM;IFF'));
      expect({ user, status: res.status }).toEqual({ user, status: 403 });
    }
  });
});

describe('round trip: export, then import into another tenant', () => {
  it('gives the same registers, byte for byte, for both CSV and XLSX content', async () => {
    const exportOf = async (auth: { authorization: string }, register: string, format: string) => {
      const res = await t.http
        .get(`/api/${register}/export`)
        .query({ format, q: register === 'assets' ? 'XAS-' : 'XIM-' })
        .set('authorization', auth.authorization)
        .buffer(true)
        .parse((response, done) => {
          const chunks: Buffer[] = [];
          response.on('data', (c: Buffer) => chunks.push(c));
          response.on('end', () => done(null, Buffer.concat(chunks)));
        });
      expect(res.status).toBe(200);
      return res.body as Buffer;
    };
    const cecilia = await t.login('cecilia.lund');
    const setsCsv = await exportOf(cecilia, 'information-sets', 'csv');
    const assetsXlsx = await exportOf(cecilia, 'assets', 'xlsx');
    const assetsCsv = await exportOf(cecilia, 'assets', 'csv');
    const setLines = setsCsv.toString('utf8').split('\r\n');
    expect(setLines.filter((l) => l.startsWith('XIM-')).map((l) => l.split(';')[0])).toEqual([
      'XIM-01',
      'XIM-02',
      'XIM-03',
      'XIM-04',
      'XIM-05',
      'XIM-06',
      'XIM-07',
      'XIM-31',
    ]);
    expect(setLines[1]).toBe(
      'XIM-01;Barnavårdsutredningar (test);IFF-UTR;petter.akesson;Aktiv;Utredningar enligt SoL;;Ja;' +
        '"Hälsa; Personnummer";Ja;Nej;Ja;Nej;26 kap. 1 § OSL;;Nej;',
    );

    // Andraby: the same unit codes and usernames, a CISO of its own.
    const units = await t.dataSource.query<{ code: string; parent: string | null }[]>(
      `SELECT u.code, p.code AS parent FROM org_unit u LEFT JOIN org_unit p ON p.id = u.parent_id
         JOIN tenant t ON t.id = u.tenant_id WHERE t.code = 'exempelby' AND u.code <> 'ROOT' ORDER BY array_length(u.path, 1)`,
    );
    const people = await t.dataSource.query<{ username: string }[]>(
      `SELECT p.username FROM person p JOIN tenant t ON t.id = p.tenant_id WHERE t.code = 'exempelby'`,
    );
    const [{ password_hash: hash }] = await t.dataSource.query<{ password_hash: string }[]>(
      `SELECT c.password_hash FROM credential c JOIN person p ON p.id = c.person_id WHERE p.username = 'cecilia.lund'`,
    );
    const andraby = await createOtherTenant(t.dataSource, {
      units: units.map((u) => ({
        code: u.code,
        parent: u.parent === 'ROOT' || !u.parent ? undefined : u.parent,
      })),
      people: [
        ...people.map((p) => ({ username: p.username })),
        { username: 'anna.andraby', passwordHash: hash },
      ],
    });
    await t.dataSource.query(
      `INSERT INTO role_assignment (tenant_id, person_id, role, org_unit_ids, org_unit_paths, valid_from)
       VALUES ($1, $2, 'CISO', ARRAY[$3::uuid], ARRAY[$3::uuid], '2020-01-01')`,
      [andraby.tenantId, andraby.people['anna.andraby'], andraby.rootId],
    );
    const anna = await t.login('anna.andraby');
    const importAs = (register: string, file: Buffer, name: string) =>
      t.http
        .post(`/api/${register}/import`)
        .set('authorization', anna.authorization)
        .attach('file', file, name);

    expect((await importAs('information-sets', setsCsv, 'mangder.csv')).status).toBe(201);
    const assets = await importAs('assets', assetsXlsx, 'tillgangar.xlsx');
    expect(assets.status).toBe(201);
    expect(assets.body.codes).toEqual(['XAS-01', 'XAS-02', 'XAS-03']);

    expect((await exportOf(anna, 'information-sets', 'csv')).equals(setsCsv)).toBe(true);
    expect((await exportOf(anna, 'assets', 'csv')).toString('utf8')).toBe(assetsCsv.toString('utf8'));
  });
});
