import type { PdfBlock, PdfDocumentSpec, PdfRow } from '@varna/documents';
import { INCIDENT_SUBTYPE_LABELS, ROOT_CAUSE_CATEGORY_LABELS, type IncidentSubtype } from '../domain';
import {
  aspects,
  endText,
  field,
  person,
  severity,
  stageRows,
  typeText,
  when,
  type DraftFacts,
} from './draft-facts';

/**
 * The CSIRT reports of the cyber act (NIS2 Art. 23(4)(a)–(e)): early warning, incident notification,
 * the intermediate report the CSIRT asks for, the progress report while the incident is ongoing, and
 * the final report.
 */
export const CSIRT_STAGES = [
  'EARLY_WARNING',
  'INCIDENT_NOTIFICATION',
  'INTERMEDIATE_REPORT',
  'PROGRESS_REPORT',
  'FINAL_REPORT',
] as const;
export type CsirtStage = (typeof CSIRT_STAGES)[number];

const TITLES: Record<CsirtStage, string> = {
  EARLY_WARNING: 'Tidig varning om betydande incident',
  INCIDENT_NOTIFICATION: 'Incidentanmälan om betydande incident',
  INTERMEDIATE_REPORT: 'Delrapport om betydande incident',
  PROGRESS_REPORT: 'Lägesrapport om betydande incident',
  FINAL_REPORT: 'Slutrapport om betydande incident',
};

const PERIODS: Record<CsirtStage, string> = {
  EARLY_WARNING: 'inom 24 timmar från kännedom',
  INCIDENT_NOTIFICATION: 'inom 72 timmar från kännedom',
  INTERMEDIATE_REPORT: 'den tidsfrist CSIRT-enhetens begäran anger (art. 23.4 c)',
  PROGRESS_REPORT: 'senast en månad efter incidentanmälan, i stället för slutrapporten (art. 23.4 e)',
  FINAL_REPORT: 'senast en månad efter incidentanmälan',
};

export const CSIRT_PUBLIC_RECORD_WARNING =
  'Det som lämnas till CSIRT-enheten blir en allmän handling hos mottagaren. Sekretess kan gälla ' +
  'där, men lämna inga onödiga detaljer och inga uppgifter som omfattas av säkerhetsskydd. ' +
  'Sekretessmarkerade uppgifter visas här som [Sekretess enligt …]. Rapportera i mottagarens ' +
  'e-tjänst; utkastet är ett underlag.';

/** Subtypes that by their nature are deliberate acts (Art. 23(4)(a): unlawful or malicious). */
const MALICIOUS_SUBTYPES: readonly IncidentSubtype[] = [
  'PHISHING',
  'MALWARE',
  'RANSOMWARE',
  'UNAUTHORISED_ACCESS',
  'DENIAL_OF_SERVICE',
];

/** Art. 23(4)(a): is the incident suspected to be caused by unlawful or malicious acts? */
function suspectedMalicious(facts: DraftFacts): string | null {
  const i = facts.incident;
  if (i.rootCauseCategory === 'ANTAGONISTIC')
    return 'Ja: grundorsaken är bedömd som en antagonistisk handling.';
  if (i.subtype && MALICIOUS_SUBTYPES.includes(i.subtype)) {
    return `Misstänks: incidenttypen (${INCIDENT_SUBTYPE_LABELS[i.subtype].sv.toLowerCase()}) tyder på en avsiktlig handling.`;
  }
  if (i.rootCauseCategory) {
    return `Nej: grundorsaken är bedömd som ${ROOT_CAUSE_CATEGORY_LABELS[i.rootCauseCategory].sv.toLowerCase()}.`;
  }
  return null;
}

/** The stage the draft is for: the latest of its kind (the CSIRT may ask for several delrapporter). */
function latestStage(facts: DraftFacts, which: CsirtStage) {
  return facts.stages.filter((s) => s.regime === 'CYBER_ACT' && s.stage === which).at(-1);
}

const rootCause = (facts: DraftFacts) => {
  const category = facts.incident.rootCauseCategory;
  return category ? ROOT_CAUSE_CATEGORY_LABELS[category].sv : null;
};

