import { AttachmentScanner, type ScannedFile, type ScanResult } from '@varna/incident';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app';
import { expectErrorBody } from '../support/expect';
import { demoNumber, incidentAs, incidentId, timelineAs } from '../support/incidents';

/**
 * Incident attachments over HTTP (ADR 0013): upload, list, download and removal per role, the
 * limits (size, declared type, extension, magic bytes), the virus-scan hook, and that a refused
 * upload stores nothing.
 */

const EICAR = 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*';
const MAX = 64 * 1024;

/** A scanner for the tests: EICAR is INFECTED, a name starting "genomsökt" CLEAN, the rest NOT_SCANNED. */
class TestScanner extends AttachmentScanner {
  readonly seen: ScannedFile[] = [];
  scan(file: ScannedFile): Promise<ScanResult> {
    this.seen.push(file);
    if (file.content.includes(EICAR)) return Promise.resolve('INFECTED');
    return Promise.resolve(file.fileName.startsWith('genomsökt') ? 'CLEAN' : 'NOT_SCANNED');
  }
}

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('IHDR, en skärmdump', 'utf8'),
]);
const PDF = Buffer.from('%PDF-1.4\n% ett brev\n%%EOF\n', 'latin1');
/** One small valid sample of every allowed type: name, declared type, bytes. */
const SAMPLES: [string, string, Buffer][] = [
  ['brev.pdf', 'application/pdf', PDF],
  ['bild.png', 'image/png', PNG],
  ['foto.jpg', 'image/jpeg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46])],
  [
    'foto.heic',
    'image/heic',
    Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypheic\0\0\0\0mif1heic', 'latin1')]),
  ],
  ['anim.gif', 'image/gif', Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1')],
  ['logg.txt', 'text/plain; charset=utf-8', Buffer.from('2026-11-16 09:00 inloggning misslyckades\n')],
  ['lista.csv', 'text/csv', Buffer.from('namn;enhet\nA;IFF\n')],
  [
    'rapport.docx',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    Buffer.from('PK\x03\x04[Content_Types].xml', 'latin1'),
  ],
  [
    'tabell.xlsx',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    Buffer.from('PK\x03\x04[Content_Types].xml', 'latin1'),
  ],
  ['mejl.eml', 'message/rfc822', Buffer.from('From: a@example.se\r\nSubject: Fel mottagare\r\n\r\nText\r\n')],
  [
    'mejl.msg',
    'application/vnd.ms-outlook',
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0x00, 0x00]),
  ],
];

let t: TestApp;
let scanner: TestScanner;
let inc01: string;

beforeAll(async () => {
  scanner = new TestScanner();
  t = await startTestApp({ config: { attachmentMaxBytes: MAX }, attachmentScanner: scanner });
  inc01 = await incidentId(t, demoNumber(1));
  // §6.6 marks INC-01's description in the demo; the content rules are tested from an unmarked incident.
  await t.dataSource.query('DELETE FROM incident_secrecy_marking WHERE incident_id = $1', [inc01]);
});
afterAll(() => t?.close());

const upload = (user: string, id: string, name: string, type: string, content: Buffer, field = 'file') =>
  t
    .as(user)
    .post(`/api/incidents/${id}/attachments`)
    .attach(field, content, { filename: name, contentType: type });
const list = (user: string, id: string) => t.as(user).get(`/api/incidents/${id}/attachments`);
const download = (user: string, id: string, attachmentId: string) =>
  t
    .as(user)
    .get(`/api/incidents/${id}/attachments/${attachmentId}`)
    .buffer(true)
    .parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      // Error bodies are JSON; a file is kept as its bytes.
      const json = String(res.headers['content-type'] ?? '').startsWith('application/json');
      res.on('end', () => {
        const bytes = Buffer.concat(chunks);
        done(null, json ? JSON.parse(bytes.toString('utf8')) : bytes);
      });
    });
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Rows of the attachment tables, the timeline and the history: a refusal changes none of them. */
async function counts() {
  const [row] = await t.dataSource.query<Record<string, number>[]>(
    `SELECT (SELECT count(*)::int FROM incident_attachment) AS attachments,
            (SELECT count(*)::int FROM incident_attachment_content) AS contents,
            (SELECT count(*)::int FROM incident_timeline_entry) AS timeline,
            (SELECT count(*)::int FROM history_entry) AS history`,
  );
  return row;
}

