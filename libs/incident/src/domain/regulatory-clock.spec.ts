import { describe, expect, it } from 'vitest';
import {
  addPeriod,
  anchorFinalReportOnHandled,
  anchorStage,
  ANCHOR_KIND_LABELS,
  ANCHOR_KINDS,
  applicableRegimes,
  ART34_EXEMPTION_LABELS,
  BREACH_RISK_ASSESSMENT_LABELS,
  CLOCK_KIND_LABELS,
  days,
  DECIDER_ROLE_LABELS,
  DISPOSITION_DECIDERS,
  dueSoonFrom,
  ESCALATION_LEVEL_LABELS,
  escalationsDue,
  escalationThresholds,
  evaluateObligation,
  finalReportFallsDueWhileOngoing,
  followUpsOnSubmission,
  formatPeriod,
  formatStockholm,
  fromStockholmLocal,
  hours,
  INCIDENT_TYPE_LABELS,
  intermediateReportOnRequest,
  isBreachLogComplete,
  k12Outcome,
  mayDecideDisposition,
  months,
  OBLIGATION_STATUS_LABELS,
  OBLIGATION_STATUSES,
  obligationStatus,
  openStages,
  parseStockholm,
  PENDING_ASSESSMENT_LABELS,
  pendingAssessments,
  PERIOD_UNIT_LABELS,
  RECEIVER_KIND_LABELS,
  recomputeOnAwareAtChange,
  reconcileStages,
  REGULATORY_REGIME_LABELS,
  REGULATORY_REGIMES,
  REGULATORY_STAGE_LABELS,
  REGULATORY_STAGES,
  RegulatoryClockError,
  splitFinalReportForOngoingIncident,
  stageDefinition,
  stagesFor,
  STOCKHOLM_TIME_ZONE,
  stockholmLocalTimeExists,
  stockholmOffsetMinutes,
  timeLeft,
  toStockholmLocal,
  TRI_STATE_LABELS,
  validateAwareAtChange,
  validateDisposition,
  validateSubmission,
  validateTenantClockRules,
  VALIDATION_ISSUE_LABELS,
  weeks,
  type IncidentFacts,
  type LocalDateTime,
  type ObligationClock,
  type RegulatoryRegime,
  type RegulatoryStage,
  type TenantClockRules,
} from './index';

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/** Stockholm wall time → instant. */
const at = parseStockholm;
const utc = (iso: string) => new Date(iso);
const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;
const H = 3_600_000;
const S = 1_000;
const plus = (d: Date, ms: number) => new Date(d.getTime() + ms);
/** D-67: 2026-11-16 10:00 Europe/Stockholm (a Monday). */
const DEMO_NOW = utc('2026-11-16T09:00:00.000Z');

/** A stage as openStages creates it, then anchored/submitted as the test says. */
function stage(
  regime: RegulatoryRegime,
  name: RegulatoryStage,
  anchorAt: Date | null,
  extra: Partial<ObligationClock> = {},
  rules?: TenantClockRules,
): ObligationClock {
  const def = stageDefinition(regime, name, rules);
  const base: ObligationClock = {
    regime,
    stage: name,
    anchor: def.anchor,
    anchorAt: null,
    deadlineAt: null,
    targetAt: null,
    submittedAt: null,
  };
  return { ...(anchorAt ? anchorStage(base, anchorAt, rules) : base), ...extra };
}

const NO_FACTS: IncidentFacts = {
  type: 'INFOSEC_INCIDENT',
  personalDataInvolved: 'NO',
  breachRiskAssessment: null,
  unitCoveredByCyberSecurityAct: true,
  significantUnderCyberAct: false,
  lexSarah: false,
  lexMaria: false,
  securityProtectionAffected: false,
  suspectedCrime: false,
};
const facts = (over: Partial<IncidentFacts>): IncidentFacts => ({ ...NO_FACTS, ...over });

/** Every hour of local 2026 (2026-01-01 00:00 to 2026-12-31 23:00 Stockholm): 8 760 instants. */
function* hoursOf2026(minuteOffsetMs = 0): Generator<Date> {
  const end = at('2027-01-01 00:00').getTime();
  for (let t = at('2026-01-01 00:00').getTime(); t < end; t += H) yield new Date(t + minuteOffsetMs);
}

// ---------------------------------------------------------------------------------------------
// Europe/Stockholm time
// ---------------------------------------------------------------------------------------------

describe('Europe/Stockholm time (Intl, IANA zone)', () => {
  it('uses the IANA zone name', () => {
    expect(STOCKHOLM_TIME_ZONE).toBe('Europe/Stockholm');
  });

  it('has UTC+1 in winter and UTC+2 in summer, switching at 01:00 UTC on the last Sundays of March and October', () => {
    expect(stockholmOffsetMinutes(utc('2026-01-15T12:00:00Z'))).toBe(60);
    expect(stockholmOffsetMinutes(utc('2026-07-15T12:00:00Z'))).toBe(120);
    expect(stockholmOffsetMinutes(utc('2026-03-29T00:59:59.999Z'))).toBe(60);
    expect(stockholmOffsetMinutes(utc('2026-03-29T01:00:00.000Z'))).toBe(120);
    expect(stockholmOffsetMinutes(utc('2026-10-25T00:59:59.999Z'))).toBe(120);
    expect(stockholmOffsetMinutes(utc('2026-10-25T01:00:00.000Z'))).toBe(60);
  });

  it('reads wall time of an instant, milliseconds included', () => {
    expect(toStockholmLocal(utc('2026-11-16T09:00:00.250Z'))).toEqual({
      year: 2026,
      month: 11,
      day: 16,
      hour: 10,
      minute: 0,
      second: 0,
      millisecond: 250,
    });
    expect(formatStockholm(DEMO_NOW)).toBe('2026-11-16 10:00');
    expect(formatStockholm(utc('2026-12-31T23:30:00Z'))).toBe('2027-01-01 00:30');
  });

  it('reads both instants of the repeated October hour as 02:30', () => {
    expect(formatStockholm(utc('2026-10-25T00:30:00Z'))).toBe('2026-10-25 02:30');
    expect(formatStockholm(utc('2026-10-25T01:30:00Z'))).toBe('2026-10-25 02:30');
  });

  it('resolves wall time to instants in winter and summer', () => {
    expect(iso(at('2026-02-21 19:30'))).toBe('2026-02-21T18:30:00.000Z');
    expect(iso(at('2026-09-08 09:40'))).toBe('2026-09-08T07:40:00.000Z');
    expect(iso(at('2026-05-11T13:20:15.500'))).toBe('2026-05-11T11:20:15.500Z');
  });

  it('moves a wall time in the March gap forward by the gap (02:30 → 03:30 CEST)', () => {
    const gap: LocalDateTime = {
      year: 2026,
      month: 3,
      day: 29,
      hour: 2,
      minute: 30,
      second: 0,
      millisecond: 0,
    };
    expect(stockholmLocalTimeExists(gap)).toBe(false);
    expect(iso(fromStockholmLocal(gap))).toBe('2026-03-29T01:30:00.000Z');
    expect(formatStockholm(fromStockholmLocal(gap))).toBe('2026-03-29 03:30');
    expect(iso(at('2026-03-29 01:59'))).toBe('2026-03-29T00:59:00.000Z');
    expect(iso(at('2026-03-29 03:00'))).toBe('2026-03-29T01:00:00.000Z');
  });

  it('resolves a wall time in the repeated October hour to its first (summer-time) occurrence', () => {
    const twice: LocalDateTime = {
      year: 2026,
      month: 10,
      day: 25,
      hour: 2,
      minute: 30,
      second: 0,
      millisecond: 0,
    };
    expect(stockholmLocalTimeExists(twice)).toBe(true);
    expect(iso(fromStockholmLocal(twice))).toBe('2026-10-25T00:30:00.000Z');
    expect(iso(at('2026-10-25 01:59'))).toBe('2026-10-24T23:59:00.000Z');
    expect(iso(at('2026-10-25 03:00'))).toBe('2026-10-25T02:00:00.000Z');
  });

  it('rejects invalid wall times and instants', () => {
    expect(() => at('2026-02-29 10:00')).toThrow(RegulatoryClockError);
    expect(() => at('2026-13-01 10:00')).toThrow(RegulatoryClockError);
    expect(() => at('2026-01-01 24:00')).toThrow(RegulatoryClockError);
    expect(() => at('16/11/2026 10:00')).toThrow(RegulatoryClockError);
    expect(() => toStockholmLocal(new Date(NaN))).toThrow(RegulatoryClockError);
  });

  it('round-trips every hour of 2026 except the second occurrence of 02:xx on 2026-10-25', () => {
    const second = new Set([utc('2026-10-25T01:00:00Z').getTime()]);
    let roundTrips = 0;
    for (const instant of hoursOf2026(17 * 60 * S + 123)) {
      const back = fromStockholmLocal(toStockholmLocal(instant));
      if (second.has(instant.getTime() - 17 * 60 * S - 123)) {
        expect(back.getTime()).toBe(instant.getTime() - H);
      } else {
        expect(back.getTime()).toBe(instant.getTime());
        roundTrips++;
      }
    }
    expect(roundTrips).toBe(8759);
  });
});

// ---------------------------------------------------------------------------------------------
// Clock rules: addPeriod
// ---------------------------------------------------------------------------------------------

