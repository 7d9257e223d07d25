import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Principal, whereAllowed } from '@varna/authz';
import { Clock } from '@varna/core';
import { canonicalJson } from '@varna/history';
import { DataSource, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { fromStockholmLocal, STOCKHOLM_TIME_ZONE, toStockholmLocal } from './domain';
import type {
  IncidentStatisticsDto,
  IncidentStatisticsQueryDto,
  StatisticsCountDto,
  StatisticsMedianDto,
  StatisticsShareDto,
  TertialCountsDto,
} from './dto/incident-statistics.dto';
import { IncidentEntity } from './incident.entity';
import { RegulatoryObligationEntity } from './regulatory-obligation.entity';

/**
 * The incident fields the figures are computed from (and the unit filter's path): a caller who
 * reads the rows is counted only the rows of which they read every one of them.
 */
const STATISTICS_FIELDS = [
  'orgUnitId',
  'orgUnitPath',
  'type',
  'subtype',
  'severity',
  'status',
  'reportedAt',
  'awareAt',
  'triagedAt',
  'closedAt',
  'rootCause',
  'lessonsLearned',
];

/** Counts below this are suppressed for callers without access to the counted incidents (issue 5). */
export const SUPPRESSION_THRESHOLD = 5;

const TERTIALS = ['T1', 'T2', 'T3'] as const;

/**
 * A timestamptz column within the Stockholm calendar year (:yearFrom, :yearTo from `yearBounds`): a
 * range, so the (tenant_id, …_at) indexes serve it, where EXTRACT(YEAR …) would read every row.
 */
const inYear = (column: string) => `${column} >= :yearFrom AND ${column} < :yearTo`;

/** Midnight 1 January of `year` and of the next year, Europe/Stockholm, as instants. */
function yearBounds(year: number): { yearFrom: Date; yearTo: Date } {
  const midnight = (y: number) =>
    fromStockholmLocal({ year: y, month: 1, day: 1, hour: 0, minute: 0, second: 0, millisecond: 0 });
  return { yearFrom: midnight(year), yearTo: midnight(year + 1) };
}

/** Tertial 1–3 of `i.reported_at` in Stockholm (T1 Jan–Apr, T2 May–Aug, T3 Sep–Dec). */
const TERTIAL = `((EXTRACT(MONTH FROM (i.reported_at AT TIME ZONE '${STOCKHOLM_TIME_ZONE}'))::int - 1) / 4 + 1)`;

const HOURS = (to: string) => `EXTRACT(EPOCH FROM (${to} - i.aware_at)) / 3600.0`;

type Raw = Record<string, unknown>;

/**
 * Whether the caller reads every counted row (see `readsEveryRow`): `false` (the figures are
 * suppressed), `implied` (every statistics rule is one of their read rules) or `checked` (the read
 * rules narrow the figures as well, and the rows they leave out were counted to be none).
 */
type RowAccess = false | 'implied' | 'checked';
type Tertials = { T1: number; T2: number; T3: number; year: number };

/** The keys K10 is broken down by, each a bit of `GROUPING(…)` (set when the key is not grouped). */
const K10_KEYS = [
  { sql: `COALESCE(i.type, 'UNTRIAGED')`, as: 'type' },
  { sql: 'i.subtype', as: 'subtype' },
  { sql: `COALESCE(i.severity, 'UNTRIAGED')`, as: 'severity' },
  { sql: 'i.org_unit_id', as: 'org_unit_id' },
] as const;
type K10Key = (typeof K10_KEYS)[number]['as'];

/** The breakdowns of the response, by the keys each groups by (the total by none). */
const K10_BREAKDOWNS = {
  total: [],
  byType: ['type'],
  bySubtype: ['type', 'subtype'],
  bySeverity: ['severity'],
  byOrgUnit: ['org_unit_id'],
} as const satisfies Record<string, readonly K10Key[]>;
type K10Breakdown = keyof typeof K10_BREAKDOWNS;

/** `GROUPING(type, subtype, severity, org_unit_id)` of a breakdown's rows: a bit per key not grouped. */
const groupingOf = (keys: readonly K10Key[]) =>
  K10_KEYS.reduce((bits, k, n) => (keys.includes(k.as) ? bits : bits | (1 << (K10_KEYS.length - 1 - n))), 0);

/**
 * GET /api/incident-statistics: K10 per type, category, severity and unit per tertial and year; K12,
 * K13, the median time to triage and K15 (domain.md §4h). Every figure is one SQL aggregate over
 * incident rows narrowed by the caller's `read IncidentStatistics` rules (scope G and the handling
 * scopes), and for callers who read the incidents also by `read Incident`. A caller who may not read
 * every counted row gets the figures with every count below 5 suppressed, never the rows.
 */
@Injectable()
export class IncidentStatisticsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async statistics(principal: Principal, query: IncidentStatisticsQueryDto): Promise<IncidentStatisticsDto> {
    const now = this.clock.now();
    const year = query.year ?? toStockholmLocal(now).year;
    const orgUnitId = query.orgUnitId ?? null;
    const bounds = yearBounds(year);
    const readsRows = await this.readsEveryRow(principal, orgUnitId);
    const suppress = !readsRows;

    const cell = (n: number): StatisticsCountDto =>
      suppress && n < SUPPRESSION_THRESHOLD
        ? { count: null, suppressed: true }
        : { count: n, suppressed: false };
    const tertialCells = (t: Tertials): TertialCountsDto => {
      const cells = {
        T1: cell(t.T1),
        T2: cell(t.T2),
        T3: cell(t.T3),
        year: cell(t.year),
      };
      // Secondary suppression: one hidden tertial next to a shown year total would be derivable.
      const hidden = TERTIALS.filter((k) => cells[k].suppressed);
      if (hidden.length === 1 && !cells.year.suppressed) {
        const next = TERTIALS.filter((k) => !cells[k].suppressed).sort((a, b) => t[a] - t[b])[0];
        cells[next] = { count: null, suppressed: true };
      }
      return cells;
    };

    const figures = await this.figures(principal, readsRows, orgUnitId, bounds, now);
    const { total, byType, bySubtype, bySeverity, byOrgUnit, stages } = figures;

    const share = (numerator: number, denominator: number): StatisticsShareDto => {
      const hidden =
        suppress && [numerator, denominator, denominator - numerator].some((n) => n < SUPPRESSION_THRESHOLD);
      return {
        numerator: cell(numerator),
        denominator: cell(denominator),
        percent: hidden || denominator === 0 ? null : Math.round((numerator / denominator) * 1000) / 10,
        suppressed: hidden,
      };
    };
    const medianCell = (n: number, hours: number | null): StatisticsMedianDto => {
      const hidden = suppress && n < SUPPRESSION_THRESHOLD;
      return {
        count: cell(n),
        hours: hidden || hours === null ? null : Math.round(hours * 10) / 10,
        suppressed: hidden,
      };
    };

    const empty: Tertials = { T1: 0, T2: 0, T3: 0, year: 0 };
    const totalCells = tertialCells(total[0]?.counts ?? empty);
    /** One breakdown's cells, protected across its rows against the shown total (see `protectRows`). */
    const breakdown = <E extends { counts: Tertials }>(entries: E[]) => {
      const cells = entries.map((e) => tertialCells(e.counts));
      if (suppress)
        protectRows(
          entries.map((e, n) => ({ counts: e.counts, cells: cells[n] })),
          totalCells,
        );
      return entries.map((e, n) => ({ entry: e, cells: cells[n] }));
    };
    return {
      year,
      orgUnitId,
      suppressionApplied: suppress,
      threshold: SUPPRESSION_THRESHOLD,
      total: totalCells,
      byType: breakdown(byType).map(({ entry: e, cells }) => ({ type: String(e.raw.type), ...cells })),
      bySubtype: breakdown(bySubtype).map(({ entry: e, cells }) => ({
        type: String(e.raw.type),
        subtype: (e.raw.subtype as string | null) ?? null,
        ...cells,
      })),
      bySeverity: breakdown(bySeverity).map(({ entry: e, cells }) => ({
        severity: String(e.raw.severity),
        ...cells,
      })),
      byOrgUnit: breakdown(byOrgUnit).map(({ entry: e, cells }) => ({
        orgUnitId: String(e.raw.org_unit_id),
        code: String(e.raw.code),
        name: String(e.raw.name),
        ...cells,
      })),
      obligationsMetOnTime: share(stages.k12.met, stages.k12.due),
      imyNotificationMedian: medianCell(stages.k13.n, stages.k13.hours),
      awarenessToTriageMedian: medianCell(figures.triage.n, figures.triage.hours),
      rootCauseOnClose: share(figures.k15.met, figures.k15.due),
    };
  }

  // -------------------------------------------------------------------------------------------
  // Scope
  // -------------------------------------------------------------------------------------------

  private incidents() {
    return this.dataSource.getRepository(IncidentEntity).createQueryBuilder('i');
  }

  /**
   * Narrows a query over incidents `i`: the unit's subtree when asked for, the statistics rules
   * and, for a caller who reads the rows, the incident read rules as well. When every statistics
   * rule is a read rule without field limits (`implied`), the read rules and the field rules hold
   * for every row the statistics rules select, so they are not repeated: the rows are the same, and
   * the planner, which multiplies the selectivities of the repeated `org_unit_path && …` (nine
   * ANDed copies for a samordnare), would take the scope for one row and read all of it through the
   * path GIN instead of intersecting it with the year's index range.
   */
  private scoped<T extends ObjectLiteral>(
    qb: SelectQueryBuilder<T>,
    principal: Principal,
    readsRows: RowAccess,
    orgUnitId: string | null,
  ): SelectQueryBuilder<T> {
    if (orgUnitId) qb.andWhere('i.org_unit_path @> ARRAY[:unit]::uuid[]', { unit: orgUnitId });
    whereAllowed(qb, principal.ability, 'read', 'IncidentStatistics', 'i');
    if (readsRows === 'checked') {
      // D-08: a row read only as its reporter (no type, severity, handling) is not counted.
      whereAllowed(qb, principal.ability, 'read', 'Incident', 'i', STATISTICS_FIELDS);
    }
    return qb;
  }

  /**
   * Whether the caller reads every incident the statistics count, as more than their reporter: a
   * read rule for incidents not limited to their own reports, and no counted row outside it.
   * Otherwise (ELECTED, READER: scope G) the figures are suppressed below the threshold.
   */
  private async readsEveryRow(principal: Principal, orgUnitId: string | null): Promise<RowAccess> {
    const handlerRule = principal.ability
      .rulesFor('read', 'Incident')
      .some((r) => !r.inverted && !r.fields && !(r.conditions && 'reporterId' in r.conditions));
    if (!handlerRule) return false;
    if (readRulesCoverStatisticsRules(principal)) return 'implied';
    const inScope = await this.scoped(this.incidents(), principal, false, orgUnitId).getCount();
    const readable = await this.scoped(this.incidents(), principal, 'checked', orgUnitId).getCount();
    return inScope === readable ? 'checked' : false;
  }

  // -------------------------------------------------------------------------------------------
  // K10 and the incident-based KPIs
  // -------------------------------------------------------------------------------------------

  /**
   * Every figure in one statement: K10, the median time to triage and K15 over one scan of the
   * caller's incidents reported, triaged or closed in the year (three `(tenant_id, …_at)` ranges
   * ORed, intersected with the scope), each row flagged in a CTE with what it counts for:
   * - K10, every breakdown: incidents reported in the year, REJECTED and MERGED excluded, in one
   *   GROUPING SETS of each breakdown's keys with and without the tertial, its rows told apart by
   *   `GROUPING(…)` of the keys and of the tertial; the units' code and name are joined to the
   *   grouped rows (at most one per unit), not to every counted incident;
   * - the median hours from awareAt to triage, for incidents triaged in the year;
   * - K15: incidents closed in the year with severity ≥ MEDIUM or a breach: with root cause and lessons.
   * K12 and K13 (`stagesQuery`) are a subquery of the same statement. The KPIs come on the year
   * total's row (which the empty grouping set always gives).
   */
  private async figures(
    principal: Principal,
    readsRows: RowAccess,
    orgUnitId: string | null,
    bounds: { yearFrom: Date; yearTo: Date },
    now: Date,
  ) {
    const qb = this.scoped(this.incidents(), principal, readsRows, orgUnitId).andWhere(
      `((${inYear('i.reported_at')}) OR (${inYear('i.triaged_at')}) OR (${inYear('i.closed_at')}))`,
      bounds,
    );
    qb.select(`i.status NOT IN ('REJECTED', 'MERGED') AND ${inYear('i.reported_at')}`, 'counted')
      .addSelect(TERTIAL, 'tertial')
      .addSelect(`i.triaged_at IS NOT NULL AND ${inYear('i.triaged_at')}`, 'triaged')
      .addSelect(HOURS('i.triaged_at'), 'triage_hours')
      .addSelect(
        `i.status = 'CLOSED' AND i.closed_at IS NOT NULL AND ${inYear('i.closed_at')}` +
          ` AND (i.type = 'PERSONAL_DATA_BREACH' OR i.severity IN ('MEDIUM', 'HIGH', 'CRITICAL'))`,
        'k15',
      )
      .addSelect(
        `btrim(COALESCE(i.root_cause, '')) <> '' AND btrim(COALESCE(i.lessons_learned, '')) <> ''`,
        'lessons',
      );
    for (const k of K10_KEYS) qb.addSelect(k.sql, k.as);
    const stages = this.stagesQuery(principal, readsRows, orgUnitId, bounds, now);

    const keys = K10_KEYS.map((k) => k.as);
    const sets = Object.values(K10_BREAKDOWNS).flatMap((grouped) => [
      `(${[...grouped, 'tertial'].join(', ')})`,
      `(${grouped.join(', ')})`,
    ]);
    const total = `k.key_grouping = ${groupingOf(K10_BREAKDOWNS.total)} AND k.all_year = 1`;
    // Both builders' named parameters (the authz ones are unique; the year bounds are the same) to
    // positional ones, as `getQueryAndParameters` does for one.
    const [sql, parameters] = this.dataSource.driver.escapeQueryWithParameters(
      [
        `WITH s AS MATERIALIZED (${qb.getQuery()})`,
        'SELECT k.*, u.code, u.name, kpi.*, st.* FROM (',
        `SELECT tertial, GROUPING(tertial) AS all_year, ${keys.join(', ')},`,
        `GROUPING(${keys.join(', ')}) AS key_grouping, count(*)::int AS n`,
        `FROM s WHERE counted GROUP BY GROUPING SETS (${sets.join(', ')})`,
        ') k LEFT JOIN org_unit u ON u.id = k.org_unit_id LEFT JOIN (',
        'SELECT count(*) FILTER (WHERE triaged)::int AS triage_n,',
        'percentile_cont(0.5) WITHIN GROUP (ORDER BY triage_hours) FILTER (WHERE triaged) AS triage_hours,',
        'count(*) FILTER (WHERE k15 AND lessons)::int AS k15_met, count(*) FILTER (WHERE k15)::int AS k15_due',
        `FROM s) kpi ON ${total}`,
        `LEFT JOIN (${stages.getQuery()}) st ON ${total}`,
      ].join(' '),
      { ...qb.getParameters(), ...stages.getParameters() },
    );
    const rows: Raw[] = await this.dataSource.query(sql, parameters);

    const breakdowns = Object.keys(K10_BREAKDOWNS) as K10Breakdown[];
    const byGrouping = new Map(breakdowns.map((b) => [groupingOf(K10_BREAKDOWNS[b]), b]));
    const entries = new Map<K10Breakdown, Map<string, { raw: Raw; counts: Tertials }>>(
      breakdowns.map((b) => [b, new Map()]),
    );
    let kpis: Raw = {};
    for (const row of rows) {
      const breakdown = byGrouping.get(Number(row.key_grouping));
      if (!breakdown) continue;
      const byKey = entries.get(breakdown)!;
      const id = JSON.stringify(K10_BREAKDOWNS[breakdown].map((k) => row[k] ?? null));
      const entry = byKey.get(id) ?? { raw: row, counts: { T1: 0, T2: 0, T3: 0, year: 0 } };
      const n = Number(row.n);
      if (Number(row.all_year) === 1) entry.counts.year = n;
      else entry.counts[`T${Number(row.tertial)}` as 'T1'] = n;
      byKey.set(id, entry);
      if (breakdown === 'total' && Number(row.all_year) === 1) kpis = row;
    }
    // Largest first; ties in the order of their keys, so the same data gives the same rows.
    const sorted = (breakdown: K10Breakdown) =>
      [...entries.get(breakdown)!.entries()]
        .sort(([a, x], [b, y]) => y.counts.year - x.counts.year || (a < b ? -1 : a > b ? 1 : 0))
        .map(([, entry]) => entry);
    return {
      total: sorted('total'),
      byType: sorted('byType'),
      bySubtype: sorted('bySubtype'),
      bySeverity: sorted('bySeverity'),
      byOrgUnit: sorted('byOrgUnit'),
      triage: median(kpis.triage_n, kpis.triage_hours),
      k15: { met: Number(kpis.k15_met ?? 0), due: Number(kpis.k15_due ?? 0) },
      stages: {
        k12: { met: Number(kpis.k12_met ?? 0), due: Number(kpis.k12_due ?? 0) },
        k13: median(kpis.k13_n, kpis.k13_hours),
      },
    };
  }

  // -------------------------------------------------------------------------------------------
  // KPIs over the notification stages (domain.md §4h)
  // -------------------------------------------------------------------------------------------

  /** Stages of counted incidents, narrowed by the stage rules for a caller who reads the rows. */
  private obligations(principal: Principal, readsRows: RowAccess, orgUnitId: string | null) {
    const qb = this.dataSource
      .getRepository(RegulatoryObligationEntity)
      .createQueryBuilder('o')
      .innerJoin('o.incident', 'i');
    this.scoped(qb, principal, readsRows, orgUnitId);
    if (readsRows) whereAllowed(qb, principal.ability, 'read', 'RegulatoryObligation', 'o');
    return qb;
  }

  /**
   * The stage-based KPIs, one aggregate over the stages of counted incidents (a subquery of `figures`):
   * - K12: MET / (MET + MISSED + OVERDUE) over stages with a statutory deadline in the year; the
   *   status as `obligationStatus` computes it (a disposition first, then submitted by the deadline,
   *   then open past it);
   * - K13: median hours from awareAt to the IMY notification, for notifications submitted in the year.
   */
  private stagesQuery(
    principal: Principal,
    readsRows: RowAccess,
    orgUnitId: string | null,
    bounds: { yearFrom: Date; yearTo: Date },
    now: Date,
  ) {
    const k12 = [
      `o.deadline_at IS NOT NULL AND ${inYear('o.deadline_at')}`,
      `COALESCE(o.decision, '') NOT IN ('NOT_REQUIRED', 'WITHDRAWN')`,
    ].join(' AND ');
    const k13 = [
      `o.regime = 'GDPR_ART33_IMY' AND o.stage = 'NOTIFICATION' AND o.submitted_at IS NOT NULL`,
      inYear('o.submitted_at'),
    ].join(' AND ');
    return this.obligations(principal, readsRows, orgUnitId)
      .andWhere(`((${k12}) OR (${k13}))`, bounds)
      .select(
        `count(*) FILTER (WHERE ${k12} AND o.submitted_at IS NOT NULL AND o.submitted_at <= o.deadline_at)::int`,
        'k12_met',
      )
      .addSelect(
        `count(*) FILTER (WHERE ${k12} AND (o.submitted_at IS NOT NULL OR o.deadline_at < :now))::int`,
        'k12_due',
      )
      .addSelect(`count(*) FILTER (WHERE ${k13})::int`, 'k13_n')
      .addSelect(
        `percentile_cont(0.5) WITHIN GROUP (ORDER BY ${HOURS('o.submitted_at')}) FILTER (WHERE ${k13})`,
        'k13_hours',
      )
      .setParameter('now', now);
  }
}

