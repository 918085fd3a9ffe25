// What the transports let a client make the server hold, and whom they answer:
// WebSocket message and connectionParams sizes (checked before any
// authentication work), keep-alive pings that drop dead clients, the HTTP body
// limit, batching, and CORS from an allow-list. Through the real server, raw
// ws and node http clients (to send what well-behaved clients never would) and
// fetch.
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { print } from 'graphql';
import { graphql } from './gql/index.ts';
import { ConfigError, DEFAULTS, loadConfig } from '../src/config.ts';
import { startGateway, type TestGateway } from './support/gateway.ts';
import { createPlatform } from './support/fixtures.ts';
import { ObservedBus } from './support/observed-bus.ts';

const EVENTS = graphql(`
  subscription TransportEvents {
    events { id type }
  }
`);

const TYPENAME = graphql(`
  query TransportTypename {
    __typename
  }
`);

const CREATE_CONNECTED_ACCOUNT = graphql(`
  mutation TransportCreateConnectedAccount($input: CreateConnectedAccountInput!) {
    createConnectedAccount(input: $input) {
      connectedAccount { id }
      userErrors { code message }
    }
  }
`);

const KIB = 1024;

// ---------------------------------------------------------------------------
// A raw graphql-transport-ws client: sends exactly what a test says, reports how the socket closed.

interface RawSocket {
  socket: WebSocket;
  /** Pings received from the server since the socket opened. */
  readonly pings: number;
  /** Messages received, parsed. */
  messages: Array<{ type: string; id?: string; payload?: unknown }>;
  closed: Promise<{ code: number; reason: string }>;
  /** Resolves with the first received message of this type. */
  receive(type: string): Promise<{ type: string; payload?: unknown }>;
  send(message: unknown): void;
}

const sockets: WebSocket[] = [];

/** With `answerPings`, pongs are sent only while it returns true: a client that goes silent without closing. */
async function rawSocket(url: string, options: { answerPings?: () => boolean } = {}): Promise<RawSocket> {
  const socket = new WebSocket(url.replace(/^http/, 'ws'), 'graphql-transport-ws', { autoPong: !options.answerPings });
  sockets.push(socket);
  let pings = 0;
  socket.on('ping', (data) => {
    pings++;
    if (options.answerPings?.()) socket.pong(data);
  });
  const messages: RawSocket['messages'] = [];
  const waiters: Array<() => void> = [];
  socket.on('message', (data) => {
    messages.push(JSON.parse(String(data)));
    for (const waiter of waiters.splice(0)) waiter();
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  return {
    socket,
    get pings() {
      return pings;
    },
    messages,
    closed,
    send: (message) => socket.send(typeof message === 'string' ? message : JSON.stringify(message)),
    receive(type) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = messages.find((message) => message.type === type);
          if (found) return resolve(found);
          waiters.push(check);
        };
        closed.then(({ code, reason }) => reject(new Error(`closed (${code} ${reason}) before a ${type} message`)));
        check();
      });
    },
  };
}

/** Statements that look a credential up: authentication work. */
const credentialLookups = (log: string[]) => log.filter((sql) => /"ApiKey"|"AccountSession"|api_key|account_session/i.test(sql));

afterEach(() => {
  for (const socket of sockets.splice(0)) socket.terminate();
});

async function createConnectedAccount(gateway: TestGateway, token: string): Promise<string> {
  const res = await gateway.graphql(CREATE_CONNECTED_ACCOUNT, {
    token,
    variables: { input: { displayName: 'Transport Test Business', capabilities: [{ name: 'TREASURY', status: 'ACTIVE' }] } },
  });
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data!.createConnectedAccount.connectedAccount!.id;
}

// ===========================================================================

// One database for the whole file; each group runs its own server over it, with the settings it tests.
let base: TestGateway;
beforeAll(async () => {
  base = await startGateway();
});
afterAll(async () => {
  await base?.stop();
});

