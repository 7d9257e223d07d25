import { type FormEvent, useState } from 'react';
import {
  CONFIGURABLE_RECEIVERS,
  type ClockRules,
  type ClockStageRule,
  type ConfigurableReceiver,
  PERIOD_UNITS,
  type PeriodUnit,
  useClockRules,
  useUpdateClockRules,
} from '../api/clock-rules-queries';
import { INCIDENT_TYPES, type IncidentType } from '../api/types';
import { useSignedIn } from '../auth/session';
import { ErrorState, QueryView } from '../components/ErrorState';
import { CheckboxField, SelectField, TextField } from '../components/fields';
import { PageHeading } from '../components/PageHeading';
import { formatDateTime, useI18n } from '../i18n/i18n';
import { INCIDENT_TYPE_KEYS, REGIME_KEYS, STAGE_KEYS } from '../i18n/labels';
import type { MessageKey } from '../i18n/messages';
import { useNotice } from '../layout/notice';

export const PERIOD_UNIT_KEYS: Record<PeriodUnit, MessageKey> = {
  HOURS: 'clockRules.unit.HOURS',
  DAYS: 'clockRules.unit.DAYS',
  MONTHS: 'clockRules.unit.MONTHS',
};

export const RECEIVER_KEYS: Record<ConfigurableReceiver, MessageKey> = {
  IMY: 'clockRules.receiver.IMY',
  CSIRT: 'clockRules.receiver.CSIRT',
  IVO: 'clockRules.receiver.IVO',
  SECURITY_SERVICE: 'clockRules.receiver.SECURITY_SERVICE',
  POLICE: 'clockRules.receiver.POLICE',
};

const ruleKey = (r: Pick<ClockStageRule, 'regime' | 'stage'>) => `${r.regime}.${r.stage}`;

/**
 * Regler för rapporteringsfrister (ADR 0015): the MSBFS 2020:8 switch and the incident types it
 * covers, the periods of the internal targets, the statutory deadlines (shown, fixed by law) and the
 * receivers (D-25). Everyone who handles incidents reads the rules; the CISO changes them.
 */
export function ClockRulesPage() {
  const { t } = useI18n();
  const rules = useClockRules();
  return (
    <section className="page" data-page="clock-rules">
      <PageHeading title={t('clockRules.title')} />
      <p className="lead">{t('clockRules.lead')}</p>
      <QueryView query={rules}>{(data) => <ClockRulesForm key={data.version} rules={data} />}</QueryView>
    </section>
  );
}

