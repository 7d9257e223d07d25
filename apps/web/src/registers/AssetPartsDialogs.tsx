import { useDeferredValue, useState } from 'react';
import {
  useAddDependency,
  useAssets,
  useInformationSets,
  useLinkInformationSet,
  useRemoveDependency,
  useUnlinkInformationSet,
} from '../api/register-queries';
import type { Asset, DependencyEnd, LinkedInformationSet, LinkRole } from '../api/register-types';
import { ActionDialog } from '../components/ActionDialog';
import { SelectField, TextArea, TextField } from '../components/fields';
import { useI18n } from '../i18n/i18n';
import { useNotice } from '../layout/notice';
import {
  choiceLabel,
  dependableAssets,
  linkableSets,
  type PickerChoice,
  withChosen,
} from './asset-parts-model';
import { LINK_ROLE_KEYS } from './labels';

const LINK_ROLES = Object.keys(LINK_ROLE_KEYS) as LinkRole[];
/** How many search hits a picker offers; a longer list is narrowed by typing more. */
const PICKER_LIMIT = 25;

/**
 * A search field and a select of its hits: the select names the chosen row, the search narrows
 * the list (GET /api/information-sets?q= or /api/assets?q=, sorted by code on the server).
 */
function Picker({
  searchLabel,
  label,
  choices,
  chosen,
  onSearch,
  search,
  onChoose,
  error,
  loading,
}: {
  searchLabel: string;
  label: string;
  choices: PickerChoice[];
  chosen: PickerChoice | null;
  search: string;
  onSearch: (q: string) => void;
  onChoose: (c: PickerChoice | null) => void;
  error: string | null;
  loading: boolean;
}) {
  const { t } = useI18n();
  const offered = withChosen(choices, chosen);
  return (
    <>
      <TextField
        type="search"
        label={searchLabel}
        hint={t('assets.parts.searchHint')}
        value={search}
        onChange={onSearch}
      />
      <SelectField
        label={label}
        value={chosen?.id ?? ''}
        onChange={(id) => onChoose(offered.find((c) => c.id === id) ?? null)}
        required
        error={error}
        hint={
          loading
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
    </>
  );
}

/** POST /api/assets/:id/information-sets: the set, its role in the asset and an optional note. */
export function LinkSetDialog({
  asset,
  linked,
  onClose,
}: {
  asset: Asset;
  linked: LinkedInformationSet[];
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { announce } = useNotice();
  const link = useLinkInformationSet();
  const [search, setSearch] = useState('');
  const q = useDeferredValue(search.trim());
  const results = useInformationSets({ q, limit: PICKER_LIMIT });
  const [chosen, setChosen] = useState<PickerChoice | null>(null);
  const [role, setRole] = useState<LinkRole>('STORES');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const choices = linkableSets(results.data?.items ?? [], linked);
  const roleName = t(LINK_ROLE_KEYS[role]);

  return (
    <ActionDialog
      title={t('assets.parts.linkTitle', { code: asset.code })}
      onClose={onClose}
      validate={() => {
        const message = chosen ? null : t('assets.parts.setRequired');
        setError(message);
        return message === null;
      }}
      confirmLabel={t('assets.parts.link')}
      summary={
        chosen && (
          <>
            <p>
              {t('assets.parts.linkSummary', {
                set: choiceLabel(chosen),
                asset: `${asset.code} ${asset.name}`,
                role: roleName,
              })}
            </p>
            {note.trim() && <p>{t('assets.parts.noteShown', { note: note.trim() })}</p>}
            <p>{t('assets.parts.recalculated')}</p>
          </>
        )
      }
      onConfirm={async () => {
        if (!chosen) return;
        await link.mutateAsync({
          assetId: asset.id,
          informationSetId: chosen.id,
          role,
          ...(note.trim() ? { note: note.trim() } : {}),
        });
        announce(t('assets.parts.linked', { set: chosen.code, asset: asset.code }));
        onClose();
      }}
    >
      <Picker
        searchLabel={t('assets.parts.searchSet')}
        label={t('assets.parts.set')}
        choices={choices}
        chosen={chosen}
        search={search}
        onSearch={setSearch}
        onChoose={(c) => {
          setChosen(c);
          if (c) setError(null);
        }}
        error={error}
        loading={results.isPending}
      />
      <SelectField label={t('assets.parts.role')} value={role} onChange={(v) => setRole(v as LinkRole)}>
        {LINK_ROLES.map((r) => (
          <option key={r} value={r}>
            {t(LINK_ROLE_KEYS[r])}
          </option>
        ))}
      </SelectField>
      <TextArea label={t('assets.parts.note')} value={note} onChange={setNote} maxLength={2000} />
    </ActionDialog>
  );
}

/** DELETE /api/assets/:id/information-sets/:setId. */
export function UnlinkSetDialog({
  asset,
  link,
  onClose,
}: {
  asset: Asset;
  link: LinkedInformationSet;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { announce } = useNotice();
  const unlink = useUnlinkInformationSet();
  const summary = t('assets.parts.unlinkSummary', {
    set: `${link.code} ${link.name}`,
    asset: `${asset.code} ${asset.name}`,
  });
  return (
    <ActionDialog
      title={t('assets.parts.unlinkTitle', { code: link.code })}
      onClose={onClose}
      danger
      validate={() => true}
      confirmLabel={t('assets.parts.unlink')}
      summary={
        <>
          <p>{summary}</p>
          <p>{t('assets.parts.recalculated')}</p>
        </>
      }
      onConfirm={async () => {
        await unlink.mutateAsync({ assetId: asset.id, informationSetId: link.informationSetId });
        announce(t('assets.parts.unlinked', { set: link.code, asset: asset.code }));
        onClose();
      }}
    >
      <p>{summary}</p>
    </ActionDialog>
  );
}

/** POST /api/assets/:id/dependencies: the supporting asset and an optional note (a cycle is a 409). */
export function AddDependencyDialog({
  asset,
  dependsOn,
  onClose,
}: {
  asset: Asset;
  dependsOn: DependencyEnd[];
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { announce } = useNotice();
  const add = useAddDependency();
  const [search, setSearch] = useState('');
  const q = useDeferredValue(search.trim());
  const results = useAssets({ q, limit: PICKER_LIMIT });
  const [chosen, setChosen] = useState<PickerChoice | null>(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const choices = dependableAssets(results.data?.items ?? [], asset.id, dependsOn);

  return (
    <ActionDialog
      title={t('assets.parts.dependencyTitle', { code: asset.code })}
      onClose={onClose}
      validate={() => {
        const message = chosen ? null : t('assets.parts.assetRequired');
        setError(message);
        return message === null;
      }}
      confirmLabel={t('assets.parts.addDependency')}
      summary={
        chosen && (
          <>
            <p>
              {t('assets.parts.dependencySummary', {
                asset: `${asset.code} ${asset.name}`,
                supporting: choiceLabel(chosen),
              })}
            </p>
            {note.trim() && <p>{t('assets.parts.noteShown', { note: note.trim() })}</p>}
            <p>{t('assets.parts.dependencyLevels', { supporting: chosen.code })}</p>
          </>
        )
      }
      onConfirm={async () => {
        if (!chosen) return;
        await add.mutateAsync({
          assetId: asset.id,
          supportingAssetId: chosen.id,
          ...(note.trim() ? { note: note.trim() } : {}),
        });
        announce(t('assets.parts.dependencyAdded', { asset: asset.code, supporting: chosen.code }));
        onClose();
      }}
    >
      <Picker
        searchLabel={t('assets.parts.searchAsset')}
        label={t('assets.parts.supporting')}
        choices={choices}
        chosen={chosen}
        search={search}
        onSearch={setSearch}
        onChoose={(c) => {
          setChosen(c);
          if (c) setError(null);
        }}
        error={error}
        loading={results.isPending}
      />
      <TextArea label={t('assets.parts.note')} value={note} onChange={setNote} maxLength={2000} />
    </ActionDialog>
  );
}

/** DELETE /api/assets/:id/dependencies/:supportingAssetId. */
export function RemoveDependencyDialog({
  asset,
  end,
  onClose,
}: {
  asset: Asset;
  end: DependencyEnd;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { announce } = useNotice();
  const remove = useRemoveDependency();
  const summary = t('assets.parts.removeDependencySummary', {
    asset: `${asset.code} ${asset.name}`,
    supporting: `${end.code} ${end.name}`,
  });
  return (
    <ActionDialog
      title={t('assets.parts.removeDependencyTitle', { code: end.code })}
      onClose={onClose}
      danger
      validate={() => true}
      confirmLabel={t('assets.parts.removeDependency')}
      summary={
        <>
          <p>{summary}</p>
          <p>{t('assets.parts.recalculated')}</p>
        </>
      }
      onConfirm={async () => {
        await remove.mutateAsync({ assetId: asset.id, supportingAssetId: end.assetId });
        announce(t('assets.parts.dependencyRemoved', { asset: asset.code, supporting: end.code }));
        onClose();
      }}
    >
      <p>{summary}</p>
    </ActionDialog>
  );
}
