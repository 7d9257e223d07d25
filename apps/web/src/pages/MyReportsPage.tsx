import { useState } from 'react';
import { Link } from 'react-router';
import { useIncidents } from '../api/incident-queries';
import { QueryView } from '../components/ErrorState';
import { PageHeading } from '../components/PageHeading';
import { Pager } from '../components/Pager';
import { formatDateTime, formatNumber, useI18n } from '../i18n/i18n';
import { INCIDENT_STATUS_KEYS } from '../i18n/labels';
import { outcomeOf } from '../incident/incident-model';

const PAGE_SIZE = 50;

/**
 * Mina rapporter (`GET /api/incidents?mine=true`): the reporter's own reports with what the
 * reporter's view gives (D-08): number, title, status, outcome and when reported — whatever view a
 * row arrives in, nothing more is shown here.
 */
export function MyReportsPage() {
  const { t } = useI18n();
  const [offset, setOffset] = useState(0);
  const reports = useIncidents({ mine: true, limit: PAGE_SIZE, offset });
  return (
    <section className="page" data-page="my-reports">
      <PageHeading title={t('myReports.title')} />
      <p className="lead">{t('myReports.lead')}</p>
      <QueryView query={reports}>
        {(page) =>
          page.total === 0 ? (
            <>
              <p>{t('myReports.empty')}</p>
              <Link to="/rapportera-incident" className="button">
                {t('myReports.reportNew')}
              </Link>
            </>
          ) : (
            <>
              <p role="status">
                {t('myReports.count', {
                  from: formatNumber(page.offset + 1),
                  to: formatNumber(page.offset + page.items.length),
                  total: formatNumber(page.total),
                })}
              </p>
              <ul className="report-list" data-list="my-reports">
                {page.items.map((i) => {
                  const outcome = outcomeOf(i);
                  return (
                    <li key={i.id} className="report-card" data-number={i.number}>
                      <h2 className="report-card__title">
                        <span className="report-card__number">{i.number}</span> {i.title}
                      </h2>
                      <dl className="report-card__facts">
                        <div>
                          <dt>{t('incident.field.status')}</dt>
                          <dd data-field="status">{t(INCIDENT_STATUS_KEYS[i.status])}</dd>
                        </div>
                        <div>
                          <dt>{t('incident.field.reportedAt')}</dt>
                          <dd>{formatDateTime(i.reportedAt)}</dd>
                        </div>
                        {outcome && (
                          <div>
                            <dt>{t('incident.field.outcome')}</dt>
                            <dd data-field="outcome">{outcome}</dd>
                          </div>
                        )}
                      </dl>
                    </li>
                  );
                })}
              </ul>
              <Pager offset={offset} pageSize={PAGE_SIZE} total={page.total} onChange={setOffset} />
            </>
          )
        }
      </QueryView>
    </section>
  );
}
