import { type FormEvent, useState } from 'react';
import { type UpdateIncidentInput, useUpdateIncident } from '../api/incident-queries';
import {
  BREACH_RISK_ASSESSMENTS,
  type BreachRiskAssessment,
  CRISIS_ESCALATIONS,
  type CrisisEscalation,
  type HandledIncident,
  type IncidentAspect,
  type OrgUnit,
  TRI_STATES,
  type TriState,
} from '../api/types';
import { ErrorState } from '../components/ErrorState';
import { RadioGroup, SelectField, TextArea, TextField } from '../components/fields';
import { useI18n } from '../i18n/i18n';
import { BREACH_RISK_KEYS, CRISIS_ESCALATION_KEYS, TRI_STATE_KEYS } from '../i18n/labels';
import type { MessageKey } from '../i18n/messages';
import { useNotice } from '../layout/notice';
import { AspectsField } from './AspectsField';

type YesNo = 'YES' | 'NO';

/** A count field: empty is "not known" (null), else a whole number ≥ 0. */
const parseCount = (text: string): number | null | undefined => {
  const trimmed = text.trim();
  if (!trimmed) return null;
  return /^\d{1,9}$/.test(trimmed) ? Number(trimmed) : undefined;
};

const countText = (n: number | null) => (n === null ? '' : String(n));

/**
 * The investigation of a triaged, open incident (PATCH /api/incidents/{id}): whether it is still
 * going on, the aspects affected, the DPO's risk assessment of a breach (which decides GDPR Art. 34),
 * the cyber act question when the unit is covered, consequences and measures, the approximate
 * numbers of a breach, the escalation in the crisis organisation and the id in the deviation system. Only changed fields are sent; root cause
 * and lessons are asked for on closing.
 */
export function InvestigationForm({
  incident,
  unit,
}: {
  incident: HandledIncident;
  unit: OrgUnit | undefined;
}) {
  const { t } = useI18n();
  const { announce } = useNotice();
  const update = useUpdateIncident();
  const breach = incident.type === 'PERSONAL_DATA_BREACH';
  const covered = unit?.coveredByCyberSecurityAct ?? false;
  const [ongoing, setOngoing] = useState<TriState>(incident.ongoing);
  const [aspects, setAspects] = useState<IncidentAspect[]>(incident.aspectsAffected);
  const [risk, setRisk] = useState<BreachRiskAssessment | ''>(incident.breachRiskAssessment ?? '');
  const initialCyber =
    incident.significantUnderCyberAct === null ? '' : incident.significantUnderCyberAct ? 'YES' : 'NO';
  const [cyber, setCyber] = useState<YesNo | ''>(initialCyber);
  const [consequences, setConsequences] = useState(incident.consequences ?? '');
  const [measures, setMeasures] = useState(incident.measures ?? '');
  const [subjects, setSubjects] = useState(countText(incident.dataSubjectsApprox));
  const [records, setRecords] = useState(countText(incident.recordsApprox));
  const [deviationRef, setDeviationRef] = useState(incident.qualityDeviationRef ?? '');
  const [crisis, setCrisis] = useState<CrisisEscalation | ''>(incident.crisisEscalation ?? '');
  const [errors, setErrors] = useState<Record<string, MessageKey | undefined>>({});

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const dataSubjectsApprox = parseCount(subjects);
    const recordsApprox = parseCount(records);
    const next: Record<string, MessageKey | undefined> = {
      subjects: breach && dataSubjectsApprox === undefined ? 'investigation.countInvalid' : undefined,
      records: breach && recordsApprox === undefined ? 'investigation.countInvalid' : undefined,
      cyber: covered && !cyber ? 'triage.cyberActRequired' : undefined,
    };
    setErrors(next);
    if (Object.values(next).some(Boolean)) return;
    const wanted: Omit<UpdateIncidentInput, 'id' | 'version'> = {
      ongoing,
      aspectsAffected: aspects,
      consequences: consequences.trim() || null,
      measures: measures.trim() || null,
      qualityDeviationRef: deviationRef.trim() || null,
      crisisEscalation: crisis || null,
      ...(breach
        ? {
            breachRiskAssessment: risk || null,
            dataSubjectsApprox: dataSubjectsApprox ?? null,
            recordsApprox: recordsApprox ?? null,
          }
        : {}),
      ...(covered ? { significantUnderCyberAct: cyber === 'YES' } : {}),
    };
    const changed = Object.fromEntries(
      Object.entries(wanted).filter(
        ([key, value]) =>
          JSON.stringify(value) !== JSON.stringify(incident[key as keyof HandledIncident] ?? null),
      ),
    );
    if (Object.keys(changed).length === 0) {
      announce(t('investigation.unchanged'));
      return;
    }
    await update
      .mutateAsync({ id: incident.id, version: incident.version, ...changed })
      .then(() => announce(t('investigation.done')))
      .catch(() => undefined);
  };

  const err = (key: string) => (errors[key] ? t(errors[key]) : undefined);
  const yesNo = [
    { value: 'YES' as const, label: t('common.yes') },
    { value: 'NO' as const, label: t('common.no') },
  ];
  return (
    <section className="panel" aria-labelledby="investigation-title" data-section="investigation">
      <h2 id="investigation-title">{t('investigation.title')}</h2>
      <p>{t('investigation.lead')}</p>
      <form noValidate className="form" onSubmit={(e) => void submit(e)}>
        <RadioGroup
          name="investigation-ongoing"
          legend={t('incident.field.ongoing')}
          value={ongoing}
          options={TRI_STATES.map((v) => ({ value: v, label: t(TRI_STATE_KEYS[v]) }))}
          onChange={setOngoing}
        />
        <AspectsField value={aspects} onChange={setAspects} />
        {breach && (
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
        {covered && (
          <RadioGroup
            name="investigation-cyber"
            legend={t('incident.field.cyberAct')}
            value={cyber}
            options={yesNo}
            onChange={setCyber}
            error={err('cyber')}
          />
        )}
        <TextArea
          label={t('incident.field.consequences')}
          value={consequences}
          onChange={setConsequences}
          maxLength={20000}
        />
        <TextArea
          label={t('incident.field.measures')}
          value={measures}
          onChange={setMeasures}
          maxLength={20000}
        />
        {breach && (
          <>
            <TextField
              label={t('incident.field.dataSubjectsApprox')}
              value={subjects}
              onChange={setSubjects}
              error={err('subjects')}
            />
            <TextField
              label={t('incident.field.recordsApprox')}
              value={records}
              onChange={setRecords}
              error={err('records')}
            />
          </>
        )}
        <SelectField
          label={t('incident.field.crisisEscalation')}
          hint={incident.severity === 'CRITICAL' ? t('incident.crisisHint') : undefined}
          value={crisis}
          onChange={(v) => setCrisis(v as CrisisEscalation | '')}
        >
          <option value="">{t('incident.crisisNotAnswered')}</option>
          {CRISIS_ESCALATIONS.map((v) => (
            <option key={v} value={v}>
              {t(CRISIS_ESCALATION_KEYS[v])}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('incident.field.qualityDeviationRef')}
          hint={t('incident.qualityDeviationRefHint')}
          value={deviationRef}
          onChange={setDeviationRef}
          maxLength={100}
        />
        {update.error && <ErrorState error={update.error} />}
        <div className="form__actions">
          <button type="submit" className="button" disabled={update.isPending}>
            {update.isPending ? t('status.saving') : t('investigation.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
