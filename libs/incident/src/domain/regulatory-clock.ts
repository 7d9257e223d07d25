/**
 * The regulator clocks of domain.md §4d: scheduling stages, their status at an instant, time left,
 * escalations, the awareAt recomputation (D-26) and the stage follow-ups (GDPR Art. 33(4)
 * supplement, cyber act final/progress report). Pure functions over plain values.
 */
import { RegulatoryClockError } from './errors';
import { addPeriod, MS_PER_HOUR } from './period';
import {
  DEFAULT_TENANT_CLOCK_RULES,
  stageDefinition,
  stagesFor,
  type AnchorKind,
  type ClockKind,
  type ObligationStatus,
  type RegulatoryRegime,
  type RegulatoryStage,
  type StageDefinition,
  type TenantClockRules,
  type TriState,
} from './regimes';
import { validateAwareAtChange, type ValidationIssue } from './validation';

type Labels = { readonly sv: string; readonly en: string };

/** How an open stage is closed without a submission (reason and decider required, §4d). */
export const DISPOSITIONS = ['NOT_REQUIRED', 'WITHDRAWN'] as const;
export type Disposition = (typeof DISPOSITIONS)[number];

/** The clock-relevant part of a RegulatoryObligation (§4d). */
export interface ObligationClock {
  readonly regime: RegulatoryRegime;
  readonly stage: RegulatoryStage;
  readonly anchor: AnchorKind;
  /** Null while the anchoring event has not happened (e.g. the previous stage is not submitted). */
  readonly anchorAt: Date | null;
  /** Statutory deadlines only. */
  readonly deadlineAt: Date | null;
  /** Internal target where the law says "snarast"/"without undue delay". */
  readonly targetAt: Date | null;
  readonly submittedAt: Date | null;
  readonly lateReason?: string | null;
  readonly disposition?: Disposition | null;
}

/** The incident instants that anchor stages. */
export interface IncidentAnchors {
  readonly awareAt: Date;
  /** MSBFS "identified"; defaults to awareAt (BR-D2 equates the two). */
  readonly identifiedAt?: Date | null;
  /** The IVO decision (lex Sarah/Maria) once taken. */
  readonly decisionAt?: Date | null;
}

// ---------------------------------------------------------------------------------------------
// Scheduling
// ---------------------------------------------------------------------------------------------

/** `deadlineAt`/`targetAt` of a stage anchored at `anchorAt`: deadline or target per its clock kind. */
export function scheduleStage(
  definition: StageDefinition,
  anchorAt: Date | null,
): Pick<ObligationClock, 'anchorAt' | 'deadlineAt' | 'targetAt'> {
  const due = anchorAt && definition.period ? addPeriod(anchorAt, definition.period) : null;
  return {
    anchorAt,
    deadlineAt: definition.clock === 'DEADLINE' ? due : null,
    targetAt: definition.clock === 'TARGET' ? due : null,
  };
}

function resolveAnchor(anchor: AnchorKind, anchors: IncidentAnchors): Date | null {
  switch (anchor) {
    case 'AWARE_AT':
      return anchors.awareAt;
    case 'IDENTIFIED_AT':
      return anchors.identifiedAt ?? anchors.awareAt;
    case 'DECISION_DATE':
      return anchors.decisionAt ?? null;
    case 'PREVIOUS_STAGE_SUBMITTED':
    case 'HANDLED_AT':
      return null;
  }
}

/** The stages created when a regime starts to apply (trigger REGIME_APPLIES), scheduled. */
export function openStages(
  regime: RegulatoryRegime,
  anchors: IncidentAnchors,
  rules: TenantClockRules = DEFAULT_TENANT_CLOCK_RULES,
): ObligationClock[] {
  return stagesFor(regime, rules)
    .filter((d) => d.trigger === 'REGIME_APPLIES')
    .map((d) => ({
      regime,
      stage: d.stage,
      anchor: d.anchor,
      ...scheduleStage(d, resolveAnchor(d.anchor, anchors)),
      submittedAt: null,
    }));
}

/**
 * Re-triage (§4d): stages to create for regimes that now apply and have none yet, and open stages
 * whose regime no longer applies (to be WITHDRAWN with a reason by a decider).
 */
export function reconcileStages<T extends ObligationClock>(
  existing: readonly T[],
  applicable: readonly RegulatoryRegime[],
  anchors: IncidentAnchors,
  rules: TenantClockRules = DEFAULT_TENANT_CLOCK_RULES,
): { create: ObligationClock[]; withdraw: T[] } {
  const present = new Set(existing.map((o) => o.regime));
  const create = applicable.filter((r) => !present.has(r)).flatMap((r) => openStages(r, anchors, rules));
  const withdraw = existing.filter((o) => !applicable.includes(o.regime) && isOpen(o));
  return { create, withdraw };
}