describe('WebSocket limits (defaults)', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startGateway({ db: base.db });
  });
  afterAll(async () => {
    await gateway?.stop();
  });

  it('closes the socket with 1009 on a message larger than the default maxPayload, before authentication, quietly', async () => {
    const consoleError = vi.spyOn(console, 'error');
    try {
      const client = await rawSocket(gateway.url);
      gateway.db.statements.log = [];
      const padding = 'x'.repeat(DEFAULTS.transport.wsMaxPayloadBytes);
      client.send({ type: 'connection_init', payload: { authorization: 'Bearer sk_test_x', padding } });
      const closed = await client.closed;
      const log = gateway.db.statements.log;
      gateway.db.statements.log = null;
      expect(closed.code).toBe(1009);
      expect(credentialLookups(log)).toEqual([]);
      // A client's protocol violation is not the server's internal error: nothing for a client to fill the log with.
      expect(consoleError).not.toHaveBeenCalled();
    } finally {
      consoleError.mockRestore();
    }
  });

  it('refuses connectionParams over the limit with 4400 and a reason, without looking the credential up', async () => {
    const p = await createPlatform(gateway);

    // The detector sees authentication work when there is some: a small connection_init with the same key is acknowledged.
    const accepted = await rawSocket(gateway.url);
    gateway.db.statements.log = [];
    accepted.send({ type: 'connection_init', payload: { authorization: `Bearer ${p.secretKey}` } });
    await accepted.receive('connection_ack');
    expect(credentialLookups(gateway.db.statements.log).length).toBeGreaterThan(0);

    const refused = await rawSocket(gateway.url);
    gateway.db.statements.log = [];
    const padding = 'x'.repeat(DEFAULTS.transport.wsMaxConnectionParamsBytes);
    refused.send({ type: 'connection_init', payload: { authorization: `Bearer ${p.secretKey}`, padding } });
    const closed = await refused.closed;
    const log = gateway.db.statements.log;
    gateway.db.statements.log = null;
    expect(closed.code).toBe(4400);
    expect(closed.reason).toMatch(/^connectionParams too large: \d+ bytes, at most 16384$/);
    expect(refused.messages).toEqual([]);
    expect(credentialLookups(log)).toEqual([]);
  });

  it('accepts connectionParams just under the limit', async () => {
    const p = await createPlatform(gateway);
    const client = await rawSocket(gateway.url);
    const base = JSON.stringify({ authorization: `Bearer ${p.secretKey}`, padding: '' });
    const padding = 'x'.repeat(DEFAULTS.transport.wsMaxConnectionParamsBytes - Buffer.byteLength(base));
    client.send({ type: 'connection_init', payload: { authorization: `Bearer ${p.secretKey}`, padding } });
    await client.receive('connection_ack');
  });
});

describe('WebSocket limits (configured)', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startGateway({ db: base.db, transport: { wsMaxPayloadBytes: 4 * KIB, wsMaxConnectionParamsBytes: 1 * KIB } });
  });
  afterAll(async () => {
    await gateway?.stop();
  });

  it('applies the configured maxPayload (1009) and connectionParams limit (4400)', async () => {
    const tooLongMessage = await rawSocket(gateway.url);
    tooLongMessage.send({ type: 'connection_init', payload: { padding: 'x'.repeat(4 * KIB) } });
    expect((await tooLongMessage.closed).code).toBe(1009);

    const tooLargeParams = await rawSocket(gateway.url);
    tooLargeParams.send({ type: 'connection_init', payload: { padding: 'x'.repeat(2 * KIB) } });
    const closed = await tooLargeParams.closed;
    expect(closed.code).toBe(4400);
    expect(closed.reason).toMatch(/at most 1024$/);
  });

  it('bounds every message, not only the first: a large subscribe after the handshake closes the socket too', async () => {
    const p = await createPlatform(gateway);
    const client = await rawSocket(gateway.url);
    client.send({ type: 'connection_init', payload: { authorization: `Bearer ${p.secretKey}` } });
    await client.receive('connection_ack');
    client.send({ id: '1', type: 'subscribe', payload: { query: print(EVENTS), variables: { padding: 'x'.repeat(4 * KIB) } } });
    expect((await client.closed).code).toBe(1009);
  });
});

