import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { assertCan, type Principal } from '@varna/authz';
import { badRequest } from '@varna/core';
import { canonicalJson, changeBy, HistoryService } from '@varna/history';
import { DataSource, EntityManager } from 'typeorm';
import {
  MSBFS_MODEL_DEFAULT_INCIDENT_TYPES,
  RECEIVER_KIND_LABELS,
  REGULATORY_REGIME_LABELS,
  REGULATORY_STAGE_LABELS,
  stageDefinition,
  validateTenantClockRules,
  type PeriodOverrides,
  type RegulatoryRegime,
  type RegulatoryStage,
  type StageDefinition,
  type TenantClockRules,
  type TenantRuleIssueCode,
} from '../domain';
import type {
  ClockStageRuleDto,
  IncidentClockRulesDto,
  UpdateIncidentClockRulesDto,
} from '../dto/clock-rules.dto';
import {
  CONFIGURABLE_RECEIVERS,
  overridableStages,
  receiverDirectory,
  samePeriod,
  statutoryStages,
  toTenantClockRules,
  type ReceiverDirectory,
} from './clock-rules';
import { IncidentClockRulesEntity } from './incident-clock-rules.entity';

const ISSUE_MESSAGES: Record<TenantRuleIssueCode, string> = {
  STAGE_NOT_IN_REGIME: 'Steget finns inte i regelverket.',
  PERIOD_NOT_OVERRIDABLE: 'Tidsfristen är lagstadgad och kan inte ändras; bara interna mål kan ändras.',
  INVALID_PERIOD: 'Tiden ska vara ett positivt heltal.',
};

/** What the clocks of one tenant run on: the domain's rules and the receivers' names (D-25). */
export interface TenantClockSetup {
  rules: TenantClockRules;
  receivers: ReceiverDirectory;
}

/**
 * The tenant's regulator clock rules (§4d, D-24, D-25): one row per tenant, the defaults (MSBFS model
 * off, the D-24 targets, IMY / CERT-SE (MCF) / IVO) while there is none. Read by everyone, changed by
 * the CISO (§3.3), each change one history entry. ADR 0015.
 */
@Injectable()
export class IncidentClockRulesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly history: HistoryService,
  ) {}

  /** The rules and receivers in force for a tenant (inside the caller's transaction). */
  async setupFor(m: EntityManager, tenantId: string): Promise<TenantClockSetup> {
    const row = await m.findOneBy(IncidentClockRulesEntity, { tenantId });
    return { rules: toTenantClockRules(row), receivers: receiverDirectory(row?.receivers ?? {}) };
  }

  async rulesFor(m: EntityManager, tenantId: string): Promise<TenantClockRules> {
    return (await this.setupFor(m, tenantId)).rules;
  }

  async get(principal: Principal): Promise<IncidentClockRulesDto> {
    const row = await this.dataSource.manager.findOneBy(IncidentClockRulesEntity, {
      tenantId: principal.actor.tenantId,
    });
    return toDto(row);
  }

  /** The CISO changes the rules; stages already created keep their periods (ADR 0015). */
  async update(principal: Principal, dto: UpdateIncidentClockRulesDto): Promise<IncidentClockRulesDto> {
    const tenantId = principal.actor.tenantId;
    const fields = ['msbfsEnabled', 'msbfsIncidentTypes', 'periodOverrides', 'receivers'] as const;
    if (Array.isArray(dto) || fields.every((f) => dto[f] === undefined)) {
      throw badRequest(
        'VALIDATION_FAILED',
        'Ange minst en uppgift att ändra.',
        fields.map((field) => ({ field, messages: ['Ange minst en uppgift att ändra.'] })),
      );
    }
    await this.dataSource.transaction(async (m) => {
      await m.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`incident_clock_rules:${tenantId}`]);
      let row = await m.findOneBy(IncidentClockRulesEntity, { tenantId });
      const before = row ? { ...row } : null;
      row ??= m.create(IncidentClockRulesEntity, {
        tenantId,
        msbfsEnabled: false,
        msbfsIncidentTypes: [...MSBFS_MODEL_DEFAULT_INCIDENT_TYPES],
        periodOverrides: {},
        receivers: {},
      });
      assertCan(principal.ability, 'update', 'IncidentClockRules', { id: row.id ?? '', tenantId });
      if (dto.msbfsEnabled !== undefined) row.msbfsEnabled = dto.msbfsEnabled;
      if (dto.msbfsIncidentTypes !== undefined) row.msbfsIncidentTypes = [...dto.msbfsIncidentTypes];
      if (dto.periodOverrides !== undefined) row.periodOverrides = overridesOf(dto.periodOverrides);
      if (dto.receivers !== undefined) {
        const kinds = dto.receivers.map((r) => r.kind);
        if (new Set(kinds).size !== kinds.length) {
          throw badRequest('CLOCK_RULES_RECEIVER_DUPLICATE', 'Samma mottagare anges två gånger.', [
            { field: 'receivers', messages: ['Samma mottagare anges två gånger.'] },
          ]);
        }
        const receivers = { ...row.receivers };
        for (const r of dto.receivers) {
          receivers[r.kind] = { name: r.name.trim(), contact: r.contact?.trim() ? r.contact.trim() : null };
        }
        row.receivers = receivers;
      }
      const issues = validateTenantClockRules(toTenantClockRules(row));
      if (issues.length) {
        const [first] = issues;
        throw badRequest(
          `CLOCK_RULES_${first.code}`,
          `${first.regime} ${first.stage}: ${ISSUE_MESSAGES[first.code]}`,
          issues.map((i) => ({
            code: i.code,
            field: 'periodOverrides',
            regime: i.regime,
            stage: i.stage,
            messages: [ISSUE_MESSAGES[i.code]],
          })),
        );
      }
      // Key order as jsonb stores it may differ from the request's: compare canonically.
      if (canonicalJson(plain(before ?? DEFAULT_ROW)) === canonicalJson(plain(row))) return;
      const saved = await m.save(IncidentClockRulesEntity, row);
      await this.history.record(
        m,
        changeBy(principal, {
          entityType: 'IncidentClockRules',
          action: before ? 'update' : 'create',
          entityId: saved.id,
          before,
          after: saved,
        }),
      );
    });
    return this.get(principal);
  }
}

