import { TenantScopedEntity } from '@varna/db';
import { Column, Entity, Unique } from 'typeorm';
import type { IncidentType, PeriodOverrides, ReceiverKind } from '../domain';

/** One configured receiver (D-25): the authority's name and how to reach it. */
export interface ConfiguredReceiver {
  name: string;
  contact: string | null;
}

/**
 * The tenant's regulator clock rules (domain.md §4d "Clock rules", D-24, D-25; one row per tenant,
 * the defaults when absent): the optional MSBFS 2020:8 model, the periods of the internal targets
 * and the receivers' names. Created and changed by the CISO, read by everyone (§3.3).
 */
@Entity({ name: 'incident_clock_rules' })
@Unique(['tenantId'])
export class IncidentClockRulesEntity extends TenantScopedEntity {
  static readonly modelName = 'IncidentClockRules';

  /** The optional MSBFS 2020:8 model (off by default and in the demo, §6). */
  @Column({ type: 'boolean', default: false })
  msbfsEnabled: boolean;

  /** The incident types the model covers. */
  @Column({ type: 'varchar', length: 30, array: true })
  msbfsIncidentTypes: IncidentType[];

  /** `{ regime: { stage: { unit, amount } } }`: internal targets only (validated by the domain). */
  @Column({ type: 'jsonb' })
  periodOverrides: PeriodOverrides;

  /** `{ kind: { name, contact } }` for the kinds the tenant has named; the rest use the defaults. */
  @Column({ type: 'jsonb' })
  receivers: Partial<Record<ReceiverKind, ConfiguredReceiver>>;
}
