import { type FormEvent, useState } from 'react';
import { useUpdateIncident } from '../api/incident-queries';
import { usePeople, usePersons } from '../api/queries';
import {
  type HandledIncident,
  INCIDENT_TYPES,
  type IncidentSubtype,
  type IncidentType,
  type OrgUnit,
  SEVERITIES,
  type Severity,
} from '../api/types';
import { ErrorState } from '../components/ErrorState';
import { SelectField, TextArea, TextField } from '../components/fields';
import { formatDateTime, useI18n } from '../i18n/i18n';
import { INCIDENT_SUBTYPE_KEYS, INCIDENT_TYPE_KEYS, SEVERITY_KEYS } from '../i18n/labels';
import type { MessageKey } from '../i18n/messages';
import { useNotice } from '../layout/notice';
import { assignmentChanges, isOpenIncident, retriageChanges } from './incident-handling-model';
import { fromStockholmInput, toStockholmInput } from './time';
import { subtypesFor } from './TriageForm';

/** A search over GET /api/users and a select of its active hits; the current person stays offered. */
function PersonSelect({
  label,
  searchLabel,
  value,
  currentName,
  onChange,
}: {
  label: string;
  searchLabel: string;
  value: string;
  currentName: string | undefined;
  onChange: (id: string) => void;
}) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const people = usePeople({ q: q.trim() || undefined, limit: 50 });
  const hits = (people.data?.items ?? []).filter((p) => p.status === 'ACTIVE');
  const offered =
    value && !hits.some((p) => p.id === value)
      ? [{ id: value, displayName: currentName ?? value }, ...hits]
      : hits;
  return (
    <>
      <TextField type="search" label={searchLabel} value={q} onChange={setQ} />
      <SelectField label={label} value={value} onChange={onChange}>
        <option value="">{t('handling.nobody')}</option>
        {offered.map((p) => (
          <option key={p.id} value={p.id}>
            {p.displayName}
          </option>
        ))}
      </SelectField>
    </>
  );
}

/** "Handläggare": the handler and the coordinator of an open incident. */
function AssignmentForm({ incident }: { incident: HandledIncident }) {
  const { t } = useI18n();
  const { announce } = useNotice();
  const update = useUpdateIncident();
  const [handlerId, setHandlerId] = useState(incident.handlerId ?? '');
  const [coordinatorId, setCoordinatorId] = useState(incident.coordinatorId ?? '');
  const named = usePersons(
    [incident.handlerId, incident.coordinatorId].filter((id): id is string => Boolean(id)),
    true,
  );
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const changes = assignmentChanges(incident, handlerId, coordinatorId);
    if (Object.keys(changes).length === 0) {
      announce(t('investigation.unchanged'));
      return;
    }
    await update
      .mutateAsync({ id: incident.id, version: incident.version, ...changes })
      .then(() => announce(t('handling.assigned')))
      .catch(() => undefined);
  };
  return (
    <form noValidate className="form" data-form="assignment" onSubmit={(e) => void submit(e)}>
      <h3>{t('handling.assignmentTitle')}</h3>
      <PersonSelect
        label={t('handling.handler')}
        searchLabel={t('handling.handlerSearch')}
        value={handlerId}
        currentName={incident.handlerId ? named.get(incident.handlerId)?.displayName : undefined}
        onChange={setHandlerId}
      />
      <PersonSelect
        label={t('handling.coordinator')}
        searchLabel={t('handling.coordinatorSearch')}
        value={coordinatorId}
        currentName={incident.coordinatorId ? named.get(incident.coordinatorId)?.displayName : undefined}
        onChange={setCoordinatorId}
      />
      {update.error && <ErrorState error={update.error} />}
      <div className="form__actions">
        <button type="submit" className="button" disabled={update.isPending}>
          {update.isPending ? t('status.saving') : t('handling.assign')}
        </button>
      </div>
    </form>
  );
}

