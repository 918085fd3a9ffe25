// Scope: an object outside the caller's scope is indistinguishable from one
// that does not exist, through every path of the read graph.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './gql/index.ts';
import { startGateway, type GraphQLResponse, type TestGateway } from './support/gateway.ts';
import {
  createAccountSession,
  createConnectedAccount,
  createFinancialAccount,
  createFlows,
  createPlatform,
  type FlowSpec,
} from './support/fixtures.ts';
import { newId, type IdType } from '../src/domain/ids.ts';

let gateway: TestGateway;

/** The objects of one connected account (or of a platform's own account). */
interface Owned {
  account: string;
  financialAccount: string;
  transaction: string;
  flow: string;
  entry: string;
}

let p1: { platformId: string; secretKey: string };
let p2: { platformId: string; secretKey: string };
/** P1's connected accounts A and B, P2's connected account C, and P1's own financial account. */
let a: Owned;
let aSecondFinancialAccount: string;
let b: Owned;
let c: Owned;
let p1Own: Omit<Owned, 'account'>;
let sessionA: string;

// A's ABA account number, as its activation made it.
let ACCOUNT_NUMBER_A: string;

const FLOWS: FlowSpec[] = [
  { flowType: 'received_credit', outcome: 'succeeded', amount: 10_000n, at: new Date('2026-03-01T00:00:00Z') },
  { flowType: 'outbound_transfer', outcome: 'posted', amount: 2_500n, at: new Date('2026-03-02T00:00:00Z') },
];

/** A response as it speaks of the objects: without the credential's budget, which each request spends. */
function answer(res: GraphQLResponse<unknown>) {
  const { budget: _spent, ...cost } = res.extensions?.cost ?? {};
  return { ...res, extensions: { ...res.extensions, cost } };
}

async function owned(platformId: string, accountId: string) {
  const prisma = gateway.db.prisma;
  const fa = await createFinancialAccount(gateway, { platformId, accountId });
  const [transaction] = await createFlows(gateway, fa, FLOWS);
  const entry = await prisma.transactionEntry.findFirstOrThrow({ where: { transactionId: transaction.id } });
  const address = await prisma.financialAddress.findFirstOrThrow({ where: { financialAccountId: fa.id } });
  return { financialAccount: fa.id, transaction: transaction.id!, flow: transaction.flow, entry: entry.id, accountNumber: address.accountNumber };
}

const NODE = graphql(`query ScopeNode($id: ID!) { node(id: $id) { __typename id } }`);
const NODES = graphql(`query ScopeNodes($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }`);
const NODE_AND_NODES = graphql(`
  query ScopeNodeAndNodes($id: ID!, $ids: [ID!]!) {
    node(id: $id) { __typename id }
    nodes(ids: $ids) { __typename id }
    again: node(id: $id) { __typename id }
  }
`);

const ROOT_FIELDS = graphql(`
  query ScopeRootFields($account: ID!, $fa: ID!, $trxn: ID!, $entry: ID!) {
    connectedAccount(id: $account) { id }
    financialAccount(id: $fa) { id }
    transaction(id: $trxn) { id }
    transactionEntry(id: $entry) { id }
  }
`);

const LISTS = graphql(`
  query ScopeLists {
    platform { id financialAccounts(first: 100) { nodes { id } } }
    connectedAccounts(first: 100) { nodes { id financialAccounts(first: 100) { nodes { id } } } }
    financialAccounts(first: 100) { nodes { id connectedAccount { id } } }
  }
`);

const FOREIGN_FILTERS = graphql(`
  query ScopeForeignFilters($fa: ID!, $flow: ID!, $trxn: ID!) {
    financialAccount(id: $fa) {
      id
      transactions(first: 100, filter: { flow: $flow }) { nodes { id } pageInfo { hasNextPage hasPreviousPage } }
      transactionEntries(first: 100, filter: { transaction: $trxn }) { nodes { id } pageInfo { hasNextPage hasPreviousPage } }
    }
  }
`);

