// The events a subscriber may see, as one ordered stream: first a replay of
// what it missed after a given event, then live events, with no gap and no
// duplicate across the switch. The stream listens before it replays; events
// are numbered in commit order (see db/events.ts), so every event up to the
// last replayed one was in the replay, and only later ones are passed on live.
import { canSee, type Viewer } from '../domain/viewer.ts';
import type { EventBus, EventRecord } from './event-bus.ts';

const REPLAY_PAGE = 500;

export interface EventStreamOptions {
  /** Only these event types; null for all. */
  types: string[] | null;
  /** Replay every visible event after this one first. */
  after: EventRecord | null;
  /** Only events about this object. */
  objectId?: string | null;
}

/**
 * The log a replay reads, page by page: the viewer's events after a sequence number, in order, at most `limit`
 * (db/events.ts's eventsAfter, handed in by the service, as the bus is: the stream reads no database itself).
 */
export type EventLog = (viewer: Viewer, afterSequence: bigint, types: string[] | null, limit: number) => Promise<EventRecord[]>;

/** What the stream yields when the viewer's credential expires, right before it ends. */
export const CREDENTIAL_EXPIRED = Symbol('credential expired');

export type EventStream = AsyncIterableIterator<EventRecord | typeof CREDENTIAL_EXPIRED>;

/**
 * The stream as an iterator whose `return()` (a client unsubscribing or
 * disconnecting) takes effect at once. A generator waiting for the next event
 * would only see a return() once that event came, and on a quiet platform
 * keep its listener forever.
 */
export function eventStream(log: EventLog, bus: EventBus, viewer: Viewer, options: EventStreamOptions): EventStream {
  const closing = { closed: false, wake: () => {} };
  const inner = streamEvents(log, bus, viewer, options, closing);
  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    next: () => inner.next(),
    return: async () => {
      closing.closed = true;
      closing.wake();
      return inner.return(undefined);
    },
  };
}

/** Whether a stream with these options passes an event on: the viewer may see it, and it is of the types and object asked for. */
export function eventWanted(viewer: Viewer, options: Pick<EventStreamOptions, 'types' | 'objectId'>): (event: EventRecord) => boolean {
  return (event) =>
    canSee(viewer, event) &&
    (!options.types || options.types.includes(event.type)) &&
    (!options.objectId || event.objectId === options.objectId);
}

/**
 * Every event the viewer may see after `after`, in commit order, page by page,
 * filtered as the stream filters; stops early when `stop()` says so. Each page
 * is read when the previous one has been consumed.
 */
export async function* replayEvents(
  log: EventLog,
  viewer: Viewer,
  options: Pick<EventStreamOptions, 'types' | 'objectId'> & { after: EventRecord },
  stop: () => boolean = () => false,
): AsyncGenerator<EventRecord, bigint> {
  const wanted = eventWanted(viewer, options);
  let replayedUpTo = options.after.sequence;
  for (;;) {
    const page = await log(viewer, replayedUpTo, options.types, REPLAY_PAGE);
    for (const event of page) {
      replayedUpTo = event.sequence;
      if (wanted(event)) yield event;
      if (stop()) return replayedUpTo;
    }
    if (page.length < REPLAY_PAGE || stop()) return replayedUpTo;
  }
}

async function* streamEvents(
  log: EventLog,
  bus: EventBus,
  viewer: Viewer,
  options: EventStreamOptions,
  closing: { closed: boolean; wake: () => void },
): AsyncGenerator<EventRecord | typeof CREDENTIAL_EXPIRED, undefined> {
  const wanted = eventWanted(viewer, options);

  const queue: EventRecord[] = [];
  let wake: (() => void) | null = null;
  closing.wake = () => wake?.();
  const unsubscribe = await bus.subscribe(viewer.platformId, viewer.livemode, (event) => {
    if (!wanted(event)) return;
    queue.push(event);
    wake?.();
  });
  let expired = false;
  const expiry = viewer.expiresAt
    ? setTimeout(() => {
        expired = true;
        wake?.();
      }, Math.max(0, viewer.expiresAt.getTime() - Date.now()))
    : null;

  try {
    let replayedUpTo = -1n;
    if (options.after) {
      replayedUpTo = options.after.sequence;
      const replay = replayEvents(log, viewer, { ...options, after: options.after }, () => expired || closing.closed);
      for (;;) {
        const step = await replay.next();
        if (step.done) {
          replayedUpTo = step.value;
          break;
        }
        replayedUpTo = step.value.sequence;
        yield step.value;
        if (expired || closing.closed) break;
      }
    }
    while (!expired && !closing.closed) {
      const event = queue.shift();
      if (event) {
        if (event.sequence > replayedUpTo) yield event;
        continue;
      }
      await new Promise<void>((resolve) => (wake = resolve));
      wake = null;
    }
    if (expired && !closing.closed) yield CREDENTIAL_EXPIRED;
    return undefined;
  } finally {
    if (expiry) clearTimeout(expiry);
    unsubscribe();
  }
}
