// Operations too costly to run are refused before any SQL is sent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './gql/index.ts';
import { createPlatform } from './support/fixtures.ts';
import { startGateway, type TestGateway } from './support/gateway.ts';

let gateway: TestGateway;
let key: string;

beforeAll(async () => {
  gateway = await startGateway();
  ({ secretKey: key } = await createPlatform(gateway));
});
afterAll(() => gateway?.stop());

const NESTED = graphql(`
  query LimitsNested($a: Int, $f: Int, $t: Int, $e: Int) {
    connectedAccounts(first: $a) {
      nodes { financialAccounts(first: $f) { nodes { transactions(first: $t) { nodes { entries(first: $e) { nodes { id } } } } } } }
    }
  }
`);

describe('query cost limits', () => {
  it('runs the four-level query at 10/10/20/5 (12,110 nodes)', async () => {
    const res = await gateway.graphql(NESTED, { token: key, variables: { a: 10, f: 10, t: 20, e: 5 } });
    expect(res.errors).toBeUndefined();
  });

  it('refuses four levels at first: 100 before running any SQL, and says why', async () => {
    const before = gateway.db.statements.count;
    const res = await gateway.graphql(NESTED, { token: key, variables: { a: 100, f: 100, t: 100, e: 100 } });
    expect(res.data).toBeUndefined();
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', nodes: 101_010_100, maxNodes: 50_000 });
    expect(res.errors?.[0].message).toMatch(/smaller pages/);
    // Authentication reads the key; nothing else runs.
    expect(gateway.db.statements.count - before).toBe(1);
  });

  it('counts the default page size of 10 where first/last are not given', async () => {
    const res = await gateway.graphql(NESTED, { token: key, variables: { a: 100, f: 100 } });
    // 100 + 100·100 + 100·100·10 + 100·100·10·10 = 1,110,100
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', nodes: 1_110_100 });
  });

  it('refuses operations nested deeper than the limit', async () => {
    // Each round trip entry → transaction → financial account → entries adds four levels: 4·4 + 2 = 18.
    const hop = (inner: string) => `transaction { financialAccount { transactionEntries(first: 1) { nodes { ${inner} } } } }`;
    const deep = `{ transactionEntry(id: "trxne_x") { ${hop(hop(hop(hop('id'))))} } }`;
    const res = await gateway.graphql(deep, { token: key });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', maxDepth: 15 });
  });
});
