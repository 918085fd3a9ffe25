// The HTTP and WebSocket server: node http + graphql-yoga, and graphql-ws on
// the same path. Queries and mutations go over HTTP (or WebSocket);
// subscriptions over WebSocket or SSE. Both transports authenticate the same way.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { getOperationAST, GraphQLError } from 'graphql';
import { PothosError } from '@pothos/core';
import { WebSocketServer } from 'ws';
import { useServer } from 'graphql-ws/use/ws';
import type { Context } from './context.ts';
import type { Database } from './db/database.ts';
import { createLoaders } from './db/loaders.ts';
import { AuthenticationError, PermissionError, UserInputError } from './domain/errors.ts';
import { schema } from './graphql/schema.ts';
import { useInputValidation } from './graphql/input-validation.ts';
import { subscriptionCostOf, useOperationCost } from './graphql/operation-cost.ts';
import { LiveFanout, type LiveFanoutSettings } from './graphql/live.ts';
import { useCompiledQueries } from './graphql/compiled-queries.ts';
import { operationLimitPlugins, type OperationLimits } from './graphql/operation-limits.ts';
import { assertBudgetFitsLimit, DEFAULTS, type TransportSettings } from './config.ts';
import { OperationBudget, type RateLimitOptions } from './services/rate-limit.ts';
import { authenticate, type RequestCredentials } from './services/authentication.ts';
import { createServices, startSelfMovingWork, stopSelfMovingWork, type ServiceConfig, type Services } from './services/index.ts';
import { selfMovingSettings } from './domain/money-movements/movements.ts';
import { InMemoryEventBus, type EventBus } from './events/event-bus.ts';
import { corsPolicy, useVaryOnOrigin, webSocketOriginAllowed } from './transport/cors.ts';
import { sseChannel, useSseEventIds } from './transport/sse.ts';
import { CLOSE_BAD_REQUEST, oversizedConnectionParams, reportSocketErrors } from './transport/websocket.ts';
import { isAsyncIterable, mapAsyncIterator, type Plugin } from 'graphql-yoga';
import {
  currentRequestId,
  logOperation,
  operationInfo,
  requestIdFrom,
  silentLogger,
  useOperationLog,
  withRequestId,
  type Logger,
  type RequestLogContext,
} from './logger.ts';
import { useReadiness, type ReadinessCheck } from './health.ts';
import { persistedDocumentOf, usePersistedOperationsOnly, type PersistedOperations } from './persisted-operations.ts';

export const GRAPHQL_PATH = '/graphql';

export interface ServerOptions extends Partial<Omit<ServiceConfig, 'accountSessionTtlSeconds'>> {
  db: Database;
  accountSessionTtlSeconds: number;
  /** Where committed events go to reach subscribers; default in-memory (one instance). */
  eventBus?: EventBus;
  graphiql?: { defaultQuery?: string; headers?: Record<string, string> } | false;
  /** What one operation may cost, how deep it may nest, and how many aliases, tokens and directives it may use (see DEFAULTS). */
  limits?: Partial<OperationLimits>;
  /** Serve introspection and field suggestions (default true). */
  introspection?: boolean;
  /**
   * Each credential's budget of cost points per window (see DEFAULTS), shared
   * through Redis when `redisUrl` is given; false: no budget.
   */
  rateLimit?: (Omit<RateLimitOptions, 'logError' | 'keyPrefix'> & { keyPrefix?: string }) | false;
  /** Message and body sizes, keep-alive and CORS of the transports (see DEFAULTS.transport). */
  transport?: Partial<TransportSettings>;
  /** Log unexpected errors (masked for clients) here; default the logger, with the request id. */
  logError?: (error: unknown) => void;
  /** Where operations, subscriptions and errors are logged; default silent (servers built in code). */
  logger?: Logger;
  /** Dependencies `/readiness` checks besides the database (e.g. Redis). */
  readinessChecks?: Record<string, ReadinessCheck>;
  /** Run only these operations (document id -> document); null or absent: any operation. */
  persistedOperations?: PersistedOperations | null;
  /** How long stop() lets in-flight requests finish before it closes their connections. */
  shutdownTimeoutMs?: number;
  /**
   * Subscriptions over graphql-ws: `sharedExecution` (default true) lets subscribers of one operation and scope share
   * each event's execution and message (see graphql/live.ts); false executes every event for every subscriber.
   */
  live?: Partial<Omit<LiveFanoutSettings, 'maskError'>> & { sharedExecution?: boolean };
}

