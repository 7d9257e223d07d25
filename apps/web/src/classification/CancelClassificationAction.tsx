import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useClassificationStep } from '../api/classification-queries';
import type { Classification, InformationSet } from '../api/register-types';
import type { OrgUnit } from '../api/types';
import { useSignedIn } from '../auth/session';
import { ActionDialog } from '../components/ActionDialog';
import { TextArea } from '../components/fields';
import { useI18n } from '../i18n/i18n';
import { useNotice } from '../layout/notice';
import { infoSetPath } from '../registers/register-model';
import { classificationSubject, OPEN_STATUSES } from './classification-model';

/**
 * "Avbryt utkast" (§4b DRAFT/PROPOSED → CANCELLED, samordnare or CISO): a required reason, then the
 * confirmation; POST /api/classifications/:id/cancel. Shown only to who may `update` the open
 * classification; afterwards the set's page, where a new classification can be started.
 */
export function CancelClassificationAction({
  set,
  classification,
  units,
}: {
  set: Pick<InformationSet, 'id' | 'code' | 'name'>;
  classification: Classification;
  units: ReadonlyMap<string, OrgUnit>;
}) {
  const { t } = useI18n();
  const { me, ability } = useSignedIn();
  const navigate = useNavigate();
  const { announce } = useNotice();
  const step = useClassificationStep();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const may =
    OPEN_STATUSES.includes(classification.status) &&
    ability.can('update', classificationSubject(classification, units, me.tenant.id));
  if (!may) return null;
  const label = t(
    classification.status === 'DRAFT' ? 'classification.cancel.draft' : 'classification.cancel.proposal',
  );

  return (
    <div className="actions" data-cancel-classification>
      <button type="button" className="button button--danger-outline" onClick={() => setOpen(true)}>
        {label}
      </button>
      {open && (
        <ActionDialog
          title={t('classification.cancel.title', { code: set.code })}
          onClose={() => setOpen(false)}
          danger
          validate={() => {
            const message = reason.trim() ? null : t('classification.cancel.reasonRequired');
            setError(message);
            return message === null;
          }}
          confirmLabel={label}
          summary={
            <>
              <p>{t('classification.cancel.summary', { name: `${set.code} ${set.name}` })}</p>
              <p>{t('classification.cancel.reasonShown', { reason: reason.trim() })}</p>
            </>
          }
          onConfirm={async () => {
            await step.mutateAsync({ id: classification.id, step: 'cancel', reason: reason.trim() });
            setOpen(false);
            announce(t('classification.cancel.done', { code: set.code }), infoSetPath(set.id));
            await navigate(infoSetPath(set.id));
          }}
        >
          <TextArea
            label={t('classification.cancel.reason')}
            hint={t('classification.cancel.reasonHint')}
            value={reason}
            onChange={setReason}
            required
            maxLength={2000}
            error={error}
          />
        </ActionDialog>
      )}
    </div>
  );
}
