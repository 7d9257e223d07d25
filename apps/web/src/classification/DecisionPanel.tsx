import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useClassificationStep } from '../api/classification-queries';
import type { Classification, InformationSet } from '../api/register-types';
import { ActionDialog } from '../components/ActionDialog';
import { TextArea, TextField } from '../components/fields';
import { formatDateTime, useI18n } from '../i18n/i18n';
import { useNotice } from '../layout/notice';
import { infoSetPath } from '../registers/register-model';
import { ASPECT_KEYS } from './labels';
import { LevelName } from './Levels';
import { ASPECTS } from './wizard-model';

type Decision = 'decide' | 'return' | 'special-handling';

/** The proposal (or draft) as the informationsägare reads it: level and motivation per aspect. */
export function ProposalView({
  classification,
  proposerName,
}: {
  classification: Classification;
  proposerName?: string;
}) {
  const { t } = useI18n();
  return (
    <>
      {classification.proposedAt && (
        <p>
          {t('classification.decision.proposedBy', {
            name: proposerName ?? t('classification.decision.theCoordinator'),
            at: formatDateTime(classification.proposedAt),
          })}
        </p>
      )}
      <dl className="summary" data-summary>
        {ASPECTS.map((a) => {
          const aspect = classification.aspects.find((x) => x.aspect === a);
          return (
            <div key={a} className="summary__row" data-aspect={a}>
              <dt>
                {t(ASPECT_KEYS[a])} ({a})
              </dt>
              <dd>
                <p className="summary__level">
                  <LevelName level={aspect?.level ?? null} />
                </p>
                <p>{aspect?.rationale ?? t('classification.wizard.noRationale')}</p>
              </dd>
            </div>
          );
        })}
      </dl>
    </>
  );
}

/**
 * The informationsägare's decision (§4b): decide with a diarienummer, return to the samordnare with a
 * comment, or route the set to special handling (level 4). Each is confirmed in words first.
 */
export function DecisionPanel({
  set,
  classification,
  mayDecide,
}: {
  set: InformationSet;
  classification: Classification;
  /** PROPOSED: decide and return; a draft may only go to special handling. */
  mayDecide: boolean;
}) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { announce } = useNotice();
  const step = useClassificationStep();
  const [open, setOpen] = useState<Decision | null>(null);
  const [diarienummer, setDiarienummer] = useState('');
  const [comment, setComment] = useState('');
  const [commentError, setCommentError] = useState<string | null>(null);
  const close = () => setOpen(null);
  const done = async (text: string) => {
    announce(text, infoSetPath(set.id));
    close();
    await navigate(infoSetPath(set.id));
  };
  const reference = diarienummer.trim() || undefined;

  return (
    <div className="decision" data-decision>
      <h2>{t('classification.decision.heading')}</h2>
      <p>{t(mayDecide ? 'classification.decision.lead' : 'classification.decision.draftLead')}</p>
      <div className="actions">
        {mayDecide && (
          <>
            <button type="button" className="button" onClick={() => setOpen('decide')}>
              {t('classification.decision.decide')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setOpen('return')}>
              {t('classification.decision.return')}
            </button>
          </>
        )}
        <button
          type="button"
          className="button button--danger-outline"
          onClick={() => setOpen('special-handling')}
        >
          {t('classification.decision.specialHandling')}
        </button>
      </div>

      {open === 'decide' && (
        <ActionDialog
          title={t('classification.decision.decideTitle', { code: set.code })}
          onClose={close}
          validate={() => true}
          confirmLabel={t('classification.decision.decide')}
          summary={
            <>
              <p>{t('classification.decision.decideSummary', { name: set.name })}</p>
              <ul>
                {ASPECTS.map((a) => (
                  <li key={a}>
                    {t(ASPECT_KEYS[a])}:{' '}
                    <LevelName level={classification.aspects.find((x) => x.aspect === a)?.level ?? null} />
                  </li>
                ))}
              </ul>
              <p>
                {reference
                  ? t('classification.decision.withReference', { ref: reference })
                  : t('classification.decision.withoutReference')}
              </p>
            </>
          }
          onConfirm={async () => {
            await step.mutateAsync({ id: classification.id, step: 'decide', diarienummer: reference });
            await done(t('classification.decision.decided', { code: set.code }));
          }}
        >
          <TextField
            label={t('classification.diarienummer')}
            hint={t('classification.decision.diarienummerHint')}
            value={diarienummer}
            onChange={setDiarienummer}
            maxLength={60}
          />
        </ActionDialog>
      )}

      {open === 'return' && (
        <ActionDialog
          title={t('classification.decision.returnTitle', { code: set.code })}
          onClose={close}
          validate={() => {
            const error = comment.trim() ? null : t('classification.decision.commentRequired');
            setCommentError(error);
            return error === null;
          }}
          confirmLabel={t('classification.decision.return')}
          summary={<p>{t('classification.decision.returnSummary', { comment: comment.trim() })}</p>}
          onConfirm={async () => {
            await step.mutateAsync({ id: classification.id, step: 'return', returnComment: comment.trim() });
            await done(t('classification.decision.returnedDone', { code: set.code }));
          }}
        >
          <TextArea
            label={t('classification.decision.comment')}
            hint={t('classification.decision.commentHint')}
            value={comment}
            onChange={setComment}
            required
            error={commentError}
          />
        </ActionDialog>
      )}

      {open === 'special-handling' && (
        <ActionDialog
          title={t('classification.decision.specialHandlingTitle', { code: set.code })}
          onClose={close}
          validate={() => true}
          danger
          confirmLabel={t('classification.decision.specialHandling')}
          summary={<p>{t('classification.decision.specialHandlingSummary', { name: set.name })}</p>}
          onConfirm={async () => {
            await step.mutateAsync({
              id: classification.id,
              step: 'special-handling',
              diarienummer: reference,
            });
            await done(t('classification.decision.specialHandlingDone', { code: set.code }));
          }}
        >
          <TextField
            label={t('classification.diarienummer')}
            hint={t('classification.decision.diarienummerHint')}
            value={diarienummer}
            onChange={setDiarienummer}
            maxLength={60}
          />
        </ActionDialog>
      )}
    </div>
  );
}
