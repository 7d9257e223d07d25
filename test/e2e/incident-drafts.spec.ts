import { extractPdfText } from '@varna/documents';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app';
import { expectErrorBody } from '../support/expect';
import { demoNumber, incidentId, timelineAs } from '../support/incidents';

/**
 * Regulator drafts as PDF (ADR 0013): the IMY notification and the three CSIRT reports, filled in
 * from the incident (Swedish labels, "Ej angivet" where nothing is recorded), only where the regime
 * applies, for those who may export the incident or prepare the notification, redacted by the
 * secrecy markings, and each one an "export made" timeline entry.
 */

let t: TestApp;
let inc01: string;
let inc05: string;
let inc09: string;

beforeAll(async () => {
  // Uncompressed PDFs, so the text can be read back.
  t = await startTestApp({ config: { pdfCompress: false } });
  [inc01, inc05, inc09] = await Promise.all([1, 5, 9].map((n) => incidentId(t, demoNumber(n))));
  // What the handler has recorded about INC-01 so far (data subjects, consequences, measures).
  await t.dataSource.query(
    `UPDATE incident SET data_subjects_approx = 3, records_approx = 1200, data_categories = '{IDENTITY,HEALTH}',
            occurred_at = '2026-11-14T15:30:00Z',
            consequences = 'Uppgifter om barnets hälsa kan ha lästs av fel vårdnadshavare.',
            measures = 'Mottagaren har bekräftat radering; kontroll av adressering före utskick införd.'
      WHERE id = $1`,
    [inc01],
  );
});
afterAll(() => t?.close());

const draft = (user: string, id: string, name: string) =>
  t
    .as(user)
    .get(`/api/incidents/${id}/drafts/${name}.pdf`)
    .buffer(true)
    .parse((res, done) => {
      const chunks: Buffer[] = [];
      const json = String(res.headers['content-type'] ?? '').startsWith('application/json');
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const bytes = Buffer.concat(chunks);
        done(null, json ? JSON.parse(bytes.toString('utf8')) : bytes);
      });
    });

/** The draft's text (200 expected). */
async function textOf(user: string, id: string, name: string): Promise<string> {
  const res = await draft(user, id, name);
  expect(res.status, `${user} ${name}: ${String(res.body)}`).toBe(200);
  const pdf = res.body as Buffer;
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  return extractPdfText(pdf);
}

const expectRows = (text: string, rows: string[]) => {
  for (const row of rows) expect(text, row).toContain(row);
};

