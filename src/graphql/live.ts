// Subscriptions over the event stream, and their fan-out.
//
// Over graphql-ws, subscribers whose operation is the same (text, name and
// variables) and whose scope is the same (platform, mode, account, kind of
// credential: everything a resolver may look at to decide what a viewer sees)
// form a group. Per event the group executes the operation once, with one
// fresh set of loaders, serialises the result once, and writes the same text
// into every member's socket (with the member's subscription id in front): the
// SQL and CPU of an event do not grow with the number of subscribers, only
// the writes do. The writes go in slices (a count and a time, whichever comes
// first) with a turn of the event loop between them, so that HTTP requests are
// served while an event fans out, and
// a socket that does not take its messages (more than `maxBufferedBytes`
// unsent) is closed with 1013 rather than left to hold memory or others.
//
// What stays each subscriber's own: its replay (`after:`), which it reads and
// executes itself before it joins the group's live events (no gap and no
// duplicate across the switch, by sequence); the expiry of its credential;
// its completion; and its first message's `extensions.cost`.
//
// Elsewhere (server-sent events, or with shared execution off) each
// subscriber has its own event stream, and graphql-js executes each event for it.
import { execute, GraphQLError, type ExecutionResult } from 'graphql';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Context, LiveDelivery, LiveJoin, LiveOptions } from '../context.ts';
import type { Loaders } from '../db/loaders.ts';
import type { EventRecord } from '../events/event-bus.ts';
import { CREDENTIAL_EXPIRED } from '../events/event-stream.ts';
import type { Viewer } from '../domain/viewer.ts';

export type LivePayload = EventRecord | typeof CREDENTIAL_EXPIRED;

export interface LiveFanoutSettings {
  /** A socket with more than this many bytes not yet sent is closed (1013) instead of being written to. */
  maxBufferedBytes: number;
  /** Sockets written to between two turns of the event loop, at most. */
  sendBatchSize: number;
  /**
   * Time spent writing between two turns of the event loop, at most (ms). What a write costs
   * depends on the machine (on loopback the kernel delivers into the reader within the call), so
   * a count alone would hold HTTP requests for longer on a slower one.
   */
  sendSliceMs: number;
  /** The server's error masking: what a client may see of an error. */
  maskError(error: unknown): GraphQLError;
}

/**
 * The loaders of a context whose events a group executes: none. Any use is a bug, and says so
 * (a promise's `then` and symbols are answered, so that inspecting the object does not throw).
 */
const NO_LOADERS = new Proxy({} as Loaders, {
  get(_target, name) {
    if (typeof name === 'symbol' || name === 'then') return undefined;
    throw new Error(`A live subscriber's own loaders are not used: its group executes its events (asked for ${name}).`);
  },
});

/** Executions of a group's queued events that may run while an earlier one is written. */
const RENDER_AHEAD = 8;

/** graphql-ws's ws.OPEN. */
const OPEN = 1;
/** "Try Again Later": the client may reconnect and resume with `after:`. */
export const CLOSE_TOO_SLOW = 1013;