/** Sets an anchor that became known (e.g. the IVO decision) and schedules the stage from it. */
export function anchorStage<T extends ObligationClock>(
  obligation: T,
  anchorAt: Date,
  rules: TenantClockRules = DEFAULT_TENANT_CLOCK_RULES,
): T {
  return { ...obligation, ...scheduleStage(definitionOf(obligation, rules), anchorAt) };
}

function definitionOf(o: ObligationClock, rules: TenantClockRules): StageDefinition {
  // The stored anchor wins: a re-anchored cyber act FINAL_REPORT is anchored on HANDLED_AT.
  return { ...stageDefinition(o.regime, o.stage, rules), anchor: o.anchor };
}

// ---------------------------------------------------------------------------------------------
// Status, time left, escalations
// ---------------------------------------------------------------------------------------------

/** A stage is due at its statutory deadline, or else at its internal target. */
export function dueAt(o: ObligationClock): Date | null {
  return o.deadlineAt ?? o.targetAt;
}

/** The clock kind a stored obligation carries: DEADLINE if `deadlineAt` is set, TARGET if `targetAt`. */
export function clockKindOf(o: ObligationClock): ClockKind {
  if (o.deadlineAt) return 'DEADLINE';
  if (o.targetAt) return 'TARGET';
  return 'NONE';
}

function isOpen(o: ObligationClock): boolean {
  return !o.disposition && !o.submittedAt;
}

const DUE_SOON_MIN_MS = 12 * MS_PER_HOUR;

/**
 * The status of a stage at `now` (§4d Clock rules):
 * - NOT_REQUIRED / WITHDRAWN as decided;
 * - submitted: MET, or MISSED if after the statutory deadline; a target-only stage is MET when
 *   submitted, late or not, and is never MISSED; submitting exactly at the deadline is on time;
 * - open: OVERDUE once past the due instant; DUE_SOON while the time left is at most
 *   max(25 % of the span anchor → due, 12 h), including the due instant itself; else PENDING.
 *   A stage without a due instant (no period, anchor not yet known) is PENDING.
 */
export function obligationStatus(o: ObligationClock, now: Date): ObligationStatus {
  if (o.disposition) return o.disposition;
  if (o.submittedAt) {
    return o.deadlineAt && o.submittedAt.getTime() > o.deadlineAt.getTime() ? 'MISSED' : 'MET';
  }
  const due = dueAt(o);
  if (!due) return 'PENDING';
  const left = due.getTime() - now.getTime();
  if (left < 0) return 'OVERDUE';
  const span = o.anchorAt ? due.getTime() - o.anchorAt.getTime() : 0;
  return left * 4 <= span || left <= DUE_SOON_MIN_MS ? 'DUE_SOON' : 'PENDING';
}

/** Milliseconds until the stage is due (negative when overdue); null when closed or without a due instant. */
export function timeLeft(o: ObligationClock, now: Date): number | null {
  const due = dueAt(o);
  return due && isOpen(o) ? due.getTime() - now.getTime() : null;
}

/** The first instant at which an open stage is DUE_SOON; null without a due instant. */
export function dueSoonFrom(o: ObligationClock): Date | null {
  const due = dueAt(o);
  if (!due) return null;
  const span = o.anchorAt ? due.getTime() - o.anchorAt.getTime() : 0;
  return new Date(due.getTime() - Math.max(Math.floor(span / 4), DUE_SOON_MIN_MS));
}

export const ESCALATION_LEVELS = ['HALF_TIME', 'NINETY_PERCENT'] as const;
export type EscalationLevel = (typeof ESCALATION_LEVELS)[number];

export const ESCALATION_LEVEL_LABELS: Record<EscalationLevel, Labels> = {
  HALF_TIME: { sv: 'Halva tiden har gått', en: 'Half the time has passed' },
  NINETY_PERCENT: { sv: '90 % av tiden har gått', en: '90 % of the time has passed' },
};

const ESCALATION_FRACTIONS: Record<EscalationLevel, { num: number; den: number }> = {
  HALF_TIME: { num: 1, den: 2 },
  NINETY_PERCENT: { num: 9, den: 10 },
};

/**
 * The instants at which 50 % and 90 % of the span (anchor → deadline, or target) have passed;
 * empty for a stage without anchor or due instant.
 */
