// The gateway as real processes, for the tests of `npm start` and `npm run
// db:migrate`. A slow or loaded machine must not break them, and one test's
// failure must not break the next, so:
// - every wait is for a signal the process gives (a log line, its exit), with
//   a limit far above the slowest start seen (a fresh start under load took
//   over 60 s), and a timeout says what it waited for and what the process wrote;
// - every process leads its own process group, and stopStarted() (afterEach)
//   kills each group and waits until none of its processes is left, so no
//   gateway outlives its test holding a port or a data directory's lock;
// - scratchDir() gives a test a directory of its own, removed after it.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** How long a start may take to be ready: a fresh start under load was seen past 60 s; this is far above. */
export const READY_TIMEOUT_MS = 5 * 60_000;
/** How long a process may take to exit once it should (a drain, a failed start, a migration). */
export const EXIT_TIMEOUT_MS = 3 * 60_000;
/** A test that starts gateways: its waits' limits, with room for several of them. */
export const START_TEST_TIMEOUT_MS = 15 * 60_000;

export type LogLine = Record<string, any> & { msg: string };

export interface GatewayProcess {
  child: ChildProcess;
  /** The listening line: the gateway serves from then on. Fails if the process exits first or takes too long. */
  ready: Promise<{ url: string; key: string | undefined; line: LogLine }>;
  /** Its exit code (null: ended by a signal). */
  exited: Promise<number | null>;
  /** The first log line that matches, once it is written; fails if the process exits first or takes too long. */
  logged(match: (line: LogLine) => boolean, what: string, timeoutMs?: number): Promise<LogLine>;
  /** Its exit code, failing (with what it wrote) if it does not exit within EXIT_TIMEOUT_MS. */
  exitCode(): Promise<number | null>;
  /** SIGTERM, then its exit code (see exitCode). */
  stop(): Promise<number | null>;
  logs: LogLine[];
  /** Log messages and stderr, for failure messages. */
  output(): string;
  stderr(): string;
}

const started = new Set<ChildProcess>();
const scratch = new Set<string>();

/** A directory of the test's own, removed by stopStarted(). */
export function scratchDir(prefix = 'gateway-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  scratch.add(dir);
  return dir;
}

/**
 * `npm start` (the default, as a process manager runs it), `npm run db:migrate`, or the node processes behind
 * them (`node` for the server, `migrate-node` for the migration step: what they alone write to stderr, without npm's
 * lines). The environment starts from this process's, with no DATABASE_URL or REDIS_URL unless given.
 */
export function spawnGateway(
  env: Record<string, string>,
  via: 'npm' | 'node' | 'migrate' | 'migrate-node' = 'npm',
): GatewayProcess {
  const [command, args] = {
    npm: ['npm', ['start']],
    node: [process.execPath, ['--import', 'tsx', 'src/main.ts']],
    migrate: ['npm', ['run', 'db:migrate']],
    'migrate-node': [process.execPath, ['--import', 'tsx', 'scripts/migrate.ts']],
  }[via] as [string, string[]];
  const child = spawn(command, args, {
    env: { ...process.env, PORT: '0', DATABASE_URL: '', REDIS_URL: '', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group: stopStarted() kills npm, its shell and the node it runs together.
    detached: true,
  });
  started.add(child);
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
      if (!line.startsWith('{')) continue;
      try {
        logs.push(JSON.parse(line));
      } catch {
        // Not one of the gateway's lines.
      }
    }
    for (const watch of watchers) watch();
  });
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const output = () => [...logs.map((line) => line.msg), stderr].join('\n');

  const logged = (match: (line: LogLine) => boolean, what: string, timeoutMs = READY_TIMEOUT_MS) =>
    new Promise<LogLine>((resolve, reject) => {
      const timer = setTimeout(() => {
        watchers.delete(check);
        reject(new Error(`no log line ${what} within ${timeoutMs / 1000} s:\n${output()}`));
      }, timeoutMs);
      const check = () => {
        const line = logs.find(match);
        if (!line) return;
        watchers.delete(check);
        clearTimeout(timer);
        resolve(line);
      };
      watchers.add(check);
      check();
      void exited.then((code) => {
        if (!watchers.has(check)) return;
        watchers.delete(check);
        clearTimeout(timer);
        reject(new Error(`exited (${code}) before logging ${what}:\n${output()}`));
      });
    });

  const ready = logged((line) => typeof line.endpoint === 'string', 'that it listens').then((line) => ({
    url: line.endpoint as string,
    key: logs.find((l) => l.platformKey)?.platformKey as string | undefined,
    line,
  }));
  ready.catch(() => {}); // Awaited by the tests that expect it; a start meant to fail need not.

  const exitCode = () => within(exited, EXIT_TIMEOUT_MS, () => `the process did not exit within ${EXIT_TIMEOUT_MS / 1000} s:\n${output()}`);
  return {
    child,
    ready,
    exited,
    logged,
    exitCode,
    stop() {
      child.kill('SIGTERM');
      // npm forwards the signal to the node it runs; should that forward be lost on a loaded machine, the group gets
      // it again after a while (a second SIGTERM to a gateway already draining changes nothing), so what the test
      // then judges is the gateway's shutdown, not npm's forwarding.
      const again = setTimeout(() => {
        try {
          process.kill(-child.pid!, 'SIGTERM');
        } catch {
          // The group is gone already.
        }
      }, 30_000);
      return exitCode().finally(() => clearTimeout(again));
    },
    logs,
    output,
    stderr: () => stderr,
  };
}

/**
 * For afterEach: kills every process a test started (each whole process group), waits until none of them is left,
 * and removes the test's scratch directories. Never throws: a test's own failure is the one to report.
 */
export async function stopStarted(): Promise<void> {
  const children = [...started];
  started.clear();
  await Promise.all(children.map(killGroup));
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
  scratch.clear();
}

async function killGroup(child: ChildProcess): Promise<void> {
  const group = child.pid;
  if (group === undefined) return;
  try {
    process.kill(-group, 'SIGKILL');
  } catch {
    return; // ESRCH: no process of the group is left.
  }
  // SIGKILL cannot be caught, but the kernel takes a moment: wait until the group is gone (its lock with it).
  const deadline = Date.now() + EXIT_TIMEOUT_MS;
  while (groupAlive(group) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
}

/**
 * Whether a process of the group still runs. A killed npm's node is left to PID 1, which in some containers never
 * reaps it: a zombie that kill(pid, 0) still finds. So on Linux /proc tells, and zombies do not count.
 */
function groupAlive(group: number): boolean {
  if (!existsSync('/proc/self/stat')) {
    try {
      process.kill(-group, 0);
      return true;
    } catch {
      return false;
    }
  }
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // Gone meanwhile.
    }
    // "pid (comm) state ppid pgrp ...": comm may hold spaces and parentheses, so read from the last ")".
    const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(pgrp) === group && state !== 'Z' && state !== 'X') return true;
  }
  return false;
}

function within<T>(promise: Promise<T>, timeoutMs: number, message: () => string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(message())), timeoutMs);
    }),
  ]).finally(() => clearTimeout(timer));
}
