import { Link } from 'react-router';
import { useOrgUnitList } from '../api/queries';
import { useAssets } from '../api/register-queries';
import type { AssetStatus, AssetType } from '../api/register-types';
import { LevelsInline } from '../classification/Levels';
import { SelectField } from '../components/fields';
import { QueryView } from '../components/ErrorState';
import { PageHeading } from '../components/PageHeading';
import { ExportButtons } from '../registers/ExportButtons';
import { useI18n } from '../i18n/i18n';
import { ASSET_STATUS_KEYS, ASSET_TYPE_KEYS } from '../registers/labels';
import { assetPath, isFull, showsFullColumns } from '../registers/register-model';
import { PAGE_SIZE, RegisterPager, RegisterToolbar, useRegisterParams } from '../registers/RegisterToolbar';

const STATUSES = Object.keys(ASSET_STATUS_KEYS) as AssetStatus[];
const TYPES = Object.keys(ASSET_TYPE_KEYS) as AssetType[];

const oneOf = <T extends string>(value: string, allowed: readonly T[]): T | undefined =>
  allowed.includes(value as T) ? (value as T) : undefined;

/** Tillgångar: systems, components, storage, spaces, processes; with their effective levels. */
export function AssetsPage() {
  const { t } = useI18n();
  const params = useRegisterParams();
  const units = useOrgUnitList();
  const filters = {
    q: params.get('q').trim() || undefined,
    orgUnitId: params.get('enhet') || undefined,
    ownerId: params.get('agare') || undefined,
    status: oneOf(params.get('status'), STATUSES),
    type: oneOf(params.get('typ'), TYPES),
  };
  const assets = useAssets({ ...filters, limit: PAGE_SIZE, offset: params.offset });

  return (
    <section className="page" data-page="assets">
      <PageHeading title={t('assets.title')} />
      <p className="lead">{t('assets.lead')}</p>
      <RegisterToolbar params={params} searchLabel={t('assets.search')} ownerLabel={t('assets.owner')}>
        <SelectField
          label={t('assets.typeLabel')}
          value={params.get('typ')}
          onChange={(v) => params.set('typ', v)}
        >
          <option value="">{t('infoSets.common.anyType')}</option>
          {TYPES.map((type) => (
            <option key={type} value={type}>
              {t(ASSET_TYPE_KEYS[type])}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('infoSets.common.status')}
          value={params.get('status')}
          onChange={(v) => params.set('status', v)}
        >
          <option value="">{t('infoSets.common.anyStatus')}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(ASSET_STATUS_KEYS[s])}
            </option>
          ))}
        </SelectField>
      </RegisterToolbar>
      <QueryView query={assets}>
        {(page) => {
          const full = showsFullColumns(page.items);
          return (
            <>
              <RegisterPager params={params} page={page} />
              {full && <ExportButtons register="assets" filters={filters} />}
              {page.items.length > 0 && (
                <div className="table-wrap" role="region" aria-label={t('assets.title')} tabIndex={0}>
                  <table className="table" data-table="assets">
                    <thead>
                      <tr>
                        <th scope="col">{t('infoSets.common.code')}</th>
                        <th scope="col">{t('infoSets.common.name')}</th>
                        <th scope="col">{t('infoSets.common.unit')}</th>
                        {full && (
                          <>
                            <th scope="col">{t('assets.typeLabel')}</th>
                            <th scope="col">{t('assets.owner')}</th>
                            <th scope="col">{t('infoSets.common.status')}</th>
                            <th scope="col">{t('assets.effectiveLevels')}</th>
                          </>
                        )}
                      </tr>
                    </thead>
                    <tbody>
                      {page.items.map((row) => (
                        <tr key={row.id}>
                          <td className="nowrap">{row.code}</td>
                          <td>
                            <Link to={assetPath(row.id)}>{row.name}</Link>
                          </td>
                          <td>{units.data?.get(row.orgUnitId)?.name ?? ''}</td>
                          {full &&
                            (isFull(row) ? (
                              <>
                                <td>{t(ASSET_TYPE_KEYS[row.type])}</td>
                                <td>
                                  {row.ownerMissing ? (
                                    <span className="tag tag--warning">
                                      {t('infoSets.common.ownerMissing')}
                                    </span>
                                  ) : (
                                    row.assetOwnerName
                                  )}
                                </td>
                                <td>{t(ASSET_STATUS_KEYS[row.status])}</td>
                                <td className="nowrap">
                                  <LevelsInline levels={row.effectiveLevels} />
                                  {!row.classificationComplete && (
                                    <span className="tag tag--warning">{t('assets.incomplete')}</span>
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