/** Every field that takes an id, at once: what a prober could learn about one id. */
const PROBE = graphql(`
  query ScopeProbe($id: ID!) {
    node(id: $id) { __typename id }
    nodes(ids: [$id]) { __typename id }
    connectedAccount(id: $id) { id displayName }
    financialAccount(id: $id) { id balance { cash { currency amount } } }
    transaction(id: $id) { id amount }
    transactionEntry(id: $id) { id }
  }
`);

/** Paths from A's own objects to their relations: they must stay within A. */
const RELATIONS = graphql(`
  query ScopeRelations($fa: ID!, $trxn: ID!, $entry: ID!) {
    financialAccount(id: $fa) {
      connectedAccount { id financialAccounts(first: 100) { nodes { id } } }
      transactions(first: 100) { nodes { id financialAccount { id } entries(first: 100) { nodes { id } } } }
      transactionEntries(first: 100) { nodes { id transaction { id } financialAccount { id } } }
    }
    transaction(id: $trxn) { financialAccount { id } entries(first: 100) { nodes { id transaction { id } } } }
    transactionEntry(id: $entry) { transaction { id } financialAccount { id } }
  }
`);

const ABA = graphql(`
  query ScopeAba($fa: ID!) {
    financialAccount(id: $fa) { financialAddresses { aba { accountNumber accountNumberLast4 routingNumber } } }
  }
`);

beforeAll(async () => {
  gateway = await startGateway();
  p1 = await createPlatform(gateway, { name: 'Scope Platform One' });
  p2 = await createPlatform(gateway, { name: 'Scope Platform Two' });
  const accountA = (await createConnectedAccount(gateway, p1.platformId, { createdAt: new Date('2026-01-03T00:00:00Z') })).id;
  const accountB = (await createConnectedAccount(gateway, p1.platformId, { createdAt: new Date('2026-01-02T00:00:00Z') })).id;
  const accountC = (await createConnectedAccount(gateway, p2.platformId, { createdAt: new Date('2026-01-01T00:00:00Z') })).id;
  const ownedA = await owned(p1.platformId, accountA);
  a = { account: accountA, ...ownedA };
  ACCOUNT_NUMBER_A = ownedA.accountNumber;

  aSecondFinancialAccount = (await owned(p1.platformId, accountA)).financialAccount;
  b = { account: accountB, ...(await owned(p1.platformId, accountB)) };
  c = { account: accountC, ...(await owned(p2.platformId, accountC)) };
  p1Own = await owned(p1.platformId, p1.platformId);
  sessionA = await createAccountSession(gateway, p1.platformId, accountA);
});

afterAll(() => gateway?.stop());

const idsOf = (o: Owned) => [o.account, o.financialAccount, o.transaction, o.entry];
const sorted = (ids: string[]) => [...ids].sort();

/** A's credential, both ways. */
const CREDENTIALS_OF_A = [
  { name: 'an account session of A', auth: () => ({ token: sessionA, headers: {} as Record<string, string> }) },
  { name: 'P1\'s key with Stripe-Context: A', auth: () => ({ token: p1.secretKey, headers: { 'stripe-context': a.account } }) },
];