describe('the reporter and the handlers of INC-01 (IFF-UTR)', () => {
  let emmasId: string;
  let norasId: string;

  it('the reporter (emma.rahimi) attaches a screenshot to her own report', async () => {
    const res = await upload('emma.rahimi', inc01, 'Skärmdump åäö.png', 'image/png', PNG);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      incidentId: inc01,
      fileName: 'Skärmdump åäö.png',
      contentType: 'image/png',
      sizeBytes: PNG.length,
      sha256: sha256(PNG),
      scanStatus: 'NOT_SCANNED',
      scanStatusLabel: 'Inte genomsökt',
      uploadedById: await t.personId('emma.rahimi'),
      uploadedByName: 'Emma Rahimi',
      uploadedByMasked: false,
      uploadedAt: '2026-11-16T09:00:00.000Z',
      contentAvailable: true,
    });
    emmasId = res.body.id;
    expect(scanner.seen.at(-1)).toMatchObject({ fileName: 'Skärmdump åäö.png', contentType: 'image/png' });
  });

  it('the coordinator (nora.falk) attaches a letter; the scanner said CLEAN', async () => {
    const res = await upload('nora.falk', inc01, 'genomsökt brev.pdf', 'application/pdf', PDF);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.scanStatus).toBe('CLEAN');
    norasId = res.body.id;
  });

  it('the reporter lists her own uploads only; the handlers in scope list both', async () => {
    const mine = await list('emma.rahimi', inc01);
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((a: { id: string }) => a.id)).toEqual([emmasId]);
    for (const user of ['nora.falk', 'helena.strand', 'petter.akesson', 'karin.vestberg', 'cecilia.lund']) {
      const all = await list(user, inc01);
      expect(all.status, user).toBe(200);
      expect(
        all.body.items.map((a: { id: string }) => a.id),
        user,
      ).toEqual([emmasId, norasId]);
      expect(all.body.items[0]).toMatchObject({ uploadedByName: 'Emma Rahimi', uploadedByMasked: false });
    }
  });

  it('downloads the very bytes, as an attachment, never sniffed', async () => {
    const res = await download('nora.falk', inc01, emmasId);
    expect(res.status).toBe(200);
    expect(Buffer.compare(res.body as Buffer, PNG)).toBe(0);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="Sk_rmdump ___.png"; filename*=UTF-8''Sk%C3%A4rmdump%20%C3%A5%C3%A4%C3%B6.png`,
    );
    expect(res.headers['cache-control']).toBe('private, no-store');
    const own = await download('emma.rahimi', inc01, emmasId);
    expect(Buffer.compare(own.body as Buffer, PNG)).toBe(0);
    const pdf = await download('karin.vestberg', inc01, norasId);
    expect(Buffer.compare(pdf.body as Buffer, PDF)).toBe(0);
    expect(pdf.headers['content-type']).toBe('application/pdf');
  });

  it('the reporter does not reach the handlers’ uploads (404)', async () => {
    expectErrorBody(await download('emma.rahimi', inc01, norasId), 404, 'ATTACHMENT_NOT_FOUND');
  });

  it('is out of reach for units outside the scope, other controllers’ DPOs and other employees (404)', async () => {
    for (const user of ['amir.haddad', 'maria.ek', 'oskar.lindqvist', 'jonas.berg']) {
      expectErrorBody(await list(user, inc01), 404, 'INCIDENT_NOT_FOUND');
      expectErrorBody(await download(user, inc01, emmasId), 404, 'INCIDENT_NOT_FOUND');
      const res = await upload(user, inc01, 'bild.png', 'image/png', PNG);
      expectErrorBody(res, 404, 'INCIDENT_NOT_FOUND');
    }
    // The ELECTED and the ADMIN hold only every account's rights: they reach no one else's report.
    for (const user of ['gunnar.alm', 'viktor.berglof']) {
      expectErrorBody(await list(user, inc01), 404, 'INCIDENT_NOT_FOUND');
    }
  });

  it('writes a timeline entry for each upload', async () => {
    const added = (await timelineAs(t, 'nora.falk', inc01)).filter((e) => e.kind === 'ATTACHMENT_ADDED');
    expect(added.map((e) => e.text)).toEqual(['Skärmdump åäö.png', 'genomsökt brev.pdf']);
    expect(added[0].data).toMatchObject({
      attachmentId: emmasId,
      sha256: sha256(PNG),
      scanStatus: 'NOT_SCANNED',
    });
  });

  describe('the auditor (tove.granath)', () => {
    it('lists every file with the reporter masked, and may not add or remove', async () => {
      const res = await list('tove.granath', inc01);
      expect(res.status).toBe(200);
      expect(res.body.items).toHaveLength(2);
      expect(res.body.items[0]).toMatchObject({
        id: emmasId,
        uploadedById: null,
        uploadedByName: null,
        uploadedByMasked: true,
        contentAvailable: true,
      });
      expect(res.body.items[1]).toMatchObject({ uploadedByName: 'Nora Falk', uploadedByMasked: false });
      expectErrorBody(await upload('tove.granath', inc01, 'bild.png', 'image/png', PNG), 403);
      expectErrorBody(
        await t.as('tove.granath').delete(`/api/incidents/${inc01}/attachments/${norasId}`),
        403,
        'PERMISSION_DENIED',
      );
    });

    it('downloads the content while the incident carries no secrecy marking, not after', async () => {
      expect((await download('tove.granath', inc01, norasId)).status).toBe(200);
      const marked = await t.as('nora.falk').post(`/api/incidents/${inc01}/secrecy-markings`, {
        fieldPaths: ['description'],
        provision: '26 kap. 1 § OSL',
        reason: 'Uppgifter om ett barns personliga förhållanden.',
      });
      expect(marked.status, JSON.stringify(marked.body)).toBe(201);
      expectErrorBody(await download('tove.granath', inc01, norasId), 403, 'ATTACHMENT_CONTENT_RESTRICTED');
      const res = await list('tove.granath', inc01);
      expect(res.body.items.map((a: { contentAvailable: boolean }) => a.contentAvailable)).toEqual([
        false,
        false,
      ]);
      // Those who handle it, and the reporter for her own file, still read the content.
      expect((await download('nora.falk', inc01, norasId)).status).toBe(200);
      expect((await download('emma.rahimi', inc01, emmasId)).status).toBe(200);
      expect((await list('emma.rahimi', inc01)).body.items[0].contentAvailable).toBe(true);
      await t
        .as('nora.falk')
        .delete(`/api/incidents/${inc01}/secrecy-markings/${marked.body.id}`)
        .expect(204);
    });
  });

  describe('removal', () => {
    it('is for handlers only: the reporter and the auditor are refused by the guard', async () => {
      for (const user of ['emma.rahimi', 'tove.granath']) {
        expectErrorBody(
          await t.as(user).delete(`/api/incidents/${inc01}/attachments/${emmasId}`),
          403,
          'PERMISSION_DENIED',
        );
      }
      expectErrorBody(
        await t.as('amir.haddad').delete(`/api/incidents/${inc01}/attachments/${emmasId}`),
        404,
        'INCIDENT_NOT_FOUND',
      );
    });

    it('removes the row and its bytes, and the timeline keeps the fact', async () => {
      const before = await counts();
      const res = await t.as('nora.falk').delete(`/api/incidents/${inc01}/attachments/${emmasId}`);
      expect(res.status, JSON.stringify(res.body)).toBe(204);
      expect(await counts()).toEqual({
        ...before,
        attachments: before.attachments - 1,
        contents: before.contents - 1,
        timeline: before.timeline + 1,
        history: before.history + 1,
      });
      expectErrorBody(await download('nora.falk', inc01, emmasId), 404, 'ATTACHMENT_NOT_FOUND');
      expect((await list('emma.rahimi', inc01)).body.items).toEqual([]);
      const removed = (await timelineAs(t, 'nora.falk', inc01)).filter(
        (e) => e.kind === 'ATTACHMENT_REMOVED',
      );
      expect(removed.map((e) => e.text)).toEqual(['Skärmdump åäö.png']);
      expect(removed[0].data).toMatchObject({ attachmentId: emmasId, sha256: sha256(PNG) });
      expectErrorBody(
        await t.as('nora.falk').delete(`/api/incidents/${inc01}/attachments/${emmasId}`),
        404,
        'ATTACHMENT_NOT_FOUND',
      );
    });
  });
});

describe('what is refused, and nothing is stored', () => {
  const refused = (res: Awaited<ReturnType<typeof upload>>, status: number, code: string) =>
    expectErrorBody(res, status, code);

  it('refuses, one by one, with the coded error and without a write', async () => {
    const before = await counts();
    const seen = scanner.seen.length;
    const big = Buffer.concat([PNG, Buffer.alloc(MAX + 1 - PNG.length, 1)]);
    const tooLarge = await upload('nora.falk', inc01, 'stor.png', 'image/png', big);
    refused(tooLarge, 413, 'ATTACHMENT_TOO_LARGE');
    expect(tooLarge.body.details).toEqual({ maxBytes: MAX });
    refused(
      await upload(
        'nora.falk',
        inc01,
        'program.exe',
        'application/x-msdownload',
        Buffer.from('MZ\x90\x00', 'latin1'),
      ),
      415,
      'ATTACHMENT_TYPE_NOT_ALLOWED',
    );
    // A declared image whose bytes are something else.
    const fake = await upload(
      'nora.falk',
      inc01,
      'bild.png',
      'image/png',
      Buffer.from('<script>alert(1)</script>'),
    );
    refused(fake, 415, 'ATTACHMENT_TYPE_NOT_ALLOWED');
    expect(fake.body.details.reason).toBe('CONTENT_MISMATCH');
    // Text that would open as a web page, and a binary declared as text.
    const html = await upload('nora.falk', inc01, 'sida.html', 'text/plain', Buffer.from('<html></html>'));
    expect(html.body.details.reason).toBe('EXTENSION_MISMATCH');
    refused(html, 415, 'ATTACHMENT_TYPE_NOT_ALLOWED');
    refused(
      await upload('nora.falk', inc01, 'logg.txt', 'text/plain', Buffer.from([0x4d, 0x5a, 0x00, 0x01])),
      415,
      'ATTACHMENT_TYPE_NOT_ALLOWED',
    );
    expect(scanner.seen.length).toBe(seen); // the type checks come before the scan
    const infected = await upload('nora.falk', inc01, 'logg.txt', 'text/plain', Buffer.from(EICAR));
    refused(infected, 422, 'ATTACHMENT_INFECTED');
    expect(scanner.seen.length).toBe(seen + 1);
    // Not multipart, another field name, two files.
    refused(
      await t.as('nora.falk').post(`/api/incidents/${inc01}/attachments`, { file: 'x' }),
      400,
      'ATTACHMENT_FILE_REQUIRED',
    );
    refused(
      await upload('nora.falk', inc01, 'bild.png', 'image/png', PNG, 'bilaga'),
      400,
      'ATTACHMENT_UPLOAD_INVALID',
    );
    const two = await t
      .as('nora.falk')
      .post(`/api/incidents/${inc01}/attachments`)
      .attach('file', PNG, { filename: 'a.png', contentType: 'image/png' })
      .attach('file', PNG, { filename: 'b.png', contentType: 'image/png' });
    refused(two, 400, 'ATTACHMENT_UPLOAD_INVALID');
    expect(await counts()).toEqual(before);
  });

  it('accepts a file of exactly the limit', async () => {
    const exact = Buffer.concat([PNG, Buffer.alloc(MAX - PNG.length, 1)]);
    const res = await upload('nora.falk', inc01, 'exakt.png', 'image/png', exact);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.sizeBytes).toBe(MAX);
    const back = await download('nora.falk', inc01, res.body.id);
    expect(Buffer.compare(back.body as Buffer, exact)).toBe(0);
  });

  it('refuses additions to a closed incident, also from its reporter (409)', async () => {
    const inc02 = await incidentId(t, demoNumber(2));
    const inc05 = await incidentId(t, demoNumber(5));
    const before = await counts();
    refused(await upload('cecilia.lund', inc02, 'bild.png', 'image/png', PNG), 409, 'INCIDENT_CLOSED');
    refused(await upload('oskar.lindqvist', inc05, 'bild.png', 'image/png', PNG), 409, 'INCIDENT_CLOSED');
    expect(await counts()).toEqual(before);
  });
});

describe('every allowed type, and files that follow their incident', () => {
  it('stores one sample of each allowed type under its stored type', async () => {
    const inc10 = await incidentId(t, demoNumber(10));
    for (const [name, type, content] of SAMPLES) {
      const res = await upload('cecilia.lund', inc10, name, type, content);
      expect(res.status, `${name}: ${JSON.stringify(res.body)}`).toBe(201);
      expect(res.body.contentType).toBe(type.split(';')[0]);
      const back = await download('maja.fredriksson', inc10, res.body.id);
      expect(Buffer.compare(back.body as Buffer, content), name).toBe(0);
    }
  });

  it('moves with the incident to another unit: the new scope reads the files, the old does not', async () => {
    const inc10 = await incidentId(t, demoNumber(10));
    expect((await list('amir.haddad', inc10)).body.items).toHaveLength(SAMPLES.length);
    expectErrorBody(await list('sofia.lindahl', inc10), 404, 'INCIDENT_NOT_FOUND');
    const { version } = await incidentAs(t, 'cecilia.lund', inc10);
    const moved = await t
      .as('cecilia.lund')
      .patch(`/api/incidents/${inc10}`, { version, orgUnitId: await t.unitId('GSF-EKB') });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect((await list('sofia.lindahl', inc10)).body.items).toHaveLength(SAMPLES.length);
    expectErrorBody(await list('amir.haddad', inc10), 404, 'INCIDENT_NOT_FOUND');
    const [{ paths }] = await t.dataSource.query(
      `SELECT count(DISTINCT a.org_unit_path)::int AS paths FROM incident_attachment a JOIN incident i ON i.id = a.incident_id
        WHERE i.id = $1 AND a.org_unit_path = i.org_unit_path AND a.org_unit_id = i.org_unit_id`,
      [inc10],
    );
    expect(paths).toBe(1);
  });
});

describe('the default installation: no scanner, 10 MiB', () => {
  let plain: TestApp;
  beforeAll(async () => {
    plain = await startTestApp();
  });
  afterAll(() => plain?.close());

  it('stores files as NOT_SCANNED and refuses one byte over 10 MiB', async () => {
    const id = await incidentId(plain, demoNumber(1));
    const ok = await plain
      .as('nora.falk')
      .post(`/api/incidents/${id}/attachments`)
      .attach('file', PDF, { filename: 'genomsökt.pdf', contentType: 'application/pdf' });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(ok.body.scanStatus).toBe('NOT_SCANNED');
    const big = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024 + 1 - PDF.length, 0x20)]);
    const res = await plain
      .as('nora.falk')
      .post(`/api/incidents/${id}/attachments`)
      .attach('file', big, { filename: 'stor.pdf', contentType: 'application/pdf' });
    expectErrorBody(res, 413, 'ATTACHMENT_TOO_LARGE');
    expect(res.body.details).toEqual({ maxBytes: 10 * 1024 * 1024 });
  });
});
