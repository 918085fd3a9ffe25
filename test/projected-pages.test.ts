// Pages of transactions and entries read only the columns their selection
// reads (src/graphql/row-columns.ts): each field of those types says which
// columns of its row it reads. These tests hold every field to what it says,
// by asking each one through a page (its declared columns only) and through a
// lookup by id (whole rows) and comparing the answers, and check the SQL a
// page sends.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildSchema,
  execute,
  getNamedType,
  GraphQLList,
  GraphQLObjectType as ObjectType,
  GraphQLSchema,
  GraphQLString,
  parse,
  isLeafType,
  isNonNullType,
  isObjectType,
  type GraphQLNamedType,
  type GraphQLObjectType,
} from 'graphql';
import { mixedFlows } from '../bench/read-graph-queries.ts';
import { connectionRowColumns } from '../src/graphql/row-columns.ts';
import { graphql } from './gql/index.ts';
import { NO_SWEEPS, startGateway, type TestGateway } from './support/gateway.ts';
import { createConnectedAccount, createFinancialAccount, createFlows, createPlatform } from './support/fixtures.ts';

let gateway: TestGateway;
let key: string;
let financialAccountId: string;
const schema = buildSchema(readFileSync(new URL('../schema/schema.graphql', import.meta.url), 'utf8'));

beforeAll(async () => {
  gateway = await startGateway({ ...NO_SWEEPS });
  const platform = await createPlatform(gateway);
  key = platform.secretKey;
  const account = await createConnectedAccount(gateway, platform.platformId, {});
  const fa = await createFinancialAccount(gateway, { platformId: platform.platformId, accountId: account.id });
  financialAccountId = fa.id;
  // Every ledger rule: open, posted and void transactions of every kind of flow, one or two entries each.
  await createFlows(gateway, fa, mixedFlows(new Date('2026-03-01T00:00:00Z')));
}, 120_000);

afterAll(() => gateway?.stop());

/**
 * A selection of `field` of `type`: the field itself if it is a leaf, else its leaves (a
 * connection's node ids, a union's or interface's typename and id), so that every field's
 * resolver runs and shows what it read.
 */
function selectionOf(type: GraphQLObjectType, field: string): string {
  const definition = type.getFields()[field];
  const named = getNamedType(definition.type);
  if (isLeafType(named)) return field;
  return `${field}${definition.args.some((arg) => arg.name === 'first') ? '(first: 3)' : ''} { ${innerSelection(named)} }`;
}

