import { Link } from 'react-router';
import { useOrgUnitList } from '../api/queries';
import { useInformationSets } from '../api/register-queries';
import type { InformationSetStatus } from '../api/register-types';
import { SelectField } from '../components/fields';
import { QueryView } from '../components/ErrorState';
import { PageHeading } from '../components/PageHeading';
import { ExportButtons } from '../registers/ExportButtons';
import { todayInStockholm, useI18n } from '../i18n/i18n';
import { INFORMATION_SET_STATUS_KEYS } from '../registers/labels';
import { DueDate, PersonalDataSummary } from '../registers/parts';
import { infoSetPath, isFull, showsFullColumns } from '../registers/register-model';
import { PAGE_SIZE, RegisterPager, RegisterToolbar, useRegisterParams } from '../registers/RegisterToolbar';

const STATUSES = Object.keys(INFORMATION_SET_STATUS_KEYS) as InformationSetStatus[];

/** Informationsmängder: the register, filtered and paged by the server, sorted by code. */
export function InformationSetsPage() {
  const { t } = useI18n();
  const params = useRegisterParams();
  const units = useOrgUnitList();
  const status = params.get('status') as InformationSetStatus | '';
  const filters = {
    q: params.get('q').trim() || undefined,
    orgUnitId: params.get('enhet') || undefined,
    ownerId: params.get('agare') || undefined,
    status: STATUSES.includes(status as InformationSetStatus) ? (status as InformationSetStatus) : undefined,
  };
  const sets = useInformationSets({ ...filters, limit: PAGE_SIZE, offset: params.offset });
  const today = todayInStockholm();

  return (
    <section className="page" data-page="information-sets">
      <PageHeading title={t('infoSets.title')} />
      <p className="lead">{t('infoSets.lead')}</p>
      <RegisterToolbar params={params} searchLabel={t('infoSets.search')} ownerLabel={t('infoSets.owner')}>
        <SelectField
          label={t('infoSets.common.status')}
          value={status}
          onChange={(v) => params.set('status', v)}
        >
          <option value="">{t('infoSets.common.anyStatus')}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(INFORMATION_SET_STATUS_KEYS[s])}
            </option>
          ))}
        </SelectField>
      </RegisterToolbar>
      <QueryView query={sets}>
        {(page) => {
          const full = showsFullColumns(page.items);
          return (
            <>
              <RegisterPager params={params} page={page} />
              {full && <ExportButtons register="information-sets" filters={filters} />}
              {page.items.length > 0 && (
                <div className="table-wrap" role="region" aria-label={t('infoSets.title')} tabIndex={0}>
                  <table className="table" data-table="information-sets">
                    <thead>
                      <tr>
                        <th scope="col">{t('infoSets.common.code')}</th>
                        <th scope="col">{t('infoSets.common.name')}</th>
                        <th scope="col">{t('infoSets.common.unit')}</th>
                        {full && (
                          <>
                            <th scope="col">{t('infoSets.owner')}</th>
                            <th scope="col">{t('infoSets.personalData')}</th>
                            <th scope="col">{t('infoSets.common.status')}</th>
                            <th scope="col">{t('infoSets.classificationDue')}</th>
                          </>
                        )}
                      </tr>
                    </thead>
                    <tbody>
                      {page.items.map((row) => (
                        <tr key={row.id}>
                          <td className="nowrap">{row.code}</td>
                          <td>
                            <Link to={infoSetPath(row.id)}>{row.name}</Link>
                          </td>
                          <td>{units.data?.get(row.orgUnitId)?.name ?? ''}</td>
                          {full &&
                            (isFull(row) ? (
                              <>
                                <td>
                                  {row.ownerMissing ? (
                                    <span className="tag tag--warning">
                                      {t('infoSets.common.ownerMissing')}
                                    </span>
                                  ) : (
                                    row.informationOwnerName
                                  )}
                                </td>
                                <td>
                                  <PersonalDataSummary set={row} />
                                </td>
                                <td>{t(INFORMATION_SET_STATUS_KEYS[row.status])}</td>
                                <td>
                                  {row.specialHandling ? (
                                    t('classification.status.SPECIAL_HANDLING')
                                  ) : row.classificationDueAt ? (
                                    <DueDate date={row.classificationDueAt} today={today} />
                                  ) : (
                                    t('infoSets.notClassified')
                                  )}
                                </td>
                              </>
                            ) : (
                              <td colSpan={4} className="muted">
                                {t('infoSets.common.nameOnly')}
                              </td>
                            ))}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </>
          );
        }}
      </QueryView>
    </section>
  );
}