/** A socket with this much not yet sent is too slow for its subscriptions (it is closed with 1013); 1 MiB. */
export const DEFAULT_LIVE_MAX_BUFFERED_BYTES = 1 << 20;
/** Sockets written to per turn of the event loop while an event fans out, at most. */
export const DEFAULT_LIVE_SEND_BATCH = 256;
/** How long one turn of the event loop may write an event to sockets, at most (ms): HTTP waits no longer. */
export const DEFAULT_LIVE_SEND_SLICE_MS = 4;

export interface GatewayServer {
  yoga: YogaServerInstance<ServerContext, Context>;
  services: Services;
  /** The fan-out of graphql-ws subscriptions (groups and members); null when shared execution is off. */
  live: LiveFanout | null;
  /** The headers GraphiQL opens with (e.g. a demo key known only after start-up work). */
  setGraphiQLHeaders(headers: Record<string, string> | undefined): void;
  start(port?: number, host?: string): Promise<{ url: string; port: number }>;
  /**
   * Drains: stops accepting connections, ends subscriptions (SSE streams end,
   * WebSockets close with 1001), lets in-flight requests finish (up to the
   * shutdown timeout), then stops background work.
   */
  stop(): Promise<void>;
}

/** What the transports hand to yoga: a Fetch request over HTTP, connectionParams over WebSocket. */
interface ServerContext extends RequestLogContext {
  connectionParams?: Record<string, unknown>;
}

