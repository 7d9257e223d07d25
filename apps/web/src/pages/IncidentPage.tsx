import { Fragment } from 'react';
import { Link, useParams } from 'react-router';
import { useIncident } from '../api/incident-queries';
import { useOrgUnitList, usePersons } from '../api/queries';
import type { HandledIncident, OrgUnit } from '../api/types';
import { useSignedIn } from '../auth/session';
import { ErrorState, Loading } from '../components/ErrorState';
import { Fact } from '../components/Fact';
import { PageHeading } from '../components/PageHeading';
import { formatDateTime, useI18n } from '../i18n/i18n';
import {
  BREACH_RISK_KEYS,
  CRISIS_ESCALATION_KEYS,
  INCIDENT_ASPECT_KEYS,
  INCIDENT_STATUS_KEYS,
  INCIDENT_SUBTYPE_KEYS,
  INCIDENT_TYPE_KEYS,
  ROOT_CAUSE_KEYS,
  SEVERITY_KEYS,
  TRI_STATE_KEYS,
} from '../i18n/labels';
import { incidentSubject, isHandled, outcomeOf } from '../incident/incident-model';
import { AttachmentsSection } from '../incident/AttachmentsSection';
import { ObligationsSection } from '../incident/ObligationsSection';
import { RegulatorReportsSection } from '../incident/RegulatorReportsSection';
import { SecrecySection } from '../incident/SecrecySection';
import { TimelineSection } from '../incident/TimelineSection';
import { TransitionActions } from '../incident/TransitionActions';
import { InvestigationForm } from '../incident/InvestigationForm';
import { TriageForm } from '../incident/TriageForm';
import { AffectedSection } from '../incident/AffectedSection';
import { HandlingSection } from '../incident/HandlingSection';

/** Triaged and still open: the investigation can be recorded (closing asks for root cause and lessons). */
const INVESTIGATED_STATUSES: readonly HandledIncident['status'][] = ['TRIAGED', 'INVESTIGATING', 'ACTIONS'];

/** One incident for those who handle or audit it: details, triage, status, timeline, regulator clocks. */
export function IncidentPage() {
  const { incidentId = '' } = useParams();
  const { t } = useI18n();
  const incident = useIncident(incidentId);
  const units = useOrgUnitList();
  const title = incident.data ? `${incident.data.number} ${incident.data.title}` : t('incidentPage.title');
  return (
    <section className="page" data-page="incident">
      <p>
        <Link to="/incidenter">{t('incidentPage.back')}</Link>
      </p>
      <PageHeading title={title} />
      {incident.error ? (
        <ErrorState error={incident.error} onRetry={() => void incident.refetch()} />
      ) : units.error ? (
        <ErrorState error={units.error} onRetry={() => void units.refetch()} />
      ) : !incident.data || !units.data ? (
        <Loading />
      ) : isHandled(incident.data) ? (
        <HandledIncidentContent key={incident.data.id} incident={incident.data} units={units.data} />
      ) : (
        <>
          <p className="lead">{t('incidentPage.reporterView')}</p>
          <dl className="facts">
            <Fact label={t('incident.field.status')} value={t(INCIDENT_STATUS_KEYS[incident.data.status])} />
            <Fact label={t('incident.field.reportedAt')} value={formatDateTime(incident.data.reportedAt)} />
            <Fact
              label={t('incident.field.outcome')}
              value={outcomeOf(incident.data) ?? t('incident.none')}
            />
          </dl>
        </>
      )}
    </section>
  );
}

