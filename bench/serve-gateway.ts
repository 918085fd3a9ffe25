// The gateway as a server process of its own, for bench/read-peers.ts: the
// real server (buildServer) over DATABASE_URL, with its authentication, scope,
// operation limits, input checks and a credential budget all on, as in
// production. The budget is large (the benchmark sends far more than a
// minute's worth from one key) but is still priced and spent on every request.
//
//   DATABASE_URL=postgres://... node --import tsx bench/serve-gateway.ts
//
// GATEWAY_ROOT serves another checkout of the gateway instead of this one (the
// same benchmark over an older commit, for a before/after in one run).
import { fileURLToPath, pathToFileURL } from 'node:url';
import { NO_SWEEPS } from '../test/support/no-sweeps.ts';

const root = process.env.GATEWAY_ROOT ?? fileURLToPath(new URL('..', import.meta.url));
const from = (path: string) => pathToFileURL(`${root}/${path}`).href;
const { openDatabase } = (await import(from('src/db/database.ts'))) as typeof import('../src/db/database.ts');
const { buildServer } = (await import(from('src/server.ts'))) as typeof import('../src/server.ts');

const db = await openDatabase({ kind: 'postgres', url: process.env.DATABASE_URL!, poolSize: 10 });
const server = buildServer({
  db,
  accountSessionTtlSeconds: 1800,
  graphiql: false,
  // No background sweeps: their statements would be counted with the measured ones.
  ...NO_SWEEPS,
  rateLimit: { points: 1_000_000_000, windowSeconds: 3600 },
  logError: (error) => console.error(error),
});
const { url } = await server.start(Number(process.env.PORT ?? 0), '127.0.0.1');
if (process.send) process.send({ ready: url });
else console.log(url);
process.on('disconnect', () => void server.stop().then(() => db.close()).finally(() => process.exit(0)));
