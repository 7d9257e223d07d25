import { ApiProperty, ApiPropertyOptional, getSchemaPath, OmitType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  MaxLength,
  Min,
} from 'class-validator';
import { IsOmittable, PageQuery } from '@varna/core';
import {
  ASPECTS,
  BREACH_RISK_ASSESSMENTS,
  CRISIS_ESCALATIONS,
  FORM_CHANNELS,
  INCIDENT_STATUSES,
  INCIDENT_SUBTYPES,
  INCIDENT_TYPES,
  PENDING_ASSESSMENTS,
  PERSONAL_DATA_CATEGORIES,
  REPORT_CHANNELS,
  ROOT_CAUSE_CATEGORIES,
  SEVERITIES,
  TRANSITION_TARGETS,
  TRI_STATES,
  type Aspect,
  type BreachRiskAssessment,
  type CrisisEscalation,
  type IncidentStatus,
  type IncidentSubtype,
  type IncidentType,
  type PendingAssessment,
  type PersonalDataCategory,
  type ReportChannel,
  type RootCauseCategory,
  type Severity,
  type TransitionTarget,
  type TriState,
} from '../domain';
import { SECRECY_FIELDS, type SecrecyField } from '../secrecy/redaction';
import { IsInstant } from './instant';

const TEXT_MAX = 20_000;

// ---------------------------------------------------------------------------------------------
// Requests
// ---------------------------------------------------------------------------------------------

/** The reporting form (D-23): only "Vad har hänt?" is required. */
export class CreateIncidentDto {
  @ApiProperty({ description: 'Vad har hänt? The reporter’s words', maxLength: TEXT_MAX })
  @IsString()
  @Length(1, TEXT_MAX)
  description: string;