function HandledIncidentContent({
  incident: i,
  units,
}: {
  incident: HandledIncident;
  units: ReadonlyMap<string, OrgUnit>;
}) {
  const { t } = useI18n();
  const { me, ability } = useSignedIn();
  const unit = units.get(i.orgUnitId);
  const people = usePersons(
    [i.reporterId, i.handlerId].filter((id): id is string => Boolean(id)),
    true,
  );
  const mayUpdate = ability.can('update', incidentSubject(i, me.tenant.id, unit));
  const none = t('incident.none');
  const tri = (v: HandledIncident['ongoing']) => t(TRI_STATE_KEYS[v]);
  return (
    <>
      <h2>{t('incidentPage.details')}</h2>
      <dl className="facts" data-facts="incident">
        <Fact label={t('incident.field.status')} value={t(INCIDENT_STATUS_KEYS[i.status])} field="status" />
        <Fact
          label={t('incident.field.type')}
          value={i.type ? t(INCIDENT_TYPE_KEYS[i.type]) : t('incident.untriaged')}
          field="type"
        />
        <Fact
          label={t('incident.field.subtype')}
          value={i.subtype ? t(INCIDENT_SUBTYPE_KEYS[i.subtype]) : none}
        />
        <Fact
          label={t('incident.field.severity')}
          value={i.severity ? t(SEVERITY_KEYS[i.severity]) : none}
          field="severity"
        />
        <Fact label={t('incident.field.unit')} value={unit?.name ?? none} />
        <Fact
          label={t('incident.field.reporter')}
          value={
            i.reporterMasked
              ? t('incident.field.reporterMasked')
              : (i.reportedOnBehalfOfName ?? (i.reporterId && people.get(i.reporterId)?.displayName) ?? none)
          }
        />
        <Fact
          label={t('incident.field.handler')}
          value={(i.handlerId && people.get(i.handlerId)?.displayName) || none}
        />
        <Fact
          label={t('incident.field.occurredAt')}
          value={i.occurredAt ? formatDateTime(i.occurredAt) : none}
        />
        <Fact label={t('incident.field.discoveredAt')} value={formatDateTime(i.discoveredAt)} />
        <Fact label={t('incident.field.reportedAt')} value={formatDateTime(i.reportedAt)} />
        <Fact label={t('incident.field.awareAt')} value={formatDateTime(i.awareAt)} field="awareAt" />
        <Fact label={t('incident.field.personalData')} value={tri(i.personalDataInvolved)} />
        <Fact label={t('incident.field.ongoing')} value={tri(i.ongoing)} />
        <Fact
          label={t('incident.field.aspects')}
          value={
            i.aspectsAffected.length
              ? i.aspectsAffected.map((a) => t(INCIDENT_ASPECT_KEYS[a])).join(', ')
              : none
          }
          field="aspectsAffected"
        />
        {i.type === 'PERSONAL_DATA_BREACH' && (
          <Fact
            label={t('incident.field.breachRisk')}
            value={
              i.breachRiskAssessment
                ? t(BREACH_RISK_KEYS[i.breachRiskAssessment])
                : t('incident.breachRiskNotAssessed')
            }
            field="breachRiskAssessment"
          />
        )}
        {i.crisisEscalation && (
          <Fact
            label={t('incident.field.crisisEscalation')}
            value={t(CRISIS_ESCALATION_KEYS[i.crisisEscalation])}
            field="crisisEscalation"
          />
        )}
        {i.qualityDeviationRef && (
          <Fact label={t('incident.field.qualityDeviationRef')} value={i.qualityDeviationRef} />
        )}
        {i.significantUnderCyberAct !== null && (
          <Fact
            label={t('incident.field.cyberAct')}
            value={i.significantUnderCyberAct ? t('common.yes') : t('common.no')}
          />
        )}
        {i.rootCauseCategory && (
          <Fact
            label={t('incident.field.rootCauseCategory')}
            value={t(ROOT_CAUSE_KEYS[i.rootCauseCategory])}
          />
        )}
        {i.rejectionReason && <Fact label={t('incident.field.rejectionReason')} value={i.rejectionReason} />}
      </dl>
      <h3>{t('incident.field.description')}</h3>
      <p className="prewrap">{i.description}</p>
      {(
        [
          ['incident.field.consequences', i.consequences],
          ['incident.field.measures', i.measures],
          ['incident.field.rootCause', i.rootCause],
          ['incident.field.lessonsLearned', i.lessonsLearned],
        ] as const
      ).map(
        ([label, text]) =>
          text && (
            <Fragment key={label}>
              <h3>{t(label)}</h3>
              <p className="prewrap">{text}</p>
            </Fragment>
          ),
      )}
      {mayUpdate && i.status === 'REPORTED' && <TriageForm incident={i} unit={unit} />}
      {mayUpdate && INVESTIGATED_STATUSES.includes(i.status) && (
        <InvestigationForm key={i.version} incident={i} unit={unit} />
      )}
      <HandlingSection incident={i} units={units} mayUpdate={mayUpdate} />
      <AffectedSection incident={i} mayUpdate={mayUpdate} />
      <SecrecySection incident={i} mayUpdate={mayUpdate} />
      {mayUpdate && i.allowedTransitions.length > 0 && <TransitionActions incident={i} />}
      <ObligationsSection incident={i} unit={unit} />
      <RegulatorReportsSection incident={i} unit={unit} />
      <AttachmentsSection incident={i} unit={unit} />
      <TimelineSection incident={i} unit={unit} />
    </>
  );
}
