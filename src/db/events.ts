// The event log: written by the unit of work, read for replays and lists.
import type { Event as EventRow, PrismaClient } from './generated/client.ts';
import type { EventRecord, NewEvent } from '../events/event-bus.ts';
import { canSee, type Viewer } from '../domain/viewer.ts';
import { newId } from '../domain/ids.ts';

import type { TransactionClient } from './client.ts';
import { ownedBy } from './scope.ts';

// Every transaction that writes events takes this lock just before inserting
// them and holds it until it commits, so events are numbered in commit order:
// a reader that has seen event n has seen every event before it.
const EVENT_ORDER_LOCK = 0x65766e74; // "evnt"

/**
 * Writes a change's events, in the order given, and returns them as the log holds them, in one
 * statement: the order lock first (a materialized CTE the rows are selected from, so the lock is
 * held before any sequence number is drawn), then the events, numbered in the order given (the
 * rows are sorted before their defaults are computed).
 */
export async function insertEvents(tx: TransactionClient, events: NewEvent[]): Promise<EventRecord[]> {
  if (events.length === 0) return [];
  const createdAt = new Date();
  const ids = events.map(() => newId('Event'));
  const given = events.map((event, index) => ({ ...event, id: ids[index] }));
  const rows = await tx.$queryRaw<Array<{ id: string; sequence: bigint; data: EventRecord['data'] }>>`
    WITH "eventOrder" AS MATERIALIZED (SELECT pg_advisory_xact_lock(${EVENT_ORDER_LOCK}))
    INSERT INTO "Event" ("id", "platformId", "accountId", "livemode", "type", "objectId", "financialAccountIds", "data", "createdAt")
    SELECT e->>'id', e->>'platformId', e->>'accountId', (e->>'livemode')::boolean, e->>'type', e->>'objectId',
      ARRAY(SELECT jsonb_array_elements_text(e->'financialAccountIds')), e->'data', ${createdAt}
    FROM "eventOrder", jsonb_array_elements(${JSON.stringify(given)}::jsonb) WITH ORDINALITY AS given(e, position)
    ORDER BY given.position
    RETURNING "id", "sequence", "data"`;
  // `data` as the log holds it (jsonb orders its keys): what a replay will read.
  const stored = new Map(rows.map((row) => [row.id, row]));
  return events.map(({ platformId, accountId, livemode, type, objectId, financialAccountIds }, index) => {
    const { sequence, data } = stored.get(ids[index])!;
    return { id: ids[index], sequence, platformId, accountId, livemode, type, objectId, financialAccountIds, data, createdAt };
  });
}

function toRecord(row: EventRow): EventRecord {
  return { ...row, data: row.data as unknown as EventRecord['data'] };
}

/** An event the viewer may see, by id. */
export async function findVisibleEvent(prisma: PrismaClient, viewer: Viewer, id: string): Promise<EventRecord | null> {
  const row = await prisma.event.findUnique({ where: { id } });
  return row && canSee(viewer, row) ? toRecord(row) : null;
}

/** The viewer's events after `afterSequence`, in order, at most `limit`. */
export async function eventsAfter(
  prisma: PrismaClient,
  viewer: Viewer,
  afterSequence: bigint,
  types: string[] | null,
  limit: number,
): Promise<EventRecord[]> {
  const rows = await prisma.event.findMany({
    where: {
      ...ownedBy(viewer),
      ...(types ? { type: { in: types } } : {}),
      sequence: { gt: afterSequence },
    },
    orderBy: { sequence: 'asc' },
    take: limit,
  });
  return rows.map(toRecord);
}

/** The sequence number of the newest event, or 0. */
export async function latestSequence(prisma: PrismaClient): Promise<bigint> {
  const row = await prisma.event.findFirst({ orderBy: { sequence: 'desc' }, select: { sequence: true } });
  return row?.sequence ?? 0n;
}
