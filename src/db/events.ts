// The event log: written by the unit of work, read for replays and lists.
import { Prisma } from './generated/client.ts';
import type { Event as EventRow, PrismaClient } from './generated/client.ts';
import type { EventRecord } from '../events/event-bus.ts';
import type { Viewer } from '../domain/viewer.ts';
import { newId } from '../domain/ids.ts';

import type { TransactionClient } from './client.ts';

/** An event as a change records it (see src/events/catalogue.ts, the one way to make one). */
export interface NewEvent {
  platformId: string;
  accountId: string;
  livemode: boolean;
  type: string;
  objectId: string;
  /** The financial accounts the change touches. */
  financialAccountIds: string[];
  data: EventRecord['data'];
}

// Every transaction that writes events takes this lock just before inserting
// them and holds it until it commits, so events are numbered in commit order:
// a reader that has seen event n has seen every event before it.
const EVENT_ORDER_LOCK = 0x65766e74; // "evnt"

/**
 * Writes a change's events, in the order given, and returns them as the log holds them. The first
 * takes the order lock in its own statement (a materialized CTE its row is selected from, so the
 * lock is held before its sequence number is drawn): the usual change writes one event, in one
 * statement.
 */
export async function insertEvents(tx: TransactionClient, events: NewEvent[]): Promise<EventRecord[]> {
  const createdAt = new Date();
  const written: EventRecord[] = [];
  for (const [index, event] of events.entries()) {
    const id = newId('Event');
    const first = index === 0;
    const [row] = await tx.$queryRaw<Array<{ sequence: bigint; data: EventRecord['data'] }>>`
      ${first ? Prisma.sql`WITH "eventOrder" AS MATERIALIZED (SELECT pg_advisory_xact_lock(${EVENT_ORDER_LOCK})) ` : Prisma.empty}
      INSERT INTO "Event" ("id", "platformId", "accountId", "livemode", "type", "objectId", "financialAccountIds", "data", "createdAt")
      SELECT ${id}, ${event.platformId}, ${event.accountId}, ${event.livemode}, ${event.type}, ${event.objectId},
        ${event.financialAccountIds}::text[], ${JSON.stringify(event.data)}::jsonb, ${createdAt}
      ${first ? Prisma.sql`FROM "eventOrder"` : Prisma.empty}
      RETURNING "sequence", "data"`;
    // `data` as the log holds it (jsonb orders its keys): what a replay will read.
    const { platformId, accountId, livemode, type, objectId, financialAccountIds } = event;
    written.push({ id, sequence: row.sequence, platformId, accountId, livemode, type, objectId, financialAccountIds, data: row.data, createdAt });
  }
  return written;
}

function toRecord(row: EventRow): EventRecord {
  return { ...row, data: row.data as unknown as EventRecord['data'] };
}

/** Whether the viewer may see an event: its platform and mode, and its account when it acts as one. */
export function eventVisibleTo(viewer: Viewer, event: Pick<EventRecord, 'platformId' | 'livemode' | 'accountId'>): boolean {
  return (
    event.platformId === viewer.platformId &&
    event.livemode === viewer.livemode &&
    (viewer.accountId === null || event.accountId === viewer.accountId)
  );
}

/** An event the viewer may see, by id. */
export async function findVisibleEvent(prisma: PrismaClient, viewer: Viewer, id: string): Promise<EventRecord | null> {
  const row = await prisma.event.findUnique({ where: { id } });
  return row && eventVisibleTo(viewer, row) ? toRecord(row) : null;
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
      platformId: viewer.platformId,
      livemode: viewer.livemode,
      ...(viewer.accountId ? { accountId: viewer.accountId } : {}),
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
