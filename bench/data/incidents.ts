import { formatIncidentNumber } from '@varna/incident';
import { insertRows, type BulkColumn } from '../db';
import { WeightedTable, type Prng } from '../prng';
import type { DataModule, GeneratedUnit, GenerationContext } from './context';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const INCIDENT_COLUMNS: BulkColumn[] = [
  { key: 'id', type: 'uuid' },
  { key: 'tenantId', type: 'uuid' },
  { key: 'createdAt', type: 'timestamptz' },
  { key: 'updatedAt', type: 'timestamptz' },
  { key: 'version', type: 'int' },
  { key: 'number', type: 'varchar' },
  { key: 'type', type: 'varchar' },
  { key: 'subtype', type: 'varchar' },
  { key: 'title', type: 'varchar' },
  { key: 'description', type: 'text' },
  { key: 'orgUnitId', type: 'uuid' },
  { key: 'orgUnitPath', type: 'uuid[]' },
  { key: 'reporterId', type: 'uuid' },
  { key: 'channel', type: 'varchar' },
  { key: 'occurredAt', type: 'timestamptz' },
  { key: 'discoveredAt', type: 'timestamptz' },
  { key: 'reportedAt', type: 'timestamptz' },
  { key: 'awareAt', type: 'timestamptz' },
  { key: 'ongoing', type: 'varchar' },
  { key: 'personalDataInvolved', type: 'varchar' },
  { key: 'severity', type: 'varchar' },
  { key: 'aspectsAffected', type: 'text[]' },
  { key: 'handlerId', type: 'uuid' },
  { key: 'coordinatorId', type: 'uuid' },
  { key: 'status', type: 'varchar' },
  { key: 'rejectionReason', type: 'text' },
  { key: 'breachRiskAssessment', type: 'varchar' },
  { key: 'significantUnderCyberAct', type: 'boolean' },
  { key: 'rootCauseCategory', type: 'varchar' },
  { key: 'rootCause', type: 'text' },
  { key: 'consequences', type: 'text' },
  { key: 'measures', type: 'text' },
  { key: 'lessonsLearned', type: 'text' },
  { key: 'triagedAt', type: 'timestamptz' },
  { key: 'closedAt', type: 'timestamptz' },
];
const OBLIGATION_COLUMNS: BulkColumn[] = [
  { key: 'id', type: 'uuid' },
  { key: 'tenantId', type: 'uuid' },
  { key: 'createdAt', type: 'timestamptz' },
  { key: 'updatedAt', type: 'timestamptz' },
  { key: 'incidentId', type: 'uuid' },
  { key: 'orgUnitId', type: 'uuid' },
  { key: 'orgUnitPath', type: 'uuid[]' },
  { key: 'regime', type: 'varchar' },
  { key: 'stage', type: 'varchar' },
  { key: 'anchor', type: 'varchar' },
  { key: 'anchorAt', type: 'timestamptz' },
  { key: 'deadlineAt', type: 'timestamptz' },
  { key: 'receiver', type: 'varchar' },
  { key: 'decision', type: 'varchar' },
  { key: 'submittedAt', type: 'timestamptz' },
  { key: 'submittedById', type: 'uuid' },
  { key: 'lateReason', type: 'text' },
];

