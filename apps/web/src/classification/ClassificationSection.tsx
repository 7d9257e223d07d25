import { Link } from 'react-router';
import { classificationPdfHref, useClassificationsOfSet } from '../api/classification-queries';
import { usePersons } from '../api/queries';
import type { Classification, InformationSet, ReviewState } from '../api/register-types';
import type { OrgUnit } from '../api/types';
import { useSignedIn } from '../auth/session';
import { QueryView } from '../components/ErrorState';
import { formatDate, formatDateTime, useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import {
  byNewest,
  classificationSubject,
  DECIDED_STATUSES,
  newClassificationOf,
  openClassification,
} from './classification-model';
import { CancelClassificationAction } from './CancelClassificationAction';
import { ConfirmUnchangedPanel } from './ConfirmUnchangedPanel';
import { FlagReviewButton, mayFlagReview, ReviewFlagNotice } from './FlagReview';
import { ASPECT_KEYS, CLASSIFICATION_STATUS_KEYS } from './labels';
import { LevelName } from './Levels';
import { ASPECTS } from './wizard-model';

export const wizardPath = (setId: string) => `/informationsmangder/${setId}/klassning`;

const REVIEW_KEYS: Record<ReviewState, MessageKey> = {
  CURRENT: 'classification.review.CURRENT',
  DUE_SOON: 'classification.review.DUE_SOON',
  FLAGGED: 'classification.review.FLAGGED',
  OVERDUE: 'classification.review.OVERDUE',
};

/**
 * The classification part of a set's page: what to do next (start, continue, decide) as the caller's
 * ability allows, and every version with its levels, decider, decision date, diarienummer and review.
 */
export function ClassificationSection({
  set,
  units,
}: {
  set: InformationSet;
  units: ReadonlyMap<string, OrgUnit>;
}) {
  const { t } = useI18n();
  const { ability } = useSignedIn();
  const reads = ability.can('read', 'Classification');
  const versions = useClassificationsOfSet(set.id, reads);
  if (!reads) return null;
  return (
    <section aria-labelledby="classification-heading" data-section="classification">
      <h2 id="classification-heading">{t('classification.heading')}</h2>
      <QueryView query={versions}>
        {(page) => <Versions set={set} units={units} versions={[...page.items].sort(byNewest)} />}
      </QueryView>
    </section>
  );
}

function Versions({
  set,
  units,
  versions,
}: {
  set: InformationSet;
  units: ReadonlyMap<string, OrgUnit>;
  versions: Classification[];
}) {
  const { t } = useI18n();
  const { me, ability } = useSignedIn();
  const tenantId = me.tenant.id;
  const open = openClassification(versions);
  const mayStart =
    !open &&
    set.status !== 'RETIRED' &&
    ability.can('create', classificationSubject(newClassificationOf(set), units, tenantId));
  const mayContinue =
    open?.status === 'DRAFT' && ability.can('update', classificationSubject(open, units, tenantId));
  const mayDecide =
    open?.status === 'PROPOSED' && ability.can('approve', classificationSubject(open, units, tenantId));
  const inForce = versions.find((c) => DECIDED_STATUSES.includes(c.status));
  const mayFlag = !!inForce && mayFlagReview(ability, inForce, units, tenantId);
  // The owner sees the flag in the confirm-unchanged panel; everyone else in the notice.
  const mayConfirm =
    !!inForce?.reviewFlaggedAt && ability.can('approve', classificationSubject(inForce, units, tenantId));
  const people = usePersons(
    [...new Set(versions.flatMap((c) => [c.decidedById, c.proposedById]).filter((id): id is string => !!id))],
    ability.can('read', 'Person'),
  );

  return (
    <>
      {open && (
        <p className="notice-box" data-open-status={open.status}>
          {t(open.status === 'DRAFT' ? 'classification.openDraft' : 'classification.openProposal')}
        </p>
      )}
      {inForce && !mayConfirm && <ReviewFlagNotice classification={inForce} />}
      <ConfirmUnchangedPanel set={set} versions={versions} units={units} />
      {open && <CancelClassificationAction set={set} classification={open} units={units} />}
      {(mayStart || mayContinue || mayDecide || mayFlag) && (
        <div className="actions">
          {(mayStart || mayContinue || mayDecide) && (
            <Link className="button" to={wizardPath(set.id)}>
              {t(
                mayDecide
                  ? 'classification.toDecision'
                  : mayContinue
                    ? 'classification.continue'
                    : 'classification.start',
              )}
            </Link>
          )}
          {mayFlag && <FlagReviewButton set={set} />}
        </div>
      )}
      {versions.length === 0 ? (
        <p>{t('classification.none')}</p>
      ) : (
        <div className="table-wrap" role="region" aria-label={t('classification.history')} tabIndex={0}>
          <table className="table" data-table="classifications">
            <caption className="visually-hidden">{t('classification.history')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('classification.statusLabel')}</th>
                {ASPECTS.map((a) => (
                  <th scope="col" key={a}>
                    <abbr title={t(ASPECT_KEYS[a])}>{a}</abbr>
                  </th>
                ))}
                <th scope="col">{t('classification.decidedBy')}</th>
                <th scope="col">{t('classification.decidedAt')}</th>
                <th scope="col">{t('classification.diarienummer')}</th>
                <th scope="col">{t('classification.validUntil')}</th>
                <th scope="col">{t('classification.document')}</th>
              </tr>
            </thead>
            <tbody>
              {versions.map((c) => (
                <tr key={c.id} data-classification={c.status}>
                  <td>{t(CLASSIFICATION_STATUS_KEYS[c.status])}</td>
                  {c.specialHandling ? (
                    <td colSpan={4}>{t('classification.specialHandlingNoLevels')}</td>
                  ) : (
                    ASPECTS.map((a) => (
                      <td key={a} className="nowrap">
                        <LevelName level={c.aspects.find((x) => x.aspect === a)?.level ?? null} />
                      </td>
                    ))
                  )}
                  <td>{c.decidedById ? (people.get(c.decidedById)?.displayName ?? '–') : '–'}</td>
                  <td className="nowrap">{c.decidedAt ? formatDateTime(c.decidedAt) : '–'}</td>
                  <td>{c.diarienummer ?? '–'}</td>
                  <td className="nowrap">
                    {c.validUntil ? formatDate(c.validUntil) : '–'}
                    {c.reviewState && c.reviewState !== 'CURRENT' && DECIDED_STATUSES.includes(c.status) && (
                      <span className={c.reviewState === 'OVERDUE' ? 'tag tag--danger' : 'tag tag--warning'}>
                        {t(REVIEW_KEYS[c.reviewState])}
                      </span>
                    )}
                  </td>
                  <td>
                    {DECIDED_STATUSES.includes(c.status) || c.status === 'SUPERSEDED' ? (
                      <a href={classificationPdfHref(c.id)} download>
                        {t('classification.pdf')}
                      </a>
                    ) : (
                      '–'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {versions.some((c) => c.returnComment && c.status === 'DRAFT') && (
        <p className="warning">
          {t('classification.returned', {
            comment: versions.find((c) => c.status === 'DRAFT')?.returnComment ?? '',
          })}
        </p>
      )}
    </>
  );
}
