import { useState } from 'react';
import { useFlagReview, type FlagReviewInput } from '../api/classification-queries';
import type { Classification, InformationSet } from '../api/register-types';
import { useSignedIn } from '../auth/session';
import { ActionDialog } from '../components/ActionDialog';
import { RadioGroup, TextArea } from '../components/fields';
import { formatDateTime, useI18n } from '../i18n/i18n';
import { useNotice } from '../layout/notice';
import { REVIEW_TRIGGER_KEYS } from './labels';

const NOTE_MAX = 2000;

/** An open BR-B5 flag on the decision in force: why, when, and the CISO's or samordnare's note. */
export function ReviewFlagNotice({ classification }: { classification: Classification }) {
  const { t } = useI18n();
  if (!classification.reviewFlaggedAt || !classification.reviewFlagReason) return null;
  return (
    <div className="notice-box" data-review-flag={classification.reviewFlagReason}>
      <p>
        {t('classification.flag.flagged', {
          reason: t(REVIEW_TRIGGER_KEYS[classification.reviewFlagReason]),
          at: formatDateTime(classification.reviewFlaggedAt),
        })}
      </p>
      {classification.reviewFlagNote && (
        <p>{t('classification.flag.note', { note: classification.reviewFlagNote })}</p>
      )}
    </div>
  );
}

/** The CISO's "Flagga för omprövning" (BR-B5: a legal change, or manually) for the set's decision. */
export function FlagReviewButton({ set }: { set: InformationSet }) {
  const { t } = useI18n();
  const { me } = useSignedIn();
  const { announce } = useNotice();
  const flag = useFlagReview();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState<FlagReviewInput['reason'] | ''>('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<{ reason?: string; note?: string }>({});
  if (!me.roles.includes('CISO')) return null;
  const close = () => {
    setOpen(false);
    setReason('');
    setNote('');
    setErrors({});
  };
  return (
    <>
      <button type="button" className="button button--secondary" onClick={() => setOpen(true)}>
        {t('classification.flag.button')}
      </button>
      {open && (
        <ActionDialog
          title={t('classification.flag.title', { code: set.code })}
          onClose={close}
          validate={() => {
            const next = {
              reason: reason ? undefined : t('classification.flag.reasonRequired'),
              note: note.trim() ? undefined : t('classification.flag.noteRequired'),
            };
            setErrors(next);
            return !next.reason && !next.note;
          }}
          confirmLabel={t('classification.flag.confirm')}
          summary={
            <p>
              {t('classification.flag.summary', {
                code: set.code,
                reason: reason ? t(REVIEW_TRIGGER_KEYS[reason]) : '',
                note: note.trim(),
              })}
            </p>
          }
          onConfirm={async () => {
            if (!reason) return;
            const result = await flag.mutateAsync({
              reason,
              note: note.trim(),
              informationSetIds: [set.id],
            });
            announce(
              t(result.flagged.length ? 'classification.flag.done' : 'classification.flag.nothing', {
                code: set.code,
              }),
            );
            close();
          }}
        >
          <RadioGroup
            legend={t('classification.flag.reason')}
            name="flag-reason"
            value={reason}
            options={[
              { value: 'LEGAL_CHANGE', label: t('classification.trigger.LEGAL_CHANGE') },
              { value: 'MANUAL', label: t('classification.trigger.MANUAL') },
            ]}
            onChange={setReason}
            error={errors.reason}
          />
          <TextArea
            label={t('classification.flag.noteLabel')}
            hint={t('classification.flag.noteHint')}
            value={note}
            onChange={setNote}
            maxLength={NOTE_MAX}
            required
            error={errors.note}
          />
        </ActionDialog>
      )}
    </>
  );
}