export function buildServer(options: ServerOptions): GatewayServer {
  const { db } = options;
  const logger = options.logger ?? silentLogger;
  const logError =
    options.logError ?? ((error: unknown) => logger.error({ err: error, requestId: currentRequestId() }, 'unexpected error'));
  const persisted = options.persistedOperations ?? null;
  const drain = createDrain();
  const eventBus = options.eventBus ?? new InMemoryEventBus();
  const transport: TransportSettings = { ...DEFAULTS.transport, ...options.transport };
  const services = createServices(
    db.prisma,
    eventBus,
    {
      accountSessionTtlSeconds: options.accountSessionTtlSeconds,
      maxOpenFinancialAccountsPerAccount: options.maxOpenFinancialAccountsPerAccount ?? DEFAULTS.maxOpenFinancialAccountsPerAccount,
      ...selfMovingSettings(options),
    },
    logError,
  );

  // Resumable SSE (event ids, Last-Event-ID) and CORS responses that caches keep apart per origin.
  const transportPlugins = [useSseEventIds(), useVaryOnOrigin(transport.corsOrigins)];
  const limits: OperationLimits = { ...DEFAULTS.limits, ...options.limits };
  const rateLimit = options.rateLimit === undefined ? DEFAULTS.rateLimit : options.rateLimit;
  if (rateLimit) assertBudgetFitsLimit(rateLimit.points, limits.maxCost);
  const budget = rateLimit
    ? new OperationBudget({ ...rateLimit, keyPrefix: rateLimit.keyPrefix ?? DEFAULTS.rateLimit.keyPrefix, logError })
    : null;

  const live =
    options.live?.sharedExecution === false
      ? null
      : new LiveFanout({
          maxBufferedBytes: options.live?.maxBufferedBytes ?? DEFAULT_LIVE_MAX_BUFFERED_BYTES,
          sendBatchSize: options.live?.sendBatchSize ?? DEFAULT_LIVE_SEND_BATCH,
          sendSliceMs: options.live?.sendSliceMs ?? DEFAULT_LIVE_SEND_SLICE_MS,
          maskError: (error) => maskError(error, logError),
        });

  const graphiql = options.graphiql ? { ...options.graphiql } : null;
  const yoga = createYoga<ServerContext, Context>({
    schema,
    graphqlEndpoint: GRAPHQL_PATH,
    landingPage: false,
    cors: corsPolicy(transport.corsOrigins),
    // Checked against Content-Length before the body is read, and counted while it is read (chunked bodies).
    maxRequestBodySize: transport.httpMaxBodyBytes,
    // Unexpected errors are logged once, by maskError below; yoga would also log expected ones.
    logging: false,
    // GraphiQL's page, bundled: yoga's default loads it from a CDN, which an offline machine cannot reach.
    renderGraphiQL,
    graphiql: graphiql
      ? () => ({
          title: 'Treasury GraphQL gateway',
          defaultQuery: graphiql.defaultQuery,
          headers: graphiql.headers ? JSON.stringify(graphiql.headers, null, 2) : undefined,
          // Subscriptions from GraphiQL go over HTTP (SSE), which carries the headers in its editor;
          // its WebSocket transport would not send them as connectionParams.
        })
      : false,
    context: async ({ request, connectionParams }): Promise<Context> => {
      try {
        const credentials: RequestCredentials = connectionParams
          ? credentialsFromConnectionParams(connectionParams)
          : {
              authorization: request.headers.get('authorization'),
              stripeContext: request.headers.get('stripe-context') ?? request.headers.get('stripe-account'),
            };
        const viewer = await authenticate(db, credentials);
        const context: Context = {
          viewer,
          loaders: createLoaders(db, viewer),
          services,
          sse: request ? sseChannel(request) : undefined,
          // `this`: yoga hands resolvers a copy of this object, and the copy's loaders are the ones to renew.
          refreshLoaders(this: Context) {
            this.loaders = createLoaders(db, viewer);
          },
        };
        return context;
      } catch (error) {
        if (error instanceof AuthenticationError) {
          throw new GraphQLError(error.message, {
            extensions: { code: 'UNAUTHENTICATED', http: { status: 401, headers: { 'WWW-Authenticate': 'Bearer' } } },
          });
        }
        throw error;
      }
    },
    plugins: [
      useReadiness({ database: () => db.ping(), ...options.readinessChecks }, () => drain.draining),
      useRequestIdHeader(),
      ...(persisted ? [usePersistedOperationsOnly(persisted)] : []),
      useOperationLog(logger),
      drain.plugin,
      ...operationLimitPlugins(limits, { introspection: options.introspection ?? DEFAULTS.introspection }),
      // Priced first, so that an operation refused for its input still reports (and spends) its cost.
      useOperationCost({ maxCost: limits.maxCost, budget, toClientError: (error) => maskError(error, logError) }),
      useInputValidation(),
      ...useCompiledQueries(),
      ...transportPlugins,
    ],
    // `documentId` names a persisted operation (GraphQL over HTTP's persisted documents).
    extraParamNames: persisted ? ['documentId'] : undefined,
    maskedErrors: {
      maskError: (error) => maskError(error, logError),
    },
  });

  const httpServer: Server = createServer({ connectionsCheckingInterval: timeoutCheckInterval(transport) }, (req, res) => {
    const requestId = requestIdFrom(req.headers['x-request-id']);
    // While draining, a kept-alive connection closes after its response instead of waiting for another.
    if (drain.draining) res.setHeader('connection', 'close');
    // A connection that was busy when draining began closes as soon as it is idle.
    res.once('finish', () => drain.draining && httpServer.closeIdleConnections());
    const context: ServerContext = { requestId, receivedAt: performance.now() };
    withRequestId(requestId, () => yoga(req, res, context));
  });
  // Slow clients are cut off (see TransportSettings): headers and whole requests within their bounds, idle
  // kept-alive connections closed. None of these applies to a request once it has been received whole (an SSE
  // stream goes on as long as it likes) or to an upgraded socket (WebSockets have their own pings).
  httpServer.headersTimeout = transport.httpHeadersTimeoutMs;
  httpServer.requestTimeout = transport.httpRequestTimeoutMs;
  httpServer.keepAliveTimeout = transport.httpKeepAliveTimeoutMs;
  const wsServer = new WebSocketServer({
    server: httpServer,
    path: GRAPHQL_PATH,
    maxPayload: transport.wsMaxPayloadBytes,
    perMessageDeflate: false,
    verifyClient: ({ origin, req }, done) =>
      webSocketOriginAllowed(origin, req.headers.host, transport.corsOrigins) ? done(true) : done(false, 403, 'Origin not allowed'),
  });
  const wsDisposable = useServer(
    {
      execute: (args) => withRequestId(requestIdOf(args), () => (args.rootValue as Enveloped).execute(args)),
      subscribe: (args) => withRequestId(requestIdOf(args), () => (args.rootValue as Enveloped).subscribe(args)),
      // A connection with a credential that is missing, unknown or expired is
      // refused at once (close code 4403, the reason says why) rather than
      // acknowledged: the same rule as HTTP's 401, in graphql-ws's terms.
      onConnect: async (ctx) => {
        // Before any authentication work, so refusing costs no database lookup. (graphql-ws keeps the params for
        // the connection's life, and every subscription's context reads them: they get a bound of their own.)
        const tooLarge = oversizedConnectionParams(ctx.connectionParams, transport.wsMaxConnectionParamsBytes);
        if (tooLarge) {
          ctx.extra.socket.close(CLOSE_BAD_REQUEST, tooLarge);
          return false;
        }
        try {
          await authenticate(db, credentialsFromConnectionParams(ctx.connectionParams ?? {}));
          return true;
        } catch (error) {
          if (!(error instanceof AuthenticationError)) throw error;
          ctx.extra.socket.close(CLOSE_FORBIDDEN, closeReason(error.message));
          return false;
        }
      },
      onSubscribe: async (ctx, id, payload) => {
        const requestId = requestIdFrom(undefined);
        const enveloped = yoga.getEnveloped({
          connectionParams: ctx.connectionParams ?? {},
          request: undefined,
          requestId,
        });
        const query = persisted ? persistedDocumentOf(persisted, payload as typeof payload & { documentId?: unknown }) : payload.query;
        if (query instanceof GraphQLError) return [query];
        let document: ReturnType<Enveloped['parse']>;
        try {
          document = enveloped.parse(query);
        } catch (error) {
          // A syntax error, or a document over the token limit, is the client's: an error result, as over
          // HTTP, not the 4500 that would close the socket.
          if (!(error instanceof GraphQLError)) throw error;
          if (error.extensions?.code) return [error];
          return [
            new GraphQLError(error.message, {
              source: error.source,
              positions: error.positions,
              extensions: { code: 'GRAPHQL_PARSE_FAILED' },
            }),
          ];
        }
        const errors = enveloped.validate(enveloped.schema, document);
        if (errors.length > 0) return errors;
        let contextValue: Context;
        try {
          contextValue = await enveloped.contextFactory();
        } catch (error) {
          // The credential stopped being valid since the connection was made (an expired session).
          if (error instanceof GraphQLError) return [error];
          throw error;
        }
        if (live && getOperationAST(document, payload.operationName)?.operation === 'subscription') {
          const execution = { schema: enveloped.schema, document, operationName: payload.operationName, variableValues: payload.variables };
          contextValue.live = {
            fanout: live,
            operation: execution,
            // No variables and empty ones are the same operation.
            selectionKey: JSON.stringify([query, payload.operationName ?? null, Object.keys(payload.variables ?? {}).length ? payload.variables : null]),
            socket: ctx.extra.socket,
            subscriptionId: id,
            firstExtensions: () => {
              const cost = subscriptionCostOf(contextValue);
              return cost ? { cost } : undefined;
            },
          };
        }
        return {
          schema: enveloped.schema,
          operationName: payload.operationName,
          document,
          variableValues: payload.variables,
          contextValue,
          rootValue: { execute: enveloped.execute, subscribe: enveloped.subscribe, requestId, startedAt: performance.now() },
        };
      },
      // Subscriptions log their start and end themselves (useOperationLog).
      onOperation: async (_ctx, _id, _payload, args, operation) => {
        const result = await operation;
        if (isAsyncIterable(result)) return;
        const { requestId, startedAt } = args.rootValue as { requestId: string; startedAt: number };
        logOperation(logger, { ...operationInfo(args.document, args.operationName), requestId, transport: 'ws', startedAt, result });
      },
    },
    wsServer,
    // Pings at this interval; a client that has not answered one by the next is dropped, and its subscriptions end.
    transport.wsKeepAliveMs,
  );
  reportSocketErrors(wsServer, logError);

  let stopped: Promise<void> | undefined;
  return {
    yoga,
    services,
    live,
    setGraphiQLHeaders(headers) {
      if (graphiql) graphiql.headers = headers;
    },
    async start(port = 0, host = '127.0.0.1') {
      // A budget shared through Redis that cannot be reached fails the start, as the event bus does.
      try {
        await budget?.ready();
      } catch (error) {
        await budget?.close();
        throw error;
      }
      startSelfMovingWork(services);
      return new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          const address = httpServer.address() as AddressInfo;
          const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
          resolve({ url: `http://${shownHost}:${address.port}${GRAPHQL_PATH}`, port: address.port });
        });
      });
    },
    stop() {
      stopped ??= drainAndStop();
      return stopped;
    },
  };

  // Drains (see GatewayServer.stop): new connections are refused first, background work stops last.
  async function drainAndStop(): Promise<void> {
    drain.draining = true;
    const closed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
    httpServer.closeIdleConnections();
    await drain.endSubscriptions();
    await wsDisposable.dispose(); // closes every WebSocket with 1001 Going away
    await new Promise<void>((resolve) => wsServer.close(() => resolve()));
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, options.shutdownTimeoutMs ?? DEFAULTS.shutdownTimeoutMs);
    });
    await Promise.race([closed, timeout]);
    clearTimeout(timer);
    httpServer.closeAllConnections();
    await closed;
    await stopSelfMovingWork(services);
    await budget?.close();
  }
}

