// The HTTP and WebSocket server: node http + graphql-yoga, and graphql-ws on
// the same path. Queries and mutations go over HTTP (or WebSocket);
// subscriptions over WebSocket or SSE. Both transports authenticate the same way.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { GraphQLError } from 'graphql';
import { PothosError } from '@pothos/core';
import { WebSocketServer } from 'ws';
import { useServer } from 'graphql-ws/use/ws';
import type { Context } from './context.ts';
import type { Database } from './db/database.ts';
import { createLoaders } from './db/loaders.ts';
import { AuthenticationError, PermissionError, UserInputError } from './domain/errors.ts';
import { schema } from './graphql/schema.ts';
import { useInputValidation } from './graphql/input-validation.ts';
import { useOperationCost } from './graphql/operation-cost.ts';
import { operationLimitPlugins, type OperationLimits } from './graphql/operation-limits.ts';
import { assertBudgetFitsLimit, DEFAULTS, type TransportSettings } from './config.ts';
import { OperationBudget, type RateLimitOptions } from './services/rate-limit.ts';
import { authenticate, type RequestCredentials } from './services/authentication.ts';
import { createServices, type ServiceConfig, type Services } from './services/index.ts';
import { InMemoryEventBus, type EventBus } from './events/event-bus.ts';
import { corsPolicy, useVaryOnOrigin, webSocketOriginAllowed } from './transport/cors.ts';
import { sseChannel, useSseEventIds } from './transport/sse.ts';
import { CLOSE_BAD_REQUEST, oversizedConnectionParams, reportSocketErrors } from './transport/websocket.ts';

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
  /** Log unexpected errors (masked for clients) here; default console.error. */
  logError?: (error: unknown) => void;
  /** Message and body sizes, keep-alive and CORS of the transports (see DEFAULTS.transport). */
  transport?: Partial<TransportSettings>;
}

export interface GatewayServer {
  yoga: YogaServerInstance<ServerContext, Context>;
  services: Services;
  /** The headers GraphiQL opens with (e.g. a demo key known only after start-up work). */
  setGraphiQLHeaders(headers: Record<string, string> | undefined): void;
  start(port?: number, host?: string): Promise<{ url: string; port: number }>;
  stop(): Promise<void>;
}

/** What the transports hand to yoga: a Fetch request over HTTP, connectionParams over WebSocket. */
interface ServerContext {
  connectionParams?: Record<string, unknown>;
}

export function buildServer(options: ServerOptions): GatewayServer {
  const { db } = options;
  const logError = options.logError ?? ((error) => console.error(error));
  const eventBus = options.eventBus ?? new InMemoryEventBus();
  const transport: TransportSettings = { ...DEFAULTS.transport, ...options.transport };
  const services = createServices(
    db.prisma,
    eventBus,
    {
      accountSessionTtlSeconds: options.accountSessionTtlSeconds,
      maxOpenFinancialAccountsPerAccount: options.maxOpenFinancialAccountsPerAccount ?? DEFAULTS.maxOpenFinancialAccountsPerAccount,
      featureActivationDelayMs: options.featureActivationDelayMs ?? DEFAULTS.featureActivationDelayMs,
      featureActivationSweepMs: options.featureActivationSweepMs ?? DEFAULTS.featureActivationSweepMs,
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
        const viewer = await authenticate(db.prisma, credentials);
        const context: Context = {
          viewer,
          loaders: createLoaders(db.prisma, viewer),
          services,
          sse: request ? sseChannel(request) : undefined,
          // `this`: yoga hands resolvers a copy of this object, and the copy's loaders are the ones to renew.
          refreshLoaders(this: Context) {
            this.loaders = createLoaders(db.prisma, viewer);
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
      ...operationLimitPlugins(limits, { introspection: options.introspection ?? DEFAULTS.introspection }),
      // Priced first, so that an operation refused for its input still reports (and spends) its cost.
      useOperationCost({ maxCost: limits.maxCost, budget, toClientError: (error) => maskError(error, logError) }),
      useInputValidation(),
      ...transportPlugins,
    ],
    maskedErrors: {
      maskError: (error) => maskError(error, logError),
    },
  });

  const httpServer: Server = createServer(yoga);
  // A larger message closes the socket with 1009 before it is buffered (ws's default would read 100 MiB).
  // No compression (ws's default for servers, stated): inflating costs memory and CPU per socket before authentication.
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
      execute: (args) => (args.rootValue as Enveloped).execute(args),
      subscribe: (args) => (args.rootValue as Enveloped).subscribe(args),
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
          await authenticate(db.prisma, credentialsFromConnectionParams(ctx.connectionParams ?? {}));
          return true;
        } catch (error) {
          if (!(error instanceof AuthenticationError)) throw error;
          ctx.extra.socket.close(CLOSE_FORBIDDEN, closeReason(error.message));
          return false;
        }
      },
      onSubscribe: async (ctx, _id, payload) => {
        const enveloped = yoga.getEnveloped({
          connectionParams: ctx.connectionParams ?? {},
          request: undefined,
        } as never);
        let document: ReturnType<Enveloped['parse']>;
        try {
          document = enveloped.parse(payload.query);
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
        return {
          schema: enveloped.schema,
          operationName: payload.operationName,
          document,
          variableValues: payload.variables,
          contextValue,
          rootValue: { execute: enveloped.execute, subscribe: enveloped.subscribe },
        };
      },
    },
    wsServer,
    // Pings at this interval; a client that has not answered one by the next is dropped, and its subscriptions end.
    transport.wsKeepAliveMs,
  );
  reportSocketErrors(wsServer, logError);

  return {
    yoga,
    services,
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
      services.activator.start();
      return new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          const address = httpServer.address() as AddressInfo;
          const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
          resolve({ url: `http://${shownHost}:${address.port}${GRAPHQL_PATH}`, port: address.port });
        });
      });
    },
    async stop() {
      await services.activator.stop();
      await wsDisposable.dispose();
      await new Promise<void>((resolve) => wsServer.close(() => resolve()));
      httpServer.closeAllConnections();
      await new Promise<void>((resolve) => httpServer.close(() => resolve()));
      await budget?.close();
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
  // Errors GraphQL itself raised (validation, variable coercion, scalars) and our own GraphQLErrors are meant for clients.
  // (A Pothos error is a GraphQLError too, but it is a bug in the schema: masked below.)
  if (
    graphqlError &&
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
