// What the database holds, summarised: for every table (found in the catalog,
// so a new table is included without a change here), its row count and a hash
// of its rows. Two equal snapshots mean nothing was written, updated or deleted.
import type { Database } from '../../src/db/database.ts';

export type DatabaseSnapshot = Record<string, { rows: number; hash: string }>;

const tablesCache = new WeakMap<Database, string[]>();

async function tablesOf(db: Database): Promise<string[]> {
  let tables = tablesCache.get(db);
  if (!tables) {
    const rows = await db.prisma.$queryRawUnsafe<Array<{ name: string }>>(
      `SELECT table_name AS name FROM information_schema.tables
       WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`,
    );
    tables = rows.map((row) => row.name);
    tablesCache.set(db, tables);
  }
  return tables;
}

export async function databaseSnapshot(db: Database): Promise<DatabaseSnapshot> {
  const tables = await tablesOf(db);
  // One statement for all tables: the fuzz test takes a snapshot around every request.
  const sql = tables
    .map(
      (table) =>
        `SELECT '${table}' AS name, count(*)::int AS rows, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS hash ` +
        `FROM "${table}" t`,
    )
    .join(' UNION ALL ');
  const rows = await db.prisma.$queryRawUnsafe<Array<{ name: string; rows: number; hash: string }>>(sql);
  return Object.fromEntries(rows.map((row) => [row.name, { rows: Number(row.rows), hash: row.hash }]));
}

/** Row counts only, for readable failure messages. */
export function rowCounts(snapshot: DatabaseSnapshot): Record<string, number> {
  return Object.fromEntries(Object.entries(snapshot).map(([name, { rows }]) => [name, rows]));
}