/**
 * How often Node looks for requests past their headers or request timeout. Its default, every 30 s, would let a
 * slow client hold its socket up to 30 s past the bound; a quarter of the shorter bound, at most every second, keeps
 * the overrun small. Each check walks only the connections with a request in progress.
 */
function timeoutCheckInterval({ httpHeadersTimeoutMs, httpRequestTimeoutMs }: TransportSettings): number {
  return Math.max(25, Math.min(1000, Math.floor(Math.min(httpHeadersTimeoutMs, httpRequestTimeoutMs) / 4)));
}

function requestIdOf(args: { rootValue?: unknown }): string {
  return (args.rootValue as { requestId?: string } | undefined)?.requestId ?? requestIdFrom(undefined);
}

/** Every HTTP response names its request id, accepted from the client's `x-request-id` or made here. */
function useRequestIdHeader(): Plugin<Record<string, unknown>, ServerContext> {
  return {
    onResponse({ response, serverContext }) {
      if (serverContext.requestId) response.headers.set('x-request-id', serverContext.requestId);
    },
  };
}

/**
 * Shutdown's view of live subscriptions: each is tracked while it runs, so
 * that stop() can end them (an SSE stream completes, a WebSocket subscription
 * gets its complete) instead of leaving them to hold the server open.
 */
