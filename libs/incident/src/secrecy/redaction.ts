/**
 * Secrecy markings of incident fields (BR-D8, domain.md §5.2) and the one redaction every read path
 * and export goes through. Pure: no database, no framework, so API views, the register export and
 * the PDF drafts mask alike.
 */

/** The fields that may be marked: description, investigation and data-subject fields (BR-D8). */
export const SECRECY_FIELDS = [
  'title',
  'description',
  'rootCause',
  'consequences',
  'measures',
  'lessonsLearned',
  'dataSubjectsApprox',
  'recordsApprox',
  'dataCategories',
] as const;
export type SecrecyField = (typeof SECRECY_FIELDS)[number];

/** Text fields take the mask text itself; the others (numbers, lists) become null. */
export const SECRECY_TEXT_FIELDS: readonly SecrecyField[] = [
  'title',
  'description',
  'rootCause',
  'consequences',
  'measures',
  'lessonsLearned',
];

export const SECRECY_FIELD_LABELS: Record<SecrecyField, string> = {
  title: 'Rubrik',
  description: 'Beskrivning',
  rootCause: 'Grundorsak',
  consequences: 'Konsekvenser',
  measures: 'Åtgärder',
  lessonsLearned: 'Lärdomar',
  dataSubjectsApprox: 'Antal registrerade (ungefär)',
  recordsApprox: 'Antal poster (ungefär)',
  dataCategories: 'Kategorier av personuppgifter',
};

/**
 * An OSL reference: `26 kap. 1 § OSL`, `18 kap. 8 § OSL`, `21 kap. 7 § OSL`, also with a letter
 * paragraph (`10 a §`), a stycke (`första stycket`, `1 st.`) or a punkt (`2 p.`). Offentlighets- och
 * sekretesslagen (2009:400) has 44 chapters.
 */
export const OSL_PROVISION_PATTERN =
  /^([1-9]|[1-3]\d|4[0-4]) kap\. [1-9]\d{0,2}(?: [a-z])? §(?: (?:[1-9] st\.|(?:första|andra|tredje|fjärde|femte|sjätte) stycket))?(?: [1-9]\d? p\.)? OSL$/;

/** Collapses runs of whitespace so `26  kap. 1 §  OSL` is accepted as `26 kap. 1 § OSL`. */
export function normaliseProvision(provision: string): string {
  return provision.trim().replace(/\s+/g, ' ');
}

export function isOslProvision(provision: string): boolean {
  return OSL_PROVISION_PATTERN.test(normaliseProvision(provision));
}

/** What redaction needs of a marking (the entity and its DTO both fit). */
export interface SecrecyMarkingLike {
  fieldPaths: readonly string[];
  provision: string;
}

/** One masked field: what it is, under which provisions, and the text shown instead. */
export interface Redaction {
  field: SecrecyField;
  provisions: string[];
  text: string;
}

/** "[Sekretess enligt 26 kap. 1 § OSL]"; several provisions are listed in the order marked. */
export function secrecyMaskText(provisions: readonly string[]): string {
  return `[Sekretess enligt ${provisions.join(', ')}]`;
}

/** The marked fields, each once, with every provision that marks it. */
export function redactionsFor(markings: readonly SecrecyMarkingLike[]): Redaction[] {
  const byField = new Map<SecrecyField, string[]>();
  for (const marking of markings) {
    for (const path of marking.fieldPaths) {
      if (!(SECRECY_FIELDS as readonly string[]).includes(path)) continue;
      const field = path as SecrecyField;
      const provisions = byField.get(field) ?? [];
      if (!provisions.includes(marking.provision)) provisions.push(marking.provision);
      byField.set(field, provisions);
    }
  }
  return SECRECY_FIELDS.filter((f) => byField.has(f)).map((field) => {
    const provisions = byField.get(field) as string[];
    return { field, provisions, text: secrecyMaskText(provisions) };
  });
}

/** The incident fields redaction looks at; any view (DTO, entity, export row) may carry more. */
export interface RedactableIncident {
  title?: string;
  description?: string;
  rootCause?: string | null;
  consequences?: string | null;
  measures?: string | null;
  lessonsLearned?: string | null;
  dataSubjectsApprox?: number | null;
  recordsApprox?: number | null;
  dataCategories?: readonly string[] | null;
}

export type Redacted<T> = T & { redactions: Redaction[] };

/**
 * A copy of `view` with every marked field masked: a text field holds "[Sekretess enligt …]", a
 * number or list field is null (its mask text is in `redactions`, for exports and documents to print).
 * Fields the view does not carry are left out of `redactions` too.
 */
export function redactIncident<T extends RedactableIncident>(
  view: T,
  markings: readonly SecrecyMarkingLike[],
): Redacted<T> {
  const copy = { ...view } as Record<string, unknown>;
  const redactions = redactionsFor(markings).filter((r) => r.field in copy);
  for (const r of redactions) {
    copy[r.field] = SECRECY_TEXT_FIELDS.includes(r.field) ? r.text : null;
  }
  return { ...(copy as T), redactions };
}

/** The value to print for a field: its mask text when redacted, else the value itself. */
export function displayValue<T extends RedactableIncident, K extends keyof T & string>(
  view: Redacted<T>,
  field: K,
): T[K] | string {
  const redaction = view.redactions.find((r) => r.field === field);
  return redaction ? redaction.text : view[field];
}
