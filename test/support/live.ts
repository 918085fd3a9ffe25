// Real subscription clients for tests: graphql-ws over WebSocket, and
// server-sent events over fetch, both against the real server.
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { print } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';

export interface Received<R> {
  data?: R | null;
  errors?: Array<{ message: string; extensions?: Record<string, any> }>;
  extensions?: Record<string, any>;
}

/** A subscription's results as they arrive; `next()` waits for the next one (or fails after `timeoutMs`). */
export interface LiveSubscription<R> {
  next(timeoutMs?: number): Promise<Received<R>>;
  /** Results received and not yet taken by next(). */
  readonly buffered: Received<R>[];
  /** Resolves when the server completes the subscription. */
  readonly completed: Promise<void>;
  close(): Promise<void>;
}

function queue<R>() {
  const buffered: Received<R>[] = [];
  const waiters: Array<(value: Received<R>) => void> = [];
  return {
    buffered,
    push(value: Received<R>) {
      const waiter = waiters.shift();
      if (waiter) waiter(value);
      else buffered.push(value);
    },
    next(timeoutMs = 5000): Promise<Received<R>> {
      const ready = buffered.shift();
      if (ready) return Promise.resolve(ready);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(done), 1);
          reject(new Error(`No subscription result within ${timeoutMs} ms`));
        }, timeoutMs);
        const done = (value: Received<R>) => {
          clearTimeout(timer);
          resolve(value);
        };
        waiters.push(done);
      });
    },
  };
}

const wsUrl = (httpUrl: string) => httpUrl.replace(/^http/, 'ws');

/** A graphql-ws client with the token in connectionParams, as a browser would send it. */
export function wsClient(url: string, token: string | null, extraParams: Record<string, unknown> = {}): Client {
  return createClient({
    url: wsUrl(url),
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    lazy: true,
    connectionParams: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...extraParams },
  });
}

/** Subscribes over graphql-ws; resolves once the server has acknowledged the connection. */
export async function subscribeWs<R, V>(
  client: Client,
  document: TypedDocumentNode<R, V>,
  variables?: V,
): Promise<LiveSubscription<R>> {
  const results = queue<R>();
  let complete!: () => void;
  const completed = new Promise<void>((resolve) => (complete = resolve));
  const connected = new Promise<void>((resolve) => client.on('connected', () => resolve()));
  const dispose = client.subscribe<R>(
    { query: print(document), variables: variables as Record<string, unknown> },
    {
      next: (value) => results.push(value as Received<R>),
      error: (error) => {
        const errors = Array.isArray(error) ? error : [{ message: error instanceof Error ? error.message : String(error) }];
        results.push({ errors } as Received<R>);
        complete();
      },
      complete: () => complete(),
    },
  );
  await Promise.race([connected, completed]);
  return {
    next: results.next,
    buffered: results.buffered,
    completed,
    async close() {
      dispose();
    },
  };
}

/**
 * Subscribes over server-sent events (yoga's default transport for subscriptions over HTTP).
 * `eventIds` holds each received result's SSE `id:` (null for none), in arrival order.
 */
export async function subscribeSse<R, V>(
  url: string,
  token: string | null,
  document: TypedDocumentNode<R, V>,
  variables?: V,
  /** `GET` sends the operation in the query string, as EventSource must. */
  options: { headers?: Record<string, string>; method?: 'GET' | 'POST' } = {},
): Promise<LiveSubscription<R> & { status: number; headers: Headers; eventIds: Array<string | null> }> {
  const results = queue<R>();
  const eventIds: Array<string | null> = [];
  const abort = new AbortController();
  const headers = {
    accept: 'text/event-stream',
    ...(token ? { authorization: `Bearer ${token}` } : {}),
    ...options.headers,
  };
  const response =
    options.method === 'GET'
      ? await fetch(`${url}?${new URLSearchParams({ query: print(document), variables: JSON.stringify(variables ?? {}) })}`, {
          headers,
          signal: abort.signal,
        })
      : await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify({ query: print(document), variables }),
          signal: abort.signal,
        });
  let complete!: () => void;
  const completed = new Promise<void>((resolve) => (complete = resolve));
  (async () => {
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        text += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = text.indexOf('\n\n')) >= 0) {
          const message = text.slice(0, end);
          text = text.slice(end + 2);
          const event = /^event: (.*)$/m.exec(message)?.[1];
          const data = message
            .split('\n')
            .filter((line) => line.startsWith('data:'))
            .map((line) => line.slice(5).trimStart())
            .join('\n');
          if (event === 'complete') return;
          if (data) {
            eventIds.push(/^id: ?(.*)$/m.exec(message)?.[1] ?? null);
            results.push(JSON.parse(data));
          }
        }
      }
    } catch {
      // Aborted by close().
    } finally {
      complete();
    }
  })();
  return {
    status: response.status,
    headers: response.headers,
    eventIds,
    next: results.next,
    buffered: results.buffered,
    completed,
    async close() {
      abort.abort();
    },
  };
}

/** Resolves once `condition()` holds (checked every 10 ms); fails after `timeoutMs`, saying what it waited for. */
export async function eventually(condition: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