export async function liveEvents(ctx: Context, options: LiveOptions): Promise<AsyncIterableIterator<LivePayload>> {
  if (ctx.live) return ctx.live.fanout.join(ctx, options);
  const stream = await ctx.services.events.stream(ctx.viewer, options);
  // A plain iterator, not a generator, so that a client's unsubscribe (return()) reaches the stream at once.
  const live: AsyncIterableIterator<LivePayload> = {
    [Symbol.asyncIterator]: () => live,
    async next() {
      const result = await stream.next();
      // A subscription's context lives as long as it does: fresh loaders for every event, or a cached row would show an old state.
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

/**
 * What decides what a viewer sees: its platform, mode and account (the loaders'
 * scope) and its kind of credential (e.g. only a secret key sees full account
 * numbers). Not the credential's id or expiry, which change nothing in a result.
 */
export function scopeKey(viewer: Viewer): string {
  return JSON.stringify([viewer.platformId, viewer.livemode, viewer.accountId, viewer.credential]);
}

export interface LiveFanoutStats {
  groups: number;
  members: number;
}

export class LiveFanout implements LiveJoin {
  private readonly groups = new Map<string, Promise<Group>>();
  private readonly perPlatform = new Map<string, { joined: number; members: number; groups: number }>();

  constructor(readonly settings: LiveFanoutSettings) {}

  /** Adds a subscriber to the group of its operation and scope; the iterator ends when it does (it yields nothing: the group writes). */
  async join(ctx: Context, options: LiveOptions): Promise<AsyncIterableIterator<never>> {
    // An unknown `after` is refused before anything starts, as the subscription's error.
    const after = options.after ? await ctx.services.events.resumePoint(ctx.viewer, options.after, options.afterSource) : null;
    const key = JSON.stringify([scopeKey(ctx.viewer), ctx.live!.selectionKey, options.types, options.objectId ?? null]);
    for (;;) {
      const group = await this.groupFor(key, ctx, options);
      // A group whose last member left while this one waited for it is gone: take a new one.
      if (!group.closed) return group.add(ctx, after).iterator;
    }
  }

  /** Groups and members now, of one platform or all. */
  stats(platformId?: string): LiveFanoutStats {
    if (platformId) {
      const p = this.perPlatform.get(platformId);
      return { groups: p?.groups ?? 0, members: p?.members ?? 0 };
    }
    let groups = 0;
    let members = 0;
    for (const p of this.perPlatform.values()) {
      groups += p.groups;
      members += p.members;
    }
    return { groups, members };
  }

  /** How many subscribers of the platform (or of every platform) ever joined: went live. */
  joinedFor(platformId?: string): number {
    if (platformId) return this.perPlatform.get(platformId)?.joined ?? 0;
    let joined = 0;
    for (const p of this.perPlatform.values()) joined += p.joined;
    return joined;
  }

  private groupFor(key: string, ctx: Context, options: LiveOptions): Promise<Group> {
    let entry = this.groups.get(key);
    if (!entry) {
      const group = new Group(this, key, ctx, options);
      entry = group.start().then(() => group);
      this.groups.set(key, entry);
      const created = entry;
      created.catch(() => this.groups.get(key) === created && this.groups.delete(key));
    }
    return entry;
  }

  /** @internal */
  count(platformId: string, change: { joined?: number; members?: number; groups?: number }) {
    const p = this.perPlatform.get(platformId) ?? { joined: 0, members: 0, groups: 0 };
    p.joined += change.joined ?? 0;
    p.members += change.members ?? 0;
    p.groups += change.groups ?? 0;
    this.perPlatform.set(platformId, p);
  }

  /** @internal */
  forget(key: string, group: Group) {
    void this.groups.get(key)?.then((current) => current === group && this.groups.delete(key));
  }
}

/** One operation in one scope: one listener on the event bus, one execution and one serialisation per event. */
class Group {
  readonly members = new Set<Member>();
  closed = false;
  /** Events received from the bus so far; a member gets those received after it joined. */
  private received = 0;
  private readonly queue: Array<{ ordinal: number; event: EventRecord }> = [];
  private draining = false;
  private unsubscribe: (() => void) | null = null;
  private readonly viewer: Viewer;
  private readonly template: Context;
  private readonly operation: LiveDelivery['operation'];

  constructor(
    private readonly fanout: LiveFanout,
    private readonly key: string,
    ctx: Context,
    readonly options: LiveOptions,
  ) {
    // The scope of every member (see scopeKey); expiry is each member's own.
    this.viewer = { ...ctx.viewer, expiresAt: null };
    // Each execution renews the loaders (render): the template holds none.
    this.template = { ...ctx, viewer: this.viewer, live: undefined, sse: undefined, loaders: NO_LOADERS };
    this.operation = ctx.live!.operation;
  }

  async start() {
    // Awaited: a member that replays must not miss what is published while it reads.
    this.unsubscribe = await this.template.services.events.listen(this.viewer, this.options, (event) => {
      this.queue.push({ ordinal: ++this.received, event });
      if (!this.draining) void this.drain();
    });
    this.fanout.count(this.viewer.platformId, { groups: 1 });
  }

  add(ctx: Context, after: EventRecord | null): Member {
    // The group executes the member's events with loaders of its own: the member's would only hold
    // memory (a set is about 24 KB, half of what a subscriber cost).
    ctx.loaders = NO_LOADERS;
    const member = new Member(this, ctx, this.received, after);
    this.members.add(member);
    this.fanout.count(this.viewer.platformId, { joined: 1, members: 1 });
    member.begin();
    return member;
  }

  remove(member: Member) {
    if (!this.members.delete(member)) return;
    this.fanout.count(this.viewer.platformId, { members: -1 });
    if (this.members.size > 0 || this.closed) return;
    this.closed = true;
    this.unsubscribe?.();
    this.fanout.count(this.viewer.platformId, { groups: -1 });
    this.fanout.forget(this.key, this);
  }

  /** The result for one payload, as the inside of a graphql-ws `next` message's payload (`"data":…,"errors":…`). */
  async render(payload: LivePayload): Promise<string> {
    let result: ExecutionResult;
    try {
      const contextValue: Context = { ...this.template };
      contextValue.refreshLoaders();
      result = await execute({ ...this.operation, rootValue: payload, contextValue });
    } catch (error) {
      result = { data: null, errors: [error as GraphQLError] };
    }
    let body = `"data":${JSON.stringify(result.data ?? null)}`;
    if (result.errors?.length) body += `,"errors":${JSON.stringify(result.errors.map((e) => this.fanout.settings.maskError(e).toJSON()))}`;
    return body;
  }

  settings() {
    return this.fanout.settings;
  }

  /**
   * Events in the order received, each executed once, then written to each member. The executions
   * of the events queued behind run while one is written (up to RENDER_AHEAD of them): an execution
   * mostly waits for its SQL, and one event at a time held a group to about one event per
   * execution's round trips.
   */
  private async drain() {
    this.draining = true;
    const rendering: Array<{ ordinal: number; event: EventRecord; body: Promise<string> }> = [];
    const renderAhead = () => {
      while (rendering.length < RENDER_AHEAD && this.queue.length > 0) {
        const { ordinal, event } = this.queue.shift()!;
        const body = this.render(event);
        rendering.push({ ordinal, event, body });
      }
    };
    try {
      for (renderAhead(); rendering.length > 0 && !this.closed; renderAhead()) {
        const { ordinal, event, body: rendered } = rendering.shift()!;
        const body = await rendered;
        renderAhead();
        const { sendBatchSize, sendSliceMs } = this.fanout.settings;
        let written = 0;
        let sliceStart = performance.now();
        for (const member of this.members) {
          if (member.joinedAt >= ordinal) continue;
          member.take(event.sequence, body);
          written += 1;
          if (written % sendBatchSize === 0 || performance.now() - sliceStart >= sendSliceMs) {
            written = 0;
            await nextTurn();
            sliceStart = performance.now();
          }
        }
      }
    } finally {
      this.draining = false;
    }
  }
}

class Member {
  private state: 'replaying' | 'live' | 'expiring' | 'ended';
  /** What the group delivered while this member replayed, to pass on after the replay (those it had not replayed). */
  private pending: Array<{ sequence: bigint; body: string }> = [];
  private first = true;
  /** The last event the replay read: the group's live events up to it were given by the replay. */
  private replayedUpTo = -1n;
  private readonly live: LiveDelivery;
  private readonly idJson: string;
  private expiry: NodeJS.Timeout | null = null;
  private finish!: (result: IteratorResult<never>) => void;
  private fail!: (error: unknown) => void;
  private readonly ended: Promise<IteratorResult<never>>;
  readonly iterator: AsyncIterableIterator<never>;

  constructor(
    private readonly group: Group,
    private readonly ctx: Context,
    readonly joinedAt: number,
    private readonly after: EventRecord | null,
  ) {
    this.live = ctx.live!;
    this.idJson = JSON.stringify(this.live.subscriptionId);
    this.state = after ? 'replaying' : 'live';
    this.ended = new Promise((resolve, reject) => {
      this.finish = resolve;
      this.fail = reject;
    });
    const iterator: AsyncIterableIterator<never> = {
      [Symbol.asyncIterator]: () => iterator,
      next: () => this.ended,
      return: async () => {
        this.leave();
        return { done: true, value: undefined };
      },
    };
    this.iterator = iterator;
  }

  begin() {
    const { expiresAt } = this.ctx.viewer;
    if (expiresAt) this.expiry = setTimeout(() => void this.expire(), Math.max(0, expiresAt.getTime() - Date.now()));
    if (this.after) void this.replay(this.after);
  }

  /** An event the group executed: written now, or kept until the replay is done; never one the replay already gave. */
  take(sequence: bigint, body: string) {
    if (this.state === 'live') {
      if (sequence > this.replayedUpTo) this.write(body);
    } else if (this.state === 'replaying') {
      this.pending.push({ sequence, body });
    }
  }

  leave() {
    if (this.state === 'ended') return;
    this.state = 'ended';
    this.pending = [];
    if (this.expiry) clearTimeout(this.expiry);
    this.group.remove(this);
    this.finish({ done: true, value: undefined });
  }

  private write(body: string) {
    const { socket } = this.live;
    // A closing socket (e.g. closed for another of its subscriptions being too slow): graphql-ws would end this
    // subscription only once the close completes, which a client that does not read delays; it ends now.
    if (socket.readyState !== OPEN) {
      this.leave();
      return;
    }
    const { maxBufferedBytes } = this.group.settings();
    if (socket.bufferedAmount > maxBufferedBytes) {
      socket.close(CLOSE_TOO_SLOW, `Subscriber too slow: ${socket.bufferedAmount} bytes not yet sent. Reconnect and resume with after.`);
      this.leave();
      return;
    }
    let extensions = '';
    if (this.first) {
      this.first = false;
      const first = this.live.firstExtensions();
      if (first) extensions = `,"extensions":${JSON.stringify(first)}`;
    }
    socket.send(`{"id":${this.idJson},"type":"next","payload":{${body}${extensions}}}`);
  }

  private async replay(after: EventRecord) {
    const stopped = () => this.state !== 'replaying';
    try {
      const events = this.ctx.services.events.replay(this.ctx.viewer, { ...this.group.options, after }, stopped);
      this.replayedUpTo = after.sequence;
      for (;;) {
        const step = await events.next();
        if (step.done) {
          this.replayedUpTo = step.value;
          break;
        }
        this.replayedUpTo = step.value.sequence;
        const body = await this.group.render(step.value);
        if (stopped()) return;
        this.write(body);
      }
      if (stopped()) return;
      for (const item of this.pending) if (item.sequence > this.replayedUpTo) this.write(item.body);
      this.pending = [];
      this.state = 'live';
    } catch (error) {
      if (stopped()) return;
      const masked = this.group.settings().maskError(error);
      this.state = 'ended';
      if (this.expiry) clearTimeout(this.expiry);
      this.group.remove(this);
      this.fail(masked);
    }
  }

  /** The credential expired: one UNAUTHENTICATED error, then the subscription completes. */
  private async expire() {
    if (this.state === 'ended') return;
    // Nothing of the replay or the group reaches it after this.
    this.state = 'expiring';
    this.pending = [];
    const body = await this.group.render(CREDENTIAL_EXPIRED);
    if (this.state !== 'expiring') return;
    this.write(body);
    this.leave();
  }
}
