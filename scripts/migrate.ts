// `npm run db:migrate`: applies the pending migrations to the database the
// gateway would use (DATABASE_URL, else the embedded one in DATA_DIR) and
// exits, for deployments that migrate before a rollout and then start the
// gateway with MIGRATE_ON_START=false. On PostgreSQL it may run beside running
// gateways (PostgreSQL's advisory lock keeps migrations one at a time); the
// embedded database's directory belongs to one process, so a gateway that
// holds it makes this step fail, in one line, with exit code 1.
import { loadConfig } from '../src/config.ts';
import type { Database } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { createLogger } from '../src/logger.ts';
import { failureLine, reachDatabase } from '../src/startup.ts';

let db: Database | null = null;
try {
  // The whole configuration is read, and checked, as a start would: the same settings name the same database.
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  db = await reachDatabase(config, (error) => logger.error({ err: error }, 'database pool error'));
  const where = config.database.kind === 'pglite' ? `the embedded database in ${config.database.dataDir}` : 'PostgreSQL (DATABASE_URL)';
  const applied = await migrate(db);
  logger.info(
    { migrations: applied, database: where },
    applied.length ? `Applied migrations to ${where}: ${applied.join(', ')}` : `No migrations to apply: ${where} is up to date.`,
  );
  await db.close();
  process.exit(0);
} catch (error) {
  await db?.close().catch(() => {});
  process.stderr.write(`${failureLine(error, 'Migration')}\n`);
  process.exit(1);
}
