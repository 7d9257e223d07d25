import { useState } from 'react';
import { useIncidentStatistics } from '../api/incident-queries';
import { useOrgUnitList } from '../api/queries';
import type {
  IncidentStatistics,
  StatisticsCount,
  StatisticsMedian,
  StatisticsShare,
  TertialCounts,
} from '../api/types';
import { QueryView } from '../components/ErrorState';
import { Fact } from '../components/Fact';
import { SelectField } from '../components/fields';
import { PageHeading } from '../components/PageHeading';
import { formatNumber, todayInStockholm, useI18n } from '../i18n/i18n';
import { INCIDENT_SUBTYPE_KEYS, INCIDENT_TYPE_KEYS, SEVERITY_KEYS } from '../i18n/labels';

/** The years offered: this year in Stockholm and the four before it. */
const YEARS_BACK = 5;

const TERTIALS = ['T1', 'T2', 'T3', 'year'] as const;

interface Row {
  key: string;
  label: string;
  counts: TertialCounts;
}

/**
 * Incidentstatistik (GET /api/incident-statistics): incidents per tertial and year by type,
 * category, severity and unit; the share of regulator stages met on time (K12), the median times
 * from kännedom to triage and to the IMY notification (K13), and the share closed with root cause
 * and lessons (K15). For those who see figures only (förtroendevalda), counts below the threshold
 * arrive suppressed and are shown as "< 5", with the reason.
 */
export function IncidentStatisticsPage() {
  const { t } = useI18n();
  const thisYear = Number(todayInStockholm().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const [orgUnitId, setOrgUnitId] = useState('');
  const units = useOrgUnitList();
  const statistics = useIncidentStatistics({ year, orgUnitId: orgUnitId || undefined });
  const unitOptions = [...(units.data?.values() ?? [])]
    .filter((u) => u.status === 'ACTIVE')
    .sort((a, b) => a.name.localeCompare(b.name, 'sv-SE'));
  return (
    <section className="page" data-page="incident-statistics">
      <PageHeading title={t('statistics.title')} />
      <p className="lead">{t('statistics.lead')}</p>
      <div className="toolbar" role="search" aria-label={t('statistics.filters')}>
        <SelectField label={t('statistics.year')} value={String(year)} onChange={(v) => setYear(Number(v))}>
          {Array.from({ length: YEARS_BACK }, (_, n) => thisYear - n).map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('statistics.unit')} value={orgUnitId} onChange={setOrgUnitId}>
          <option value="">{t('statistics.allUnits')}</option>
          {unitOptions.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </SelectField>
      </div>
      <QueryView query={statistics}>{(s) => <Figures s={s} />}</QueryView>
    </section>
  );
}

function Figures({ s }: { s: IncidentStatistics }) {
  const { t } = useI18n();
  const untriaged = t('incidents.filter.untriaged');
  const typeLabel = (type: IncidentStatistics['byType'][number]['type']) =>
    type === 'UNTRIAGED' ? untriaged : t(INCIDENT_TYPE_KEYS[type]);
  const count = (c: StatisticsCount) => (c.suppressed ? `< ${s.threshold}` : formatNumber(c.count ?? 0));
  const share = (v: StatisticsShare) =>
    v.suppressed
      ? t('statistics.suppressedFigure', { threshold: String(s.threshold) })
      : v.percent === null
        ? t('statistics.noData')
        : t('statistics.shareValue', {
            percent: formatNumber(v.percent),
            numerator: count(v.numerator),
            denominator: count(v.denominator),
          });
  const median = (v: StatisticsMedian) =>
    v.suppressed
      ? t('statistics.suppressedFigure', { threshold: String(s.threshold) })
      : v.hours === null
        ? t('statistics.noData')
        : t('statistics.medianValue', { hours: formatNumber(v.hours), count: count(v.count) });
  const tables: { id: string; title: string; rows: Row[] }[] = [
    {
      id: 'type',
      title: t('statistics.byType'),
      rows: s.byType.map((r) => ({ key: r.type, label: typeLabel(r.type), counts: r })),
    },
    {
      id: 'subtype',
      title: t('statistics.bySubtype'),
      rows: s.bySubtype.map((r) => ({
        key: `${r.type}/${r.subtype ?? ''}`,
        label: `${typeLabel(r.type)} – ${r.subtype ? t(INCIDENT_SUBTYPE_KEYS[r.subtype]) : t('statistics.noSubtype')}`,
        counts: r,
      })),
    },
    {
      id: 'severity',
      title: t('statistics.bySeverity'),
      rows: s.bySeverity.map((r) => ({
        key: r.severity,
        label: r.severity === 'UNTRIAGED' ? untriaged : t(SEVERITY_KEYS[r.severity]),
        counts: r,
      })),
    },
    {
      id: 'unit',
      title: t('statistics.byUnit'),
      rows: s.byOrgUnit.map((r) => ({ key: r.orgUnitId, label: r.name, counts: r })),
    },
  ];
  return (
    <>
      {s.suppressionApplied && (
        <div className="notice-box" data-notice="suppression" role="note">
          <p>{t('statistics.suppressionExplained', { threshold: String(s.threshold) })}</p>
        </div>
      )}
      <h2>{t('statistics.keyFigures')}</h2>
      <dl className="facts" data-facts="statistics">
        <Fact label={t('statistics.total')} value={count(s.total.year)} field="total" />
        <Fact
          label={t('statistics.obligationsMetOnTime')}
          value={share(s.obligationsMetOnTime)}
          field="obligationsMetOnTime"
        />
        <Fact
          label={t('statistics.awarenessToTriage')}
          value={median(s.awarenessToTriageMedian)}
          field="awarenessToTriage"
        />
        <Fact
          label={t('statistics.imyNotification')}
          value={median(s.imyNotificationMedian)}
          field="imyNotification"
        />
        <Fact label={t('statistics.rootCause')} value={share(s.rootCauseOnClose)} field="rootCause" />
      </dl>
      {tables.map((table) => (
        <CountsTable
          key={table.id}
          id={table.id}
          title={table.title}
          rows={table.rows}
          total={s.total}
          count={count}
        />
      ))}
    </>
  );
}

function CountsTable({
  id,
  title,
  rows,
  total,
  count,
}: {
  id: string;
  title: string;
  rows: Row[];
  total: TertialCounts;
  count: (c: StatisticsCount) => string;
}) {
  const { t } = useI18n();
  const headingId = `statistics-${id}`;
  const heads = { T1: 'T1', T2: 'T2', T3: 'T3', year: t('statistics.wholeYear') };
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      {rows.length === 0 ? (
        <p>{t('statistics.none')}</p>
      ) : (
        <div className="table-wrap" role="region" aria-labelledby={headingId} tabIndex={0}>
          <table className="table table--compact" data-table={`statistics-${id}`}>
            <thead>
              <tr>
                <th scope="col">{title}</th>
                {TERTIALS.map((k) => (
                  <th key={k} scope="col" className="numeric">
                    {heads[k]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.key} data-key={row.key}>
                  <th scope="row">{row.label}</th>
                  {TERTIALS.map((k) => (
                    <td
                      key={k}
                      className="numeric"
                      data-tertial={k}
                      data-suppressed={row.counts[k].suppressed || undefined}
                    >
                      {count(row.counts[k])}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('statistics.total')}</th>
                {TERTIALS.map((k) => (
                  <td
                    key={k}
                    className="numeric"
                    data-tertial={k}
                    data-suppressed={total[k].suppressed || undefined}
                  >
                    {count(total[k])}
                  </td>
                ))}
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </section>
  );
}