// The spread of §6.6 (breaches, IT incidents and deviations dominate), over many more rows.
const TYPES = {
  PERSONAL_DATA_BREACH: 25,
  IT_INCIDENT: 30,
  DEVIATION: 28,
  INFOSEC_INCIDENT: 12,
  SECURITY_EVENT: 5,
} as const;
type Type = keyof typeof TYPES;
const SUBTYPES: Record<Type, Record<string, number>> = {
  PERSONAL_DATA_BREACH: {
    WRONG_RECIPIENT: 45,
    WRONG_RECORD: 15,
    LOST_DEVICE: 15,
    UNAUTHORISED_ACCESS: 15,
    OTHER: 10,
  },
  IT_INCIDENT: { OUTAGE: 50, MALWARE: 15, DENIAL_OF_SERVICE: 5, SUPPLIER: 20, OTHER: 10 },
  DEVIATION: {
    CASE_HANDLING: 45,
    SECRECY: 15,
    REGISTRATION_ARCHIVE: 10,
    LEX_SARAH: 15,
    LEX_MARIA: 5,
    OTHER: 10,
  },
  INFOSEC_INCIDENT: { PHISHING: 40, EXCESSIVE_ACCESS_RIGHTS: 20, PHYSICAL: 20, RANSOMWARE: 5, OTHER: 15 },
  SECURITY_EVENT: { PHISHING: 50, MALWARE: 30, OTHER: 20 },
};
const TITLES: Record<string, string> = {
  WRONG_RECIPIENT: 'Brev skickat till fel mottagare',
  WRONG_RECORD: 'Handling i fel personakt',
  LOST_DEVICE: 'Borttappad mobiltelefon',
  UNAUTHORISED_ACCESS: 'Obehörig åtkomst till journal',
  OUTAGE: 'Verksamhetssystemet otillgängligt',
  MALWARE: 'Skadlig kod på arbetsdator',
  DENIAL_OF_SERVICE: 'Överbelastning av e-tjänst',
  SUPPLIER: 'Leverantörens tjänst nere',
  CASE_HANDLING: 'Brist i handläggningen',
  SECRECY: 'Samtal till fel nummer',
  REGISTRATION_ARCHIVE: 'Handling inte diarieförd',
  LEX_SARAH: 'Missförhållande i omsorgen',
  LEX_MARIA: 'Vårdskada vid läkemedelshantering',
  PHISHING: 'Nätfiskemejl med inloggningslänk',
  EXCESSIVE_ACCESS_RIGHTS: 'För breda behörigheter i systemet',
  PHYSICAL: 'Okänd person i personalutrymmet',
  RANSOMWARE: 'Krypterade filer på filserver',
  OTHER: 'Övrig händelse',
};
const ROOT_CAUSES = {
  HUMAN_ERROR: 40,
  ROUTINE_MISSING: 15,
  ROUTINE_NOT_FOLLOWED: 20,
  TECHNICAL_FAULT: 15,
  SUPPLIER: 5,
  ANTAGONISTIC: 3,
  UNKNOWN: 2,
} as const;
// The last 120 days hold the open cases; older ones are closed or rejected.
const RECENT_STATUSES = {
  REPORTED: 8,
  TRIAGED: 12,
  INVESTIGATING: 25,
  ACTIONS: 15,
  CLOSED: 35,
  REJECTED: 5,
} as const;
const OLD_STATUSES = { CLOSED: 91, REJECTED: 9 } as const;
type Status = keyof typeof RECENT_STATUSES;

/**
 * The timeline the app writes on the way (BR-D3), derived in SQL from each incident's own times:
 * CREATED by the reporter, then STATUS_CHANGED to REJECTED, or to TRIAGED, INVESTIGATING, ACTIONS
 * (always for ACTIONS, for two in five closed ones) and CLOSED by the coordinator or handler; ≈ 4
 * entries an incident. Generated server-side because 4 million rows need not cross the wire; numbered
 * inside each incident's lateral (no sort of the whole table) and run as two halves on two
 * connections, so both cores work.
 */