describe('addPeriod – hour periods are absolute elapsed time', () => {
  it('72 h from a Friday-evening report lands on Monday evening (weekends count)', () => {
    const friday = at('2026-11-13 17:30');
    expect(iso(friday)).toBe('2026-11-13T16:30:00.000Z');
    const deadline = addPeriod(friday, hours(72));
    expect(iso(deadline)).toBe('2026-11-16T16:30:00.000Z');
    expect(formatStockholm(deadline)).toBe('2026-11-16 17:30');
    expect(deadline.getTime() - friday.getTime()).toBe(259_200_000);
  });

  it('72 h from Friday 2026-03-27 18:00 across the March change lands on Monday 19:00 CEST', () => {
    const friday = at('2026-03-27 18:00');
    const deadline = addPeriod(friday, hours(72));
    expect(iso(deadline)).toBe('2026-03-30T17:00:00.000Z');
    expect(formatStockholm(deadline)).toBe('2026-03-30 19:00');
    expect(deadline.getTime() - friday.getTime()).toBe(259_200 * S);
  });

  it('72 h from Friday 2026-10-23 18:00 across the October change lands on Monday 17:00 CET', () => {
    const friday = at('2026-10-23 18:00');
    const deadline = addPeriod(friday, hours(72));
    expect(iso(deadline)).toBe('2026-10-26T16:00:00.000Z');
    expect(formatStockholm(deadline)).toBe('2026-10-26 17:00');
    expect(deadline.getTime() - friday.getTime()).toBe(259_200 * S);
  });

  it('24 h across each change is 24 elapsed hours, so the wall time shifts by one hour', () => {
    expect(formatStockholm(addPeriod(at('2026-03-28 12:00'), hours(24)))).toBe('2026-03-29 13:00');
    expect(iso(addPeriod(at('2026-03-28 12:00'), hours(24)))).toBe('2026-03-29T11:00:00.000Z');
    expect(formatStockholm(addPeriod(at('2026-10-24 12:00'), hours(24)))).toBe('2026-10-25 11:00');
    expect(iso(addPeriod(at('2026-10-24 12:00'), hours(24)))).toBe('2026-10-25T10:00:00.000Z');
  });

  it('6 h from inside the changes', () => {
    expect(iso(addPeriod(at('2026-03-29 01:30'), hours(6)))).toBe('2026-03-29T06:30:00.000Z');
    expect(formatStockholm(addPeriod(at('2026-03-29 01:30'), hours(6)))).toBe('2026-03-29 08:30');
    expect(formatStockholm(addPeriod(utc('2026-10-25T00:30:00Z'), hours(6)))).toBe('2026-10-25 07:30');
  });
});

describe('addPeriod – day periods keep the Stockholm wall time', () => {
  it('14 days across the March change keep 10:00 (335 elapsed hours)', () => {
    const anchor = at('2026-03-20 10:00');
    const due = addPeriod(anchor, days(14));
    expect(iso(due)).toBe('2026-04-03T08:00:00.000Z');
    expect(formatStockholm(due)).toBe('2026-04-03 10:00');
    expect((due.getTime() - anchor.getTime()) / H).toBe(14 * 24 - 1);
  });

  it('28 days (4 weeks) across the October change keep 10:00 (673 elapsed hours)', () => {
    const anchor = at('2026-10-10 10:00');
    const due = addPeriod(anchor, weeks(4));
    expect(weeks(4)).toEqual(days(28));
    expect(iso(due)).toBe('2026-11-07T09:00:00.000Z');
    expect(formatStockholm(due)).toBe('2026-11-07 10:00');
    expect((due.getTime() - anchor.getTime()) / H).toBe(28 * 24 + 1);
  });

  it('one day over the change is 23 h in March and 25 h in October', () => {
    expect(addPeriod(at('2026-03-28 12:00'), days(1)).getTime() - at('2026-03-28 12:00').getTime()).toBe(
      23 * H,
    );
    expect(addPeriod(at('2026-10-24 12:00'), days(1)).getTime() - at('2026-10-24 12:00').getTime()).toBe(
      25 * H,
    );
  });

  it('a day period landing in the March gap moves to 03:30 CEST', () => {
    const due = addPeriod(at('2026-03-28 02:30'), days(1));
    expect(iso(due)).toBe('2026-03-29T01:30:00.000Z');
    expect(formatStockholm(due)).toBe('2026-03-29 03:30');
  });

  it('a day period landing in the repeated October hour takes its first occurrence', () => {
    expect(iso(addPeriod(at('2026-10-24 02:30'), days(1)))).toBe('2026-10-25T00:30:00.000Z');
  });

  it('from the second 02:30 on 2026-10-25 (CET) a day later is 02:30 CET', () => {
    expect(iso(addPeriod(utc('2026-10-25T01:30:00Z'), days(1)))).toBe('2026-10-26T01:30:00.000Z');
  });

  it('crosses month and year ends', () => {
    expect(iso(addPeriod(at('2026-12-25 08:15'), days(14)))).toBe('2027-01-08T07:15:00.000Z');
    expect(iso(addPeriod(at('2028-02-20 12:00'), days(14)))).toBe('2028-03-05T11:00:00.000Z');
  });
});

describe('addPeriod – "1 month" is the same local date and time next month', () => {
  it('keeps 12:00 across the March change', () => {
    expect(iso(addPeriod(at('2026-03-15 12:00'), months(1)))).toBe('2026-04-15T10:00:00.000Z');
  });

  it('keeps 09:30 across the October change (INC-09: 2026-10-08 09:30 → 2026-11-08 09:30)', () => {
    const notified = at('2026-10-08 09:30');
    const due = addPeriod(notified, months(1));
    expect(iso(notified)).toBe('2026-10-08T07:30:00.000Z');
    expect(iso(due)).toBe('2026-11-08T08:30:00.000Z');
    expect(formatStockholm(due)).toBe('2026-11-08 09:30');
    expect((due.getTime() - notified.getTime()) / H).toBe(31 * 24 + 1);
  });

  it('Jan 31 + 1 month → Feb 28 (2026) and Feb 29 (2028, leap year)', () => {
    expect(iso(addPeriod(at('2026-01-31 10:00'), months(1)))).toBe('2026-02-28T09:00:00.000Z');
    expect(iso(addPeriod(at('2028-01-31 10:00'), months(1)))).toBe('2028-02-29T09:00:00.000Z');
    expect(iso(addPeriod(at('2026-01-29 10:00'), months(1)))).toBe('2026-02-28T09:00:00.000Z');
    expect(iso(addPeriod(at('2028-01-29 10:00'), months(1)))).toBe('2028-02-29T09:00:00.000Z');
  });

  it('Aug 31 → Sep 30, Mar 31 → Apr 30 (across DST), Dec 31 → Jan 31', () => {
    expect(iso(addPeriod(at('2026-08-31 10:00'), months(1)))).toBe('2026-09-30T08:00:00.000Z');
    expect(iso(addPeriod(at('2026-03-31 10:00'), months(1)))).toBe('2026-04-30T08:00:00.000Z');
    expect(iso(addPeriod(at('2026-12-31 23:30'), months(1)))).toBe('2027-01-31T22:30:00.000Z');
  });

  it('does not snap to month end: Feb 28 → Mar 28, Feb 29 → Mar 29, Sep 30 → Oct 30', () => {
    expect(iso(addPeriod(at('2026-02-28 10:00'), months(1)))).toBe('2026-03-28T09:00:00.000Z');
    expect(iso(addPeriod(at('2028-02-29 10:00'), months(1)))).toBe('2028-03-29T08:00:00.000Z');
    expect(iso(addPeriod(at('2026-09-30 10:00'), months(1)))).toBe('2026-10-30T09:00:00.000Z');
  });

  it('several months and the March gap (2027-02-28 02:30 + 1 month → 2027-03-28 03:30 CEST)', () => {
    expect(iso(addPeriod(at('2026-11-30 10:00'), months(3)))).toBe('2027-02-28T09:00:00.000Z');
    const due = addPeriod(at('2027-02-28 02:30'), months(1));
    expect(iso(due)).toBe('2027-03-28T01:30:00.000Z');
    expect(formatStockholm(due)).toBe('2027-03-28 03:30');
  });

  it('lands on the first occurrence of the repeated hour', () => {
    expect(iso(addPeriod(at('2026-09-25 02:30'), months(1)))).toBe('2026-10-25T00:30:00.000Z');
    expect(iso(addPeriod(utc('2026-10-25T01:30:00Z'), months(1)))).toBe('2026-11-25T01:30:00.000Z');
  });

  it('rejects an invalid anchor or amount', () => {
    expect(() => addPeriod(new Date(NaN), hours(72))).toThrow(RegulatoryClockError);
    expect(() => addPeriod(at('2026-01-01 10:00'), hours(1.5))).toThrow(RegulatoryClockError);
  });

  it('formats periods in Swedish and English', () => {
    expect(formatPeriod(hours(72), 'sv')).toBe('72 h');
    expect(formatPeriod(days(28), 'sv')).toBe('28 dagar');
    expect(formatPeriod(days(1), 'en')).toBe('1 day');
    expect(formatPeriod(months(1), 'sv')).toBe('1 månad');
    expect(formatPeriod(months(1), 'en')).toBe('1 month');
  });
});

describe('Clock rules – property loops over every hour of 2026', () => {
  it('72 h deadline minus anchor is always exactly 259 200 000 ms', () => {
    let n = 0;
    for (const anchor of hoursOf2026(7 * 60 * S + 5)) {
      expect(addPeriod(anchor, hours(72)).getTime() - anchor.getTime()).toBe(259_200_000);
      n++;
    }
    expect(n).toBe(8760);
  });

  it('1 month keeps the local time of day and the local date (clamped to month end)', () => {
    let unchangedTimeOfDay = 0;
    for (const anchor of hoursOf2026(45 * 60 * S)) {
      const a = toStockholmLocal(anchor);
      const expected: LocalDateTime = {
        ...a,
        year: a.month === 12 ? a.year + 1 : a.year,
        month: a.month === 12 ? 1 : a.month + 1,
        day: Math.min(a.day, new Date(Date.UTC(a.year, a.month + 1, 0)).getUTCDate()),
      };
      const d = toStockholmLocal(addPeriod(anchor, months(1)));
      if (stockholmLocalTimeExists(expected)) {
        expect(d).toEqual(expected);
        unchangedTimeOfDay++;
      } else {
        expect(d).toEqual({ ...expected, hour: expected.hour + 1 });
      }
    }
    // No 2026 anchor lands in a spring gap one month later (2026-02-29 does not exist).
    expect(unchangedTimeOfDay).toBe(8760);
  });

  it('14 days keep the local time of day unless it does not exist that day', () => {
    let gaps = 0;
    for (const anchor of hoursOf2026()) {
      const a = toStockholmLocal(anchor);
      const due = addPeriod(anchor, days(14));
      const d = toStockholmLocal(due);
      const expectedDate = new Date(Date.UTC(a.year, a.month - 1, a.day + 14));
      expect([d.year, d.month, d.day]).toEqual([
        expectedDate.getUTCFullYear(),
        expectedDate.getUTCMonth() + 1,
        expectedDate.getUTCDate(),
      ]);
      if (d.hour === a.hour) continue;
      gaps++;
      expect([a.month, a.day, a.hour, d.hour]).toEqual([3, 15, 2, 3]);
    }
    expect(gaps).toBe(1);
  });
});