  @ApiPropertyOptional({ maxLength: 200, description: 'Default: the start of the description' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  title?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Var? Default: the reporter’s home unit' })
  @IsOptional()
  @IsUUID()
  orgUnitId?: string;

  @ApiPropertyOptional({ example: '2026-11-16T08:30:00+01:00' })
  @IsOptional()
  @IsInstant('occurredAt')
  occurredAt?: string;

  @ApiPropertyOptional({
    example: '2026-11-16T09:45:00+01:00',
    description: 'När upptäckte du det? Default: now',
  })
  @IsOptional()
  @IsInstant('discoveredAt')
  discoveredAt?: string;

  @ApiPropertyOptional({ enum: TRI_STATES, default: 'UNKNOWN', description: 'Berör det personuppgifter?' })
  @IsOptional()
  @IsIn(TRI_STATES)
  personalDataInvolved?: TriState;

  @ApiPropertyOptional({ enum: TRI_STATES, default: 'UNKNOWN', description: 'Pågår det fortfarande?' })
  @IsOptional()
  @IsIn(TRI_STATES)
  ongoing?: TriState;

  @ApiPropertyOptional({ enum: FORM_CHANNELS, default: 'FORM' })
  @IsOptional()
  @IsIn(FORM_CHANNELS)
  channel?: ReportChannel;

  @ApiPropertyOptional({ maxLength: 200, description: 'A manager reporting for staff without an account' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  reportedOnBehalfOfName?: string;
}

export class ListIncidentsQueryDto extends PageQuery(50, 500) {
  @ApiPropertyOptional({ enum: INCIDENT_STATUSES })
  @IsOptional()
  @IsIn(INCIDENT_STATUSES)
  status?: IncidentStatus;

  @ApiPropertyOptional({ enum: [...INCIDENT_TYPES, 'UNTRIAGED'], description: 'UNTRIAGED: no type yet' })
  @IsOptional()
  @IsIn([...INCIDENT_TYPES, 'UNTRIAGED'])
  type?: IncidentType | 'UNTRIAGED';

  @ApiPropertyOptional({ format: 'uuid', description: 'Incidents of this unit and its subtree' })
  @IsOptional()
  @IsUUID()
  orgUnitId?: string;

  @ApiPropertyOptional({ description: 'Only incidents I reported' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  mine?: boolean;
}

/** The incident register: the list's filters, no paging. */
export class ExportIncidentsQueryDto extends OmitType(ListIncidentsQueryDto, ['limit', 'offset'] as const) {
  @ApiPropertyOptional({ enum: ['xlsx', 'csv'], default: 'xlsx' })
  @IsOptional()
  @IsIn(['xlsx', 'csv'])
  format?: 'xlsx' | 'csv';
}

/** REPORTED → TRIAGED: type, severity, unit and personal data settled; the clocks start. */
export class TriageIncidentDto {
  @ApiProperty({ description: 'The version read; a stale version is refused with 409' })
  @IsInt()
  @Min(1)
  version: number;

  @ApiProperty({ enum: INCIDENT_TYPES }) @IsIn(INCIDENT_TYPES) type: IncidentType;
  @ApiPropertyOptional({ enum: INCIDENT_SUBTYPES })
  @IsOptional()
  @IsIn(INCIDENT_SUBTYPES)
  subtype?: IncidentSubtype;
  @ApiProperty({ enum: SEVERITIES }) @IsIn(SEVERITIES) severity: Severity;

  @ApiPropertyOptional({ format: 'uuid', description: 'Move the incident to the unit where it happened' })
  @IsOptional()
  @IsUUID()
  orgUnitId?: string;

  @ApiPropertyOptional({ enum: TRI_STATES, description: 'Must end up YES or NO' })
  @IsOptional()
  @IsIn(TRI_STATES)
  personalDataInvolved?: TriState;

  @ApiPropertyOptional({ enum: ASPECTS, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(4)
  @IsIn(ASPECTS, { each: true })
  aspectsAffected?: Aspect[];

  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() handlerId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() coordinatorId?: string;

  @ApiPropertyOptional({ enum: BREACH_RISK_ASSESSMENTS, description: 'The DPO’s risk assessment' })
  @IsOptional()
  @IsIn(BREACH_RISK_ASSESSMENTS)
  breachRiskAssessment?: BreachRiskAssessment;

  @ApiPropertyOptional({ description: 'Asked for whenever the unit is covered by cybersäkerhetslagen' })
  @IsOptional()
  @IsBoolean()
  significantUnderCyberAct?: boolean;

  @ApiPropertyOptional({ description: 'Kännedom earlier than the report (BR-D2); needs awareAtReason' })
  @IsOptional()
  @IsInstant('awareAt')
  awareAt?: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  awareAtReason?: string;
}

export class TransitionIncidentDto {
  @ApiProperty() @IsInt() @Min(1) version: number;

  @ApiProperty({
    enum: TRANSITION_TARGETS,
    description: 'INVESTIGATING (also: reopen a closed incident), ACTIONS, CLOSED, REJECTED',
  })
  @IsIn(TRANSITION_TARGETS)
  to: TransitionTarget;

  @ApiPropertyOptional({ maxLength: 2000, description: 'Required to reject and to reopen' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  reason?: string;
}

/** The investigation: any subset; `null` clears a nullable field. */
export class UpdateIncidentDto {
  @ApiProperty() @IsInt() @Min(1) version: number;

  @ApiPropertyOptional({ maxLength: 200 }) @IsOmittable() @IsString() @Length(1, 200) title?: string;
  @ApiPropertyOptional({ maxLength: TEXT_MAX })
  @IsOmittable()
  @IsString()
  @Length(1, TEXT_MAX)
  description?: string;

  @ApiPropertyOptional({ enum: INCIDENT_TYPES }) @IsOmittable() @IsIn(INCIDENT_TYPES) type?: IncidentType;
  @ApiPropertyOptional({ enum: INCIDENT_SUBTYPES, nullable: true })
  @IsOptional()
  @IsIn(INCIDENT_SUBTYPES)
  subtype?: IncidentSubtype | null;
  @ApiPropertyOptional({ enum: SEVERITIES }) @IsOmittable() @IsIn(SEVERITIES) severity?: Severity;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOmittable() @IsUUID() orgUnitId?: string;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  @IsOptional()
  @IsUUID()
  handlerId?: string | null;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  @IsOptional()
  @IsUUID()
  coordinatorId?: string | null;

  @ApiPropertyOptional({ enum: ASPECTS, isArray: true })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(4)
  @IsIn(ASPECTS, { each: true })
  aspectsAffected?: Aspect[];

  @ApiPropertyOptional({ enum: TRI_STATES }) @IsOmittable() @IsIn(TRI_STATES) ongoing?: TriState;
  @ApiPropertyOptional({ enum: TRI_STATES })
  @IsOmittable()
  @IsIn(TRI_STATES)
  personalDataInvolved?: TriState;

  @ApiPropertyOptional({ enum: BREACH_RISK_ASSESSMENTS, nullable: true })
  @IsOptional()
  @IsIn(BREACH_RISK_ASSESSMENTS)
  breachRiskAssessment?: BreachRiskAssessment | null;

  @ApiPropertyOptional({ nullable: true, type: Boolean })
  @IsOptional()
  @IsBoolean()
  significantUnderCyberAct?: boolean | null;

  @ApiPropertyOptional({ enum: ROOT_CAUSE_CATEGORIES, nullable: true })
  @IsOptional()
  @IsIn(ROOT_CAUSE_CATEGORIES)
  rootCauseCategory?: RootCauseCategory | null;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: TEXT_MAX })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX)
  rootCause?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: TEXT_MAX })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX)
  consequences?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: TEXT_MAX })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX)
  measures?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: TEXT_MAX })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX)
  lessonsLearned?: string | null;

  @ApiPropertyOptional({ nullable: true, type: Number, minimum: 0, description: 'GDPR Art. 33(3)(a)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  dataSubjectsApprox?: number | null;

  @ApiPropertyOptional({ nullable: true, type: Number, minimum: 0, description: 'GDPR Art. 33(3)(a)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  recordsApprox?: number | null;

  @ApiPropertyOptional({ enum: PERSONAL_DATA_CATEGORIES, isArray: true })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(PERSONAL_DATA_CATEGORIES.length)
  @IsIn(PERSONAL_DATA_CATEGORIES, { each: true })
  dataCategories?: PersonalDataCategory[];

  @ApiPropertyOptional({
    enum: CRISIS_ESCALATIONS,
    nullable: true,
    description: 'Escalation in the crisis organisation (TiB informed, readiness level raised)',
  })
  @IsOptional()
  @IsIn(CRISIS_ESCALATIONS)
  crisisEscalation?: CrisisEscalation | null;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    maxLength: 100,
    description: 'The id in the SOSFS 2011:9 deviation (quality) system',
  })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  qualityDeviationRef?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', isArray: true, description: 'Linked assets' })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  assetIds?: string[];

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    isArray: true,
    description: 'Linked information sets',
  })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  informationSetIds?: string[];

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @IsInstant('occurredAt')
  occurredAt?: string | null;

  @ApiPropertyOptional({
    description: 'Kännedom (BR-D2, D-26): recomputes every deadline; needs awareAtReason',
  })
  @IsOmittable()
  @IsInstant('awareAt')
  awareAt?: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  awareAtReason?: string;
}