describe('the IMY notification draft (INC-01, a personal data breach in IFF-UTR)', () => {
  it('is a PDF download named after the incident', async () => {
    const res = await draft('nora.falk', inc01, 'imy-notification');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain('filename="INC-2026-0001-imy-anmalan-utkast.pdf"');
    expect(res.headers['cache-control']).toBe('private, no-store');
  });

  it('holds the fields of IMY’s e-service, from the incident, in Swedish', async () => {
    const text = await textOf('nora.falk', inc01, 'imy-notification');
    expectRows(text, [
      'Exempelby kommun',
      'Anmälan av personuppgiftsincident till IMY',
      'Utkast för INC-2026-0001',
      'UTKAST',
      'Skapad 2026-11-16 10:00 (svensk tid)',
      'Allt som skickas till Integritetsskyddsmyndigheten (IMY) blir en allmän handling hos IMY.',
      // D-51: the controller is the nämnd the förvaltning serves; the kommun's number.
      'Personuppgiftsansvarig Socialnämnden',
      'Organisationsnummer 212000-0000',
      'Enhet där incidenten inträffade Utredningsenheten barn och unga',
      'Namn Karin Vestberg E-post karin.vestberg@exempelby.example Telefon Ej angivet',
      'Rubrik Utredning om ett barn mejlad till fel vårdnadshavare',
      'Typ av incident Personuppgiftsincident – Fel mottagare',
      // §6.6: INC-01's description is marked 26 kap. 1 § OSL in the demo, so every draft masks it.
      'Beskrivning [Sekretess enligt 26 kap. 1 § OSL]',
      'Berörda aspekter Konfidentialitet',
      'Allvarlighetsgrad Hög',
      'Incidenten inträffade (start) 2026-11-14 16:30',
      'Incidentens slut Har upphört (ange tidpunkten för slutet)',
      'Kännedom (personuppgiftsansvarig) 2026-11-15 04:00',
      'Sista tidpunkt (lagkrav) 2026-11-18 04:00',
      'Kategorier av personuppgifter Identitetsuppgifter, Hälsa',
      'Antal registrerade (ungefär) 3',
      'Antal personuppgiftsposter (ungefär) 1 200',
      'Kategorier av registrerade Ej angivet',
      'Sannolika konsekvenser Uppgifter om barnets hälsa kan ha lästs av fel vårdnadshavare.',
      'Riskbedömning Hög risk för de registrerade',
      'Vidtagna och planerade åtgärder Mottagaren har bekräftat radering;',
      'Information (art. 34) Ska informeras utan onödigt dröjsmål (mål 2026-11-18 04:00).',
      'Skäl till förseningen Ej aktuellt: anmälan inom 72 timmar från kännedom (senast 2026-11-18 04:00).',
    ]);
    expect(text).toMatch(/Sida 1 av (\d)/);
  });

  it('is the same document for the same incident at the same time', async () => {
    const a = await draft('nora.falk', inc01, 'imy-notification');
    const b = await draft('cecilia.lund', inc01, 'imy-notification');
    expect(Buffer.compare(a.body as Buffer, b.body as Buffer)).toBe(0);
  });

  it('records each draft as an export on the timeline (BR-D3)', async () => {
    const before = (await timelineAs(t, 'nora.falk', inc01)).filter((e) => e.kind === 'EXPORTED').length;
    await textOf('karin.vestberg', inc01, 'imy-notification');
    const exports = (await timelineAs(t, 'nora.falk', inc01)).filter((e) => e.kind === 'EXPORTED');
    expect(exports).toHaveLength(before + 1);
    expect(exports.at(-1)).toMatchObject({
      actorId: await t.personId('karin.vestberg'),
      text: 'Anmälan av personuppgiftsincident till IMY',
      data: { document: 'imy-notification', regime: 'GDPR_ART33_IMY', redactedFields: ['description'] },
    });
  });

  it('prints "[Sekretess enligt …]" for marked fields, for everyone', async () => {
    const mark = await t.as('nora.falk').post(`/api/incidents/${inc01}/secrecy-markings`, {
      // The description is marked already (the demo's marking); the count is marked here.
      fieldPaths: ['dataSubjectsApprox'],
      provision: '26 kap. 1 § OSL',
      reason: 'Uppgifter om ett barns personliga förhållanden.',
    });
    expect(mark.status, JSON.stringify(mark.body)).toBe(201);
    for (const user of ['nora.falk', 'tove.granath']) {
      const text = await textOf(user, inc01, 'imy-notification');
      expectRows(text, [
        'Beskrivning [Sekretess enligt 26 kap. 1 § OSL]',
        'Antal registrerade (ungefär) [Sekretess enligt 26 kap. 1 § OSL]',
        'Antal personuppgiftsposter (ungefär) 1 200',
      ]);
      expect(text).not.toContain('Jag skickade en utredning');
    }
    const last = (await timelineAs(t, 'nora.falk', inc01)).filter((e) => e.kind === 'EXPORTED').at(-1);
    expect(last?.data).toMatchObject({ redactedFields: ['description', 'dataSubjectsApprox'] });
    await t.as('nora.falk').delete(`/api/incidents/${inc01}/secrecy-markings/${mark.body.id}`).expect(204);
  });

  it('gives the reasons for the delay when the notification was late (INC-05)', async () => {
    const text = await textOf('karin.vestberg', inc05, 'imy-notification');
    expectRows(text, [
      'Personuppgiftsansvarig Vård- och omsorgsnämnden',
      'Kännedom (personuppgiftsansvarig) 2026-02-21 19:30',
      'Inlämnad 2026-02-25 09:00',
      'Skäl till förseningen Rapporten nådde ansvarig chef först på måndagen.',
      'De registrerade har informerats 2026-03-02',
    ]);
  });
});

describe('the CSIRT drafts (INC-09, a significant incident at EVE under the cyber act)', () => {
  it('the early warning: who reports, the deadline, suspected malicious cause, cross-border impact', async () => {
    const text = await textOf('emil.hagg', inc09, 'csirt-early-warning');
    expectRows(text, [
      'Tidig varning om betydande incident',
      'cybersäkerhetslagen (2025:1506)',
      'Det som lämnas till CSIRT-enheten blir en allmän handling hos mottagaren.',
      // A bolag reports as its own legal person, whose number Värna does not hold.
      'Verksamhetsutövare Exempelby Vatten och Energi AB Organisationsnummer Ej angivet',
      'Sektor Dricksvatten; Energi (fjärrvärme)',
      'Kontaktperson (handläggare) Therese Blom, therese.blom@exempelby.example',
      'Tidsfrist: inom 24 timmar från kännedom',
      'Sista tidpunkt (lagkrav) 2026-10-07 02:40',
      'Inlämnad 2026-10-06 13:15',
      'Typ av incident IT-incident – Överbelastningsattack',
      'Kännedom 2026-10-06 02:40',
      'Misstänks olagliga eller avsiktligt skadliga handlingar? (art. 23.4 a) Ja: grundorsaken är bedömd som en antagonistisk handling.',
      'Kan incidenten få gränsöverskridande konsekvenser? (art. 23.4 a) Ej angivet',
    ]);
  });

  it('the incident notification: the initial assessment of severity and impact, indicators of compromise', async () => {
    const text = await textOf('cecilia.lund', inc09, 'csirt-notification');
    expectRows(text, [
      'Incidentanmälan om betydande incident',
      'Tidsfrist: inom 72 timmar från kännedom',
      'Inlämnad 2026-10-08 09:30',
      'Inledande bedömning (art. 23.4 b)',
      'Allvarlighetsgrad Hög',
      'Berörda aspekter Tillgänglighet',
      'Konsekvenser Fjärrövervakningen av pumpstationer var störd i 3 timmar; manuell tillsyn.',
      'Indikatorer på intrång (IoC) Ej angivet',
    ]);
  });

  it('the final report: description, root cause, mitigation, cross-border impact', async () => {
    const text = await textOf('tove.granath', inc09, 'csirt-final-report');
    expectRows(text, [
      'Slutrapport om betydande incident',
      'Tidsfrist: senast en månad efter incidentanmälan',
      'Sista tidpunkt (lagkrav) 2026-11-08 09:30',
      'Detaljerad beskrivning (art. 23.4 d i)',
      'Grundorsak (kategori) Antagonistisk handling',
      'Grundorsak Överbelastningsattack; filtrering hos operatören saknades.',
      'Tillämpade och pågående riskbegränsande åtgärder Filtrering hos operatören; reservförbindelse för övervakningen.',
      'Gränsöverskridande konsekvenser Ej angivet',
    ]);
    expect(text).not.toContain('Incidenten pågår');
  });
});

