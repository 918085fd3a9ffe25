// Readiness: whether this instance can serve, for a load balancer or an
// orchestrator. Liveness is yoga's own `/health` (200 while the process answers).
import type { Plugin } from 'graphql-yoga';

export const READINESS_PATH = '/readiness';

/** A dependency check: resolves when the dependency answers. */
export type ReadinessCheck = () => Promise<unknown>;

// A dependency that does not answer within this time counts as down: a probe must not hang.
const CHECK_TIMEOUT_MS = 2000;

export interface Readiness {
  ready: boolean;
  status: 'ready' | 'unavailable' | 'shutting_down';
  /** Each dependency: `ok`, or why it is down. */
  checks: Record<string, string>;
  down: string[];
}

export async function checkReadiness(checks: Record<string, ReadinessCheck>, shuttingDown: boolean): Promise<Readiness> {
  const entries = await Promise.all(
    Object.entries(checks).map(async ([name, check]) => [name, await outcome(check)] as const),
  );
  const down = entries.filter(([, result]) => result !== 'ok').map(([name]) => name);
  const ready = down.length === 0 && !shuttingDown;
  return {
    ready,
    status: shuttingDown ? 'shutting_down' : ready ? 'ready' : 'unavailable',
    checks: Object.fromEntries(entries),
    down,
  };
}

async function outcome(check: ReadinessCheck): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      check(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
      }),
    ]);
    return 'ok';
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const message = error instanceof Error ? error.message : String(error);
    return typeof code === 'string' && code !== message ? `${code}: ${message}` : message;
  } finally {
    clearTimeout(timer);
  }
}

/** GET /readiness: 200 when every dependency answers, 503 with a JSON body naming what is down otherwise. */
export function useReadiness(checks: Record<string, ReadinessCheck>, isShuttingDown: () => boolean): Plugin {
  return {
    async onRequest({ request, url, fetchAPI, endResponse }) {
      if (url.pathname !== READINESS_PATH || request.method !== 'GET') return;
      const readiness = await checkReadiness(checks, isShuttingDown());
      const { ready, ...body } = readiness;
      endResponse(
        new fetchAPI.Response(JSON.stringify(body), {
          status: ready ? 200 : 503,
          headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
        }),
      );
    },
  };
}
