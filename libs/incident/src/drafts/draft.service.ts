import { subject as tag } from '@casl/ability';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Principal } from '@varna/authz';
import { VarnaConfig } from '@varna/config';
import { Clock, conflict, forbidden, stockholmDate } from '@varna/core';
import { renderPdf, type PdfDocumentSpec } from '@varna/documents';
import { OrgUnitEntity, PersonEntity, RoleAssignmentEntity, TenantEntity } from '@varna/organisation';
import { DataSource, EntityManager, In } from 'typeorm';
import { applicableRegimes, REGULATORY_REGIME_LABELS, type RegulatoryRegime } from '../domain';
import { incidentSubject, obligationSubject } from '../incident-access';
import type { IncidentEntity } from '../incident.entity';
import { IncidentService } from '../incident.service';
import { incidentFacts } from '../obligation-schedule';
import { RegulatoryObligationEntity } from '../regulatory-obligation.entity';
import { redactIncident } from '../secrecy';
import { SecrecyService } from '../secrecy/secrecy.service';
import { TimelineWriter } from '../timeline-writer';
import type { ReceiverDirectory } from '../clock-rules/clock-rules';
import { IncidentClockRulesService } from '../clock-rules/clock-rules.service';
import { csirtReportDraft, type CsirtStage } from './csirt-report';
import type { DraftFacts } from './draft-facts';
import { imyNotificationDraft } from './imy-notification';

/** The drafts there are: which regime each is for, how it is built and what its file is called. */
export const DRAFTS = {
  'imy-notification': {
    regime: 'GDPR_ART33_IMY',
    fileName: 'imy-anmalan',
    build: (f: DraftFacts) => imyNotificationDraft(f),
  },
  'csirt-early-warning': {
    regime: 'CYBER_ACT',
    fileName: 'csirt-tidig-varning',
    build: (f: DraftFacts) => csirtReportDraft(f, 'EARLY_WARNING' satisfies CsirtStage),
  },
  'csirt-notification': {
    regime: 'CYBER_ACT',
    fileName: 'csirt-incidentanmalan',
    build: (f: DraftFacts) => csirtReportDraft(f, 'INCIDENT_NOTIFICATION'),
  },
  'csirt-intermediate-report': {
    regime: 'CYBER_ACT',
    fileName: 'csirt-delrapport',
    build: (f: DraftFacts) => csirtReportDraft(f, 'INTERMEDIATE_REPORT'),
  },
  'csirt-progress-report': {
    regime: 'CYBER_ACT',
    fileName: 'csirt-lagesrapport',
    build: (f: DraftFacts) => csirtReportDraft(f, 'PROGRESS_REPORT'),
  },
  'csirt-final-report': {
    regime: 'CYBER_ACT',
    fileName: 'csirt-slutrapport',
    build: (f: DraftFacts) => csirtReportDraft(f, 'FINAL_REPORT'),
  },
} as const satisfies Record<
  string,
  { regime: RegulatoryRegime; fileName: string; build: (f: DraftFacts) => PdfDocumentSpec }
>;
export type DraftKind = keyof typeof DRAFTS;

export const DraftErrors = {
  regimeNotApplicable: (regime: RegulatoryRegime) =>
    conflict(
      'DRAFT_REGIME_NOT_APPLICABLE',
      `${REGULATORY_REGIME_LABELS[regime].sv} gäller inte för incidenten, så det finns inget utkast att göra.`,
      { regime },
    ),
  forbidden: () =>
    forbidden(
      'DRAFT_FORBIDDEN',
      'Utkast gör den som får exportera incidenten eller förbereda rapporteringen till mottagaren.',
    ),
};

/**
 * Pre-filled regulator drafts as PDF (§4d "Reports and exports"). Who: anyone who may `export` the
 * incident (CISO, samordnare in scope, AUDITOR) or `update` a stage of the draft's regime, i.e.
 * prepare that notification (the DPO for the GDPR regimes, D-51); others who read the incident get
 * 403, others 404. Marked fields print "[Sekretess enligt …]" for everyone: what is sent becomes an
 * allmän handling at the receiver. Each draft is an "export made" timeline entry (BR-D3).
 */