// ---------------------------------------------------------------------------------------------
// Responses
// ---------------------------------------------------------------------------------------------

export const INCIDENT_VIEWS = ['HANDLER', 'AUDITOR', 'REPORTER'] as const;
export type IncidentView = (typeof INCIDENT_VIEWS)[number];

/** What the reporter of an incident sees of it: their report, its status and outcome (D-08). */
export class ReportedIncidentDto {
  @ApiProperty({ enum: ['REPORTER'] }) view: 'REPORTER';
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'INC-2026-0016' }) number: string;
  @ApiProperty() title: string;
  @ApiProperty() description: string;
  @ApiProperty({ format: 'uuid' }) orgUnitId: string;
  @ApiProperty({ enum: REPORT_CHANNELS }) channel: ReportChannel;
  @ApiPropertyOptional({ nullable: true, type: String }) reportedOnBehalfOfName: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) occurredAt: string | null;
  @ApiProperty() discoveredAt: string;
  @ApiProperty() reportedAt: string;
  @ApiProperty({ enum: TRI_STATES }) ongoing: TriState;
  @ApiProperty({ enum: TRI_STATES }) personalDataInvolved: TriState;
  @ApiProperty({ enum: INCIDENT_STATUSES }) status: IncidentStatus;
  @ApiProperty() statusLabel: string;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'The outcome told to the reporter, e.g. why it was not an incident',
  })
  outcome: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) closedAt: string | null;
}

/**
 * The incident for those who handle it (view HANDLER) and for auditors (view AUDITOR: the
 * reporter's identity masked).
 */