describe('WebSocket keep-alive', () => {
  const bus = new ObservedBus();
  let gateway: TestGateway;
  beforeAll(async () => {
    // Short pings, so that a dead client is noticed within the test; not so short that a busy machine
    // is late with a live client's pong.
    gateway = await startGateway({ db: base.db, eventBus: bus, transport: { wsKeepAliveMs: 1000 } });
  });
  afterAll(async () => {
    await gateway?.stop();
  });

  async function subscribedSocket(token: string, platformId: string, options: { answerPings?: () => boolean } = {}) {
    const client = await rawSocket(gateway.url, options);
    client.send({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } });
    await client.receive('connection_ack');
    const before = bus.startedFor(platformId);
    client.send({ id: '1', type: 'subscribe', payload: { query: print(EVENTS) } });
    await bus.until(() => bus.startedFor(platformId) > before, 'the subscription to go live');
    return client;
  }

  it('drops a client that stops answering pings, and releases its subscription', async () => {
    const p = await createPlatform(gateway);
    // Alive (answering pings) until its subscription is live, then silent.
    let alive = true;
    const client = await subscribedSocket(p.secretKey, p.platformId, { answerPings: () => alive });
    expect(bus.listeningFor(p.platformId)).toBe(1);
    alive = false;
    const pingsBefore = client.pings;

    const closed = await client.closed;
    // Terminated by the server, without a closing handshake, after a ping it did not answer.
    expect(closed.code).toBe(1006);
    expect(client.pings).toBeGreaterThan(pingsBefore);
    await bus.until(() => bus.listeningFor(p.platformId) === 0, 'the dropped client\'s subscription to be released');
  });

  it('keeps a client that answers pings, across several pings, and goes on delivering to it', async () => {
    const p = await createPlatform(gateway);
    const client = await subscribedSocket(p.secretKey, p.platformId);
    const pingsBefore = client.pings;
    await new Promise<void>((resolve) =>
      client.socket.on('ping', () => {
        if (client.pings >= pingsBefore + 3) resolve();
      }),
    );
    expect(client.socket.readyState).toBe(WebSocket.OPEN);
    const account = await createConnectedAccount(gateway, p.secretKey);
    const next = (await client.receive('next')) as { payload: { data: { events: { type: string } } } };
    expect(next.payload.data.events.type).toBe('ACCOUNT_CREATED');
    expect(account).toMatch(/^acct_/);
    expect(bus.listeningFor(p.platformId)).toBe(1);
  });
});

// ---------------------------------------------------------------------------

/** A POST through node's http client: headers and body exactly as given. */
function post(
  url: string,
  headers: Record<string, string | number>,
  writeBody: (request: ReturnType<typeof httpRequest>, responded: () => boolean) => Promise<void>,
): Promise<{ response: IncomingMessage; body: string }> {
  return new Promise((resolve, reject) => {
    let gotResponse = false;
    const request = httpRequest(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers } });
    request.on('response', (response) => {
      gotResponse = true;
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () => {
        request.destroy();
        resolve({ response, body });
      });
    });
    request.on('error', (error) => {
      if (!gotResponse) reject(error);
    });
    writeBody(request, () => gotResponse).catch(reject);
  });
}

