// Who is asking: platform secret keys, Stripe-Context, account sessions, and
// every way a credential is refused, through the real server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './gql/index.ts';
import { startGateway, type TestGateway } from './support/gateway.ts';
import { createAccountSession, createConnectedAccount, createFinancialAccount, createPlatform } from './support/fixtures.ts';
import { buildServer } from '../src/server.ts';
import { newId } from '../src/domain/ids.ts';
import { hashSecret, newClientSecret, newSecretKey } from '../src/domain/secrets.ts';

let gateway: TestGateway;

/** Platform P1 (test mode) with connected accounts A and B; platform P2 with C. */
let p1: { platformId: string; secretKey: string };
let p2: { platformId: string; secretKey: string };
let accountA: string;
let accountB: string;
let accountC: string;
/** A live-mode connected account of P1, with a live-mode financial account. */
let liveAccount: string;
let liveFinancialAccount: string;
/** A test-mode financial account of A, to tell that the live one is hidden for the mode and nothing else. */
let financialAccountA: string;
/** A live-mode secret key of P1. */
let liveKey: string;

const WHO_AM_I = graphql(`
  query AuthWhoAmI {
    platform { id displayName }
    connectedAccounts(first: 100) { nodes { id livemode } }
  }
`);

const CREATE_SESSION = graphql(`
  mutation AuthCreateSession($account: ID!) {
    createAccountSession(input: { account: $account }) {
      accountSession { id clientSecret expiresAt livemode account { id } }
      userErrors { code message field }
    }
  }
`);

const LIVE_OBJECTS = graphql(`
  query AuthLiveObjects($account: ID!, $fa: ID!) {
    connectedAccount(id: $account) { id }
    financialAccount(id: $fa) { id }
    node(id: $account) { id }
    nodes(ids: [$account, $fa]) { id }
    connectedAccounts(first: 100) { nodes { id } }
    financialAccounts(first: 100) { nodes { id livemode } }
  }
`);

const sessionCount = () => gateway.db.prisma.accountSession.count();

function expectUnauthenticated(res: { status: number; data?: unknown; errors?: Array<{ message: string; extensions?: Record<string, any> }> }) {
  expect(res.status).toBe(401);
  expect(res.data ?? null).toBeNull();
  expect(res.errors).toHaveLength(1);
  expect(res.errors![0].extensions?.code).toBe('UNAUTHENTICATED');
  return res.errors![0].message;
}

beforeAll(async () => {
  gateway = await startGateway();
  const prisma = gateway.db.prisma;
  p1 = await createPlatform(gateway, { name: 'Auth Platform One' });
  p2 = await createPlatform(gateway, { name: 'Auth Platform Two' });
  accountA = (await createConnectedAccount(gateway, p1.platformId, { displayName: 'Auth A', createdAt: new Date('2026-01-02T00:00:00Z') })).id;
  accountB = (await createConnectedAccount(gateway, p1.platformId, { displayName: 'Auth B', createdAt: new Date('2026-01-01T00:00:00Z') })).id;
  accountC = (await createConnectedAccount(gateway, p2.platformId, { displayName: 'Auth C' })).id;
  financialAccountA = (await createFinancialAccount(gateway, { platformId: p1.platformId, accountId: accountA })).id;
  liveAccount = (await createConnectedAccount(gateway, p1.platformId, { displayName: 'Auth Live', livemode: true })).id;
  liveFinancialAccount = (
    await createFinancialAccount(gateway, { platformId: p1.platformId, accountId: liveAccount, livemode: true })
  ).id;
  liveKey = newSecretKey(true);
  await prisma.apiKey.create({
    data: { id: newId('ApiKey'), platformId: p1.platformId, livemode: true, secretHash: hashSecret(liveKey), last4: liveKey.slice(-4) },
  });
});

afterAll(() => gateway?.stop());

