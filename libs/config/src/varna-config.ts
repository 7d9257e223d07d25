import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';
import path from 'node:path';

const toInt = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : Number(value);
const toBool = ({ value }: { value: unknown }) => {
  if (value === undefined || value === '') return undefined;
  if (typeof value === 'boolean') return value;
  return typeof value === 'string' ? ['1', 'true', 'yes'].includes(value.toLowerCase()) : value;
};

/**
 * The one validated configuration of Värna. Built once from the environment at boot;
 * nothing else in the code base reads `process.env`.
 */
export class VarnaConfig {
  @IsIn(['development', 'production', 'test'])
  nodeEnv: 'development' | 'production' | 'test' = 'development';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  port = 3000;

  /** When set, Värna uses this PostgreSQL and never seeds the demo silently. */
  @IsOptional()
  @IsString()
  databaseUrl?: string;

  /** Where the embedded PostgreSQL keeps its data and where demo credentials are written. */
  @IsString()
  dataDir = './.data';

  @IsOptional()
  @IsString()
  @MinLength(12)
  demoPassword?: string;

  @Transform(toInt)
  @IsInt()
  @Min(5)
  sessionTtlMinutes = 8 * 60;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  loginMaxFailures = 5;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  loginWindowMinutes = 15;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  loginLockoutMinutes = 15;

  /** Failures from one IP address (across usernames) before that address is locked out. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  loginMaxFailuresPerIp = 30;

  @Transform(toBool)
  @IsBoolean()
  cookieSecure = false;

  @IsString()
  bodyLimit = '1mb';

  /** Largest incident attachment, in bytes (default 10 MiB); larger uploads are refused with 413. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  attachmentMaxBytes = 10 * 1024 * 1024;

  /** Deflate generated PDFs (default); false keeps their text readable, for tests and debugging. */
  @Transform(toBool)
  @IsBoolean()
  pdfCompress = true;

  /** How often the incident escalation step runs, in seconds (0 = never; never under NODE_ENV=test). */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  escalationIntervalSeconds = 300;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  logLevel = 'info';

  @Transform(toBool)
  @IsBoolean()
  trustProxy = false;

  get absoluteDataDir(): string {
    return path.resolve(this.dataDir);
  }
}

const ENV_KEYS: Record<string, keyof VarnaConfig> = {
  NODE_ENV: 'nodeEnv',
  PORT: 'port',
  DATABASE_URL: 'databaseUrl',
  VARNA_DATA_DIR: 'dataDir',
  VARNA_DEMO_PASSWORD: 'demoPassword',
  VARNA_SESSION_TTL_MINUTES: 'sessionTtlMinutes',
  VARNA_LOGIN_MAX_FAILURES: 'loginMaxFailures',
  VARNA_LOGIN_WINDOW_MINUTES: 'loginWindowMinutes',
  VARNA_LOGIN_LOCKOUT_MINUTES: 'loginLockoutMinutes',
  VARNA_LOGIN_MAX_FAILURES_PER_IP: 'loginMaxFailuresPerIp',
  VARNA_COOKIE_SECURE: 'cookieSecure',
  VARNA_BODY_LIMIT: 'bodyLimit',
  VARNA_ATTACHMENT_MAX_BYTES: 'attachmentMaxBytes',
  VARNA_PDF_COMPRESS: 'pdfCompress',
  VARNA_ESCALATION_INTERVAL_SECONDS: 'escalationIntervalSeconds',
  LOG_LEVEL: 'logLevel',
  VARNA_TRUST_PROXY: 'trustProxy',
};

export class ConfigError extends Error {}

/** Builds and validates the configuration; throws a readable error listing every bad variable. */
export function loadConfig(
  env: Record<string, string | undefined> = process.env,
  overrides: Partial<VarnaConfig> = {},
): VarnaConfig {
  const plain: Record<string, unknown> = {};
  for (const [envKey, field] of Object.entries(ENV_KEYS)) {
    const value = env[envKey];
    if (value !== undefined && value !== '') plain[field] = value;
  }
  const config = plainToInstance(VarnaConfig, plain);
  Object.assign(config, overrides);
  const errors = validateSync(config, { forbidUnknownValues: false });
  if (errors.length > 0) {
    const byField = new Map(Object.entries(ENV_KEYS).map(([k, v]) => [v as string, k]));
    const lines = errors.map(
      (e) => `${byField.get(e.property) ?? e.property}: ${Object.values(e.constraints ?? {}).join(', ')}`,
    );
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  return config;
}
