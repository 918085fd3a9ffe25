// Prisma's schema engine compiled to WebAssembly, driven through a driver
// adapter over an in-memory PGlite. Used only by development tooling: to write
// new migrations and to check that the migrations match prisma/schema.prisma.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import * as engineModule from '@prisma/schema-engine-wasm/schema_engine_bg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { readMigrations, MIGRATIONS_DIR } from '../../src/db/migrate.ts';

export const SCHEMA_PATH = new URL('../../prisma/schema.prisma', import.meta.url).pathname;
const noFilters = { externalTables: [], externalEnums: [] };

let loaded: Promise<void> | undefined;
function loadEngine(): Promise<void> {
  // The package's own entry imports the .wasm as an ES module, which Node cannot do.
  loaded ??= (async () => {
    const require = createRequire(import.meta.url);
    const wasmPath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg').replace(/\.js$/, '.wasm');
    const { instance } = await WebAssembly.instantiate(await readFile(wasmPath), {
      './schema_engine_bg.js': engineModule as unknown as WebAssembly.ModuleImports,
    });
    const bindings = engineModule as unknown as { __wbg_set_wasm(e: unknown): void };
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports as unknown as { __wbindgen_start(): void }).__wbindgen_start();
  })();
  return loaded;
}

/**
 * The SQL that takes a database from the state the existing migrations leave it
 * in to the one prisma/schema.prisma describes; empty when they agree.
 */
export async function pendingSchemaChange(): Promise<string> {
  await loadEngine();
  const schema = await readFile(SCHEMA_PATH, 'utf8');
  const migrations = await readMigrations();
  // The engine replays the migrations on a shadow database to learn their end
  // state, and describes it: @prisma/adapter-pg cannot describe PostgreSQL's
  // "char" columns, so the engine runs over the PGlite adapter instead.
  const pglite = new PGlite();
  try {
    const adapter = bindMigrationAwareSqlAdapterFactory(awaitingScripts(new PrismaPGlite(pglite)) as never);
    const { SchemaEngine } = engineModule as unknown as {
      SchemaEngine: { new: (o: unknown, log: (m: string) => void, a: unknown) => Promise<SchemaEngineApi> };
    };
    const engine = await SchemaEngine.new({ datamodels: [[SCHEMA_PATH, schema]] }, () => {}, adapter);
    try {
      const from =
        migrations.length === 0
          ? { tag: 'empty' }
          : {
              tag: 'migrations',
              baseDir: MIGRATIONS_DIR,
              lockfile: {
                path: join(MIGRATIONS_DIR, 'migration_lock.toml'),
                content: await readFile(join(MIGRATIONS_DIR, 'migration_lock.toml'), 'utf8'),
              },
              migrationDirectories: migrations.map((m) => ({
                path: join(MIGRATIONS_DIR, m.name),
                migrationFile: { path: 'migration.sql', content: { tag: 'ok', value: m.sql } },
              })),
              shadowDbInitScript: '',
            };
      const result = await engine.diff({
        from,
        to: { tag: 'schemaDatamodel', files: [{ path: SCHEMA_PATH, content: schema }] },
        script: true,
        exitCode: null,
        filters: noFilters,
      });
      return result.stdout.replace(/^-- This is an empty migration\.\s*$/m, '').trim();
    } finally {
      engine.free();
    }
  } finally {
    await pglite.close();
  }
}

interface SchemaEngineApi {
  diff(params: unknown): Promise<{ stdout: string; exitCode: number }>;
  free(): void;
}

type Connectable = { connect(): Promise<unknown>; connectToShadowDb(): Promise<unknown> };

/**
 * pglite-prisma-adapter 0.7 does not await the scripts it runs, so a failing
 * migration would pass for applied. Its connections get a script runner that waits.
 */
function awaitingScripts<F extends Connectable>(factory: F): F {
  const fix = async (connection: Promise<unknown>) => {
    const adapter = (await connection) as { client: PGlite; executeScript(sql: string): Promise<void> };
    adapter.executeScript = async (sql) => {
      await adapter.client.exec(sql);
    };
    return adapter;
  };
  return Object.assign(Object.create(factory), {
    connect: () => fix(factory.connect()),
    connectToShadowDb: () => fix(factory.connectToShadowDb()),
  });
}
