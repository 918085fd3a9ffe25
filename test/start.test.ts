// `npm start` as a user (or a process manager) runs it: the real process on an
// embedded database in a fresh data directory. It migrates, seeds demo data,
// logs the GraphiQL URL and a key that works (JSON lines); a restart keeps the
// data and shows the same key; a second process cannot open the same data
// directory; SIGTERM to the npm process drains the server and frees everything;
// an unreachable PostgreSQL or Redis ends the start with one clear line.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXAMPLE_QUERY } from '../src/demo.ts';
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { graphql } from './gql/index.ts';
import { subscribeWs, wsClient } from './support/live.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'gateway-start-'));
const running: ChildProcess[] = [];

afterAll(() => {
  // Each child leads its own process group: SIGKILL to npm alone would leave its node running when a test failed.
  for (const child of running) {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
  rmSync(dataDir, { recursive: true, force: true });
});

type LogLine = Record<string, any> & { msg: string };

/**
 * Starts the gateway as `npm start` (the default, as a process manager does)
 * or as its node process itself (for what the gateway alone writes to stderr).
 */
function start(env: Record<string, string> = {}, via: 'npm' | 'node' = 'npm') {
  const [command, args] = via === 'npm' ? ['npm', ['start']] : [process.execPath, ['--import', 'tsx', 'src/main.ts']];
  const child = spawn(command, args, {
    env: { ...process.env, PORT: '0', DATA_DIR: dataDir, DATABASE_URL: '', REDIS_URL: '', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  running.push(child);
  let stdout = '';
  let stderr = '';
  const logs: LogLine[] = [];
  const watchers = new Set<() => void>();
  child.stdout!.on('data', (chunk) => {
    stdout += chunk;
    const lines = stdout.split('\n');
    stdout = lines.pop()!;
    for (const line of lines) {
      // npm's own banner is not JSON; the gateway's lines are.
      if (line.startsWith('{')) logs.push(JSON.parse(line));
    }
    for (const watch of watchers) watch();
  });
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const output = () => [...logs.map((line) => line.msg), stderr].join('\n');
  /** The first log line that matches, once it is written. */
  const logged = (match: (line: LogLine) => boolean) =>
    new Promise<LogLine>((resolve, reject) => {
      const check = () => {
        const line = logs.find(match);
        if (!line) return;
        watchers.delete(check);
        resolve(line);
      };
      watchers.add(check);
      check();
      exited.then(() => reject(new Error(`exited before logging what was awaited:\n${output()}`)));
    });
  const ready = logged((line) => typeof line.endpoint === 'string').then((line) => ({
    url: line.endpoint as string,
    key: logs.find((l) => l.platformKey)?.platformKey as string | undefined,
    line,
  }));
  ready.catch(() => {}); // Awaited by the tests that expect it; a start meant to fail need not.
  return { child, ready, exited, logged, logs, output, stderr: () => stderr };
}

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

const lockFile = join(dataDir, 'gateway.lock');

describe('npm start', () => {
  let firstKey = '';

  it('starts on a fresh embedded database with demo data, and the printed key runs the example query', async () => {
    const gateway = start();
    const { url, key, line } = await gateway.ready;
    firstKey = key!;
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
    const intruder = start();
    await expect(intruder.ready).rejects.toThrow(/in use by process/);

    gateway.child.kill('SIGTERM');
    expect(await gateway.exited).toBe(0);
  });

  it('restarts on the same data: no second seed, the same key', async () => {
    const gateway = start();
    const { url, key } = await gateway.ready;
    expect(key).toBe(firstKey);
    expect(gateway.output()).not.toMatch(/Seeded demo data/);
    const result = await query(url, key!, '{ platform { displayName financialAccounts { nodes { nickname } } } }');
    expect(result.data.platform.displayName).toBe('Rocket Rides');
    gateway.child.kill('SIGTERM');
    expect(await gateway.exited).toBe(0);
  });

  it('drains on SIGTERM to npm start: the in-flight request is answered, WebSockets close with 1001, port and lock are freed, exit 0', async () => {
    const gateway = start();
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
        gateway.logged((line) => line.signal === 'SIGTERM').then(() => req.end(body), reject);
      });
      req.flushHeaders();
    });
    await headersReceived;

    gateway.child.kill('SIGTERM');
    const { status, text } = await answer;
    expect(status).toBe(200);
    expect(JSON.parse(text).data.platform.displayName).toBe('Rocket Rides');
    expect(await closed).toMatchObject({ code: 1001 });
    await subscription.completed;
    expect(await gateway.exited).toBe(0);
    expect(await portIsFree(port)).toBe(true);
    expect(existsSync(lockFile)).toBe(false);
  });

  it('with GRAPHIQL=false logs the endpoint and no GraphiQL URL, and serves no GraphiQL page', async () => {
    const gateway = start({ GRAPHIQL: 'false' });
    const { url, line } = await gateway.ready;
    expect(line.graphiql).toBeUndefined();
    expect(line.msg).toContain(`GraphQL endpoint: ${url}`);
    expect(gateway.output()).not.toMatch(/GraphiQL/);
    const page = await fetch(url, { headers: { accept: 'text/html' } });
    expect(await page.text()).not.toMatch(/graphiql/i);
    gateway.child.kill('SIGTERM');
    expect(await gateway.exited).toBe(0);
  });

  it('refuses a bad configuration with a message that names the setting', async () => {
    const gateway = start({ PORT: 'eighty' }, 'node');
    expect(await gateway.exited).toBe(1);
    expect(gateway.stderr()).toMatch(/PORT must be an integer/);
  });

  it('refuses a PERSISTED_OPERATIONS file it cannot read, naming it', async () => {
    const gateway = start({ PERSISTED_OPERATIONS: join(dataDir, 'missing.json') }, 'node');
    expect(await gateway.exited).toBe(1);
    expect(gateway.stderr().trim().split('\n')).toEqual([expect.stringMatching(/^PERSISTED_OPERATIONS: cannot read .*missing\.json/)]);
  });

  it('ends with one clear line and a non-zero exit code when PostgreSQL cannot be reached', async () => {
    const port = await closedPort();
    const gateway = start(
      { DATABASE_URL: `postgres://root:secret@127.0.0.1:${port}/gateway`, STARTUP_RETRY_ATTEMPTS: '2', STARTUP_RETRY_DELAY_MS: '10' },
      'node',
    );
    expect(await gateway.exited).toBe(1);
    expect(gateway.stderr().trim().split('\n')).toEqual([
      `Cannot reach PostgreSQL at postgres://root:***@127.0.0.1:${port}/gateway (ECONNREFUSED) after 2 attempts; check DATABASE_URL.`,
    ]);
  });

  it('ends with one clear line and a non-zero exit code when Redis cannot be reached', async () => {
    const port = await closedPort();
    const gateway = start({ REDIS_URL: `redis://127.0.0.1:${port}`, STARTUP_RETRY_ATTEMPTS: '2', STARTUP_RETRY_DELAY_MS: '10' }, 'node');
    expect(await gateway.exited).toBe(1);
    expect(gateway.stderr().trim().split('\n')).toEqual([
      `Cannot reach Redis at redis://127.0.0.1:${port} (ECONNREFUSED) after 2 attempts; check REDIS_URL.`,
    ]);
    expect(existsSync(lockFile)).toBe(false);
  });
});

describe.skipIf(!process.env.TEST_DATABASE_URL)('npm start on PostgreSQL (DATABASE_URL)', () => {
  it('creates the platform, its key and its own provisioned financial account on the first start only', async () => {
    const name = `gateway_start_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = `/${name}`;
    try {
      const env = { DATABASE_URL: url.toString(), PLATFORM_NAME: 'Acme Platform' };
      const gateway = start(env);
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
      gateway.child.kill('SIGTERM');
      expect(await gateway.exited).toBe(0);

      // The key is not printed again, and no second platform appears.
      const again = start(env);
      const exitedEarly = await Promise.race([again.exited, new Promise((r) => setTimeout(() => r('running'), 8000))]);
      expect(exitedEarly).toBe('running');
      expect(again.output()).not.toMatch(/sk_test_/);
      again.child.kill('SIGTERM');
      await again.exited;
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  });
});
