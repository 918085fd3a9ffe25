// A real gateway for tests: the real server on a free port, over a real
// database migrated from prisma/migrations. By default an in-memory PGlite;
// with TEST_DATABASE_URL, a fresh database on that PostgreSQL server, dropped
// afterwards (so test files never share state).
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { print } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { openDatabase, type Database, type DatabaseTarget } from '../../src/db/database.ts';
import { migrate } from '../../src/db/migrate.ts';
import { buildServer, type GatewayServer, type ServerOptions } from '../../src/server.ts';

export interface TestGateway {
  url: string;
  db: Database;
  server: GatewayServer;
  /**
   * POSTs a GraphQL operation with `Authorization: Bearer <token>` (when given)
   * and returns the status and JSON body. Typed documents come from test/gql
   * (`graphql(...)`, see codegen.ts); a plain string is for deliberately broken operations.
   */
  graphql<R = any, V = Record<string, unknown>>(
    document: TypedDocumentNode<R, V> | string,
    options?: { token?: string | null; variables?: V; headers?: Record<string, string> },
  ): Promise<GraphQLResponse<R>>;
  stop(): Promise<void>;
}

export interface GraphQLResponse<T> {
  status: number;
  data?: T;
  errors?: Array<{ message: string; path?: string[]; extensions?: Record<string, any> }>;
  extensions?: Record<string, any>;
}

export const usingPostgres = Boolean(process.env.TEST_DATABASE_URL);

export { NO_SWEEPS } from './no-sweeps.ts';

export interface TestGatewayOptions extends Partial<Omit<ServerOptions, 'db'>> {
  /** Reuse this database (e.g. a second gateway instance over the same one) instead of making a fresh one. */
  db?: Database;
}

export async function startGateway(options: TestGatewayOptions = {}): Promise<TestGateway> {
  const { db: sharedDb, ...serverOptions } = options;
  const { target, drop } = sharedDb ? { target: null, drop: async () => {} } : await testDatabase();
  const db = sharedDb ?? (await openDatabase(target!, { logError: () => {} }));
  if (!sharedDb) await migrate(db);
  const server = buildServer({
    accountSessionTtlSeconds: 1800,
    graphiql: false,
    logError: () => {},
    // Activation is asynchronous as in Stripe; tests need not wait a second for it.
    featureActivationDelayMs: 20,
    ...serverOptions,
    db,
  });
  const { url } = await server.start(0);
  return {
    url,
    db,
    server,
    async graphql(document, { token, variables, headers } = {}) {
      const query = typeof document === 'string' ? document : print(document);
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...headers,
        },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, ...((await response.json()) as object) };
    },
    async stop() {
      await server.stop();
      if (!sharedDb) await db.close();
      await drop();
    },
  };
}

export async function testDatabase(): Promise<{ target: DatabaseTarget; drop: () => Promise<void> }> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) return { target: { kind: 'pglite', dataDir: null }, drop: async () => {} };
  const name = `gateway_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    target: { kind: 'postgres', url: url.toString(), poolSize: 5 },
    async drop() {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}
