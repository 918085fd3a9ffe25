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

export async function insertEvents(tx: TransactionClient, events: NewEvent[]): Promise<EventRecord[]> {
  if (events.length === 0) return [];
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${EVENT_ORDER_LOCK})`;
  const now = new Date();
  const written: EventRecord[] = [];
  for (const event of events) {
    const row = await tx.event.create({
      data: { id: newId('Event'), ...event, data: event.data as Prisma.InputJsonValue, createdAt: now },
    });
    written.push(toRecord(row));
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
