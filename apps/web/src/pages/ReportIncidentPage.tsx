import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../api/client';
import { incidentKeys, reportIncident } from '../api/incident-queries';
import { useOrgUnitList } from '../api/queries';
import { type Incident, TRI_STATES, type TriState } from '../api/types';
import { useSignedIn } from '../auth/session';
import { ErrorState, Loading } from '../components/ErrorState';
import { RadioGroup, SelectField, TextArea, TextField } from '../components/fields';
import { PageHeading } from '../components/PageHeading';
import { useI18n } from '../i18n/i18n';
import { errorMessage, TRI_STATE_KEYS } from '../i18n/labels';
import type { MessageKey } from '../i18n/messages';
import {
  DESCRIPTION_MAX,
  emptyReport,
  REPORT_FIELDS,
  reportBody,
  type ReportErrors,
  type ReportField,
  type ReportFormValues,
  serverFieldErrors,
  TITLE_MAX,
  validateReport,
} from '../incident/report-form';
import { checkAttachmentFile, uploadAttachment, uploadErrorKey } from '../incident/report-form-attachment';
import { FileField } from '../incident/AttachmentsSection';

const ATTACHMENT_ID = 'report-attachment';

/** What became of the optional file, told on the receipt (the report itself is already in). */
type AttachmentOutcome =
  { kind: 'attached'; name: string } | { kind: 'failed'; name: string; key: MessageKey };

/** The control each field's error links to (the first radio of a group). */
const FIELD_ID: Record<ReportField, string> = {
  description: 'report-description',
  title: 'report-title',
  occurredAt: 'report-occurred-at',
  discoveredAt: 'report-discovered-at',
  orgUnitId: 'report-unit',
  personalDataInvolved: 'report-personal-data',
  ongoing: 'report-ongoing',
};

const EXAMPLES: MessageKey[] = [
  'reportIncident.example.wrongRecipient',
  'reportIncident.example.wrongFile',
  'reportIncident.example.phishing',
  'reportIncident.example.lostPhone',
  'reportIncident.example.sharedLogin',
  'reportIncident.example.systemDown',
];

/** Why the last send failed: the fields to fix, a refusal in words, or "did not get through" (retry). */
type Failure = { kind: 'fields' } | { kind: 'refused'; error: unknown } | { kind: 'retry'; error: unknown };

/** A network failure or a server error: the report may or may not have arrived, so send the same again. */
const mayRetry = (error: unknown) => error instanceof ApiError && (error.status === 0 || error.status >= 500);

/**
 * The staff reporting form (D-23): one screen, about a minute. Nothing is kept on the device; the
 * form fill's Idempotency-Key makes a retry safe (the server returns the first report), and a new
 * key is made only for the next report.
 */
