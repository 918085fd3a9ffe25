// One use case, one database transaction: the change and the events that
// report it commit together or not at all, and the events are published only
// after the commit. A change that rolls back leaves no event behind; a
// committed change always has its events in the log (subscribers that were
// not connected when it was published find them by replaying).
import type { PrismaClient } from '../db/generated/client.ts';
import { insertEvents, type NewEvent, type TransactionClient } from '../db/events.ts';
import type { EventBus, EventRecord } from '../events/event-bus.ts';

export interface ChangeSet {
  /** Records an event of this change; it is written in the same transaction, after the change. */
  emit(event: NewEvent): void;
  /** Runs after the commit (e.g. scheduling an asynchronous activation); never after a rollback. */
  afterCommit(task: () => void): void;
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
    const result = await this.prisma.$transaction(
      async (tx) => {
        const events: NewEvent[] = [];
        tasks = [];
        const value = await work(tx, { emit: (event) => events.push(event), afterCommit: (task) => tasks.push(task) });
        written = await insertEvents(tx, events);
        return value;
      },
      { timeout: 15_000, maxWait: 15_000 },
    );
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
