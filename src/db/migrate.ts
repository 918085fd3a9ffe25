// Applies prisma/migrations/<name>/migration.sql in order, recording each in
// `_prisma_migrations` exactly as `prisma migrate deploy` does, so either tool
// can take over a database. Prisma's own migrate command needs a native engine
// that cannot be downloaded everywhere; this needs only SQL.
import { createHash, randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PoolClient } from 'pg';
import type { Database } from './database.ts';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../prisma/migrations/', import.meta.url));

// The key Prisma's migrate uses for its advisory lock, so that two gateways (or
// a gateway and `prisma migrate deploy`) never migrate one database at once.
const MIGRATION_LOCK_KEY = 72707369;

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export async function readMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    }),
  );
}

/** Applies every migration not yet applied; returns the names it applied. */
export async function migrate(db: Database, dir = MIGRATIONS_DIR): Promise<string[]> {
  const migrations = await readMigrations(dir);
  const client = await db.pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await client.query(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" VARCHAR(36) PRIMARY KEY NOT NULL,
      "checksum" VARCHAR(64) NOT NULL,
      "finished_at" TIMESTAMPTZ,
      "migration_name" VARCHAR(255) NOT NULL,
      "logs" TEXT,
      "rolled_back_at" TIMESTAMPTZ,
      "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
      "applied_steps_count" INTEGER NOT NULL DEFAULT 0
    )`);
    const appliedNow: string[] = [];
    for (const migration of unapplied(migrations, await appliedMigrations(client))) {
      // PostgreSQL's DDL is transactional: a failing migration leaves nothing behind.
      await client.query('BEGIN');
      try {
        await client.query(migration.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
           VALUES ($1, $2, $3, now(), now(), 1)`,
          [randomUUID(), migration.checksum, migration.name],
        );
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw new Error(`Migration ${migration.name} failed: ${(error as Error).message}`, { cause: error });
      }
      appliedNow.push(migration.name);
    }
    return appliedNow;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {});
    client.release();
  }
}

/**
 * The migrations this code has that the database has not applied, in order, without changing anything: for a
 * start that must not migrate (MIGRATE_ON_START=false). It waits for a migration being applied meanwhile (by
 * `npm run db:migrate` or another instance) to finish, so that it never reports one that is about to land. A
 * migration that was started and never finished, or changed after it was applied, is an error, as in migrate().
 */
export async function pendingMigrations(db: Database, dir = MIGRATIONS_DIR): Promise<string[]> {
  const migrations = await readMigrations(dir);
  const client = await db.pool.connect();
  try {
    // Shared: checks do not wait for each other, only for migrate()'s exclusive lock.
    await client.query('SELECT pg_advisory_lock_shared($1)', [MIGRATION_LOCK_KEY]);
    const { rows } = await client.query<{ exists: boolean }>(`SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS exists`);
    const applied = rows[0]!.exists ? await appliedMigrations(client) : new Map();
    return unapplied(migrations, applied).map((migration) => migration.name);
  } finally {
    await client.query('SELECT pg_advisory_unlock_shared($1)', [MIGRATION_LOCK_KEY]).catch(() => {});
    client.release();
  }
}

interface AppliedMigration {
  checksum: string;
  finished_at: Date | null;
}

async function appliedMigrations(client: PoolClient): Promise<Map<string, AppliedMigration>> {
  const { rows } = await client.query<AppliedMigration & { migration_name: string }>(
    'SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL',
  );
  return new Map(rows.map((row) => [row.migration_name, row]));
}

/** The migrations not yet applied; refuses a database whose history disagrees with these migrations. */
function unapplied(migrations: Migration[], applied: Map<string, AppliedMigration>): Migration[] {
  return migrations.filter((migration) => {
    const previous = applied.get(migration.name);
    if (!previous) return true;
    if (!previous.finished_at) {
      throw new Error(`Migration ${migration.name} was started but never finished; resolve it before starting.`);
    }
    if (previous.checksum !== migration.checksum) {
      throw new Error(`Migration ${migration.name} was changed after it was applied.`);
    }
    return false;
  });
}
