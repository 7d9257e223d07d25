import { useState } from 'react';
import {
  useObligationNotRequired,
  useObligations,
  useSubmitObligation,
  useWithdrawObligation,
} from '../api/incident-queries';
import { usePersons } from '../api/queries';
import {
  ART34_EXEMPTIONS,
  type Art34Exemption,
  type HandledIncident,
  type OrgUnit,
  type RegulatoryObligation,
} from '../api/types';
import { useSignedIn } from '../auth/session';
import { ActionDialog } from '../components/ActionDialog';
import { QueryView } from '../components/ErrorState';
import { Fact } from '../components/Fact';
import { SelectField, TextArea, TextField } from '../components/fields';
import { formatDateTime, useI18n } from '../i18n/i18n';
import { ART34_KEYS, OBLIGATION_STATUS_KEYS, REGIME_KEYS, STAGE_KEYS } from '../i18n/labels';
import type { MessageKey } from '../i18n/messages';
import { useNotice } from '../layout/notice';
import { obligationSubject } from './incident-model';
import { formatSpan, fromStockholmInput, toStockholmInput } from './time';

type Decision = 'submit' | 'notRequired' | 'withdraw';

/** Later than this device's clock allows (the field shows minutes: one minute of slack). */
const inFuture = (iso: string) => Date.parse(iso) > Date.now() + 60_000;

/** The regime and stage in words, e.g. "Anmälan till IMY (GDPR art. 33) – Anmälan". */
function useStageName() {
  const { t } = useI18n();
  return (o: RegulatoryObligation) => `${t(REGIME_KEYS[o.regime])} – ${t(STAGE_KEYS[o.stage])}`;
}

/**
 * The regulator clock stages (§4d): deadline in Europe/Stockholm, time left, the status the server
 * computed at the request (refreshed every minute while the page is open), and the decisions the
 * caller's rules allow on the stage as it will be (D-07).
 */
export function ObligationsSection({
  incident,
  unit,
}: {
  incident: HandledIncident;
  unit: OrgUnit | undefined;
}) {
  const { t } = useI18n();
  const { ability } = useSignedIn();
  const mayRead = ability.can('read', 'RegulatoryObligation');
  const obligations = useObligations(incident.id, mayRead);
  const [open, setOpen] = useState<{ o: RegulatoryObligation; decision: Decision } | null>(null);
  if (!mayRead) return null;
  return (
    <section aria-labelledby="obligations-title" data-section="obligations">
      <h2 id="obligations-title">{t('obligations.title')}</h2>
      <QueryView query={obligations}>
        {({ items }) =>
          items.length === 0 ? (
            <p>{t('obligations.empty')}</p>
          ) : (
            <ul className="obligations">
              {items.map((o) => (
                <ObligationItem
                  key={o.id}
                  o={o}
                  incident={incident}
                  unit={unit}
                  onDecide={(decision) => setOpen({ o, decision })}
                />
              ))}
            </ul>
          )
        }
      </QueryView>
      {open?.decision === 'submit' && <SubmitDialog o={open.o} onClose={() => setOpen(null)} />}
      {open && open.decision !== 'submit' && (
        <DispositionDialog o={open.o} decision={open.decision} onClose={() => setOpen(null)} />
      )}
    </section>
  );
}

