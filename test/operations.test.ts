// Running the gateway in production: liveness and readiness (with the database
// or Redis really cut off behind a TCP proxy, or the embedded database closed),
// request ids and the JSON log lines operations leave, the persisted-operations
// mode with the allow-list codegen writes, and the end of SSE streams on stop.
import { request } from 'node:http';
import { createServer, connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { print } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { graphql } from './gql/index.ts';
import { startGateway, testDatabase, usingPostgres, type TestGateway } from './support/gateway.ts';
import { createPlatform } from './support/fixtures.ts';
import { subscribeSse, subscribeWs, wsClient } from './support/live.ts';
import { openDatabase } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { RedisEventBus } from '../src/events/redis-event-bus.ts';
import { loadPersistedOperations } from '../src/persisted-operations.ts';

const OPS_PLATFORM = graphql(`
  query OpsPlatform {
    platform {
      displayName
    }
  }
`);

const OPS_EURO_ACCOUNT = graphql(`
  mutation OpsEuroAccount {
    createFinancialAccount(input: { supportedCurrencies: ["eur"] }) {
      financialAccount {
        id
      }
      userErrors {
        code
        field
      }
    }
  }
`);

const OPS_EVENTS = graphql(`
  subscription OpsEvents {
    events {
      id
    }
  }
`);

const readiness = (url: string) => fetch(new URL('/readiness', url)).then(async (response) => ({ status: response.status, body: await response.json() }));

/** Polls until `check` passes: a dependency that comes back is reconnected to by its client in its own time. */
async function eventually(check: () => Promise<boolean>, attempts = 100): Promise<boolean> {
  for (let i = 0; i < attempts; i++) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

/** A TCP proxy to a real server that can be cut (every connection dropped, new ones refused) and restored. */
async function tcpProxy(target: { host: string; port: number }) {
  const sockets = new Set<Socket>();
  let open = true;
  const server = createServer((client) => {
    if (!open) return void client.destroy();
    const upstream = connect(target.port, target.host);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', drop);
      socket.on('close', drop);
    }
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as { port: number }).port,
    cut() {
      open = false;
      for (const socket of sockets) socket.destroy();
    },
    restore() {
      open = true;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A logger whose JSON lines the test reads. */
function capturedLogger() {
  const lines: Array<Record<string, any>> = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
  return { logger, lines };
}

async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: response.status, headers: response.headers, body: (await response.json()) as { data?: any; errors?: any[] } };
}

const hashOf = (document: TypedDocumentNode<any, any>) => (document as unknown as { __meta__: { hash: string } }).__meta__.hash;

describe('liveness and readiness', () => {
  it('answers /health while the process runs, and /readiness follows the database: down when it is closed', async () => {
    // Its own embedded database, so that the test may close it under the running server.
    const db = await openDatabase({ kind: 'pglite', dataDir: null }, { logError: () => {} });
    await migrate(db);
    const { logger, lines } = capturedLogger();
    const gateway = await startGateway({ db, logger, logError: undefined });
    const { secretKey } = await createPlatform(gateway);
    try {
      expect((await fetch(new URL('/health', gateway.url))).status).toBe(200);
      expect(await readiness(gateway.url)).toEqual({ status: 200, body: { status: 'ready', checks: { database: 'ok' }, down: [] } });

      await db.close();
      const down = await readiness(gateway.url);
      expect(down.status).toBe(503);
      expect(down.body).toMatchObject({ status: 'unavailable', down: ['database'] });
      expect(down.body.checks.database).not.toBe('ok');
      expect((await fetch(new URL('/health', gateway.url))).status).toBe(200);

      // What fails now is unexpected: masked for the client, logged once with the request's id.
      const failed = await post(gateway.url, { query: print(OPS_PLATFORM) }, { authorization: `Bearer ${secretKey}`, 'x-request-id': 'closed-db-1' });
      expect(failed.body.errors?.[0].extensions.code).toBe('INTERNAL_SERVER_ERROR');
      expect(failed.headers.get('x-request-id')).toBe('closed-db-1');
      const errorLines = lines.filter((line) => line.msg === 'unexpected error');
      expect(errorLines.length).toBe(1);
      expect(errorLines[0]).toMatchObject({ requestId: 'closed-db-1', level: 50 });
      expect(errorLines[0].err.message).toBeTruthy();
    } finally {
      await gateway.stop();
    }
  });

  it.skipIf(!usingPostgres)('reports PostgreSQL down while the connection to it is cut, and ready again once it is back', async () => {
    const { target, drop } = await testDatabase();
    if (target.kind !== 'postgres') throw new Error('expected a PostgreSQL target');
    const real = new URL(target.url);
    const proxy = await tcpProxy({ host: real.hostname, port: Number(real.port || 5432) });
    const viaProxy = new URL(target.url);
    viaProxy.host = `127.0.0.1:${proxy.port}`;
    const db = await openDatabase({ kind: 'postgres', url: viaProxy.toString(), poolSize: 2 }, { logError: () => {} });
    await migrate(db);
    const gateway = await startGateway({ db });
    try {
      expect((await readiness(gateway.url)).status).toBe(200);
      proxy.cut();
      const down = await readiness(gateway.url);
      expect(down.status).toBe(503);
      expect(down.body.down).toEqual(['database']);
      proxy.restore();
      expect(await eventually(async () => (await readiness(gateway.url)).status === 200)).toBe(true);
    } finally {
      await gateway.stop();
      await db.close();
      await proxy.close();
      await drop();
    }
  });

  it.skipIf(!process.env.TEST_REDIS_URL)('reports Redis down while the connection to it is cut, and ready again once it is back', async () => {
    const real = new URL(process.env.TEST_REDIS_URL!);
    const proxy = await tcpProxy({ host: real.hostname, port: Number(real.port || 6379) });
    const viaProxy = new URL(process.env.TEST_REDIS_URL!);
    viaProxy.host = `127.0.0.1:${proxy.port}`;
    const bus = new RedisEventBus(viaProxy.toString(), () => {});
    await bus.ready();
    const gateway = await startGateway({ eventBus: bus, readinessChecks: { redis: () => bus.ready() } });
    try {
      expect(await readiness(gateway.url)).toMatchObject({ status: 200, body: { checks: { database: 'ok', redis: 'ok' } } });
      proxy.cut();
      const down = await readiness(gateway.url);
      expect(down.status).toBe(503);
      expect(down.body.down).toEqual(['redis']);
      proxy.restore();
      expect(await eventually(async () => (await readiness(gateway.url)).status === 200)).toBe(true);
    } finally {
      await gateway.stop();
      await bus.close();
      await proxy.close();
    }
  });
});

describe('request ids and operation logs', () => {
  let gateway: TestGateway;
  let key: string;
  const { logger, lines } = capturedLogger();

  beforeAll(async () => {
    gateway = await startGateway({ logger });
    key = (await createPlatform(gateway, { name: 'Ops Platform' })).secretKey;
  });
  afterAll(() => gateway?.stop());

  const operationLine = (requestId: string) => lines.find((line) => line.msg === 'operation' && line.requestId === requestId);

  it('keeps a sane x-request-id, echoes it, and logs one line for the operation', async () => {
    const result = await post(gateway.url, { query: print(OPS_PLATFORM) }, { authorization: `Bearer ${key}`, 'x-request-id': 'req-42.a:b' });
    expect(result.body.data.platform.displayName).toBe('Ops Platform');
    expect(result.headers.get('x-request-id')).toBe('req-42.a:b');
    expect(lines.filter((line) => line.requestId === 'req-42.a:b')).toHaveLength(1);
    expect(operationLine('req-42.a:b')).toMatchObject({ transport: 'http', operation: 'OpsPlatform', type: 'query', outcome: 'ok' });
    expect(typeof operationLine('req-42.a:b')!.durationMs).toBe('number');
  });

  it('replaces an id that is not sane by one of its own', async () => {
    const result = await post(gateway.url, { query: print(OPS_PLATFORM) }, { authorization: `Bearer ${key}`, 'x-request-id': 'no spaces {allowed}' });
    const id = result.headers.get('x-request-id')!;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(operationLine(id)).toMatchObject({ operation: 'OpsPlatform', outcome: 'ok' });
  });

  it('logs user errors and error codes as the outcome', async () => {
    const refused = await post(gateway.url, { query: print(OPS_EURO_ACCOUNT) }, { authorization: `Bearer ${key}` });
    expect(refused.body.data.createFinancialAccount.userErrors.length).toBeGreaterThan(0);
    expect(operationLine(refused.headers.get('x-request-id')!)).toMatchObject({ operation: 'OpsEuroAccount', type: 'mutation', outcome: 'user_errors' });

    const anonymous = await post(gateway.url, { query: print(OPS_PLATFORM) });
    expect(operationLine(anonymous.headers.get('x-request-id')!)).toMatchObject({ outcome: 'errors', codes: ['UNAUTHENTICATED'] });
  });

  it('logs operations over WebSocket, and subscriptions when they start and end', async () => {
    const client = wsClient(gateway.url, key);
    try {
      const subscription = await subscribeWs(client, OPS_EVENTS);
      const query = await new Promise<any>((resolve, reject) =>
        client.subscribe({ query: print(OPS_PLATFORM) }, { next: resolve, error: reject, complete: () => {} }),
      );
      expect(query.data.platform.displayName).toBe('Ops Platform');
      expect(lines.find((line) => line.msg === 'operation' && line.transport === 'ws')).toMatchObject({ operation: 'OpsPlatform', type: 'query', outcome: 'ok' });
      await subscription.close();
    } finally {
      await client.dispose();
    }
    const sse = await subscribeSse(gateway.url, key, OPS_EVENTS);
    await sse.close();
    expect(await eventually(async () => lines.filter((line) => line.msg === 'subscription ended').length === 2)).toBe(true);
    const started = lines.filter((line) => line.msg === 'subscription started');
    expect(started).toHaveLength(2);
    expect(started.every((line) => line.operation === 'OpsEvents' && line.requestId)).toBe(true);
  });
});

describe('persisted operations (PERSISTED_OPERATIONS)', () => {
  let gateway: TestGateway;
  let key: string;

  beforeAll(async () => {
    gateway = await startGateway({ persistedOperations: loadPersistedOperations('test/gql/persisted-documents.json') });
    key = (await createPlatform(gateway, { name: 'Persisted Platform' })).secretKey;
  });
  afterAll(() => gateway?.stop());

  it('runs a listed operation named by documentId, or by extensions.persistedQuery.sha256Hash', async () => {
    const byId = await post(gateway.url, { documentId: hashOf(OPS_PLATFORM) }, { authorization: `Bearer ${key}` });
    expect(byId.body).toMatchObject({ data: { platform: { displayName: 'Persisted Platform' } } });
    const sha256Hash = hashOf(OPS_PLATFORM).replace(/^sha256:/, '');
    const byHash = await post(gateway.url, { extensions: { persistedQuery: { version: 1, sha256Hash } } }, { authorization: `Bearer ${key}` });
    expect(byHash.body.data).toEqual(byId.body.data);
  });

  it('refuses a document sent as text, and an id not in the list, with clear errors', async () => {
    const text = await post(gateway.url, { query: print(OPS_PLATFORM) }, { authorization: `Bearer ${key}` });
    expect(text.status).toBe(400);
    expect(text.body.errors).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/only persisted operations/), extensions: expect.objectContaining({ code: 'PERSISTED_QUERY_ONLY' }) }),
    ]);
    expect(text.body.data).toBeUndefined();
    const unknown = await post(gateway.url, { documentId: 'sha256:0000' }, { authorization: `Bearer ${key}` });
    expect(unknown.body.errors?.[0].extensions.code).toBe('PERSISTED_QUERY_NOT_IN_LIST');
  });

  it('applies the same list over WebSocket', async () => {
    const client = wsClient(gateway.url, key);
    const run = (payload: { query: string; extensions?: Record<string, unknown> }) =>
      new Promise<any>((resolve) => client.subscribe(payload, { next: resolve, error: (errors) => resolve({ errors }), complete: () => {} }));
    try {
      const listed = await run({ query: '', extensions: { persistedQuery: { version: 1, sha256Hash: hashOf(OPS_PLATFORM).replace(/^sha256:/, '') } } });
      expect(listed.data.platform.displayName).toBe('Persisted Platform');
      const text = await run({ query: print(OPS_PLATFORM) });
      expect(text.errors[0].extensions.code).toBe('PERSISTED_QUERY_ONLY');
    } finally {
      await client.dispose();
    }
  });
});

describe('stop', () => {
  // Without the bound, stop() would wait for this request forever (and the test time out).
  it('closes a request that is still unfinished when the shutdown timeout ends', async () => {
    const gateway = await startGateway({ shutdownTimeoutMs: 50 });
    const { secretKey } = await createPlatform(gateway);
    // The server has the request (it answered `100 Continue`), and its body never comes.
    const outcome = new Promise<string>((resolve) => {
      const req = request(gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': '100', authorization: `Bearer ${secretKey}`, expect: '100-continue' },
      });
      req.on('response', (res) => resolve(`answered ${res.statusCode}`));
      req.on('error', (error) => resolve(`closed: ${(error as NodeJS.ErrnoException).code}`));
      req.on('continue', () => void gateway.server.stop());
      req.flushHeaders();
    });
    expect(await outcome).toMatch(/^closed: /);
    await gateway.stop();
  });

  it('ends SSE streams: the client sees its subscription complete', async () => {
    const gateway = await startGateway();
    const { secretKey } = await createPlatform(gateway);
    const sse = await subscribeSse(gateway.url, secretKey, OPS_EVENTS);
    expect(sse.status).toBe(200);
    await gateway.server.stop();
    await sse.completed;
    await gateway.stop();
  });
});