export function escalationThresholds(o: ObligationClock): { level: EscalationLevel; at: Date }[] {
  const due = dueAt(o);
  if (!due || !o.anchorAt) return [];
  const anchorMs = o.anchorAt.getTime();
  const span = due.getTime() - anchorMs;
  if (span <= 0) return [];
  return ESCALATION_LEVELS.map((level) => {
    const { num, den } = ESCALATION_FRACTIONS[level];
    return { level, at: new Date(anchorMs + Math.ceil((span * num) / den)) };
  });
}

/**
 * Escalations due at `now` for an open stage and not yet sent: a level is due once its share of
 * the span has passed (exactly at the threshold included). Closed stages escalate nothing.
 */
export function escalationsDue(
  o: ObligationClock,
  now: Date,
  alreadySent: readonly EscalationLevel[] = [],
): EscalationLevel[] {
  if (!isOpen(o)) return [];
  return escalationThresholds(o)
    .filter(({ level, at }) => at.getTime() <= now.getTime() && !alreadySent.includes(level))
    .map(({ level }) => level);
}

/** How far an open stage has come towards its due instant (§4d: escalate at 50 % and 90 %). */
export const ESCALATIONS = ['NONE', 'HALF', 'NINETY', 'OVERDUE'] as const;
export type Escalation = (typeof ESCALATIONS)[number];

export const ESCALATION_LABELS: Record<Escalation, Labels> = {
  NONE: { sv: 'Ingen', en: 'None' },
  HALF: { sv: 'Halva tiden har gått', en: 'Half the time has passed' },
  NINETY: { sv: '90 % av tiden har gått', en: '90 % of the time has passed' },
  OVERDUE: { sv: 'Tidsfristen har passerat', en: 'Past due' },
};

/**
 * The share of the span (anchor → deadline, or target) that has passed at `now`, 0 before the
 * anchor; above 1 once past due. Null for a closed stage or one without anchor or due instant.
 */
export function elapsedShare(o: ObligationClock, now: Date): number | null {
  const due = dueAt(o);
  if (!isOpen(o) || !due || !o.anchorAt) return null;
  const span = due.getTime() - o.anchorAt.getTime();
  if (span <= 0) return null;
  return Math.max(0, now.getTime() - o.anchorAt.getTime()) / span;
}

/**
 * The escalation of an open stage at `now`: OVERDUE once past its due instant (as OVERDUE status),
 * else NINETY or HALF from the instant its threshold is reached (`escalationThresholds`, exactly at
 * the threshold included), else NONE; closed stages and stages without a clock are NONE.
 */
export function escalationAt(o: ObligationClock, now: Date): Escalation {
  const due = dueAt(o);
  if (!isOpen(o) || !due) return 'NONE';
  if (now.getTime() > due.getTime()) return 'OVERDUE';
  const reached = escalationThresholds(o).filter(({ at }) => at.getTime() <= now.getTime());
  const last = reached.at(-1);
  if (!last) return 'NONE';
  return last.level === 'NINETY_PERCENT' ? 'NINETY' : 'HALF';
}

export interface ObligationView {
  readonly status: ObligationStatus;
  readonly clock: ClockKind;
  readonly dueAt: Date | null;
  readonly timeLeftMs: number | null;
  readonly dueSoonFrom: Date | null;
  readonly escalationsDue: EscalationLevel[];
}

/** Everything the obligations list shows for one stage at `now`. */
export function evaluateObligation(
  o: ObligationClock,
  now: Date,
  alreadySent: readonly EscalationLevel[] = [],
): ObligationView {
  return {
    status: obligationStatus(o, now),
    clock: clockKindOf(o),
    dueAt: dueAt(o),
    timeLeftMs: timeLeft(o, now),
    dueSoonFrom: dueSoonFrom(o),
    escalationsDue: escalationsDue(o, now, alreadySent),
  };
}

/**
 * K12 (§4h): MET / (MET + MISSED + OVERDUE) over stages with a statutory `deadlineAt`. Returns the
 * stage's contribution at `now`, or null when it does not count (targets, no deadline, pending,
 * not required, withdrawn). Filtering by the period the deadline falls in is the caller's.
 */
export function k12Outcome(o: ObligationClock, now: Date): 'MET' | 'MISSED' | 'OVERDUE' | null {
  if (!o.deadlineAt) return null;
  const status = obligationStatus(o, now);
  return status === 'MET' || status === 'MISSED' || status === 'OVERDUE' ? status : null;
}

