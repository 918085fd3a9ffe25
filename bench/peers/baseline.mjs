// The hand-written baseline of the read-graph benchmark: graphql-js, pg and
// dataloader, and nothing else, serving the gateway's own schema
// (schema/schema.graphql) for the dashboard query's fields, with the same SQL
// statements the gateway sent for it when this baseline was written: the API
// key by its hash, then per level one keyset page for all parents (LATERAL,
// limit + 1) and one statement per batched list (capabilities, features,
// addresses, balances): 9 statements. Same scope rule (platform and mode),
// same cursors, same answers (the benchmark checks the data is equal to the
// gateway's). No operation limits, cost or input checks: that is the gateway's
// extra work.
//
//   DATABASE_URL=postgres://... PORT=0 node baseline.mjs
import { createServer } from 'node:http';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import DataLoader from 'dataloader';
import pg from 'pg';
import { buildSchema, execute, parse, validate } from 'graphql';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10, options: '-c TimeZone=UTC' });
// int8 as BigInt, as the gateway reads it.
const types = {
  getTypeParser: (oid, format) => (oid === 20 ? (value) => BigInt(value) : pg.types.getTypeParser(oid, format)),
};
const sql = (text, values) => pool.query({ text, values, types }).then((result) => result.rows);

const schema = buildSchema(readFileSync(new URL('../../schema/schema.graphql', import.meta.url), 'utf8'));

const enumName = (value) => value.replace(/[.]/g, '_').toUpperCase();
const MAX_MINOR_UNITS = 2n ** 53n - 1n;
schema.getType('DateTime').serialize = (value) => value.toISOString();
schema.getType('MinorUnits').serialize = (value) => {
  const amount = BigInt(value);
  if (amount > MAX_MINOR_UNITS || amount < -MAX_MINOR_UNITS) throw new Error(`The amount ${amount} cannot be represented exactly in JSON.`);
  return Number(amount);
};
schema.getType('Metadata').serialize = (value) => value;

// ------------------------------------------------------------------ pages

const ROOT = '__root__';
const DEFAULT_PAGE_SIZE = 10;
const cursorOf = (order, row) => Buffer.from(JSON.stringify([order, row[order].getTime(), row.id])).toString('base64url');

