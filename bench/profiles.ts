/**
 * The dataset sizes of domain.md §7. "large" is the benchmark dataset of D-43 (Stockholm size);
 * "medium" is Borås size; "small" is a few hundred rows for the smoke test inside `npm test`.
 */
export interface ScaleProfile {
  name: Scale;
  /** Tree below the root, KF and KS. */
  committees: number;
  companies: number;
  administrations: number;
  divisions: number;
  units: number;
  /** Persons with accounts (employees and förtroendevalda), the bench users included. */
  persons: number;
  elected: number;
  roleAssignments: number;
  /** The information register (§7: ≈ 130 sets per förvaltning; systems plus components, locations, processes). */
  informationSets: number;
  assets: number;
  /** Asset ↔ information-set links and asset dependencies (D-43: 36 000 and 20 000, depth ≤ 4). */
  links: number;
  dependencies: number;
  incidents: number;
  /** Regulator clock stages (GDPR Art. 33 notifications to IMY). */
  obligations: number;
  years: number;
}

export type Scale = 'small' | 'medium' | 'large';

export const PROFILES: Record<Scale, ScaleProfile> = {
  small: {
    name: 'small',
    committees: 4,
    companies: 2,
    administrations: 5,
    divisions: 10,
    units: 30,
    persons: 300,
    elected: 20,
    roleAssignments: 60,
    informationSets: 40,
    assets: 80,
    links: 120,
    dependencies: 60,
    incidents: 600,
    obligations: 20,
    years: 10,
  },
  // §7 medium: 17 nämnder, 13 bolag, ≈ 15 förvaltningar, ≈ 120 avdelningar, ≈ 700 enheter ≈ 900 units.
  medium: {
    name: 'medium',
    committees: 17,
    companies: 13,
    administrations: 15,
    divisions: 120,
    units: 732,
    persons: 11_500,
    elected: 400,
    roleAssignments: 1_500,
    informationSets: 2_000,
    assets: 3_000,
    links: 4_300,
    dependencies: 2_400,
    incidents: 100_000,
    obligations: 1_500,
    years: 10,
  },
  // D-43: root, KF, KS, 30 nämnder, 20 bolag, 45 förvaltningar, 500 avdelningar, 3 502 enheter = 4 100.
  large: {
    name: 'large',
    committees: 30,
    companies: 20,
    administrations: 45,
    divisions: 500,
    units: 3_502,
    persons: 52_000,
    elected: 1_200,
    roleAssignments: 8_000,
    informationSets: 12_000,
    assets: 25_000,
    links: 36_000,
    dependencies: 20_000,
    incidents: 1_000_000,
    obligations: 10_000,
    years: 10,
  },
};

export function parseScale(value: string | undefined): ScaleProfile {
  const scale = (value ?? 'small') as Scale;
  if (!(scale in PROFILES)) throw new Error(`--scale must be one of ${Object.keys(PROFILES).join(', ')}`);
  return PROFILES[scale];
}

/** `--name value` pairs from the command line. */
export function parseArgs(argv: string[]): Record<string, string> {
  const flags: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) throw new Error(`Unexpected argument ${arg}`);
    const [name, inline] = arg.slice(2).split('=', 2);
    if (inline !== undefined) flags[name] = inline;
    else if (argv[i + 1] !== undefined && !argv[i + 1].startsWith('--')) flags[name] = argv[++i];
    else flags[name] = 'true';
  }
  return flags;
}
