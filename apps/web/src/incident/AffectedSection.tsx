import { useDeferredValue, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useUpdateIncident } from '../api/incident-queries';
import { useAsset, useAssets, useInformationSet, useInformationSets } from '../api/register-queries';
import type { HandledIncident } from '../api/types';
import { ErrorState } from '../components/ErrorState';
import { SelectField, TextField } from '../components/fields';
import { useI18n } from '../i18n/i18n';
import { useNotice } from '../layout/notice';
import { choiceLabel, type PickerChoice } from '../registers/asset-parts-model';
import { isOpenIncident, unlinkedChoices, withLinked, withoutLinked } from './incident-handling-model';

/** How many search hits a picker offers; a longer list is narrowed by typing more. */
const PICKER_LIMIT = 25;

type Kind = 'asset' | 'set';

const LABELS = {
  asset: { search: 'affected.asset.search', choose: 'affected.asset.choose', add: 'affected.asset.add' },
  set: { search: 'affected.set.search', choose: 'affected.set.choose', add: 'affected.set.add' },
} as const;

interface RowProps {
  id: string;
  onRemove?: () => void;
  busy: boolean;
}

const LinkedAsset = (p: RowProps) => {
  const row = useAsset(p.id);
  return <LinkedRow {...p} kind="asset" to={`/tillgangar/${p.id}`} row={row} />;
};

const LinkedSet = (p: RowProps) => {
  const row = useInformationSet(p.id);
  return <LinkedRow {...p} kind="set" to={`/informationsmangder/${p.id}`} row={row} />;
};

/** One linked row: code and name with a link to its page, or a plain note when it is out of reach. */
function LinkedRow({
  kind,
  id,
  to,
  row,
  onRemove,
  busy,
}: RowProps & {
  kind: Kind;
  to: string;
  row: { data?: { code: string; name: string }; error: unknown };
}) {
  const { t } = useI18n();
  const label = row.data ? `${row.data.code} ${row.data.name}` : null;
  return (
    <li data-linked={kind} data-id={id}>
      {label ? (
        <Link to={to}>{label}</Link>
      ) : row.error ? (
        <span>{t('affected.outOfReach')}</span>
      ) : (
        <span>{t('status.loading')}</span>
      )}{' '}
      {onRemove && (
        <button
          type="button"
          className="button button--secondary"
          onClick={onRemove}
          disabled={busy}
          aria-label={t('affected.removeNamed', { name: label ?? id })}
        >
          {t('affected.remove')}
        </button>
      )}
    </li>
  );
}

interface PickerProps {
  linkedIds: string[];
  busy: boolean;
  onAdd: (id: string) => void;
}

function AssetPicker(p: PickerProps) {
  const [q, setQ] = useState('');
  const hits = useAssets({ q: q || undefined, limit: PICKER_LIMIT });
  return <AddPicker {...p} kind="asset" hits={hits} onQuery={setQ} />;
}

function SetPicker(p: PickerProps) {
  const [q, setQ] = useState('');
  const hits = useInformationSets({ q: q || undefined, limit: PICKER_LIMIT });
  return <AddPicker {...p} kind="set" hits={hits} onQuery={setQ} />;
}

/** A search field, a select of its hits and an add button (the asset page's picker, for the incident). */
function AddPicker({
  kind,
  linkedIds,
  busy,
  onAdd,
  hits,
  onQuery,
}: PickerProps & {
  kind: Kind;
  hits: { data?: { items: { id: string; code: string; name: string }[] }; isLoading: boolean };
  onQuery: (q: string) => void;
}) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const deferred = useDeferredValue(search.trim());
  useEffect(() => onQuery(deferred), [deferred, onQuery]);
  const [chosen, setChosen] = useState<PickerChoice | null>(null);
  const offered = unlinkedChoices(hits.data?.items ?? [], linkedIds);
  if (chosen && !offered.some((c) => c.id === chosen.id)) offered.unshift(chosen);
  const labels = LABELS[kind];
  return (
    <div className="form" data-picker={kind}>
      <TextField
        type="search"
        label={t(labels.search)}
        hint={t('assets.parts.searchHint')}
        value={search}
        onChange={setSearch}
      />
      <SelectField
        label={t(labels.choose)}
        value={chosen?.id ?? ''}
        onChange={(id) => setChosen(offered.find((c) => c.id === id) ?? null)}
        hint={
          hits.isLoading
            ? t('status.loading')
            : offered.length === 0
              ? t('assets.parts.noHits')
              : t('assets.parts.hits', { count: offered.length })
        }
      >
        <option value="">{t('assets.parts.choose')}</option>
        {offered.map((c) => (
          <option key={c.id} value={c.id}>
            {choiceLabel(c)}
          </option>
        ))}
      </SelectField>
      <div className="form__actions">
        <button
          type="button"
          className="button"
          disabled={!chosen || busy}
          onClick={() => {
            if (!chosen) return;
            onAdd(chosen.id);
            setChosen(null);
          }}
        >
          {t(labels.add)}
        </button>
      </div>
    </div>
  );
}

/**
 * "Berörda tillgångar och informationsmängder" (issue 5): the linked ones with links to their pages;
 * a handler adds and removes them (PATCH /api/incidents/{id} with the whole id list) while the
 * incident is open.
 */
export function AffectedSection({ incident, mayUpdate }: { incident: HandledIncident; mayUpdate: boolean }) {
  const { t } = useI18n();
  const { announce } = useNotice();
  const update = useUpdateIncident();
  const editable = mayUpdate && isOpenIncident(incident);
  const assetIds = incident.assetIds ?? [];
  const setIds = incident.informationSetIds ?? [];
  const save = (body: { assetIds?: string[]; informationSetIds?: string[] }) =>
    update
      .mutateAsync({ id: incident.id, version: incident.version, ...body })
      .then(() => announce(t('affected.saved')))
      .catch(() => undefined);
  const busy = update.isPending;
  return (
    <section className="panel" aria-labelledby="affected-title" data-section="affected">
      <h2 id="affected-title">{t('affected.title')}</h2>
      <h3>{t('affected.assets')}</h3>
      {assetIds.length ? (
        <ul data-list="affected-assets">
          {assetIds.map((id) => (
            <LinkedAsset
              key={id}
              id={id}
              busy={busy}
              onRemove={editable ? () => void save({ assetIds: withoutLinked(assetIds, id) }) : undefined}
            />
          ))}
        </ul>
      ) : (
        <p>{t('affected.noAssets')}</p>
      )}
      {editable && (
        <AssetPicker
          linkedIds={assetIds}
          busy={busy}
          onAdd={(id) => void save({ assetIds: withLinked(assetIds, id) })}
        />
      )}
      <h3>{t('affected.sets')}</h3>
      {setIds.length ? (
        <ul data-list="affected-sets">
          {setIds.map((id) => (
            <LinkedSet
              key={id}
              id={id}
              busy={busy}
              onRemove={
                editable ? () => void save({ informationSetIds: withoutLinked(setIds, id) }) : undefined
              }
            />
          ))}
        </ul>
      ) : (
        <p>{t('affected.noSets')}</p>
      )}
      {editable && (
        <SetPicker
          linkedIds={setIds}
          busy={busy}
          onAdd={(id) => void save({ informationSetIds: withLinked(setIds, id) })}
        />
      )}
      {update.error && <ErrorState error={update.error} />}
    </section>
  );
}
