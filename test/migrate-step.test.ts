// Migrations as a step of their own: `npm run db:migrate` applies them to the
// database the gateway would use and exits; `MIGRATE_ON_START=false` makes a
// start refuse, in one line, while any is pending. Real processes on real
// databases: an embedded data directory of the test's own, and with
// TEST_DATABASE_URL a fresh PostgreSQL database.
import { cpSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/database.ts';
import { migrate, MIGRATIONS_DIR, pendingMigrations } from '../src/db/migrate.ts';
import { testDatabase, usingPostgres } from './support/gateway.ts';
import { scratchDir, spawnGateway, START_TEST_TIMEOUT_MS, stopStarted } from './support/processes.ts';

afterEach(stopStarted);

const MIGRATIONS = readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

const pendingLine = (names: string[]) =>
  `${names.length} migrations are pending (${names.join(', ')}) and MIGRATE_ON_START=false: ` +
  'run `npm run db:migrate` first, or start with MIGRATE_ON_START=true.';

async function readiness(url: string) {
  const response = await fetch(new URL('/readiness', url));
  return { status: response.status, body: await response.json() };
}

describe('MIGRATE_ON_START', () => {
  it('is true unless set, and must be a boolean', () => {
    expect(loadConfig({}).migrateOnStart).toBe(true);
    expect(loadConfig({ MIGRATE_ON_START: 'false' }).migrateOnStart).toBe(false);
    expect(() => loadConfig({ MIGRATE_ON_START: 'later' })).toThrow(/MIGRATE_ON_START must be true or false/);
  });
});

describe('pendingMigrations', () => {
  it('names the migrations a database lacks, in order, and changes nothing', async () => {
    const { target, drop } = await testDatabase();
    const db = await openDatabase(target, { logError: () => {} });
    try {
      expect(await pendingMigrations(db)).toEqual(MIGRATIONS);
      // Looking created nothing: not even the migrations table.
      const { rows } = await db.pool.query(`SELECT to_regclass('"_prisma_migrations"') AS table`);
      expect(rows[0].table).toBeNull();

      // A database migrated by an older release: the first three.
      const older = join(scratchDir('gateway-migrations-'), 'migrations');
      mkdirSync(older);
      for (const name of MIGRATIONS.slice(0, 3)) cpSync(join(MIGRATIONS_DIR, name), join(older, name), { recursive: true });
      expect(await migrate(db, older)).toEqual(MIGRATIONS.slice(0, 3));
      expect(await pendingMigrations(db)).toEqual(MIGRATIONS.slice(3));

      expect(await migrate(db)).toEqual(MIGRATIONS.slice(3));
      expect(await pendingMigrations(db)).toEqual([]);
    } finally {
      await db.close();
      await drop();
    }
  });

  it.skipIf(!usingPostgres)('waits for a migration being applied meanwhile instead of reporting it pending (PostgreSQL)', async () => {
    const { target, drop } = await testDatabase();
    const db = await openDatabase(target, { logError: () => {} });
    const migrator = await openDatabase(target, { logError: () => {} });
    const blocker = new pg.Client({ connectionString: (target as { url: string }).url });
    await blocker.connect();
    const waitingForLocks = async (count: number) => {
      for (;;) {
        const { rows } = await blocker.query(`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`);
        if (rows[0].n >= count) return;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };
    try {
      // Every migration but the last is applied; then another migrator queues for the lock to apply the last...
      const older = join(scratchDir('gateway-migrations-'), 'migrations');
      mkdirSync(older);
      for (const name of MIGRATIONS.slice(0, -1)) cpSync(join(MIGRATIONS_DIR, name), join(older, name), { recursive: true });
      await migrate(db, older);
      await blocker.query('SELECT pg_advisory_lock(72707369)');
      const migrating = migrate(migrator);
      await waitingForLocks(1);
      // ...and the check queues behind it: it answers only once that migration has landed.
      const checking = pendingMigrations(db);
      await waitingForLocks(2);
      await blocker.query('SELECT pg_advisory_unlock(72707369)');
      expect(await migrating).toEqual([MIGRATIONS.at(-1)]);
      expect(await checking).toEqual([]);
    } finally {
      await blocker.end();
      await migrator.close();
      await db.close();
      await drop();
    }
  });
});

describe('npm run db:migrate and MIGRATE_ON_START=false on the embedded database', () => {
  it(
    'refuses to start while migrations are pending, migrates as a step, then starts; the step refuses a data directory a gateway holds',
    { timeout: START_TEST_TIMEOUT_MS },
    async () => {
      const env = { DATA_DIR: join(scratchDir('gateway-migrate-'), 'pglite'), SEED_DEMO_DATA: 'false' };

      const refused = spawnGateway({ ...env, MIGRATE_ON_START: 'false' }, 'node');
      expect(await refused.exitCode()).toBe(1);
      expect(refused.stderr().trim().split('\n')).toEqual([pendingLine(MIGRATIONS)]);
      expect(refused.logs.filter((line) => line.endpoint)).toEqual([]);

      const step = spawnGateway(env, 'migrate');
      expect(await step.exitCode()).toBe(0);
      expect(step.logs.find((line) => line.migrations)).toMatchObject({
        migrations: MIGRATIONS,
        msg: `Applied migrations to the embedded database in ${env.DATA_DIR}: ${MIGRATIONS.join(', ')}`,
      });

      const again = spawnGateway(env, 'migrate-node');
      expect(await again.exitCode()).toBe(0);
      expect(again.logs.map((line) => line.msg)).toEqual([`No migrations to apply: the embedded database in ${env.DATA_DIR} is up to date.`]);
      expect(again.stderr()).toBe('');

      const gateway = spawnGateway({ ...env, MIGRATE_ON_START: 'false' });
      const { url } = await gateway.ready;
      expect(gateway.output()).not.toMatch(/Applied migrations/);
      expect(await readiness(url)).toMatchObject({ status: 200, body: { status: 'ready' } });

      // The running gateway owns the data directory: the step says so in one line and exits non-zero.
      const locked = spawnGateway(env, 'migrate-node');
      expect(await locked.exitCode()).toBe(1);
      expect(locked.stderr().trim().split('\n')).toEqual([
        expect.stringMatching(new RegExp(`^Migration failed: The data directory ${env.DATA_DIR} is in use by process \\d+\\.`)),
      ]);
      // Through npm too (npm adds its own lines about the failed script after it).
      const lockedViaNpm = spawnGateway(env, 'migrate');
      expect(await lockedViaNpm.exitCode()).not.toBe(0);
      expect(lockedViaNpm.stderr()).toMatch(/is in use by process \d+/);

      // The gateway was never disturbed.
      expect(await readiness(url)).toMatchObject({ status: 200 });
      expect(await gateway.stop()).toBe(0);
    },
  );
});

describe.skipIf(!usingPostgres)('npm run db:migrate and MIGRATE_ON_START=false on PostgreSQL (DATABASE_URL)', () => {
  it(
    'refuses to start while migrations are pending, migrates as a step, then starts; the step may run beside a running gateway',
    { timeout: START_TEST_TIMEOUT_MS },
    async () => {
      const name = `gateway_migrate_${randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      const url = new URL(process.env.TEST_DATABASE_URL!);
      url.pathname = `/${name}`;
      const env = { DATABASE_URL: url.toString() };
      try {
        const refused = spawnGateway({ ...env, MIGRATE_ON_START: 'false' }, 'node');
        expect(await refused.exitCode()).toBe(1);
        expect(refused.stderr().trim().split('\n')).toEqual([pendingLine(MIGRATIONS)]);

        const step = spawnGateway(env, 'migrate');
        expect(await step.exitCode()).toBe(0);
        expect(step.logs.find((line) => line.migrations)).toMatchObject({
          migrations: MIGRATIONS,
          msg: `Applied migrations to PostgreSQL (DATABASE_URL): ${MIGRATIONS.join(', ')}`,
        });

        const gateway = spawnGateway({ ...env, MIGRATE_ON_START: 'false' });
        const { url: endpoint } = await gateway.ready;
        expect(gateway.output()).not.toMatch(/Applied migrations/);
        expect(await readiness(endpoint)).toMatchObject({ status: 200 });

        // PostgreSQL has no data directory to own: the next release's step runs while this one serves.
        const beside = spawnGateway(env, 'migrate-node');
        expect(await beside.exitCode()).toBe(0);
        expect(beside.logs.map((line) => line.msg)).toEqual(['No migrations to apply: PostgreSQL (DATABASE_URL) is up to date.']);
        expect(await gateway.stop()).toBe(0);
      } finally {
        await stopStarted();
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.end();
      }
    },
  );
});

describe('npm run db:migrate without its database', () => {
  it('ends with one clear line when PostgreSQL cannot be reached', { timeout: START_TEST_TIMEOUT_MS }, async () => {
    const step = spawnGateway(
      { DATABASE_URL: 'postgres://root:secret@127.0.0.1:1/gateway', STARTUP_RETRY_ATTEMPTS: '2', STARTUP_RETRY_DELAY_MS: '10' },
      'migrate-node',
    );
    expect(await step.exitCode()).toBe(1);
    expect(step.stderr().trim().split('\n')).toEqual([
      'Cannot reach PostgreSQL at postgres://root:***@127.0.0.1:1/gateway (ECONNREFUSED) after 2 attempts; check DATABASE_URL.',
    ]);
  });
});
