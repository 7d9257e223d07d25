import { useState } from 'react';
import { useClassificationStep } from '../api/classification-queries';
import type { Classification, InformationSet } from '../api/register-types';
import type { OrgUnit } from '../api/types';
import { useSignedIn } from '../auth/session';
import { ActionDialog } from '../components/ActionDialog';
import { TextArea } from '../components/fields';
import { formatDate, formatDateTime, useI18n } from '../i18n/i18n';
import { useNotice } from '../layout/notice';
import { classificationSubject, DECIDED_STATUSES } from './classification-model';
import { REVIEW_TRIGGER_KEYS } from './labels';

/**
 * D-54: the informationsägare clears a review flag by confirming the decision unchanged (logged;
 * validUntil is not extended). Shown for the decision in force that carries a flag, to who may
 * `approve` it; POST /api/classifications/:id/confirm-unchanged with an optional comment.
 */
export function ConfirmUnchangedPanel({
  set,
  versions,
  units,
}: {
  set: Pick<InformationSet, 'code' | 'name'>;
  versions: readonly Classification[];
  units: ReadonlyMap<string, OrgUnit>;
}) {
  const { t } = useI18n();
  const { me, ability } = useSignedIn();
  const { announce } = useNotice();
  const step = useClassificationStep();
  const [open, setOpen] = useState(false);
  const [comment, setComment] = useState('');
  const flagged = versions.find((c) => DECIDED_STATUSES.includes(c.status) && c.reviewFlaggedAt);
  if (!flagged || !ability.can('approve', classificationSubject(flagged, units, me.tenant.id))) return null;
  const reason = flagged.reviewFlagReason
    ? t(REVIEW_TRIGGER_KEYS[flagged.reviewFlagReason])
    : t('classification.confirmUnchanged.noReason');
  const at = flagged.reviewFlaggedAt ? formatDateTime(flagged.reviewFlaggedAt) : '';

  return (
    <div className="notice-box" data-confirm-unchanged>
      <p>{t('classification.confirmUnchanged.flagged', { reason, at })}</p>
      {flagged.reviewFlagNote && <p>{t('classification.flag.note', { note: flagged.reviewFlagNote })}</p>}
      <p>{t('classification.confirmUnchanged.lead')}</p>
      <div className="actions">
        <button type="button" className="button" onClick={() => setOpen(true)}>
          {t('classification.confirmUnchanged.open')}
        </button>
      </div>
      {open && (
        <ActionDialog
          title={t('classification.confirmUnchanged.title', { code: set.code })}
          onClose={() => setOpen(false)}
          validate={() => true}
          confirmLabel={t('classification.confirmUnchanged.open')}
          summary={
            <>
              <p>
                {t('classification.confirmUnchanged.summary', { name: `${set.code} ${set.name}`, reason })}
              </p>
              {flagged.validUntil && (
                <p>
                  {t('classification.confirmUnchanged.validUntil', { date: formatDate(flagged.validUntil) })}
                </p>
              )}
              {comment.trim() && (
                <p>{t('classification.confirmUnchanged.commentShown', { comment: comment.trim() })}</p>
              )}
            </>
          }
          onConfirm={async () => {
            await step.mutateAsync({
              id: flagged.id,
              step: 'confirm-unchanged',
              ...(comment.trim() ? { comment: comment.trim() } : {}),
            });
            setOpen(false);
            announce(t('classification.confirmUnchanged.done', { code: set.code }));
          }}
        >
          <TextArea
            label={t('classification.confirmUnchanged.comment')}
            value={comment}
            onChange={setComment}
            maxLength={2000}
          />
        </ActionDialog>
      )}
    </div>
  );
}
