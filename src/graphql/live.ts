// Helpers for subscriptions over the event stream: fresh loaders for every
// event (a subscription's context lives as long as it does, and a cached row
// would show an old state), and the end of a stream whose credential expired.
import { GraphQLError } from 'graphql';
import type { Context } from '../context.ts';
import type { EventRecord } from '../events/event-bus.ts';
import { CREDENTIAL_EXPIRED } from '../events/event-stream.ts';
import type { ResumeSource } from '../services/events.ts';

export type LivePayload = EventRecord | typeof CREDENTIAL_EXPIRED;

export async function liveEvents(
  ctx: Context,
  options: { types: string[] | null; after?: string | null; afterSource?: ResumeSource; objectId?: string | null },
): Promise<AsyncIterableIterator<LivePayload>> {
  const stream = await ctx.services.events.stream(ctx.viewer, options);
  // A plain iterator, not a generator, so that a client's unsubscribe (return()) reaches the stream at once.
  const live: AsyncIterableIterator<LivePayload> = {
    [Symbol.asyncIterator]: () => live,
    async next() {
      const result = await stream.next();
      if (!result.done) ctx.refreshLoaders();
      return result;
    },
    return: () => stream.return!(),
  };
  return live;
}

/** Resolves an event payload; the expiry marker becomes the error that ends the subscription. */
export function onEvent<T>(payload: LivePayload, resolve: (event: EventRecord) => T): T {
  if (payload === CREDENTIAL_EXPIRED) {
    throw new GraphQLError('The account session has expired: the subscription ends. Subscribe again with a new one.', {
      extensions: { code: 'UNAUTHENTICATED' },
    });
  }
  return resolve(payload);
}
