import { useState } from 'react';
import { useTransition, useUpdateIncident } from '../api/incident-queries';
import {
  type HandledIncident,
  ROOT_CAUSE_CATEGORIES,
  type RootCauseCategory,
  type TransitionTarget,
} from '../api/types';
import { ActionDialog } from '../components/ActionDialog';
import { SelectField, TextArea } from '../components/fields';
import { useI18n } from '../i18n/i18n';
import { INCIDENT_STATUS_KEYS, ROOT_CAUSE_KEYS } from '../i18n/labels';
import type { MessageKey } from '../i18n/messages';
import { useNotice } from '../layout/notice';

const TRANSITION_KEYS: Record<TransitionTarget, MessageKey> = {
  INVESTIGATING: 'transition.INVESTIGATING',
  ACTIONS: 'transition.ACTIONS',
  CLOSED: 'transition.CLOSED',
  REJECTED: 'transition.REJECTED',
};

/** A closed incident goes back to INVESTIGATING: that is a reopening (with reason). */
const buttonLabel = (i: HandledIncident, to: TransitionTarget): MessageKey =>
  i.status === 'CLOSED' && to === 'INVESTIGATING' ? 'transition.reopen' : TRANSITION_KEYS[to];

/** The steps the server offers this caller (`allowedTransitions`), each through a confirmation. */
export function TransitionActions({ incident }: { incident: HandledIncident }) {
  const { t } = useI18n();
  const [open, setOpen] = useState<TransitionTarget | null>(null);
  return (
    <section aria-labelledby="transition-title" data-section="transitions">
      <h2 id="transition-title">{t('incidentPage.actions')}</h2>
      <div className="actions">
        {incident.allowedTransitions.map((to) => (
          <button
            key={to}
            type="button"
            className={to === 'REJECTED' ? 'button button--danger-outline' : 'button button--secondary'}
            onClick={() => setOpen(to)}
          >
            {t(buttonLabel(incident, to))}
          </button>
        ))}
      </div>
      {open && <TransitionDialog incident={incident} to={open} onClose={() => setOpen(null)} />}
    </section>
  );
}

function TransitionDialog({
  incident,
  to,
  onClose,
}: {
  incident: HandledIncident;
  to: TransitionTarget;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { announce } = useNotice();
  const transition = useTransition();
  const update = useUpdateIncident();
  const reopening = incident.status === 'CLOSED';
  const needsReason = to === 'REJECTED' || reopening;
  const closing = to === 'CLOSED';
  const [reason, setReason] = useState('');
  const [category, setCategory] = useState<RootCauseCategory | ''>(incident.rootCauseCategory ?? '');
  const [rootCause, setRootCause] = useState(incident.rootCause ?? '');
  const [lessons, setLessons] = useState(incident.lessonsLearned ?? '');
  // A breach's Art. 33(5) log completes when facts, consequences and measures are recorded.
  const breach = incident.type === 'PERSONAL_DATA_BREACH';
  const [consequences, setConsequences] = useState(incident.consequences ?? '');
  const [measures, setMeasures] = useState(incident.measures ?? '');
  const [errors, setErrors] = useState<Record<string, MessageKey | undefined>>({});
  const analysisRequired =
    incident.type === 'PERSONAL_DATA_BREACH' || (incident.severity !== null && incident.severity !== 'LOW');

  const validate = () => {
    const next: Record<string, MessageKey | undefined> = {
      reason: needsReason && !reason.trim() ? 'transition.reasonRequired' : undefined,
      rootCause:
        closing && analysisRequired && !rootCause.trim() ? 'transition.rootCauseRequired' : undefined,
      lessons: closing && analysisRequired && !lessons.trim() ? 'transition.lessonsRequired' : undefined,
    };
    setErrors(next);
    return !Object.values(next).some(Boolean);
  };

  const err = (key: string) => (errors[key] ? t(errors[key]) : undefined);
  const from = t(INCIDENT_STATUS_KEYS[incident.status]);
  const target = t(INCIDENT_STATUS_KEYS[to]);
  return (
    <ActionDialog
      title={t(buttonLabel(incident, to))}
      onClose={onClose}
      validate={validate}
      danger={to === 'REJECTED'}
      confirmLabel={t(buttonLabel(incident, to))}
      summary={
        <>
          <p>{t('transition.summary', { number: incident.number, from, to: target })}</p>
          {needsReason && <p>{reason.trim()}</p>}
        </>
      }
      onConfirm={async () => {
        let version = incident.version;
        if (closing) {
          // The analysis first (a PATCH), then the step: each is its own command on the server.
          const analysis = {
            rootCauseCategory: category || null,
            rootCause: rootCause.trim() || null,
            lessonsLearned: lessons.trim() || null,
            ...(breach
              ? { consequences: consequences.trim() || null, measures: measures.trim() || null }
              : {}),
          };
          const changed = (Object.keys(analysis) as (keyof typeof analysis)[]).some(
            (key) => analysis[key] !== incident[key],
          );
          if (changed) {
            const saved = await update.mutateAsync({ id: incident.id, version, ...analysis });
            version = saved.version;
          }
        }
        const saved = await transition.mutateAsync({
          id: incident.id,
          version,
          to,
          ...(needsReason ? { reason: reason.trim() } : {}),
        });
        announce(t('transition.done', { status: t(INCIDENT_STATUS_KEYS[saved.status]) }));
        onClose();
      }}
    >
      {needsReason && (
        <TextArea
          label={t('transition.reason')}
          hint={to === 'REJECTED' ? t('transition.rejectHint') : undefined}
          value={reason}
          onChange={setReason}
          maxLength={2000}
          required
          error={err('reason')}
        />
      )}
      {closing && (
        <>
          <p>{t('transition.closeLead')}</p>
          <SelectField
            label={t('incident.field.rootCauseCategory')}
            value={category}
            onChange={(v) => setCategory(v as RootCauseCategory)}
          >
            <option value="">{t('transition.chooseRootCause')}</option>
            {ROOT_CAUSE_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(ROOT_CAUSE_KEYS[c])}
              </option>
            ))}
          </SelectField>
          <TextArea
            label={t('incident.field.rootCause')}
            value={rootCause}
            onChange={setRootCause}
            error={err('rootCause')}
          />
          <TextArea
            label={t('incident.field.lessonsLearned')}
            value={lessons}
            onChange={setLessons}
            error={err('lessons')}
          />
          {breach && (
            <>
              <TextArea
                label={t('incident.field.consequences')}
                hint={t('transition.breachLogHint')}
                value={consequences}
                onChange={setConsequences}
              />
              <TextArea label={t('incident.field.measures')} value={measures} onChange={setMeasures} />
            </>
          )}
        </>
      )}
    </ActionDialog>
  );
}