@Injectable()
export class DraftService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly incidents: IncidentService,
    private readonly secrecy: SecrecyService,
    private readonly timeline: TimelineWriter,
    private readonly config: VarnaConfig,
    private readonly clock: Clock,
    private readonly clockRules: IncidentClockRulesService,
  ) {}

  async render(principal: Principal, incidentId: string, kind: DraftKind) {
    const draft = DRAFTS[kind];
    const m = this.dataSource.manager;
    const incident = await this.incidents.get(principal, incidentId);
    const unit = incident.orgUnit as OrgUnitEntity;
    const setup = await this.clockRules.setupFor(m, incident.tenantId);
    if (!applicableRegimes(incidentFacts(incident, unit), setup.rules).includes(draft.regime)) {
      throw DraftErrors.regimeNotApplicable(draft.regime);
    }
    const stages = await m.find(RegulatoryObligationEntity, {
      where: { incidentId: incident.id },
      order: { createdAt: 'ASC' },
    });
    const ability = principal.ability;
    const mayExport = ability.can('export', tag('Incident', incidentSubject(incident)));
    const mayPrepare = stages.some(
      (s) =>
        s.regime === draft.regime && ability.can('update', tag('RegulatoryObligation', obligationSubject(s))),
    );
    if (!mayExport && !mayPrepare) throw DraftErrors.forbidden();

    const facts = await this.facts(m, incident, stages, setup.receivers);
    const spec = draft.build(facts);
    const pdf = await renderPdf(spec, { compress: this.config.pdfCompress });
    await this.dataSource.transaction(async (tx) => {
      await this.incidents.lock(tx, incident.id);
      await this.timeline.append(tx, incident, principal.actor.personId, [
        {
          kind: 'EXPORTED',
          text: spec.title,
          data: {
            document: kind,
            regime: draft.regime,
            redactedFields: facts.incident.redactions.map((r) => r.field),
          },
        },
      ]);
    });
    return { pdf, fileName: `${incident.number}-${draft.fileName}-utkast.pdf` };
  }

  /** Loads what the builders print: tenant, units on the path, DPOs, people, redacted fields. */
  private async facts(
    m: EntityManager,
    incident: IncidentEntity,
    stages: RegulatoryObligationEntity[],
    receivers: ReceiverDirectory,
  ): Promise<DraftFacts> {
    const now = this.clock.now();
    const tenant = await m.findOneByOrFail(TenantEntity, { id: incident.tenantId });
    const units = await m.findBy(OrgUnitEntity, { id: In(incident.orgUnitPath) });
    // Root first, the incident's own unit last.
    const path = incident.orgUnitPath
      .map((id) => units.find((u) => u.id === id))
      .filter((u): u is OrgUnitEntity => u !== undefined);
    const nearest = (test: (u: OrgUnitEntity) => boolean) => [...path].reverse().find(test) ?? null;
    const controller = nearest((u) => u.isDataController);
    const company = nearest((u) => u.type === 'COMPANY');
    const markings = (await this.secrecy.markingsOf([incident.id], m)).get(incident.id) ?? [];
    const people = async (id: string | null) => (id ? m.findOneBy(PersonEntity, { id }) : null);
    return {
      now,
      tenant: { name: tenant.name, organisationNumber: tenant.organisationNumber },
      incident: redactIncident(incident, markings),
      unit: incident.orgUnit as OrgUnitEntity,
      controller,
      dpos: controller ? await this.dposOf(m, controller, stockholmDate(now)) : [],
      // A bolag reports as its own legal person; its number is not recorded in Värna.
      operator: company
        ? { name: company.name, organisationNumber: null }
        : { name: tenant.name, organisationNumber: tenant.organisationNumber },
      nisSector: nearest((u) => !!u.nisSector)?.nisSector ?? null,
      handler: await people(incident.handlerId),
      coordinator: await people(incident.coordinatorId),
      stages,
      receivers,
      intermediateRequest: await this.intermediateRequest(m, incident, stages),
    };
  }

  /** The note of the CSIRT's latest request, from the timeline entry that created the stage. */
  private async intermediateRequest(
    m: EntityManager,
    incident: IncidentEntity,
    stages: RegulatoryObligationEntity[],
  ): Promise<{ note: string | null } | null> {
    const latest = stages.filter((s) => s.regime === 'CYBER_ACT' && s.stage === 'INTERMEDIATE_REPORT').at(-1);
    if (!latest) return null;
    const [entry] = await m.query<{ text: string | null }[]>(
      `SELECT text FROM incident_timeline_entry
        WHERE incident_id = $1 AND kind = 'OBLIGATION_CREATED' AND data->>'obligationId' = $2
        ORDER BY seq DESC LIMIT 1`,
      [incident.id, latest.id],
    );
    return { note: entry?.text ?? null };
  }

  /** D-51: the DPOs whose valid assignment names the controller, ACTIVE accounts only. */
  private async dposOf(m: EntityManager, controller: OrgUnitEntity, today: string): Promise<PersonEntity[]> {
    const assignments = await m
      .getRepository(RoleAssignmentEntity)
      .createQueryBuilder('ra')
      .innerJoinAndSelect('ra.person', 'p')
      .where('ra.tenant_id = :tenant AND ra.role = :role', { tenant: controller.tenantId, role: 'DPO' })
      .andWhere(':unit::uuid = ANY(ra.org_unit_ids)', { unit: controller.id })
      .andWhere('ra.valid_from <= :today AND (ra.valid_to IS NULL OR ra.valid_to >= :today)', { today })
      .andWhere(`p.status = 'ACTIVE'`)
      .orderBy('p.display_name', 'ASC')
      .getMany();
    return [...new Map(assignments.map((a) => [a.personId, a.person as PersonEntity])).values()];
  }
}
