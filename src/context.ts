// The per-request context: who is asking, the request's loaders, and the services.
import type { Viewer } from './domain/viewer.ts';
import type { Loaders } from './db/loaders.ts';
import type { Services } from './services/index.ts';
import type { SseChannel } from './transport/sse.ts';
import type { LiveDelivery } from './graphql/live.ts';

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