// ---------------------------------------------------------------------------------------------
// Enumerations and stages (D-60)
// ---------------------------------------------------------------------------------------------

describe('enumerations have Swedish and English labels', () => {
  const tables: Record<string, Record<string, { sv: string; en: string }>> = {
    REGULATORY_REGIME_LABELS,
    REGULATORY_STAGE_LABELS,
    OBLIGATION_STATUS_LABELS,
    ANCHOR_KIND_LABELS,
    CLOCK_KIND_LABELS,
    RECEIVER_KIND_LABELS,
    ESCALATION_LEVEL_LABELS,
    DECIDER_ROLE_LABELS,
    VALIDATION_ISSUE_LABELS,
    ART34_EXEMPTION_LABELS,
    PENDING_ASSESSMENT_LABELS,
    PERIOD_UNIT_LABELS,
    INCIDENT_TYPE_LABELS,
    TRI_STATE_LABELS,
    BREACH_RISK_ASSESSMENT_LABELS,
  };
  it.each(Object.entries(tables))('%s', (_name, table) => {
    for (const label of Object.values(table)) {
      expect(label.sv.trim()).not.toBe('');
      expect(label.en.trim()).not.toBe('');
    }
  });

  it('lists the values of §4d', () => {
    expect(REGULATORY_REGIMES).toEqual([
      'GDPR_ART33_IMY',
      'GDPR_ART34_SUBJECTS',
      'GDPR_ART33_5_LOG',
      'CYBER_ACT',
      'MSBFS_2020_8_MODEL',
      'IVO_LEX_SARAH',
      'IVO_LEX_MARIA',
      'SECURITY_PROTECTION',
      'POLICE_REPORT',
    ]);
    expect(OBLIGATION_STATUSES).toEqual([
      'PENDING',
      'DUE_SOON',
      'OVERDUE',
      'MET',
      'MISSED',
      'NOT_REQUIRED',
      'WITHDRAWN',
    ]);
    expect(ANCHOR_KINDS).toEqual([
      'AWARE_AT',
      'PREVIOUS_STAGE_SUBMITTED',
      'DECISION_DATE',
      'IDENTIFIED_AT',
      'HANDLED_AT',
    ]);
    expect(Object.keys(REGULATORY_REGIME_LABELS)).toEqual([...REGULATORY_REGIMES]);
    expect(Object.keys(REGULATORY_STAGE_LABELS)).toEqual([...REGULATORY_STAGES]);
    expect(REGULATORY_STAGE_LABELS.EARLY_WARNING.sv).toBe('Tidig varning');
  });
});

describe('stagesFor (D-60)', () => {
  const table = (regime: RegulatoryRegime) =>
    stagesFor(regime).map((s) => [
      s.stage,
      s.anchor,
      s.period ? formatPeriod(s.period, 'en') : null,
      s.clock,
      s.trigger,
    ]);

  it('GDPR_ART33_IMY: notification 72 h deadline; supplement 28 days target after a first phase', () => {
    expect(table('GDPR_ART33_IMY')).toEqual([
      ['NOTIFICATION', 'AWARE_AT', '72 h', 'DEADLINE', 'REGIME_APPLIES'],
      ['SUPPLEMENT', 'PREVIOUS_STAGE_SUBMITTED', '28 days', 'TARGET', 'FIRST_PHASE_SUBMITTED'],
    ]);
  });

  it('GDPR_ART34_SUBJECTS: communication, target 72 h (D-24); GDPR_ART33_5_LOG: no period', () => {
    expect(table('GDPR_ART34_SUBJECTS')).toEqual([
      ['COMMUNICATION', 'AWARE_AT', '72 h', 'TARGET', 'REGIME_APPLIES'],
    ]);
    expect(table('GDPR_ART33_5_LOG')).toEqual([['BREACH_LOG', 'AWARE_AT', null, 'NONE', 'REGIME_APPLIES']]);
  });

  it('CYBER_ACT: 24 h, 72 h, final 1 month after the notification; intermediate on request; progress if ongoing', () => {
    expect(table('CYBER_ACT')).toEqual([
      ['EARLY_WARNING', 'AWARE_AT', '24 h', 'DEADLINE', 'REGIME_APPLIES'],
      ['INCIDENT_NOTIFICATION', 'AWARE_AT', '72 h', 'DEADLINE', 'REGIME_APPLIES'],
      ['FINAL_REPORT', 'PREVIOUS_STAGE_SUBMITTED', '1 month', 'DEADLINE', 'REGIME_APPLIES'],
      ['INTERMEDIATE_REPORT', 'DECISION_DATE', null, 'DEADLINE', 'CSIRT_REQUEST'],
      ['PROGRESS_REPORT', 'PREVIOUS_STAGE_SUBMITTED', '1 month', 'DEADLINE', 'ONGOING_AT_FINAL_REPORT'],
    ]);
  });

  it('MSBFS model: targets 6 h and 28 days from identification', () => {
    expect(table('MSBFS_2020_8_MODEL')).toEqual([
      ['NOTIFICATION', 'IDENTIFIED_AT', '6 h', 'TARGET', 'REGIME_APPLIES'],
      ['FINAL_REPORT', 'IDENTIFIED_AT', '28 days', 'TARGET', 'REGIME_APPLIES'],
    ]);
  });

  it('IVO: report 14 days after the decision (target); säkerhetsskydd and police: no period', () => {
    for (const regime of ['IVO_LEX_SARAH', 'IVO_LEX_MARIA'] as const) {
      expect(table(regime)).toEqual([['REPORT', 'DECISION_DATE', '14 days', 'TARGET', 'REGIME_APPLIES']]);
    }
    expect(table('SECURITY_PROTECTION')).toEqual([['REPORT', 'AWARE_AT', null, 'NONE', 'REGIME_APPLIES']]);
    expect(table('POLICE_REPORT')).toEqual([['REPORT', 'AWARE_AT', null, 'NONE', 'REGIME_APPLIES']]);
    expect(stagesFor('SECURITY_PROTECTION')[0]?.receiver).toBe('SECURITY_SERVICE');
  });

  it('statutory deadlines exist only where the law fixes an hour or a month', () => {
    const deadlines = REGULATORY_REGIMES.flatMap((r) =>
      stagesFor(r)
        .filter((s) => s.clock === 'DEADLINE')
        .map((s) => `${r}.${s.stage}`),
    );
    expect(deadlines).toEqual([
      'GDPR_ART33_IMY.NOTIFICATION',
      'CYBER_ACT.EARLY_WARNING',
      'CYBER_ACT.INCIDENT_NOTIFICATION',
      'CYBER_ACT.FINAL_REPORT',
      'CYBER_ACT.INTERMEDIATE_REPORT',
      'CYBER_ACT.PROGRESS_REPORT',
    ]);
  });

  it('applies tenant overrides to targets only', () => {
    const rules: TenantClockRules = { periodOverrides: { IVO_LEX_SARAH: { REPORT: days(7) } } };
    expect(validateTenantClockRules(rules)).toEqual([]);
    expect(stageDefinition('IVO_LEX_SARAH', 'REPORT', rules).period).toEqual(days(7));
    expect(stageDefinition('IVO_LEX_MARIA', 'REPORT', rules).period).toEqual(days(14));
    const s = stage('IVO_LEX_SARAH', 'REPORT', at('2026-07-20 10:00'), {}, rules);
    expect(iso(s.targetAt)).toBe('2026-07-27T08:00:00.000Z');
  });

  it('refuses to override statutory deadlines, stages without a period or foreign stages', () => {
    const rules: TenantClockRules = {
      periodOverrides: {
        GDPR_ART33_IMY: { NOTIFICATION: hours(96) },
        GDPR_ART33_5_LOG: { BREACH_LOG: days(3) },
        CYBER_ACT: { REPORT: days(3) },
        MSBFS_2020_8_MODEL: { NOTIFICATION: hours(0) },
      },
    };
    expect(validateTenantClockRules(rules)).toEqual([
      { code: 'PERIOD_NOT_OVERRIDABLE', regime: 'GDPR_ART33_IMY', stage: 'NOTIFICATION' },
      { code: 'PERIOD_NOT_OVERRIDABLE', regime: 'GDPR_ART33_5_LOG', stage: 'BREACH_LOG' },
      { code: 'STAGE_NOT_IN_REGIME', regime: 'CYBER_ACT', stage: 'REPORT' },
      { code: 'INVALID_PERIOD', regime: 'MSBFS_2020_8_MODEL', stage: 'NOTIFICATION' },
    ]);
    expect(() => stagesFor('GDPR_ART33_IMY', rules)).toThrow(RegulatoryClockError);
    expect(() => stageDefinition('GDPR_ART33_IMY', 'REPORT')).toThrow(RegulatoryClockError);
  });
});

// ---------------------------------------------------------------------------------------------
// Applicability (§4d table)
// ---------------------------------------------------------------------------------------------