const TIMELINE_SQL = `
  INSERT INTO incident_timeline_entry
    (tenant_id, incident_id, seq, org_unit_id, org_unit_path, incident_type, occurred_at, actor_id, kind, text, data, created_at)
  SELECT i.tenant_id, i.id, s.seq, i.org_unit_id, i.org_unit_path, i.type, s.at, s.actor, s.kind, s.text, s.data, s.at
    FROM incident i
   CROSS JOIN LATERAL (
     SELECT COALESCE(i.coordinator_id, i.handler_id) AS handler,
            i.status = 'ACTIONS' OR (i.status = 'CLOSED' AND abs(hashtext(i.number)) % 5 < 2) AS via_actions,
            COALESCE(i.closed_at, i.triaged_at + interval '10 days') - i.triaged_at AS span
   ) x
   CROSS JOIN LATERAL (
    SELECT v.*, row_number() OVER (ORDER BY v.ord)::int AS seq FROM (VALUES
     (1, i.reported_at, i.reporter_id, 'CREATED', i.description,
         jsonb_build_object('number', i.number, 'title', i.title, 'orgUnitId', i.org_unit_id, 'channel', i.channel)),
     (2, CASE WHEN i.status = 'REJECTED' THEN i.updated_at END, x.handler, 'STATUS_CHANGED', NULL,
         '{"from": "REPORTED", "to": "REJECTED"}'::jsonb),
     (3, i.triaged_at, x.handler, 'STATUS_CHANGED', NULL, '{"from": "REPORTED", "to": "TRIAGED"}'::jsonb),
     (4, CASE WHEN i.status IN ('INVESTIGATING', 'ACTIONS', 'CLOSED') THEN i.triaged_at + x.span / 4 END,
         x.handler, 'STATUS_CHANGED', NULL, '{"from": "TRIAGED", "to": "INVESTIGATING"}'::jsonb),
     (5, CASE WHEN x.via_actions THEN i.triaged_at + x.span / 2 END, x.handler, 'STATUS_CHANGED', NULL,
         '{"from": "INVESTIGATING", "to": "ACTIONS"}'::jsonb),
     (6, i.closed_at, x.handler, 'STATUS_CHANGED', NULL,
         jsonb_build_object('from', CASE WHEN x.via_actions THEN 'ACTIONS' ELSE 'INVESTIGATING' END, 'to', 'CLOSED'))
     ) AS v(ord, at, actor, kind, text, data)
     WHERE v.at IS NOT NULL
   ) AS s
   WHERE i.tenant_id = $1 AND mod(hashtext(i.id::text)::bigint + 2147483648, $2::int) = $3::int`;

const seconds = (since: number) => ((Date.now() - since) / 1000).toFixed(1);

/** Start of a Stockholm calendar year (1 January is always CET, UTC+1). */
const yearStart = (year: number) => Date.UTC(year - 1, 11, 31, 23);

interface Row extends Record<string, unknown> {
  id: string;
  orgUnitId: string;
  orgUnitPath: string[];
  type: Type | null;
  status: Status;
  reportedAt: Date;
  awareAt: Date;
  reporterId: string;
  handlerId: string | null;
  coordinatorId: string | null;
}

/**
 * Incidents and deviations over `years` years up to the dataset's now, numbered INC-YYYY-NNNN in
 * order of reportedAt per Stockholm year (the counter table set to each year's last number), with
 * the timeline the app would have written (≈ 4 entries) and GDPR Art. 33 stages (≈ 1 %).
 */
