// `npm start` as a user runs it: the real process on an embedded database in a
// fresh data directory. It migrates, seeds demo data, prints the GraphiQL URL
// and a key that works; a restart keeps the data and shows the same key; a
// second process cannot open the same data directory.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXAMPLE_QUERY } from '../src/demo.ts';
import pg from 'pg';
import { randomBytes } from 'node:crypto';

const dataDir = mkdtempSync(join(tmpdir(), 'gateway-start-'));
const running: ChildProcess[] = [];

afterAll(() => {
  for (const child of running) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

function start(env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: { ...process.env, PORT: '0', DATA_DIR: dataDir, DATABASE_URL: '', REDIS_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(child);
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const ready = new Promise<{ url: string; key: string }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start within 60 s:\n${output}`)), 60_000);
    const check = () => {
      const url = /GraphiQL: (\S+)/.exec(output)?.[1];
      const key = /Test-mode platform key: (sk_test_\w+)/.exec(output)?.[1];
      if (url && key) {
        clearTimeout(timer);
        resolve({ url, key });
      }
    };
    child.stdout!.on('data', check);
    exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`exited before it was ready:\n${output}`));
    });
  });
  ready.catch(() => {}); // Awaited by the tests that expect it; a start meant to fail need not.
  return { child, ready, exited, output: () => output };
}

async function query(url: string, key: string, text: string) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ query: text }),
  });
  return (await response.json()) as { data?: any; errors?: unknown[] };
}

describe('npm start', () => {
  let firstKey = '';

  it('starts on a fresh embedded database with demo data, and the printed key runs the example query', async () => {
    const gateway = start();
    const { url, key } = await gateway.ready;
    firstKey = key;
    expect(gateway.output()).toMatch(/Seeded demo data/);
    const result = await query(url, key, EXAMPLE_QUERY);
    expect(result.errors).toBeUndefined();
    const accounts = result.data.connectedAccounts.nodes;
    expect(accounts.length).toBeGreaterThan(0);
    const withHistory = accounts.flatMap((a: any) => a.financialAccounts.nodes).find((fa: any) => fa.transactions.nodes.length > 0);
    expect(withHistory.transactions.nodes[0].entries.nodes.length).toBeGreaterThan(0);

    // GraphiQL opens with the key in its headers.
    const page = await fetch(url, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(key);

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
    const result = await query(url, key, '{ platform { displayName financialAccounts { nodes { nickname } } } }');
    expect(result.data.platform.displayName).toBe('Rocket Rides');
    gateway.child.kill('SIGTERM');
    expect(await gateway.exited).toBe(0);
  });

  it('refuses a bad configuration with a message that names the setting', async () => {
    const gateway = start({ PORT: 'eighty' });
    expect(await gateway.exited).toBe(1);
    expect(gateway.output()).toMatch(/PORT must be an integer/);
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
        key,
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