function createDrain() {
  const live = new Set<AsyncIterator<unknown>>();
  const plugin: Plugin = {
    onSubscribe() {
      return {
        onSubscribeResult({ result, setResult }) {
          if (!isAsyncIterable(result)) return;
          const tracked = mapAsyncIterator(
            result,
            (value) => value,
            (error: unknown) => {
              live.delete(tracked);
              throw error;
            },
            () => void live.delete(tracked),
          );
          live.add(tracked);
          setResult(tracked);
        },
      };
    },
  };
  return {
    draining: false,
    plugin,
    async endSubscriptions() {
      await Promise.allSettled([...live].map((subscription) => subscription.return?.()));
    },
  };
}

// graphql-ws's close code for a refused connection (its CloseCode.Forbidden).
const CLOSE_FORBIDDEN = 4403;

/** A WebSocket close reason may be at most 123 bytes. */
function closeReason(message: string): string {
  const bytes = Buffer.from(message);
  return bytes.length <= 123 ? message : bytes.subarray(0, 120).toString('utf8').replace(/\uFFFD$/, '') + '...';
}

type Enveloped = ReturnType<YogaServerInstance<ServerContext, Context>['getEnveloped']>;

function credentialsFromConnectionParams(params: Record<string, unknown>): RequestCredentials {
  const pick = (...names: string[]) => {
    for (const name of names) {
      const value = params[name];
      if (typeof value === 'string') return value;
      if (value != null) throw new AuthenticationError(`connectionParams.${name} must be a string.`);
    }
    return null;
  };
  return {
    authorization: pick('authorization', 'Authorization'),
    stripeContext: pick('stripeContext', 'Stripe-Context', 'stripe-context', 'stripeAccount', 'Stripe-Account'),
  };
}

