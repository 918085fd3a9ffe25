// Reading the event log: single events, and the live stream subscriptions read.
import type { PrismaClient } from '../db/generated/client.ts';
import { eventsAfter, findVisibleEvent } from '../db/events.ts';
import { UserInputError } from '../domain/errors.ts';
import { idType } from '../domain/ids.ts';
import type { Viewer } from '../domain/viewer.ts';
import type { EventBus, EventRecord } from '../events/event-bus.ts';
import { eventStream, eventWanted, replayEvents, type EventLog } from '../events/event-stream.ts';

/** Where the id to resume after came from: the `after` argument, or an SSE client's reconnection header. */
export type ResumeSource = 'after' | 'Last-Event-ID';

export class EventService {
  private readonly log: EventLog;

  constructor(
    private readonly prisma: PrismaClient,
    private readonly bus: EventBus,
  ) {
    this.log = (viewer, afterSequence, types, limit) => eventsAfter(prisma, viewer, afterSequence, types, limit);
  }

  /**
   * The viewer's events of the given types from now on; with `after`, first
   * every one it missed after that event. An unknown `after` is an error: a
   * client must not silently lose what it asked to replay.
   */
  async stream(
    viewer: Viewer,
    options: { types: string[] | null; after?: string | null; afterSource?: ResumeSource; objectId?: string | null },
  ) {
    const after = options.after ? await this.resumePoint(viewer, options.after, options.afterSource) : null;
    return eventStream(this.log, this.bus, viewer, { types: options.types, after, objectId: options.objectId });
  }

  /** The event to resume after, which the viewer must be able to see; a user error naming where the id came from otherwise. */
  async resumePoint(viewer: Viewer, id: string, source: ResumeSource = 'after'): Promise<EventRecord> {
    const after = idType(id) === 'Event' ? await findVisibleEvent(this.prisma, viewer, id) : null;
    if (!after) {
      const where = source === 'after' ? '' : ` (the ${source} header)`;
      throw new UserInputError('resource_missing', `No such event: '${id}'${where}.`, [source]);
    }
    return after;
  }

  /**
   * Calls `listener` with each event the viewer may see, of the types and object
   * given, published from the moment the returned promise resolves; resolves to the unsubscribe.
   */
  listen(viewer: Viewer, options: { types: string[] | null; objectId?: string | null }, listener: (event: EventRecord) => void) {
    const wanted = eventWanted(viewer, options);
    return this.bus.subscribe(viewer.platformId, viewer.livemode, (event) => {
      if (wanted(event)) listener(event);
    });
  }

  /** The viewer's events after `after`, in commit order, as a stream filters them; the generator's return value is the last sequence read. */
  replay(viewer: Viewer, options: { types: string[] | null; objectId?: string | null; after: EventRecord }, stop?: () => boolean) {
    return replayEvents(this.log, viewer, options, stop);
  }
}