describe('requests without a valid credential', () => {
  it('refuses a request without an Authorization header with 401 UNAUTHENTICATED, saying what to send', async () => {
    const res = await gateway.graphql(WHO_AM_I);
    const message = expectUnauthenticated(res);
    expect(message).toMatch(/Authorization: Bearer/);
    expect(message).toMatch(/secret key/);
    expect(message).toMatch(/client secret/);
  });

  it('answers 401 with a WWW-Authenticate: Bearer challenge', async () => {
    const response = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ platform { id } }' }),
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
  });

  it.each([
    ['a Basic credential', 'Basic x'],
    ['Bearer without a token', 'Bearer'],
    ['Bearer followed by blanks only', 'Bearer    '],
    ['Bearer with two tokens', 'Bearer sk_test_aaaaaaaaaaaaaaaa extra'],
    ['a bare token without the scheme', 'sk_test_aaaaaaaaaaaaaaaaaaaa'],
  ])('refuses a malformed Authorization header (%s) with 401', async (_name, header) => {
    const res = await gateway.graphql(WHO_AM_I, { headers: { authorization: header } });
    const message = expectUnauthenticated(res);
    expect(message).toMatch(/Bearer/);
  });

  it('refuses an unknown sk_test_ key with 401 and does not echo it', async () => {
    const unknown = newSecretKey(false);
    const res = await gateway.graphql(WHO_AM_I, { token: unknown });
    const message = expectUnauthenticated(res);
    expect(message).toMatch(/invalid api key/i);
    expect(message).not.toContain(unknown);
  });

  it('refuses an unknown sk_live_ key with 401', async () => {
    const res = await gateway.graphql(WHO_AM_I, { token: newSecretKey(true) });
    expect(expectUnauthenticated(res)).toMatch(/invalid api key/i);
  });

  it('refuses a revoked key with 401', async () => {
    const revoked = newSecretKey(false);
    await gateway.db.prisma.apiKey.create({
      data: {
        id: newId('ApiKey'),
        platformId: p1.platformId,
        livemode: false,
        secretHash: hashSecret(revoked),
        last4: revoked.slice(-4),
        revokedAt: new Date(Date.now() - 60_000),
      },
    });
    const res = await gateway.graphql(WHO_AM_I, { token: revoked });
    expect(expectUnauthenticated(res)).toMatch(/invalid api key/i);
  });

  it('refuses an unknown account session client secret with 401', async () => {
    const unknown = newClientSecret();
    const res = await gateway.graphql(WHO_AM_I, { token: unknown });
    const message = expectUnauthenticated(res);
    expect(message).toMatch(/invalid account session client secret/i);
    expect(message).not.toContain(unknown);
  });

  it.each([
    ['a word', 'garbage'],
    ['a publishable key', 'pk_test_aaaaaaaaaaaaaaaaaaaaaaaa'],
    ['a secret key that is too short', 'sk_test_abc'],
    ['a restricted key', 'rk_test_aaaaaaaaaaaaaaaaaaaaaaaa'],
    ['an account id', 'acct_aaaaaaaaaaaaaaaaaaaaaaaa'],
  ])('refuses a garbage token (%s) with 401, naming the credentials it accepts', async (_name, token) => {
    const res = await gateway.graphql(WHO_AM_I, { token });
    const message = expectUnauthenticated(res);
    expect(message).toMatch(/secret key/);
    expect(message).toMatch(/client secret/);
  });
});

describe('GraphiQL', () => {
  it('serves its page without credentials', async () => {
    const server = buildServer({ db: gateway.db, accountSessionTtlSeconds: 60, graphiql: {}, logError: () => {} });
    const { url } = await server.start(0);
    try {
      const page = await fetch(url, { headers: { accept: 'text/html' } });
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/text\/html/);
      const html = await page.text();
      expect(html).toMatch(/<html/i);
      expect(html).toMatch(/graphiql/i);
      // The page is public; the API behind it is not.
      const api = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ platform { id } }' }),
      });
      expect(api.status).toBe(401);
    } finally {
      await server.stop();
    }
  });
});

