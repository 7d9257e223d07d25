import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useOrgUnitList } from '../api/queries';
import { useSignedIn } from '../auth/session';
import { QueryView } from '../components/ErrorState';
import { SelectField, TextField } from '../components/fields';
import { PageHeading } from '../components/PageHeading';
import { Pager } from '../components/Pager';
import { formatDateTime, formatNumber, useI18n } from '../i18n/i18n';
import { indented, unitOptions } from '../registers/register-model';
import { PAGE_SIZE, useRegisterParams } from '../registers/RegisterToolbar';
import { CreateSessionDialog } from './CreateSessionDialog';
import { SESSION_STATUS_KEYS, sessionPath } from './session-model';
import { SESSION_STATUSES, type SessionStatus, useSessions } from './session-queries';

const oneOf = (value: string): SessionStatus | undefined =>
  SESSION_STATUSES.includes(value as SessionStatus) ? (value as SessionStatus) : undefined;

/** Klassningstillfällen: the workshops where a samordnare and the owners classify sets (§4b). */
export function SessionListPage() {
  const { t } = useI18n();
  const { ability } = useSignedIn();
  const navigate = useNavigate();
  const params = useRegisterParams();
  const units = useOrgUnitList();
  const [creating, setCreating] = useState(false);
  const filters = {
    q: params.get('q').trim() || undefined,
    orgUnitId: params.get('enhet') || undefined,
    status: oneOf(params.get('status')),
  };
  const sessions = useSessions({ ...filters, limit: PAGE_SIZE, offset: params.offset });

  return (
    <section className="page" data-page="classification-sessions">
      <PageHeading title={t('sessions.title')} />
      <p className="lead">{t('sessions.lead')}</p>
      {ability.can('create', 'ClassificationSession') && (
        <p>
          <button type="button" className="button" onClick={() => setCreating(true)}>
            {t('sessions.create.open')}
          </button>
        </p>
      )}
      <div className="toolbar" role="search">
        <TextField
          label={t('sessions.search')}
          type="search"
          value={params.get('q')}
          onChange={(value) => params.set('q', value)}
        />
        <SelectField
          label={t('infoSets.common.unit')}
          value={params.get('enhet')}
          onChange={(v) => params.set('enhet', v)}
        >
          <option value="">{t('infoSets.common.allUnits')}</option>
          {units.data &&
            unitOptions(units.data).map((o) => (
              <option key={o.id} value={o.id}>
                {indented(o)}
              </option>
            ))}
        </SelectField>
        <SelectField
          label={t('infoSets.common.status')}
          value={params.get('status')}
          onChange={(v) => params.set('status', v)}
        >
          <option value="">{t('infoSets.common.anyStatus')}</option>
          {SESSION_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(SESSION_STATUS_KEYS[s])}
            </option>
          ))}
        </SelectField>
      </div>
      <QueryView query={sessions}>
        {(page) => (
          <>
            <p role="status">
              {t('infoSets.common.count', {
                from: formatNumber(page.total === 0 ? 0 : page.offset + 1),
                to: formatNumber(page.offset + page.items.length),
                total: formatNumber(page.total),
              })}
            </p>
            {page.items.length > 0 && (
              <div className="table-wrap" role="region" aria-label={t('sessions.title')} tabIndex={0}>
                <table className="table" data-table="classification-sessions">
                  <thead>
                    <tr>
                      <th scope="col">{t('infoSets.common.code')}</th>
                      <th scope="col">{t('sessions.field.title')}</th>
                      <th scope="col">{t('infoSets.common.unit')}</th>
                      <th scope="col">{t('sessions.field.plannedAt')}</th>
                      <th scope="col">{t('infoSets.common.status')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.items.map((s) => (
                      <tr key={s.id}>
                        <td>
                          <Link to={sessionPath(s.id)}>{s.code}</Link>
                        </td>
                        <td>{s.title}</td>
                        <td>{s.orgUnitName ?? '–'}</td>
                        <td>{formatDateTime(s.plannedAt)}</td>
                        <td>{t(SESSION_STATUS_KEYS[s.status])}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            <Pager
              offset={page.offset}
              pageSize={PAGE_SIZE}
              total={page.total}
              onChange={(offset) => params.set('sida', String(offset / PAGE_SIZE + 1))}
            />
          </>
        )}
      </QueryView>
      {creating && (
        <CreateSessionDialog
          onClose={() => setCreating(false)}
          onCreated={(id) => {
            setCreating(false);
            void navigate(sessionPath(id));
          }}
        />
      )}
    </section>
  );
}
