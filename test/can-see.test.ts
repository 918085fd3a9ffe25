// "May this viewer see this row" is one rule (canSee, src/domain/viewer.ts);
// the stores' query conditions are its translations (src/db/scope.ts). On a
// real database, every viewer of a grid finds by each translation exactly the
// rows the rule lets it see: every platform, mode and account a row can have,
// against viewers of each platform (and of none), each mode, platform-wide and
// acting as each account (and as one that owns nothing).
import { Prisma } from '../src/db/generated/client.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { ownedBy, ownedBySql } from '../src/db/scope.ts';
import { canSee, type Owned, type Viewer } from '../src/domain/viewer.ts';
import { testDatabase } from './support/gateway.ts';

const PLATFORMS = ['plat_1', 'plat_2'];
const ACCOUNTS = ['acct_1', 'acct_2'];
const MODES = [false, true];

const rows: Array<Owned & { id: string }> = PLATFORMS.flatMap((platformId) =>
  MODES.flatMap((livemode) => ACCOUNTS.map((accountId) => ({ id: `evt_${platformId}_${livemode}_${accountId}`, platformId, livemode, accountId }))),
);

const viewers: Viewer[] = [...PLATFORMS, 'plat_none'].flatMap((platformId) =>
  MODES.flatMap((livemode) =>
    [null, ...ACCOUNTS, 'acct_none'].map((accountId) => ({
      platformId,
      livemode,
      accountId,
      credential: 'secret_key' as const,
      credentialId: 'key_1',
      expiresAt: null,
    })),
  ),
);

const name = (viewer: Viewer) => `${viewer.platformId} ${viewer.livemode ? 'live' : 'test'} as ${viewer.accountId ?? 'the platform'}`;

describe('the scope conditions of queries are canSee', () => {
  let db: Database;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const scratch = await testDatabase();
    drop = scratch.drop;
    db = await openDatabase(scratch.target, { logError: () => {} });
    await migrate(db);
    // Events carry the owner columns as every tenant-owned table does, and reference nothing.
    await db.prisma.event.createMany({ data: rows.map((row) => ({ ...row, type: 'account.updated', objectId: row.accountId, data: {} })) });
  });
  afterAll(async () => {
    await db?.close();
    await drop?.();
  });

  it.each(viewers.map((viewer) => [name(viewer), viewer] as const))('%s', async (_name, viewer) => {
    const seen = rows.filter((row) => canSee(viewer, row)).map((row) => row.id).sort();
    const bySql = await db.read(Prisma.sql`SELECT t."id" FROM "Event" t WHERE ${ownedBySql(viewer)} ORDER BY t."id" COLLATE "C"`);
    const byWhere = await db.prisma.event.findMany({ where: ownedBy(viewer), select: { id: true } });
    expect(bySql.rows.map(([id]) => id)).toEqual(seen);
    expect(byWhere.map((row) => row.id).sort()).toEqual(seen);
  });

  it('the grid tells the cases apart: a platform sees its mode\'s rows, an account its own, a stranger nothing', () => {
    const counts = viewers.map((viewer) => rows.filter((row) => canSee(viewer, row)).length);
    expect(new Set(counts)).toEqual(new Set([2, 1, 0]));
  });
});
