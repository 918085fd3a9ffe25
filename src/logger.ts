// Structured logs: one JSON line per event (pino), a request id that follows
// an operation from its transport to its last error, and the line each
// operation leaves behind (name, type, duration, cost, outcome).
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { getOperationAST, type DocumentNode, type ExecutionResult } from 'graphql';
import { isAsyncIterable, mapAsyncIterator, type Plugin } from 'graphql-yoga';
import { pino, type Logger, type LevelWithSilent } from 'pino';

export type { Logger } from 'pino';

export const LOG_LEVELS: readonly LevelWithSilent[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/**
 * A JSON logger on stdout. Written synchronously: the last lines before an
 * exit (a failed start, a shutdown) must not be lost in a buffer.
 */
export function createLogger(level: LevelWithSilent = 'info'): Logger {
  return pino(
    {
      level,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    pino.destination({ dest: 1, sync: true }),
  );
}

export const silentLogger: Logger = pino({ level: 'silent' });

/** The operation being served, for code that runs inside it (error masking, resolvers). */
const requestScope = new AsyncLocalStorage<{ requestId: string }>();

export function withRequestId<T>(requestId: string, run: () => T): T {
  return requestScope.run({ requestId }, run);
}

export function currentRequestId(): string | undefined {
  return requestScope.getStore()?.requestId;
}

// An incoming id is kept only if it is short and plain: it is echoed in a header and written to logs.
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function requestIdFrom(incoming: string | string[] | null | undefined): string {
  const value = Array.isArray(incoming) ? incoming[0] : incoming;
  return value && SANE_REQUEST_ID.test(value) ? value : randomUUID();
}

export interface OperationInfo {
  name: string | null;
  type: 'query' | 'mutation' | 'subscription' | null;
}

export function operationInfo(document: DocumentNode, operationName?: string | null): OperationInfo {
  const operation = getOperationAST(document, operationName ?? undefined);
  return { name: operation?.name?.value ?? operationName ?? null, type: operation?.operation ?? null };
}

/**
 * What an operation's result says about it: `ok`, `user_errors` (a mutation's
 * payload reported expected failures) or `errors` with their codes.
 */
export function outcomeOf(result: ExecutionResult): { outcome: 'ok' | 'user_errors' | 'errors'; codes?: string[] } {
  if (result.errors?.length) {
    const codes = [...new Set(result.errors.map((error) => String(error.extensions?.code ?? 'UNKNOWN')))];
    return { outcome: 'errors', codes };
  }
  const data = result.data as Record<string, unknown> | null | undefined;
  const userErrors = Object.values(data ?? {}).some(
    (field) => Array.isArray((field as { userErrors?: unknown } | null)?.userErrors) && (field as { userErrors: unknown[] }).userErrors.length > 0,
  );
  return { outcome: userErrors ? 'user_errors' : 'ok' };
}

export function logOperation(
  logger: Logger,
  entry: OperationInfo & { requestId?: string; transport: 'http' | 'ws'; startedAt: number; result: ExecutionResult },
): void {
  const cost = (entry.result.extensions as { cost?: unknown } | undefined)?.cost;
  logger.info(
    {
      requestId: entry.requestId,
      transport: entry.transport,
      operation: entry.name,
      type: entry.type,
      durationMs: Math.round((performance.now() - entry.startedAt) * 10) / 10,
      ...(cost === undefined ? {} : { cost }),
      ...outcomeOf(entry.result),
    },
    'operation',
  );
}

/** What the HTTP transport hands yoga along with each request. */
export interface RequestLogContext {
  requestId?: string;
  receivedAt?: number;
}

/**
 * Logs every operation served over HTTP once its result is final (errors
 * masked, extensions added), and every subscription (HTTP's SSE and
 * WebSocket alike) when it starts and when it ends.
 */
export function useOperationLog(logger: Logger): Plugin<Record<string, unknown>, RequestLogContext> {
  const operations = new WeakMap<Request, OperationInfo>();
  return {
    onParse({ context }) {
      // Over HTTP yoga's context holds the Fetch request and the request's GraphQL parameters.
      const { request, params } = context as { request?: Request; params?: { operationName?: string | null } };
      return ({ result }) => {
        if (request && result && (result as DocumentNode).kind === 'Document') {
          operations.set(request, operationInfo(result as DocumentNode, params?.operationName));
        }
      };
    },
    onSubscribe({ args }) {
      const startedAt = performance.now();
      const requestId = (args.contextValue as RequestLogContext).requestId ?? currentRequestId();
      const { name } = operationInfo(args.document, args.operationName);
      return {
        onSubscribeResult({ result, setResult }) {
          if (!isAsyncIterable(result)) return;
          logger.info({ requestId, operation: name, type: 'subscription' }, 'subscription started');
          let ended = false;
          const end = (reason: string) => {
            if (ended) return;
            ended = true;
            logger.info(
              { requestId, operation: name, type: 'subscription', durationMs: Math.round(performance.now() - startedAt), reason },
              'subscription ended',
            );
          };
          setResult(
            mapAsyncIterator(
              result,
              (value) => value,
              (error: unknown) => {
                end('error');
                throw error;
              },
              () => end('complete'),
            ),
          );
        },
      };
    },
    onResultProcess({ request, result, serverContext }) {
      if (isAsyncIterable(result) || Array.isArray(result)) return; // Subscriptions log themselves; batching is off.
      logOperation(logger, {
        ...(operations.get(request) ?? { name: null, type: null }),
        requestId: serverContext.requestId,
        transport: 'http',
        startedAt: serverContext.receivedAt ?? performance.now(),
        result,
      });
    },
  };
}