describe('applicableRegimes', () => {
  const breach = (over: Partial<IncidentFacts> = {}) =>
    facts({ type: 'PERSONAL_DATA_BREACH', personalDataInvolved: 'YES', ...over });

  it('every personal data breach gets the IMY notification and the breach log, whatever the risk', () => {
    for (const breachRiskAssessment of [null, 'UNLIKELY', 'RISK'] as const) {
      expect(applicableRegimes(breach({ breachRiskAssessment }))).toEqual([
        'GDPR_ART33_IMY',
        'GDPR_ART33_5_LOG',
      ]);
    }
  });

  it('HIGH_RISK adds the communication to data subjects', () => {
    expect(applicableRegimes(breach({ breachRiskAssessment: 'HIGH_RISK' }))).toEqual([
      'GDPR_ART33_IMY',
      'GDPR_ART34_SUBJECTS',
      'GDPR_ART33_5_LOG',
    ]);
  });

  it('personal data involved does not by itself make an incident a breach (the triage asks)', () => {
    const f = facts({ type: 'IT_INCIDENT', personalDataInvolved: 'YES', breachRiskAssessment: 'HIGH_RISK' });
    expect(applicableRegimes(f)).toEqual([]);
    expect(pendingAssessments(f)).toEqual(['PERSONAL_DATA_BREACH_TYPE']);
  });

  it('CYBER_ACT needs a covered unit and a significant incident', () => {
    expect(applicableRegimes(facts({ significantUnderCyberAct: true }))).toEqual(['CYBER_ACT']);
    expect(applicableRegimes(facts({ significantUnderCyberAct: false }))).toEqual([]);
    expect(applicableRegimes(facts({ significantUnderCyberAct: null }))).toEqual([]);
    expect(pendingAssessments(facts({ significantUnderCyberAct: null }))).toEqual([
      'SIGNIFICANT_UNDER_CYBER_ACT',
    ]);
  });

  it('D-47: a bolag not covered gets no cyber act clocks even for a significant incident', () => {
    const ebh = facts({ unitCoveredByCyberSecurityAct: false, significantUnderCyberAct: true });
    expect(applicableRegimes(ebh)).toEqual([]);
    expect(
      pendingAssessments(facts({ unitCoveredByCyberSecurityAct: false, significantUnderCyberAct: null })),
    ).toEqual([]);
  });

  it('a significant personal data breach runs the GDPR and cyber act clocks side by side', () => {
    expect(
      applicableRegimes(breach({ significantUnderCyberAct: true, breachRiskAssessment: 'RISK' })),
    ).toEqual(['GDPR_ART33_IMY', 'GDPR_ART33_5_LOG', 'CYBER_ACT']);
  });

  it('the MSBFS 2020:8 model applies only when the tenant switches it on, to IT/infosec incidents', () => {
    const on: TenantClockRules = { msbfsModel: { enabled: true } };
    expect(applicableRegimes(facts({}))).toEqual([]);
    expect(applicableRegimes(facts({}), { msbfsModel: { enabled: false } })).toEqual([]);
    expect(applicableRegimes(facts({}), on)).toEqual(['MSBFS_2020_8_MODEL']);
    expect(applicableRegimes(facts({ type: 'IT_INCIDENT' }), on)).toEqual(['MSBFS_2020_8_MODEL']);
    expect(applicableRegimes(breach(), on)).toEqual([
      'GDPR_ART33_IMY',
      'GDPR_ART33_5_LOG',
      'MSBFS_2020_8_MODEL',
    ]);
    expect(applicableRegimes(facts({ type: 'DEVIATION' }), on)).toEqual([]);
    expect(applicableRegimes(facts({ type: 'SECURITY_EVENT' }), on)).toEqual([]);
    expect(applicableRegimes(facts({ type: null }), on)).toEqual([]);
    const narrowed: TenantClockRules = { msbfsModel: { enabled: true, incidentTypes: ['IT_INCIDENT'] } };
    expect(applicableRegimes(facts({}), narrowed)).toEqual([]);
  });

  it('lex Sarah, lex Maria, säkerhetsskydd and suspected crime follow their flags', () => {
    expect(applicableRegimes(facts({ type: 'DEVIATION', lexSarah: true }))).toEqual(['IVO_LEX_SARAH']);
    expect(applicableRegimes(facts({ type: 'DEVIATION', lexMaria: true }))).toEqual(['IVO_LEX_MARIA']);
    expect(applicableRegimes(facts({ securityProtectionAffected: true }))).toEqual(['SECURITY_PROTECTION']);
    expect(applicableRegimes(facts({ suspectedCrime: true }))).toEqual(['POLICE_REPORT']);
    expect(
      applicableRegimes(
        breach({
          breachRiskAssessment: 'HIGH_RISK',
          significantUnderCyberAct: true,
          lexSarah: true,
          lexMaria: true,
          securityProtectionAffected: true,
          suspectedCrime: true,
        }),
        { msbfsModel: { enabled: true } },
      ),
    ).toEqual([...REGULATORY_REGIMES]);
  });

  it('an untriaged report has no type-based regimes', () => {
    expect(applicableRegimes(facts({ type: null, personalDataInvolved: 'YES' }))).toEqual([]);
    expect(pendingAssessments(facts({ type: null, personalDataInvolved: 'YES' }))).toEqual([]);
  });

  it('asks for the DPO risk assessment of a breach', () => {
    expect(pendingAssessments(breach())).toEqual(['BREACH_RISK_ASSESSMENT']);
    expect(pendingAssessments(breach({ breachRiskAssessment: 'UNLIKELY' }))).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Status, time left, escalations
// ---------------------------------------------------------------------------------------------

describe('obligationStatus – DUE_SOON at max(25 % of the span, 12 h)', () => {
  // Friday 2026-11-13 17:30 → deadline Monday 2026-11-16 17:30; 25 % of 72 h = 18 h.
  const imy = stage('GDPR_ART33_IMY', 'NOTIFICATION', at('2026-11-13 17:30'));

  it('72 h: the 18 h boundary, exactly and one second either side', () => {
    expect(iso(imy.deadlineAt)).toBe('2026-11-16T16:30:00.000Z');
    expect(iso(dueSoonFrom(imy))).toBe('2026-11-15T22:30:00.000Z');
    expect(obligationStatus(imy, utc('2026-11-15T22:29:59Z'))).toBe('PENDING');
    expect(obligationStatus(imy, utc('2026-11-15T22:30:00Z'))).toBe('DUE_SOON');
    expect(obligationStatus(imy, utc('2026-11-15T22:30:01Z'))).toBe('DUE_SOON');
    expect(timeLeft(imy, utc('2026-11-15T22:30:00Z'))).toBe(18 * H);
  });

  it('24 h: 25 % is 6 h, so the 12 h floor applies', () => {
    const ew = stage('CYBER_ACT', 'EARLY_WARNING', at('2026-10-06 02:40'));
    expect(iso(ew.deadlineAt)).toBe('2026-10-07T00:40:00.000Z');
    expect(iso(dueSoonFrom(ew))).toBe('2026-10-06T12:40:00.000Z');
    expect(obligationStatus(ew, utc('2026-10-06T12:39:59Z'))).toBe('PENDING');
    expect(obligationStatus(ew, utc('2026-10-06T12:40:00Z'))).toBe('DUE_SOON');
    expect(obligationStatus(ew, utc('2026-10-06T12:40:01Z'))).toBe('DUE_SOON');
  });

  it('6 h target (MSBFS model): DUE_SOON from the start', () => {
    const msb = stage('MSBFS_2020_8_MODEL', 'NOTIFICATION', at('2026-10-06 02:40'));
    expect(iso(msb.targetAt)).toBe('2026-10-06T06:40:00.000Z');
    expect(msb.deadlineAt).toBeNull();
    expect(obligationStatus(msb, at('2026-10-06 02:40'))).toBe('DUE_SOON');
  });

  it('1 month across the October change: 25 % of 745 h = 186 h 15 min', () => {
    const fr = stage('CYBER_ACT', 'FINAL_REPORT', at('2026-10-08 09:30'));
    expect(iso(fr.deadlineAt)).toBe('2026-11-08T08:30:00.000Z');
    expect(iso(dueSoonFrom(fr))).toBe('2026-10-31T14:15:00.000Z');
    expect(obligationStatus(fr, utc('2026-10-31T14:14:59Z'))).toBe('PENDING');
    expect(obligationStatus(fr, utc('2026-10-31T14:15:00Z'))).toBe('DUE_SOON');
    expect(obligationStatus(fr, utc('2026-10-31T14:15:01Z'))).toBe('DUE_SOON');
  });

  it('is DUE_SOON at the deadline itself and OVERDUE one second later', () => {
    expect(obligationStatus(imy, utc('2026-11-16T16:30:00Z'))).toBe('DUE_SOON');
    expect(timeLeft(imy, utc('2026-11-16T16:30:00Z'))).toBe(0);
    expect(obligationStatus(imy, utc('2026-11-16T16:30:01Z'))).toBe('OVERDUE');
    expect(timeLeft(imy, utc('2026-11-16T16:30:01Z'))).toBe(-S);
  });
});

describe('obligationStatus – submissions, targets, dispositions', () => {
  const aware = at('2026-11-13 17:30');
  const imy = stage('GDPR_ART33_IMY', 'NOTIFICATION', aware);
  const deadline = utc('2026-11-16T16:30:00Z');

  it('MET when submitted on time, including exactly at the deadline; MISSED one second after', () => {
    expect(obligationStatus({ ...imy, submittedAt: plus(aware, 10 * H) }, DEMO_NOW)).toBe('MET');
    expect(obligationStatus({ ...imy, submittedAt: deadline }, DEMO_NOW)).toBe('MET');
    expect(obligationStatus({ ...imy, submittedAt: plus(deadline, S), lateReason: 'x' }, DEMO_NOW)).toBe(
      'MISSED',
    );
  });

  it('OVERDUE → MISSED when submitted late; the late submission needs a reason', () => {
    const now = plus(deadline, 3 * H);
    expect(obligationStatus(imy, now)).toBe('OVERDUE');
    expect(validateSubmission({ obligation: imy, submittedAt: now })).toEqual([
      { code: 'LATE_REASON_REQUIRED', field: 'lateReason' },
    ]);
    expect(validateSubmission({ obligation: imy, submittedAt: now, lateReason: '  ' })).toHaveLength(1);
    expect(validateSubmission({ obligation: imy, submittedAt: now, lateReason: 'Helg' })).toEqual([]);
    expect(validateSubmission({ obligation: imy, submittedAt: deadline })).toEqual([]);
    expect(obligationStatus({ ...imy, submittedAt: now, lateReason: 'Helg' }, plus(now, H))).toBe('MISSED');
    expect(timeLeft({ ...imy, submittedAt: now }, now)).toBeNull();
  });

  it('a target-only stage shows DUE_SOON and OVERDUE against the target and is never MISSED', () => {
    const comm = stage('GDPR_ART34_SUBJECTS', 'COMMUNICATION', aware);
    expect(comm.deadlineAt).toBeNull();
    expect(iso(comm.targetAt)).toBe('2026-11-16T16:30:00.000Z');
    expect(obligationStatus(comm, utc('2026-11-15T22:29:59Z'))).toBe('PENDING');
    expect(obligationStatus(comm, utc('2026-11-15T22:30:00Z'))).toBe('DUE_SOON');
    expect(obligationStatus(comm, utc('2026-11-16T16:30:01Z'))).toBe('OVERDUE');
    expect(obligationStatus({ ...comm, submittedAt: utc('2026-11-30T10:00:00Z') }, DEMO_NOW)).toBe('MET');
    expect(validateSubmission({ obligation: comm, submittedAt: utc('2026-11-30T10:00:00Z') })).toEqual([]);
    const sarah = stage('IVO_LEX_SARAH', 'REPORT', at('2026-07-20 10:00'));
    expect(obligationStatus({ ...sarah, submittedAt: at('2026-09-01 10:00') }, DEMO_NOW)).toBe('MET');
    expect(k12Outcome({ ...sarah, submittedAt: at('2026-09-01 10:00') }, DEMO_NOW)).toBeNull();
  });

  it('NOT_REQUIRED and WITHDRAWN are kept as decided', () => {
    expect(obligationStatus({ ...imy, disposition: 'NOT_REQUIRED' }, plus(deadline, H))).toBe('NOT_REQUIRED');
    expect(obligationStatus({ ...imy, disposition: 'WITHDRAWN' }, plus(deadline, H))).toBe('WITHDRAWN');
    expect(timeLeft({ ...imy, disposition: 'WITHDRAWN' }, DEMO_NOW)).toBeNull();
  });

  it('a stage without a period is PENDING until done, then MET', () => {
    const log = stage('GDPR_ART33_5_LOG', 'BREACH_LOG', aware);
    expect([log.deadlineAt, log.targetAt]).toEqual([null, null]);
    expect(obligationStatus(log, utc('2030-01-01T00:00:00Z'))).toBe('PENDING');
    expect(timeLeft(log, DEMO_NOW)).toBeNull();
    expect(escalationsDue(log, utc('2030-01-01T00:00:00Z'))).toEqual([]);
    expect(obligationStatus({ ...log, submittedAt: DEMO_NOW }, DEMO_NOW)).toBe('MET');
    expect(
      isBreachLogComplete({
        facts: 'Fel mottagare',
        effects: 'Läst av en person',
        remedialAction: 'Raderat',
      }),
    ).toBe(true);
    expect(isBreachLogComplete({ facts: 'Fel mottagare', effects: ' ', remedialAction: 'Raderat' })).toBe(
      false,
    );
  });

  it('a stage whose anchor has not happened yet is PENDING without a due instant', () => {
    const fr = stage('CYBER_ACT', 'FINAL_REPORT', null);
    expect(obligationStatus(fr, DEMO_NOW)).toBe('PENDING');
    expect(timeLeft(fr, DEMO_NOW)).toBeNull();
    expect(dueSoonFrom(fr)).toBeNull();
    expect(validateSubmission({ obligation: fr, submittedAt: DEMO_NOW })).toEqual([
      { code: 'ANCHOR_NOT_SET', field: 'obligation' },
    ]);
  });

  it('K12 counts statutory stages that are MET, MISSED or OVERDUE only', () => {
    expect(k12Outcome(imy, utc('2026-11-14T10:00:00Z'))).toBeNull();
    expect(k12Outcome(imy, plus(deadline, S))).toBe('OVERDUE');
    expect(k12Outcome({ ...imy, submittedAt: deadline }, DEMO_NOW)).toBe('MET');
    expect(k12Outcome({ ...imy, submittedAt: plus(deadline, S) }, DEMO_NOW)).toBe('MISSED');
    expect(k12Outcome({ ...imy, disposition: 'NOT_REQUIRED' }, DEMO_NOW)).toBeNull();
  });
});

describe('escalations at 50 % and 90 % of the span', () => {
  const aware = at('2026-11-13 17:30');
  const imy = stage('GDPR_ART33_IMY', 'NOTIFICATION', aware);

  it('72 h: 50 % after 36 h, 90 % after 64 h 48 min', () => {
    expect(escalationThresholds(imy).map(({ level, at: t }) => [level, iso(t)])).toEqual([
      ['HALF_TIME', '2026-11-15T04:30:00.000Z'],
      ['NINETY_PERCENT', '2026-11-16T09:18:00.000Z'],
    ]);
    expect(escalationsDue(imy, utc('2026-11-15T04:29:59Z'))).toEqual([]);
    expect(escalationsDue(imy, utc('2026-11-15T04:30:00Z'))).toEqual(['HALF_TIME']);
    expect(escalationsDue(imy, utc('2026-11-16T09:17:59Z'))).toEqual(['HALF_TIME']);
    expect(escalationsDue(imy, utc('2026-11-16T09:18:00Z'))).toEqual(['HALF_TIME', 'NINETY_PERCENT']);
    expect(escalationsDue(imy, utc('2026-11-16T09:18:00Z'), ['HALF_TIME'])).toEqual(['NINETY_PERCENT']);
    expect(escalationsDue(imy, utc('2026-11-17T00:00:00Z'), ['HALF_TIME', 'NINETY_PERCENT'])).toEqual([]);
  });

  it('a closed stage escalates nothing', () => {
    expect(escalationsDue({ ...imy, submittedAt: plus(aware, H) }, utc('2026-11-17T00:00:00Z'))).toEqual([]);
    expect(escalationsDue({ ...imy, disposition: 'NOT_REQUIRED' }, utc('2026-11-17T00:00:00Z'))).toEqual([]);
  });

  it('targets escalate too (reminders); the day span across DST is measured in elapsed time', () => {
    const sarah = stage('IVO_LEX_SARAH', 'REPORT', at('2026-03-20 10:00'));
    expect(iso(sarah.targetAt)).toBe('2026-04-03T08:00:00.000Z');
    // 335 h span from 2026-03-20T09:00Z: 50 % = 167 h 30 min, 90 % = 301 h 30 min.
    expect(escalationThresholds(sarah).map((e) => iso(e.at))).toEqual([
      '2026-03-27T08:30:00.000Z',
      '2026-04-01T22:30:00.000Z',
    ]);
  });

  it('evaluateObligation bundles the view of one stage', () => {
    expect(evaluateObligation(imy, utc('2026-11-16T09:18:00Z'), ['HALF_TIME'])).toEqual({
      status: 'DUE_SOON',
      clock: 'DEADLINE',
      dueAt: utc('2026-11-16T16:30:00Z'),
      timeLeftMs: 7 * H + 12 * 60 * S,
      dueSoonFrom: utc('2026-11-15T22:30:00Z'),
      escalationsDue: ['NINETY_PERCENT'],
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Deciders and validation
// ---------------------------------------------------------------------------------------------

describe('NOT_REQUIRED / WITHDRAWN deciders', () => {
  it('DPO for the GDPR regimes, HEAD (or the named delegate) for IVO, CISO for the rest', () => {
    expect(Object.fromEntries(REGULATORY_REGIMES.map((r) => [r, DISPOSITION_DECIDERS[r].role]))).toEqual({
      GDPR_ART33_IMY: 'DPO',
      GDPR_ART34_SUBJECTS: 'DPO',
      GDPR_ART33_5_LOG: 'DPO',
      CYBER_ACT: 'CISO',
      MSBFS_2020_8_MODEL: 'CISO',
      IVO_LEX_SARAH: 'HEAD',
      IVO_LEX_MARIA: 'HEAD',
      SECURITY_PROTECTION: 'CISO',
      POLICE_REPORT: 'CISO',
    });
    expect(mayDecideDisposition('GDPR_ART33_IMY', { roles: ['DPO'] })).toBe(true);
    expect(mayDecideDisposition('GDPR_ART33_IMY', { roles: ['CISO', 'HEAD', 'COORDINATOR'] })).toBe(false);
    expect(mayDecideDisposition('IVO_LEX_SARAH', { roles: ['HEAD'] })).toBe(true);
    expect(mayDecideDisposition('IVO_LEX_MARIA', { roles: ['MANAGER'], namedDelegate: true })).toBe(true);
    expect(mayDecideDisposition('IVO_LEX_MARIA', { roles: ['CISO', 'DPO'] })).toBe(false);
    expect(mayDecideDisposition('CYBER_ACT', { roles: ['CISO'] })).toBe(true);
    expect(mayDecideDisposition('CYBER_ACT', { roles: ['HEAD'], namedDelegate: true })).toBe(false);
    expect(mayDecideDisposition('SECURITY_PROTECTION', { roles: ['DPO'] })).toBe(false);
  });

  const imy = stage('GDPR_ART33_IMY', 'NOTIFICATION', at('2026-06-03 11:15'));

  it('requires a reason and an authorised decider', () => {
    expect(
      validateDisposition({
        obligation: imy,
        disposition: 'NOT_REQUIRED',
        reason: '   ',
        decider: { roles: ['CISO'] },
        breachRiskAssessment: 'UNLIKELY',
      }),
    ).toEqual([
      { code: 'REASON_REQUIRED', field: 'reason' },
      { code: 'DECIDER_NOT_AUTHORISED', field: 'decider' },
    ]);
  });

  it('IMY is not required only when the risk is assessed UNLIKELY', () => {
    const base = {
      obligation: imy,
      disposition: 'NOT_REQUIRED',
      reason: 'Endast en mötestid',
      decider: { roles: ['DPO'] },
    } as const;
    expect(validateDisposition({ ...base, breachRiskAssessment: 'UNLIKELY' })).toEqual([]);
    expect(validateDisposition({ ...base, breachRiskAssessment: 'RISK' })).toEqual([
      { code: 'RISK_NOT_ASSESSED_UNLIKELY', field: 'breachRiskAssessment' },
    ]);
    expect(validateDisposition(base)).toEqual([
      { code: 'RISK_NOT_ASSESSED_UNLIKELY', field: 'breachRiskAssessment' },
    ]);
  });

  it('Art. 34 not required names its Art. 34(3) ground; the breach log is never not required', () => {
    const comm = stage('GDPR_ART34_SUBJECTS', 'COMMUNICATION', at('2026-06-03 11:15'));
    const base = {
      obligation: comm,
      disposition: 'NOT_REQUIRED',
      reason: 'Återkallat',
      decider: { roles: ['DPO'] },
    } as const;
    expect(validateDisposition(base)).toEqual([{ code: 'ART34_GROUND_REQUIRED', field: 'art34Exemption' }]);
    expect(validateDisposition({ ...base, art34Exemption: 'ART34_3_B' })).toEqual([]);
    const log = stage('GDPR_ART33_5_LOG', 'BREACH_LOG', at('2026-06-03 11:15'));
    expect(validateDisposition({ ...base, obligation: log })).toEqual([
      { code: 'DISPOSITION_NOT_ALLOWED', field: 'disposition' },
    ]);
  });

  it('only open stages can be closed; WITHDRAWN is for a regime that no longer applies', () => {
    const submitted = { ...imy, submittedAt: at('2026-06-04 10:00') };
    const withdraw = {
      disposition: 'WITHDRAWN',
      reason: 'Typ ändrad till IT-incident',
      decider: { roles: ['DPO'] },
    } as const;
    expect(validateDisposition({ ...withdraw, obligation: submitted })).toEqual([
      { code: 'ALREADY_CLOSED', field: 'obligation' },
    ]);
    expect(validateDisposition({ ...withdraw, obligation: imy, regimeStillApplies: false })).toEqual([]);
    expect(validateDisposition({ ...withdraw, obligation: imy, regimeStillApplies: true })).toEqual([
      { code: 'REGIME_STILL_APPLIES', field: 'disposition' },
    ]);
    expect(
      validateDisposition({
        ...withdraw,
        obligation: stage('CYBER_ACT', 'EARLY_WARNING', DEMO_NOW),
        decider: { roles: ['CISO'] },
      }),
    ).toEqual([]);
  });

  it('only the IMY notification may be a first phase; closed stages cannot be submitted', () => {
    expect(
      validateSubmission({ obligation: imy, submittedAt: at('2026-06-04 10:00'), firstPhase: true }),
    ).toEqual([]);
    const ew = stage('CYBER_ACT', 'EARLY_WARNING', at('2026-06-03 11:15'));
    expect(
      validateSubmission({ obligation: ew, submittedAt: at('2026-06-03 12:00'), firstPhase: true }),
    ).toEqual([{ code: 'FIRST_PHASE_NOT_ALLOWED', field: 'firstPhase' }]);
    expect(
      validateSubmission({
        obligation: { ...ew, disposition: 'NOT_REQUIRED' },
        submittedAt: at('2026-06-03 12:00'),
      }),
    ).toEqual([{ code: 'ALREADY_CLOSED', field: 'obligation' }]);
  });
});

describe('BR-D2: awareAt may be set earlier than reportedAt, never later', () => {
  const reportedAt = at('2026-11-16 08:00');
  it('accepts earlier or equal with a reason', () => {
    expect(
      validateAwareAtChange({ awareAt: at('2026-11-13 17:30'), reportedAt, reason: 'Upptäckt i fredags' }),
    ).toEqual([]);
    expect(validateAwareAtChange({ awareAt: reportedAt, reason: 'Återställd', reportedAt })).toEqual([]);
  });
  it('rejects later by even one millisecond, and a missing reason', () => {
    expect(validateAwareAtChange({ awareAt: plus(reportedAt, 1), reportedAt, reason: 'x' })).toEqual([
      { code: 'AWARE_AT_AFTER_REPORTED_AT', field: 'awareAt' },
    ]);
    expect(validateAwareAtChange({ awareAt: at('2026-11-15 08:00'), reportedAt, reason: null })).toEqual([
      { code: 'REASON_REQUIRED', field: 'reason' },
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// D-26: awareAt recomputation
// ---------------------------------------------------------------------------------------------

describe('recomputeOnAwareAtChange (D-26)', () => {
  type Row = ObligationClock & { id: string };
  const reportedAt = at('2026-03-30 09:00');
  const oldAware = reportedAt;
  const notified = at('2026-03-31 10:00');
  const msbOn: TenantClockRules = { msbfsModel: { enabled: true } };
  const rows: Row[] = [
    {
      id: 'imy',
      ...stage('GDPR_ART33_IMY', 'NOTIFICATION', oldAware, { submittedAt: at('2026-04-01 21:00') }),
    },
    { id: 'art34', ...stage('GDPR_ART34_SUBJECTS', 'COMMUNICATION', oldAware) },
    { id: 'log', ...stage('GDPR_ART33_5_LOG', 'BREACH_LOG', oldAware) },
    { id: 'ew', ...stage('CYBER_ACT', 'EARLY_WARNING', oldAware) },
    { id: 'in', ...stage('CYBER_ACT', 'INCIDENT_NOTIFICATION', oldAware, { submittedAt: notified }) },
    { id: 'fr', ...stage('CYBER_ACT', 'FINAL_REPORT', notified) },
    { id: 'msb', ...stage('MSBFS_2020_8_MODEL', 'FINAL_REPORT', oldAware, {}, msbOn) },
    { id: 'sarah', ...stage('IVO_LEX_SARAH', 'REPORT', at('2026-03-30 14:00')) },
  ];

  it('moves every deadline and target anchored on awareAt, across the March change, and flags new lateness', () => {
    // Set 36 h earlier, to Saturday 2026-03-28 21:00 CET, before the change to summer time.
    const newAwareAt = at('2026-03-28 21:00');
    const result = recomputeOnAwareAtChange({
      obligations: rows,
      previousAwareAt: oldAware,
      newAwareAt,
      reportedAt,
      reason: 'Larmet kom redan på lördagskvällen',
      rules: msbOn,
    });
    if (!result.ok) throw new Error('expected ok');
    expect(result.reason).toBe('Larmet kom redan på lördagskvällen');
    const summary = result.changes.map((c) => [
      c.after.id,
      iso(c.before.deadlineAt ?? c.before.targetAt),
      iso(c.after.anchorAt),
      iso(c.after.deadlineAt ?? c.after.targetAt),
      c.becameLate,
    ]);
    expect(summary).toEqual([
      // 72 h elapsed: 2026-03-28T20:00Z + 72 h = 2026-03-31T20:00Z (22:00 CEST).
      ['imy', '2026-04-02T07:00:00.000Z', '2026-03-28T20:00:00.000Z', '2026-03-31T20:00:00.000Z', true],
      ['art34', '2026-04-02T07:00:00.000Z', '2026-03-28T20:00:00.000Z', '2026-03-31T20:00:00.000Z', false],
      ['log', null, '2026-03-28T20:00:00.000Z', null, false],
      ['ew', '2026-03-31T07:00:00.000Z', '2026-03-28T20:00:00.000Z', '2026-03-29T20:00:00.000Z', false],
      // Submitted 2026-03-31 10:00 CEST = 08:00Z, within 72 h of the new awareAt as well.
      ['in', '2026-04-02T07:00:00.000Z', '2026-03-28T20:00:00.000Z', '2026-03-31T20:00:00.000Z', false],
      // 28 days keeps 21:00 local: 2026-04-25 21:00 CEST.
      ['msb', '2026-04-27T07:00:00.000Z', '2026-03-28T20:00:00.000Z', '2026-04-25T19:00:00.000Z', false],
    ]);
    const imy = result.changes[0]?.after;
    expect(imy && obligationStatus(imy, DEMO_NOW)).toBe('MISSED');
    expect(result.changes.map((c) => c.after.id)).not.toContain('fr');
    expect(result.changes.map((c) => c.after.id)).not.toContain('sarah');
  });

  it('keeps IDENTIFIED_AT when the incident records it separately', () => {
    const result = recomputeOnAwareAtChange({
      obligations: rows,
      previousAwareAt: oldAware,
      newAwareAt: at('2026-03-30 06:00'),
      identifiedAt: oldAware,
      reportedAt,
      reason: 'Rättelse',
      rules: msbOn,
    });
    expect(result.ok && result.changes.map((c) => c.after.id)).toEqual(['imy', 'art34', 'log', 'ew', 'in']);
  });

  it('returns nothing to change when awareAt is unchanged', () => {
    const result = recomputeOnAwareAtChange({
      obligations: rows,
      previousAwareAt: oldAware,
      newAwareAt: oldAware,
      reportedAt,
      reason: 'Ingen ändring',
      rules: msbOn,
    });
    expect(result.ok && result.changes).toEqual([]);
  });

  it('refuses a later awareAt and a missing reason (BR-D2)', () => {
    const result = recomputeOnAwareAtChange({
      obligations: rows,
      previousAwareAt: oldAware,
      newAwareAt: plus(reportedAt, H),
      reportedAt,
      reason: '',
      rules: msbOn,
    });
    expect(result).toEqual({
      ok: false,
      issues: [
        { code: 'AWARE_AT_AFTER_REPORTED_AT', field: 'awareAt' },
        { code: 'REASON_REQUIRED', field: 'reason' },
      ],
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Stage creation and follow-ups; cyber act final/progress report
// ---------------------------------------------------------------------------------------------

describe('openStages and reconcileStages', () => {
  const aware = at('2026-11-15 04:00');

  it('creates the cyber act early warning, notification and an unanchored final report', () => {
    expect(
      openStages('CYBER_ACT', { awareAt: aware }).map((o) => [o.stage, iso(o.anchorAt), iso(o.deadlineAt)]),
    ).toEqual([
      ['EARLY_WARNING', '2026-11-15T03:00:00.000Z', '2026-11-16T03:00:00.000Z'],
      ['INCIDENT_NOTIFICATION', '2026-11-15T03:00:00.000Z', '2026-11-18T03:00:00.000Z'],
      ['FINAL_REPORT', null, null],
    ]);
  });

  it('IVO stages wait for the decision; MSBFS identification defaults to awareAt', () => {
    const [sarah] = openStages('IVO_LEX_SARAH', { awareAt: at('2026-07-02 09:00') });
    expect(sarah && [sarah.anchorAt, sarah.targetAt]).toEqual([null, null]);
    const decided = sarah && anchorStage(sarah, at('2026-07-20 10:00'));
    expect(iso(decided?.targetAt)).toBe('2026-08-03T08:00:00.000Z');
    const msb = openStages('MSBFS_2020_8_MODEL', { awareAt: aware }, { msbfsModel: { enabled: true } });
    expect(msb.map((o) => iso(o.targetAt))).toEqual(['2026-11-15T09:00:00.000Z', '2026-12-13T03:00:00.000Z']);
    const own = openStages('MSBFS_2020_8_MODEL', { awareAt: aware, identifiedAt: at('2026-11-15 06:00') });
    expect(iso(own[0]?.anchorAt)).toBe('2026-11-15T05:00:00.000Z');
  });

  it('adds stages when a field makes a regime apply, and lists open stages to withdraw', () => {
    const anchors = { awareAt: aware };
    const triage = applicableRegimes(facts({ type: 'PERSONAL_DATA_BREACH', breachRiskAssessment: 'RISK' }));
    const first = reconcileStages([], triage, anchors);
    expect(first.create.map((o) => `${o.regime}.${o.stage}`)).toEqual([
      'GDPR_ART33_IMY.NOTIFICATION',
      'GDPR_ART33_5_LOG.BREACH_LOG',
    ]);
    const highRisk = applicableRegimes(
      facts({ type: 'PERSONAL_DATA_BREACH', breachRiskAssessment: 'HIGH_RISK' }),
    );
    const second = reconcileStages(first.create, highRisk, anchors);
    expect(second.create.map((o) => `${o.regime}.${o.stage}`)).toEqual(['GDPR_ART34_SUBJECTS.COMMUNICATION']);
    expect(second.withdraw).toEqual([]);
    const existing = [...first.create, ...second.create].map((o) =>
      o.stage === 'BREACH_LOG' ? { ...o, submittedAt: DEMO_NOW } : o,
    );
    const retyped = reconcileStages(existing, applicableRegimes(facts({ type: 'IT_INCIDENT' })), anchors);
    expect(retyped.create).toEqual([]);
    expect(retyped.withdraw.map((o) => o.regime)).toEqual(['GDPR_ART33_IMY', 'GDPR_ART34_SUBJECTS']);
  });
});

describe('follow-ups of a submission', () => {
  it('GDPR_ART33_IMY: a first-phase notification creates a SUPPLEMENT with a 28-day target', () => {
    const submittedAt = at('2026-03-20 10:00');
    expect(
      followUpsOnSubmission({
        regime: 'GDPR_ART33_IMY',
        stage: 'NOTIFICATION',
        submittedAt,
        firstPhase: true,
      }),
    ).toEqual([
      {
        kind: 'CREATE',
        obligation: {
          regime: 'GDPR_ART33_IMY',
          stage: 'SUPPLEMENT',
          anchor: 'PREVIOUS_STAGE_SUBMITTED',
          anchorAt: submittedAt,
          deadlineAt: null,
          targetAt: utc('2026-04-17T08:00:00.000Z'),
          submittedAt: null,
        },
      },
    ]);
  });

  it('GDPR_ART33_IMY: a complete notification creates no supplement', () => {
    const submittedAt = at('2026-03-20 10:00');
    expect(followUpsOnSubmission({ regime: 'GDPR_ART33_IMY', stage: 'NOTIFICATION', submittedAt })).toEqual(
      [],
    );
    expect(
      followUpsOnSubmission({
        regime: 'GDPR_ART33_IMY',
        stage: 'NOTIFICATION',
        submittedAt,
        firstPhase: false,
      }),
    ).toEqual([]);
    expect(followUpsOnSubmission({ regime: 'CYBER_ACT', stage: 'EARLY_WARNING', submittedAt })).toEqual([]);
  });

  it('CYBER_ACT: the incident notification anchors the final report (+1 month)', () => {
    expect(
      followUpsOnSubmission({
        regime: 'CYBER_ACT',
        stage: 'INCIDENT_NOTIFICATION',
        submittedAt: at('2026-01-31 16:00'),
      }),
    ).toEqual([
      {
        kind: 'ANCHOR',
        regime: 'CYBER_ACT',
        stage: 'FINAL_REPORT',
        anchorAt: utc('2026-01-31T15:00:00.000Z'),
        deadlineAt: utc('2026-02-28T15:00:00.000Z'),
        targetAt: null,
      },
    ]);
  });
});

describe('CYBER_ACT final report while the incident is ongoing (NIS2 Art. 23(4)(e))', () => {
  const notified = at('2026-10-08 09:30');
  const fr = stage('CYBER_ACT', 'FINAL_REPORT', notified);
  const due = utc('2026-11-08T08:30:00.000Z');

  it('falls due at its deadline; only ongoing = YES counts', () => {
    expect(finalReportFallsDueWhileOngoing(fr, 'YES', plus(due, -S))).toBe(false);
    expect(finalReportFallsDueWhileOngoing(fr, 'YES', due)).toBe(true);
    expect(finalReportFallsDueWhileOngoing(fr, 'NO', due)).toBe(false);
    expect(finalReportFallsDueWhileOngoing(fr, 'UNKNOWN', due)).toBe(false);
    expect(finalReportFallsDueWhileOngoing({ ...fr, submittedAt: plus(due, -H) }, 'YES', due)).toBe(false);
  });

  it('a progress report takes the deadline; the final report re-anchors to HANDLED_AT + 1 month', () => {
    const split = splitFinalReportForOngoingIncident({ ...fr, id: 'fr-1' }, 'YES');
    if (!split) throw new Error('expected a split');
    expect(split.progressReport).toEqual({
      regime: 'CYBER_ACT',
      stage: 'PROGRESS_REPORT',
      anchor: 'PREVIOUS_STAGE_SUBMITTED',
      anchorAt: notified,
      deadlineAt: due,
      targetAt: null,
      submittedAt: null,
    });
    expect(split.finalReport).toEqual({
      ...fr,
      id: 'fr-1',
      anchor: 'HANDLED_AT',
      anchorAt: null,
      deadlineAt: null,
      targetAt: null,
    });
    expect(obligationStatus(split.finalReport, plus(due, H))).toBe('PENDING');
    expect(obligationStatus(split.progressReport, due)).toBe('DUE_SOON');
    expect(obligationStatus(split.progressReport, plus(due, S))).toBe('OVERDUE');
    expect(obligationStatus({ ...split.progressReport, submittedAt: plus(due, -H) }, due)).toBe('MET');
    expect(validateSubmission({ obligation: split.finalReport, submittedAt: plus(due, H) })).toEqual([
      { code: 'ANCHOR_NOT_SET', field: 'obligation' },
    ]);

    // ongoing set to NO on 2026-11-20 14:00 CET → final report due 2026-12-20 14:00 CET.
    const handled = anchorFinalReportOnHandled(split.finalReport, at('2026-11-20 14:00'));
    expect(handled?.id).toBe('fr-1');
    expect(iso(handled?.anchorAt)).toBe('2026-11-20T13:00:00.000Z');
    expect(iso(handled?.deadlineAt)).toBe('2026-12-20T13:00:00.000Z');
    expect(handled && obligationStatus(handled, at('2026-12-01 10:00'))).toBe('PENDING');
  });

  it('does not split when not ongoing, already submitted, or already re-anchored', () => {
    expect(splitFinalReportForOngoingIncident(fr, 'NO')).toBeNull();
    expect(splitFinalReportForOngoingIncident(fr, 'UNKNOWN')).toBeNull();
    expect(splitFinalReportForOngoingIncident({ ...fr, submittedAt: plus(due, -H) }, 'YES')).toBeNull();
    expect(splitFinalReportForOngoingIncident(stage('CYBER_ACT', 'FINAL_REPORT', null), 'YES')).toBeNull();
    const reanchored = splitFinalReportForOngoingIncident(fr, 'YES')?.finalReport;
    expect(reanchored && splitFinalReportForOngoingIncident(reanchored, 'YES')).toBeNull();
    expect(
      splitFinalReportForOngoingIncident(stage('CYBER_ACT', 'EARLY_WARNING', notified), 'YES'),
    ).toBeNull();
  });

  it('anchors on HANDLED_AT only a re-anchored final report', () => {
    expect(anchorFinalReportOnHandled(fr, at('2026-11-20 14:00'))).toBeNull();
    expect(anchorFinalReportOnHandled(stage('CYBER_ACT', 'EARLY_WARNING', notified), DEMO_NOW)).toBeNull();
  });

  it('an intermediate report carries the deadline the CSIRT request states', () => {
    const ir = intermediateReportOnRequest(at('2026-10-12 10:00'), at('2026-10-15 16:00'));
    expect([ir.stage, ir.anchor, iso(ir.anchorAt), iso(ir.deadlineAt)]).toEqual([
      'INTERMEDIATE_REPORT',
      'DECISION_DATE',
      '2026-10-12T08:00:00.000Z',
      '2026-10-15T14:00:00.000Z',
    ]);
    // 78 h span: 25 % = 19 h 30 min > 12 h.
    expect(iso(dueSoonFrom(ir))).toBe('2026-10-14T18:30:00.000Z');
    expect(obligationStatus(ir, at('2026-10-14 20:30'))).toBe('DUE_SOON');
    expect(obligationStatus(ir, at('2026-10-14 20:29:59'))).toBe('PENDING');
    expect(() => intermediateReportOnRequest(at('2026-10-12 10:00'), at('2026-10-12 10:00'))).toThrow(
      RegulatoryClockError,
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Demo expectations (§6.6, §6.11)
// ---------------------------------------------------------------------------------------------

describe('Exempelby demo clocks (§6.6) and K12/K13 (§6.11)', () => {
  const covered = { unitCoveredByCyberSecurityAct: true, significantUnderCyberAct: false };

  // INC-01: awareAt = DEMO_NOW − 30 h (2026-11-15 04:00), HIGH_RISK.
  const inc01Aware = plus(DEMO_NOW, -30 * H);
  const inc01 = openStages('GDPR_ART33_IMY', { awareAt: inc01Aware });
  const inc01Art34 = openStages('GDPR_ART34_SUBJECTS', { awareAt: inc01Aware });

  // INC-02: 2026-09-08 09:40 → IMY 2026-09-10 14:05 (52 h 25 min); Art. 34 not required (34(3)(b)).
  const inc02 = stage('GDPR_ART33_IMY', 'NOTIFICATION', at('2026-09-08 09:40'), {
    submittedAt: at('2026-09-10 14:05'),
  });
  const inc02Art34 = stage('GDPR_ART34_SUBJECTS', 'COMMUNICATION', at('2026-09-08 09:40'), {
    disposition: 'NOT_REQUIRED',
  });

  // INC-05: Saturday 2026-02-21 19:30 → IMY 2026-02-25 09:00 (85 h 30 min), late; Art. 34 on 2026-03-02.
  const inc05Aware = at('2026-02-21 19:30');
  const inc05 = stage('GDPR_ART33_IMY', 'NOTIFICATION', inc05Aware, {
    submittedAt: at('2026-02-25 09:00'),
    lateReason: 'rapporten nådde ansvarig chef först på måndagen',
  });
  const inc05Art34 = stage('GDPR_ART34_SUBJECTS', 'COMMUNICATION', inc05Aware, {
    submittedAt: at('2026-03-02 10:00'),
  });

  // INC-09: 2026-10-06 02:40; early warning 13:15, notification 2026-10-08 09:30, final report 2026-11-05.
  const inc09Aware = at('2026-10-06 02:40');
  const inc09Notified = at('2026-10-08 09:30');
  const inc09 = [
    stage('CYBER_ACT', 'EARLY_WARNING', inc09Aware, { submittedAt: at('2026-10-06 13:15') }),
    stage('CYBER_ACT', 'INCIDENT_NOTIFICATION', inc09Aware, { submittedAt: inc09Notified }),
    stage('CYBER_ACT', 'FINAL_REPORT', inc09Notified, { submittedAt: at('2026-11-05 14:00') }),
  ];

  // INC-12: lex Sarah decision 2026-07-20, submitted 2026-07-24, target 2026-08-03.
  const inc12 = stage('IVO_LEX_SARAH', 'REPORT', at('2026-07-20 10:00'), {
    submittedAt: at('2026-07-24 11:00'),
  });

  // INC-13: 2026-05-11 13:20 → IMY 2026-05-13 09:00 (43 h 40 min); Art. 34 on 2026-05-20.
  const inc13Aware = at('2026-05-11 13:20');
  const inc13 = stage('GDPR_ART33_IMY', 'NOTIFICATION', inc13Aware, { submittedAt: at('2026-05-13 09:00') });
  const inc13Art34 = stage('GDPR_ART34_SUBJECTS', 'COMMUNICATION', inc13Aware, {
    submittedAt: at('2026-05-20 10:00'),
  });

  const hoursTaken = (o: ObligationClock) =>
    ((o.submittedAt?.getTime() ?? NaN) - (o.anchorAt?.getTime() ?? NaN)) / H;

  it('applicability of the demo incidents', () => {
    const inc01Facts = facts({
      ...covered,
      type: 'PERSONAL_DATA_BREACH',
      personalDataInvolved: 'YES',
      breachRiskAssessment: 'HIGH_RISK',
    });
    expect(applicableRegimes(inc01Facts)).toEqual([
      'GDPR_ART33_IMY',
      'GDPR_ART34_SUBJECTS',
      'GDPR_ART33_5_LOG',
    ]);
    expect(
      applicableRegimes(
        facts({ ...covered, type: 'PERSONAL_DATA_BREACH', breachRiskAssessment: 'UNLIKELY' }),
      ),
    ).toEqual(['GDPR_ART33_IMY', 'GDPR_ART33_5_LOG']);
    expect(applicableRegimes(facts({ ...covered, type: 'INFOSEC_INCIDENT' }))).toEqual([]); // INC-06
    expect(applicableRegimes(facts({ type: 'IT_INCIDENT', significantUnderCyberAct: true }))).toEqual([
      'CYBER_ACT',
    ]); // INC-09
    expect(applicableRegimes(facts({ ...covered, type: 'DEVIATION', lexSarah: true }))).toEqual([
      'IVO_LEX_SARAH',
    ]); // INC-12
  });

  it('INC-01 at DEMO_NOW: IMY PENDING with 42 h left; Art. 34 PENDING against its target', () => {
    const [notification] = inc01;
    const [communication] = inc01Art34;
    if (!notification || !communication) throw new Error('stages expected');
    expect(iso(notification.anchorAt)).toBe('2026-11-15T03:00:00.000Z');
    expect(formatStockholm(inc01Aware)).toBe('2026-11-15 04:00');
    expect(iso(notification.deadlineAt)).toBe('2026-11-18T03:00:00.000Z');
    expect(obligationStatus(notification, DEMO_NOW)).toBe('PENDING');
    expect(timeLeft(notification, DEMO_NOW)).toBe(42 * H);
    expect(escalationsDue(notification, DEMO_NOW)).toEqual([]);
    expect(iso(communication.targetAt)).toBe('2026-11-18T03:00:00.000Z');
    expect(communication.deadlineAt).toBeNull();
    expect(obligationStatus(communication, DEMO_NOW)).toBe('PENDING');
    expect(k12Outcome(notification, DEMO_NOW)).toBeNull();
  });

  it('INC-02: IMY MET after 52 h 25 min; Art. 34 NOT_REQUIRED by the DPO under 34(3)(b)', () => {
    expect(iso(inc02.deadlineAt)).toBe('2026-09-11T07:40:00.000Z');
    expect(hoursTaken(inc02)).toBeCloseTo(52 + 25 / 60, 10);
    expect(obligationStatus(inc02, DEMO_NOW)).toBe('MET');
    expect(obligationStatus(inc02Art34, DEMO_NOW)).toBe('NOT_REQUIRED');
    expect(
      validateDisposition({
        obligation: { ...inc02Art34, disposition: null },
        disposition: 'NOT_REQUIRED',
        reason: 'Mottagaren har raderat uppgifterna',
        decider: { roles: ['DPO'] },
        art34Exemption: 'ART34_3_B',
      }),
    ).toEqual([]);
  });

  it('INC-03/INC-04: IMY NOT_REQUIRED (UNLIKELY) decided by the DPO; the breach log is kept', () => {
    const imy = stage('GDPR_ART33_IMY', 'NOTIFICATION', at('2026-06-03 11:15'));
    expect(
      validateDisposition({
        obligation: imy,
        disposition: 'NOT_REQUIRED',
        reason: 'Endast en mötestid',
        decider: { roles: ['DPO'] },
        breachRiskAssessment: 'UNLIKELY',
      }),
    ).toEqual([]);
    const log = stage('GDPR_ART33_5_LOG', 'BREACH_LOG', at('2026-06-03 11:15'), {
      submittedAt: at('2026-06-04 09:00'),
    });
    expect(obligationStatus(log, DEMO_NOW)).toBe('MET');
  });

  it('INC-05: OVERDUE from Tuesday 19:30, MISSED with 85 h 30 min and a late reason; Art. 34 MET late', () => {
    expect(iso(inc05.deadlineAt)).toBe('2026-02-24T18:30:00.000Z');
    expect(formatStockholm(inc05.deadlineAt ?? DEMO_NOW)).toBe('2026-02-24 19:30');
    const open = { ...inc05, submittedAt: null, lateReason: null };
    expect(obligationStatus(open, at('2026-02-24 19:30'))).toBe('DUE_SOON');
    expect(obligationStatus(open, at('2026-02-25 08:59'))).toBe('OVERDUE');
    expect(escalationsDue(open, at('2026-02-25 08:59'))).toEqual(['HALF_TIME', 'NINETY_PERCENT']);
    expect(validateSubmission({ obligation: open, submittedAt: at('2026-02-25 09:00') })).toEqual([
      { code: 'LATE_REASON_REQUIRED', field: 'lateReason' },
    ]);
    expect(
      validateSubmission({
        obligation: open,
        submittedAt: at('2026-02-25 09:00'),
        lateReason: inc05.lateReason,
      }),
    ).toEqual([]);
    expect(hoursTaken(inc05)).toBe(85.5);
    expect(obligationStatus(inc05, DEMO_NOW)).toBe('MISSED');
    expect(obligationStatus(inc05Art34, DEMO_NOW)).toBe('MET');
    expect(k12Outcome(inc05Art34, DEMO_NOW)).toBeNull();
  });

  it('INC-09: early warning after 10 h 35 min, notification after 54 h 50 min, final report before 2026-11-08 09:30 – all MET', () => {
    const [ew, notification, final] = inc09;
    if (!ew || !notification || !final) throw new Error('stages expected');
    expect([iso(ew.deadlineAt), iso(notification.deadlineAt), iso(final.deadlineAt)]).toEqual([
      '2026-10-07T00:40:00.000Z',
      '2026-10-09T00:40:00.000Z',
      '2026-11-08T08:30:00.000Z',
    ]);
    expect(formatStockholm(final.deadlineAt ?? DEMO_NOW)).toBe('2026-11-08 09:30');
    expect(hoursTaken(ew)).toBeCloseTo(10 + 35 / 60, 10);
    expect(hoursTaken(notification)).toBeCloseTo(54 + 50 / 60, 10);
    const followUp = followUpsOnSubmission({
      regime: 'CYBER_ACT',
      stage: 'INCIDENT_NOTIFICATION',
      submittedAt: inc09Notified,
    });
    expect(followUp).toEqual([
      expect.objectContaining({ kind: 'ANCHOR', stage: 'FINAL_REPORT', deadlineAt: final.deadlineAt }),
    ]);
    expect(inc09.map((o) => obligationStatus(o, DEMO_NOW))).toEqual(['MET', 'MET', 'MET']);
  });

  it('INC-12: lex Sarah decided 2026-07-20, target 2026-08-03, submitted 2026-07-24: MET', () => {
    expect(formatStockholm(inc12.targetAt ?? DEMO_NOW)).toBe('2026-08-03 10:00');
    expect(inc12.deadlineAt).toBeNull();
    expect(obligationStatus(inc12, DEMO_NOW)).toBe('MET');
  });

  it('INC-13: IMY MET after 43 h 40 min; Art. 34 informed 2026-05-20 (target passed) is MET', () => {
    expect(iso(inc13.deadlineAt)).toBe('2026-05-14T11:20:00.000Z');
    expect(hoursTaken(inc13)).toBeCloseTo(43 + 40 / 60, 10);
    expect(obligationStatus(inc13, DEMO_NOW)).toBe('MET');
    expect(obligationStatus(inc13Art34, DEMO_NOW)).toBe('MET');
  });

  it('K12 (2026) = 5/6 = 83.3 %; K13 (2026) = median of 43.7, 52.4, 85.5 = 52.4 h', () => {
    const all = [
      ...inc01,
      ...inc01Art34,
      inc02,
      inc02Art34,
      inc05,
      inc05Art34,
      ...inc09,
      inc12,
      inc13,
      inc13Art34,
    ];
    const outcomes = all.map((o) => k12Outcome(o, DEMO_NOW)).filter((x) => x !== null);
    expect(outcomes).toEqual(['MET', 'MISSED', 'MET', 'MET', 'MET', 'MET']);
    const met = outcomes.filter((x) => x === 'MET').length;
    expect(`${met}/${outcomes.length} = ${((met / outcomes.length) * 100).toFixed(1)} %`).toBe(
      '5/6 = 83.3 %',
    );
    const k13 = [inc02, inc05, inc13].map((o) => Math.round(hoursTaken(o) * 10) / 10).sort((a, b) => a - b);
    expect(k13).toEqual([43.7, 52.4, 85.5]);
    expect(k13[1]).toBe(52.4);
  });
});
