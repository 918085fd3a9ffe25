// Opens the gateway's database: an embedded PGlite (the default, persisted to a
// data directory this process owns) or a PostgreSQL server (DATABASE_URL).
// Both are reached through one node-postgres pool and Prisma's pg adapter, so
// the rest of the code cannot tell them apart.
import { mkdirSync, openSync, closeSync, readFileSync, writeFileSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient, type Prisma } from './generated/client.ts';

export type DatabaseTarget =
  | { kind: 'pglite'; dataDir: string | null } // null: in memory (tests)
  | { kind: 'postgres'; url: string; poolSize?: number };

export interface Database {
  readonly kind: DatabaseTarget['kind'];
  readonly prisma: PrismaClient;
  /** Runs a multi-statement SQL script on one connection (simple query protocol). */
  runScript(sql: string): Promise<void>;
  /** The pool's raw SQL access, for the migration runner only. */
  readonly pool: pg.Pool;
  /**
   * A read in raw SQL sent straight through the pool, for the hot read path (the keyset pages):
   * node-postgres's rows as they come, with int8 as bigint as Prisma reads it, without Prisma's
   * per-value conversions. Counted with Prisma's statements.
   */
  read<Row>(query: Prisma.Sql): Promise<Row[]>;
  /** Every SQL statement Prisma sends, and every read(), counted: tests and benchmarks read it. */
  readonly statements: { count: number; log: string[] | null };
  /** Resolves when the database answers a trivial query (readiness, start-up). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export async function openDatabase(
  target: DatabaseTarget,
  options: { logError?: (error: unknown) => void } = {},
): Promise<Database> {
  let pool: pg.Pool;
  let closeEngine = async () => {};
  if (target.kind === 'postgres') {
    // Prisma's pg adapter sends times without an offset: sessions in UTC keep
    // them exact whatever the server's TimeZone setting.
    pool = new pg.Pool({ connectionString: target.url, max: target.poolSize ?? 10, options: '-c TimeZone=UTC' });
  } else {
    const release = target.dataDir ? lockDataDir(target.dataDir) : () => {};
    const pglite = target.dataDir ? new PGlite(target.dataDir) : new PGlite();
    await pglite.waitReady;
    pool = new pg.Pool(pgliteConfig(pglite));
    closeEngine = async () => {
      await pglite.close();
      release();
    };
  }

  // An idle connection can die under the pool (a server restart, an admin
  // terminating it): the pool replaces it, and the error must not crash the process.
  pool.on('error', (error) => (options.logError ?? console.error)(error));

  const statements: Database['statements'] = { count: 0, log: null };
  const prisma = new PrismaClient({
    adapter: new PrismaPg(pool),
    log: [{ emit: 'event', level: 'query' }],
  });
  prisma.$on('query', (event) => {
    statements.count += 1;
    statements.log?.push(event.query);
  });

  return {
    kind: target.kind,
    prisma,
    pool,
    statements,
    async read<Row>(query: Prisma.Sql) {
      statements.count += 1;
      statements.log?.push(query.text);
      const { rows } = await pool.query({ text: query.text, values: query.values, types: READ_TYPES });
      return rows as Row[];
    },
    async runScript(sql) {
      await pool.query(sql);
    },
    async ping() {
      await pool.query('SELECT 1');
    },
    async close() {
      await prisma.$disconnect();
      await pool.end();
      await closeEngine();
    },
  };
}

/** Result types of read(): node-postgres's, except int8 (counts, amounts) as bigint, exact beyond 2^53. */
const READ_TYPES = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === pg.types.builtins.INT8 ? (value: string) => BigInt(value) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/**
 * A node-postgres config that talks to an in-process PGlite. PGlite serves one
 * connection, so the pool has one. Prisma's pg adapter passes a type-parser
 * object as `types`, which PGlite's protocol shim takes for a list of
 * parameter type OIDs; only a real list is passed on.
 */
function pgliteConfig(pglite: PGlite): pg.PoolConfig {
  const config = createPgConfig(pglite) as unknown as pg.PoolConfig & {
    connection: { parse(query: { types?: unknown }): void };
  };
  const parse = config.connection.parse.bind(config.connection);
  config.connection.parse = (query) => parse(Array.isArray(query.types) ? query : { ...query, types: undefined });
  return config;
}

/**
 * Two processes opening one PGlite directory silently lose committed data, so
 * a process owns its data directory through a lock file holding its pid. A
 * lock left by a process that no longer runs is taken over.
 */
function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lockPath = join(dataDir, 'gateway.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeFileSync(fd, String(process.pid));
      closeSync(fd);
      return () => {
        try {
          unlinkSync(lockPath);
        } catch {
          // Already gone: nothing to release.
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(readFileSync(lockPath, 'utf8'));
      if (owner && owner !== process.pid && isRunning(owner)) {
        throw new Error(
          `The data directory ${dataDir} is in use by process ${owner}. ` +
            'Stop that gateway, or set DATA_DIR to another directory.',
        );
      }
      unlinkSync(lockPath);
    }
  }
  throw new Error(`Could not lock the data directory ${dataDir}.`);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