export const incidents: DataModule = {
  name: 'incidents',
  async generate(ctx) {
    const { profile, rng } = ctx;
    const started = Date.now();
    const now = ctx.now.getTime();
    const start = now - profile.years * 365.25 * DAY;
    // Reports grow over the decade (density rising linearly), sorted so numbers follow time.
    const times = new Float64Array(profile.incidents);
    for (let i = 0; i < times.length; i++) times[i] = start + (now - start) * Math.sqrt(rng.next());
    times.sort();

    const places = new WeightedTable(
      ctx.units.filter((u) => u.type === 'UNIT' || u.type === 'DIVISION'),
      (u) => (u.type === 'UNIT' ? u.headcount : 5),
    );
    const pdbShare = TYPES.PERSONAL_DATA_BREACH / Object.values(TYPES).reduce((a, b) => a + b, 0);
    const obligationChance = profile.obligations / (profile.incidents * pdbShare * 0.95);

    const counters = new Map<number, number>();
    let year = new Date(start).getUTCFullYear();
    const counts = { incidents: 0, timelineEntries: 0, obligations: 0 };
    const CHUNK = 10_000;
    let pending: Promise<void> = Promise.resolve();
    let waitedMs = 0;
    for (let from = 0; from < times.length; from += CHUNK) {
      const batch: Row[] = [];
      const obligations: Record<string, unknown>[] = [];
      for (let i = from; i < Math.min(from + CHUNK, times.length); i++) {
        const reportedAt = new Date(Math.floor(times[i]));
        while (reportedAt.getTime() >= yearStart(year + 1)) year += 1;
        const n = (counters.get(year) ?? 0) + 1;
        counters.set(year, n);
        const row = incident(ctx, rng, places.pick(rng), reportedAt, formatIncidentNumber(year, n), now);
        batch.push(row);
        if (
          row.type === 'PERSONAL_DATA_BREACH' &&
          row.status !== 'REPORTED' &&
          rng.chance(obligationChance)
        ) {
          obligations.push(imyNotification(rng, ctx.tenantId, row, now));
        }
      }
      // Written while the next chunk is generated: the database and the generator work in parallel.
      const waitStarted = Date.now();
      await pending;
      waitedMs += Date.now() - waitStarted;
      pending = (async () => {
        await insertRows(ctx.client, 'incident', INCIDENT_COLUMNS, batch);
        await insertRows(ctx.client, 'regulatory_obligation', OBLIGATION_COLUMNS, obligations);
      })();
      for (const { rejectedAt: _r, ...row } of batch) await ctx.history.add('Incident', row.id, row);
      for (const o of obligations) await ctx.history.add('RegulatoryObligation', o.id as string, o);
      counts.incidents += batch.length;
      counts.obligations += obligations.length;
      if ((from / CHUNK) % 10 === 9) ctx.log(`  incidents: ${counts.incidents} of ${times.length}`);
    }
    await pending;
    ctx.log(
      `  incidents written and hashed: ${seconds(started)} s (waited for the database: incidents ` +
        `${(waitedMs / 1000).toFixed(1)} s, history ${(ctx.history.waitedMs / 1000).toFixed(1)} s)`,
    );
    const timelineStarted = Date.now();
    const parts = 2;
    const written = await Promise.all(
      Array.from({ length: parts }, (_, part) => ctx.client.query(TIMELINE_SQL, [ctx.tenantId, parts, part])),
    );
    counts.timelineEntries = written.reduce((n, r) => n + (r.rowCount ?? 0), 0);
    ctx.log(`  timeline (${counts.timelineEntries} entries, in SQL): ${seconds(timelineStarted)} s`);
    for (const [y, last] of counters) {
      await ctx.client.query(
        `INSERT INTO incident_number_counter (tenant_id, year, last_value) VALUES ($1, $2, $3)`,
        [ctx.tenantId, y, last],
      );
    }
    return counts;
  },
};