describe.each(CREDENTIALS_OF_A)('with $name', ({ auth }) => {
  const foreign = () => [
    { owner: 'B (same platform)', objects: b },
    { owner: 'C (other platform)', objects: c },
  ];

  it('node(id:) is null for every object of B and C, without errors', async () => {
    for (const { objects } of foreign()) {
      for (const id of idsOf(objects)) {
        const res = await gateway.graphql(NODE, { ...auth(), variables: { id } });
        expect(res.errors, id).toBeUndefined();
        expect(res.data!.node, id).toBeNull();
      }
    }
    // P1's own financial account, transaction, entry and the platform account itself are not A's either.
    for (const id of [p1.platformId, p1Own.financialAccount, p1Own.transaction, p1Own.entry]) {
      const res = await gateway.graphql(NODE, { ...auth(), variables: { id } });
      expect(res.errors, id).toBeUndefined();
      expect(res.data!.node, id).toBeNull();
    }
  });

  it('nodes(ids:) is null in the place of each foreign object, and A\'s objects in theirs', async () => {
    const ids = [...idsOf(b), a.financialAccount, ...idsOf(c), a.transaction, p1Own.financialAccount];
    const res = await gateway.graphql(NODES, { ...auth(), variables: { ids } });
    expect(res.errors).toBeUndefined();
    expect(res.data!.nodes).toEqual([
      null, null, null, null,
      { __typename: 'FinancialAccount', id: a.financialAccount },
      null, null, null, null,
      { __typename: 'Transaction', id: a.transaction },
      null,
    ]);
  });

  it('node and nodes asking for the same objects in one operation both resolve them, every time', async () => {
    // Both share the request's pending loads; each must still tell which type an object is.
    const ids = [a.account, a.financialAccount, a.transaction, a.entry];
    for (let round = 0; round < 25; round++) {
      for (const id of ids) {
        const res = await gateway.graphql(NODE_AND_NODES, { ...auth(), variables: { id, ids } });
        expect(res.errors, `${id}, round ${round}`).toBeUndefined();
        expect(res.data!.node).toEqual(res.data!.again);
        expect(res.data!.nodes.map((n) => n?.id)).toEqual(ids);
      }
    }
  });

  it('the root fields are null for B\'s and C\'s ids and return A\'s', async () => {
    for (const o of [b, c]) {
      const res = await gateway.graphql(ROOT_FIELDS, {
        ...auth(),
        variables: { account: o.account, fa: o.financialAccount, trxn: o.transaction, entry: o.entry },
      });
      expect(res.errors).toBeUndefined();
      expect(res.data).toEqual({ connectedAccount: null, financialAccount: null, transaction: null, transactionEntry: null });
    }
    const own = await gateway.graphql(ROOT_FIELDS, {
      ...auth(),
      variables: { account: a.account, fa: a.financialAccount, trxn: a.transaction, entry: a.entry },
    });
    expect(own.errors).toBeUndefined();
    expect(own.data).toEqual({
      connectedAccount: { id: a.account },
      financialAccount: { id: a.financialAccount },
      transaction: { id: a.transaction },
      transactionEntry: { id: a.entry },
    });
  });

  it('the lists hold only A\'s objects, and platform is null', async () => {
    const res = await gateway.graphql(LISTS, auth());
    expect(res.errors).toBeUndefined();
    expect(res.data!.platform).toBeNull();
    expect(res.data!.connectedAccounts.nodes.map((n) => n.id)).toEqual([a.account]);
    expect(sorted(res.data!.connectedAccounts.nodes[0].financialAccounts.nodes.map((n) => n.id))).toEqual(
      sorted([a.financialAccount, aSecondFinancialAccount]),
    );
    expect(sorted(res.data!.financialAccounts.nodes.map((n) => n.id))).toEqual(sorted([a.financialAccount, aSecondFinancialAccount]));
    for (const fa of res.data!.financialAccounts.nodes) expect(fa.connectedAccount).toEqual({ id: a.account });
  });

  it('filters naming a foreign flow or transaction on A\'s financial account are empty', async () => {
    for (const o of [b, c]) {
      const res = await gateway.graphql(FOREIGN_FILTERS, {
        ...auth(),
        variables: { fa: a.financialAccount, flow: o.flow, trxn: o.transaction },
      });
      expect(res.errors).toBeUndefined();
      const fa = res.data!.financialAccount!;
      expect(fa.transactions.nodes).toEqual([]);
      expect(fa.transactions.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: false });
      expect(fa.transactionEntries.nodes).toEqual([]);
      expect(fa.transactionEntries.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: false });
    }
    // The same filters with A's own flow and transaction do find them.
    const own = await gateway.graphql(FOREIGN_FILTERS, {
      ...auth(),
      variables: { fa: a.financialAccount, flow: a.flow, trxn: a.transaction },
    });
    expect(own.errors).toBeUndefined();
    expect(own.data!.financialAccount!.transactions.nodes).toEqual([{ id: a.transaction }]);
    expect(own.data!.financialAccount!.transactionEntries.nodes.map((n) => n.id)).toContain(a.entry);
  });

  it('filters naming a foreign object on a foreign financial account reveal nothing either', async () => {
    const res = await gateway.graphql(FOREIGN_FILTERS, {
      ...auth(),
      variables: { fa: b.financialAccount, flow: b.flow, trxn: b.transaction },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.financialAccount).toBeNull();
  });

  it('relations from A\'s objects stay within A', async () => {
    const res = await gateway.graphql(RELATIONS, {
      ...auth(),
      variables: { fa: a.financialAccount, trxn: a.transaction, entry: a.entry },
    });
    expect(res.errors).toBeUndefined();
    const fa = res.data!.financialAccount!;
    expect(fa.connectedAccount!.id).toBe(a.account);
    expect(sorted(fa.connectedAccount!.financialAccounts.nodes.map((n) => n.id))).toEqual(
      sorted([a.financialAccount, aSecondFinancialAccount]),
    );
    expect(fa.transactions.nodes).toHaveLength(2);
    const aEntries = new Set(fa.transactionEntries.nodes.map((e) => e.id));
    for (const t of fa.transactions.nodes) {
      expect(t.financialAccount.id).toBe(a.financialAccount);
      for (const e of t.entries.nodes) expect(aEntries.has(e.id)).toBe(true);
    }
    for (const e of fa.transactionEntries.nodes) expect(e.financialAccount.id).toBe(a.financialAccount);
    expect(res.data!.transaction!.financialAccount.id).toBe(a.financialAccount);
    expect(res.data!.transactionEntry).toEqual({ transaction: { id: a.transaction }, financialAccount: { id: a.financialAccount } });
  });

  it('answers for a foreign object exactly as for a made-up id of the same prefix', async () => {
    const types: IdType[] = ['ConnectedAccount', 'FinancialAccount', 'Transaction', 'TransactionEntry'];
    for (const o of [b, c]) {
      const ids = idsOf(o);
      for (const [i, type] of types.entries()) {
        const real = await gateway.graphql(PROBE, { ...auth(), variables: { id: ids[i] } });
        const madeUp = await gateway.graphql(PROBE, { ...auth(), variables: { id: newId(type) } });
        expect(answer(real), ids[i]).toEqual(answer(madeUp));
        expect(real.status).toBe(200);
        expect(real.errors).toBeUndefined();
        expect(real.data).toEqual({
          node: null,
          nodes: [null],
          connectedAccount: null,
          financialAccount: null,
          transaction: null,
          transactionEntry: null,
        });
      }
    }
  });

  it('sees A\'s full ABA account number only through the platform key', async () => {
    const res = await gateway.graphql(ABA, { ...auth(), variables: { fa: a.financialAccount } });
    expect(res.errors).toBeUndefined();
    const aba = res.data!.financialAccount!.financialAddresses[0].aba!;
    expect(aba.accountNumberLast4).toBe(ACCOUNT_NUMBER_A.slice(-4));
    expect(aba.routingNumber).toBe('110000000');
    const { token } = auth();
    expect(aba.accountNumber).toBe(token === p1.secretKey ? ACCOUNT_NUMBER_A : null);
  });
});

