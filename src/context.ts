// The per-request context: who is asking, the request's loaders, and the services.
// Resolvers (src/graphql) read it and the entry points make it; it imports neither:
// what the transports hand a subscription is declared here, and they fill it in.
import type { DocumentNode, GraphQLSchema } from 'graphql';
import type { Viewer } from './domain/viewer.ts';
import type { Loaders } from './db/loaders.ts';
import type { Services } from './services/index.ts';
import type { ResumeSource } from './services/events.ts';

export interface Context {
  viewer: Viewer;
  /** The request's loaders; a subscription renews them for each event, so no event sees stale data. */
  loaders: Loaders;
  services: Services;
  refreshLoaders(): void;
  /** Over HTTP: the server-sent events transport (Last-Event-ID in, event ids out); undefined over WebSocket. */
  sse?: SseChannel;
  /** Over graphql-ws: where a subscription's messages go, so that subscribers of one operation and scope share each event's execution. */
  live?: LiveDelivery;
}

/** How a subscription over SSE talks to its transport. */
export interface SseChannel {
  /** The `Last-Event-ID` the client sent: the last event it received before it reconnected. */
  readonly lastEventId: string | null;
  /** The result being produced now is about this event: its message carries `id: <eventId>`. */
  deliver(eventId: string): void;
}

/** What a subscription over the event stream asks for (graphql/live.ts's liveEvents). */
export interface LiveOptions {
  types: string[] | null;
  after?: string | null;
  afterSource?: ResumeSource;
  objectId?: string | null;
}

/** The shared executions a subscription over graphql-ws joins: graphql/live.ts's LiveFanout. */
export interface LiveJoin {
  /** Adds a subscriber to the group of its operation and scope; the iterator ends when it does (it yields nothing: the group writes). */
  join(ctx: Context, options: LiveOptions): Promise<AsyncIterableIterator<never>>;
}

/** The part of ws's WebSocket the fan-out writes to. */
export interface LiveSocket {
  readonly readyState: number;
  readonly bufferedAmount: number;
  send(data: string): void;
  close(code: number, reason: string): void;
}

/** What the WebSocket transport tells a subscription about itself (set on its context before it starts). */
export interface LiveDelivery {
  fanout: LiveJoin;
  /** The operation as it runs for each event. */
  operation: { schema: GraphQLSchema; document: DocumentNode; operationName?: string | null; variableValues?: Record<string, unknown> | null };
  /** The operation's text, name and variables as the client sent them: equal keys (and equal scopes) share executions. */
  selectionKey: string;
  socket: LiveSocket;
  /** The graphql-ws subscription id, which every message to this subscriber carries. */
  subscriptionId: string;
  /** What the subscriber's first message carries in `extensions` (the operation's cost). */
  firstExtensions(): Record<string, unknown> | undefined;
}
