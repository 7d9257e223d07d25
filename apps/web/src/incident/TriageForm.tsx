import { type FormEvent, useState } from 'react';
import { useTriage } from '../api/incident-queries';
import { usePeople } from '../api/queries';
import {
  BREACH_RISK_ASSESSMENTS,
  type BreachRiskAssessment,
  DEVIATION_SUBTYPES,
  type HandledIncident,
  type IncidentAspect,
  INCIDENT_SUBTYPES,
  INCIDENT_TYPES,
  type IncidentSubtype,
  type IncidentType,
  type OrgUnit,
  SEVERITIES,
  type Severity,
} from '../api/types';
import { ErrorState } from '../components/ErrorState';
import { RadioGroup, SelectField, TextArea, TextField } from '../components/fields';
import { formatDateTime, useI18n } from '../i18n/i18n';
import { BREACH_RISK_KEYS, INCIDENT_SUBTYPE_KEYS, INCIDENT_TYPE_KEYS, SEVERITY_KEYS } from '../i18n/labels';
import type { MessageKey } from '../i18n/messages';
import { useNotice } from '../layout/notice';
import { AspectsField } from './AspectsField';
import { fromStockholmInput } from './time';

type YesNo = 'YES' | 'NO';

/** The subtypes that fit a type: the deviation ones only for DEVIATION (the API's subtypeFits). */
export const subtypesFor = (type: IncidentType | ''): IncidentSubtype[] =>
  INCIDENT_SUBTYPES.filter((s) => (DEVIATION_SUBTYPES.includes(s) ? type === 'DEVIATION' : true));

/**
 * REPORTED → TRIAGED (§4d): type, severity and personal data settled, the cyber act question when
 * the unit is covered, the aspects affected, the DPO's risk assessment of a breach (drives GDPR Art.
 * 34; it may follow later), a handler, and kännedom earlier than the report with a reason (BR-D2).
 */