describe('a platform secret key', () => {
  it('acts as its platform', async () => {
    const res = await gateway.graphql(WHO_AM_I, { token: p1.secretKey });
    expect(res.status).toBe(200);
    expect(res.errors).toBeUndefined();
    expect(res.data!.platform).toEqual({ id: p1.platformId, displayName: 'Auth Platform One' });
    expect(res.data!.connectedAccounts.nodes.map((a) => a.id)).toEqual([accountA, accountB]);

    const other = await gateway.graphql(WHO_AM_I, { token: p2.secretKey });
    expect(other.data!.platform).toEqual({ id: p2.platformId, displayName: 'Auth Platform Two' });
    expect(other.data!.connectedAccounts.nodes.map((a) => a.id)).toEqual([accountC]);
  });

  it.each(['stripe-context', 'stripe-account', 'Stripe-Context'])(
    'acts as one connected account with the %s header',
    async (header) => {
      const res = await gateway.graphql(WHO_AM_I, { token: p1.secretKey, headers: { [header]: accountB } });
      expect(res.status).toBe(200);
      expect(res.errors).toBeUndefined();
      expect(res.data!.platform).toBeNull();
      expect(res.data!.connectedAccounts.nodes.map((a) => a.id)).toEqual([accountB]);
    },
  );

  it('is refused with 401 when Stripe-Context names another platform\'s account, as for one that does not exist', async () => {
    const foreign = await gateway.graphql(WHO_AM_I, { token: p1.secretKey, headers: { 'stripe-context': accountC } });
    const foreignMessage = expectUnauthenticated(foreign);
    expect(foreignMessage).toMatch(/Stripe-Context/);

    const missingId = newId('ConnectedAccount');
    const missing = await gateway.graphql(WHO_AM_I, { token: p1.secretKey, headers: { 'stripe-context': missingId } });
    const missingMessage = expectUnauthenticated(missing);
    // The two refusals differ only by the id they echo: nothing tells that C exists elsewhere.
    expect(foreignMessage.replace(accountC, '<id>')).toBe(missingMessage.replace(missingId, '<id>'));
  });

  it.each([
    ['the older Stripe-Account header naming another platform\'s account', 'stripe-account', () => accountC],
    ['a malformed id', 'stripe-context', () => 'not an id'],
    ['the platform\'s own account id', 'stripe-context', () => p1.platformId],
    ['a financial account id', 'stripe-context', () => financialAccountA],
  ])('is refused with 401 for %s', async (_name, header, value) => {
    const res = await gateway.graphql(WHO_AM_I, { token: p1.secretKey, headers: { [header]: value() } });
    expect(expectUnauthenticated(res)).toMatch(/Stripe-Context/);
  });
});

