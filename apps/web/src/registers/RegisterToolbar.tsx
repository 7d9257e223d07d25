import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { useOrgUnitList, usePeople } from '../api/queries';
import { useSignedIn } from '../auth/session';
import { SelectField, TextField } from '../components/fields';
import { formatNumber, useI18n } from '../i18n/i18n';
import { indented, unitOptions } from './register-model';

export const PAGE_SIZE = 50;

/** The list filters live in the address (?q=&enhet=&agare=&status=&typ=&sida=), so a list can be linked. */
export function useRegisterParams() {
  const [params, setParams] = useSearchParams();
  const get = (name: string) => params.get(name) ?? '';
  const page = Math.max(1, Number.parseInt(get('sida') || '1', 10) || 1);
  const set = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    if (name !== 'sida') next.delete('sida');
    setParams(next, { replace: true });
  };
  return { get, set, offset: (page - 1) * PAGE_SIZE, page };
}

/** Search, unit (with sub-units) and owner: the filters both registers share; `children` adds more. */
export function RegisterToolbar({
  params,
  searchLabel,
  ownerLabel,
  children,
}: {
  params: ReturnType<typeof useRegisterParams>;
  searchLabel: string;
  ownerLabel: string;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  const { me, ability } = useSignedIn();
  const units = useOrgUnitList();
  // The people directory is for those who read it; everyone may pick themself.
  const readsPeople = ability.can('read', 'Person');
  const people = usePeople({ limit: 500 }, readsPeople);
  const others = (people.data?.items ?? [])
    .filter((p) => p.id !== me.person.id && p.status === 'ACTIVE')
    .sort((a, b) => a.displayName.localeCompare(b.displayName, 'sv-SE'));
  return (
    <div className="toolbar" role="search">
      <TextField
        label={searchLabel}
        hint={t('infoSets.common.searchHint')}
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
      <SelectField label={ownerLabel} value={params.get('agare')} onChange={(v) => params.set('agare', v)}>
        <option value="">{t('infoSets.common.anyOwner')}</option>
        <option value={me.person.id}>{t('infoSets.common.ownerMe', { name: me.person.displayName })}</option>
        {others.map((p) => (
          <option key={p.id} value={p.id}>
            {p.displayName}
          </option>
        ))}
      </SelectField>
      {children}
    </div>
  );
}

/** "Visar 1–50 av 120" and the previous/next buttons. */
export function RegisterPager({
  params,
  page,
}: {
  params: ReturnType<typeof useRegisterParams>;
  page: { total: number; offset: number; items: unknown[] };
}) {
  const { t } = useI18n();
  return (
    <>
      <p role="status">
        {t('infoSets.common.count', {
          from: formatNumber(page.total === 0 ? 0 : page.offset + 1),
          to: formatNumber(page.offset + page.items.length),
          total: formatNumber(page.total),
        })}
      </p>
      {page.total > PAGE_SIZE && (
        <div className="pager">
          <button
            type="button"
            className="button button--secondary"
            disabled={params.page <= 1}
            onClick={() => params.set('sida', String(params.page - 1))}
          >
            {t('action.previous')}
          </button>
          <button
            type="button"
            className="button button--secondary"
            disabled={params.offset + PAGE_SIZE >= page.total}
            onClick={() => params.set('sida', String(params.page + 1))}
          >
            {t('action.next')}
          </button>
        </div>
      )}
    </>
  );
}