const DEFAULT_ROW = {
  msbfsEnabled: false,
  msbfsIncidentTypes: [...MSBFS_MODEL_DEFAULT_INCIDENT_TYPES],
  periodOverrides: {},
  receivers: {},
} as Pick<IncidentClockRulesEntity, 'msbfsEnabled' | 'msbfsIncidentTypes' | 'periodOverrides' | 'receivers'>;

function plain(
  r: Pick<IncidentClockRulesEntity, 'msbfsEnabled' | 'msbfsIncidentTypes' | 'periodOverrides' | 'receivers'>,
) {
  return [r.msbfsEnabled, r.msbfsIncidentTypes, r.periodOverrides, r.receivers];
}

/** The list form of the API as the domain's nested map; a stage named twice: the last wins. */
function overridesOf(list: NonNullable<UpdateIncidentClockRulesDto['periodOverrides']>): PeriodOverrides {
  const out: Partial<
    Record<RegulatoryRegime, Partial<Record<RegulatoryStage, { unit: string; amount: number }>>>
  > = {};
  for (const o of list) {
    out[o.regime] = { ...(out[o.regime] ?? {}), [o.stage]: { unit: o.period.unit, amount: o.period.amount } };
  }
  return out as PeriodOverrides;
}

function stageRule(d: StageDefinition, rules: TenantClockRules): ClockStageRuleDto {
  const defaultPeriod = stageDefinition(d.regime, d.stage).period;
  const own = rules.periodOverrides?.[d.regime]?.[d.stage];
  const period = own ?? defaultPeriod;
  return {
    regime: d.regime,
    regimeLabel: REGULATORY_REGIME_LABELS[d.regime].sv,
    stage: d.stage,
    stageLabel: REGULATORY_STAGE_LABELS[d.stage].sv,
    anchor: d.anchor,
    clock: d.clock,
    period: { unit: period!.unit, amount: period!.amount },
    defaultPeriod: { unit: defaultPeriod!.unit, amount: defaultPeriod!.amount },
    overridden: !!own && !samePeriod(own, defaultPeriod),
  };
}

function toDto(row: IncidentClockRulesEntity | null): IncidentClockRulesDto {
  const rules = toTenantClockRules(row);
  const directory = receiverDirectory(row?.receivers ?? {});
  return {
    msbfsEnabled: rules.msbfsModel?.enabled ?? false,
    msbfsIncidentTypes: [...(rules.msbfsModel?.incidentTypes ?? MSBFS_MODEL_DEFAULT_INCIDENT_TYPES)],
    targets: overridableStages().map((d) => stageRule(d, rules)),
    deadlines: statutoryStages().map((d) => stageRule(d, rules)),
    receivers: CONFIGURABLE_RECEIVERS.map((kind) => ({
      kind,
      kindLabel: RECEIVER_KIND_LABELS[kind].sv,
      name: directory[kind].name,
      contact: directory[kind].contact,
      configured: directory[kind].configured,
    })),
    updatedAt: row ? row.updatedAt.toISOString() : null,
    version: row?.version ?? 0,
  };
}