describe('account sessions', () => {
  it('are created by the platform key: a client secret, an expiry 30 minutes ahead and the account', async () => {
    const before = Date.now();
    const res = await gateway.graphql(CREATE_SESSION, { token: p1.secretKey, variables: { account: accountA } });
    const after = Date.now();
    expect(res.errors).toBeUndefined();
    const payload = res.data!.createAccountSession;
    expect(payload.userErrors).toEqual([]);
    const session = payload.accountSession!;
    expect(session.id).toMatch(/^accs_[0-9A-Za-z]{24}$/);
    expect(session.clientSecret).toMatch(/^accs_secret__[0-9A-Za-z]{16,}$/);
    expect(session.livemode).toBe(false);
    expect(session.account.id).toBe(accountA);
    const expiresAt = new Date(session.expiresAt).getTime();
    expect(expiresAt).toBeGreaterThanOrEqual(before + 1800_000 - 1000);
    expect(expiresAt).toBeLessThanOrEqual(after + 1800_000 + 1000);

    // The secret acts as A alone.
    const asA = await gateway.graphql(WHO_AM_I, { token: session.clientSecret });
    expect(asA.status).toBe(200);
    expect(asA.errors).toBeUndefined();
    expect(asA.data!.platform).toBeNull();
    expect(asA.data!.connectedAccounts.nodes.map((a) => a.id)).toEqual([accountA]);
    const b = await gateway.graphql(graphql(`query AuthAccountById($id: ID!) { connectedAccount(id: $id) { id } }`), {
      token: session.clientSecret,
      variables: { id: accountB },
    });
    expect(b.errors).toBeUndefined();
    expect(b.data!.connectedAccount).toBeNull();

    // Only a hash of the secret is stored.
    const row = await gateway.db.prisma.accountSession.findUniqueOrThrow({ where: { id: session.id } });
    expect(row.accountId).toBe(accountA);
    expect(row.platformId).toBe(p1.platformId);
    expect(row.secretHash).not.toBe(session.clientSecret);
    expect(row.secretHash).not.toContain(session.clientSecret.slice('accs_secret__'.length));
    expect(JSON.stringify(row)).not.toContain(session.clientSecret);
    expect(row.secretHash).toBe(hashSecret(session.clientSecret));
  });

  it('are created by the platform key with Stripe-Context for that account only', async () => {
    const own = await gateway.graphql(CREATE_SESSION, {
      token: p1.secretKey,
      headers: { 'stripe-context': accountA },
      variables: { account: accountA },
    });
    expect(own.errors).toBeUndefined();
    expect(own.data!.createAccountSession.userErrors).toEqual([]);
    expect(own.data!.createAccountSession.accountSession!.account.id).toBe(accountA);

    const count = await sessionCount();
    const other = await gateway.graphql(CREATE_SESSION, {
      token: p1.secretKey,
      headers: { 'stripe-context': accountA },
      variables: { account: accountB },
    });
    expect(other.errors).toBeUndefined();
    expect(other.data!.createAccountSession.accountSession).toBeNull();
    expect(other.data!.createAccountSession.userErrors).toEqual([
      expect.objectContaining({ code: 'resource_missing', field: ['input', 'account'] }),
    ]);
    expect(await sessionCount()).toBe(count);
  });

  it.each([
    ['an unknown account id', () => newId('ConnectedAccount')],
    ['another platform\'s account', () => accountC],
    ['a malformed id', () => 'not-an-account'],
    ['a financial account id', () => financialAccountA],
    ['the platform\'s own account id', () => p1.platformId],
    ['a live-mode account, with a test-mode key', () => liveAccount],
  ])('report %s as a resource_missing user error and write nothing', async (_name, account) => {
    const count = await sessionCount();
    const id = account();
    const res = await gateway.graphql(CREATE_SESSION, { token: p1.secretKey, variables: { account: id } });
    expect(res.status).toBe(200);
    expect(res.errors).toBeUndefined();
    const payload = res.data!.createAccountSession;
    expect(payload.accountSession).toBeNull();
    expect(payload.userErrors).toHaveLength(1);
    expect(payload.userErrors[0]).toMatchObject({ code: 'resource_missing', field: ['input', 'account'] });
    expect(payload.userErrors[0].message).toContain(id);
    expect(await sessionCount()).toBe(count);
  });

  it('cannot be created with an account session: FORBIDDEN, nothing written', async () => {
    const secret = await createAccountSession(gateway, p1.platformId, accountA);
    const count = await sessionCount();
    for (const account of [accountA, accountB]) {
      const res = await gateway.graphql(CREATE_SESSION, { token: secret, variables: { account } });
      expect(res.data ?? null).toBeNull();
      expect(res.errors).toHaveLength(1);
      expect(res.errors![0].extensions?.code).toBe('FORBIDDEN');
      expect(res.errors![0].path).toEqual(['createAccountSession']);
    }
    expect(await sessionCount()).toBe(count);
  });

  it('are refused once expired, with 401 saying so', async () => {
    const expired = await createAccountSession(gateway, p1.platformId, accountA, new Date(Date.now() - 1000));
    const res = await gateway.graphql(WHO_AM_I, { token: expired });
    expect(expectUnauthenticated(res)).toMatch(/expired/i);
  });

  it('work until they expire', async () => {
    const fresh = await createAccountSession(gateway, p1.platformId, accountA, new Date(Date.now() + 60_000));
    const res = await gateway.graphql(WHO_AM_I, { token: fresh });
    expect(res.status).toBe(200);
    expect(res.data!.connectedAccounts.nodes.map((a) => a.id)).toEqual([accountA]);
  });

  it.each([
    ['Stripe-Context naming its own account', 'stripe-context', () => accountA],
    ['Stripe-Context naming another account', 'stripe-context', () => accountB],
    ['Stripe-Account naming another account', 'stripe-account', () => accountB],
  ])('are refused together with %s', async (_name, header, value) => {
    const secret = await createAccountSession(gateway, p1.platformId, accountA);
    const res = await gateway.graphql(WHO_AM_I, { token: secret, headers: { [header]: value() } });
    expect(expectUnauthenticated(res)).toMatch(/Stripe-Context/);
  });
});