function innerSelection(type: GraphQLNamedType): string {
  if (!isObjectType(type)) return '__typename ... on Node { id }';
  const fields = type.getFields();
  if (fields.nodes && fields.pageInfo) return 'nodes { id }';
  const leaves = Object.values(fields).filter(
    (f) => isLeafType(getNamedType(f.type)) && !f.args.some((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined),
  );
  return ['__typename', ...leaves.map((f) => f.name)].join(' ');
}

/** Every field of the node type, asked through `list` (a page) and by id (whole rows): the same answers. */
async function compareEveryField(typeName: 'Transaction' | 'TransactionEntry', list: string) {
  const type = schema.getType(typeName) as GraphQLObjectType;
  const fields = Object.keys(type.getFields()).filter((f) => f !== 'id');
  expect(fields.length).toBeGreaterThan(8);
  for (const field of fields) {
    const selection = selectionOf(type, field);
    // Generated from the schema, so plain strings rather than typed documents.
    const page = await gateway.graphql(
      `query ($fa: ID!) { financialAccount(id: $fa) { ${list}(first: 50) { nodes { id ${selection} } } } }`,
      { token: key, variables: { fa: financialAccountId } },
    );
    expect(page.errors, `${typeName}.${field} through a page`).toBeUndefined();
    const nodes = page.data.financialAccount[list].nodes as Array<{ id: string }>;
    expect(nodes.length).toBeGreaterThan(20);
    const byId = await gateway.graphql(
      `query ($ids: [ID!]!) { nodes(ids: $ids) { ... on ${typeName} { id ${selection} } } }`,
      { token: key, variables: { ids: nodes.map((n) => n.id) } },
    );
    expect(byId.errors, `${typeName}.${field} by id`).toBeUndefined();
    expect(nodes, `${typeName}.${field}`).toEqual(byId.data.nodes);
  }
}

describe('pages read only the columns their selection reads', () => {
  it('answers every field of a transaction through a page as a whole row answers it', async () => {
    await compareEveryField('Transaction', 'transactions');
  });

  it('answers every field of an entry through a page as a whole row answers it', async () => {
    await compareEveryField('TransactionEntry', 'transactionEntries');
  });

  it('selects the columns of the fields asked, under nodes, edges and fragments', async () => {
    const log: string[] = [];
    gateway.db.statements.log = log;
    try {
      const res = await gateway.graphql(
        graphql(`
          query ProjectedPage($fa: ID!) {
            financialAccount(id: $fa) {
              transactions(first: 5) {
                edges { node { ...TransactionAmount } }
                nodes { entries(first: 2) { nodes { type } } }
              }
            }
          }
          fragment TransactionAmount on Transaction { amount statusTransitions { voidAt } }
        `),
        { token: key, variables: { fa: financialAccountId } },
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!.financialAccount!.transactions.edges).toHaveLength(5);
    } finally {
      gateway.db.statements.log = null;
    }
    const page = (table: string) => {
      const statements = log.filter((sql) => sql.includes(`FROM "${table}" t`) && sql.includes('LATERAL'));
      expect(statements, table).toHaveLength(1);
      const inner = /LATERAL \(\s*SELECT (.*?) FROM/s.exec(statements[0])![1];
      return inner.split(',').map((column) => column.trim());
    };
    // The page's own columns (id, parent, order) and those of the fields asked.
    expect(page('Transaction').sort()).toEqual(['t."amount"', 't."createdAt"', 't."financialAccountId"', 't."id"', 't."postedAt"', 't."voidAt"'].sort());
    expect(page('TransactionEntry').sort()).toEqual(['t."createdAt"', 't."id"', 't."transactionId"', 't."type"'].sort());
  });

  it('keeps two lists of one parent with different selections apart, and loads whole rows by id after a page', async () => {
    const res = await gateway.graphql(
      graphql(`
        query TwoSelections($fa: ID!) {
          financialAccount(id: $fa) {
            amounts: transactions(first: 4) { nodes { id amount } }
            flows: transactions(first: 4) { nodes { id flow livemode } }
          }
        }
      `),
      { token: key, variables: { fa: financialAccountId } },
    );
    expect(res.errors).toBeUndefined();
    const { amounts, flows } = res.data!.financialAccount!;
    expect(amounts.nodes.map((n) => n.id)).toEqual(flows.nodes.map((n) => n.id));
    for (const node of amounts.nodes) expect(typeof node.amount).toBe('number');
    for (const node of flows.nodes) {
      expect(node.flow).toMatch(/^[a-z]+_/);
      expect(node.livemode).toBe(false);
    }
    // The same transaction, from a page of ids only and then by id: the lookup has every column.
    const mixed = await gateway.graphql(
      graphql(`
        query PageThenNode($fa: ID!, $id: ID!) {
          financialAccount(id: $fa) { transactions(first: 1) { nodes { id } } }
          transaction(id: $id) { id flow description amount }
        }
      `),
      { token: key, variables: { fa: financialAccountId, id: amounts.nodes[0].id } },
    );
    expect(mixed.errors).toBeUndefined();
    expect(mixed.data!.transaction).toMatchObject({ id: amounts.nodes[0].id, flow: flows.nodes[0].flow, amount: amounts.nodes[0].amount });
    expect(mixed.data!.transaction!.description.length).toBeGreaterThan(0);

    // An entry's transaction: from the page's row when that holds what is asked, else read whole.
    const nested = await gateway.graphql(
      graphql(`
        query EntryTransactions($fa: ID!) {
          financialAccount(id: $fa) {
            transactions(first: 4) {
              nodes { id entries(first: 1) { nodes { transaction { id } again: transaction { description flow } } } }
            }
          }
        }
      `),
      { token: key, variables: { fa: financialAccountId } },
    );
    expect(nested.errors).toBeUndefined();
    const transactions = nested.data!.financialAccount!.transactions.nodes;
    transactions.forEach((transaction, i) => {
      const [entry] = transaction.entries.nodes;
      expect(entry.transaction.id).toBe(transaction.id);
      expect(entry.again.flow).toBe(flows.nodes[i].flow);
      expect(entry.again.description.length).toBeGreaterThan(0);
    });
  });
});

describe('the columns of a selection', () => {
  // A schema of its own: a field that says what it reads, one that does not, and a connection of them.
  const Item = new ObjectType({
    name: 'Item',
    fields: {
      id: { type: GraphQLString, extensions: { rowColumns: ['id'] } },
      said: { type: GraphQLString, extensions: { rowColumns: ['a', 'b'] } },
      exposed: { type: GraphQLString, extensions: { pothosExposedField: 'c' } },
      unsaid: { type: GraphQLString },
    },
  });
  const Connection = new ObjectType({
    name: 'ItemConnection',
    fields: { nodes: { type: new GraphQLList(Item) }, pageInfo: { type: GraphQLString }, edges: { type: new GraphQLList(new ObjectType({ name: 'ItemEdge', fields: { node: { type: Item } } })) } },
  });
  let seen: ReadonlyArray<string> | null | undefined;
  const testSchema = new GraphQLSchema({
    query: new ObjectType({
      name: 'Query',
      fields: { items: { type: Connection, resolve: (_root, _args, _ctx, info) => ((seen = connectionRowColumns(info)), { nodes: [] }) } },
    }),
  });
  const columnsOf = (query: string) => {
    seen = undefined;
    const result = execute({ schema: testSchema, document: parse(query) }) as { errors?: unknown };
    expect(result.errors).toBeUndefined();
    return seen;
  };

  it('are those its fields say, through nodes, edges, inline fragments and named fragments', () => {
    expect(columnsOf('{ items { nodes { id said } } }')).toEqual(['a', 'b', 'id']);
    expect(columnsOf('{ items { pageInfo edges { node { ... on Item { exposed } } } } }')).toEqual(['c']);
    expect(columnsOf('{ items { nodes { ...F } } } fragment F on Item { __typename said }')).toEqual(['a', 'b']);
    expect(columnsOf('{ items { pageInfo } }')).toEqual([]);
  });

  it('are every column (null) once a field that says nothing is asked, wherever it is', () => {
    expect(columnsOf('{ items { nodes { id unsaid } } }')).toBeNull();
    expect(columnsOf('{ items { nodes { id } edges { node { ...F } } } } fragment F on Item { unsaid }')).toBeNull();
  });
});
