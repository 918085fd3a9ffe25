// `npm start` as a user (or a process manager) runs it: the real process on an
// embedded database in a fresh data directory. It migrates, seeds demo data,
// logs the GraphiQL URL and a key that works (JSON lines); a restart keeps the
// data and shows the same key; a second process cannot open the same data
// directory; SIGTERM to the npm process drains the server and frees everything;
// an unreachable PostgreSQL or Redis ends the start with one clear line.
//
// Every test owns its data directory and its processes, and afterEach kills
// them (whole process groups) whatever happened, so one test's failure or
// slowness never fails another; every wait is for a signal (a log line, an
// exit) with limits far above the slowest machine seen (test/support/processes.ts).
import { existsSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EXAMPLE_QUERY } from '../src/demo.ts';
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { graphql } from './gql/index.ts';
import { subscribeWs, wsClient } from './support/live.ts';
import { EXIT_TIMEOUT_MS, scratchDir, spawnGateway, START_TEST_TIMEOUT_MS, stopStarted } from './support/processes.ts';

afterEach(stopStarted, EXIT_TIMEOUT_MS + 60_000);

/** A data directory of the test's own (removed after it), and the environment that points a gateway at it. */
function ownDataDir(env: Record<string, string> = {}) {
  const dataDir = join(scratchDir('gateway-start-'), 'pglite');
  return { dataDir, lockFile: join(dataDir, 'gateway.lock'), env: { DATA_DIR: dataDir, ...env } };
}

/** A gateway that needs no demo data: no seeding, only the platform and its key on the first start. */
const NO_DEMO = { SEED_DEMO_DATA: 'false', PLATFORM_NAME: 'Start Test Platform' };

async function query(url: string, key: string, text: string, operation?: { operationName: string; variables?: Record<string, unknown> }) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ query: text, ...operation }),
  });
  return (await response.json()) as { data?: any; errors?: unknown[] };
}

/** Whether nothing listens on the port any more: this process can listen on it. */
function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

/** A port nothing listens on. */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

const START_EVENTS = graphql(`
  subscription StartTestEvents {
    events {
      id
      type
    }
  }
`);

