// One use case, one database transaction: the change and the events that
// report it commit together or not at all, and the events are published only
// after the commit. A change that rolls back leaves no event behind; a
// committed change always has its events in the log (subscribers that were
// not connected when it was published find them by replaying).
import type { PrismaClient } from '../db/generated/client.ts';
import { inTransaction, type TransactionClient } from '../db/client.ts';
import { insertEvents } from '../db/events.ts';
import { describeEvent, type EmittableEventType, type PayloadOf } from '../events/catalogue.ts';
import type { EventBus, EventRecord, NewEvent } from '../events/event-bus.ts';

export interface ChangeSet {
  /**
   * Records an event of this change, made from what it reports (see
   * src/events/catalogue.ts); it is written in the same transaction, after the
   * change. `previous`: for updates, the changed attributes as they were.
   */
  emit<T extends EmittableEventType>(type: T, payload: PayloadOf<T>, previous?: Record<string, unknown>): void;
  /** Runs after the commit (e.g. scheduling an asynchronous activation); never after a rollback. */
  afterCommit(task: () => void): void;
}

/**
 * A write lost a race with a concurrent request (a store reported a unique
 * constraint taken). The transaction is rolled back; see retryOnceOnConflict.
 */
export class WriteConflict extends Error {
  override readonly name = 'WriteConflict';
  constructor(readonly code: string) {
    super(`A concurrent request won the race (${code}).`);
  }
}

/**
 * A use case that lost a race (the same idempotency key, or a nickname, taken
 * by a concurrent request) rolled back whole; once more, its checks see the
 * winner and answer as they would have: a replay, or a clear user error.
 */
export async function retryOnceOnConflict<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof WriteConflict) return run();
    throw error;
  }
}

export class UnitOfWork {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly bus: EventBus,
    private readonly logError: (error: unknown) => void = (error) => console.error(error),
  ) {}

  async run<T>(work: (tx: TransactionClient, changes: ChangeSet) => Promise<T>): Promise<T> {
    let written: EventRecord[] = [];
    let tasks: Array<() => void> = [];
    const result = await inTransaction(this.prisma, async (tx) => {
      const events: NewEvent[] = [];
      tasks = [];
      const changes: ChangeSet = {
        emit: (type, payload, previous) => events.push(describeEvent(type, payload, previous)),
        afterCommit: (task) => tasks.push(task),
      };
      const value = await work(tx, changes);
      written = await insertEvents(tx, events);
      return value;
    });
    // The change is committed: a failing publish must not turn it into an error.
    await this.bus.publish(written).catch(this.logError);
    for (const task of tasks) {
      try {
        task();
      } catch (error) {
        this.logError(error);
      }
    }
    return result;
  }
}