export class IncidentDto {
  @ApiProperty({ enum: ['HANDLER', 'AUDITOR'] }) view: 'HANDLER' | 'AUDITOR';
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'INC-2026-0001' }) number: string;
  @ApiPropertyOptional({ enum: INCIDENT_TYPES, nullable: true }) type: IncidentType | null;
  @ApiPropertyOptional({ nullable: true, type: String }) typeLabel: string | null;
  @ApiPropertyOptional({ enum: INCIDENT_SUBTYPES, nullable: true }) subtype: IncidentSubtype | null;
  @ApiPropertyOptional({ nullable: true, type: String }) subtypeLabel: string | null;
  @ApiProperty() title: string;
  @ApiProperty() description: string;
  @ApiProperty({ format: 'uuid' }) orgUnitId: string;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'null when masked' })
  reporterId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) reportedOnBehalfOfName: string | null;
  @ApiProperty({ description: 'The reporter’s identity is hidden from this view' }) reporterMasked: boolean;
  @ApiProperty({ enum: REPORT_CHANNELS }) channel: ReportChannel;
  @ApiPropertyOptional({ nullable: true, type: String }) occurredAt: string | null;
  @ApiProperty() discoveredAt: string;
  @ApiProperty() reportedAt: string;
  @ApiProperty({ description: 'Kännedom: starts the regulator clocks' }) awareAt: string;
  @ApiProperty({ enum: TRI_STATES }) ongoing: TriState;
  @ApiProperty({ enum: TRI_STATES }) personalDataInvolved: TriState;
  @ApiPropertyOptional({ enum: SEVERITIES, nullable: true }) severity: Severity | null;
  @ApiPropertyOptional({ nullable: true, type: String }) severityLabel: string | null;
  @ApiProperty({ enum: ASPECTS, isArray: true }) aspectsAffected: Aspect[];
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String }) handlerId: string | null;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String }) coordinatorId: string | null;
  @ApiProperty({ enum: INCIDENT_STATUSES }) status: IncidentStatus;
  @ApiProperty() statusLabel: string;
  @ApiPropertyOptional({ nullable: true, type: String }) rejectionReason: string | null;
  @ApiPropertyOptional({ enum: BREACH_RISK_ASSESSMENTS, nullable: true })
  breachRiskAssessment: BreachRiskAssessment | null;
  @ApiPropertyOptional({ nullable: true, type: Boolean }) significantUnderCyberAct: boolean | null;
  @ApiPropertyOptional({ enum: ROOT_CAUSE_CATEGORIES, nullable: true })
  rootCauseCategory: RootCauseCategory | null;
  @ApiPropertyOptional({ nullable: true, type: String }) rootCause: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) consequences: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) measures: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) lessonsLearned: string | null;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'null also when masked' })
  dataSubjectsApprox: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'null also when masked' })
  recordsApprox: number | null;
  @ApiPropertyOptional({
    enum: PERSONAL_DATA_CATEGORIES,
    isArray: true,
    nullable: true,
    description: 'null when masked',
  })
  dataCategories: PersonalDataCategory[] | null;
  @ApiProperty({ type: String, format: 'uuid', isArray: true }) assetIds: string[];
  @ApiProperty({ type: String, format: 'uuid', isArray: true }) informationSetIds: string[];
  @ApiPropertyOptional({ enum: CRISIS_ESCALATIONS, nullable: true })
  crisisEscalation: CrisisEscalation | null;
  @ApiPropertyOptional({ nullable: true, type: String }) qualityDeviationRef: string | null;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'MERGED: merged into' })
  mergedIntoId: string | null;
  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'The deviation the quality bridge created this breach from (BR-D4)',
  })
  bridgedFromId: string | null;
  @ApiPropertyOptional({
    enum: ['YES', 'NO'],
    nullable: true,
    description: 'Är detta en personuppgiftsincident?',
  })
  qualityBridgeAnswer: 'YES' | 'NO' | null;
  @ApiProperty({ description: 'The quality-bridge question is open for this deviation (BR-D4)' })
  qualityBridgeAsked: boolean;
  @ApiPropertyOptional({ nullable: true, type: String }) triagedAt: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) closedAt: string | null;
  @ApiProperty({
    enum: PENDING_ASSESSMENTS,
    isArray: true,
    description: 'Questions triage still has to answer',
  })
  pendingAssessments: PendingAssessment[];
  @ApiProperty({ enum: TRANSITION_TARGETS, isArray: true, description: 'Steps the caller may take now' })
  allowedTransitions: TransitionTarget[];
  @ApiProperty({ type: () => SecrecyMarkingDto, isArray: true })
  secrecyMarkings: SecrecyMarkingDto[];
  @ApiProperty({
    type: () => RedactionDto,
    isArray: true,
    description: 'Fields masked in this view (the AUDITOR view masks every marked field)',
  })
  redactions: RedactionDto[];
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
  @ApiProperty() version: number;
}