describe('npm start', { timeout: START_TEST_TIMEOUT_MS }, () => {
  it('starts on a fresh embedded database with demo data, and the printed key runs the example query', async () => {
    const { env } = ownDataDir();
    const gateway = spawnGateway(env);
    const { url, key, line } = await gateway.ready;
    expect(line.graphiql).toBe(url);
    expect(gateway.output()).toMatch(/Seeded demo data/);
    const result = await query(url, key!, EXAMPLE_QUERY, { operationName: 'FourLevels' });
    expect(result.errors).toBeUndefined();
    const accounts = result.data.connectedAccounts.nodes;
    expect(accounts.length).toBeGreaterThan(0);
    const withHistory = accounts.flatMap((a: any) => a.financialAccounts.nodes).find((fa: any) => fa.transactions.nodes.length > 0);
    expect(withHistory.transactions.nodes[0].entries.nodes.length).toBeGreaterThan(0);
    // The demo's history is made of real flows: each transaction names the transfer or credit behind it.
    expect(withHistory.transactions.nodes.filter((t: any) => t.flowDetails === null)).toEqual([]);

    // The example transfer, with the ids the first operation shows, moves money.
    const sender = accounts.find((a: any) => a.paymentMethods.nodes.length > 0 && a.financialAccounts.nodes.some((fa: any) => fa.balance.cash[0]?.amount >= 1000 && fa.activeFeatures.includes('OUTBOUND_TRANSFERS_ACH')));
    const from = sender.financialAccounts.nodes.find((fa: any) => fa.balance.cash[0]?.amount >= 1000 && fa.activeFeatures.includes('OUTBOUND_TRANSFERS_ACH'));
    const sent = await query(url, key!, EXAMPLE_QUERY, {
      operationName: 'SendTransfer',
      variables: { financialAccount: from.id, paymentMethod: sender.paymentMethods.nodes[0].id },
    });
    expect(sent.errors).toBeUndefined();
    expect(sent.data.createOutboundTransfer).toMatchObject({ userErrors: [], outboundTransfer: { status: 'PROCESSING' } });

    // GraphiQL opens with the key in its headers.
    const page = await fetch(url, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(key!);

    // A second process must not open the same data directory.
    const intruder = spawnGateway(env);
    await expect(intruder.ready).rejects.toThrow(/in use by process/);

    expect(await gateway.stop()).toBe(0);
  });

  it('restarts on the same data: no second seed, the same key', async () => {
    const { env } = ownDataDir();
    const first = spawnGateway(env);
    const { key: firstKey } = await first.ready;
    expect(first.output()).toMatch(/Seeded demo data/);
    expect(await first.stop()).toBe(0);

    const gateway = spawnGateway(env);
    const { url, key } = await gateway.ready;
    expect(key).toBe(firstKey);
    expect(gateway.output()).not.toMatch(/Seeded demo data/);
    const result = await query(url, key!, '{ platform { displayName financialAccounts { nodes { nickname } } } }');
    expect(result.data.platform.displayName).toBe('Rocket Rides');
    expect(await gateway.stop()).toBe(0);
  });

  it('drains on SIGTERM to npm start: the in-flight request is answered, WebSockets close with 1001, port and lock are freed, exit 0', async () => {
    const { env, lockFile } = ownDataDir(NO_DEMO);
    const gateway = spawnGateway(env);
    const { url, key } = await gateway.ready;
    const port = Number(new URL(url).port);
    expect(existsSync(lockFile)).toBe(true);

    const client = wsClient(url, key!);
    const closed = new Promise<{ code: number; reason: string }>((resolve) =>
      client.on('closed', (event) => resolve(event as { code: number; reason: string })),
    );
    const subscription = await subscribeWs(client, START_EVENTS);

    // A request the server has begun (it answered `100 Continue` to its headers) whose body comes only after SIGTERM.
    const body = JSON.stringify({ query: '{ platform { displayName } }' });
    let sendBody!: () => void;
    const headersReceived = new Promise<void>((resolve) => (sendBody = resolve));
    const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request(
        url,
        {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            authorization: `Bearer ${key}`,
            expect: '100-continue',
          },
        },
        (res) => {
          let text = '';
          res.on('data', (chunk) => (text += chunk));
          res.on('end', () => resolve({ status: res.statusCode!, text }));
        },
      );
      req.on('error', reject);
      req.on('continue', () => {
        sendBody();
        gateway.logged((line) => line.signal === 'SIGTERM', 'that SIGTERM arrived').then(() => req.end(body), reject);
      });
      req.flushHeaders();
    });
    await headersReceived;

    gateway.child.kill('SIGTERM');
    const { status, text } = await answer;
    expect(status).toBe(200);
    expect(JSON.parse(text).data.platform.displayName).toBe('Start Test Platform');
    expect(await closed).toMatchObject({ code: 1001 });
    await subscription.completed;
    expect(await gateway.exitCode()).toBe(0);
    expect(await portIsFree(port)).toBe(true);
    expect(existsSync(lockFile)).toBe(false);
  });

  it('with GRAPHIQL=false logs the endpoint and no GraphiQL URL, and serves no GraphiQL page', async () => {
    const { env } = ownDataDir({ ...NO_DEMO, GRAPHIQL: 'false' });
    const gateway = spawnGateway(env);
    const { url, line } = await gateway.ready;
    expect(line.graphiql).toBeUndefined();
    expect(line.msg).toContain(`GraphQL endpoint: ${url}`);
    expect(gateway.output()).not.toMatch(/GraphiQL/);
    const page = await fetch(url, { headers: { accept: 'text/html' } });
    expect(await page.text()).not.toMatch(/graphiql/i);
    expect(await gateway.stop()).toBe(0);
  });

  it('refuses a bad configuration with a message that names the setting', async () => {
    const gateway = spawnGateway(ownDataDir({ PORT: 'eighty' }).env, 'node');
    expect(await gateway.exitCode()).toBe(1);
    expect(gateway.stderr()).toMatch(/PORT must be an integer/);
  });

  it('refuses a PERSISTED_OPERATIONS file it cannot read, naming it', async () => {
    const { env, dataDir } = ownDataDir();
    const gateway = spawnGateway({ ...env, PERSISTED_OPERATIONS: join(dataDir, 'missing.json') }, 'node');
    expect(await gateway.exitCode()).toBe(1);
    expect(gateway.stderr().trim().split('\n')).toEqual([expect.stringMatching(/^PERSISTED_OPERATIONS: cannot read .*missing\.json/)]);
  });

  it('ends with one clear line and a non-zero exit code when PostgreSQL cannot be reached', async () => {
    const port = await closedPort();
    const gateway = spawnGateway(
      { DATABASE_URL: `postgres://root:secret@127.0.0.1:${port}/gateway`, STARTUP_RETRY_ATTEMPTS: '2', STARTUP_RETRY_DELAY_MS: '10' },
      'node',
    );
    expect(await gateway.exitCode()).toBe(1);
    expect(gateway.stderr().trim().split('\n')).toEqual([
      `Cannot reach PostgreSQL at postgres://root:***@127.0.0.1:${port}/gateway (ECONNREFUSED) after 2 attempts; check DATABASE_URL.`,
    ]);
  });

  it('ends with one clear line and a non-zero exit code when Redis cannot be reached', async () => {
    const port = await closedPort();
    const { env, lockFile } = ownDataDir({ REDIS_URL: `redis://127.0.0.1:${port}`, STARTUP_RETRY_ATTEMPTS: '2', STARTUP_RETRY_DELAY_MS: '10' });
    const gateway = spawnGateway(env, 'node');
    expect(await gateway.exitCode()).toBe(1);
    expect(gateway.stderr().trim().split('\n')).toEqual([
      `Cannot reach Redis at redis://127.0.0.1:${port} (ECONNREFUSED) after 2 attempts; check REDIS_URL.`,
    ]);
    expect(existsSync(lockFile)).toBe(false);
  });
});