/**
 * Whether every `read IncidentStatistics` rule has a `read Incident` rule with the same conditions
 * (the CISO, the samordnare, HEAD, MANAGER and the DPO): then every counted row is readable, the
 * two counts over the whole scope, which grow with the tenant, need not run, and the read and field
 * rules add nothing to the statistics rules' conditions (a rule without field limits reads every
 * field; no rule is inverted).
 */
function readRulesCoverStatisticsRules(principal: Principal): boolean {
  const read = principal.ability.rulesFor('read', 'Incident');
  if (read.some((r) => r.inverted)) return false;
  // A rule limited to some fields (the reporter's view, D-08) does not read what is counted.
  const readConditions = new Set(read.filter((r) => !r.fields).map((r) => canonicalJson(r.conditions ?? {})));
  return principal.ability
    .rulesFor('read', 'IncidentStatistics')
    .every((r) => !r.inverted && !r.fields && readConditions.has(canonicalJson(r.conditions ?? {})));
}

/**
 * Secondary suppression across the rows of one breakdown (each breakdown partitions the counted
 * incidents, so its rows sum to the total in every column). A single hidden cell in a column whose
 * total is shown would be the total less the shown cells, so the smallest shown cell of that column
 * is hidden too; within a row, a hidden year hides its tertials and a single hidden tertial next to
 * a shown year hides the next smallest. Repeated until nothing changes (each pass only hides).
 */
