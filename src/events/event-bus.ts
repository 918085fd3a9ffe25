// How committed events reach subscribers: published after their transaction
// commits, delivered to every subscriber of the platform and mode they belong
// to (each subscriber then applies its own scope and filters). In one process
// an in-memory bus does; several gateway instances share a Redis one.
import { EventEmitter } from 'node:events';

/** An event as stored and as delivered. */
export interface EventRecord {
  id: string;
  sequence: bigint;
  platformId: string;
  accountId: string;
  livemode: boolean;
  type: string;
  objectId: string;
  /** The financial accounts the change touches (a financial account's own events: that account). */
  financialAccountIds: string[];
  data: { object: Record<string, unknown>; previous_attributes?: Record<string, unknown> };
  createdAt: Date;
}

/** An event as a change records it, before the log numbers it (see catalogue.ts, the one way to make one). */
export type NewEvent = Omit<EventRecord, 'id' | 'sequence' | 'createdAt'>;

export interface EventBus {
  /** Delivers committed events to the subscribers of their platform and mode. */
  publish(events: EventRecord[]): Promise<void>;
  /** Calls `listener` with every event of the platform and mode published from now on; returns the unsubscribe. */
  subscribe(platformId: string, livemode: boolean, listener: (event: EventRecord) => void): Promise<() => void>;
  close(): Promise<void>;
}

export function channelOf(platformId: string, livemode: boolean): string {
  return `gateway:events:${platformId}:${livemode ? 'live' : 'test'}`;
}

export class InMemoryEventBus implements EventBus {
  private readonly emitter = new EventEmitter().setMaxListeners(0);

  async publish(events: EventRecord[]): Promise<void> {
    for (const event of events) this.emitter.emit(channelOf(event.platformId, event.livemode), event);
  }

  async subscribe(platformId: string, livemode: boolean, listener: (event: EventRecord) => void) {
    const channel = channelOf(platformId, livemode);
    this.emitter.on(channel, listener);
    return () => void this.emitter.off(channel, listener);
  }

  async close(): Promise<void> {
    this.emitter.removeAllListeners();
  }
}

/** Events as JSON text, for transports between processes (bigint and Date do not survive JSON as they are). */
export function serializeEvent(event: EventRecord): string {
  return JSON.stringify({ ...event, sequence: event.sequence.toString(), createdAt: event.createdAt.toISOString() });
}

export function deserializeEvent(text: string): EventRecord {
  const raw = JSON.parse(text) as Omit<EventRecord, 'sequence' | 'createdAt'> & { sequence: string; createdAt: string };
  return { ...raw, sequence: BigInt(raw.sequence), createdAt: new Date(raw.createdAt) };
}