export function TriageForm({ incident, unit }: { incident: HandledIncident; unit: OrgUnit | undefined }) {
  const { t } = useI18n();
  const { announce } = useNotice();
  const triage = useTriage();
  const covered = unit?.coveredByCyberSecurityAct ?? false;
  const [type, setType] = useState<IncidentType | ''>('');
  const [subtype, setSubtype] = useState<IncidentSubtype | ''>('');
  const [severity, setSeverity] = useState<Severity | ''>('');
  const initialPd = incident.personalDataInvolved === 'UNKNOWN' ? '' : incident.personalDataInvolved;
  const [personalData, setPersonalData] = useState<YesNo | ''>(initialPd);
  const [cyber, setCyber] = useState<YesNo | ''>('');
  const [aspects, setAspects] = useState<IncidentAspect[]>(incident.aspectsAffected);
  const [risk, setRisk] = useState<BreachRiskAssessment | ''>('');
  const [handlerQuery, setHandlerQuery] = useState('');
  const [handlerId, setHandlerId] = useState('');
  const [awareAt, setAwareAt] = useState('');
  const [awareAtReason, setAwareAtReason] = useState('');
  const [errors, setErrors] = useState<Record<string, MessageKey | undefined>>({});
  const people = usePeople({ q: handlerQuery.trim() || undefined, limit: 50 });
  const candidates = (people.data?.items ?? []).filter((p) => p.status === 'ACTIVE');

  const validate = () => {
    const aware = awareAt ? fromStockholmInput(awareAt) : null;
    const next: Record<string, MessageKey | undefined> = {
      type: type ? undefined : 'triage.typeRequired',
      severity: severity ? undefined : 'triage.severityRequired',
      personalData: !personalData
        ? 'triage.personalDataRequired'
        : type === 'PERSONAL_DATA_BREACH' && personalData === 'NO'
          ? 'error.INCIDENT_PERSONAL_DATA_CONTRADICTION'
          : undefined,
      cyber: covered && !cyber ? 'triage.cyberActRequired' : undefined,
      awareAt:
        awareAt && !aware
          ? 'report.error.timeInvalid'
          : aware && Date.parse(aware) > Date.parse(incident.reportedAt)
            ? 'error.INCIDENT_AWARE_AT_AFTER_REPORTED_AT'
            : undefined,
      awareAtReason: aware && !awareAtReason.trim() ? 'triage.awareAtReasonRequired' : undefined,
    };
    setErrors(next);
    return !Object.values(next).some(Boolean);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!validate()) return;
    const aware = awareAt ? fromStockholmInput(awareAt) : null;
    await triage
      .mutateAsync({
        id: incident.id,
        version: incident.version,
        type: type as IncidentType,
        ...(subtype ? { subtype } : {}),
        severity: severity as Severity,
        personalDataInvolved: personalData as YesNo,
        ...(covered ? { significantUnderCyberAct: cyber === 'YES' } : {}),
        ...(aspects.length ? { aspectsAffected: aspects } : {}),
        ...(type === 'PERSONAL_DATA_BREACH' && risk ? { breachRiskAssessment: risk } : {}),
        ...(handlerId ? { handlerId } : {}),
        ...(aware ? { awareAt: aware, awareAtReason: awareAtReason.trim() } : {}),
      })
      .then(() => announce(t('triage.done')))
      .catch(() => undefined);
  };

  const err = (key: string) => (errors[key] ? t(errors[key]) : undefined);
  const yesNo = [
    { value: 'YES' as const, label: t('common.yes') },
    { value: 'NO' as const, label: t('common.no') },
  ];
  return (
    <section className="panel" aria-labelledby="triage-title" data-section="triage">
      <h2 id="triage-title">{t('triage.title')}</h2>
      <p>{t('triage.lead')}</p>
      <form noValidate className="form" onSubmit={(e) => void submit(e)}>
        <SelectField
          label={t('incident.field.type')}
          value={type}
          onChange={(v) => {
            setType(v as IncidentType);
            if (subtype && !subtypesFor(v as IncidentType).includes(subtype)) setSubtype('');
          }}
          required
          error={err('type')}
        >
          <option value="">{t('triage.chooseType')}</option>
          {INCIDENT_TYPES.map((v) => (
            <option key={v} value={v}>
              {t(INCIDENT_TYPE_KEYS[v])}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('incident.field.subtype')}
          value={subtype}
          onChange={(v) => setSubtype(v as IncidentSubtype)}
        >
          <option value="">{t('triage.noSubtype')}</option>
          {subtypesFor(type).map((v) => (
            <option key={v} value={v}>
              {t(INCIDENT_SUBTYPE_KEYS[v])}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('incident.field.severity')}
          value={severity}
          onChange={(v) => setSeverity(v as Severity)}
          required
          error={err('severity')}
        >
          <option value="">{t('triage.chooseSeverity')}</option>
          {SEVERITIES.map((v) => (
            <option key={v} value={v}>
              {t(SEVERITY_KEYS[v])}
            </option>
          ))}
        </SelectField>
        <RadioGroup
          name="triage-personal-data"
          legend={t('incident.field.personalData')}
          value={personalData}
          options={yesNo}
          onChange={setPersonalData}
          error={err('personalData')}
        />
        {type === 'PERSONAL_DATA_BREACH' && (
          <SelectField
            label={t('incident.field.breachRisk')}
            hint={t('incident.breachRiskHint')}
            value={risk}
            onChange={(v) => setRisk(v as BreachRiskAssessment | '')}
          >
            <option value="">{t('incident.breachRiskNotAssessed')}</option>
            {BREACH_RISK_ASSESSMENTS.map((v) => (
              <option key={v} value={v}>
                {t(BREACH_RISK_KEYS[v])}
              </option>
            ))}
          </SelectField>
        )}
        <AspectsField value={aspects} onChange={setAspects} />
        {covered && (
          <RadioGroup
            name="triage-cyber"
            legend={t('incident.field.cyberAct')}
            value={cyber}
            options={yesNo}
            onChange={setCyber}
            error={err('cyber')}
          />
        )}
        <TextField
          type="search"
          label={t('triage.handlerSearch')}
          value={handlerQuery}
          onChange={setHandlerQuery}
        />
        <SelectField label={t('triage.handler')} value={handlerId} onChange={setHandlerId}>
          <option value="">{t('triage.noHandler')}</option>
          {candidates.map((p) => (
            <option key={p.id} value={p.id}>
              {p.displayName}
            </option>
          ))}
        </SelectField>
        <TextField
          type="datetime-local"
          label={t('triage.awareAt')}
          hint={`${t('triage.awareAtHint')} ${t('triage.awareAtLate', { reportedAt: formatDateTime(incident.reportedAt) })}`}
          value={awareAt}
          onChange={setAwareAt}
          error={err('awareAt')}
        />
        {awareAt && (
          <TextArea
            label={t('triage.awareAtReason')}
            value={awareAtReason}
            onChange={setAwareAtReason}
            maxLength={2000}
            required
            error={err('awareAtReason')}
          />
        )}
        {triage.error && <ErrorState error={triage.error} />}
        <div className="form__actions">
          <button type="submit" className="button" disabled={triage.isPending}>
            {triage.isPending ? t('status.saving') : t('triage.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
