import { type FormEvent, useState } from 'react';
import { useMarkSecrecy, useUnmarkSecrecy } from '../api/incident-queries';
import { usePersons } from '../api/queries';
import { type HandledIncident, SECRECY_FIELDS, type SecrecyField } from '../api/types';
import { ErrorState } from '../components/ErrorState';
import { CheckboxField, TextArea, TextField } from '../components/fields';
import { formatDateTime, useI18n } from '../i18n/i18n';
import { SECRECY_FIELD_KEYS } from '../i18n/labels';
import type { MessageKey } from '../i18n/messages';
import { useNotice } from '../layout/notice';

/** `26 kap. 1 § OSL` and the like; the server checks the exact form (OSL_PROVISION_PATTERN). */
const LOOKS_LIKE_OSL = /^\d{1,2} kap\. .*§.* OSL$/;

/**
 * Secrecy markings (BR-D8, §5.2): those who may change the incident mark named fields under an OSL
 * provision with a reason, and remove a marking; the auditor's view says which fields are masked.
 * Marked fields are masked for the auditor and in every export and draft, for everyone.
 */
export function SecrecySection({ incident, mayUpdate }: { incident: HandledIncident; mayUpdate: boolean }) {
  const { t } = useI18n();
  const { announce } = useNotice();
  const unmark = useUnmarkSecrecy();
  const markers = usePersons(
    [...new Set(incident.secrecyMarkings.map((m) => m.markedById))],
    mayUpdate && incident.secrecyMarkings.length > 0,
  );
  const fieldNames = (fields: readonly SecrecyField[]) =>
    fields.map((f) => t(SECRECY_FIELD_KEYS[f])).join(', ');
  if (!mayUpdate) {
    if (incident.redactions.length === 0) return null;
    return (
      <section aria-labelledby="secrecy-title" data-section="secrecy">
        <h2 id="secrecy-title">{t('secrecy.title')}</h2>
        <ul>
          {incident.redactions.map((r) => (
            <li key={r.field} data-field={r.field}>
              {t('secrecy.masked', {
                field: t(SECRECY_FIELD_KEYS[r.field]),
                provisions: r.provisions.join(', '),
              })}
            </li>
          ))}
        </ul>
      </section>
    );
  }
  return (
    <section aria-labelledby="secrecy-title" data-section="secrecy">
      <h2 id="secrecy-title">{t('secrecy.title')}</h2>
      <p>{t('secrecy.lead')}</p>
      {incident.secrecyMarkings.length === 0 ? (
        <p>{t('secrecy.none')}</p>
      ) : (
        <ul className="secrecy-markings">
          {incident.secrecyMarkings.map((m) => (
            <li key={m.id} data-marking={m.provision}>
              <p>
                <strong>{m.provision}</strong>: {fieldNames(m.fieldPaths)}
              </p>
              <p>{t('secrecy.reason', { reason: m.reason })}</p>
              <p>
                {t('secrecy.markedBy', {
                  name: markers.get(m.markedById)?.displayName ?? t('incident.none'),
                  date: formatDateTime(m.markedAt),
                })}
              </p>
              <button
                type="button"
                className="button button--secondary"
                disabled={unmark.isPending}
                onClick={() =>
                  void unmark
                    .mutateAsync({ id: incident.id, markingId: m.id })
                    .then(() => announce(t('secrecy.removed')))
                    .catch(() => undefined)
                }
              >
                {t('secrecy.remove', { provision: m.provision })}
              </button>
            </li>
          ))}
        </ul>
      )}
      {unmark.error && <ErrorState error={unmark.error} />}
      <MarkForm incident={incident} />
    </section>
  );
}

function MarkForm({ incident }: { incident: HandledIncident }) {
  const { t } = useI18n();
  const { announce } = useNotice();
  const mark = useMarkSecrecy();
  const [fields, setFields] = useState<SecrecyField[]>([]);
  const [provision, setProvision] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, MessageKey | undefined>>({});

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const normalised = provision.trim().replace(/\s+/g, ' ');
    const next: Record<string, MessageKey | undefined> = {
      fields: fields.length === 0 ? 'secrecy.fieldsRequired' : undefined,
      provision: LOOKS_LIKE_OSL.test(normalised) ? undefined : 'secrecy.provisionInvalid',
      reason: reason.trim() ? undefined : 'secrecy.reasonRequired',
    };
    setErrors(next);
    if (Object.values(next).some(Boolean)) return;
    await mark
      .mutateAsync({ id: incident.id, fieldPaths: fields, provision: normalised, reason: reason.trim() })
      .then(() => {
        announce(t('secrecy.marked'));
        setFields([]);
        setProvision('');
        setReason('');
      })
      .catch(() => undefined);
  };
  const err = (key: string) => (errors[key] ? t(errors[key]) : undefined);
  return (
    <form noValidate className="form" onSubmit={(e) => void submit(e)} data-form="secrecy">
      <h3>{t('secrecy.markTitle')}</h3>
      <fieldset
        className="field field--checkboxes"
        aria-describedby={errors.fields ? 'secrecy-fields-error' : undefined}
      >
        <legend className="field__label">{t('secrecy.fields')}</legend>
        {errors.fields && (
          <span id="secrecy-fields-error" className="field__error">
            {err('fields')}
          </span>
        )}
        {SECRECY_FIELDS.map((f) => (
          <CheckboxField
            key={f}
            label={t(SECRECY_FIELD_KEYS[f])}
            checked={fields.includes(f)}
            onChange={(checked) =>
              setFields(SECRECY_FIELDS.filter((x) => (x === f ? checked : fields.includes(x))))
            }
          />
        ))}
      </fieldset>
      <TextField
        label={t('secrecy.provision')}
        hint={t('secrecy.provisionHint')}
        value={provision}
        onChange={setProvision}
        maxLength={80}
        required
        error={err('provision')}
      />
      <TextArea
        label={t('secrecy.reasonLabel')}
        value={reason}
        onChange={setReason}
        maxLength={2000}
        required
        error={err('reason')}
      />
      {mark.error && <ErrorState error={mark.error} />}
      <div className="form__actions">
        <button type="submit" className="button" disabled={mark.isPending}>
          {mark.isPending ? t('status.saving') : t('secrecy.submit')}
        </button>
      </div>
    </form>
  );
}
