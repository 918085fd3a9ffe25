// `npm start`: reads the configuration, reaches the database (and Redis),
// migrates (or, with MIGRATE_ON_START=false, checks that nothing is pending),
// seeds demo data on first start (embedded database), and serves the API until
// SIGTERM or SIGINT, when it drains and exits 0. A start that cannot proceed
// ends with one clear line on stderr and exit code 1.
import { loadConfig } from './config.ts';
import { ensureDemoData, EXAMPLE_QUERY } from './demo.ts';
import { ensurePlatform } from './services/platform-bootstrap.ts';
import { buildServer } from './server.ts';
import { InMemoryEventBus, type EventBus } from './events/event-bus.ts';
import { RedisEventBus } from './events/redis-event-bus.ts';
import { createLogger } from './logger.ts';
import { loadPersistedOperations } from './persisted-operations.ts';
import { failureLine, prepareSchema, reachDatabase, reachRedis } from './startup.ts';

async function main() {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  // A crash is still a crash (exit 1, as Node does by default), but it leaves a JSON line, not a bare stack.
  for (const event of ['uncaughtException', 'unhandledRejection'] as const) {
    process.on(event, (error) => {
      logger.fatal({ err: error }, `${event}: exiting`);
      process.exit(1);
    });
  }
  const persistedOperations = config.persistedOperationsPath ? loadPersistedOperations(config.persistedOperationsPath) : null;
  const resources: Array<() => Promise<void>> = [];
  const release = async () => {
    for (const close of resources.splice(0).reverse()) await close().catch(() => {});
  };
  // A stop requested while starting: release what is open (the data directory's lock first of all) and go.
  const stopWhileStarting = (signal: NodeJS.Signals) => {
    logger.info({ signal }, `${signal} while starting: stopping`);
    void release().then(() => process.exit(0));
  };
  process.on('SIGINT', stopWhileStarting);
  process.on('SIGTERM', stopWhileStarting);
  try {
    let eventBus: EventBus = new InMemoryEventBus();
    if (config.redisUrl) {
      eventBus = await reachRedis(config.redisUrl, config, logger);
      resources.push(() => eventBus.close());
    }
    const db = await reachDatabase(config, (error) => logger.error({ err: error }, 'database pool error'));
    resources.push(() => db.close());
    await prepareSchema(db, config, logger);

    const redis = eventBus instanceof RedisEventBus ? eventBus : null;
    const server = buildServer({
      db,
      eventBus,
      logger,
      accountSessionTtlSeconds: config.accountSessionTtlSeconds,
      limits: config.limits,
      transport: config.transport,
      introspection: config.introspection,
      // With REDIS_URL every instance spends from the same budgets.
      rateLimit: config.rateLimit ? { ...config.rateLimit, redisUrl: config.redisUrl } : false,
      maxOpenFinancialAccountsPerAccount: config.maxOpenFinancialAccountsPerAccount,
      ...config.selfMovingDelays,
      graphiql: config.graphiql && { defaultQuery: EXAMPLE_QUERY },
      readinessChecks: redis ? { redis: () => redis.ready() } : {},
      persistedOperations,
      shutdownTimeoutMs: config.shutdownTimeoutMs,
    });
    // First start: the demo world (embedded default), or just the platform and its own financial account.
    const dataDir = config.database.kind === 'pglite' ? config.database.dataDir : null;
    const demo = config.seedDemoData ? await ensureDemoData(db, dataDir) : { secretKey: null, seeded: false };
    if (demo.seeded) logger.info('Seeded demo data.');
    const platform = await ensurePlatform(server.services.unitOfWork, { name: config.platformName });
    const shownKey = demo.secretKey ?? platform.secretKey;
    if (platform.secretKey) {
      logger.info({ platform: platform.platformId }, `Created the platform ${platform.platformId} and its financial account; its test-mode secret key is shown this once: keep it.`);
    }
    server.setGraphiQLHeaders(shownKey ? { Authorization: `Bearer ${shownKey}` } : undefined);

    if (config.redisUrl) logger.info('Subscriptions and rate limits shared with other instances through Redis.');
    if (persistedOperations) logger.info({ count: persistedOperations.size }, `Running only the ${persistedOperations.size} persisted operations of ${config.persistedOperationsPath}.`);
    if (persistedOperations && config.graphiql) logger.warn('GraphiQL sends operations as text, which PERSISTED_OPERATIONS refuses: set GRAPHIQL=false.');
    const { url } = await server.start(config.port, config.host);
    resources.length = 0; // From here on, shutdown() releases everything, in its order.
    if (shownKey) logger.info({ platformKey: shownKey }, `Test-mode platform key: ${shownKey}`);
    const database = config.database.kind === 'pglite' ? `embedded PostgreSQL in ${dataDir}` : 'PostgreSQL (DATABASE_URL)';
    logger.info(
      {
        endpoint: url,
        ...(config.graphiql ? { graphiql: url } : {}),
        database,
        redis: Boolean(config.redisUrl),
        persistedOperations: persistedOperations?.size ?? null,
      },
      config.graphiql ? `Treasury GraphQL gateway on ${database}; GraphiQL: ${url}` : `Treasury GraphQL gateway on ${database}; GraphQL endpoint: ${url}`,
    );

    let stopping = false;
    const shutdown = async (signal: NodeJS.Signals) => {
      if (stopping) return;
      stopping = true;
      logger.info({ signal }, `${signal}: draining, then shutting down`);
      try {
        await server.stop();
        await eventBus.close();
        await db.close();
        logger.info('Stopped.');
        process.exit(0);
      } catch (error) {
        logger.fatal({ err: error }, 'Shutdown failed');
        process.exit(1);
      }
    };
    process.off('SIGINT', stopWhileStarting);
    process.off('SIGTERM', stopWhileStarting);
    process.on('SIGINT', () => void shutdown('SIGINT'));
    process.on('SIGTERM', () => void shutdown('SIGTERM'));
  } catch (error) {
    await release();
    throw error;
  }
}

main().catch((error) => {
  process.stderr.write(`${failureLine(error)}\n`);
  process.exit(1);
});
