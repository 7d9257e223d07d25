import {
  MSBFS_MODEL_DEFAULT_INCIDENT_TYPES,
  RECEIVER_KIND_LABELS,
  REGULATORY_REGIMES,
  stagesFor,
  type IncidentType,
  type Period,
  type PeriodOverrides,
  type ReceiverKind,
  type StageDefinition,
  type TenantClockRules,
} from '../domain';
import type { ConfiguredReceiver } from './incident-clock-rules.entity';

/** The receivers a tenant names (D-25): the authorities. Data subjects and the internal log are not. */
export const CONFIGURABLE_RECEIVERS = ['IMY', 'CSIRT', 'IVO', 'SECURITY_SERVICE', 'POLICE'] as const;
export type ConfigurableReceiver = (typeof CONFIGURABLE_RECEIVERS)[number];

/**
 * The receivers of a tenant that has named none (D-25). The CSIRT is the one Cybersäkerhetsförordning
 * (2025:1507) 6 § names, today run by MCF as CERT-SE; a move to FRA is being studied (SOU 2025:79).
 */
export const DEFAULT_RECEIVERS: Record<ConfigurableReceiver, ConfiguredReceiver> = {
  IMY: {
    name: 'Integritetsskyddsmyndigheten (IMY)',
    contact: 'imy.se – e-tjänsten Anmäl personuppgiftsincident',
  },
  CSIRT: { name: 'CERT-SE (MCF)', contact: 'cert.se – incidentrapportering enligt cybersäkerhetslagen' },
  IVO: { name: 'Inspektionen för vård och omsorg (IVO)', contact: 'ivo.se – e-tjänsten för anmälan' },
  SECURITY_SERVICE: { name: 'Säkerhetspolisen (via säkerhetsskyddschefen)', contact: null },
  POLICE: { name: 'Polismyndigheten', contact: 'polisen.se eller 114 14' },
};

export type ReceiverDirectory = Record<ReceiverKind, ConfiguredReceiver & { configured: boolean }>;

/** Every receiver kind's name: the tenant's, else the default, else the kind's label. */
export function receiverDirectory(
  stored: Partial<Record<ReceiverKind, ConfiguredReceiver>>,
): ReceiverDirectory {
  const out = {} as ReceiverDirectory;
  for (const kind of Object.keys(RECEIVER_KIND_LABELS) as ReceiverKind[]) {
    const own = (CONFIGURABLE_RECEIVERS as readonly string[]).includes(kind) ? stored[kind] : undefined;
    const fallback = DEFAULT_RECEIVERS[kind as ConfigurableReceiver] ?? {
      name: RECEIVER_KIND_LABELS[kind].sv,
      contact: null,
    };
    out[kind] = own ? { ...own, configured: true } : { ...fallback, configured: false };
  }
  return out;
}

/** The stored row (or none) as the domain's rules. */
export function toTenantClockRules(
  row: { msbfsEnabled: boolean; msbfsIncidentTypes: IncidentType[]; periodOverrides: PeriodOverrides } | null,
): TenantClockRules {
  if (!row) return { msbfsModel: { enabled: false } };
  return {
    msbfsModel: { enabled: row.msbfsEnabled, incidentTypes: row.msbfsIncidentTypes },
    periodOverrides: row.periodOverrides,
  };
}

/** The stages whose period a tenant may set: internal targets with a period (D-24, MSBFS model). */
export function overridableStages(): StageDefinition[] {
  return REGULATORY_REGIMES.flatMap((r) => stagesFor(r)).filter(
    (d) => d.clock === 'TARGET' && d.period !== null,
  );
}

/** The statutory deadlines with a period, fixed by law (shown, never changed). */
export function statutoryStages(): StageDefinition[] {
  return REGULATORY_REGIMES.flatMap((r) => stagesFor(r)).filter(
    (d) => d.clock === 'DEADLINE' && d.period !== null,
  );
}

export const samePeriod = (a: Period | null | undefined, b: Period | null | undefined) =>
  (a?.unit ?? null) === (b?.unit ?? null) && (a?.amount ?? null) === (b?.amount ?? null);

export { MSBFS_MODEL_DEFAULT_INCIDENT_TYPES };
