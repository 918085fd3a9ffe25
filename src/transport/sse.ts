// Subscriptions over server-sent events, resumable. Each message of the `events`
// subscription carries `id: evt_...`; a client that reconnects sends the last one
// back as `Last-Event-ID` (EventSource does so by itself) and `events` replays
// what it missed from there, as `after:` does.
//
// Yoga's own SSE processor writes no `id:` lines and has no option for them, so
// this module puts its own processor in for subscription streams (through
// yoga's supported `onResultProcess` hook) and leaves every other response,
// including a subscription refused before it starts, to yoga.
import type { ExecutionResult, GraphQLError } from 'graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import type { SseChannel } from '../context.ts';

interface ChannelState extends SseChannel {
  /**
   * The id of the result just produced, once: a later result about no event must not repeat it.
   * The stream pulls one result at a time, so the id delivered while a result was produced is that result's.
   */
  take(): string | null;
}

/** The request's channel. Keyed by the Fetch request, which yoga hands both to the context and to result processing. */
const channels = new WeakMap<Request, ChannelState>();

export function sseChannel(request: Request): SseChannel {
  let channel = channels.get(request);
  if (!channel) {
    let pending: string | null = null;
    const lastEventId = request.headers.get('last-event-id')?.trim() || null;
    channel = {
      lastEventId,
      deliver: (eventId) => (pending = eventId),
      take: () => {
        const id = pending;
        pending = null;
        return id;
      },
    };
    channels.set(request, channel);
  }
  return channel;
}

/** A comment line every so often keeps proxies from closing a quiet stream (yoga's SSE does the same, at the same pace). */
const PING_INTERVAL_MS = 12_000;

export function useSseEventIds(): Plugin {
  return {
    onResultProcess({ request, result, resultProcessor, setResultProcessor }) {
      // Yoga's processors run first. For a subscription's stream the only one
      // that takes a stream is its SSE processor: if it chose one, the client
      // asked for text/event-stream, and this one writes the same format, with ids.
      if (!isAsyncIterable(result) || !resultProcessor) return;
      const channel = channels.get(request);
      setResultProcessor(
        (stream, fetchAPI) => eventStreamResponse(stream as AsyncIterable<ExecutionResult>, fetchAPI, () => channel?.take() ?? null),
        'text/event-stream',
      );
    },
  };
}

function eventStreamResponse(
  results: AsyncIterable<ExecutionResult>,
  fetchAPI: { ReadableStream: typeof ReadableStream; Response: typeof Response; TextEncoder: typeof TextEncoder },
  takeEventId: () => string | null,
): Response {
  const encoder = new fetchAPI.TextEncoder();
  const iterator = results[Symbol.asyncIterator]();
  let ping: ReturnType<typeof setInterval> | undefined;
  const body = new fetchAPI.ReadableStream<Uint8Array>({
    start(controller) {
      // Sent at once so that the client sees the response start before the first event.
      controller.enqueue(encoder.encode(':\n\n'));
      ping = setInterval(() => {
        if (controller.desiredSize === null) clearInterval(ping);
        else if (controller.desiredSize > 0) controller.enqueue(encoder.encode(':\n\n'));
      }, PING_INTERVAL_MS);
    },
    async pull(controller) {
      try {
        const { value, done } = await iterator.next();
        if (value != null) {
          const id = takeEventId();
          controller.enqueue(encoder.encode(`event: next\n${id ? `id: ${id}\n` : ''}data: ${serialize(value)}\n\n`));
        }
        if (done) {
          clearInterval(ping);
          controller.enqueue(encoder.encode('event: complete\ndata:\n\n'));
          controller.close();
        }
      } catch (error) {
        clearInterval(ping);
        controller.error(error);
      }
    },
    async cancel() {
      // The client went away: end the subscription, which releases its listener.
      clearInterval(ping);
      await iterator.return?.();
    },
  });
  return new fetchAPI.Response(body, {
    status: 200,
    headers: {
      'Content-Type': 'text/event-stream',
      'Cache-Control': 'no-cache',
      Connection: 'keep-alive',
      // No compression: it would hold messages back until a block fills.
      'Content-Encoding': 'none',
    },
  });
}

/** JSON on one line, without yoga's transport-only error extensions (`http`, `unexpected`), as yoga serializes. */
function serialize(result: ExecutionResult): string {
  const errors = result.errors?.map((error: GraphQLError) => {
    const json = error.toJSON();
    const { http: _http, unexpected: _unexpected, ...extensions } = (json.extensions ?? {}) as Record<string, unknown>;
    return { ...json, extensions: Object.keys(extensions).length ? extensions : undefined };
  });
  const { http: _http, ...extensions } = (result.extensions ?? {}) as Record<string, unknown>;
  return JSON.stringify({
    ...result,
    ...(errors ? { errors } : {}),
    extensions: Object.keys(extensions).length ? extensions : undefined,
  });
}
