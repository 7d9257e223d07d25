import type { PdfDocumentSpec } from '@varna/documents';
import { BREACH_RISK_ASSESSMENT_LABELS } from '../domain';
import {
  aspects,
  categories,
  count,
  endText,
  field,
  isLate,
  severity,
  stage,
  stageRows,
  typeText,
  when,
  type DraftFacts,
} from './draft-facts';

/** §5.2 and imy.se "Till hjälp vid anmälan": what reaches IMY is an allmän handling there. */
export const IMY_PUBLIC_RECORD_WARNING =
  'Allt som skickas till Integritetsskyddsmyndigheten (IMY) blir en allmän handling hos IMY. ' +
  'Sekretess kan gälla där, men lämna inga onödiga detaljer: inga namn eller personnummer på de ' +
  'registrerade och bara det IMY behöver för att bedöma incidenten. Sekretessmarkerade uppgifter ' +
  'visas här som [Sekretess enligt …]. Utkastet ersätter inte IMY:s e-tjänst: för över uppgifterna dit.';

/** Information to the data subjects (GDPR Art. 34), from its stage or the risk assessment. */
function subjectsInformation(facts: DraftFacts): string | null {
  const s = stage(facts, 'GDPR_ART34_SUBJECTS', 'COMMUNICATION');
  if (s?.decision === 'SUBMITTED') return `De registrerade har informerats ${when(s.submittedAt)}.`;
  if (s?.decision === 'NOT_REQUIRED')
    return `Information krävs inte (art. 34.3): ${s.notRequiredReason ?? ''}`;
  if (s) return `Ska informeras utan onödigt dröjsmål (mål ${when(s.targetAt)}). Ange hur och när.`;
  const risk = facts.incident.breachRiskAssessment;
  if (risk && risk !== 'HIGH_RISK') {
    return `Krävs inte enligt riskbedömningen (${BREACH_RISK_ASSESSMENT_LABELS[risk].sv.toLowerCase()}).`;
  }
  return null;
}

/**
 * The IMY notification of a personal data breach (GDPR Art. 33(3)), in the order of IMY's
 * e-service: controller, contact, what happened and when, data and data subjects, consequences,
 * measures, information to the data subjects, reasons for a delay past 72 hours.
 */
export function imyNotificationDraft(facts: DraftFacts): PdfDocumentSpec {
  const i = facts.incident;
  const notification = stage(facts, 'GDPR_ART33_IMY', 'NOTIFICATION');
  const controller = facts.controller;
  const late = isLate(notification, facts.now);
  return {
    organisationName: facts.tenant.name,
    title: 'Anmälan av personuppgiftsincident till IMY',
    subtitle: `Utkast för ${i.number} – underlag till IMY:s e-tjänst`,
    draft: true,
    generatedAt: facts.now,
    blocks: [
      { type: 'notice', heading: 'Tänk på innan du skickar', text: IMY_PUBLIC_RECORD_WARNING },
      {
        // D-25: the receiver as the tenant has configured it.
        type: 'section',
        heading: 'Mottagare',
        rows: [
          { label: 'Tillsynsmyndighet', value: facts.receivers.IMY.name },
          { label: 'Kontakt', value: facts.receivers.IMY.contact },
        ],
      },
      {
        type: 'section',
        heading: 'Personuppgiftsansvarig',
        rows: [
          { label: 'Personuppgiftsansvarig', value: controller?.name },
          {
            label: 'Organisationsnummer',
            // A nämnd is part of the kommun's legal person; a bolag has its own number (not recorded).
            value: controller && controller.type !== 'COMPANY' ? facts.tenant.organisationNumber : null,
          },
          { label: 'Enhet där incidenten inträffade', value: facts.unit.name },
          { label: 'Ärende i Värna', value: i.number },
        ],
      },
      {
        type: 'section',
        heading: 'Dataskyddsombud (kontakt)',
        rows: facts.dpos.length
          ? facts.dpos.flatMap((p) => [
              { label: 'Namn', value: p.displayName },
              { label: 'E-post', value: p.email },
              { label: 'Telefon', value: p.phone },
            ])
          : [{ label: 'Namn', value: null }],
      },
      {
        type: 'section',
        heading: 'Vad har hänt?',
        rows: [
          { label: 'Rubrik', value: field(facts, 'title') },
          { label: 'Typ av incident', value: typeText(i) },
          { label: 'Beskrivning', value: field(facts, 'description') },
          { label: 'Berörda aspekter', value: aspects(i) },
          { label: 'Allvarlighetsgrad', value: severity(i) },
          {
            label: 'Anmälan i omgångar (art. 33.4)',
            value: notification?.firstPhase ? 'Ja: kompletteras senare' : null,
          },
        ],
      },
      {
        type: 'section',
        heading: 'Tidpunkter (svensk tid)',
        rows: [
          { label: 'Incidenten inträffade (start)', value: when(i.occurredAt) },
          { label: 'Incidentens slut', value: endText(i) },
          { label: 'Upptäcktes', value: when(i.discoveredAt) },
          { label: 'Kännedom (personuppgiftsansvarig)', value: when(i.awareAt) },
          { label: 'Rapporterad i Värna', value: when(i.reportedAt) },
          ...stageRows(notification),
        ],
      },
      {
        type: 'section',
        heading: 'Berörda personuppgifter och registrerade',
        rows: [
          { label: 'Kategorier av personuppgifter', value: categories(facts) },
          { label: 'Antal registrerade (ungefär)', value: field(facts, 'dataSubjectsApprox', count) },
          { label: 'Antal personuppgiftsposter (ungefär)', value: field(facts, 'recordsApprox', count) },
          { label: 'Kategorier av registrerade', value: null },
        ],
      },
      {
        type: 'section',
        heading: 'Konsekvenser',
        rows: [
          { label: 'Sannolika konsekvenser', value: field(facts, 'consequences') },
          {
            label: 'Riskbedömning',
            value: i.breachRiskAssessment ? BREACH_RISK_ASSESSMENT_LABELS[i.breachRiskAssessment].sv : null,
          },
        ],
      },
      {
        type: 'section',
        heading: 'Åtgärder',
        rows: [{ label: 'Vidtagna och planerade åtgärder', value: field(facts, 'measures') }],
      },
      {
        type: 'section',
        heading: 'Information till de registrerade',
        rows: [{ label: 'Information (art. 34)', value: subjectsInformation(facts) }],
      },
      {
        type: 'section',
        heading: 'Anmälan efter 72 timmar',
        rows: late
          ? [{ label: 'Skäl till förseningen', value: notification?.lateReason }]
          : [
              {
                label: 'Skäl till förseningen',
                value: `Ej aktuellt: anmälan inom 72 timmar från kännedom (senast ${when(notification?.deadlineAt) ?? '–'}).`,
              },
            ],
      },
    ],
  };
}
