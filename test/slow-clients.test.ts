// Slow clients are cut off: a client that sends its request's headers (or the
// whole request) slower than HTTP_HEADERS_TIMEOUT_MS (HTTP_REQUEST_TIMEOUT_MS)
// is answered 408 and its connection closed, an idle kept-alive connection is
// closed after HTTP_KEEP_ALIVE_TIMEOUT_MS, and meanwhile everyone else is
// answered. Open subscriptions (SSE, graphql-ws) are not requests in progress:
// they outlive every one of these bounds. Raw `net` sockets to the real server,
// with the bounds set small through the settings.
import { connect, type Socket } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, DEFAULTS, loadConfig } from '../src/config.ts';
import { graphql } from './gql/index.ts';
import { startGateway, type TestGateway } from './support/gateway.ts';
import { createPlatform } from './support/fixtures.ts';
import { subscribeSse, subscribeWs, wsClient } from './support/live.ts';

const HEADERS_TIMEOUT_MS = 1000;
const REQUEST_TIMEOUT_MS = 2000;
const KEEP_ALIVE_TIMEOUT_MS = 500;
/** How long the test waits for the server to cut a client: far above the bounds, whatever the machine's load. */
const CUT_WITHIN_MS = 90_000;

const EVENTS = graphql(`
  subscription SlowClientsEvents {
    events { id type }
  }
`);

const TYPENAME = graphql(`
  query SlowClientsTypename {
    __typename
  }
`);

const CREATE_CONNECTED_ACCOUNT = graphql(`
  mutation SlowClientsCreateConnectedAccount($input: CreateConnectedAccountInput!) {
    createConnectedAccount(input: $input) {
      connectedAccount { id }
      userErrors { code message }
    }
  }
`);

let gateway: TestGateway;
let token: string;
let port: number;

beforeAll(async () => {
  gateway = await startGateway({
    transport: {
      httpHeadersTimeoutMs: HEADERS_TIMEOUT_MS,
      httpRequestTimeoutMs: REQUEST_TIMEOUT_MS,
      httpKeepAliveTimeoutMs: KEEP_ALIVE_TIMEOUT_MS,
    },
  });
  port = Number(new URL(gateway.url).port);
  ({ secretKey: token } = await createPlatform(gateway));
});

afterAll(async () => {
  await gateway?.stop();
});

const opened = new Set<Socket>();
afterEach(() => {
  for (const socket of opened) socket.destroy();
  opened.clear();
});

interface RawClient {
  /** Resolves once connected. */
  connected: Promise<void>;
  /** How it ended: `byServer` unless the test's own deadline ended it; what it had sent and received. */
  closed: Promise<{ byServer: boolean; sent: number; response: string }>;
}

/**
 * A raw connection that writes `request` one byte every `byteEveryMs` (0: all at once), then waits. Bounded: after
 * CUT_WITHIN_MS it ends itself (`byServer: false`), so a server that never cuts it fails the test instead of hanging.
 */
function rawClient(request: string, byteEveryMs = 0): RawClient {
  const socket = connect(port, '127.0.0.1');
  opened.add(socket);
  socket.setNoDelay(true);
  let sent = 0;
  let response = '';
  let endedByTest = false;
  let ticker: NodeJS.Timeout | undefined;
  const connected = new Promise<void>((resolve) => socket.once('connect', resolve));
  void connected.then(() => {
    if (byteEveryMs === 0) {
      socket.write(request);
      sent = request.length;
      return;
    }
    ticker = setInterval(() => {
      if (sent < request.length && socket.writable) socket.write(request[sent++]!);
    }, byteEveryMs);
  });
  const deadline = setTimeout(() => {
    endedByTest = true;
    socket.destroy();
  }, CUT_WITHIN_MS);
  // Read (a paused socket would never see the server's end) and keep what the server says.
  socket.on('data', (chunk) => (response += chunk));
  socket.on('error', () => {}); // A reset by the server is a close like any other here.
  const closed = new Promise<{ byServer: boolean; sent: number; response: string }>((resolve) =>
    socket.once('close', () => {
      clearInterval(ticker);
      clearTimeout(deadline);
      opened.delete(socket);
      resolve({ byServer: !endedByTest, sent, response });
    }),
  );
  return { connected, closed };
}

/** A request's head that never ends (no blank line), long enough that a byte at a time takes far beyond the bounds. */
const endlessHead = `POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nX-Padding: ${'a'.repeat(400)}\r\n`;