function ClockRulesForm({ rules }: { rules: ClockRules }) {
  const { t } = useI18n();
  const { ability } = useSignedIn();
  const { announce } = useNotice();
  const mayEdit = ability.can('update', 'IncidentClockRules');
  const update = useUpdateClockRules();
  const [msbfs, setMsbfs] = useState(rules.msbfsEnabled);
  const [types, setTypes] = useState<IncidentType[]>(rules.msbfsIncidentTypes);
  const [periods, setPeriods] = useState<Record<string, { unit: PeriodUnit; amount: string }>>(() =>
    Object.fromEntries(
      rules.targets.map((r) => [ruleKey(r), { unit: r.period.unit, amount: String(r.period.amount) }]),
    ),
  );
  const [receivers, setReceivers] = useState(() =>
    Object.fromEntries(rules.receivers.map((r) => [r.kind, { name: r.name, contact: r.contact ?? '' }])),
  );
  const [errors, setErrors] = useState<Record<string, MessageKey | undefined>>({});
  const [saveError, setSaveError] = useState<unknown>(null);

  const validate = () => {
    const next: Record<string, MessageKey | undefined> = {};
    if (msbfs && types.length === 0) next.types = 'clockRules.error.typesRequired';
    for (const r of rules.targets) {
      const amount = Number(periods[ruleKey(r)].amount);
      if (!Number.isInteger(amount) || amount < 1 || amount > 10000)
        next[ruleKey(r)] = 'clockRules.error.amount';
    }
    for (const kind of CONFIGURABLE_RECEIVERS) {
      if (!receivers[kind]?.name.trim()) next[`receiver.${kind}`] = 'clockRules.error.receiverName';
    }
    setErrors(next);
    return !Object.values(next).some(Boolean);
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setSaveError(null);
    if (!validate()) return;
    try {
      await update.mutateAsync({
        msbfsEnabled: msbfs,
        ...(types.length ? { msbfsIncidentTypes: types } : {}),
        periodOverrides: rules.targets
          .map((r) => ({ regime: r.regime, stage: r.stage, period: periods[ruleKey(r)] }))
          .map((o) => ({ ...o, period: { unit: o.period.unit, amount: Number(o.period.amount) } }))
          .filter((o) => {
            const d = rules.targets.find((r) => ruleKey(r) === ruleKey(o))?.defaultPeriod;
            return d?.unit !== o.period.unit || d.amount !== o.period.amount;
          }),
        receivers: CONFIGURABLE_RECEIVERS.map((kind) => ({
          kind,
          name: receivers[kind].name.trim(),
          contact: receivers[kind].contact.trim() || null,
        })),
      });
      announce(t('clockRules.saved'));
    } catch (caught) {
      setSaveError(caught);
    }
  };

  const err = (key: string) => (errors[key] ? t(errors[key]) : undefined);
  const period = (r: ClockStageRule) =>
    t('clockRules.period', { amount: String(r.period.amount), unit: t(PERIOD_UNIT_KEYS[r.period.unit]) });
  return (
    <form noValidate onSubmit={(e) => void save(e)} className="form clock-rules">
      {!mayEdit && <p className="notice">{t('clockRules.readOnly')}</p>}
      {rules.updatedAt && <p>{t('clockRules.updatedAt', { date: formatDateTime(rules.updatedAt) })}</p>}
      <fieldset disabled={!mayEdit} className="clock-rules__fields">
        <section aria-labelledby="clock-rules-msbfs">
          <h2 id="clock-rules-msbfs">{t('clockRules.msbfs.title')}</h2>
          <p>{t('clockRules.msbfs.lead')}</p>
          <CheckboxField label={t('clockRules.msbfs.enabled')} checked={msbfs} onChange={setMsbfs} />
          <fieldset
            className="field field--checkboxes"
            aria-describedby={errors.types ? 'msbfs-types-error' : undefined}
          >
            <legend className="field__label">{t('clockRules.msbfs.types')}</legend>
            {errors.types && (
              <span id="msbfs-types-error" className="field__error">
                {err('types')}
              </span>
            )}
            {INCIDENT_TYPES.map((type) => (
              <CheckboxField
                key={type}
                label={t(INCIDENT_TYPE_KEYS[type])}
                checked={types.includes(type)}
                onChange={(on) =>
                  setTypes((list) =>
                    on
                      ? INCIDENT_TYPES.filter((x) => x === type || list.includes(x))
                      : list.filter((x) => x !== type),
                  )
                }
              />
            ))}
          </fieldset>
        </section>

        <section aria-labelledby="clock-rules-targets">
          <h2 id="clock-rules-targets">{t('clockRules.targets.title')}</h2>
          <p>{t('clockRules.targets.lead')}</p>
          {rules.targets.map((r) => {
            const key = ruleKey(r);
            const name = `${t(REGIME_KEYS[r.regime])} – ${t(STAGE_KEYS[r.stage])}`;
            return (
              <fieldset key={key} className="field clock-rules__period" data-rule={key}>
                <legend className="field__label">{name}</legend>
                <span className="field__hint">
                  {t('clockRules.default', {
                    period: t('clockRules.period', {
                      amount: String(r.defaultPeriod.amount),
                      unit: t(PERIOD_UNIT_KEYS[r.defaultPeriod.unit]),
                    }),
                  })}
                </span>
                <div className="clock-rules__period-inputs">
                  <TextField
                    label={t('clockRules.amount')}
                    value={periods[key].amount}
                    onChange={(amount) => setPeriods((p) => ({ ...p, [key]: { ...p[key], amount } }))}
                    required
                    maxLength={5}
                    error={err(key)}
                  />
                  <SelectField
                    label={t('clockRules.unit')}
                    value={periods[key].unit}
                    onChange={(unit) =>
                      setPeriods((p) => ({ ...p, [key]: { ...p[key], unit: unit as PeriodUnit } }))
                    }
                  >
                    {PERIOD_UNITS.map((u) => (
                      <option key={u} value={u}>
                        {t(PERIOD_UNIT_KEYS[u])}
                      </option>
                    ))}
                  </SelectField>
                </div>
              </fieldset>
            );
          })}
          <p>{t('clockRules.targets.note')}</p>
        </section>

        <section aria-labelledby="clock-rules-receivers">
          <h2 id="clock-rules-receivers">{t('clockRules.receivers.title')}</h2>
          <p>{t('clockRules.receivers.lead')}</p>
          {CONFIGURABLE_RECEIVERS.map((kind) => (
            <fieldset key={kind} className="field" data-receiver={kind}>
              <legend className="field__label">{t(RECEIVER_KEYS[kind])}</legend>
              <TextField
                label={t('clockRules.receiverName')}
                value={receivers[kind].name}
                onChange={(name) => setReceivers((r) => ({ ...r, [kind]: { ...r[kind], name } }))}
                required
                maxLength={200}
                error={err(`receiver.${kind}`)}
              />
              <TextField
                label={t('clockRules.receiverContact')}
                value={receivers[kind].contact}
                onChange={(contact) => setReceivers((r) => ({ ...r, [kind]: { ...r[kind], contact } }))}
                maxLength={500}
              />
            </fieldset>
          ))}
        </section>
      </fieldset>

      <section aria-labelledby="clock-rules-deadlines">
        <h2 id="clock-rules-deadlines">{t('clockRules.deadlines.title')}</h2>
        <p>{t('clockRules.deadlines.lead')}</p>
        <ul>
          {rules.deadlines.map((r) => (
            <li key={ruleKey(r)} data-rule={ruleKey(r)}>
              {t(REGIME_KEYS[r.regime])} – {t(STAGE_KEYS[r.stage])}: {period(r)}
            </li>
          ))}
        </ul>
      </section>

      {saveError !== null && <ErrorState error={saveError} />}
      {mayEdit && (
        <div className="form__actions">
          <button type="submit" className="button" disabled={update.isPending}>
            {t('clockRules.save')}
          </button>
        </div>
      )}
    </form>
  );
}