export function ReportIncidentPage() {
  const { t } = useI18n();
  const { me } = useSignedIn();
  const queryClient = useQueryClient();
  const home = me.person.homeOrgUnitId;
  const [values, setValues] = useState<ReportFormValues>(() => emptyReport(home));
  const [discoveredChanged, setDiscoveredChanged] = useState(false);
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  const [errors, setErrors] = useState<ReportErrors>({});
  const [failure, setFailure] = useState<Failure | null>(null);
  const [pending, setPending] = useState(false);
  const [receipt, setReceipt] = useState<Incident | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<MessageKey | null>(null);
  const [fileKey, setFileKey] = useState(0);
  const [attachment, setAttachment] = useState<AttachmentOutcome | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const receiptRef = useRef<HTMLHeadingElement>(null);
  const focusDescription = useRef(false);

  useEffect(() => {
    if (receipt) receiptRef.current?.focus();
  }, [receipt]);
  useEffect(() => {
    if (failure) summaryRef.current?.focus();
  }, [failure]);
  useEffect(() => {
    // After "Rapportera en till" the description takes the focus (not on the first visit).
    if (!receipt && focusDescription.current) document.getElementById(FIELD_ID.description)?.focus();
  }, [receipt]);

  const set = <K extends ReportField>(field: K, value: ReportFormValues[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
    if (errors[field]) setErrors((current) => ({ ...current, [field]: undefined }));
  };

  const send = async (toSend: ReportFormValues) => {
    setPending(true);
    try {
      const created = await reportIncident(reportBody(toSend, discoveredChanged), idempotencyKey);
      // The report is in: the file follows it; a refused file never loses the report.
      if (file) {
        try {
          await uploadAttachment(created.id, file);
          setAttachment({ kind: 'attached', name: file.name });
        } catch (error) {
          setAttachment({ kind: 'failed', name: file.name, key: uploadErrorKey(error) });
        }
      } else setAttachment(null);
      setFailure(null);
      setErrors({});
      setReceipt(created);
      await queryClient.invalidateQueries({ queryKey: incidentKeys.all });
    } catch (error) {
      if (mayRetry(error)) setFailure({ kind: 'retry', error });
      else if (error instanceof ApiError && fieldErrorsOf(error)) {
        setErrors(fieldErrorsOf(error) ?? {});
        setFailure({ kind: 'fields' });
      } else setFailure({ kind: 'refused', error });
    } finally {
      setPending(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (pending) return;
    const found = validateReport(values);
    setErrors(found);
    const badFile = file ? checkAttachmentFile(file) : null;
    setFileError(badFile);
    if (badFile && !Object.values(found).some(Boolean)) {
      document.getElementById(ATTACHMENT_ID)?.focus();
      return;
    }
    if (Object.values(found).some(Boolean)) {
      // A new object each time, so the summary takes the focus again.
      setFailure({ kind: 'fields' });
      return;
    }
    void send(values);
  };

  const another = () => {
    focusDescription.current = true;
    setValues(emptyReport(home));
    setDiscoveredChanged(false);
    setIdempotencyKey(crypto.randomUUID());
    setErrors({});
    setFailure(null);
    setReceipt(null);
    setFile(null);
    setFileError(null);
    setFileKey((k) => k + 1);
    setAttachment(null);
  };

  const listedErrors = REPORT_FIELDS.filter((f) => errors[f]);

  return (
    <section className="page page--report" data-page="report-incident">
      <PageHeading title={t('reportIncident.title')} />
      {receipt ? (
        <Receipt incident={receipt} attachment={attachment} headingRef={receiptRef} onAnother={another} />
      ) : (
        <div className="report-layout">
          <form noValidate onSubmit={submit} className="form report-form" aria-describedby="report-required">
            <p className="lead">{t('reportIncident.lead')}</p>
            <WhatIsAnIncident variant="disclosure" />
            <p id="report-required" className="muted">
              {t('reportIncident.required')}
            </p>
            {failure && (
              <div className="error-summary" ref={summaryRef} tabIndex={-1} data-failure={failure.kind}>
                {failure.kind === 'fields' && listedErrors.length > 0 && (
                  <>
                    <h2 className="error-summary__title">{t('reportIncident.errorSummary')}</h2>
                    <ul>
                      {listedErrors.map((field) => (
                        <li key={field}>
                          <a
                            href={`#${FIELD_ID[field]}`}
                            onClick={(event) => {
                              event.preventDefault();
                              document.getElementById(FIELD_ID[field])?.focus();
                            }}
                          >
                            {t(errors[field] as MessageKey)}
                          </a>
                        </li>
                      ))}
                    </ul>
                  </>
                )}
                {failure.kind === 'retry' && (
                  <>
                    <h2 className="error-summary__title">{t('reportIncident.notSent')}</h2>
                    <p>{t('reportIncident.notSentBody')}</p>
                    <p className="muted">{errorMessage(t, failure.error)}</p>
                    <button
                      type="button"
                      className="button"
                      disabled={pending}
                      onClick={() => void send(values)}
                    >
                      {pending ? t('reportIncident.sending') : t('reportIncident.retry')}
                    </button>
                  </>
                )}
                {failure.kind === 'refused' && <ErrorState error={failure.error} />}
              </div>
            )}
            <TextArea
              id={FIELD_ID.description}
              label={t('reportIncident.description')}
              hint={t('reportIncident.descriptionHint')}
              value={values.description}
              onChange={(v) => set('description', v)}
              maxLength={DESCRIPTION_MAX}
              rows={6}
              required
              error={errors.description && t(errors.description)}
            />
            <TextField
              id={FIELD_ID.title}
              label={t('reportIncident.titleField')}
              hint={t('reportIncident.titleHint')}
              value={values.title}
              onChange={(v) => set('title', v)}
              maxLength={TITLE_MAX}
              error={errors.title && t(errors.title)}
            />
            <TextField
              id={FIELD_ID.occurredAt}
              type="datetime-local"
              label={t('reportIncident.occurredAt')}
              hint={t('reportIncident.occurredAtHint')}
              value={values.occurredAt}
              onChange={(v) => set('occurredAt', v)}
              error={errors.occurredAt && t(errors.occurredAt)}
            />
            <TextField
              id={FIELD_ID.discoveredAt}
              type="datetime-local"
              label={t('reportIncident.discoveredAt')}
              hint={t('reportIncident.discoveredAtHint')}
              value={values.discoveredAt}
              onChange={(v) => {
                setDiscoveredChanged(true);
                set('discoveredAt', v);
              }}
              required
              error={errors.discoveredAt && t(errors.discoveredAt)}
            />
            <UnitPicker
              value={values.orgUnitId}
              onChange={(v) => set('orgUnitId', v)}
              error={errors.orgUnitId && t(errors.orgUnitId)}
            />
            <TriStateGroup
              id={FIELD_ID.personalDataInvolved}
              name="personalDataInvolved"
              legend={t('reportIncident.personalData')}
              hint={t('reportIncident.personalDataHint')}
              value={values.personalDataInvolved}
              onChange={(v) => set('personalDataInvolved', v)}
              error={errors.personalDataInvolved && t(errors.personalDataInvolved)}
            />
            <TriStateGroup
              id={FIELD_ID.ongoing}
              name="ongoing"
              legend={t('reportIncident.ongoing')}
              value={values.ongoing}
              onChange={(v) => set('ongoing', v)}
              error={errors.ongoing && t(errors.ongoing)}
            />
            <FileField
              key={fileKey}
              id={ATTACHMENT_ID}
              label={t('reportIncident.attachment')}
              file={file}
              error={fileError && t(fileError)}
              onChange={(chosen, error) => {
                setFile(chosen);
                setFileError(error);
              }}
            />
            <div className="form__actions">
              <button type="submit" className="button" disabled={pending}>
                {pending ? t('reportIncident.sending') : t('reportIncident.submit')}
              </button>
            </div>
          </form>
          <WhatIsAnIncident variant="panel" />
        </div>
      )}
    </section>
  );
}

/** The API's field errors (400) as the form's own words; null when the refusal is not about fields. */
function fieldErrorsOf(error: ApiError): ReportErrors | null {
  if (error.code === 'INCIDENT_UNIT_INVALID') return { orgUnitId: 'report.error.unitInvalid' };
  if (error.code === 'INCIDENT_TIME_INVALID' || error.code === 'VALIDATION_FAILED') {
    const fields = serverFieldErrors(error.details);
    if (fields.length === 0) return null;
    const message: MessageKey =
      error.code === 'INCIDENT_TIME_INVALID' ? 'report.error.timeRejected' : 'report.error.fieldRejected';
    return Object.fromEntries(fields.map((f) => [f, message]));
  }
  return null;
}

function TriStateGroup(props: {
  id: string;
  name: string;
  legend: string;
  hint?: string;
  value: TriState | '';
  onChange: (value: TriState) => void;
  error?: string;
}) {
  const { t } = useI18n();
  const options = TRI_STATES.map((value) => ({ value, label: t(TRI_STATE_KEYS[value]) }));
  return <RadioGroup {...props} options={options} />;
}

/** "Var?": the active units, narrowed by a name search; the chosen unit stays in the list. */
function UnitPicker(props: { value: string; onChange: (id: string) => void; error?: string }) {
  const { t } = useI18n();
  const units = useOrgUnitList();
  const [q, setQ] = useState('');
  const options = useMemo(() => {
    const needle = q.trim().toLocaleLowerCase('sv-SE');
    return [...(units.data?.values() ?? [])]
      .filter((u) => u.status === 'ACTIVE')
      .filter(
        (u) =>
          u.id === props.value ||
          !needle ||
          [u.name, u.shortName, u.code].some((s) => s.toLocaleLowerCase('sv-SE').includes(needle)),
      )
      .sort((a, b) => a.name.localeCompare(b.name, 'sv-SE'));
  }, [units.data, q, props.value]);
  if (units.error) return <ErrorState error={units.error} onRetry={() => void units.refetch()} />;
  if (!units.data) return <Loading />;
  return (
    <div className="unit-picker">
      <TextField
        type="search"
        label={t('reportIncident.unitSearch')}
        hint={t('reportIncident.unitSearchHint')}
        value={q}
        onChange={setQ}
      />
      <SelectField
        id={FIELD_ID.orgUnitId}
        label={t('reportIncident.unit')}
        hint={t('reportIncident.unitHint')}
        value={props.value}
        onChange={props.onChange}
        required
        error={props.error}
      >
        {!props.value && <option value="">{t('report.error.unitRequired')}</option>}
        {options.map((u) => (
          <option key={u.id} value={u.id}>
            {u.name}
          </option>
        ))}
      </SelectField>
    </div>
  );
}

/** D-23's side panel: what an incident is, with the six examples; a disclosure on phones. */
function WhatIsAnIncident({ variant }: { variant: 'panel' | 'disclosure' }) {
  const { t } = useI18n();
  const body = (
    <>
      <p>{t('reportIncident.whatIsBody')}</p>
      <ul>
        {EXAMPLES.map((key) => (
          <li key={key}>{t(key)}</li>
        ))}
      </ul>
    </>
  );
  if (variant === 'disclosure') {
    return (
      <details className="what-is what-is--disclosure">
        <summary>{t('reportIncident.whatIsTitle')}</summary>
        {body}
      </details>
    );
  }
  return (
    <aside className="what-is what-is--panel" aria-labelledby="what-is-title">
      <h2 id="what-is-title">{t('reportIncident.whatIsTitle')}</h2>
      {body}
    </aside>
  );
}

function Receipt({
  incident,
  attachment,
  headingRef,
  onAnother,
}: {
  incident: Incident;
  attachment: AttachmentOutcome | null;
  headingRef: React.RefObject<HTMLHeadingElement | null>;
  onAnother: () => void;
}) {
  const { t } = useI18n();
  return (
    <div className="receipt" data-receipt={incident.number}>
      <h2 ref={headingRef} tabIndex={-1}>
        {t('reportIncident.receiptTitle')}
      </h2>
      <p className="receipt__number">{t('reportIncident.receiptNumber', { number: incident.number })}</p>
      <p className="muted">{t('reportIncident.receiptNumberHint')}</p>
      {attachment?.kind === 'attached' && (
        <p className="receipt__attachment" data-attachment="attached">
          {t('reportIncident.attachmentAttached', { name: attachment.name })}
        </p>
      )}
      {attachment?.kind === 'failed' && (
        <div className="warning" data-attachment="failed">
          <p>{t('reportIncident.attachmentFailed', { name: attachment.name })}</p>
          <p>{t(attachment.key)}</p>
        </div>
      )}
      <h3>{t('reportIncident.nextHeading')}</h3>
      <ul>
        <li>{t('reportIncident.next1')}</li>
        <li>{t('reportIncident.next2')}</li>
        <li>{t('reportIncident.next3')}</li>
      </ul>
      <p className="warning">{t('reportIncident.urgent')}</p>
      <div className="form__actions">
        <Link to="/mina-rapporter" className="button">
          {t('reportIncident.toMyReports')}
        </Link>
        <button type="button" className="button button--secondary" onClick={onAnother}>
          {t('reportIncident.another')}
        </button>
      </div>
    </div>
  );
}
