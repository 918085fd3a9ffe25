// The subscribers of bench/live-fanout.ts, run as child processes (fork): real
// graphql-ws clients, one WebSocket connection and one subscription each, as
// many browsers would hold them. Several of these processes share the load, so
// that receiving is not what limits the measurement.
//
// For every event id each client receives, it notes the time of arrival
// (epoch milliseconds, `performance.timeOrigin + performance.now()`, which
// processes on one machine share) and how many times that client got it: the
// parent compares with the time the server published it, and finds events
// lost (0) or duplicated (> 1).
//
// Protocol: the parent sends requests `{ rpc, type, ... }`; each is answered by
// `{ rpc, result }` or `{ rpc, error }`. Disconnecting ends this process.
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { answerRequests } from './rpc.ts';

export interface ConnectRequest {
  type: 'connect';
  /** ws:// URL of each client, in turn (clients spread over the instances). */
  urls: string[];
  token: string;
  count: number;
  query: string;
  variables?: Record<string, unknown>;
  /** Connections being opened at once. */
  concurrency: number;
}

/** Per event id: when each client first got it (NaN: never) and how many times. */
interface Receipt {
  firstAt: Float64Array;
  times: Uint16Array;
}

export interface CollectedEvent {
  id: string;
  /** Arrival times of the clients that got it (epoch ms). */
  arrivals: number[];
  lost: number;
  duplicated: number;
}

export interface Collected {
  clients: number;
  events: CollectedEvent[];
  /** Messages with errors, subscriptions that ended, sockets that closed, since the last collect. */
  errors: number;
  firstError: string | null;
  completed: number;
  closed: number;
}

const now = () => performance.timeOrigin + performance.now();

const clients: Client[] = [];
const receipts = new Map<string, Receipt>();
let received = 0;
let errors = 0;
let firstError: string | null = null;
let completed = 0;
let closed = 0;
const waiters: Array<{ count: number; resolve: () => void }> = [];

function receive(client: number, eventId: string) {
  let receipt = receipts.get(eventId);
  if (!receipt) {
    receipt = { firstAt: new Float64Array(clients.length).fill(Number.NaN), times: new Uint16Array(clients.length) };
    receipts.set(eventId, receipt);
  }
  if (receipt.times[client] === 0) receipt.firstAt[client] = now();
  receipt.times[client] += 1;
  received += 1;
  for (let i = waiters.length - 1; i >= 0; i -= 1) {
    if (received >= waiters[i].count) waiters.splice(i, 1)[0].resolve();
  }
}

async function connect(request: ConnectRequest): Promise<{ clients: number; connectMs: number }> {
  const started = performance.now();
  const first = clients.length;
  let next = 0;
  const open = async () => {
    while (next < request.count) {
      const index = first + next;
      const url = request.urls[next % request.urls.length];
      next += 1;
      const client = createClient({
        url,
        webSocketImpl: WebSocket,
        retryAttempts: 0,
        lazy: true,
        // The server pings; the client need not.
        keepAlive: 0,
        connectionParams: { authorization: `Bearer ${request.token}` },
        on: { closed: () => void (closed += 1) },
      });
      clients.push(client);
      const connected = new Promise<void>((resolve, reject) => {
        client.on('connected', () => resolve());
        client.on('closed', (event) => reject(new Error(`closed before connecting: ${(event as { code?: number }).code}`)));
      });
      client.subscribe(
        { query: request.query, variables: request.variables },
        {
          next: (value) => {
            if (value.errors) {
              errors += 1;
              firstError ??= JSON.stringify(value.errors).slice(0, 300);
            }
            const id = (value.data as { events?: { id?: string } } | null)?.events?.id;
            if (id) receive(index, id);
          },
          error: (error) => {
            errors += 1;
            firstError ??= String(error instanceof Error ? error.message : JSON.stringify(error)).slice(0, 300);
          },
          complete: () => void (completed += 1),
        },
      );
      await connected;
    }
  };
  await Promise.all(Array.from({ length: request.concurrency }, open));
  return { clients: clients.length, connectMs: Math.round(performance.now() - started) };
}

function collect(): Collected {
  const events: CollectedEvent[] = [];
  for (const [id, receipt] of receipts) {
    const arrivals: number[] = [];
    let lost = 0;
    let duplicated = 0;
    for (let i = 0; i < receipt.times.length; i += 1) {
      if (receipt.times[i] === 0) lost += 1;
      else arrivals.push(receipt.firstAt[i]);
      if (receipt.times[i] > 1) duplicated += 1;
    }
    events.push({ id, arrivals, lost, duplicated });
  }
  const result = { clients: clients.length, events, errors, firstError, completed, closed };
  receipts.clear();
  received = 0;
  errors = 0;
  firstError = null;
  completed = 0;
  closed = 0;
  return result;
}

const handlers: Record<string, (request: any) => unknown> = {
  connect,
  collect,
  /** Resolves once this process has received `count` messages since the last collect, or after `timeoutMs`. */
  wait: ({ count, timeoutMs }: { count: number; timeoutMs: number }) =>
    new Promise<{ received: number; timedOut: boolean }>((resolve) => {
      if (received >= count) return resolve({ received, timedOut: false });
      const timer = setTimeout(() => resolve({ received, timedOut: true }), timeoutMs);
      waiters.push({ count, resolve: () => (clearTimeout(timer), resolve({ received, timedOut: false })) });
    }),
  close: async () => {
    await Promise.allSettled(clients.splice(0).map((client) => client.dispose()));
    return { closed: true };
  },
};

answerRequests(handlers);
process.on('disconnect', () => process.exit(0));