function protectRows(rows: { counts: Tertials; cells: TertialCountsDto }[], total: TertialCountsDto): void {
  const hide = (cells: TertialCountsDto, k: keyof TertialCountsDto) => {
    if (cells[k].suppressed) return false;
    cells[k] = { count: null, suppressed: true };
    return true;
  };
  let changed = true;
  while (changed) {
    changed = false;
    for (const k of [...TERTIALS, 'year'] as const) {
      if (total[k].suppressed) continue;
      if (rows.filter((r) => r.cells[k].suppressed).length !== 1) continue;
      const next = rows.filter((r) => !r.cells[k].suppressed).sort((a, b) => a.counts[k] - b.counts[k])[0];
      if (next) changed = hide(next.cells, k) || changed;
    }
    for (const { counts, cells } of rows) {
      if (cells.year.suppressed) {
        for (const k of TERTIALS) changed = hide(cells, k) || changed;
        continue;
      }
      const hidden = TERTIALS.filter((k) => cells[k].suppressed);
      if (hidden.length === 1) {
        const next = TERTIALS.filter((k) => !cells[k].suppressed).sort((a, b) => counts[a] - counts[b])[0];
        if (next) changed = hide(cells, next) || changed;
      }
    }
  }
}

function median(n: unknown, hours: unknown): { n: number; hours: number | null } {
  return { n: Number(n ?? 0), hours: hours === null || hours === undefined ? null : Number(hours) };
}