describe.skipIf(!process.env.TEST_DATABASE_URL)('npm start on PostgreSQL (DATABASE_URL)', { timeout: START_TEST_TIMEOUT_MS }, () => {
  it('creates the platform, its key and its own provisioned financial account on the first start only', async () => {
    const name = `gateway_start_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = `/${name}`;
    try {
      const env = { DATABASE_URL: url.toString(), PLATFORM_NAME: 'Acme Platform' };
      const gateway = spawnGateway(env);
      const { url: endpoint, key } = await gateway.ready;
      expect(gateway.output()).toMatch(/shown this once/);
      expect(gateway.output()).not.toMatch(/Seeded demo data/);
      const result = await query(
        endpoint,
        key!,
        '{ platform { displayName financialAccounts { nodes { nickname activeFeatures financialAddresses { aba { routingNumber accountNumber } } } } } connectedAccounts { nodes { id } } }',
      );
      expect(result.data.platform.displayName).toBe('Acme Platform');
      const [fa] = result.data.platform.financialAccounts.nodes;
      expect(fa.activeFeatures).toContain('FINANCIAL_ADDRESSES_ABA');
      expect(fa.financialAddresses[0].aba.accountNumber).toMatch(/^\d{12}$/);
      expect(result.data.connectedAccounts.nodes).toEqual([]);
      expect(await gateway.stop()).toBe(0);

      // The key is not printed again, and no second platform appears: by the time it listens, it has said all it
      // says about the platform.
      const again = spawnGateway(env);
      await again.ready;
      expect(again.output()).not.toMatch(/sk_test_/);
      expect(again.output()).not.toMatch(/shown this once/);
      expect(await again.stop()).toBe(0);
    } finally {
      // Before the database is dropped: a gateway still connected would make the drop wait for it.
      await stopStarted();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  });
});