/**
 * A CSIRT report draft under the cyber act (2025:1506) with the contents of NIS2 Art. 23(4): the
 * early warning (suspected malicious cause, cross-border impact), the incident notification (an
 * initial assessment of severity and impact, indicators of compromise) and the final report
 * (detailed description, threat or root cause, mitigation, cross-border impact).
 */
export function csirtReportDraft(facts: DraftFacts, which: CsirtStage): PdfDocumentSpec {
  const i = facts.incident;
  const own = latestStage(facts, which);
  const receiver = facts.receivers.CSIRT;
  const reporter: PdfBlock = {
    type: 'section',
    heading: 'Verksamhetsutövare',
    rows: [
      { label: 'Verksamhetsutövare', value: facts.operator.name },
      { label: 'Organisationsnummer', value: facts.operator.organisationNumber },
      { label: 'Sektor', value: facts.nisSector },
      { label: 'Enhet där incidenten inträffade', value: facts.unit.name },
      { label: 'Kontaktperson (handläggare)', value: person(facts.handler) },
      { label: 'Samordnare', value: person(facts.coordinator) },
      { label: 'Ärende i Värna', value: i.number },
    ],
  };
  const deadline: PdfBlock = {
    type: 'section',
    heading: `Tidsfrist: ${PERIODS[which]}`,
    rows: stageRows(own),
  };
  const times: PdfRow[] = [
    { label: 'Incidenten inträffade (start)', value: when(i.occurredAt) },
    { label: 'Upptäcktes', value: when(i.discoveredAt) },
    { label: 'Kännedom', value: when(i.awareAt) },
    { label: 'Pågår incidenten?', value: endText(i) },
  ];
  const earlyWarning: PdfRow[] = [
    {
      label: 'Misstänks olagliga eller avsiktligt skadliga handlingar? (art. 23.4 a)',
      value: suspectedMalicious(facts),
    },
    { label: 'Kan incidenten få gränsöverskridande konsekvenser? (art. 23.4 a)', value: null },
  ];
  const blocks: PdfBlock[] = [
    { type: 'notice', heading: 'Tänk på innan du skickar', text: CSIRT_PUBLIC_RECORD_WARNING },
    {
      type: 'section',
      heading: 'Mottagare',
      rows: [
        { label: 'CSIRT-enhet', value: receiver.name },
        { label: 'Kontakt', value: receiver.contact },
      ],
    },
    reporter,
    deadline,
  ];
  const status: PdfRow[] = [
    { label: 'Rubrik', value: field(facts, 'title') },
    { label: 'Typ av incident', value: typeText(i) },
    { label: 'Beskrivning', value: field(facts, 'description') },
    ...times,
    { label: 'Allvarlighetsgrad', value: severity(i) },
    { label: 'Berörda aspekter', value: aspects(i) },
    { label: 'Konsekvenser', value: field(facts, 'consequences') },
    { label: 'Vidtagna och pågående åtgärder', value: field(facts, 'measures') },
  ];
  if (which === 'INTERMEDIATE_REPORT') {
    const request = facts.intermediateRequest;
    blocks.push(
      {
        type: 'section',
        heading: 'CSIRT-enhetens begäran (art. 23.4 c)',
        rows: [
          { label: 'Begäran mottagen', value: when(own?.anchorAt) },
          { label: 'Vad CSIRT-enheten begär', value: request?.note ?? null },
        ],
      },
      { type: 'section', heading: 'Relevanta statusuppdateringar', rows: status },
    );
  }
  if (which === 'PROGRESS_REPORT') {
    blocks.push(
      {
        type: 'notice',
        heading: 'Incidenten pågår',
        text:
          'Incidenten pågår när slutrapporten ska lämnas. Lägesrapporten lämnas i stället; slutrapporten ' +
          'lämnas senast en månad efter att incidenten har hanterats (art. 23.4 e).',
      },
      { type: 'section', heading: 'Läget just nu', rows: status },
      {
        type: 'section',
        heading: 'Grundorsak hittills',
        rows: [
          { label: 'Grundorsak (kategori)', value: rootCause(facts) },
          { label: 'Grundorsak', value: field(facts, 'rootCause') },
          {
            label: 'Misstänks olagliga eller avsiktligt skadliga handlingar?',
            value: suspectedMalicious(facts),
          },
        ],
      },
    );
  }
  if (which === 'EARLY_WARNING') {
    blocks.push(
      {
        type: 'section',
        heading: 'Vad har hänt?',
        rows: [
          { label: 'Rubrik', value: field(facts, 'title') },
          { label: 'Typ av incident', value: typeText(i) },
          { label: 'Kort beskrivning', value: field(facts, 'description') },
          ...times,
        ],
      },
      { type: 'section', heading: 'Tidig bedömning', rows: earlyWarning },
    );
  }
  if (which === 'INCIDENT_NOTIFICATION') {
    blocks.push(
      {
        type: 'section',
        heading: 'Uppdatering av den tidiga varningen',
        rows: [
          { label: 'Rubrik', value: field(facts, 'title') },
          { label: 'Typ av incident', value: typeText(i) },
          { label: 'Beskrivning', value: field(facts, 'description') },
          ...times,
          ...earlyWarning,
        ],
      },
      {
        type: 'section',
        heading: 'Inledande bedömning (art. 23.4 b)',
        rows: [
          { label: 'Allvarlighetsgrad', value: severity(i) },
          { label: 'Berörda aspekter', value: aspects(i) },
          { label: 'Konsekvenser', value: field(facts, 'consequences') },
          { label: 'Indikatorer på intrång (IoC)', value: null },
          { label: 'Vidtagna åtgärder', value: field(facts, 'measures') },
        ],
      },
    );
  }
  if (which === 'FINAL_REPORT') {
    const progress = i.ongoing === 'YES';
    if (progress) {
      blocks.push({
        type: 'notice',
        heading: 'Incidenten pågår',
        text:
          'Pågår incidenten när slutrapporten ska lämnas, lämnas en lägesrapport i stället; slutrapporten ' +
          'lämnas senast en månad efter att incidenten har hanterats (art. 23.4 e).',
      });
    }
    blocks.push(
      {
        type: 'section',
        heading: 'Detaljerad beskrivning (art. 23.4 d i)',
        rows: [
          { label: 'Rubrik', value: field(facts, 'title') },
          { label: 'Typ av incident', value: typeText(i) },
          { label: 'Beskrivning', value: field(facts, 'description') },
          ...times,
          { label: 'Allvarlighetsgrad', value: severity(i) },
          { label: 'Berörda aspekter', value: aspects(i) },
          { label: 'Konsekvenser', value: field(facts, 'consequences') },
        ],
      },
      {
        type: 'section',
        heading: 'Typ av hot eller grundorsak (art. 23.4 d ii)',
        rows: [
          { label: 'Grundorsak (kategori)', value: rootCause(facts) },
          { label: 'Grundorsak', value: field(facts, 'rootCause') },
          {
            label: 'Misstänks olagliga eller avsiktligt skadliga handlingar?',
            value: suspectedMalicious(facts),
          },
        ],
      },
      {
        type: 'section',
        heading: 'Åtgärder (art. 23.4 d iii)',
        rows: [
          { label: 'Tillämpade och pågående riskbegränsande åtgärder', value: field(facts, 'measures') },
        ],
      },
      {
        type: 'section',
        heading: 'Gränsöverskridande konsekvenser (art. 23.4 d iv)',
        rows: [{ label: 'Gränsöverskridande konsekvenser', value: null }],
      },
      {
        type: 'section',
        heading: 'Lärdomar',
        rows: [{ label: 'Lärdomar', value: field(facts, 'lessonsLearned') }],
      },
    );
  }
  return {
    organisationName: facts.tenant.name,
    title: TITLES[which],
    subtitle: `Utkast för ${i.number} – cybersäkerhetslagen (2025:1506), till ${receiver.name}`,
    draft: true,
    generatedAt: facts.now,
    blocks,
  };
}
