import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useOrgUnitList } from '../api/queries';
import { useInformationSet } from '../api/register-queries';
import type { InformationSet, RegisterName } from '../api/register-types';
import type { OrgUnit } from '../api/types';
import { useSignedIn } from '../auth/session';
import { ClassificationSection } from '../classification/ClassificationSection';
import { ErrorState, Loading } from '../components/ErrorState';
import { PageHeading } from '../components/PageHeading';
import { formatDateTime, useI18n } from '../i18n/i18n';
import { EditInformationSetDialog, InformationSetStepDialog } from '../registers/InformationSetDialogs';
import { INFORMATION_SET_STATUS_KEYS, PERSONAL_DATA_CATEGORY_KEYS } from '../registers/labels';
import { Fact } from '../registers/parts';
import { informationSetSubject, isFull } from '../registers/register-model';
import { unitPath } from './OrgTreePage';

type SetAction = 'edit' | 'activate' | 'retire';

/** One information set: its facts, owner, personal data, OSL references and its classifications. */
export function InformationSetPage() {
  const { setId = '' } = useParams();
  const { t } = useI18n();
  const set = useInformationSet(setId);
  const units = useOrgUnitList();
  const title = set.data ? `${set.data.code} ${set.data.name}` : t('infoSets.one');
  return (
    <section className="page" data-page="information-set">
      <PageHeading title={title} />
      <nav aria-label={t('infoSets.common.breadcrumbs')} className="breadcrumbs">
        <ol>
          <li>
            <Link to="/informationsmangder">{t('infoSets.title')}</Link>
          </li>
          <li aria-current="page">{set.data?.code ?? '…'}</li>
        </ol>
      </nav>
      {set.error ? (
        <ErrorState error={set.error} onRetry={() => void set.refetch()} />
      ) : units.error ? (
        <ErrorState error={units.error} onRetry={() => void units.refetch()} />
      ) : !set.data || !units.data ? (
        <Loading />
      ) : isFull(set.data) ? (
        <SetContent key={set.data.id} set={set.data} units={units.data} />
      ) : (
        <NameOnly row={set.data} units={units.data} />
      )}
    </section>
  );
}

/** What a caller with the name view reads: code, name and unit, and why nothing more. */
export function NameOnly({ row, units }: { row: RegisterName; units: ReadonlyMap<string, OrgUnit> }) {
  const { t } = useI18n();
  const unit = units.get(row.orgUnitId);
  return (
    <>
      <dl className="facts">
        <Fact label={t('infoSets.common.code')} value={row.code} />
        <Fact label={t('infoSets.common.name')} value={row.name} />
        <Fact
          label={t('infoSets.common.unit')}
          value={unit ? <Link to={unitPath(unit.id)}>{unit.name}</Link> : null}
        />
      </dl>
      <p className="muted">{t('infoSets.common.nameOnlyExplained')}</p>
    </>
  );
}

function SetContent({ set, units }: { set: InformationSet; units: ReadonlyMap<string, OrgUnit> }) {
  const { t } = useI18n();
  const { me, ability } = useSignedIn();
  const [action, setAction] = useState<SetAction | null>(null);
  const unit = units.get(set.orgUnitId);
  const mayEdit = ability.can('update', informationSetSubject(set, units, me.tenant.id));
  const close = () => setAction(null);

  return (
    <>
      {set.specialHandling && <p className="warning">{t('infoSets.specialHandlingNotice')}</p>}
      {(mayEdit || set.allowedTransitions.length > 0) && (
        <div className="actions" role="group" aria-label={t('infoSets.actions')}>
          {mayEdit && (
            <button type="button" className="button button--secondary" onClick={() => setAction('edit')}>
              {t('infoSets.edit.open')}
            </button>
          )}
          {set.allowedTransitions.includes('ACTIVE') && (
            <button type="button" className="button button--secondary" onClick={() => setAction('activate')}>
              {t('infoSets.activate.open')}
            </button>
          )}
          {set.allowedTransitions.includes('RETIRED') && (
            <button
              type="button"
              className="button button--danger-outline"
              onClick={() => setAction('retire')}
            >
              {t('infoSets.retire.open')}
            </button>
          )}
        </div>
      )}
      <dl className="facts">
        <Fact label={t('infoSets.common.code')} value={set.code} />
        <Fact label={t('infoSets.common.status')} value={t(INFORMATION_SET_STATUS_KEYS[set.status])} />
        <Fact
          label={t('infoSets.common.unit')}
          value={unit ? <Link to={unitPath(unit.id)}>{unit.name}</Link> : null}
        />
        <Fact
          label={t('infoSets.owner')}
          value={
            set.ownerMissing ? (
              <span className="tag tag--warning">{t('infoSets.common.ownerMissing')}</span>
            ) : (
              set.informationOwnerName
            )
          }
        />
        {set.informationOwnerAppointedAt && (
          <Fact
            label={t('infoSets.common.appointed')}
            value={[formatDateTime(set.informationOwnerAppointedAt), set.informationOwnerAppointmentRef]
              .filter(Boolean)
              .join(', ')}
          />
        )}
        {!set.specialHandling && (
          <>
            <Fact label={t('infoSets.recordsClassCode')} value={set.recordsClassCode} />
            <Fact label={t('infoSets.retention')} value={set.retention} />
          </>
        )}
      </dl>
      {!set.specialHandling && (
        <>
          {set.description && <p className="description">{set.description}</p>}
          <h2>{t('infoSets.personalData')}</h2>
          <dl className="facts">
            <Fact
              label={t('infoSets.containsPersonalData')}
              value={t(set.containsPersonalData ? 'common.yes' : 'common.no')}
            />
            <Fact
              label={t('infoSets.flag.art9Long')}
              value={t(set.specialCategoryData ? 'common.yes' : 'common.no')}
            />
            <Fact
              label={t('infoSets.flag.art10Long')}
              value={t(set.criminalOffenceData ? 'common.yes' : 'common.no')}
            />
            <Fact
              label={t('infoSets.flag.childrenLong')}
              value={t(set.concernsChildren ? 'common.yes' : 'common.no')}
            />
            <Fact
              label={t('infoSets.flag.protectedIdentityLong')}
              value={t(set.protectedIdentity ? 'common.yes' : 'common.no')}
            />
            <Fact
              label={t('infoSets.pdCategories')}
              value={set.personalDataCategories.map((c) => t(PERSONAL_DATA_CATEGORY_KEYS[c])).join(', ')}
            />
            <Fact label={t('infoSets.legalBases')} value={set.legalBases.join(', ')} />
          </dl>
          <h2>{t('infoSets.secrecyProvisions')}</h2>
          {set.secrecyProvisions.length ? (
            <ul className="compact-list">
              {set.secrecyProvisions.map((ref) => (
                <li key={ref}>{ref}</li>
              ))}
            </ul>
          ) : (
            <p>{t('infoSets.noSecrecy')}</p>
          )}
        </>
      )}
      <ClassificationSection set={set} units={units} />
      {action === 'edit' && <EditInformationSetDialog set={set} onClose={close} />}
      {(action === 'activate' || action === 'retire') && (
        <InformationSetStepDialog set={set} step={action} onClose={close} />
      )}
    </>
  );
}