function incident(
  ctx: GenerationContext,
  rng: Prng,
  unit: GeneratedUnit,
  reportedAt: Date,
  number: string,
  now: number,
): Row {
  const recent = now - reportedAt.getTime() < 120 * DAY;
  const status: Status = recent ? rng.weighted(RECENT_STATUSES) : rng.weighted(OLD_STATUSES);
  // A report rejected at once may never have had a type; everything past REPORTED has one.
  const typed = status !== 'REPORTED' && !(status === 'REJECTED' && rng.chance(0.5));
  const type = typed ? rng.weighted(TYPES) : null;
  const subtype = type ? rng.weighted(SUBTYPES[type]) : null;
  const local = ctx.personsByUnit.get(unit.id);
  const reporterId = (local?.length ? rng.pick(local) : rng.pick(ctx.persons)).id;
  const t = reportedAt.getTime();
  const discoveredAt = new Date(t - rng.int(0, 6 * 60) * 60_000);
  const occurredAt = rng.chance(0.8) ? new Date(discoveredAt.getTime() - rng.int(0, 48 * 60) * 60_000) : null;
  const awareAt = rng.chance(0.1) ? discoveredAt : reportedAt;
  const triaged = typed && status !== 'REJECTED';
  const triagedAt = triaged ? new Date(Math.min(t + rng.int(1, 72) * HOUR, now - HOUR)) : null;
  const closedAt =
    status === 'CLOSED' && triagedAt
      ? new Date(Math.min(triagedAt.getTime() + rng.int(2, 60) * DAY, now - HOUR / 2))
      : null;
  const rejectedAt = status === 'REJECTED' ? new Date(Math.min(t + rng.int(1, 48) * HOUR, now - HOUR)) : null;
  const severity = triaged ? rng.weighted({ LOW: 40, MEDIUM: 40, HIGH: 17, CRITICAL: 3 }) : null;
  const breach = type === 'PERSONAL_DATA_BREACH';
  const rootCause = closedAt ? rng.weighted(ROOT_CAUSES) : null;
  const title = subtype ? TITLES[subtype] : 'Något har hänt';
  const updatedAt = closedAt ?? rejectedAt ?? triagedAt ?? reportedAt;
  return {
    id: rng.uuid(),
    tenantId: ctx.tenantId,
    createdAt: reportedAt,
    updatedAt,
    version: 1 + (triagedAt ? 1 : 0) + (closedAt ? 2 : 0) + (rejectedAt ? 1 : 0),
    number,
    type,
    subtype,
    title,
    description: `${title}. Upptäcktes av personal på enheten ${unit.code} och anmäldes via formuläret.`,
    orgUnitId: unit.id,
    orgUnitPath: unit.path,
    reporterId,
    reportedOnBehalfOfName: null,
    channel: rng.weighted({ FORM: 70, MOBILE: 20, PHONE_TO_MANAGER: 7, API_ALERT: 3 }),
    occurredAt,
    discoveredAt,
    reportedAt,
    awareAt,
    ongoing: closedAt ? 'NO' : rng.weighted({ YES: 10, NO: 70, UNKNOWN: 20 }),
    personalDataInvolved: breach ? 'YES' : rng.weighted({ NO: 70, UNKNOWN: 20, YES: 10 }),
    severity,
    aspectsAffected: closedAt ? [breach ? 'K' : type === 'IT_INCIDENT' ? 'T' : 'R'] : [],
    handlerId: triaged ? (ctx.managerOf.get(unit.id) ?? null) : null,
    coordinatorId: triaged ? (ctx.coordinatorOf.get(unit.administrationId ?? '') ?? null) : null,
    status,
    rejectionReason: rejectedAt ? 'Ej incident, hänvisad till servicedesk.' : null,
    breachRiskAssessment: breach && triaged ? rng.weighted({ UNLIKELY: 60, RISK: 35, HIGH_RISK: 5 }) : null,
    significantUnderCyberAct: triaged ? false : null,
    rootCauseCategory: rootCause,
    rootCause: rootCause ? 'Rutinen för kontroll före utskick följdes inte.' : null,
    consequences: closedAt ? 'Begränsad spridning, uppgifterna återkallades.' : null,
    measures: closedAt ? 'Mottagaren ombads radera; rutinen förtydligad.' : null,
    lessonsLearned: rootCause ? 'Dubbelkontroll av mottagare före utskick.' : null,
    qualityDeviationRef: null,
    triagedAt,
    closedAt,
    idempotencyKey: null,
    idempotencyHash: null,
    // Not columns: the timeline's times.
    rejectedAt,
  };
}

/** The 72-hour IMY notification (GDPR Art. 33): submitted for settled cases, mostly in time. */
function imyNotification(rng: Prng, tenantId: string, row: Row, now: number): Record<string, unknown> {
  const anchorAt = row.awareAt;
  const deadlineAt = new Date(anchorAt.getTime() + 72 * HOUR);
  const settled = row.status === 'CLOSED' || rng.chance(0.5);
  const submittedAt = settled
    ? new Date(Math.min(anchorAt.getTime() + rng.int(6, 90) * HOUR, now - HOUR))
    : null;
  return {
    id: rng.uuid(),
    tenantId,
    createdAt: row.triagedAt ?? row.reportedAt,
    updatedAt: submittedAt ?? row.triagedAt ?? row.reportedAt,
    incidentId: row.id,
    orgUnitId: row.orgUnitId,
    orgUnitPath: row.orgUnitPath,
    regime: 'GDPR_ART33_IMY',
    stage: 'NOTIFICATION',
    anchor: 'AWARE_AT',
    anchorAt,
    deadlineAt,
    receiver: 'IMY',
    decision: submittedAt ? 'SUBMITTED' : null,
    submittedAt,
    submittedById: submittedAt ? (row.coordinatorId ?? row.handlerId) : null,
    lateReason: submittedAt && submittedAt > deadlineAt ? 'Anmälan nådde ansvarig chef för sent.' : null,
  };
}
