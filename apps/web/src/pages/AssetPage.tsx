import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useOrgUnitList } from '../api/queries';
import {
  useAsset,
  useAssetDependencies,
  useAssetInformationSets,
  useAssetTransition,
} from '../api/register-queries';
import type { Asset, AssetStatus, DependencyEnd, LinkedInformationSet } from '../api/register-types';
import type { OrgUnit } from '../api/types';
import { useSignedIn } from '../auth/session';
import { ActionPlanSection } from '../classification/ActionPlanSection';
import { OverridesSection } from '../classification/OverridesSection';
import { ProtectionSection } from '../classification/ProtectionSection';
import { ActionDialog } from '../components/ActionDialog';
import { ErrorState, Loading, QueryView } from '../components/ErrorState';
import { TextArea } from '../components/fields';
import { PageHeading } from '../components/PageHeading';
import { formatNumber, useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { useNotice } from '../layout/notice';
import {
  ASSET_STATUS_KEYS,
  ASSET_SUBTYPE_KEYS,
  ASSET_TYPE_KEYS,
  CRITICALITY_KEYS,
  HOSTING_KEYS,
  LINK_ROLE_KEYS,
} from '../registers/labels';
import {
  AddDependencyDialog,
  LinkSetDialog,
  RemoveDependencyDialog,
  UnlinkSetDialog,
} from '../registers/AssetPartsDialogs';
import { Fact } from '../registers/parts';
import { assetPath, assetSubject, infoSetPath, isFull } from '../registers/register-model';
import { NameOnly } from './InformationSetPage';
import { unitPath } from './OrgTreePage';

/** One asset: facts, the sets it carries, its dependencies, its protection levels, overrides and plan. */
export function AssetPage() {
  const { assetId = '' } = useParams();
  const { t } = useI18n();
  const asset = useAsset(assetId);
  const units = useOrgUnitList();
  const title = asset.data ? `${asset.data.code} ${asset.data.name}` : t('assets.one');
  return (
    <section className="page" data-page="asset">
      <PageHeading title={title} />
      <nav aria-label={t('infoSets.common.breadcrumbs')} className="breadcrumbs">
        <ol>
          <li>
            <Link to="/tillgangar">{t('assets.title')}</Link>
          </li>
          <li aria-current="page">{asset.data?.code ?? '…'}</li>
        </ol>
      </nav>
      {asset.error ? (
        <ErrorState error={asset.error} onRetry={() => void asset.refetch()} />
      ) : units.error ? (
        <ErrorState error={units.error} onRetry={() => void units.refetch()} />
      ) : !asset.data || !units.data ? (
        <Loading />
      ) : isFull(asset.data) ? (
        <AssetContent key={asset.data.id} asset={asset.data} units={units.data} />
      ) : (
        <NameOnly row={asset.data} units={units.data} />
      )}
    </section>
  );
}

const yesNo = (value: boolean): MessageKey => (value ? 'common.yes' : 'common.no');

/** The open dialog of the asset's parts: link or unlink a set, add or remove a dependency. */
type PartAction =
  | { kind: 'link'; linked: LinkedInformationSet[] }
  | { kind: 'unlink'; link: LinkedInformationSet }
  | { kind: 'depend'; dependsOn: DependencyEnd[] }
  | { kind: 'undepend'; end: DependencyEnd };

function AssetContent({ asset, units }: { asset: Asset; units: ReadonlyMap<string, OrgUnit> }) {
  const { t } = useI18n();
  const { me, ability } = useSignedIn();
  const [step, setStep] = useState<AssetStatus | null>(null);
  const [part, setPart] = useState<PartAction | null>(null);
  const links = useAssetInformationSets(asset.id, true);
  const dependencies = useAssetDependencies(asset.id, true);
  // Links and dependencies are parts of the asset (pseudo-fields the system manager may not change).
  const subject = assetSubject(asset, units, me.tenant.id);
  const retired = asset.status === 'RETIRED';
  const mayLink = !retired && ability.can('update', subject, 'informationSets');
  const mayDepend = !retired && ability.can('update', subject, 'dependencies');
  const closePart = () => setPart(null);
  const unit = units.get(asset.orgUnitId);
  const provider = asset.providerOrgUnitId ? units.get(asset.providerOrgUnitId) : undefined;

  return (
    <>
      {asset.allowedTransitions.length > 0 && (
        <div className="actions" role="group" aria-label={t('assets.actions')}>
          {asset.allowedTransitions.map((to) => (
            <button
              key={to}
              type="button"
              className={to === 'RETIRED' ? 'button button--danger-outline' : 'button button--secondary'}
              onClick={() => setStep(to)}
            >
              {t('assets.transition.to', { status: t(ASSET_STATUS_KEYS[to]) })}
            </button>
          ))}
        </div>
      )}
      <dl className="facts">
        <Fact label={t('infoSets.common.code')} value={asset.code} />
        <Fact
          label={t('assets.typeLabel')}
          value={[t(ASSET_TYPE_KEYS[asset.type]), asset.subtype && t(ASSET_SUBTYPE_KEYS[asset.subtype])]
            .filter(Boolean)
            .join(', ')}
        />
        <Fact label={t('infoSets.common.status')} value={t(ASSET_STATUS_KEYS[asset.status])} />
        <Fact
          label={t('infoSets.common.unit')}
          value={unit ? <Link to={unitPath(unit.id)}>{unit.name}</Link> : null}
        />
        <Fact
          label={t('assets.owner')}
          value={
            asset.ownerMissing ? (
              <span className="tag tag--warning">{t('infoSets.common.ownerMissing')}</span>
            ) : (
              asset.assetOwnerName
            )
          }
        />
        <Fact label={t('assets.systemManager')} value={asset.systemManagerName} />
        <Fact label={t('assets.provider')} value={provider?.name} />
        <Fact label={t('assets.supplier')} value={asset.supplierName} />
        <Fact label={t('assets.hosting')} value={asset.hosting && t(HOSTING_KEYS[asset.hosting])} />
        <Fact label={t('assets.criticality')} value={t(CRITICALITY_KEYS[asset.criticality])} />
        <Fact label={t('assets.rto')} value={asset.rtoHours === null ? null : formatNumber(asset.rtoHours)} />
        <Fact label={t('assets.rpo')} value={asset.rpoHours === null ? null : formatNumber(asset.rpoHours)} />
        <Fact label={t('assets.thirdCountry')} value={t(yesNo(asset.thirdCountryProcessing))} />
        <Fact label={t('assets.mfa')} value={t(yesNo(asset.mfaRequired))} />
        <Fact label={t('assets.internetExposed')} value={t(yesNo(asset.internetExposed))} />
        <Fact label={t('infoSets.containsPersonalData')} value={t(yesNo(asset.containsPersonalData))} />
        <Fact label={t('infoSets.flag.art9Long')} value={t(yesNo(asset.specialCategoryData))} />
      </dl>
      {asset.description && <p className="description">{asset.description}</p>}

      <ProtectionSection asset={asset} links={links.data} />

      <section aria-labelledby="links-heading" data-section="information-sets">
        <h2 id="links-heading">{t('assets.linkedSets')}</h2>
        <QueryView query={links}>
          {(items) => (
            <>
              {mayLink && (
                <div className="actions">
                  <button
                    type="button"
                    className="button button--secondary"
                    onClick={() => setPart({ kind: 'link', linked: items })}
                  >
                    {t('assets.parts.linkOpen')}
                  </button>
                </div>
              )}
              {items.length === 0 ? (
                <p>{t('assets.noLinkedSets')}</p>
              ) : (
                <ul className="link-list" data-list="linked-sets">
                  {items.map((l) => (
                    <li key={l.informationSetId} data-linked-set={l.code}>
                      <Link to={infoSetPath(l.informationSetId)}>
                        {l.code} {l.name}
                      </Link>{' '}
                      – {t(LINK_ROLE_KEYS[l.role])}
                      {l.details && !l.details.classificationId && !l.details.specialHandling && (
                        <span className="tag tag--warning">{t('infoSets.notClassified')}</span>
                      )}
                      {mayLink && (
                        <button
                          type="button"
                          className="button button--danger-outline button--small"
                          aria-label={t('assets.parts.unlinkNamed', { code: l.code })}
                          onClick={() => setPart({ kind: 'unlink', link: l })}
                        >
                          {t('assets.parts.unlink')}
                        </button>
                      )}
                    </li>
                  ))}
                </ul>
              )}
            </>
          )}
        </QueryView>
      </section>

      <section aria-labelledby="dependencies-heading" data-section="dependencies">
        <h2 id="dependencies-heading">{t('assets.dependencies')}</h2>
        <QueryView query={dependencies}>
          {(d) => (
            <>
              {mayDepend && (
                <div className="actions">
                  <button
                    type="button"
                    className="button button--secondary"
                    onClick={() => setPart({ kind: 'depend', dependsOn: d.dependsOn })}
                  >
                    {t('assets.parts.addDependencyOpen')}
                  </button>
                </div>
              )}
              <h3>{t('assets.dependsOn')}</h3>
              <DependencyList
                ends={d.dependsOn}
                list="depends-on"
                onRemove={mayDepend ? (end) => setPart({ kind: 'undepend', end }) : undefined}
              />
              <h3>{t('assets.dependants')}</h3>
              <DependencyList ends={d.dependants} list="dependants" />
            </>
          )}
        </QueryView>
      </section>

      <OverridesSection asset={asset} units={units} />
      <ActionPlanSection asset={asset} units={units} />

      {step && <AssetStepDialog asset={asset} to={step} onClose={() => setStep(null)} />}
      {part?.kind === 'link' && <LinkSetDialog asset={asset} linked={part.linked} onClose={closePart} />}
      {part?.kind === 'unlink' && <UnlinkSetDialog asset={asset} link={part.link} onClose={closePart} />}
      {part?.kind === 'depend' && (
        <AddDependencyDialog asset={asset} dependsOn={part.dependsOn} onClose={closePart} />
      )}
      {part?.kind === 'undepend' && (
        <RemoveDependencyDialog asset={asset} end={part.end} onClose={closePart} />
      )}
    </>
  );
}

function DependencyList({
  ends,
  list,
  onRemove,
}: {
  ends: DependencyEnd[];
  list: string;
  onRemove?: (end: DependencyEnd) => void;
}) {
  const { t } = useI18n();
  if (ends.length === 0) return <p>{t('assets.noDependencies')}</p>;
  return (
    <ul className="link-list" data-list={list}>
      {ends.map((e) => (
        <li key={e.assetId} data-dependency={e.code}>
          <Link to={assetPath(e.assetId)}>
            {e.code} {e.name}
          </Link>
          {e.note ? ` – ${e.note}` : ''}
          {onRemove && (
            <button
              type="button"
              className="button button--danger-outline button--small"
              aria-label={t('assets.parts.removeDependencyNamed', { code: e.code })}
              onClick={() => onRemove(e)}
            >
              {t('assets.parts.removeDependency')}
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}

/** One step of the asset's life cycle (§4a); cancelling before use needs a reason. */
function AssetStepDialog({ asset, to, onClose }: { asset: Asset; to: AssetStatus; onClose: () => void }) {
  const { t } = useI18n();
  const { announce } = useNotice();
  const transition = useAssetTransition();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const reasonRequired = to === 'RETIRED' && (asset.status === 'PLANNED' || asset.status === 'PROCUREMENT');
  const status = t(ASSET_STATUS_KEYS[to]);
  return (
    <ActionDialog
      title={t('assets.transition.title', { code: asset.code, status })}
      onClose={onClose}
      danger={to === 'RETIRED'}
      validate={() => {
        const message = reasonRequired && !reason.trim() ? t('assets.transition.reasonRequired') : null;
        setError(message);
        return message === null;
      }}
      confirmLabel={t('assets.transition.to', { status })}
      summary={
        <p>
          {t('assets.transition.summary', {
            name: asset.name,
            from: t(ASSET_STATUS_KEYS[asset.status]),
            to: status,
          })}
        </p>
      }
      onConfirm={async () => {
        await transition.mutateAsync({
          id: asset.id,
          version: asset.version,
          to,
          ...(reason.trim() ? { reason: reason.trim() } : {}),
        });
        announce(t('assets.transition.done', { code: asset.code, status }));
        onClose();
      }}
    >
      <TextArea
        label={reasonRequired ? t('assets.transition.reason') : t('infoSets.common.reasonOptional')}
        value={reason}
        onChange={setReason}
        required={reasonRequired}
        maxLength={2000}
        error={error}
      />
    </ActionDialog>
  );
}
