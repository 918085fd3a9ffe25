// PostGraphile v5 (the amber preset) over the gateway's tables, as a peer in
// the read-graph benchmark: `node --import ./with-resolvers.mjs postgraphile.mjs`.
// DATABASE_URL names the database, PORT the port (0: any free one). It serves
// the tables as they are, with PostGraphile's own names and no auth of its own.
import { createServer } from 'node:http';
import pg from 'pg';
import { postgraphile } from 'postgraphile';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';

// The same pool as the gateway's: 10 connections, sessions in UTC.
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10, options: '-c TimeZone=UTC' });
const preset = {
  extends: [PostGraphileAmberPreset],
  pgServices: [makePgService({ pool, schemas: ['public'] })],
  grafserv: { graphqlPath: '/graphql', graphiql: false, watch: false },
  grafast: { explain: false },
};
const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
const server = createServer();
serv.addTo(server);
await pgl.getSchema();
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const { port } = server.address();
  const url = `http://127.0.0.1:${port}/graphql`;
  if (process.send) process.send({ ready: url });
  else console.log(url);
});
