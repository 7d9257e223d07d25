import { useState } from 'react';
import { useInformationSetTransition, useUpdateInformationSet } from '../api/register-queries';
import type { InformationSet } from '../api/register-types';
import { ActionDialog } from '../components/ActionDialog';
import { TextArea, TextField } from '../components/fields';
import { useI18n } from '../i18n/i18n';
import { useNotice } from '../layout/notice';

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/**
 * Edit the descriptive fields of a set. A special-handling set keeps only its name here (BR-A6:
 * code, name, owner and unit; the server refuses the rest).
 */
export function EditInformationSetDialog({ set, onClose }: { set: InformationSet; onClose: () => void }) {
  const { t } = useI18n();
  const { announce } = useNotice();
  const update = useUpdateInformationSet();
  const [name, setName] = useState(set.name);
  const [description, setDescription] = useState(set.description ?? '');
  const [recordsClassCode, setRecordsClassCode] = useState(set.recordsClassCode ?? '');
  const [secrecy, setSecrecy] = useState(set.secrecyProvisions.join('\n'));
  const [retention, setRetention] = useState(set.retention ?? '');
  const [errors, setErrors] = useState<{ name?: string; form?: string }>({});

  const changes = () => {
    const body: Record<string, unknown> = {};
    if (name.trim() !== set.name) body.name = name.trim();
    if (set.specialHandling) return body;
    const nullable = (value: string) => (value.trim() === '' ? null : value.trim());
    if (nullable(description) !== set.description) body.description = nullable(description);
    if (nullable(recordsClassCode) !== set.recordsClassCode)
      body.recordsClassCode = nullable(recordsClassCode);
    if (nullable(retention) !== set.retention) body.retention = nullable(retention);
    if (lines(secrecy).join('\n') !== set.secrecyProvisions.join('\n'))
      body.secrecyProvisions = lines(secrecy);
    return body;
  };

  const validate = () => {
    const next = !name.trim()
      ? { name: t('infoSets.edit.nameRequired') }
      : Object.keys(changes()).length === 0
        ? { form: t('infoSets.edit.unchanged') }
        : {};
    setErrors(next);
    return !next.name && !next.form;
  };

  return (
    <ActionDialog
      title={t('infoSets.edit.title', { code: set.code })}
      onClose={onClose}
      validate={validate}
      confirmLabel={t('infoSets.edit.confirm')}
      summary={
        <>
          <p>{t('infoSets.edit.summary', { code: set.code })}</p>
          <ul>
            {Object.keys(changes()).map((field) => (
              <li key={field}>{t(FIELD_KEYS[field as keyof typeof FIELD_KEYS])}</li>
            ))}
          </ul>
        </>
      }
      onConfirm={async () => {
        await update.mutateAsync({ id: set.id, version: set.version, ...changes() });
        announce(t('infoSets.edit.done', { code: set.code }));
        onClose();
      }}
    >
      <TextField
        label={t('infoSets.common.name')}
        value={name}
        onChange={setName}
        maxLength={200}
        required
        error={errors.name}
      />
      {set.specialHandling ? (
        <p className="warning">{t('infoSets.specialHandlingNotice')}</p>
      ) : (
        <>
          <TextArea label={t('infoSets.description')} value={description} onChange={setDescription} />
          <TextField
            label={t('infoSets.recordsClassCode')}
            hint={t('infoSets.recordsClassCodeHint')}
            value={recordsClassCode}
            onChange={setRecordsClassCode}
            maxLength={40}
          />
          <TextArea
            label={t('infoSets.secrecyProvisions')}
            hint={t('infoSets.secrecyProvisionsHint')}
            value={secrecy}
            onChange={setSecrecy}
          />
          <TextArea
            label={t('infoSets.retention')}
            value={retention}
            onChange={setRetention}
            maxLength={2000}
          />
        </>
      )}
      {errors.form && (
        <p className="field__error" role="alert">
          {errors.form}
        </p>
      )}
    </ActionDialog>
  );
}

const FIELD_KEYS = {
  name: 'infoSets.common.name',
  description: 'infoSets.description',
  recordsClassCode: 'infoSets.recordsClassCode',
  retention: 'infoSets.retention',
  secrecyProvisions: 'infoSets.secrecyProvisions',
} as const;

/** DRAFT → ACTIVE or ACTIVE → RETIRED, confirmed in words; the reason is optional. */
export function InformationSetStepDialog({
  set,
  step,
  onClose,
}: {
  set: InformationSet;
  step: 'activate' | 'retire';
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { announce } = useNotice();
  const transition = useInformationSetTransition();
  const [reason, setReason] = useState('');
  const activate = step === 'activate';
  return (
    <ActionDialog
      title={t(activate ? 'infoSets.activate.title' : 'infoSets.retire.title', { code: set.code })}
      onClose={onClose}
      validate={() => true}
      confirmLabel={t(activate ? 'infoSets.activate.open' : 'infoSets.retire.open')}
      danger={!activate}
      summary={
        <>
          <p>{t(activate ? 'infoSets.activate.summary' : 'infoSets.retire.summary', { name: set.name })}</p>
          {activate && set.ownerMissing && <p className="warning">{t('infoSets.activate.noOwner')}</p>}
        </>
      }
      onConfirm={async () => {
        await transition.mutateAsync({
          id: set.id,
          step,
          version: set.version,
          ...(reason.trim() ? { reason: reason.trim() } : {}),
        });
        announce(t(activate ? 'infoSets.activate.done' : 'infoSets.retire.done', { code: set.code }));
        onClose();
      }}
    >
      <TextArea
        label={t('infoSets.common.reasonOptional')}
        value={reason}
        onChange={setReason}
        maxLength={2000}
      />
    </ActionDialog>
  );
}