describe('settings', () => {
  it('reads the HTTP timeouts, with their defaults, and refuses a headers bound above the request bound', () => {
    const defaults = loadConfig({}).transport;
    expect(defaults).toMatchObject({ httpHeadersTimeoutMs: 20_000, httpRequestTimeoutMs: 60_000, httpKeepAliveTimeoutMs: 65_000 });
    expect(DEFAULTS.transport.httpHeadersTimeoutMs).toBe(20_000);
    expect(
      loadConfig({ HTTP_HEADERS_TIMEOUT_MS: '1500', HTTP_REQUEST_TIMEOUT_MS: '3000', HTTP_KEEP_ALIVE_TIMEOUT_MS: '700' }).transport,
    ).toMatchObject({ httpHeadersTimeoutMs: 1500, httpRequestTimeoutMs: 3000, httpKeepAliveTimeoutMs: 700 });
    expect(() => loadConfig({ HTTP_HEADERS_TIMEOUT_MS: '70000' })).toThrow(ConfigError);
    expect(() => loadConfig({ HTTP_HEADERS_TIMEOUT_MS: '70000' })).toThrow(/cannot exceed HTTP_REQUEST_TIMEOUT_MS/);
    expect(() => loadConfig({ HTTP_KEEP_ALIVE_TIMEOUT_MS: '0' })).toThrow(/HTTP_KEEP_ALIVE_TIMEOUT_MS must be an integer from 100/);
  });
});

describe('slow clients', () => {
  it('cuts off 200 clients sending their headers a byte at a time, while normal requests are answered', { timeout: 3 * CUT_WITHIN_MS }, async () => {
    const slow = Array.from({ length: 200 }, () => rawClient(endlessHead, 100));
    await Promise.all(slow.map((client) => client.connected));

    // All 200 hold their sockets: everyone else is still answered.
    for (let i = 0; i < 20; i++) {
      const result = await gateway.graphql(TYPENAME, { token });
      expect(result).toMatchObject({ status: 200, data: { __typename: 'Query' } });
    }
    const health = await fetch(new URL('/health', gateway.url));
    expect(health.status).toBe(200);

    const ends = await Promise.all(slow.map((client) => client.closed));
    for (const end of ends) {
      expect(end.byServer).toBe(true);
      // Cut off before its head was even whole (it never would be): by the headers bound, not by finishing.
      expect(end.sent).toBeLessThan(endlessHead.length);
      expect(end.response).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/);
    }
    // And the server still answers afterwards.
    expect(await gateway.graphql(TYPENAME, { token })).toMatchObject({ status: 200 });
  });

  it('closes a connection that sends nothing, and one whose body never arrives', { timeout: 3 * CUT_WITHIN_MS }, async () => {
    const silent = rawClient('');
    const bodiless = rawClient(
      `POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\nAuthorization: Bearer ${token}\r\n\r\n{`,
    );
    for (const end of await Promise.all([silent.closed, bodiless.closed])) {
      expect(end.byServer).toBe(true);
      expect(end.response).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/);
    }
  });

  it('closes an idle kept-alive connection after its answer', { timeout: 3 * CUT_WITHIN_MS }, async () => {
    const client = rawClient('GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n');
    const end = await client.closed;
    expect(end.byServer).toBe(true);
    // Answered once, kept alive, then closed for idling: no 408, since no request was in progress.
    expect(end.response).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(end.response).toMatch(/\r\nConnection: keep-alive\r\n/i);
    expect(end.response.match(/HTTP\/1\.1 /g)).toHaveLength(1);
  });

  it('leaves open subscriptions alone: SSE and graphql-ws outlive the headers, request and keep-alive bounds', { timeout: 3 * CUT_WITHIN_MS }, async () => {
    const sse = await subscribeSse(gateway.url, token, EVENTS);
    expect(sse.status).toBe(200);
    const client = wsClient(gateway.url, token);
    let wsClosed = false;
    client.on('closed', () => (wsClosed = true));
    const ws = await subscribeWs(client, EVENTS);
    let ended = false;
    void Promise.race([sse.completed, ws.completed]).then(() => (ended = true));
    try {
      // Clients opened after the subscriptions, and cut by each bound in turn: once all are closed, the
      // subscriptions have been open past every bound, through the checks that cut the others.
      const canaries = [
        rawClient(endlessHead, 100),
        rawClient(`POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{`),
        rawClient('GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n'),
      ];
      const [headers, request, idle] = await Promise.all(canaries.map((canary) => canary.closed));
      expect(headers!.response).toMatch(/^HTTP\/1\.1 408 /);
      expect(request!.response).toMatch(/^HTTP\/1\.1 408 /);
      expect(idle!.response).toMatch(/^HTTP\/1\.1 200 /);
      for (const end of [headers, request, idle]) expect(end!.byServer).toBe(true);
      expect({ ended, wsClosed }).toEqual({ ended: false, wsClosed: false });

      // Both still deliver.
      const created = await gateway.graphql(CREATE_CONNECTED_ACCOUNT, {
        token,
        variables: { input: { displayName: 'Patient Subscriber', capabilities: [{ name: 'TREASURY', status: 'ACTIVE' }] } },
      });
      expect(created.data?.createConnectedAccount.userErrors).toEqual([]);
      const types = (received: { data?: { events: { type: string } } | null }) => received.data?.events.type;
      expect(types(await sse.next(30_000))).toBe('ACCOUNT_CREATED');
      expect(types(await ws.next(30_000))).toBe('ACCOUNT_CREATED');
    } finally {
      await sse.close();
      await ws.close();
      await client.dispose();
    }
  });
});