/**
 * Expected failures keep their message and gain an `extensions.code`;
 * anything else is a bug: logged, and replaced by a message that leaks nothing.
 */
function maskError(error: unknown, logError: (error: unknown) => void): GraphQLError {
  const graphqlError = error instanceof GraphQLError ? error : undefined;
  const original = graphqlError?.originalError ?? error;
  if (original instanceof UserInputError) {
    return new GraphQLError(original.message, {
      nodes: graphqlError?.nodes,
      path: graphqlError?.path,
      extensions: { ...original.details, code: 'BAD_USER_INPUT', stripeCode: original.code, argument: original.field },
    });
  }
  if (original instanceof PermissionError) {
    return new GraphQLError(original.message, {
      nodes: graphqlError?.nodes,
      path: graphqlError?.path,
      extensions: { code: 'FORBIDDEN' },
    });
  }
  // Errors GraphQL itself raised before execution (syntax, validation, variable coercion, input scalars) and our
  // own GraphQLErrors are meant for clients. (A Pothos error is a GraphQLError too, but it is a bug in the schema:
  // masked below. So is one that graphql-js raises while executing, at a path and with no code of ours, such as
  // "Cannot return null for non-nullable field" or an abstract type that resolved to no object type.)
  const raisedWhileExecuting = graphqlError?.path !== undefined && !graphqlError.extensions?.code;
  if (
    graphqlError &&
    !raisedWhileExecuting &&
    !(original instanceof PothosError) &&
    (!graphqlError.originalError || graphqlError.originalError instanceof GraphQLError)
  ) {
    return graphqlError.extensions?.code
      ? graphqlError
      : new GraphQLError(graphqlError.message, {
          nodes: graphqlError.nodes,
          path: graphqlError.path,
          source: graphqlError.source,
          positions: graphqlError.positions,
          extensions: { ...graphqlError.extensions, code: 'BAD_USER_INPUT' },
        });
  }
  logError(original);
  return new GraphQLError('Unexpected error.', {
    nodes: graphqlError?.nodes,
    path: graphqlError?.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  });
}
