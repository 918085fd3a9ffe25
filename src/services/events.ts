// Reading the event log: single events, and the live stream subscriptions read.
import type { PrismaClient } from '../db/generated/client.ts';
import { findVisibleEvent } from '../db/events.ts';
import { UserInputError } from '../domain/errors.ts';
import { idType } from '../domain/ids.ts';
import type { Viewer } from '../domain/viewer.ts';
import type { EventBus } from '../events/event-bus.ts';
import { eventStream } from '../events/event-stream.ts';

/** Where the id to resume after came from: the `after` argument, or an SSE client's reconnection header. */
export type ResumeSource = 'after' | 'Last-Event-ID';

export class EventService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly bus: EventBus,
  ) {}

  /**
   * The viewer's events of the given types from now on; with `after`, first
   * every one it missed after that event. An unknown `after` is an error: a
   * client must not silently lose what it asked to replay.
   */
  async stream(
    viewer: Viewer,
    options: { types: string[] | null; after?: string | null; afterSource?: ResumeSource; objectId?: string | null },
  ) {
    let after = null;
    if (options.after) {
      after = idType(options.after) === 'Event' ? await findVisibleEvent(this.prisma, viewer, options.after) : null;
      if (!after) {
        const source = options.afterSource ?? 'after';
        const where = source === 'after' ? '' : ` (the ${source} header)`;
        throw new UserInputError('resource_missing', `No such event: '${options.after}'${where}.`, [source]);
      }
    }
    return eventStream(this.prisma, this.bus, viewer, { types: options.types, after, objectId: options.objectId });
  }
}