describe('HTTP request limits', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startGateway({ db: base.db });
  });
  afterAll(async () => {
    await gateway?.stop();
  });

  const expectTooLarge = (status: number, body: string) => {
    expect(status).toBe(413);
    expect(JSON.parse(body)).toEqual({
      errors: [expect.objectContaining({ message: expect.stringMatching(/too large/i), extensions: { code: 'REQUEST_ENTITY_TOO_LARGE' } })],
    });
  };

  it('answers 413 to a Content-Length over the limit without waiting for the body', async () => {
    const { response, body } = await post(gateway.url, { 'content-length': DEFAULTS.transport.httpMaxBodyBytes + 1 }, async (request) => {
      // Only the start of the declared body: the answer must not need the rest.
      request.write('{"query":"');
    });
    expectTooLarge(response.statusCode!, body);
  });

  it('answers 413 to a chunked body once it passes the limit, long before the client is done sending', async () => {
    const chunk = 'x'.repeat(64 * KIB);
    const total = 64 * 1024 * KIB;
    let written = 0;
    const { response, body } = await post(gateway.url, {}, async (request, responded) => {
      request.write('{"query":"{ __typename }","variables":{"padding":"');
      while (!responded() && written < total) {
        written += chunk.length;
        if (!request.write(chunk)) await new Promise<void>((resolve) => request.once('drain', resolve));
      }
    });
    expectTooLarge(response.statusCode!, body);
    expect(written).toBeLessThan(total);
  });

  it('serves a body just under the limit', async () => {
    const padding = 'x'.repeat(DEFAULTS.transport.httpMaxBodyBytes - 200);
    const res = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: print(TYPENAME), variables: { padding } }),
    });
    // Unauthenticated, so 401: but read and parsed, not refused for its size.
    expect(res.status).toBe(401);
  });

  it('refuses batched operations (batching is off)', async () => {
    const p = await createPlatform(gateway);
    const res = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${p.secretKey}` },
      body: JSON.stringify([{ query: print(TYPENAME) }, { query: print(TYPENAME) }]),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ errors: [expect.objectContaining({ message: 'Batching is not supported.' })] });
  });

  it('applies a configured limit', async () => {
    const small = await startGateway({ db: gateway.db, transport: { httpMaxBodyBytes: 2 * KIB } });
    try {
      const p = await createPlatform(gateway);
      const send = (padding: number) =>
        fetch(small.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${p.secretKey}` },
          body: JSON.stringify({ query: print(TYPENAME), variables: { padding: 'x'.repeat(padding) } }),
        });
      expect((await send(1 * KIB)).status).toBe(200);
      const refused = await send(2 * KIB);
      expectTooLarge(refused.status, await refused.text());
    } finally {
      await small.stop();
    }
  });
});

// ---------------------------------------------------------------------------