function ObligationItem({
  o,
  incident,
  unit,
  onDecide,
}: {
  o: RegulatoryObligation;
  incident: HandledIncident;
  unit: OrgUnit | undefined;
  onDecide: (decision: Decision) => void;
}) {
  const { t } = useI18n();
  const { me, ability } = useSignedIn();
  const stageName = useStageName();
  const as = (decision: RegulatoryObligation['decision']) =>
    obligationSubject(o, incident, me.tenant.id, unit, decision);
  const openStage = o.decision === null;
  // The Art. 33(5) log completes itself when the facts are recorded; it is never decided by hand.
  const manual = o.regime !== 'GDPR_ART33_5_LOG';
  const maySubmit = openStage && manual && o.regimeApplies && ability.can('approve', as('SUBMITTED'));
  const mayWaive = openStage && manual && o.regimeApplies && ability.can('approve', as('NOT_REQUIRED'));
  const mayWithdraw = openStage && !o.regimeApplies && ability.can('approve', as('WITHDRAWN'));
  const dueLabel: MessageKey = o.clock === 'TARGET' ? 'obligations.target' : 'obligations.deadline';
  // Who decided it is not required (D-07: the DPO, the verksamhetsansvarig or the CISO) and when.
  const decidedNotRequired = o.decision === 'NOT_REQUIRED' && o.decidedById !== null;
  const deciders = usePersons(decidedNotRequired && o.decidedById ? [o.decidedById] : [], decidedNotRequired);
  return (
    <li className="obligation" data-regime={o.regime} data-stage={o.stage} data-status={o.status}>
      <h3 className="obligation__title">{stageName(o)}</h3>
      <p>
        <span className={`status-badge status-badge--${o.status.toLowerCase()}`} data-field="status">
          {t(OBLIGATION_STATUS_KEYS[o.status])}
        </span>
      </p>
      <dl className="facts">
        <Fact label={t('obligations.receiver')} value={o.receiverLabel} />
        <Fact
          label={o.dueAt ? t(dueLabel) : t('obligations.deadline')}
          value={o.dueAt ? formatDateTime(o.dueAt) : t('obligations.noDeadline')}
          field="due"
        />
        {openStage && o.timeLeftSeconds !== null && (
          <Fact
            label={t('obligations.remaining')}
            value={
              o.timeLeftSeconds >= 0
                ? t('obligations.timeLeft', { time: formatSpan(o.timeLeftSeconds) })
                : t('obligations.overdueBy', { time: formatSpan(o.timeLeftSeconds) })
            }
            field="timeLeft"
          />
        )}
      </dl>
      {o.submittedAt && <p>{t('obligations.submittedAt', { date: formatDateTime(o.submittedAt) })}</p>}
      {o.externalReference && <p>{t('obligations.reference', { reference: o.externalReference })}</p>}
      {decidedNotRequired && (
        <p data-field="decidedBy">
          {t('obligations.decidedNotRequired', {
            name: (o.decidedById && deciders.get(o.decidedById)?.displayName) || t('incident.none'),
            date: o.decidedAt ? formatDateTime(o.decidedAt) : t('incident.none'),
          })}
        </p>
      )}
      {o.notRequiredReason && <p>{t('obligations.notRequiredReason', { reason: o.notRequiredReason })}</p>}
      {openStage && !o.regimeApplies && <p className="warning">{t('obligations.noLongerApplies')}</p>}
      {(maySubmit || mayWaive || mayWithdraw) && (
        <div className="actions">
          {maySubmit && (
            <button type="button" className="button" onClick={() => onDecide('submit')}>
              {t('obligations.submit')}
            </button>
          )}
          {mayWaive && (
            <button
              type="button"
              className="button button--secondary"
              onClick={() => onDecide('notRequired')}
            >
              {t('obligations.notRequired')}
            </button>
          )}
          {mayWithdraw && (
            <button type="button" className="button button--secondary" onClick={() => onDecide('withdraw')}>
              {t('obligations.withdraw')}
            </button>
          )}
        </div>
      )}
    </li>
  );
}

