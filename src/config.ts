// Every setting, read from the environment and validated once at start-up.
import type { DatabaseTarget } from './db/database.ts';
import { LOG_LEVELS } from './logger.ts';

export interface Config {
  host: string;
  port: number;
  database: DatabaseTarget;
  /** Seed demo data into an empty database on start (default: on for the embedded database only). */
  seedDemoData: boolean;
  accountSessionTtlSeconds: number;
  /** Serve GraphiQL on GET /graphql from a browser. */
  graphiql: boolean;
  /** The platform's name, when the first start creates it. */
  platformName: string;
  /** Redis for sharing subscriptions between gateway instances; null: events stay in this process. */
  redisUrl: string | null;
  /** Open financial accounts one account may have (closed ones do not count). */
  maxOpenFinancialAccountsPerAccount: number;
  /** How long after a request its requested features activate. */
  featureActivationDelayMs: number;
  /** Operations that could return more nodes, or nest deeper, are refused before they run. */
  limits: { maxNodes: number; maxDepth: number };
  /** pino's levels; `silent` logs nothing. */
  logLevel: (typeof LOG_LEVELS)[number];
  /** On SIGTERM/SIGINT, how long in-flight requests may take to finish before their connections close. */
  shutdownTimeoutMs: number;
  /** At start, how often and how far apart to try PostgreSQL and Redis before giving up. */
  startupRetry: { attempts: number; delayMs: number };
  /** A persisted-documents.json: run only the operations it lists; null: any operation. */
  persistedOperationsPath: string | null;
}

/** Defaults of the settings a server also takes when built in code (tests, benchmarks). */
export const DEFAULTS = {
  maxOpenFinancialAccountsPerAccount: 10,
  featureActivationDelayMs: 1000,
  featureActivationSweepMs: 15_000,
  limits: { maxNodes: 50_000, maxDepth: 15 },
  shutdownTimeoutMs: 10_000,
} as const;

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const url = env.DATABASE_URL?.trim();
  if (url && !/^postgres(ql)?:\/\//.test(url)) {
    throw new ConfigError('DATABASE_URL must be a postgres:// or postgresql:// URL (leave it unset for the embedded database).');
  }
  const database: DatabaseTarget = url
    ? { kind: 'postgres', url, poolSize: integer(env, 'DATABASE_POOL_SIZE', 10, 1, 1000) }
    : { kind: 'pglite', dataDir: env.DATA_DIR?.trim() || '.data/pglite' };
  return {
    host: env.HOST?.trim() || '127.0.0.1',
    port: integer(env, 'PORT', 4000, 0, 65535),
    database,
    seedDemoData: boolean(env, 'SEED_DEMO_DATA', database.kind === 'pglite'),
    accountSessionTtlSeconds: integer(env, 'ACCOUNT_SESSION_TTL_SECONDS', 1800, 1, 86_400),
    graphiql: boolean(env, 'GRAPHIQL', true),
    redisUrl: redisUrl(env),
    platformName: env.PLATFORM_NAME?.trim() || 'My Platform',
    maxOpenFinancialAccountsPerAccount: integer(env, 'MAX_OPEN_FINANCIAL_ACCOUNTS', DEFAULTS.maxOpenFinancialAccountsPerAccount, 1, 10_000),
    featureActivationDelayMs: integer(env, 'FEATURE_ACTIVATION_DELAY_MS', DEFAULTS.featureActivationDelayMs, 0, 3_600_000),
    limits: {
      maxNodes: integer(env, 'MAX_QUERY_NODES', DEFAULTS.limits.maxNodes, 1, 10_000_000),
      maxDepth: integer(env, 'MAX_QUERY_DEPTH', DEFAULTS.limits.maxDepth, 2, 100),
    },
    logLevel: logLevel(env),
    shutdownTimeoutMs: integer(env, 'SHUTDOWN_TIMEOUT_MS', DEFAULTS.shutdownTimeoutMs, 0, 600_000),
    startupRetry: {
      attempts: integer(env, 'STARTUP_RETRY_ATTEMPTS', 5, 1, 1000),
      delayMs: integer(env, 'STARTUP_RETRY_DELAY_MS', 1000, 0, 60_000),
    },
    persistedOperationsPath: env.PERSISTED_OPERATIONS?.trim() || null,
  };
}

function logLevel(env: NodeJS.ProcessEnv): Config['logLevel'] {
  const raw = env.LOG_LEVEL?.trim().toLowerCase();
  if (!raw) return 'info';
  const level = LOG_LEVELS.find((known) => known === raw);
  if (!level) throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}; it is "${env.LOG_LEVEL}".`);
  return level;
}

function redisUrl(env: NodeJS.ProcessEnv): string | null {
  const url = env.REDIS_URL?.trim();
  if (!url) return null;
  if (!/^rediss?:\/\//.test(url)) throw new ConfigError('REDIS_URL must be a redis:// or rediss:// URL.');
  return url;
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be an integer from ${min} to ${max}; it is "${raw}".`);
  }
  return value;
}

function boolean(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (!raw) return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(`${name} must be true or false; it is "${env[name]}".`);
}
