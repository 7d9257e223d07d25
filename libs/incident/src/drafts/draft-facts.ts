import { stockholmDateTime, type PdfRow } from '@varna/documents';
import type { OrgUnitEntity, PersonEntity } from '@varna/organisation';
import {
  ASPECT_LABELS,
  INCIDENT_SUBTYPE_LABELS,
  INCIDENT_TYPE_LABELS,
  PERSONAL_DATA_CATEGORY_LABELS,
  SEVERITY_LABELS,
  type RegulatoryRegime,
  type RegulatoryStage,
} from '../domain';
import type { IncidentEntity } from '../incident.entity';
import type { RegulatoryObligationEntity } from '../regulatory-obligation.entity';
import type { ReceiverDirectory } from '../clock-rules/clock-rules';
import { displayValue, type Redacted, type SecrecyField } from '../secrecy';

/** Everything a draft prints, loaded and redacted by the DraftService; the builders are pure. */
export interface DraftFacts {
  now: Date;
  /** The kommun (tenant) name and organisation number. */
  tenant: { name: string; organisationNumber: string | null };
  /** The incident with every secrecy-marked field masked (BR-D8, §5.2). */
  incident: Redacted<IncidentEntity>;
  unit: OrgUnitEntity;
  /** D-51: the nearest unit on the incident's path (itself included) that is a data controller. */
  controller: OrgUnitEntity | null;
  /** The DPOs appointed by the controller, valid today. */
  dpos: PersonEntity[];
  /** Cyber act: the bolag the unit belongs to, else the kommun (the legal person that reports). */
  operator: { name: string; organisationNumber: string | null };
  /** The nearest `nisSector` on the path. */
  nisSector: string | null;
  handler: PersonEntity | null;
  coordinator: PersonEntity | null;
  stages: RegulatoryObligationEntity[];
  /** D-25: the tenant's receivers (IMY, the CSIRT …). */
  receivers: ReceiverDirectory;
  /** The CSIRT's latest request for an intermediate report (its note), if any. */
  intermediateRequest: { note: string | null } | null;
}

/** `2026-11-16 10:00` (Europe/Stockholm), or null for "Ej angivet". */
export const when = (d: Date | null | undefined): string | null => (d ? stockholmDateTime(d) : null);

/** Swedish digit grouping: 1 234. */
export const count = (n: number | null | undefined): string | null =>
  n === null || n === undefined ? null : n.toLocaleString('sv-SE');

/** A marked field's "[Sekretess enligt …]", else the formatted value. */
export function field<K extends SecrecyField>(
  facts: DraftFacts,
  name: K,
  format: (value: IncidentEntity[K]) => string | null = (v) => (v === null ? null : String(v)),
): string | null {
  const shown = displayValue(facts.incident, name);
  const marked = facts.incident.redactions.some((r) => r.field === name);
  return marked ? (shown as string) : format(facts.incident[name]);
}

export const categories = (facts: DraftFacts) =>
  field(facts, 'dataCategories', (list) =>
    list && list.length ? list.map((c) => PERSONAL_DATA_CATEGORY_LABELS[c].sv).join(', ') : null,
  );

export function typeText(i: IncidentEntity): string | null {
  if (!i.type) return null;
  const type = INCIDENT_TYPE_LABELS[i.type].sv;
  return i.subtype ? `${type} – ${INCIDENT_SUBTYPE_LABELS[i.subtype].sv}` : type;
}

export const aspects = (i: IncidentEntity) =>
  i.aspectsAffected.length ? i.aspectsAffected.map((a) => ASPECT_LABELS[a].sv).join(', ') : null;

export const severity = (i: IncidentEntity) => (i.severity ? SEVERITY_LABELS[i.severity].sv : null);

export function stage(
  facts: DraftFacts,
  regime: RegulatoryRegime,
  name: RegulatoryStage,
): RegulatoryObligationEntity | undefined {
  return facts.stages.find((s) => s.regime === regime && s.stage === name);
}

/** "Pågår fortfarande" / "Har upphört" (the end time itself is not recorded). */
export function endText(i: IncidentEntity): string | null {
  if (i.ongoing === 'YES') return 'Pågår fortfarande';
  if (i.ongoing === 'NO') return 'Har upphört (ange tidpunkten för slutet)';
  return null;
}

export function person(p: PersonEntity | null): string | null {
  if (!p) return null;
  return [p.displayName, p.email, p.phone].filter(Boolean).join(', ');
}

/** A stage's deadline (or target) and how it stands, as rows. */
export function stageRows(s: RegulatoryObligationEntity | undefined): PdfRow[] {
  if (!s) return [{ label: 'Tidsfrist', value: null }];
  const rows: PdfRow[] = [
    s.deadlineAt
      ? { label: 'Sista tidpunkt (lagkrav)', value: when(s.deadlineAt) }
      : { label: 'Mål (intern tidpunkt)', value: when(s.targetAt) },
  ];
  if (s.decision === 'SUBMITTED') rows.push({ label: 'Inlämnad', value: when(s.submittedAt) });
  if (s.externalReference) rows.push({ label: 'Mottagarens referens', value: s.externalReference });
  return rows;
}

/** Whether the stage is (or will be, if sent now) later than its statutory deadline. */
export const isLate = (s: RegulatoryObligationEntity | undefined, now: Date) =>
  !!s?.deadlineAt && (s.submittedAt ?? now) > s.deadlineAt;