function SubmitDialog({ o, onClose }: { o: RegulatoryObligation; onClose: () => void }) {
  const { t } = useI18n();
  const { announce } = useNotice();
  const stageName = useStageName();
  const submit = useSubmitObligation();
  const [submittedAt, setSubmittedAt] = useState(() => toStockholmInput(new Date()));
  const [reference, setReference] = useState('');
  const [lateReason, setLateReason] = useState('');
  const [decisionAt, setDecisionAt] = useState('');
  const [errors, setErrors] = useState<Record<string, MessageKey | undefined>>({});
  const at = fromStockholmInput(submittedAt);
  const late = Boolean(at && o.dueAt && Date.parse(at) > Date.parse(o.dueAt));
  const fromDecision = o.anchor === 'DECISION_DATE';

  const validate = () => {
    const decision = decisionAt ? fromStockholmInput(decisionAt) : null;
    const next: Record<string, MessageKey | undefined> = {
      submittedAt: !at ? 'report.error.timeInvalid' : inFuture(at) ? 'report.error.timeInFuture' : undefined,
      lateReason:
        late && o.clock === 'DEADLINE' && !lateReason.trim() ? 'obligations.lateReasonRequired' : undefined,
      decisionAt: decisionAt && !decision ? 'report.error.timeInvalid' : undefined,
    };
    setErrors(next);
    return !Object.values(next).some(Boolean);
  };
  const err = (key: string) => (errors[key] ? t(errors[key]) : undefined);
  return (
    <ActionDialog
      title={t('obligations.submitTitle', { stage: stageName(o) })}
      onClose={onClose}
      validate={validate}
      confirmLabel={t('obligations.submitConfirm')}
      summary={
        <p>{t('obligations.submitSummary', { stage: stageName(o), date: at ? formatDateTime(at) : '' })}</p>
      }
      onConfirm={async () => {
        const decision = decisionAt ? fromStockholmInput(decisionAt) : null;
        await submit.mutateAsync({
          incidentId: o.incidentId,
          id: o.id,
          version: o.version,
          ...(at ? { submittedAt: at } : {}),
          ...(reference.trim() ? { externalReference: reference.trim() } : {}),
          ...(late && lateReason.trim() ? { lateReason: lateReason.trim() } : {}),
          ...(fromDecision && decision ? { decisionAt: decision } : {}),
        });
        announce(t('obligations.submitted'));
        onClose();
      }}
    >
      <TextField
        type="datetime-local"
        label={t('obligations.submittedAtField')}
        hint={t('obligations.submittedAtHint')}
        value={submittedAt}
        onChange={setSubmittedAt}
        required
        error={err('submittedAt')}
      />
      <TextField
        label={t('obligations.referenceField')}
        value={reference}
        onChange={setReference}
        maxLength={100}
      />
      {late && (
        <TextArea
          label={t('obligations.lateReason')}
          hint={t('obligations.lateReasonHint')}
          value={lateReason}
          onChange={setLateReason}
          maxLength={2000}
          required={o.clock === 'DEADLINE'}
          error={err('lateReason')}
        />
      )}
      {fromDecision && (
        <TextField
          type="datetime-local"
          label={t('obligations.decisionAt')}
          value={decisionAt}
          onChange={setDecisionAt}
          error={err('decisionAt')}
        />
      )}
    </ActionDialog>
  );
}

function DispositionDialog({
  o,
  decision,
  onClose,
}: {
  o: RegulatoryObligation;
  decision: 'notRequired' | 'withdraw';
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { announce } = useNotice();
  const stageName = useStageName();
  const notRequired = useObligationNotRequired();
  const withdraw = useWithdrawObligation();
  const [reason, setReason] = useState('');
  const [art34, setArt34] = useState<Art34Exemption | ''>('');
  const [errors, setErrors] = useState<Record<string, MessageKey | undefined>>({});
  const needsArt34 = decision === 'notRequired' && o.regime === 'GDPR_ART34_SUBJECTS';
  const validate = () => {
    const next: Record<string, MessageKey | undefined> = {
      reason: reason.trim() ? undefined : 'obligations.reasonRequired',
      art34: needsArt34 && !art34 ? 'obligations.art34Required' : undefined,
    };
    setErrors(next);
    return !Object.values(next).some(Boolean);
  };
  const err = (key: string) => (errors[key] ? t(errors[key]) : undefined);
  const waiving = decision === 'notRequired';
  const words = { stage: stageName(o), reason: reason.trim() };
  return (
    <ActionDialog
      title={waiving ? t('obligations.notRequiredTitle', words) : t('obligations.withdrawTitle', words)}
      onClose={onClose}
      validate={validate}
      confirmLabel={waiving ? t('obligations.notRequiredConfirm') : t('obligations.withdrawConfirm')}
      summary={
        <p>
          {waiving ? t('obligations.notRequiredSummary', words) : t('obligations.withdrawSummary', words)}
        </p>
      }
      onConfirm={async () => {
        const input = {
          incidentId: o.incidentId,
          id: o.id,
          version: o.version,
          reason: reason.trim(),
          ...(needsArt34 && art34 ? { art34Exemption: art34 } : {}),
        };
        await (waiving ? notRequired : withdraw).mutateAsync(input);
        announce(waiving ? t('obligations.notRequiredDone') : t('obligations.withdrawDone'));
        onClose();
      }}
    >
      <TextArea
        label={t('obligations.reason')}
        value={reason}
        onChange={setReason}
        maxLength={2000}
        required
        error={err('reason')}
      />
      {needsArt34 && (
        <SelectField
          label={t('obligations.art34')}
          value={art34}
          onChange={(v) => setArt34(v as Art34Exemption)}
          required
          error={err('art34')}
        >
          <option value="">{t('obligations.chooseArt34')}</option>
          {ART34_EXEMPTIONS.map((a) => (
            <option key={a} value={a}>
              {t(ART34_KEYS[a])}
            </option>
          ))}
        </SelectField>
      )}
    </ActionDialog>
  );
}
