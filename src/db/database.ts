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
   * node-postgres's rows as arrays of values (its `rowMode: 'array'`: no object per row that the
   * caller would copy again) with the result's column names, int8 as bigint and timestamptz as a
   * Date as Prisma reads them, without Prisma's per-value conversions. Counted with Prisma's statements.
   */
  read(query: Prisma.Sql): Promise<RowArrays>;
  /** Every SQL statement Prisma sends, and every read(), counted: tests and benchmarks read it. */
  readonly statements: { count: number; log: string[] | null };
  /** Resolves when the database answers a trivial query (readiness, start-up). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** A result as node-postgres's array rows: `rows[i][j]` is row i's value of `columns[j]`. */
export interface RowArrays {
  columns: string[];
  rows: unknown[][];
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
    async read(query: Prisma.Sql) {
      statements.count += 1;
      statements.log?.push(query.text);
      const result = await pool.query<unknown[]>({ text: query.text, values: query.values, types: READ_TYPES, rowMode: 'array' });
      return { columns: result.fields.map((field) => field.name), rows: result.rows };
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

/**
 * Result types of read(): node-postgres's, except int8 (counts, amounts) as bigint, exact beyond
 * 2^53, and timestamptz through parseUtcTimestamp.
 */
const READ_TYPES = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === pg.types.builtins.INT8) return parseInt8;
    if (oid === pg.types.builtins.TIMESTAMPTZ) return parseUtcTimestamp;
    return pg.types.getTypeParser(oid, format);
  }) as typeof pg.types.getTypeParser,
};

/**
 * An int8 as a bigint. Up to 15 characters (at most 15 digits: below 2^53) it goes through a
 * number, exactly, which is about twice as fast as BigInt() of the text.
 */
export function parseInt8(text: string): bigint {
  return text.length < 16 ? BigInt(Number(text)) : BigInt(text);
}

const parseTimestamptz = pg.types.getTypeParser(pg.types.builtins.TIMESTAMPTZ) as (text: string) => Date;
const digit = (text: string, at: number) => text.charCodeAt(at) - 48;

/**
 * A timestamptz as PostgreSQL prints it in a UTC session, `2026-01-02 03:04:05.678+00` (0 to 3
 * decimals: the columns hold milliseconds), read by position. node-postgres's parser (postgres-date)
 * matches every value against a general regular expression, which was a twentieth of the CPU of
 * a large nested read; any other form (another offset, more decimals, years before 100 or after
 * 9999, BC, infinity) still goes to it.
 */
export function parseUtcTimestamp(text: string): Date {
  const n = text.length;
  const fast =
    (n === 22 || (n >= 24 && n <= 26 && text.charCodeAt(19) === 46)) && // 46 '.'
    text.charCodeAt(4) === 45 && text.charCodeAt(10) === 32 && text.charCodeAt(n - 3) === 43 && // '-', ' ', '+'
    text.charCodeAt(n - 2) === 48 && text.charCodeAt(n - 1) === 48; // "00"
  const year = fast ? digit(text, 0) * 1000 + digit(text, 1) * 100 + digit(text, 2) * 10 + digit(text, 3) : 0;
  // Date.UTC reads years 0 to 99 as 1900 to 1999.
  if (!fast || year < 100) return parseTimestamptz(text);
  let millis = 0;
  for (let at = 20, scale = 100; at < n - 3; at += 1, scale /= 10) millis += digit(text, at) * scale;
  return new Date(
    Date.UTC(
      year,
      digit(text, 5) * 10 + digit(text, 6) - 1,
      digit(text, 8) * 10 + digit(text, 9),
      digit(text, 11) * 10 + digit(text, 12),
      digit(text, 14) * 10 + digit(text, 15),
      digit(text, 17) * 10 + digit(text, 18),
      millis,
    ),
  );
}

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