// ---------------------------------------------------------------------------------------------
// D-26: awareAt changes
// ---------------------------------------------------------------------------------------------

export interface DeadlineChange<T extends ObligationClock> {
  readonly before: T;
  readonly after: T;
  /** A submitted statutory stage that is now after its deadline: MISSED, and needs a lateReason. */
  readonly becameLate: boolean;
}

export type AwareAtRecomputation<T extends ObligationClock> =
  | {
      readonly ok: true;
      readonly previousAwareAt: Date;
      readonly newAwareAt: Date;
      readonly reason: string;
      /** Only the stages whose anchor, deadline or target moved. */
      readonly changes: DeadlineChange<T>[];
    }
  | { readonly ok: false; readonly issues: ValidationIssue[] };

const sameInstant = (a: Date | null, b: Date | null): boolean =>
  (a?.getTime() ?? null) === (b?.getTime() ?? null);

/**
 * D-26: changing awareAt re-anchors and recomputes every deadline and target anchored on it
 * (AWARE_AT, and IDENTIFIED_AT unless the incident records its own identification time), in every
 * status. BR-D2: the new awareAt may not be later than reportedAt, and a reason is required.
 * Returns the changes for the caller to log with the reason; stages anchored elsewhere are kept.
 */
export function recomputeOnAwareAtChange<T extends ObligationClock>(input: {
  readonly obligations: readonly T[];
  readonly previousAwareAt: Date;
  readonly newAwareAt: Date;
  readonly reportedAt: Date;
  readonly reason: string | null | undefined;
  /** Set when IDENTIFIED_AT is recorded separately and must not follow awareAt. */
  readonly identifiedAt?: Date | null;
  readonly rules?: TenantClockRules;
}): AwareAtRecomputation<T> {
  const issues = validateAwareAtChange({
    awareAt: input.newAwareAt,
    reportedAt: input.reportedAt,
    reason: input.reason,
  });
  if (issues.length > 0) return { ok: false, issues };
  const rules = input.rules ?? DEFAULT_TENANT_CLOCK_RULES;
  const changes: DeadlineChange<T>[] = [];
  for (const before of input.obligations) {
    const anchorAt =
      before.anchor === 'AWARE_AT'
        ? input.newAwareAt
        : before.anchor === 'IDENTIFIED_AT'
          ? (input.identifiedAt ?? input.newAwareAt)
          : null;
    if (!anchorAt) continue;
    const after: T = anchorStage(before, anchorAt, rules);
    if (
      sameInstant(before.anchorAt, after.anchorAt) &&
      sameInstant(before.deadlineAt, after.deadlineAt) &&
      sameInstant(before.targetAt, after.targetAt)
    ) {
      continue;
    }
    const late = (o: T) =>
      !!o.submittedAt && !!o.deadlineAt && o.submittedAt.getTime() > o.deadlineAt.getTime();
    changes.push({ before, after, becameLate: late(after) && !late(before) });
  }
  return {
    ok: true,
    previousAwareAt: input.previousAwareAt,
    newAwareAt: input.newAwareAt,
    reason: (input.reason ?? '').trim(),
    changes,
  };
}

// ---------------------------------------------------------------------------------------------
// Follow-ups of a submission; cyber act final/progress report
// ---------------------------------------------------------------------------------------------

export type FollowUp =
  | { readonly kind: 'CREATE'; readonly obligation: ObligationClock }
  | {
      readonly kind: 'ANCHOR';
      readonly regime: RegulatoryRegime;
      readonly stage: RegulatoryStage;
      readonly anchorAt: Date;
      readonly deadlineAt: Date | null;
      readonly targetAt: Date | null;
    };

/**
 * What submitting a stage sets in motion:
 * - GDPR_ART33_IMY NOTIFICATION submitted as a first phase (Art. 33(4)): a SUPPLEMENT is created,
 *   anchored on the submission, target 28 days;
 * - CYBER_ACT INCIDENT_NOTIFICATION: the FINAL_REPORT is anchored on the submission (+1 month).
 */