// ---------------------------------------------------------------------------------------------
// Merge, quality bridge (BR-D4), information notices (BR-D5)
// ---------------------------------------------------------------------------------------------

export class MergeIncidentDto {
  @ApiProperty({ description: 'The version of the incident merged away' }) @IsInt() @Min(1) version: number;
  @ApiProperty({ format: 'uuid', description: 'The incident it is merged into' }) @IsUUID() targetId: string;
  @ApiProperty({ maxLength: 2000 }) @IsString() @Length(1, 2000) reason: string;
}

export class QualityBridgeDto {
  @ApiProperty() @IsInt() @Min(1) version: number;
  @ApiProperty({ enum: ['YES', 'NO'], description: 'Är detta en personuppgiftsincident?' })
  @IsIn(['YES', 'NO'])
  answer: 'YES' | 'NO';
}

export class CreateInformationNoticeDto {
  @ApiProperty({ maxLength: 200, description: 'The unit, organisation or person informed' })
  @IsString()
  @Length(1, 200)
  recipient: string;

  @ApiProperty({ maxLength: TEXT_MAX, description: 'What was told' })
  @IsString()
  @Length(1, TEXT_MAX)
  text: string;
}

export class InformationNoticeDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) incidentId: string;
  @ApiProperty() recipient: string;
  @ApiProperty() text: string;
  @ApiProperty() sentAt: string;
  @ApiProperty({ format: 'uuid' }) sentById: string;
}

export class InformationNoticeListDto {
  @ApiProperty({ type: InformationNoticeDto, isArray: true }) items: InformationNoticeDto[];
}

// ---------------------------------------------------------------------------------------------
// Secrecy (BR-D8, §5.2)
// ---------------------------------------------------------------------------------------------

export class CreateSecrecyMarkingDto {
  @ApiProperty({ enum: SECRECY_FIELDS, isArray: true, description: 'The fields marked (no blanket marking)' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(SECRECY_FIELDS.length)
  @IsIn(SECRECY_FIELDS, { each: true })
  fieldPaths: SecrecyField[];

  @ApiProperty({ example: '26 kap. 1 § OSL', maxLength: 80, description: 'The OSL provision' })
  @IsString()
  @Length(1, 80)
  provision: string;

  @ApiProperty({ maxLength: 2000, description: 'Why the provision applies' })
  @IsString()
  @Length(1, 2000)
  reason: string;
}

export class SecrecyMarkingDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: SECRECY_FIELDS, isArray: true }) fieldPaths: SecrecyField[];
  @ApiProperty({ example: '26 kap. 1 § OSL' }) provision: string;
  @ApiProperty() reason: string;
  @ApiProperty({ format: 'uuid' }) markedById: string;
  @ApiProperty() markedAt: string;
}

export class RedactionDto {
  @ApiProperty({ enum: SECRECY_FIELDS }) field: SecrecyField;
  @ApiProperty({ type: String, isArray: true }) provisions: string[];
  @ApiProperty({ example: '[Sekretess enligt 26 kap. 1 § OSL]' }) text: string;
}

/** Either view, told apart by `view`. */
export const INCIDENT_RESPONSE_SCHEMA = {
  oneOf: [{ $ref: getSchemaPath(IncidentDto) }, { $ref: getSchemaPath(ReportedIncidentDto) }],
};

export class IncidentListDto {
  @ApiProperty({ type: 'array', items: INCIDENT_RESPONSE_SCHEMA })
  items: (IncidentDto | ReportedIncidentDto)[];
  @ApiProperty({ description: 'Matching incidents, counted up to 1 000 (see totalCapped)' }) total: number;
  @ApiProperty({ description: 'More than 1 000 match: total is the cap, not the count' })
  totalCapped: boolean;
  @ApiProperty() limit: number;
  @ApiProperty() offset: number;
}

export class QualityBridgeResultDto {
  @ApiProperty({ oneOf: INCIDENT_RESPONSE_SCHEMA.oneOf }) deviation: IncidentDto | ReportedIncidentDto;
  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'The breach created on "Ja"',
  })
  breachId: string | null;
}