describe('only where the regime applies (409)', () => {
  it('refuses an IMY draft for an incident that is no personal data breach, and CSIRT drafts where the act does not apply', async () => {
    const inc06 = await incidentId(t, demoNumber(6));
    const before = (await timelineAs(t, 'cecilia.lund', inc06)).length;
    expectErrorBody(
      await draft('cecilia.lund', inc06, 'imy-notification'),
      409,
      'DRAFT_REGIME_NOT_APPLICABLE',
    );
    for (const name of ['csirt-early-warning', 'csirt-notification', 'csirt-final-report']) {
      const res = await draft('cecilia.lund', inc01, name);
      expectErrorBody(res, 409, 'DRAFT_REGIME_NOT_APPLICABLE');
      expect(res.body.details).toEqual({ regime: 'CYBER_ACT' });
    }
    expectErrorBody(
      await draft('cecilia.lund', inc09, 'imy-notification'),
      409,
      'DRAFT_REGIME_NOT_APPLICABLE',
    );
    // An untriaged report has no regime yet.
    const inc15 = await incidentId(t, demoNumber(15));
    expectErrorBody(await draft('jonas.berg', inc15, 'imy-notification'), 409, 'DRAFT_REGIME_NOT_APPLICABLE');
    expect((await timelineAs(t, 'cecilia.lund', inc06)).length).toBe(before);
  });
});

describe('who may make a draft', () => {
  it('IMY (INC-01): CISO, the samordnare in scope, the DPO of the controller and the auditor', async () => {
    for (const user of ['cecilia.lund', 'nora.falk', 'karin.vestberg', 'tove.granath', 'hugo.palm']) {
      expect((await draft(user, inc01, 'imy-notification')).status, user).toBe(200);
    }
  });

  it('the head and the manager read the incident but neither export it nor prepare the notification (403)', async () => {
    for (const user of ['helena.strand', 'petter.akesson']) {
      expectErrorBody(await draft(user, inc01, 'imy-notification'), 403, 'DRAFT_FORBIDDEN');
    }
  });

  it('is out of reach for a samordnare of other units and the DPO of other controllers (404)', async () => {
    for (const user of ['amir.haddad', 'jonas.berg', 'maria.ek']) {
      expectErrorBody(await draft(user, inc01, 'imy-notification'), 404, 'INCIDENT_NOT_FOUND');
    }
  });

  it('is refused to employees, the reporter included, and to accounts without the right (403)', async () => {
    for (const user of ['emma.rahimi', 'oskar.lindqvist', 'gunnar.alm', 'viktor.berglof']) {
      expectErrorBody(await draft(user, inc01, 'imy-notification'), 403, 'PERMISSION_DENIED');
    }
  });

  it('CSIRT (INC-09): the CISO, the samordnare of EVE and the auditor; not the head, not the DPO (no breach)', async () => {
    for (const user of ['cecilia.lund', 'emil.hagg', 'tove.granath']) {
      expect((await draft(user, inc09, 'csirt-notification')).status, user).toBe(200);
    }
    expectErrorBody(await draft('therese.blom', inc09, 'csirt-notification'), 403, 'DRAFT_FORBIDDEN');
    expectErrorBody(await draft('maria.ek', inc09, 'csirt-notification'), 404, 'INCIDENT_NOT_FOUND');
    expectErrorBody(await draft('nora.falk', inc09, 'csirt-notification'), 404, 'INCIDENT_NOT_FOUND');
  });

  it('answers 400 for an id that is not a uuid', async () => {
    expectErrorBody(await draft('cecilia.lund', 'INC-2026-0001', 'imy-notification'), 400, 'INVALID_ID');
  });
});
