// `npm start`: reads the configuration, opens and migrates the database,
// seeds demo data on first start (embedded database), and serves the API.
import { ConfigError, loadConfig } from './config.ts';
import { openDatabase } from './db/database.ts';
import { migrate } from './db/migrate.ts';
import { ensureDemoData, EXAMPLE_QUERY } from './demo.ts';
import { ensurePlatform } from './services/platform-bootstrap.ts';
import { buildServer } from './server.ts';
import { InMemoryEventBus, type EventBus } from './events/event-bus.ts';
import { RedisEventBus } from './events/redis-event-bus.ts';

async function main() {
  const config = loadConfig();
  const db = await openDatabase(config.database);
  const applied = await migrate(db);
  if (applied.length) console.log(`Applied migrations: ${applied.join(', ')}`);

  let eventBus: EventBus = new InMemoryEventBus();
  if (config.redisUrl) {
    const redis = new RedisEventBus(config.redisUrl);
    await redis.ready();
    eventBus = redis;
  }

  const server = buildServer({
    db,
    eventBus,
    accountSessionTtlSeconds: config.accountSessionTtlSeconds,
    limits: config.limits,
    transport: config.transport,
    introspection: config.introspection,
    // With REDIS_URL every instance spends from the same budgets.
    rateLimit: config.rateLimit ? { ...config.rateLimit, redisUrl: config.redisUrl } : false,
    maxOpenFinancialAccountsPerAccount: config.maxOpenFinancialAccountsPerAccount,
    featureActivationDelayMs: config.featureActivationDelayMs,
    graphiql: config.graphiql && { defaultQuery: EXAMPLE_QUERY },
  });
  // First start: the demo world (embedded default), or just the platform and its own financial account.
  const dataDir = config.database.kind === 'pglite' ? config.database.dataDir : null;
  const demo = config.seedDemoData ? await ensureDemoData(db, dataDir) : { secretKey: null, seeded: false };
  if (demo.seeded) console.log('Seeded demo data.');
  const platform = await ensurePlatform(server.services.unitOfWork, { name: config.platformName });
  const shownKey = demo.secretKey ?? platform.secretKey;
  if (platform.secretKey) {
    console.log(`Created the platform ${platform.platformId} and its financial account.`);
    console.log('Its test-mode secret key is shown this once: keep it.');
  }
  server.setGraphiQLHeaders(shownKey ? { Authorization: `Bearer ${shownKey}` } : undefined);

  const { url } = await server.start(config.port, config.host);
  const where = config.database.kind === 'pglite' ? `embedded PostgreSQL in ${dataDir}` : 'PostgreSQL (DATABASE_URL)';
  console.log(`Treasury GraphQL gateway on ${where}`);
  console.log(`GraphiQL: ${url}`);
  if (shownKey) console.log(`Test-mode platform key: ${shownKey}`);
  if (config.redisUrl) console.log('Subscriptions and rate limits shared with other instances through Redis.');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: shutting down`);
    await server.stop();
    await eventBus.close();
    await db.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? `Configuration error: ${error.message}` : error);
  process.exit(1);
});
