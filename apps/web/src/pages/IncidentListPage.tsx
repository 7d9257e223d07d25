import { useState } from 'react';
import { Link } from 'react-router';
import { type IncidentListParams, useIncidents } from '../api/incident-queries';
import { useOrgUnitList } from '../api/queries';
import { INCIDENT_STATUSES, INCIDENT_TYPES, type IncidentStatus, type IncidentType } from '../api/types';
import { SelectField } from '../components/fields';
import { QueryView } from '../components/ErrorState';
import { PageHeading } from '../components/PageHeading';
import { Pager } from '../components/Pager';
import { ExportButtons } from '../registers/ExportButtons';
import { formatDateTime, formatNumber, useI18n } from '../i18n/i18n';
import { INCIDENT_STATUS_KEYS, INCIDENT_TYPE_KEYS, SEVERITY_KEYS } from '../i18n/labels';
import { isHandled } from '../incident/incident-model';

const PAGE_SIZE = 25;

export const incidentPath = (id: string) => `/incidenter/${id}`;

/**
 * The handlers' list (`GET /api/incidents`): what the caller may read, newest first, filtered by
 * status, type and unit (subtree) in SQL. Rows the caller reads only as their reporter show no type
 * or severity (D-08).
 */
export function IncidentListPage() {
  const { t } = useI18n();
  const units = useOrgUnitList();
  const [status, setStatus] = useState<IncidentStatus | ''>('');
  const [type, setType] = useState<IncidentType | 'UNTRIAGED' | ''>('');
  const [orgUnitId, setOrgUnitId] = useState('');
  const [offset, setOffset] = useState(0);
  const params: IncidentListParams = {
    status: status || undefined,
    type: type || undefined,
    orgUnitId: orgUnitId || undefined,
    limit: PAGE_SIZE,
    offset,
  };
  const incidents = useIncidents(params);
  const filter =
    <T,>(setter: (value: T) => void) =>
    (value: string) => {
      setter(value as T);
      setOffset(0);
    };
  const unitOptions = [...(units.data?.values() ?? [])]
    .filter((u) => u.status === 'ACTIVE')
    .sort((a, b) => a.name.localeCompare(b.name, 'sv-SE'));

  return (
    <section className="page" data-page="incidents">
      <PageHeading title={t('incidents.title')} />
      <p className="lead">{t('incidents.lead')}</p>
      <div className="toolbar" role="search" aria-label={t('incidents.filters')}>
        <SelectField label={t('incidents.filter.status')} value={status} onChange={filter(setStatus)}>
          <option value="">{t('incidents.filter.all')}</option>
          {INCIDENT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(INCIDENT_STATUS_KEYS[s])}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('incidents.filter.type')} value={type} onChange={filter(setType)}>
          <option value="">{t('incidents.filter.all')}</option>
          <option value="UNTRIAGED">{t('incidents.filter.untriaged')}</option>
          {INCIDENT_TYPES.map((s) => (
            <option key={s} value={s}>
              {t(INCIDENT_TYPE_KEYS[s])}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('incidents.filter.unit')} value={orgUnitId} onChange={filter(setOrgUnitId)}>
          <option value="">{t('incidents.filter.all')}</option>
          {unitOptions.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </SelectField>
      </div>
      <ExportButtons
        register="incidents"
        filters={{ status: params.status, type: params.type, orgUnitId: params.orgUnitId }}
      />
      <QueryView query={incidents}>
        {(page) => (
          <>
            <p role="status">
              {page.total === 0
                ? t('incidents.empty')
                : t('incidents.count', {
                    from: formatNumber(page.offset + 1),
                    to: formatNumber(page.offset + page.items.length),
                    total: formatNumber(page.total),
                  })}
            </p>
            {page.items.length > 0 && (
              <div className="table-wrap" role="region" aria-label={t('incidents.title')} tabIndex={0}>
                <table className="table" data-table="incidents">
                  <thead>
                    <tr>
                      <th scope="col">{t('incident.field.number')}</th>
                      <th scope="col">{t('incident.field.title')}</th>
                      <th scope="col">{t('incident.field.status')}</th>
                      <th scope="col">{t('incident.field.type')}</th>
                      <th scope="col">{t('incident.field.severity')}</th>
                      <th scope="col">{t('incident.field.unit')}</th>
                      <th scope="col">{t('incident.field.reportedAt')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.items.map((i) => {
                      const handled = isHandled(i) ? i : null;
                      return (
                        <tr key={i.id} data-number={i.number}>
                          <td className="nowrap">
                            {handled ? <Link to={incidentPath(i.id)}>{i.number}</Link> : i.number}
                          </td>
                          <td>{i.title}</td>
                          <td>{t(INCIDENT_STATUS_KEYS[i.status])}</td>
                          <td>
                            {handled?.type
                              ? t(INCIDENT_TYPE_KEYS[handled.type])
                              : handled
                                ? t('incident.untriaged')
                                : t('incident.none')}
                          </td>
                          <td>
                            {handled?.severity ? t(SEVERITY_KEYS[handled.severity]) : t('incident.none')}
                          </td>
                          <td>{units.data?.get(i.orgUnitId)?.name ?? ''}</td>
                          <td className="nowrap">{formatDateTime(i.reportedAt)}</td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            )}
            <Pager offset={offset} pageSize={PAGE_SIZE} total={page.total} onChange={setOffset} />
          </>
        )}
      </QueryView>
    </section>
  );
}
