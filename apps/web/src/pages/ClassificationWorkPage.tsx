import { Link } from 'react-router';
import { useClassificationKpis, useClassificationList } from '../api/classification-queries';
import { useSignedIn } from '../auth/session';
import { REVIEW_TRIGGER_KEYS } from '../classification/labels';
import { proposalRows, type ReviewRowState, reviewRows } from '../classification/worklist-model';
import { ErrorState, Loading } from '../components/ErrorState';
import { PageHeading } from '../components/PageHeading';
import { formatDate, formatDateTime, useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { assetPath, infoSetPath } from '../registers/register-model';

const STATE_KEYS: Record<ReviewRowState, MessageKey> = {
  OVERDUE: 'classification.review.OVERDUE',
  FLAGGED: 'classification.review.FLAGGED',
  DUE_SOON: 'classification.review.DUE_SOON',
};

/**
 * "Att göra i klassningen" (/att-gora-i-klassningen): what waits in classification within the
 * caller's reach. Proposals and reviews need `read Classification`, the incomplete assets the KPIs
 * (`read ClassificationStatistics`, rows narrowed by `read Asset` on the server).
 */
export function ClassificationWorkPage() {
  const { t } = useI18n();
  const { me, ability } = useSignedIn();
  const reads = ability.can('read', 'Classification');
  const stats = ability.can('read', 'ClassificationStatistics');
  const proposals = useClassificationList({ status: 'PROPOSED' }, reads);
  const due = useClassificationList({ due: true }, reads);
  const kpis = useClassificationKpis(stats);
  const meId = me.person.id;

  const proposalItems = proposals.data ? proposalRows(proposals.data.items, meId) : null;
  const reviewItems =
    due.data && (!stats || kpis.data) ? reviewRows(due.data.items, kpis.data?.overdue ?? [], meId) : null;

  return (
    <section className="page" data-page="classification-work">
      <PageHeading title={t('work.title')} />
      <p>{t('work.lead')}</p>

      {reads && (
        <section aria-labelledby="work-proposals" data-work="proposals">
          <h2 id="work-proposals">{t('work.proposals')}</h2>
          {proposals.error ? (
            <ErrorState error={proposals.error} onRetry={() => void proposals.refetch()} />
          ) : !proposalItems ? (
            <Loading />
          ) : proposalItems.length === 0 ? (
            <p>{t('work.nothing')}</p>
          ) : (
            <ul className="link-list">
              {proposalItems.map((row) => (
                <li key={row.classificationId} data-work-row={row.code}>
                  <Link to={infoSetPath(row.informationSetId)}>
                    {row.code} {row.name}
                  </Link>
                  {row.proposedAt && <> – {t('work.proposedAt', { at: formatDateTime(row.proposedAt) })}</>}
                  {row.mine && <span className="tag tag--warning">{t('work.yourDecision')}</span>}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}

      {reads && (
        <section aria-labelledby="work-reviews" data-work="reviews">
          <h2 id="work-reviews">{t('work.reviews')}</h2>
          {due.error || kpis.error ? (
            <ErrorState
              error={due.error ?? kpis.error}
              onRetry={() => {
                void due.refetch();
                if (stats) void kpis.refetch();
              }}
            />
          ) : !reviewItems ? (
            <Loading />
          ) : reviewItems.length === 0 ? (
            <p>{t('work.nothing')}</p>
          ) : (
            <ul className="link-list">
              {reviewItems.map((row) => (
                <li key={row.classificationId} data-work-row={row.code} data-review-state={row.state}>
                  <Link to={infoSetPath(row.informationSetId)}>
                    {row.code} {row.name}
                  </Link>{' '}
                  <span className={row.state === 'OVERDUE' ? 'tag tag--danger' : 'tag tag--warning'}>
                    {t(STATE_KEYS[row.state])}
                  </span>
                  {row.validUntil && <> {t('work.validUntil', { date: formatDate(row.validUntil) })}</>}
                  {row.flagReason && (
                    <> {t('work.flagReason', { reason: t(REVIEW_TRIGGER_KEYS[row.flagReason]) })}</>
                  )}
                  {row.mine && <span className="tag">{t('work.yourSet')}</span>}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}

      {stats && (
        <section aria-labelledby="work-incomplete" data-work="incomplete">
          <h2 id="work-incomplete">{t('work.incomplete')}</h2>
          <p className="muted">{t('work.incompleteLead')}</p>
          {kpis.error ? (
            <ErrorState error={kpis.error} onRetry={() => void kpis.refetch()} />
          ) : !kpis.data ? (
            <Loading />
          ) : kpis.data.incompleteAssets.length === 0 ? (
            <p>{t('work.nothing')}</p>
          ) : (
            <>
              <ul className="link-list">
                {kpis.data.incompleteAssets.map((a) => (
                  <li key={a.assetId} data-work-row={a.code}>
                    <Link to={assetPath(a.assetId)}>
                      {a.code} {a.name}
                    </Link>
                  </li>
                ))}
              </ul>
              {kpis.data.incompleteAssetsTotal > kpis.data.incompleteAssets.length && (
                <p className="muted" data-work-more="incomplete">
                  {t('work.moreRows', {
                    shown: kpis.data.incompleteAssets.length,
                    total: kpis.data.incompleteAssetsTotal,
                  })}
                </p>
              )}
            </>
          )}
        </section>
      )}
    </section>
  );
}