describe('modes', () => {
  it('a test-mode key does not see live-mode objects', async () => {
    const res = await gateway.graphql(LIVE_OBJECTS, {
      token: p1.secretKey,
      variables: { account: liveAccount, fa: liveFinancialAccount },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.connectedAccount).toBeNull();
    expect(res.data!.financialAccount).toBeNull();
    expect(res.data!.node).toBeNull();
    expect(res.data!.nodes).toEqual([null, null]);
    expect(res.data!.connectedAccounts.nodes.map((a) => a.id)).toEqual([accountA, accountB]);
    expect(res.data!.financialAccounts.nodes.map((fa) => fa.id)).toEqual([financialAccountA]);
  });

  it('a live-mode key sees live-mode objects and not test-mode ones', async () => {
    const res = await gateway.graphql(LIVE_OBJECTS, {
      token: liveKey,
      variables: { account: liveAccount, fa: liveFinancialAccount },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.connectedAccount).toEqual({ id: liveAccount });
    expect(res.data!.financialAccount).toEqual({ id: liveFinancialAccount });
    expect(res.data!.nodes).toEqual([{ id: liveAccount }, { id: liveFinancialAccount }]);
    expect(res.data!.connectedAccounts.nodes.map((a) => a.id)).toEqual([liveAccount]);
    expect(res.data!.financialAccounts.nodes).toEqual([{ id: liveFinancialAccount, livemode: true }]);

    const testObjects = await gateway.graphql(LIVE_OBJECTS, {
      token: liveKey,
      variables: { account: accountA, fa: financialAccountA },
    });
    expect(testObjects.data!.connectedAccount).toBeNull();
    expect(testObjects.data!.financialAccount).toBeNull();
  });

  it('a test-mode key cannot act as a live-mode account through Stripe-Context', async () => {
    const res = await gateway.graphql(LIVE_OBJECTS, {
      token: p1.secretKey,
      headers: { 'stripe-context': liveAccount },
      variables: { account: liveAccount, fa: liveFinancialAccount },
    });
    // The live account does not exist for a test-mode key, so naming it is refused like any unknown account.
    expect(expectUnauthenticated(res)).toMatch(/Stripe-Context/);
  });

  it('a live-mode key cannot act as a test-mode account through Stripe-Context', async () => {
    const res = await gateway.graphql(LIVE_OBJECTS, {
      token: liveKey,
      headers: { 'stripe-context': accountA },
      variables: { account: accountA, fa: financialAccountA },
    });
    expect(expectUnauthenticated(res)).toMatch(/Stripe-Context/);
  });
});