describe('platforms', () => {
  it('P1\'s key without context sees A and B (and its own), none of P2\'s', async () => {
    const lists = await gateway.graphql(LISTS, { token: p1.secretKey });
    expect(lists.errors).toBeUndefined();
    expect(lists.data!.platform!.id).toBe(p1.platformId);
    expect(lists.data!.platform!.financialAccounts.nodes.map((n) => n.id)).toEqual([p1Own.financialAccount]);
    expect(lists.data!.connectedAccounts.nodes.map((n) => n.id)).toEqual([a.account, b.account]);
    expect(sorted(lists.data!.financialAccounts.nodes.map((n) => n.id))).toEqual(
      sorted([a.financialAccount, aSecondFinancialAccount, b.financialAccount, p1Own.financialAccount]),
    );

    const nodes = await gateway.graphql(NODES, { token: p1.secretKey, variables: { ids: [...idsOf(a), ...idsOf(b), ...idsOf(c)] } });
    expect(nodes.errors).toBeUndefined();
    expect(nodes.data!.nodes.map((n) => n?.id ?? null)).toEqual([...idsOf(a), ...idsOf(b), null, null, null, null]);

    const rootC = await gateway.graphql(ROOT_FIELDS, {
      token: p1.secretKey,
      variables: { account: c.account, fa: c.financialAccount, trxn: c.transaction, entry: c.entry },
    });
    expect(rootC.errors).toBeUndefined();
    expect(rootC.data).toEqual({ connectedAccount: null, financialAccount: null, transaction: null, transactionEntry: null });
  });

  it('P2\'s key sees none of P1\'s objects', async () => {
    const lists = await gateway.graphql(LISTS, { token: p2.secretKey });
    expect(lists.errors).toBeUndefined();
    expect(lists.data!.platform!.id).toBe(p2.platformId);
    expect(lists.data!.platform!.financialAccounts.nodes).toEqual([]);
    expect(lists.data!.connectedAccounts.nodes.map((n) => n.id)).toEqual([c.account]);
    expect(lists.data!.financialAccounts.nodes.map((n) => n.id)).toEqual([c.financialAccount]);

    const ids = [...idsOf(a), ...idsOf(b), p1Own.financialAccount, p1Own.transaction, p1Own.entry];
    const nodes = await gateway.graphql(NODES, { token: p2.secretKey, variables: { ids } });
    expect(nodes.errors).toBeUndefined();
    expect(nodes.data!.nodes).toEqual(ids.map(() => null));

    for (const o of [a, b]) {
      const root = await gateway.graphql(ROOT_FIELDS, {
        token: p2.secretKey,
        variables: { account: o.account, fa: o.financialAccount, trxn: o.transaction, entry: o.entry },
      });
      expect(root.errors).toBeUndefined();
      expect(root.data).toEqual({ connectedAccount: null, financialAccount: null, transaction: null, transactionEntry: null });
    }

    // And a foreign filter on its own account finds nothing of P1's.
    const filtered = await gateway.graphql(FOREIGN_FILTERS, {
      token: p2.secretKey,
      variables: { fa: c.financialAccount, flow: a.flow, trxn: a.transaction },
    });
    expect(filtered.errors).toBeUndefined();
    expect(filtered.data!.financialAccount!.transactions.nodes).toEqual([]);
    expect(filtered.data!.financialAccount!.transactionEntries.nodes).toEqual([]);
  });

  it('P2\'s view of a P1 object is identical to its view of a made-up id', async () => {
    const types: IdType[] = ['ConnectedAccount', 'FinancialAccount', 'Transaction', 'TransactionEntry'];
    for (const [i, type] of types.entries()) {
      const real = await gateway.graphql(PROBE, { token: p2.secretKey, variables: { id: idsOf(a)[i] } });
      const madeUp = await gateway.graphql(PROBE, { token: p2.secretKey, variables: { id: newId(type) } });
      expect(answer(real)).toEqual(answer(madeUp));
      expect(real.data!.node).toBeNull();
    }
  });

  it('the full ABA account number is visible to the platform key', async () => {
    const res = await gateway.graphql(ABA, { token: p1.secretKey, variables: { fa: a.financialAccount } });
    expect(res.errors).toBeUndefined();
    expect(res.data!.financialAccount!.financialAddresses[0].aba).toEqual({
      accountNumber: ACCOUNT_NUMBER_A,
      accountNumberLast4: ACCOUNT_NUMBER_A.slice(-4),
      routingNumber: '110000000',
    });
  });

  it('an account session sees its last 4 digits but not the full ABA account number', async () => {
    const res = await gateway.graphql(ABA, { token: sessionA, variables: { fa: a.financialAccount } });
    expect(res.errors).toBeUndefined();
    expect(res.data!.financialAccount!.financialAddresses[0].aba).toEqual({
      accountNumber: null,
      accountNumberLast4: ACCOUNT_NUMBER_A.slice(-4),
      routingNumber: '110000000',
    });
  });
});