export function followUpsOnSubmission(
  submission: {
    readonly regime: RegulatoryRegime;
    readonly stage: RegulatoryStage;
    readonly submittedAt: Date;
    readonly firstPhase?: boolean;
  },
  rules: TenantClockRules = DEFAULT_TENANT_CLOCK_RULES,
): FollowUp[] {
  const { regime, stage, submittedAt } = submission;
  if (regime === 'GDPR_ART33_IMY' && stage === 'NOTIFICATION' && submission.firstPhase === true) {
    const definition = stageDefinition(regime, 'SUPPLEMENT', rules);
    return [
      {
        kind: 'CREATE',
        obligation: {
          regime,
          stage: 'SUPPLEMENT',
          anchor: definition.anchor,
          ...scheduleStage(definition, submittedAt),
          submittedAt: null,
        },
      },
    ];
  }
  if (regime === 'CYBER_ACT' && stage === 'INCIDENT_NOTIFICATION') {
    const scheduled = scheduleStage(stageDefinition(regime, 'FINAL_REPORT', rules), submittedAt);
    return [
      {
        kind: 'ANCHOR',
        regime,
        stage: 'FINAL_REPORT',
        anchorAt: submittedAt,
        deadlineAt: scheduled.deadlineAt,
        targetAt: scheduled.targetAt,
      },
    ];
  }
  return [];
}

function isOpenCyberFinalReportOnNotification(o: ObligationClock): boolean {
  return (
    o.regime === 'CYBER_ACT' &&
    o.stage === 'FINAL_REPORT' &&
    o.anchor === 'PREVIOUS_STAGE_SUBMITTED' &&
    o.deadlineAt !== null &&
    isOpen(o)
  );
}

/**
 * Whether the cyber act FINAL_REPORT falls due (`now` at or past its deadline, not submitted)
 * while the incident is still ongoing (`ongoing = YES`; UNKNOWN does not count as ongoing).
 */
export function finalReportFallsDueWhileOngoing(
  finalReport: ObligationClock,
  ongoing: TriState,
  now: Date,
): boolean {
  return (
    isOpenCyberFinalReportOnNotification(finalReport) &&
    ongoing === 'YES' &&
    now.getTime() >= (finalReport.deadlineAt?.getTime() ?? Infinity)
  );
}

/**
 * NIS2 Art. 23(4)(e): while the incident is ongoing, a PROGRESS_REPORT takes over the final
 * report's deadline (same anchor and deadline), and the FINAL_REPORT is re-anchored to HANDLED_AT
 * with no deadline until `ongoing` is set to NO ({@link anchorFinalReportOnHandled}). Call it when
 * the final report falls due while ongoing, or earlier when the handler files a progress report
 * in its place. Returns null unless the final report is open, anchored on the notification, and
 * `ongoing = YES`.
 */
export function splitFinalReportForOngoingIncident<T extends ObligationClock>(
  finalReport: T,
  ongoing: TriState,
): { progressReport: ObligationClock; finalReport: T } | null {
  if (!isOpenCyberFinalReportOnNotification(finalReport) || ongoing !== 'YES') return null;
  return {
    progressReport: {
      regime: 'CYBER_ACT',
      stage: 'PROGRESS_REPORT',
      anchor: finalReport.anchor,
      anchorAt: finalReport.anchorAt,
      deadlineAt: finalReport.deadlineAt,
      targetAt: null,
      submittedAt: null,
    },
    finalReport: { ...finalReport, anchor: 'HANDLED_AT', anchorAt: null, deadlineAt: null, targetAt: null },
  };
}

/**
 * When `ongoing` is set to NO (HANDLED_AT), a FINAL_REPORT re-anchored to HANDLED_AT gets its
 * deadline: handledAt + 1 month. Returns null for any other stage.
 */
export function anchorFinalReportOnHandled<T extends ObligationClock>(
  finalReport: T,
  handledAt: Date,
  rules: TenantClockRules = DEFAULT_TENANT_CLOCK_RULES,
): T | null {
  if (finalReport.regime !== 'CYBER_ACT' || finalReport.stage !== 'FINAL_REPORT') return null;
  if (finalReport.anchor !== 'HANDLED_AT' || !isOpen(finalReport)) return null;
  return anchorStage(finalReport, handledAt, rules);
}

/** A CYBER_ACT INTERMEDIATE_REPORT the CSIRT asked for, with the deadline its request states. */
export function intermediateReportOnRequest(requestedAt: Date, requestedDeadlineAt: Date): ObligationClock {
  if (requestedDeadlineAt.getTime() <= requestedAt.getTime()) {
    throw new RegulatoryClockError('INVALID_DEADLINE', 'The requested deadline must be after the request.');
  }
  return {
    regime: 'CYBER_ACT',
    stage: 'INTERMEDIATE_REPORT',
    anchor: 'DECISION_DATE',
    anchorAt: requestedAt,
    deadlineAt: requestedDeadlineAt,
    targetAt: null,
    submittedAt: null,
  };
}