/** Re-triage after triage: type, subtype, severity and unit; the API's rules decide (4xx shown in Swedish). */
function RetriageForm({
  incident,
  units,
}: {
  incident: HandledIncident;
  units: ReadonlyMap<string, OrgUnit>;
}) {
  const { t } = useI18n();
  const { announce } = useNotice();
  const update = useUpdateIncident();
  const [type, setType] = useState<IncidentType>(incident.type ?? INCIDENT_TYPES[0]);
  const [subtype, setSubtype] = useState<IncidentSubtype | ''>(incident.subtype ?? '');
  const [severity, setSeverity] = useState<Severity>(incident.severity ?? SEVERITIES[0]);
  const [orgUnitId, setOrgUnitId] = useState(incident.orgUnitId);
  const activeUnits = [...units.values()]
    .filter((u) => u.status === 'ACTIVE' || u.id === incident.orgUnitId)
    .sort((a, b) => a.name.localeCompare(b.name, 'sv'));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const changes = retriageChanges(incident, { type, subtype, severity, orgUnitId });
    if (Object.keys(changes).length === 0) {
      announce(t('investigation.unchanged'));
      return;
    }
    await update
      .mutateAsync({ id: incident.id, version: incident.version, ...changes })
      .then(() => announce(t('handling.retriaged')))
      .catch(() => undefined);
  };
  return (
    <form noValidate className="form" data-form="retriage" onSubmit={(e) => void submit(e)}>
      <h3>{t('handling.retriageTitle')}</h3>
      <p>{t('handling.retriageLead')}</p>
      <SelectField
        label={t('incident.field.type')}
        value={type}
        onChange={(v) => {
          setType(v as IncidentType);
          if (subtype && !subtypesFor(v as IncidentType).includes(subtype)) setSubtype('');
        }}
      >
        {INCIDENT_TYPES.map((v) => (
          <option key={v} value={v}>
            {t(INCIDENT_TYPE_KEYS[v])}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('incident.field.subtype')}
        value={subtype}
        onChange={(v) => setSubtype(v as IncidentSubtype | '')}
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
      >
        {SEVERITIES.map((v) => (
          <option key={v} value={v}>
            {t(SEVERITY_KEYS[v])}
          </option>
        ))}
      </SelectField>
      <SelectField label={t('incident.field.unit')} value={orgUnitId} onChange={setOrgUnitId}>
        {activeUnits.map((u) => (
          <option key={u.id} value={u.id}>
            {u.name}
          </option>
        ))}
      </SelectField>
      {update.error && <ErrorState error={update.error} />}
      <div className="form__actions">
        <button type="submit" className="button" disabled={update.isPending}>
          {update.isPending ? t('status.saving') : t('handling.retriage')}
        </button>
      </div>
    </form>
  );
}

/** Kännedom (BR-D2, D-26): a new time with a required reason; every deadline is recomputed. */
function AwareAtForm({ incident }: { incident: HandledIncident }) {
  const { t } = useI18n();
  const { announce } = useNotice();
  const update = useUpdateIncident();
  const [awareAt, setAwareAt] = useState(toStockholmInput(incident.awareAt));
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, MessageKey | undefined>>({});
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const aware = fromStockholmInput(awareAt);
    const next: Record<string, MessageKey | undefined> = {
      awareAt: !aware
        ? 'report.error.timeInvalid'
        : Date.parse(aware) > Date.parse(incident.reportedAt)
          ? 'error.INCIDENT_AWARE_AT_AFTER_REPORTED_AT'
          : undefined,
      reason: reason.trim() ? undefined : 'triage.awareAtReasonRequired',
    };
    setErrors(next);
    if (!aware || Object.values(next).some(Boolean)) return;
    if (Date.parse(aware) === Date.parse(incident.awareAt)) {
      announce(t('investigation.unchanged'));
      return;
    }
    await update
      .mutateAsync({
        id: incident.id,
        version: incident.version,
        awareAt: aware,
        awareAtReason: reason.trim(),
      })
      .then(() => {
        setReason('');
        announce(t('handling.awareAtChanged'));
      })
      .catch(() => undefined);
  };
  const err = (key: string) => (errors[key] ? t(errors[key]) : undefined);
  return (
    <form noValidate className="form" data-form="aware-at" onSubmit={(e) => void submit(e)}>
      <h3>{t('handling.awareAtTitle')}</h3>
      <TextField
        type="datetime-local"
        label={t('triage.awareAt')}
        hint={`${t('handling.awareAtHint')} ${t('triage.awareAtLate', { reportedAt: formatDateTime(incident.reportedAt) })}`}
        value={awareAt}
        onChange={setAwareAt}
        error={err('awareAt')}
      />
      <TextArea
        label={t('triage.awareAtReason')}
        value={reason}
        onChange={setReason}
        maxLength={2000}
        required
        error={err('reason')}
      />
      {update.error && <ErrorState error={update.error} />}
      <div className="form__actions">
        <button type="submit" className="button" disabled={update.isPending}>
          {update.isPending ? t('status.saving') : t('handling.changeAwareAt')}
        </button>
      </div>
    </form>
  );
}

/**
 * The handling of an open incident (issue 5): handler and coordinator at any open status; after
 * triage also re-triage and a changed kännedom (the triage form asks for kännedom before that).
 */
export function HandlingSection({
  incident,
  units,
  mayUpdate,
}: {
  incident: HandledIncident;
  units: ReadonlyMap<string, OrgUnit>;
  mayUpdate: boolean;
}) {
  const { t } = useI18n();
  if (!mayUpdate || !isOpenIncident(incident)) return null;
  const triaged = incident.status !== 'REPORTED';
  return (
    <section className="panel" aria-labelledby="handling-title" data-section="handling">
      <h2 id="handling-title">{t('handling.title')}</h2>
      <AssignmentForm key={`a${incident.version}`} incident={incident} />
      {triaged && <RetriageForm key={`r${incident.version}`} incident={incident} units={units} />}
      {triaged && <AwareAtForm key={`k${incident.version}`} incident={incident} />}
    </section>
  );
}
