// What `npm start` (src/main.ts) and `npm run db:migrate` (scripts/migrate.ts)
// do alike before they can work: reach the database (and Redis) the
// configuration names, retrying as configured, bring the schema up to date or
// check that it is, and end a failure with one clear line.
import { ConfigError, type Config } from './config.ts';
import { openDatabase, type Database } from './db/database.ts';
import { migrate, pendingMigrations } from './db/migrate.ts';
import { probeRedis, RedisEventBus } from './events/redis-event-bus.ts';
import type { Logger } from './logger.ts';
import { PersistedOperationsFileError } from './persisted-operations.ts';

/** A start-up failure whose message is the whole story: printed as it is, no stack. */
export class StartupError extends Error {}

/**
 * Opens the configured database: the embedded one takes its data directory's lock (and fails, naming the
 * process, when a running gateway holds it); PostgreSQL is tried until it answers or the attempts run out.
 */
export async function reachDatabase(config: Config, logError: (error: unknown) => void): Promise<Database> {
  const db = await openDatabase(config.database, { logError });
  if (config.database.kind !== 'postgres') return db;
  const where = redactedUrl(config.database.url);
  try {
    await retry(config.startupRetry, () => db.ping(), (reason, attempts) =>
      `Cannot reach PostgreSQL at ${where} (${reason}) after ${attempts} attempts; check DATABASE_URL.`,
    );
  } catch (error) {
    await db.close().catch(() => {});
    throw error;
  }
  return db;
}

/**
 * The schema as this code needs it, before anything reads it: migrated here (MIGRATE_ON_START, the default), or,
 * for deployments that migrate before a rollout, checked: a pending migration ends the start.
 */
export async function prepareSchema(db: Database, config: Config, logger: Logger): Promise<void> {
  if (config.migrateOnStart) {
    const applied = await migrate(db);
    if (applied.length) logger.info({ migrations: applied }, `Applied migrations: ${applied.join(', ')}`);
    return;
  }
  const pending = await pendingMigrations(db);
  if (pending.length) {
    throw new StartupError(
      `${pending.length === 1 ? '1 migration is' : `${pending.length} migrations are`} pending (${pending.join(', ')}) ` +
        'and MIGRATE_ON_START=false: run `npm run db:migrate` first, or start with MIGRATE_ON_START=true.',
    );
  }
}

/** Tries Redis until it answers or the attempts run out; then opens the bus's own connections. */
export async function reachRedis(url: string, config: Config, logger: Logger): Promise<RedisEventBus> {
  await retry(config.startupRetry, () => probeRedis(url), (reason, attempts) =>
    `Cannot reach Redis at ${redactedUrl(url)} (${reason}) after ${attempts} attempts; check REDIS_URL.`,
  );
  const bus = new RedisEventBus(url, (error) => logger.error({ err: error }, 'Redis error'));
  await bus.ready();
  return bus;
}

async function retry(
  { attempts, delayMs }: Config['startupRetry'],
  attempt: () => Promise<unknown>,
  failure: (reason: string, attempts: number) => string,
): Promise<void> {
  for (let n = 1; ; n++) {
    try {
      await attempt();
      return;
    } catch (error) {
      if (n >= attempts) throw new StartupError(failure(reasonOf(error) ?? 'no answer', attempts));
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
  }
}

/** A connection error's code (ECONNREFUSED, ENOTFOUND, a SQLSTATE...), else its message. */
function reasonOf(error: unknown): string | null {
  if (!error) return null;
  const { code, message, errors } = error as { code?: unknown; message?: string; errors?: unknown[] };
  if (typeof code === 'string' && code) return code;
  // node-postgres reports a host with several addresses as an AggregateError.
  if (Array.isArray(errors) && errors.length) return reasonOf(errors[0]);
  return message?.split('\n')[0] || null;
}

/** The URL without its password, fit for a log line. */
export function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(an unparseable URL)';
  }
}

/** The one line a failed start (or migration step) leaves on stderr. */
export function failureLine(error: unknown, what = 'Start'): string {
  if (error instanceof ConfigError) return `Configuration error: ${error.message}`;
  if (error instanceof StartupError || error instanceof PersistedOperationsFileError) return error.message;
  return `${what} failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
}