describe('node(id:)', () => {
  it('dispatches on the prefix: acct_, fa_, trxn_ and trxne_ resolve to their types', async () => {
    const expected = [
      { __typename: 'ConnectedAccount', id: a.account },
      { __typename: 'FinancialAccount', id: a.financialAccount },
      { __typename: 'Transaction', id: a.transaction },
      { __typename: 'TransactionEntry', id: a.entry },
    ];
    for (const node of expected) {
      const res = await gateway.graphql(NODE, { token: p1.secretKey, variables: { id: node.id } });
      expect(res.errors).toBeUndefined();
      expect(res.data!.node).toEqual(node);
    }
    const many = await gateway.graphql(NODES, { token: p1.secretKey, variables: { ids: [...idsOf(b), ...idsOf(a)] } });
    expect(many.errors).toBeUndefined();
    expect(many.data!.nodes.map((n) => n?.__typename)).toEqual([
      'ConnectedAccount', 'FinancialAccount', 'Transaction', 'TransactionEntry',
      'ConnectedAccount', 'FinancialAccount', 'Transaction', 'TransactionEntry',
    ]);
  });

  it('does not resolve an id through the wrong type when its random part belongs to another object', async () => {
    // fa_<random part of A's transaction>: same characters, wrong prefix.
    const swapped = `fa_${a.transaction.slice('trxn_'.length)}`;
    const res = await gateway.graphql(NODE, { token: p1.secretKey, variables: { id: swapped } });
    expect(res.errors).toBeUndefined();
    expect(res.data!.node).toBeNull();
  });

  const UNKNOWN_IDS: Array<[string, () => string]> = [
    ['a word', () => 'garbage'],
    ['an empty string', () => ''],
    ['a prefix alone', () => 'fa_'],
    ['an unknown prefix', () => 'xyz_abcdefghijklmnopqrstuvwx'],
    ['an upper-case prefix', () => `FA_${a.financialAccount.slice(3)}`],
    ['a known id with a suffix', () => `${a.financialAccount}-1`],
    ['an id of a type that is not a Node (account session)', () => newId('AccountSession')],
    ['an id of a type that is not a Node (API key)', () => newId('ApiKey')],
    ['an id of a type that is not a Node (financial address)', () => newId('FinancialAddress')],
    ['a money-movement id (outbound transfer)', () => newId('OutboundTransfer')],
    ['a money-movement id (received credit)', () => newId('ReceivedCredit')],
    ['an event id', () => newId('Event')],
    // Longer than any of ours, within the 255 any ID may have (longer is BAD_USER_INPUT: test/bad-input.test.ts).
    ['a very long id', () => `fa_${'a'.repeat(252)}`],
  ];

  it.each(UNKNOWN_IDS)('is null, not an error, for %s', async (_name, id) => {
    const res = await gateway.graphql(NODE, { token: p1.secretKey, variables: { id: id() } });
    expect(res.status).toBe(200);
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ node: null });
  });

  it('nodes(ids:) is null for each unknown or garbage id and still resolves the others', async () => {
    const unknown = UNKNOWN_IDS.map(([, id]) => id());
    const res = await gateway.graphql(NODES, { token: p1.secretKey, variables: { ids: [a.account, ...unknown, a.entry] } });
    expect(res.errors).toBeUndefined();
    expect(res.data!.nodes).toEqual([
      { __typename: 'ConnectedAccount', id: a.account },
      ...unknown.map(() => null),
      { __typename: 'TransactionEntry', id: a.entry },
    ]);
  });

  it('an account session gets null, not an error, for garbage ids too', async () => {
    const res = await gateway.graphql(NODES, { token: sessionA, variables: { ids: ['garbage', newId('OutboundTransfer'), a.account] } });
    expect(res.errors).toBeUndefined();
    expect(res.data!.nodes).toEqual([null, null, { __typename: 'ConnectedAccount', id: a.account }]);
  });
});
