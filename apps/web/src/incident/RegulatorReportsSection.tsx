import { useState } from 'react';
import { useIntermediateRequest } from '../api/clock-rules-queries';
import { useObligations } from '../api/incident-queries';
import type { HandledIncident, OrgUnit, RegulatoryObligation, RegulatoryRegime } from '../api/types';
import { useSignedIn } from '../auth/session';
import { ActionDialog } from '../components/ActionDialog';
import { TextArea, TextField } from '../components/fields';
import { formatDateTime, useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { useNotice } from '../layout/notice';
import { incidentSubject, obligationSubject } from './incident-model';
import { fromStockholmInput, toStockholmInput } from './time';

/** The regulator drafts (ADR 0013, 0015): which regime each is for, and when it is offered. */
const DRAFTS: {
  file: string;
  regime: RegulatoryRegime;
  label: MessageKey;
  /** Offered only once a stage of this kind exists (the CSIRT asked; the incident was ongoing). */
  needs?: RegulatoryObligation['stage'];
}[] = [
  { file: 'imy-notification', regime: 'GDPR_ART33_IMY', label: 'drafts.imyNotification' },
  { file: 'csirt-early-warning', regime: 'CYBER_ACT', label: 'drafts.csirtEarlyWarning' },
  { file: 'csirt-notification', regime: 'CYBER_ACT', label: 'drafts.csirtNotification' },
  {
    file: 'csirt-intermediate-report',
    regime: 'CYBER_ACT',
    label: 'drafts.csirtIntermediateReport',
    needs: 'INTERMEDIATE_REPORT',
  },
  {
    file: 'csirt-progress-report',
    regime: 'CYBER_ACT',
    label: 'drafts.csirtProgressReport',
    needs: 'PROGRESS_REPORT',
  },
  { file: 'csirt-final-report', regime: 'CYBER_ACT', label: 'drafts.csirtFinalReport' },
];

const OPEN: readonly HandledIncident['status'][] = ['REPORTED', 'TRIAGED', 'INVESTIGATING', 'ACTIONS'];

/**
 * Below the stages: the PDF drafts for the regimes that apply (for those who may export the incident
 * or prepare that notification, as the server decides) and the handler's "CSIRT begär delrapport"
 * while the cyber act applies (D-60).
 */
export function RegulatorReportsSection({
  incident,
  unit,
}: {
  incident: HandledIncident;
  unit: OrgUnit | undefined;
}) {
  const { t } = useI18n();
  const { me, ability } = useSignedIn();
  const mayRead = ability.can('read', 'RegulatoryObligation');
  const obligations = useObligations(incident.id, mayRead);
  const [asking, setAsking] = useState(false);
  const items = obligations.data?.items ?? [];
  const mayExport = ability.can('export', incidentSubject(incident, me.tenant.id, unit));
  const applies = (regime: RegulatoryRegime) => items.some((o) => o.regime === regime && o.regimeApplies);
  const drafts = DRAFTS.filter(
    (d) =>
      applies(d.regime) &&
      (!d.needs || items.some((o) => o.regime === d.regime && o.stage === d.needs)) &&
      (mayExport ||
        items.some(
          (o) =>
            o.regime === d.regime &&
            ability.can('update', obligationSubject(o, incident, me.tenant.id, unit, o.decision)),
        )),
  );
  const mayAsk =
    applies('CYBER_ACT') &&
    OPEN.includes(incident.status) &&
    ability.can('update', incidentSubject(incident, me.tenant.id, unit));
  if (!mayRead || (drafts.length === 0 && !mayAsk)) return null;
  return (
    <section aria-labelledby="regulator-reports-title" data-section="regulator-reports">
      <h2 id="regulator-reports-title">{t('drafts.title')}</h2>
      {drafts.length > 0 && (
        <>
          <p>{t('drafts.lead')}</p>
          <ul className="draft-links">
            {drafts.map((d) => (
              <li key={d.file}>
                <a
                  href={`/api/incidents/${encodeURIComponent(incident.id)}/drafts/${d.file}.pdf`}
                  download
                  data-draft={d.file}
                >
                  {t(d.label)}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
      {mayAsk && (
        <div className="actions">
          <button type="button" className="button button--secondary" onClick={() => setAsking(true)}>
            {t('intermediate.action')}
          </button>
        </div>
      )}
      {asking && <IntermediateRequestDialog incident={incident} onClose={() => setAsking(false)} />}
    </section>
  );
}

/** Later than this device's clock allows (the field shows minutes: one minute of slack). */
const inFuture = (iso: string) => Date.parse(iso) > Date.now() + 60_000;

function IntermediateRequestDialog({
  incident,
  onClose,
}: {
  incident: HandledIncident;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { announce } = useNotice();
  const request = useIntermediateRequest();
  const [requestedAt, setRequestedAt] = useState(() => toStockholmInput(new Date()));
  const [deadlineAt, setDeadlineAt] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, MessageKey | undefined>>({});
  const requested = fromStockholmInput(requestedAt);
  const deadline = deadlineAt ? fromStockholmInput(deadlineAt) : null;
  const validate = () => {
    const next: Record<string, MessageKey | undefined> = {
      requestedAt: !requested
        ? 'report.error.timeInvalid'
        : inFuture(requested)
          ? 'report.error.timeInFuture'
          : undefined,
      deadlineAt: !deadline
        ? 'intermediate.deadlineRequired'
        : requested && Date.parse(deadline) <= Date.parse(requested)
          ? 'intermediate.deadlineAfter'
          : undefined,
    };
    setErrors(next);
    return !Object.values(next).some(Boolean);
  };
  const err = (key: string) => (errors[key] ? t(errors[key]) : undefined);
  return (
    <ActionDialog
      title={t('intermediate.title')}
      onClose={onClose}
      validate={validate}
      confirmLabel={t('intermediate.confirm')}
      summary={
        <p>
          {t('intermediate.summary', {
            requested: requested ? formatDateTime(requested) : '',
            deadline: deadline ? formatDateTime(deadline) : '',
          })}
        </p>
      }
      onConfirm={async () => {
        if (!requested || !deadline) return;
        await request.mutateAsync({
          incidentId: incident.id,
          requestedAt: requested,
          deadlineAt: deadline,
          ...(note.trim() ? { note: note.trim() } : {}),
        });
        announce(t('intermediate.done'));
        onClose();
      }}
    >
      <TextField
        type="datetime-local"
        label={t('intermediate.requestedAt')}
        hint={t('obligations.submittedAtHint')}
        value={requestedAt}
        onChange={setRequestedAt}
        required
        error={err('requestedAt')}
      />
      <TextField
        type="datetime-local"
        label={t('intermediate.deadlineAt')}
        value={deadlineAt}
        onChange={setDeadlineAt}
        required
        error={err('deadlineAt')}
      />
      <TextArea label={t('intermediate.note')} value={note} onChange={setNote} maxLength={2000} />
    </ActionDialog>
  );
}