/** Forward pages only (the dashboard's): for each parent, its newest `limit` rows and whether more follow. */
async function keysetPages(table, parentColumn, where, whereValues, parentIds, limit) {
  const ids = parentColumn ? [...new Set(parentIds)] : [ROOT];
  const n = whereValues.length;
  const matchesParent = parentColumn ? `t."${parentColumn}" = p.parent` : 'TRUE';
  const rows = await sql(
    `SELECT p.parent AS "__parent", FALSE AS "__beyond", c.*
     FROM unnest($${n + 1}::text[]) AS p(parent)
     LEFT JOIN LATERAL (
       SELECT t.* FROM "${table}" t
       WHERE ${matchesParent} AND t."createdAt" IS NOT NULL AND ${where}
       ORDER BY t."createdAt" DESC, t."id" DESC
       LIMIT $${n + 2}
     ) c ON TRUE`,
    [...whereValues, ids, limit + 1],
  );
  const slices = new Map(ids.map((id) => [id, []]));
  for (const row of rows) if (row.id !== null) slices.get(row.__parent).push(row);
  return (parentColumn ? parentIds : [ROOT]).map((id) => {
    const all = slices.get(id);
    const nodes = all.slice(0, limit);
    const edges = nodes.map((node) => ({ cursor: cursorOf('createdAt', node), node }));
    return {
      edges,
      nodes,
      pageInfo: {
        hasNextPage: all.length > limit,
        hasPreviousPage: false,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
    };
  });
}

function createLoaders(viewer) {
  const scope = `t."platformId" = $1 AND t."livemode" = $2`;
  const scopeValues = [viewer.platformId, viewer.livemode];
  const pages = new Map();
  const pageLoader = (table, parentColumn, where, limit) => {
    const key = `${table}:${limit}`;
    if (!pages.has(key)) {
      pages.set(key, new DataLoader((parentIds) => keysetPages(table, parentColumn, where, scopeValues, parentIds, limit)));
    }
    return pages.get(key);
  };
  const grouped = (column, text) =>
    new DataLoader(async (ids) => {
      const groups = new Map(ids.map((id) => [id, []]));
      for (const row of await sql(text, [ids])) groups.get(row[column])?.push(row);
      return ids.map((id) => groups.get(id));
    });
  return {
    connectedAccounts: (limit) => pageLoader('Account', null, `${scope} AND t."kind" = 'connected'`, limit).load(ROOT),
    financialAccounts: (accountId, limit) => pageLoader('FinancialAccount', 'accountId', scope, limit).load(accountId),
    transactions: (financialAccountId, limit) => pageLoader('Transaction', 'financialAccountId', scope, limit).load(financialAccountId),
    entries: (transactionId, limit) => pageLoader('TransactionEntry', 'transactionId', scope, limit).load(transactionId),
    capabilities: grouped('accountId', `SELECT "accountId", "name"::text, "requested", "status"::text, "updatedAt" FROM "AccountCapability" WHERE "accountId" = ANY($1::text[]) ORDER BY "AccountCapability"."name" ASC`),
    features: grouped('financialAccountId', `SELECT "financialAccountId", "feature"::text, "requested", "status"::text, "statusDetails", "updatedAt" FROM "FeatureSetting" WHERE "financialAccountId" = ANY($1::text[]) ORDER BY "FeatureSetting"."feature" ASC`),
    addresses: grouped('financialAccountId', `SELECT * FROM "FinancialAddress" WHERE "financialAccountId" = ANY($1::text[]) ORDER BY "createdAt" ASC`),
    balances: grouped('financialAccountId', `SELECT * FROM "FinancialAccountBalance" WHERE "financialAccountId" = ANY($1::text[])`),
  };
}

// ------------------------------------------------------------------ resolvers

const pageSize = (args) => args.first ?? DEFAULT_PAGE_SIZE;
const impact = (row) => ({ cash: row.cashImpact, inboundPending: row.inboundPendingImpact, outboundPending: row.outboundPendingImpact });
const featuresIn = (status) => async (row, _args, ctx) =>
  (await ctx.loaders.features.load(row.id)).filter((f) => f.requested && f.status === status).map((f) => enumName(f.feature));

function balance(supportedCurrencies, sums) {
  const zero = { cash: 0n, inboundPending: 0n, outboundPending: 0n };
  const byCurrency = new Map(supportedCurrencies.map((currency) => [currency, zero]));
  for (const row of sums) {
    const was = byCurrency.get(row.currency) ?? zero;
    byCurrency.set(row.currency, {
      cash: was.cash + row.cash,
      inboundPending: was.inboundPending + row.inboundPending,
      outboundPending: was.outboundPending + row.outboundPending,
    });
  }
  const currencies = [...byCurrency.keys()].sort();
  const list = (key) => currencies.map((currency) => ({ currency, amount: byCurrency.get(currency)[key] }));
  return { cash: list('cash'), inboundPending: list('inboundPending'), outboundPending: list('outboundPending') };
}

const resolvers = {
  Query: {
    connectedAccounts: (_root, args, ctx) => ctx.loaders.connectedAccounts(pageSize(args)),
  },
  ConnectedAccount: {
    capabilities: (row, _args, ctx) => ctx.loaders.capabilities.load(row.id),
    created: (row) => row.createdAt,
    financialAccounts: (row, args, ctx) => ctx.loaders.financialAccounts(row.id, pageSize(args)),
  },
  Capability: {
    name: (row) => enumName(row.name),
    status: (row) => enumName(row.status),
  },
  FinancialAccount: {
    status: (row) => enumName(row.status),
    activeFeatures: featuresIn('active'),
    pendingFeatures: featuresIn('pending'),
    restrictedFeatures: featuresIn('restricted'),
    balance: async (row, _args, ctx) => balance(row.supportedCurrencies, await ctx.loaders.balances.load(row.id)),
    financialAddresses: (row, _args, ctx) => ctx.loaders.addresses.load(row.id),
    created: (row) => row.createdAt,
    transactions: (row, args, ctx) => ctx.loaders.transactions(row.id, pageSize(args)),
  },
  FinancialAddress: {
    type: (row) => enumName(row.type),
    aba: (row) => row,
  },
  FinancialAddressAba: {
    accountNumber: () => null,
  },
  Transaction: {
    status: (row) => enumName(row.status),
    flowType: (row) => enumName(row.flowType),
    created: (row) => row.createdAt,
    balanceImpact: impact,
    statusTransitions: (row) => ({ postedAt: row.postedAt, voidAt: row.voidAt }),
    entries: (row, args, ctx) => ctx.loaders.entries(row.id, pageSize(args)),
  },
  TransactionEntry: {
    type: (row) => enumName(row.type),
    flowType: (row) => enumName(row.flowType),
    created: (row) => row.createdAt,
    balanceImpact: impact,
  },
};
for (const [typeName, fields] of Object.entries(resolvers)) {
  const type = schema.getType(typeName).getFields();
  for (const [fieldName, resolve] of Object.entries(fields)) type[fieldName].resolve = resolve;
}

// ------------------------------------------------------------------ HTTP

async function authenticate(header) {
  const match = /^Bearer\s+(sk_(?:test|live)_\S+)$/i.exec(header ?? '');
  if (!match) return null;
  const hash = createHash('sha256').update(match[1]).digest('hex');
  const [key] = await sql(`SELECT "platformId", "livemode", "revokedAt" FROM "ApiKey" WHERE "secretHash" = $1 LIMIT 1`, [hash]);
  return key && !key.revokedAt ? { platformId: key.platformId, livemode: key.livemode } : null;
}

/** Parsed and validated documents by their text, as yoga and PostGraphile keep them. */
const documents = new Map();
function documentOf(query) {
  let entry = documents.get(query);
  if (!entry) {
    const document = parse(query);
    entry = { document, errors: validate(schema, document) };
    if (documents.size > 100) documents.clear();
    documents.set(query, entry);
  }
  return entry;
}

const server = createServer(async (req, res) => {
  const send = (status, body) => {
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
    res.end(text);
  };
  try {
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    const { query, variables, operationName } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    const viewer = await authenticate(req.headers.authorization);
    if (!viewer) return send(401, { errors: [{ message: 'Invalid API key.' }] });
    const { document, errors } = documentOf(query);
    if (errors.length) return send(400, { errors });
    const result = await execute({ schema, document, variableValues: variables, operationName, contextValue: { viewer, loaders: createLoaders(viewer) } });
    send(200, result);
  } catch (error) {
    send(500, { errors: [{ message: String(error) }] });
  }
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const url = `http://127.0.0.1:${server.address().port}/graphql`;
  if (process.send) process.send({ ready: url });
  else console.log(url);
});