describe('CORS', () => {
  const allowed = 'https://app.example.com';
  const alsoAllowed = 'http://localhost:5173';
  const other = 'https://evil.example.net';
  let gateway: TestGateway;
  let closed: TestGateway;
  let secretKey: string;
  beforeAll(async () => {
    gateway = await startGateway({ db: base.db, transport: { corsOrigins: [allowed, alsoAllowed] } });
    closed = await startGateway({ db: gateway.db });
    secretKey = (await createPlatform(gateway)).secretKey;
  });
  afterAll(async () => {
    await closed?.stop();
    await gateway?.stop();
  });

  const query = (url: string, headers: Record<string, string>) =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${secretKey}`, ...headers },
      body: JSON.stringify({ query: print(TYPENAME) }),
    });
  const preflight = (url: string, origin: string) =>
    fetch(url, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
    });

  it.each([allowed, alsoAllowed])('answers an allowed origin (%s) with that origin and credentials', async (origin) => {
    const res = await query(gateway.url, { origin });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(origin);
    expect(res.headers.get('access-control-allow-credentials')).toBe('true');
    expect(res.headers.get('vary')).toMatch(/\bOrigin\b/);
  });

  it('gives any other origin no CORS headers (the browser then hides the response), and still varies on Origin', async () => {
    const res = await query(gateway.url, { origin: other });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    expect(res.headers.get('vary')).toMatch(/\bOrigin\b/);
  });

  it('answers an allowed origin\'s preflight with the methods, headers and credentials it asked for', async () => {
    const res = await preflight(gateway.url, allowed);
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(allowed);
    expect(res.headers.get('access-control-allow-credentials')).toBe('true');
    expect(res.headers.get('access-control-allow-methods')).toBe('GET, POST');
    expect(res.headers.get('access-control-allow-headers')).toBe('authorization, content-type');
    expect(res.headers.get('access-control-max-age')).toBe('600');
  });

  it('answers another origin\'s preflight without any permission', async () => {
    const res = await preflight(gateway.url, other);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(res.headers.get('access-control-allow-methods')).toBeNull();
    expect(res.headers.get('access-control-allow-headers')).toBeNull();
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
  });

  /** How a WebSocket handshake with this Origin ends: 'open', or the HTTP status it was refused with. */
  const handshake = (url: string, origin?: string) =>
    new Promise<'open' | number>((resolve, reject) => {
      const socket = new WebSocket(url.replace(/^http/, 'ws'), 'graphql-transport-ws', origin ? { origin } : {});
      sockets.push(socket);
      socket.once('open', () => resolve('open'));
      socket.once('unexpected-response', (_request, response) => resolve(response.statusCode!));
      socket.once('error', reject);
    });

  it('lets browsers open WebSockets only from allowed origins and the server\'s own', async () => {
    const own = new URL(gateway.url).origin;
    expect(await handshake(gateway.url, allowed)).toBe('open');
    expect(await handshake(gateway.url, own)).toBe('open');
    expect(await handshake(gateway.url)).toBe('open');
    expect(await handshake(gateway.url, other)).toBe(403);
    expect(await handshake(closed.url, allowed)).toBe(403);
    expect(await handshake(closed.url, new URL(closed.url).origin)).toBe('open');
  });

  it('by default allows no cross-origin caller, and serves same-origin and non-browser clients as before', async () => {
    for (const origin of [allowed, other]) {
      const res = await query(closed.url, { origin });
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
      expect(res.headers.get('access-control-allow-credentials')).toBeNull();
      const pre = await preflight(closed.url, origin);
      expect(pre.headers.get('access-control-allow-origin')).toBeNull();
    }
    const noOrigin = await query(closed.url, {});
    expect(noOrigin.status).toBe(200);
    expect(await noOrigin.json()).toMatchObject({ data: { __typename: 'Query' } });
  });
});

// ---------------------------------------------------------------------------

describe('transport settings from the environment', () => {
  it('defaults to bounded sizes, 12 s keep-alive and no CORS origins', () => {
    expect(loadConfig({}).transport).toEqual({
      wsMaxPayloadBytes: 256 * KIB,
      wsMaxConnectionParamsBytes: 16 * KIB,
      wsKeepAliveMs: 12_000,
      httpMaxBodyBytes: 1024 * KIB,
      httpHeadersTimeoutMs: 20_000,
      httpRequestTimeoutMs: 60_000,
      httpKeepAliveTimeoutMs: 65_000,
      corsOrigins: [],
    });
  });

  it('reads every setting', () => {
    const config = loadConfig({
      WS_MAX_PAYLOAD_BYTES: '65536',
      WS_MAX_CONNECTION_PARAMS_BYTES: '4096',
      WS_KEEPALIVE_MS: '0',
      HTTP_MAX_BODY_BYTES: '2048',
      CORS_ORIGINS: 'https://app.example.com, http://localhost:5173',
    });
    expect(config.transport).toEqual({
      wsMaxPayloadBytes: 65536,
      wsMaxConnectionParamsBytes: 4096,
      wsKeepAliveMs: 0,
      httpMaxBodyBytes: 2048,
      httpHeadersTimeoutMs: 20_000,
      httpRequestTimeoutMs: 60_000,
      httpKeepAliveTimeoutMs: 65_000,
      corsOrigins: ['https://app.example.com', 'http://localhost:5173'],
    });
  });

  it.each([
    ['*'],
    ['https://app.example.com/'],
    ['https://app.example.com/path'],
    ['app.example.com'],
    ['ftp://app.example.com'],
    ['https://app.example.com,'],
  ])('refuses CORS_ORIGINS=%s, naming the entry', (value) => {
    expect(() => loadConfig({ CORS_ORIGINS: value })).toThrow(ConfigError);
    expect(() => loadConfig({ CORS_ORIGINS: value })).toThrow(/CORS_ORIGINS must list origins/);
  });

  it('refuses connectionParams larger than the message that carries them, and sizes out of range', () => {
    expect(() => loadConfig({ WS_MAX_PAYLOAD_BYTES: '4096', WS_MAX_CONNECTION_PARAMS_BYTES: '8192' })).toThrow(
      /WS_MAX_CONNECTION_PARAMS_BYTES \(8192\) cannot exceed WS_MAX_PAYLOAD_BYTES \(4096\)/,
    );
    expect(() => loadConfig({ WS_MAX_PAYLOAD_BYTES: '100' })).toThrow(/WS_MAX_PAYLOAD_BYTES must be an integer from 1024/);
    expect(() => loadConfig({ HTTP_MAX_BODY_BYTES: 'lots' })).toThrow(/HTTP_MAX_BODY_BYTES must be an integer/);
  });
});
