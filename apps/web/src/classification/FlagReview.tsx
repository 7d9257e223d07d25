import { useState } from 'react';
import { useFlagReview, type FlagReviewInput } from '../api/classification-queries';
import type { AppAbility } from '@varna/authz/core';
import type { OrgUnit } from '../api/types';
import type { Classification, InformationSet } from '../api/register-types';
import { useSignedIn } from '../auth/session';
import { ActionDialog } from '../components/ActionDialog';
import { RadioGroup, TextArea } from '../components/fields';
import { formatDateTime, useI18n } from '../i18n/i18n';
import { useNotice } from '../layout/notice';
import { classificationSubject } from './classification-model';
import { REVIEW_TRIGGER_KEYS } from './labels';

const NOTE_MAX = 2000;

/**
 * BR-B5 (D-54): whoever may update the decision in force flags it for review — the CISO (a legal
 * change or manually), a samordnare whose scope covers the set (manually) — as the API decides it.
 */
export const mayFlagReview = (
  ability: AppAbility,
  inForce: Classification,
  units: ReadonlyMap<string, Pick<OrgUnit, 'path'>>,
  tenantId: string,
): boolean => ability.can('update', classificationSubject(inForce, units, tenantId));

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

/**
 * "Flagga för omprövning" (BR-B5) for the set's decision, shown by the caller's `update` on it
 * (ClassificationSection): the CISO picks a legal change or manually; a samordnare covering the set
 * flags manually only (the API keeps LEGAL_CHANGE for the CISO's role).
 */
export function FlagReviewButton({ set }: { set: InformationSet }) {
  const { t } = useI18n();
  const { me } = useSignedIn();
  const { announce } = useNotice();
  const flag = useFlagReview();
  // LEGAL_CHANGE is the CISO's own (the API checks the role); MANUAL is open to whoever may update.
  const legalChange = me.roles.includes('CISO');
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState<FlagReviewInput['reason'] | ''>(legalChange ? '' : 'MANUAL');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<{ reason?: string; note?: string }>({});
  const close = () => {
    setOpen(false);
    setReason(legalChange ? '' : 'MANUAL');
    setNote('');
    setErrors({});
  };
  return (
    <>
      <button type="button" className="button button--secondary" onClick={() => setOpen(true)}>
        {t(legalChange ? 'classification.flag.button' : 'classification.flag.buttonManual')}
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
          {legalChange ? (
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
          ) : (
            <p data-flag-reason="MANUAL">
              {t('classification.flag.reasonFixed', { reason: t('classification.trigger.MANUAL') })}
            </p>
          )}
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
