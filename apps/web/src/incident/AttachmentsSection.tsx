import { subject } from '@casl/ability';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api } from '../api/client';
import type { HandledIncident, OrgUnit } from '../api/types';
import { useSignedIn } from '../auth/session';
import { ErrorState, QueryView } from '../components/ErrorState';
import { formatDateTime, useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { useNotice } from '../layout/notice';
import {
  ATTACHMENT_ACCEPT,
  type Attachment,
  attachmentPath,
  checkAttachmentFile,
  formatFileSize,
  uploadAttachment,
  uploadErrorKey,
} from './report-form-attachment';

const attachmentKeys = (incidentId: string) => ['incidents', 'attachments', incidentId] as const;

/** The subject the attachment rules look at (libs/authz subjects.ts IncidentAttachmentSubject). */
function attachmentSubject(
  i: HandledIncident,
  tenantId: string,
  unit: OrgUnit | undefined,
  uploadedById = '',
) {
  return subject('IncidentAttachment', {
    id: '',
    tenantId,
    incidentId: i.id,
    orgUnitId: i.orgUnitId,
    orgUnitPath: unit?.path ?? [i.orgUnitId],
    incidentType: i.type,
    incidentReporterId: i.reporterId ?? '',
    uploadedById,
  });
}

/**
 * The optional file input of a form: the allowed types, checked here (size, type) before anything
 * is sent; the server checks the same again and the first bytes.
 */
export function FileField({
  id,
  label,
  hint,
  file,
  error,
  onChange,
}: {
  id: string;
  label: string;
  hint?: string;
  file: File | null;
  error?: string | null;
  onChange: (file: File | null, error: MessageKey | null) => void;
}) {
  const { t } = useI18n();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div className="field">
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <span id={hintId} className="field__hint">
        {hint ?? t('attachment.hint', { max: formatFileSize(10 * 1024 * 1024) })}
      </span>
      {error && (
        <span id={errorId} className="field__error" data-error="attachment">
          {error}
        </span>
      )}
      <input
        id={id}
        type="file"
        className="field__input field__input--file"
        accept={ATTACHMENT_ACCEPT}
        aria-invalid={error ? true : undefined}
        aria-describedby={[hintId, error ? errorId : ''].filter(Boolean).join(' ')}
        onChange={(event) => {
          const chosen = event.target.files?.[0] ?? null;
          onChange(chosen, chosen ? checkAttachmentFile(chosen) : null);
        }}
      />
      {file && !error && (
        <span className="muted" data-chosen-file>
          {t('attachment.chosen', { name: file.name, size: formatFileSize(file.size) })}
        </span>
      )}
    </div>
  );
}

/** "Bilagor": the incident's files with a download link, and an upload for those the rules allow. */
export function AttachmentsSection({
  incident,
  unit,
}: {
  incident: HandledIncident;
  unit: OrgUnit | undefined;
}) {
  const { t } = useI18n();
  const { me, ability } = useSignedIn();
  const mayRead = ability.can('read', attachmentSubject(incident, me.tenant.id, unit));
  const mayCreate = ability.can('create', attachmentSubject(incident, me.tenant.id, unit, me.person.id));
  const attachments = useQuery({
    queryKey: attachmentKeys(incident.id),
    queryFn: ({ signal }) =>
      api<{ items: Attachment[] }>(`/incidents/${encodeURIComponent(incident.id)}/attachments`, { signal }),
    enabled: mayRead,
  });
  if (!mayRead) return null;
  return (
    <section aria-labelledby="attachments-title" data-section="attachments">
      <h2 id="attachments-title">{t('attachments.title')}</h2>
      <QueryView query={attachments}>
        {({ items }) =>
          items.length === 0 ? (
            <p>{t('attachments.empty')}</p>
          ) : (
            <ul className="attachments">
              {items.map((a) => (
                <li key={a.id} data-attachment={a.fileName}>
                  {a.contentAvailable ? (
                    <a href={attachmentPath(incident.id, a.id)} download={a.fileName}>
                      {a.fileName}
                    </a>
                  ) : (
                    <strong>{a.fileName}</strong>
                  )}{' '}
                  <span className="muted">
                    {formatFileSize(a.sizeBytes)} · {a.contentType} · {formatDateTime(a.uploadedAt)} ·{' '}
                    {a.uploadedByMasked ? t('attachments.masked') : (a.uploadedByName ?? t('incident.none'))}
                  </span>
                  {!a.contentAvailable && <p className="muted">{t('attachments.restricted')}</p>}
                </li>
              ))}
            </ul>
          )
        }
      </QueryView>
      {mayCreate && <UploadForm incidentId={incident.id} />}
    </section>
  );
}

function UploadForm({ incidentId }: { incidentId: string }) {
  const { t } = useI18n();
  const { announce } = useNotice();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<MessageKey | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const [round, setRound] = useState(0);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (pending) return;
    if (!file) {
      setError('attachment.error.required');
      return;
    }
    if (error) return;
    setPending(true);
    setFailure(null);
    try {
      await uploadAttachment(incidentId, file);
      announce(t('attachments.uploaded', { name: file.name }));
      setFile(null);
      setRound((r) => r + 1);
      await queryClient.invalidateQueries({ queryKey: ['incidents'] });
    } catch (e) {
      setError(uploadErrorKey(e));
      setFailure(e);
    } finally {
      setPending(false);
    }
  };
  return (
    <form className="form" noValidate onSubmit={(e) => void submit(e)} data-form="attachment">
      <FileField
        key={round}
        id="attachment-file"
        label={t('attachments.upload')}
        file={file}
        error={error && t(error)}
        onChange={(f, e) => {
          setFile(f);
          setError(e);
          setFailure(null);
        }}
      />
      {failure !== null && uploadErrorKey(failure) === 'attachment.error.failed' && (
        <ErrorState error={failure} />
      )}
      <div className="form__actions">
        <button type="submit" className="button" disabled={pending}>
          {pending ? t('attachments.uploading') : t('attachments.uploadButton')}
        </button>
      </div>
    </form>
  );
}
