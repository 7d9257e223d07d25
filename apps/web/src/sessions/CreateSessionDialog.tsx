import { useState } from 'react';
import { useOrgUnitList, usePeople } from '../api/queries';
import { useInformationSets } from '../api/register-queries';
import { useSignedIn } from '../auth/session';
import { ActionDialog } from '../components/ActionDialog';
import { CheckboxField, SelectField, TextField } from '../components/fields';
import { formatDateTime, useI18n } from '../i18n/i18n';
import { fromStockholmInput } from '../incident/time';
import { indented, isFull, unitOptions } from '../registers/register-model';
import { newSessionFor, sessionSubject } from './session-model';
import { useCreateSession } from './session-queries';

type Errors = Partial<Record<'title' | 'orgUnitId' | 'plannedAt' | 'sets', string>>;

/**
 * A samordnare plans a klassningstillfälle: title, unit (those the ability allows), when, the sets
 * of the unit's subtree to classify, and who takes part. Confirmed before it is sent.
 */
export function CreateSessionDialog({
  onClose,
  onCreated,
}: {
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const { t } = useI18n();
  const { me, ability } = useSignedIn();
  const units = useOrgUnitList();
  const create = useCreateSession();
  const [title, setTitle] = useState('');
  const [orgUnitId, setOrgUnitId] = useState('');
  const [plannedAt, setPlannedAt] = useState('');
  const [setIds, setSetIds] = useState<string[]>([]);
  const [participantIds, setParticipantIds] = useState<string[]>([]);
  const [errors, setErrors] = useState<Errors>({});
  const sets = useInformationSets({ orgUnitId: orgUnitId || undefined, limit: 500 });
  const people = usePeople({ limit: 500 }, ability.can('read', 'Person'));

  const allowedUnits = units.data
    ? unitOptions(units.data).filter((o) =>
        ability.can('create', sessionSubject(newSessionFor(o.id, me.person.id), units.data, me.tenant.id)),
      )
    : [];
  const candidates = orgUnitId
    ? (sets.data?.items ?? []).filter(isFull).filter((s) => s.status !== 'RETIRED')
    : [];
  const others = (people.data?.items ?? [])
    .filter((p) => p.id !== me.person.id && p.status === 'ACTIVE')
    .sort((a, b) => a.displayName.localeCompare(b.displayName, 'sv-SE'));
  const toggle = (list: string[], id: string, on: boolean) =>
    on ? [...list, id] : list.filter((x) => x !== id);

  const validate = () => {
    const next: Errors = {};
    if (!title.trim()) next.title = t('sessions.error.title');
    if (!orgUnitId) next.orgUnitId = t('sessions.error.unit');
    if (!fromStockholmInput(plannedAt)) next.plannedAt = t('sessions.error.when');
    if (setIds.length === 0) next.sets = t('sessions.error.sets');
    setErrors(next);
    return Object.keys(next).length === 0;
  };

  const unitName = units.data?.get(orgUnitId)?.name ?? '';
  const setCodes = candidates.filter((s) => setIds.includes(s.id)).map((s) => s.code);
  const names = others.filter((p) => participantIds.includes(p.id)).map((p) => p.displayName);

  return (
    <ActionDialog
      title={t('sessions.create.title')}
      onClose={onClose}
      validate={validate}
      confirmLabel={t('sessions.create.confirm')}
      summary={
        <p>
          {t('sessions.create.summary', {
            title: title.trim(),
            unit: unitName,
            when: plannedAt ? formatDateTime(fromStockholmInput(plannedAt) ?? plannedAt) : '',
            sets: setCodes.join(', '),
            participants: names.length ? names.join(', ') : '–',
          })}
        </p>
      }
      onConfirm={async () => {
        const created = await create.mutateAsync({
          title: title.trim(),
          orgUnitId,
          informationSetIds: setIds,
          participantIds,
          plannedAt: fromStockholmInput(plannedAt) ?? plannedAt,
        });
        onCreated(created.id);
      }}
    >
      <TextField
        label={t('sessions.field.title')}
        value={title}
        onChange={setTitle}
        error={errors.title}
        required
        maxLength={300}
      />
      <SelectField
        label={t('infoSets.common.unit')}
        value={orgUnitId}
        onChange={(v) => {
          setOrgUnitId(v);
          setSetIds([]);
        }}
        error={errors.orgUnitId}
        required
      >
        <option value="">{t('sessions.field.chooseUnit')}</option>
        {allowedUnits.map((o) => (
          <option key={o.id} value={o.id}>
            {indented(o)}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t('sessions.field.plannedAt')}
        type="datetime-local"
        value={plannedAt}
        onChange={setPlannedAt}
        error={errors.plannedAt}
        required
      />
      <fieldset className="field" aria-describedby={errors.sets ? 'session-sets-error' : undefined}>
        <legend className="field__label">{t('sessions.field.sets')}</legend>
        {errors.sets && (
          <span id="session-sets-error" className="field__error">
            {errors.sets}
          </span>
        )}
        {!orgUnitId ? (
          <p className="field__hint">{t('sessions.field.setsHint')}</p>
        ) : (
          candidates.map((s) => (
            <CheckboxField
              key={s.id}
              label={`${s.code} ${s.name}`}
              checked={setIds.includes(s.id)}
              onChange={(on) => setSetIds((list) => toggle(list, s.id, on))}
            />
          ))
        )}
      </fieldset>
      {others.length > 0 && (
        <fieldset className="field">
          <legend className="field__label">{t('sessions.field.participants')}</legend>
          {others.map((p) => (
            <CheckboxField
              key={p.id}
              label={p.displayName}
              checked={participantIds.includes(p.id)}
              onChange={(on) => setParticipantIds((list) => toggle(list, p.id, on))}
            />
          ))}
        </fieldset>
      )}
    </ActionDialog>
  );
}
