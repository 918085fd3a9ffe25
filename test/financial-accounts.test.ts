// createFinancialAccount, updateFinancialAccount and closeFinancialAccount
// through the real server: Stripe's rules (each broken one a user error with
// its code and field, changing nothing), who may do what, the events written
// with the change, closing for good, and Stripe's Idempotency-Key.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './gql/index.ts';
import type { CreateFinancialAccountInput, UpdateFinancialAccountInput } from './gql/graphql.ts';
import { startGateway, type TestGateway } from './support/gateway.ts';
import {
  createAccountSession,
  createConnectedAccount,
  createFinancialAccount,
  createFlows,
  createPlatform,
  type FlowSpec,
} from './support/fixtures.ts';
import { newId } from '../src/domain/ids.ts';

const CLOSED_IN_LIST = graphql(`
  query FaClosedInList($account: ID!) {
    connectedAccount(id: $account) {
      financialAccounts(first: 20, filter: { status: CLOSED }) { nodes { id statusDetails { reasons } } }
    }
  }
`);

const MAX_OPEN = 3;

let gateway: TestGateway;
let p1: { platformId: string; secretKey: string };
let p2: { platformId: string; secretKey: string };

graphql(`
  fragment FaFields on FinancialAccount {
    id
    status
    statusDetails { reasons }
    nickname
    metadata
    supportedCurrencies
    country
    livemode
    created
    connectedAccount { id }
    activeFeatures
    pendingFeatures
    restrictedFeatures
    features { feature requested status statusDetails { code resolution restriction } }
    platformRestrictions { inboundFlows outboundFlows }
    financialAddresses { type supportedNetworks aba { accountNumber accountNumberLast4 routingNumber bankName accountHolderName } }
    balance { cash { currency amount } inboundPending { currency amount } outboundPending { currency amount } }
  }
`);

const CREATE = graphql(`
  mutation FaCreate($input: CreateFinancialAccountInput!) {
    createFinancialAccount(input: $input) {
      financialAccount { ...FaFields }
      userErrors { code message field }
    }
  }
`);

const UPDATE = graphql(`
  mutation FaUpdate($input: UpdateFinancialAccountInput!) {
    updateFinancialAccount(input: $input) {
      financialAccount { ...FaFields }
      userErrors { code message field }
    }
  }
`);

const CLOSE = graphql(`
  mutation FaClose($id: ID!) {
    closeFinancialAccount(input: { financialAccount: $id }) {
      financialAccount { ...FaFields }
      userErrors { code message field }
    }
  }
`);

const READ = graphql(`
  query FaRead($id: ID!) {
    financialAccount(id: $id) {
      ...FaFields
      transactions(first: 100) { nodes { id amount status } }
    }
  }
`);

const UPDATE_ACCOUNT = graphql(`
  mutation FaUpdateOwner($account: ID!, $status: CapabilityStatus!) {
    updateConnectedAccount(input: { account: $account, capabilities: [{ name: TREASURY, status: $status }] }) { userErrors { code } }
  }
`);

const CREATE_OWNER = graphql(`
  mutation FaCreateOwner($key: String!) {
    createConnectedAccount(input: { idempotencyKey: $key, capabilities: [{ name: TREASURY, status: ACTIVE }] }) {
      connectedAccount { id }
      userErrors { code field }
    }
  }
`);

const READ_TRANSACTION = graphql(`query FaReadTransaction($id: ID!) { transaction(id: $id) { id financialAccount { id status } } }`);

type Payload = {
  financialAccount?: { id: string } | null;
  userErrors: Array<{ code: string; message: string; field?: string[] | null }>;
};

const prisma = () => gateway.db.prisma;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until no requested feature waits for its asynchronous activation: nothing is then in flight. */
async function activationsSettled() {
  for (let i = 0; i < 400; i++) {
    const [{ n }] = await prisma().$queryRaw<Array<{ n: number }>>`
      SELECT count(*)::int AS n FROM "FeatureSetting"
      WHERE "status" = 'pending' AND "statusDetails" @> '[{"code": "activating"}]'::jsonb`;
    if (n === 0) return;
    await sleep(25);
  }
  throw new Error('feature activations did not settle');
}

/** Row counts of everything a financial-account mutation may write, once no activation is in flight. */
async function counts() {
  await activationsSettled();
  const db = prisma();
  const [financialAccounts, featureSettings, financialAddresses, events, idempotencyKeys] = await Promise.all([
    db.financialAccount.count(),
    db.featureSetting.count(),
    db.financialAddress.count(),
    db.event.count(),
    db.idempotencyKey.count(),
  ]);
  return { financialAccounts, featureSettings, financialAddresses, events, idempotencyKeys };
}

/** One financial account's row, features and addresses, to tell that a refused change changed nothing. */
async function faState(id: string) {
  const db = prisma();
  return {
    row: await db.financialAccount.findUnique({ where: { id } }),
    features: await db.featureSetting.findMany({ where: { financialAccountId: id }, orderBy: { feature: 'asc' } }),
    addresses: await db.financialAddress.findMany({ where: { financialAccountId: id }, orderBy: { id: 'asc' } }),
  };
}

const create = (input: CreateFinancialAccountInput, token = p1.secretKey, headers?: Record<string, string>) =>
  gateway.graphql(CREATE, { token, variables: { input }, headers });
const update = (input: UpdateFinancialAccountInput, token = p1.secretKey, headers?: Record<string, string>) =>
  gateway.graphql(UPDATE, { token, variables: { input }, headers });
const close = (id: string, token = p1.secretKey) => gateway.graphql(CLOSE, { token, variables: { id } });
const read = (id: string, token = p1.secretKey) => gateway.graphql(READ, { token, variables: { id } });

/** Opens a financial account through the API and returns it. */
async function opened(input: CreateFinancialAccountInput, token = p1.secretKey) {
  const res = await create(input, token);
  expect(res.errors).toBeUndefined();
  expect(res.data!.createFinancialAccount.userErrors).toEqual([]);
  return res.data!.createFinancialAccount.financialAccount!;
}

function expectUserError(payload: Payload, code: string, field: string[]) {
  expect(payload.financialAccount).toBeNull();
  expect(payload.userErrors).toHaveLength(1);
  expect(payload.userErrors[0]).toMatchObject({ code, field });
  expect(payload.userErrors[0].message.length).toBeGreaterThan(0);
}

/** Polls the financial account until `until` holds. */
async function eventually(id: string, until: (fa: NonNullable<Awaited<ReturnType<typeof read>>['data']>['financialAccount']) => boolean) {
  for (let i = 0; i < 200; i++) {
    const res = await read(id);
    if (until(res.data!.financialAccount)) return res.data!.financialAccount!;
    await sleep(25);
  }
  throw new Error(`financial account ${id} never reached the expected state`);
}

function eventsOf(objectId: string) {
  return prisma().event.findMany({ where: { objectId }, orderBy: { sequence: 'asc' } });
}

/** A connected account of P1 with every capability active (unless told otherwise). */
async function account(options: { capabilities?: Array<'treasury' | 'card_issuing' | 'us_bank_account_ach_payments' | 'transfers'>; status?: 'active' | 'inactive' | 'pending' } = {}) {
  const created = await createConnectedAccount(gateway, p1.platformId, { capabilityStatus: options.status });
  if (options.capabilities) {
    await prisma().accountCapability.deleteMany({ where: { accountId: created.id, name: { notIn: options.capabilities } } });
  }
  return created.id;
}

const metadataWithKeys = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, `v${i}`]));
const sorted = <T>(values: readonly T[]) => [...values].sort();

const ACTIVATING = [{ code: 'ACTIVATING', resolution: null, restriction: null }];
const CLOSED_DETAIL = [{ code: 'FINANCIAL_ACCOUNT_CLOSED', resolution: null, restriction: null }];

beforeAll(async () => {
  gateway = await startGateway({
    maxOpenFinancialAccountsPerAccount: MAX_OPEN,
    // Long enough that a mutation's payload shows features still activating; no sweep to activate them early.
    featureActivationDelayMs: 150,
    featureActivationSweepMs: 600_000,
  });
  p1 = await createPlatform(gateway, { name: 'Fa Platform One' });
  p2 = await createPlatform(gateway, { name: 'Fa Platform Two' });
});

afterAll(() => gateway?.stop());

describe('createFinancialAccount', () => {
  it('opens a financial account for a connected account with everything the platform may set', async () => {
    const owner = await account();
    const before = await counts();
    const res = await create({
      account: owner,
      supportedCurrencies: ['usd'],
      features: [
        { feature: 'FINANCIAL_ADDRESSES_ABA', requested: true },
        { feature: 'INBOUND_TRANSFERS_ACH', requested: true },
        { feature: 'OUTBOUND_TRANSFERS_ACH', requested: true },
      ],
      metadata: { purpose: 'payroll', team: 'ops' },
      nickname: 'Payroll',
      platformRestrictions: { outboundFlows: 'RESTRICTED' },
    });
    expect(res.errors).toBeUndefined();
    const payload = res.data!.createFinancialAccount;
    expect(payload.userErrors).toEqual([]);
    const fa = payload.financialAccount!;
    expect(fa.id).toMatch(/^fa_[0-9A-Za-z]{24}$/);
    expect(fa).toMatchObject({
      status: 'OPEN',
      statusDetails: null,
      nickname: 'Payroll',
      metadata: { purpose: 'payroll', team: 'ops' },
      supportedCurrencies: ['usd'],
      country: 'US',
      livemode: false,
      connectedAccount: { id: owner },
      platformRestrictions: { inboundFlows: null, outboundFlows: 'RESTRICTED' },
      activeFeatures: [],
      restrictedFeatures: ['OUTBOUND_TRANSFERS_ACH'],
      financialAddresses: [],
      balance: { cash: [{ currency: 'usd', amount: 0 }], inboundPending: [{ currency: 'usd', amount: 0 }], outboundPending: [{ currency: 'usd', amount: 0 }] },
    });
    // Activation is asynchronous: right after the request, the features it may activate are still activating.
    expect(sorted(fa.pendingFeatures)).toEqual(['FINANCIAL_ADDRESSES_ABA', 'INBOUND_TRANSFERS_ACH']);
    expect(fa.features).toEqual([
      { feature: 'FINANCIAL_ADDRESSES_ABA', requested: true, status: 'PENDING', statusDetails: ACTIVATING },
      { feature: 'INBOUND_TRANSFERS_ACH', requested: true, status: 'PENDING', statusDetails: ACTIVATING },
      {
        feature: 'OUTBOUND_TRANSFERS_ACH',
        requested: true,
        status: 'RESTRICTED',
        statusDetails: [{ code: 'RESTRICTED_BY_PLATFORM', resolution: 'REMOVE_RESTRICTION', restriction: 'OUTBOUND_FLOWS' }],
      },
    ]);

    const row = await prisma().financialAccount.findUniqueOrThrow({ where: { id: fa.id } });
    expect(row).toMatchObject({ platformId: p1.platformId, accountId: owner, status: 'open', outboundFlows: 'restricted', inboundFlows: null });

    // Then the activation: ACTIVE, with an ABA address whose full number only the platform sees.
    const active = await eventually(fa.id, (f) => f!.pendingFeatures.length === 0);
    expect(sorted(active.activeFeatures)).toEqual(['FINANCIAL_ADDRESSES_ABA', 'INBOUND_TRANSFERS_ACH']);
    expect(active.restrictedFeatures).toEqual(['OUTBOUND_TRANSFERS_ACH']);
    expect(active.financialAddresses).toHaveLength(1);
    const aba = active.financialAddresses[0].aba!;
    expect(aba.routingNumber).toBe('110000000');
    expect(aba.accountNumber).toMatch(/^\d{12}$/);
    expect(aba.accountNumberLast4).toBe(aba.accountNumber!.slice(-4));
    expect((await eventsOf(fa.id)).map((e) => e.type)).toEqual([
      'treasury.financial_account.created',
      'treasury.financial_account.features_status_updated',
    ]);
    expect(await counts()).toEqual({
      ...before,
      financialAccounts: before.financialAccounts + 1,
      featureSettings: before.featureSettings + 3,
      financialAddresses: before.financialAddresses + 1,
      events: before.events + 2,
    });
  });

  it('writes treasury.financial_account.created with the object in Stripe\'s shape, in the owner\'s scope', async () => {
    const owner = await account();
    const fa = await opened({
      account: owner,
      supportedCurrencies: ['usd'],
      features: [{ feature: 'FINANCIAL_ADDRESSES_ABA', requested: true }],
      metadata: { ref: 'x1' },
      nickname: 'Evented',
    });
    const [event] = await eventsOf(fa.id);
    expect(event.type).toBe('treasury.financial_account.created');
    expect(event.id).toMatch(/^evt_/);
    expect(event).toMatchObject({ platformId: p1.platformId, accountId: owner, livemode: false, objectId: fa.id });
    const object = (event.data as any).object;
    expect(object).toMatchObject({
      id: fa.id,
      object: 'treasury.financial_account',
      status: 'open',
      status_details: { closed: null },
      supported_currencies: ['usd'],
      nickname: 'Evented',
      metadata: { ref: 'x1' },
      livemode: false,
      country: 'US',
      active_features: [],
      pending_features: ['financial_addresses.aba'],
      restricted_features: [],
      platform_restrictions: null,
      financial_addresses: [],
      balance: { cash: { usd: 0 }, inbound_pending: { usd: 0 }, outbound_pending: { usd: 0 } },
      features: {
        object: 'treasury.financial_account_features',
        financial_addresses: {
          aba: { requested: true, status: 'pending', status_details: [{ code: 'activating', resolution: null, restriction: null }] },
        },
      },
    });
    expect(typeof object.created).toBe('number');
    expect(object.created).toBe(Math.floor(Date.parse(fa.created) / 1000));
  });

  it('opens the platform\'s own financial account when no account is given, with every feature available', async () => {
    const res = await create({
      supportedCurrencies: ['usd'],
      features: [{ feature: 'CARD_ISSUING', requested: true }, { feature: 'OUTBOUND_PAYMENTS_ACH', requested: true }],
      nickname: 'Platform operating',
    });
    expect(res.data!.createFinancialAccount.userErrors).toEqual([]);
    const fa = res.data!.createFinancialAccount.financialAccount!;
    expect(fa.connectedAccount).toBeNull();
    expect(sorted(fa.pendingFeatures)).toEqual(['CARD_ISSUING', 'OUTBOUND_PAYMENTS_ACH']);
    expect((await prisma().financialAccount.findUniqueOrThrow({ where: { id: fa.id } })).accountId).toBe(p1.platformId);
    const active = await eventually(fa.id, (f) => f!.activeFeatures.length === 2);
    expect(active.pendingFeatures).toEqual([]);
    const [event] = await eventsOf(fa.id);
    expect(event).toMatchObject({ type: 'treasury.financial_account.created', platformId: p1.platformId, accountId: p1.platformId });

    // Naming the platform's own account explicitly is the same (on P2, to leave P1's own accounts below the limit).
    const explicit = await opened({ account: p2.platformId, supportedCurrencies: ['usd'] }, p2.secretKey);
    expect(explicit.connectedAccount).toBeNull();
  });

  it('lets an account session open financial accounts for its own account only', async () => {
    const own = await account();
    const other = await account();
    const session = await createAccountSession(gateway, p1.platformId, own);

    const implicit = await opened({ supportedCurrencies: ['usd'], nickname: 'From session' }, session);
    expect(implicit.connectedAccount).toEqual({ id: own });
    const explicit = await opened({ account: own, supportedCurrencies: ['usd'] }, session);
    expect(explicit.connectedAccount).toEqual({ id: own });

    const before = await counts();
    for (const target of [other, p1.platformId, newId('ConnectedAccount')]) {
      const res = await create({ account: target, supportedCurrencies: ['usd'] }, session);
      expect(res.errors).toBeUndefined();
      expectUserError(res.data!.createFinancialAccount, 'resource_missing', ['input', 'account']);
    }
    expect(await counts()).toEqual(before);
    expect(await prisma().financialAccount.count({ where: { accountId: other } })).toBe(0);
  });

  it('lets the platform key with Stripe-Context open one for that account', async () => {
    const owner = await account();
    const res = await create({ supportedCurrencies: ['usd'] }, p1.secretKey, { 'Stripe-Context': owner });
    expect(res.data!.createFinancialAccount.userErrors).toEqual([]);
    expect(res.data!.createFinancialAccount.financialAccount!.connectedAccount).toEqual({ id: owner });
  });

  it('answers resource_missing for an account that is not the platform\'s', async () => {
    const foreign = (await createConnectedAccount(gateway, p2.platformId)).id;
    const before = await counts();
    for (const target of [foreign, p2.platformId, newId('ConnectedAccount'), newId('FinancialAccount'), 'garbage']) {
      const res = await create({ account: target, supportedCurrencies: ['usd'], features: [{ feature: 'FINANCIAL_ADDRESSES_ABA', requested: true }] });
      expect(res.errors).toBeUndefined();
      expectUserError(res.data!.createFinancialAccount, 'resource_missing', ['input', 'account']);
    }
    expect(await counts()).toEqual(before);
  });

  describe('refuses a broken rule with a user error and writes nothing', () => {
    let owner: string;
    beforeAll(async () => {
      owner = await account();
    });

    const cases: Array<[string, Partial<CreateFinancialAccountInput>, string, string[]]> = [
      ['no supported currency', { supportedCurrencies: [] }, 'parameter_invalid_empty', ['input', 'supportedCurrencies']],
      ['eur', { supportedCurrencies: ['eur'] }, 'parameter_invalid', ['input', 'supportedCurrencies', '0']],
      ['usd and eur', { supportedCurrencies: ['usd', 'eur'] }, 'parameter_invalid', ['input', 'supportedCurrencies', '1']],
      ['a blank nickname', { nickname: '   ' }, 'parameter_invalid_empty', ['input', 'nickname']],
      ['an empty nickname', { nickname: '' }, 'parameter_invalid_empty', ['input', 'nickname']],
      ['a nickname of 250 characters', { nickname: 'n'.repeat(250) }, 'parameter_invalid_string_too_long', ['input', 'nickname']],
      ['metadata with 51 keys', { metadata: metadataWithKeys(51) }, 'parameter_invalid', ['input', 'metadata']],
      ['a metadata key of 41 characters', { metadata: { ['k'.repeat(41)]: 'v' } }, 'parameter_invalid_string_too_long', ['input', 'metadata', 'k'.repeat(41)]],
      ['a metadata value of 501 characters', { metadata: { memo: 'v'.repeat(501) } }, 'parameter_invalid_string_too_long', ['input', 'metadata', 'memo']],
      [
        'a feature listed twice',
        { features: [{ feature: 'FINANCIAL_ADDRESSES_ABA', requested: true }, { feature: 'FINANCIAL_ADDRESSES_ABA', requested: false }] },
        'parameter_invalid',
        ['input', 'features', '1'],
      ],
      ['an empty idempotency key', { idempotencyKey: '' }, 'parameter_invalid', ['input', 'idempotencyKey']],
    ];

    it.each(cases)('%s', async (_name, input, code, field) => {
      const before = await counts();
      const res = await create({
        account: owner,
        supportedCurrencies: ['usd'],
        features: [{ feature: 'FINANCIAL_ADDRESSES_ABA', requested: true }],
        metadata: { fine: 'yes' },
        nickname: 'Fine',
        ...input,
      });
      expect(res.errors).toBeUndefined();
      expectUserError(res.data!.createFinancialAccount, code, field);
      expect(await counts()).toEqual(before);
    });

    it('accepts the values at the limits', async () => {
      const fa = await opened({
        account: owner,
        supportedCurrencies: ['usd'],
        nickname: 'n'.repeat(249),
        metadata: { ...metadataWithKeys(49), ['k'.repeat(40)]: 'v'.repeat(500) },
      });
      expect(fa.nickname).toHaveLength(249);
      expect(Object.keys(fa.metadata)).toHaveLength(50);
    });
  });

  it('requires the treasury capability', async () => {
    const owner = await account({ capabilities: ['card_issuing', 'transfers'] });
    const before = await counts();
    const res = await create({ account: owner, supportedCurrencies: ['usd'], features: [{ feature: 'FINANCIAL_ADDRESSES_ABA', requested: true }] });
    expectUserError(res.data!.createFinancialAccount, 'capability_required', ['input', 'account']);
    expect(await counts()).toEqual(before);
  });

  it('accepts a treasury capability still being verified: its features wait in REQUIREMENTS_PENDING_VERIFICATION', async () => {
    const owner = await account({ status: 'pending' });
    const fa = await opened({ account: owner, supportedCurrencies: ['usd'], features: [{ feature: 'FINANCIAL_ADDRESSES_ABA', requested: true }] });
    expect(fa.features).toEqual([
      {
        feature: 'FINANCIAL_ADDRESSES_ABA',
        requested: true,
        status: 'PENDING',
        statusDetails: [{ code: 'REQUIREMENTS_PENDING_VERIFICATION', resolution: null, restriction: null }],
      },
    ]);
    expect(fa.pendingFeatures).toEqual(['FINANCIAL_ADDRESSES_ABA']);
  });

  it('refuses card_issuing without the card_issuing capability', async () => {
    const owner = await account({ capabilities: ['treasury', 'us_bank_account_ach_payments'] });
    const before = await counts();
    const res = await create({
      account: owner,
      supportedCurrencies: ['usd'],
      features: [{ feature: 'FINANCIAL_ADDRESSES_ABA', requested: true }, { feature: 'CARD_ISSUING', requested: true }],
    });
    expectUserError(res.data!.createFinancialAccount, 'capability_required', ['input', 'features']);
    expect(await counts()).toEqual(before);
    // Not requesting it is fine.
    const fa = await opened({ account: owner, supportedCurrencies: ['usd'], features: [{ feature: 'CARD_ISSUING', requested: false }] });
    expect(fa.status).toBe('OPEN');
    expect(fa.pendingFeatures).toEqual([]);
    expect(fa.activeFeatures).toEqual([]);
  });

  it('allows at most the configured number of open financial accounts; closed ones never count', async () => {
    const owner = await account();
    // Two closed financial accounts from before: they take no place.
    await createFinancialAccount(gateway, { platformId: p1.platformId, accountId: owner }, { status: 'closed' });
    await createFinancialAccount(gateway, { platformId: p1.platformId, accountId: owner }, { status: 'closed' });
    const ids: string[] = [];
    for (let i = 0; i < MAX_OPEN; i++) ids.push((await opened({ account: owner, supportedCurrencies: ['usd'], nickname: `Slot ${i}` })).id);

    const before = await counts();
    const full = await create({ account: owner, supportedCurrencies: ['usd'], nickname: 'One too many' });
    expectUserError(full.data!.createFinancialAccount, 'financial_account_limit_reached', ['input', 'account']);
    expect(await counts()).toEqual(before);
    // The limit is per account: another account of the platform is not affected.
    await opened({ account: await account(), supportedCurrencies: ['usd'] });

    // Closing one frees a place, once.
    const closed = await close(ids[0]);
    expect(closed.data!.closeFinancialAccount.userErrors).toEqual([]);
    const fourth = await opened({ account: owner, supportedCurrencies: ['usd'], nickname: 'One too many' });
    expect(fourth.status).toBe('OPEN');
    const fifth = await create({ account: owner, supportedCurrencies: ['usd'], nickname: 'Another' });
    expectUserError(fifth.data!.createFinancialAccount, 'financial_account_limit_reached', ['input', 'account']);
    expect(await prisma().financialAccount.count({ where: { accountId: owner, status: 'open' } })).toBe(MAX_OPEN);
    expect(await prisma().financialAccount.count({ where: { accountId: owner, status: 'closed' } })).toBe(3);
  });

  it('keeps nicknames unique within an account, not across accounts', async () => {
    const owner = await account();
    const first = await opened({ account: owner, supportedCurrencies: ['usd'], nickname: 'Operating' });
    expect(first.nickname).toBe('Operating');
    const before = await counts();
    for (const nickname of ['Operating', '  Operating  ']) {
      const res = await create({ account: owner, supportedCurrencies: ['usd'], nickname });
      expectUserError(res.data!.createFinancialAccount, 'nickname_in_use', ['input', 'nickname']);
    }
    expect(await counts()).toEqual(before);
    const elsewhere = await opened({ account: await account(), supportedCurrencies: ['usd'], nickname: 'Operating' });
    expect(elsewhere.nickname).toBe('Operating');
  });

  it('refuses platform restrictions from an account session, and writes nothing', async () => {
    const owner = await account();
    const session = await createAccountSession(gateway, p1.platformId, owner);
    const before = await counts();
    const res = await create({ supportedCurrencies: ['usd'], platformRestrictions: { inboundFlows: 'UNRESTRICTED' } }, session);
    expect(res.errors).toBeUndefined();
    expectUserError(res.data!.createFinancialAccount, 'parameter_not_allowed', ['input', 'platformRestrictions']);
    expect(await counts()).toEqual(before);
  });
});

describe('updateFinancialAccount', () => {
  it('an empty metadata removes every key, as in Stripe, with the previous keys in treasury.financial_account.updated', async () => {
    const fa = await opened({ account: await account(), supportedCurrencies: ['usd'], metadata: { a: '1', b: '2' } });
    const res = await update({ financialAccount: fa.id, metadata: {} });
    expect(res.data!.updateFinancialAccount.userErrors).toEqual([]);
    expect(res.data!.updateFinancialAccount.financialAccount!.metadata).toEqual({});
    expect((await read(fa.id)).data!.financialAccount!.metadata).toEqual({});
    const updated = (await eventsOf(fa.id)).filter((e) => e.type === 'treasury.financial_account.updated').at(-1)!.data as any;
    expect(updated.object.metadata).toEqual({});
    expect(updated.previous_attributes).toMatchObject({ metadata: { a: '1', b: '2' } });
  });

  it('merges metadata, renames, and sets platform restrictions, with treasury.financial_account.updated', async () => {
    const owner = await account();
    const fa = await opened({
      account: owner,
      supportedCurrencies: ['usd'],
      features: [{ feature: 'FINANCIAL_ADDRESSES_ABA', requested: true }, { feature: 'OUTBOUND_TRANSFERS_ACH', requested: true }],
      metadata: { a: '1', b: '2' },
      nickname: 'Before',
    });
    await eventually(fa.id, (f) => f!.activeFeatures.length === 2);

    const res = await update({
      financialAccount: fa.id,
      metadata: { a: '', c: '3' },
      nickname: 'After',
      platformRestrictions: { inboundFlows: 'RESTRICTED' },
    });
    expect(res.errors).toBeUndefined();
    const payload = res.data!.updateFinancialAccount;
    expect(payload.userErrors).toEqual([]);
    expect(payload.financialAccount).toMatchObject({
      id: fa.id,
      metadata: { b: '2', c: '3' },
      nickname: 'After',
      platformRestrictions: { inboundFlows: 'RESTRICTED', outboundFlows: null },
      activeFeatures: ['OUTBOUND_TRANSFERS_ACH'],
      restrictedFeatures: ['FINANCIAL_ADDRESSES_ABA'],
    });
    expect(payload.financialAccount!.features.find((f) => f.feature === 'FINANCIAL_ADDRESSES_ABA')).toEqual({
      feature: 'FINANCIAL_ADDRESSES_ABA',
      requested: true,
      status: 'RESTRICTED',
      statusDetails: [{ code: 'RESTRICTED_BY_PLATFORM', resolution: 'REMOVE_RESTRICTION', restriction: 'INBOUND_FLOWS' }],
    });

    const events = await eventsOf(fa.id);
    expect(events.map((e) => e.type)).toEqual([
      'treasury.financial_account.created',
      'treasury.financial_account.features_status_updated',
      'treasury.financial_account.updated',
      'treasury.financial_account.features_status_updated',
    ]);
    const updated = events[2].data as any;
    expect(updated.object).toMatchObject({
      id: fa.id,
      object: 'treasury.financial_account',
      status: 'open',
      nickname: 'After',
      metadata: { b: '2', c: '3' },
      platform_restrictions: { inbound_flows: 'restricted', outbound_flows: null },
    });
    expect(updated.object.features.financial_addresses.aba).toMatchObject({ requested: true, status: 'restricted' });
    expect(updated.previous_attributes).toMatchObject({ metadata: { a: '1', b: '2' }, nickname: 'Before' });

    // Lifting the restriction activates the feature again, asynchronously.
    const lifted = await update({ financialAccount: fa.id, platformRestrictions: { inboundFlows: 'UNRESTRICTED' } });
    expect(lifted.data!.updateFinancialAccount.financialAccount!.features.find((f) => f.feature === 'FINANCIAL_ADDRESSES_ABA')).toMatchObject({
      status: 'PENDING',
      statusDetails: ACTIVATING,
    });
    const active = await eventually(fa.id, (f) => f!.activeFeatures.length === 2);
    expect(active.platformRestrictions).toEqual({ inboundFlows: 'UNRESTRICTED', outboundFlows: null });
  });

  it('requests and gives up features', async () => {
    const owner = await account();
    const fa = await opened({ account: owner, supportedCurrencies: ['usd'], features: [{ feature: 'FINANCIAL_ADDRESSES_ABA', requested: true }] });
    await eventually(fa.id, (f) => f!.activeFeatures.length === 1);
    const res = await update({
      financialAccount: fa.id,
      features: [{ feature: 'OUTBOUND_PAYMENTS_ACH', requested: true }, { feature: 'FINANCIAL_ADDRESSES_ABA', requested: false }],
    });
    expect(res.data!.updateFinancialAccount.userErrors).toEqual([]);
    const after = res.data!.updateFinancialAccount.financialAccount!;
    expect(after.activeFeatures).toEqual([]);
    expect(after.pendingFeatures).toEqual(['OUTBOUND_PAYMENTS_ACH']);
    expect(after.restrictedFeatures).toEqual([]);
    expect(after.features.find((f) => f.feature === 'FINANCIAL_ADDRESSES_ABA')?.requested).toBe(false);
    const active = await eventually(fa.id, (f) => f!.activeFeatures.length === 1);
    expect(active.activeFeatures).toEqual(['OUTBOUND_PAYMENTS_ACH']);
    expect((await eventsOf(fa.id)).map((e) => e.type)).toContain('treasury.financial_account.updated');
  });

  it('keeps its own nickname, and removes it with null', async () => {
    const owner = await account();
    const fa = await opened({ account: owner, supportedCurrencies: ['usd'], nickname: 'Mine' });
    const same = await update({ financialAccount: fa.id, nickname: 'Mine' });
    expect(same.data!.updateFinancialAccount.userErrors).toEqual([]);
    expect(same.data!.updateFinancialAccount.financialAccount!.nickname).toBe('Mine');
    const removed = await update({ financialAccount: fa.id, nickname: null });
    expect(removed.data!.updateFinancialAccount.userErrors).toEqual([]);
    expect(removed.data!.updateFinancialAccount.financialAccount!.nickname).toBeNull();
    // A removed nickname is free for a sibling.
    await opened({ account: owner, supportedCurrencies: ['usd'], nickname: 'Mine' });
  });

  it('lets an account session update its own financial account, but not its platform restrictions', async () => {
    const owner = await account();
    const session = await createAccountSession(gateway, p1.platformId, owner);
    const fa = await opened({ account: owner, supportedCurrencies: ['usd'], metadata: { set: 'by platform' } });

    const ok = await update({ financialAccount: fa.id, metadata: { note: 'by account' } }, session);
    expect(ok.data!.updateFinancialAccount.userErrors).toEqual([]);
    expect(ok.data!.updateFinancialAccount.financialAccount!.metadata).toEqual({ set: 'by platform', note: 'by account' });

    const before = await faState(fa.id);
    const beforeCounts = await counts();
    const res = await update({ financialAccount: fa.id, metadata: { note: 'changed' }, platformRestrictions: { outboundFlows: 'UNRESTRICTED' } }, session);
    expect(res.errors).toBeUndefined();
    expectUserError(res.data!.updateFinancialAccount, 'parameter_not_allowed', ['input', 'platformRestrictions']);
    expect(await faState(fa.id)).toEqual(before);
    expect(await counts()).toEqual(beforeCounts);
  });

  describe('refuses bad input with a user error and changes nothing', () => {
    let owner: string;
    let target: string;
    beforeAll(async () => {
      owner = await account({ capabilities: ['treasury', 'us_bank_account_ach_payments'] });
      target = (await opened({ account: owner, supportedCurrencies: ['usd'], nickname: 'Target', metadata: { keep: 'me' } })).id;
      await opened({ account: owner, supportedCurrencies: ['usd'], nickname: 'Sibling' });
    });

    const cases: Array<[string, Omit<UpdateFinancialAccountInput, 'financialAccount'>, string, string[]]> = [
      ['a blank nickname', { nickname: ' ' }, 'parameter_invalid_empty', ['input', 'nickname']],
      ['a nickname of 250 characters', { nickname: 'z'.repeat(250) }, 'parameter_invalid_string_too_long', ['input', 'nickname']],
      ['a sibling\'s nickname', { nickname: 'Sibling' }, 'nickname_in_use', ['input', 'nickname']],
      ['metadata that would have 51 keys', { metadata: metadataWithKeys(50) }, 'parameter_invalid', ['input', 'metadata']],
      ['a metadata key of 41 characters', { metadata: { ['k'.repeat(41)]: 'v' } }, 'parameter_invalid_string_too_long', ['input', 'metadata', 'k'.repeat(41)]],
      ['a metadata value of 501 characters', { metadata: { keep: 'v'.repeat(501) } }, 'parameter_invalid_string_too_long', ['input', 'metadata', 'keep']],
      [
        'a feature listed twice',
        { features: [{ feature: 'OUTBOUND_PAYMENTS_ACH', requested: true }, { feature: 'OUTBOUND_PAYMENTS_ACH', requested: true }] },
        'parameter_invalid',
        ['input', 'features', '1'],
      ],
      ['card_issuing without the capability', { features: [{ feature: 'CARD_ISSUING', requested: true }] }, 'capability_required', ['input', 'features']],
      // A valid change beside a bad one is not applied either.
      ['a valid nickname with too many metadata keys', { nickname: 'Renamed', metadata: metadataWithKeys(51) }, 'parameter_invalid', ['input', 'metadata']],
      ['valid metadata with a taken nickname', { metadata: { keep: '' }, nickname: 'Sibling' }, 'nickname_in_use', ['input', 'nickname']],
    ];

    it.each(cases)('%s', async (_name, input, code, field) => {
      const before = await faState(target);
      const beforeCounts = await counts();
      const res = await update({ financialAccount: target, ...input });
      expect(res.errors).toBeUndefined();
      expectUserError(res.data!.updateFinancialAccount, code, field);
      expect(await faState(target)).toEqual(before);
      expect(await counts()).toEqual(beforeCounts);
    });
  });

  it('answers resource_missing for a financial account the caller cannot see', async () => {
    const owner = await account();
    const neighbour = await account();
    const session = await createAccountSession(gateway, p1.platformId, owner);
    const neighbours = await createFinancialAccount(gateway, { platformId: p1.platformId, accountId: neighbour });
    const foreign = await createFinancialAccount(gateway, { platformId: p2.platformId, accountId: (await createConnectedAccount(gateway, p2.platformId)).id });
    const cases: Array<[string, string]> = [
      [newId('FinancialAccount'), p1.secretKey],
      [foreign.id, p1.secretKey],
      [owner, p1.secretKey],
      ['fa_', p1.secretKey],
      [neighbours.id, session],
    ];
    const before = await counts();
    const neighbourBefore = await faState(neighbours.id);
    const foreignBefore = await faState(foreign.id);
    for (const [id, token] of cases) {
      const res = await update({ financialAccount: id, metadata: { touched: 'yes' }, nickname: 'Touched' }, token);
      expect(res.errors).toBeUndefined();
      expectUserError(res.data!.updateFinancialAccount, 'resource_missing', ['input', 'financialAccount']);
    }
    expect(await counts()).toEqual(before);
    expect(await faState(neighbours.id)).toEqual(neighbourBefore);
    expect(await faState(foreign.id)).toEqual(foreignBefore);
  });
});

describe('closeFinancialAccount', () => {
  /** A zero balance that has seen money: 5.00 received, then 5.00 sent out and posted. */
  const ZERO_AFTER_FLOWS: FlowSpec[] = [
    { flowType: 'received_credit', outcome: 'succeeded', amount: 500n, at: new Date('2026-04-01T00:00:00Z') },
    { flowType: 'outbound_transfer', outcome: 'posted', amount: 500n, at: new Date('2026-04-02T00:00:00Z') },
  ];

  it('closes an account with a zero balance: CLOSED_BY_PLATFORM, every feature restricted, history readable', async () => {
    const owner = await account();
    const fa = await opened({
      account: owner,
      supportedCurrencies: ['usd'],
      features: [{ feature: 'FINANCIAL_ADDRESSES_ABA', requested: true }, { feature: 'OUTBOUND_TRANSFERS_ACH', requested: true }],
    });
    await eventually(fa.id, (f) => f!.activeFeatures.length === 2);
    const transactions = await createFlows(gateway, { id: fa.id, platformId: p1.platformId, accountId: owner }, ZERO_AFTER_FLOWS);

    const res = await close(fa.id);
    expect(res.errors).toBeUndefined();
    const payload = res.data!.closeFinancialAccount;
    expect(payload.userErrors).toEqual([]);
    const closed = payload.financialAccount!;
    expect(closed).toMatchObject({
      id: fa.id,
      status: 'CLOSED',
      statusDetails: { reasons: ['CLOSED_BY_PLATFORM'] },
      activeFeatures: [],
      pendingFeatures: [],
    });
    expect(sorted(closed.restrictedFeatures)).toEqual(['FINANCIAL_ADDRESSES_ABA', 'OUTBOUND_TRANSFERS_ACH']);
    for (const feature of closed.features) {
      expect(feature).toMatchObject({ requested: true, status: 'RESTRICTED', statusDetails: CLOSED_DETAIL });
    }

    // Listed (a page read by raw SQL, unlike by id), it says why it closed just the same.
    const listed = await gateway.graphql(CLOSED_IN_LIST, { token: p1.secretKey, variables: { account: owner } });
    expect(listed.errors).toBeUndefined();
    expect(listed.data!.connectedAccount!.financialAccounts.nodes.find((f) => f.id === fa.id)).toEqual({
      id: fa.id,
      statusDetails: { reasons: ['CLOSED_BY_PLATFORM'] },
    });

    // The history stays readable, through the account and by id.
    const after = await read(fa.id);
    expect(after.data!.financialAccount!.status).toBe('CLOSED');
    expect(sorted(after.data!.financialAccount!.transactions.nodes.map((t) => t.id))).toEqual(sorted(transactions.map((t) => t.id)));
    const byId = await gateway.graphql(READ_TRANSACTION, { token: p1.secretKey, variables: { id: transactions[0].id } });
    expect(byId.data!.transaction).toEqual({ id: transactions[0].id, financialAccount: { id: fa.id, status: 'CLOSED' } });

    const events = await eventsOf(fa.id);
    const closedEvent = events.find((e) => e.type === 'treasury.financial_account.closed');
    expect(closedEvent).toBeDefined();
    expect(closedEvent).toMatchObject({ platformId: p1.platformId, accountId: owner });
    const data = closedEvent!.data as any;
    expect(data.object).toMatchObject({
      id: fa.id,
      object: 'treasury.financial_account',
      status: 'closed',
      status_details: { closed: { reasons: ['closed_by_platform'] } },
      active_features: [],
      pending_features: [],
      features: {
        financial_addresses: { aba: { requested: true, status: 'restricted', status_details: [{ code: 'financial_account_closed', resolution: null, restriction: null }] } },
        outbound_transfers: { ach: { requested: true, status: 'restricted' } },
      },
    });
    expect(sorted(data.object.restricted_features)).toEqual(['financial_addresses.aba', 'outbound_transfers.ach']);
    expect(data.previous_attributes).toEqual({ status: 'open' });
    expect(events.at(-1)!.type).toBe('treasury.financial_account.features_status_updated');
  });

  it('never reopens: a closed account cannot be updated, closed again, or woken by capabilities', async () => {
    const owner = await account();
    const fa = await opened({ account: owner, supportedCurrencies: ['usd'], features: [{ feature: 'FINANCIAL_ADDRESSES_ABA', requested: true }] });
    // Closed while its feature is still activating: the activation must not bring it back.
    const closed = await close(fa.id);
    expect(closed.data!.closeFinancialAccount.userErrors).toEqual([]);
    await sleep(400);

    const before = await faState(fa.id);
    const beforeCounts = await counts();
    const inputs: UpdateFinancialAccountInput[] = [
      { financialAccount: fa.id, metadata: { reopen: 'please' } },
      { financialAccount: fa.id, nickname: 'Reopened' },
      { financialAccount: fa.id, features: [{ feature: 'OUTBOUND_TRANSFERS_ACH', requested: true }] },
      { financialAccount: fa.id, platformRestrictions: { inboundFlows: 'UNRESTRICTED' } },
    ];
    for (const input of inputs) {
      const res = await update(input);
      expectUserError(res.data!.updateFinancialAccount, 'financial_account_closed', ['input', 'financialAccount']);
    }
    const again = await close(fa.id);
    expectUserError(again.data!.closeFinancialAccount, 'financial_account_closed', ['input', 'financialAccount']);
    expect(await faState(fa.id)).toEqual(before);
    expect(await counts()).toEqual(beforeCounts);

    // The owner's capabilities changing re-derives open accounts only.
    for (const status of ['INACTIVE', 'ACTIVE'] as const) {
      const res = await gateway.graphql(UPDATE_ACCOUNT, { token: p1.secretKey, variables: { account: owner, status } });
      expect(res.data!.updateConnectedAccount.userErrors).toEqual([]);
    }
    await sleep(400);
    const now = await read(fa.id);
    expect(now.data!.financialAccount).toMatchObject({ status: 'CLOSED', activeFeatures: [], pendingFeatures: [], restrictedFeatures: ['FINANCIAL_ADDRESSES_ABA'] });
    expect(now.data!.financialAccount!.features[0].statusDetails).toEqual(CLOSED_DETAIL);
    expect((await eventsOf(fa.id)).filter((e) => e.type !== 'treasury.financial_account.created').map((e) => e.type)).toEqual([
      'treasury.financial_account.closed',
      'treasury.financial_account.features_status_updated',
    ]);
  });

  describe('refuses a non-zero balance in any sub-balance with balance_nonzero', () => {
    const cases: Array<[string, FlowSpec[]]> = [
      ['cash', [{ flowType: 'received_credit', outcome: 'succeeded', amount: 1_000n, at: new Date('2026-04-01T00:00:00Z') }]],
      [
        'only outbound pending (an outbound transfer still processing)',
        [
          { flowType: 'received_credit', outcome: 'succeeded', amount: 70n, at: new Date('2026-04-01T00:00:00Z') },
          { flowType: 'outbound_transfer', outcome: 'processing', amount: 70n, at: new Date('2026-04-02T00:00:00Z') },
        ],
      ],
      ['negative cash', [{ flowType: 'received_debit', outcome: 'succeeded', amount: 5n, at: new Date('2026-04-01T00:00:00Z') }]],
    ];

    it.each(cases)('%s', async (_name, flows) => {
      const owner = await account();
      const fa = await createFinancialAccount(gateway, { platformId: p1.platformId, accountId: owner });
      await createFlows(gateway, fa, flows);
      const before = await faState(fa.id);
      const beforeCounts = await counts();
      const res = await close(fa.id);
      expect(res.errors).toBeUndefined();
      expectUserError(res.data!.closeFinancialAccount, 'balance_nonzero', ['input', 'financialAccount']);
      expect(await faState(fa.id)).toEqual(before);
      expect(await counts()).toEqual(beforeCounts);
      expect((await read(fa.id)).data!.financialAccount!.status).toBe('OPEN');
    });

    it('checks the balance it refuses on: only outbound pending is non-zero there', async () => {
      const owner = await account();
      const fa = await createFinancialAccount(gateway, { platformId: p1.platformId, accountId: owner });
      await createFlows(gateway, fa, cases[1][1]);
      const { balance } = (await read(fa.id)).data!.financialAccount!;
      expect(balance).toEqual({
        cash: [{ currency: 'usd', amount: 0 }],
        inboundPending: [{ currency: 'usd', amount: 0 }],
        outboundPending: [{ currency: 'usd', amount: 70 }],
      });
    });
  });

  it('lets an account session close its own financial account only', async () => {
    const owner = await account();
    const neighbour = await account();
    const session = await createAccountSession(gateway, p1.platformId, owner);
    const own = await createFinancialAccount(gateway, { platformId: p1.platformId, accountId: owner });
    const neighbours = await createFinancialAccount(gateway, { platformId: p1.platformId, accountId: neighbour });

    const refused = await close(neighbours.id, session);
    expectUserError(refused.data!.closeFinancialAccount, 'resource_missing', ['input', 'financialAccount']);
    expect((await prisma().financialAccount.findUniqueOrThrow({ where: { id: neighbours.id } })).status).toBe('open');

    const res = await close(own.id, session);
    expect(res.data!.closeFinancialAccount.userErrors).toEqual([]);
    expect(res.data!.closeFinancialAccount.financialAccount!.status).toBe('CLOSED');
  });

  it('answers resource_missing for unknown and foreign financial accounts', async () => {
    const foreign = await createFinancialAccount(gateway, { platformId: p2.platformId, accountId: (await createConnectedAccount(gateway, p2.platformId)).id });
    const before = await counts();
    for (const id of [newId('FinancialAccount'), foreign.id, newId('ConnectedAccount'), 'nonsense']) {
      const res = await close(id);
      expect(res.errors).toBeUndefined();
      expectUserError(res.data!.closeFinancialAccount, 'resource_missing', ['input', 'financialAccount']);
    }
    expect(await counts()).toEqual(before);
    expect((await prisma().financialAccount.findUniqueOrThrow({ where: { id: foreign.id } })).status).toBe('open');
  });
});

describe('events of financial accounts', () => {
  it('never carry a full account number', async () => {
    const owner = await account();
    // One opened through the API and one through the fixtures (both addresses made by the activation).
    const fa = await opened({ account: owner, supportedCurrencies: ['usd'], features: [{ feature: 'FINANCIAL_ADDRESSES_ABA', requested: true }] });
    const active = await eventually(fa.id, (f) => f!.financialAddresses.length === 1);
    const apiNumber = active.financialAddresses[0].aba!.accountNumber!;
    expect(apiNumber).toMatch(/^\d{12}$/);
    const fixture = await createFinancialAccount(gateway, { platformId: p1.platformId, accountId: owner });
    const fixtureAddress = await prisma().financialAddress.findFirstOrThrow({ where: { financialAccountId: fixture.id } });

    for (const id of [fa.id, fixture.id]) {
      const res = await update({ financialAccount: id, metadata: { audited: 'yes' }, platformRestrictions: { inboundFlows: 'RESTRICTED' } });
      expect(res.data!.updateFinancialAccount.userErrors).toEqual([]);
      expect((await close(id)).data!.closeFinancialAccount.userErrors).toEqual([]);
    }

    const events = await prisma().event.findMany({ where: { objectId: { in: [fa.id, fixture.id] } } });
    expect(new Set(events.map((e) => e.type))).toEqual(
      new Set([
        'treasury.financial_account.created',
        'treasury.financial_account.features_status_updated',
        'treasury.financial_account.updated',
        'treasury.financial_account.closed',
      ]),
    );
    for (const event of events) {
      const json = JSON.stringify(event.data);
      expect(json).not.toContain(apiNumber);
      expect(json).not.toContain(fixtureAddress.accountNumber);
      expect(json).not.toContain('account_number"');
    }
    // The last four digits are there, as in Stripe's object.
    const fixtureClosed = events.find((e) => e.objectId === fixture.id && e.type === 'treasury.financial_account.closed')!;
    expect((fixtureClosed.data as any).object.financial_addresses).toEqual([
      {
        type: 'aba',
        supported_networks: ['ach', 'us_domestic_wire'],
        aba: {
          account_holder_name: fixtureAddress.accountHolderName,
          account_number_last4: fixtureAddress.accountNumber.slice(-4),
          bank_name: 'STRIPE TEST BANK',
          routing_number: '110000000',
        },
      },
    ]);
  });
});

describe('idempotency of createFinancialAccount', () => {
  it('answers a replay with the same input with the first financial account, creating nothing and emitting nothing', async () => {
    const owner = await account();
    const input: CreateFinancialAccountInput = {
      idempotencyKey: 'fa-replay-1',
      account: owner,
      supportedCurrencies: ['usd'],
      features: [{ feature: 'FINANCIAL_ADDRESSES_ABA', requested: true }],
      metadata: { n: '1' },
      nickname: 'Replayed',
    };
    const first = await opened(input);
    const afterFirst = await counts();
    const eventsAfterFirst = (await eventsOf(first.id)).map((e) => e.id);
    const second = await create(input);
    expect(second.data!.createFinancialAccount.userErrors).toEqual([]);
    expect(second.data!.createFinancialAccount.financialAccount!.id).toBe(first.id);
    // A replay with the same nickname is not a nickname clash: it is the same request.
    expect(second.data!.createFinancialAccount.financialAccount!.nickname).toBe('Replayed');
    expect(await counts()).toEqual(afterFirst);
    expect((await eventsOf(first.id)).map((e) => e.id)).toEqual(eventsAfterFirst);
    expect(await prisma().financialAccount.count({ where: { accountId: owner } })).toBe(1);
    expect((await eventsOf(first.id)).filter((e) => e.type === 'treasury.financial_account.created')).toHaveLength(1);
  });

  it('refuses the same key with a different input: idempotency_key_in_use, nothing written', async () => {
    const owner = await account();
    const first = await opened({ idempotencyKey: 'fa-replay-2', account: owner, supportedCurrencies: ['usd'], nickname: 'One' });
    const before = await counts();
    for (const input of [
      { idempotencyKey: 'fa-replay-2', account: owner, supportedCurrencies: ['usd'], nickname: 'Two' },
      { idempotencyKey: 'fa-replay-2', account: owner, supportedCurrencies: ['usd'] },
      { idempotencyKey: 'fa-replay-2', account: owner, supportedCurrencies: ['usd'], nickname: 'One', metadata: { extra: 'x' } },
    ] satisfies CreateFinancialAccountInput[]) {
      const res = await create(input);
      expect(res.errors).toBeUndefined();
      expectUserError(res.data!.createFinancialAccount, 'idempotency_key_in_use', ['input', 'idempotencyKey']);
    }
    expect(await counts()).toEqual(before);
    expect((await prisma().financialAccount.findUniqueOrThrow({ where: { id: first.id } })).nickname).toBe('One');
  });

  it('replays even once the account has reached its limit', async () => {
    const owner = await account();
    const input: CreateFinancialAccountInput = { idempotencyKey: 'fa-replay-limit', account: owner, supportedCurrencies: ['usd'] };
    const first = await opened(input);
    for (let i = 1; i < MAX_OPEN; i++) await opened({ account: owner, supportedCurrencies: ['usd'] });
    const before = await counts();
    const replay = await create(input);
    expect(replay.data!.createFinancialAccount.userErrors).toEqual([]);
    expect(replay.data!.createFinancialAccount.financialAccount!.id).toBe(first.id);
    expect(await counts()).toEqual(before);
  });

  it('scopes keys to the caller: the platform, an account session and another platform each get their own', async () => {
    const owner = await account();
    const session = await createAccountSession(gateway, p1.platformId, owner);
    const key = 'fa-shared-key';
    const platformOwn = await opened({ idempotencyKey: key, supportedCurrencies: ['usd'] }, p1.secretKey);
    const sessions = await opened({ idempotencyKey: key, supportedCurrencies: ['usd'] }, session);
    const otherPlatform = await opened({ idempotencyKey: key, supportedCurrencies: ['usd'] }, p2.secretKey);
    expect(new Set([platformOwn.id, sessions.id, otherPlatform.id]).size).toBe(3);
    expect(platformOwn.connectedAccount).toBeNull();
    expect(sessions.connectedAccount).toEqual({ id: owner });
    expect((await prisma().financialAccount.findUniqueOrThrow({ where: { id: otherPlatform.id } })).accountId).toBe(p2.platformId);
    // And each replays its own.
    expect((await opened({ idempotencyKey: key, supportedCurrencies: ['usd'] }, session)).id).toBe(sessions.id);
    expect((await opened({ idempotencyKey: key, supportedCurrencies: ['usd'] }, p2.secretKey)).id).toBe(otherPlatform.id);
    expect((await opened({ idempotencyKey: key, supportedCurrencies: ['usd'] }, p1.secretKey)).id).toBe(platformOwn.id);
  });

  it('does not spend a key on a request that failed', async () => {
    const owner = await account();
    const bad = await create({ idempotencyKey: 'fa-after-failure', account: owner, supportedCurrencies: ['eur'] });
    expectUserError(bad.data!.createFinancialAccount, 'parameter_invalid', ['input', 'supportedCurrencies', '0']);
    const good = await opened({ idempotencyKey: 'fa-after-failure', account: owner, supportedCurrencies: ['usd'] });
    expect(good.status).toBe('OPEN');
  });

  async function concurrently(input: CreateFinancialAccountInput, existing = 0) {
    const before = await counts();
    const results = await Promise.all(Array.from({ length: 5 }, () => create(input)));
    for (const res of results) {
      expect(res.errors).toBeUndefined();
      expect(res.data!.createFinancialAccount.userErrors).toEqual([]);
    }
    const ids = new Set(results.map((res) => res.data!.createFinancialAccount.financialAccount?.id));
    expect(ids.size).toBe(1);
    expect(await prisma().financialAccount.count({ where: { accountId: String(input.account) } })).toBe(existing + 1);
    const after = await counts();
    expect(after.financialAccounts).toBe(before.financialAccounts + 1);
    expect(after.idempotencyKeys).toBe(before.idempotencyKeys + 1);
    const [id] = ids;
    expect((await eventsOf(id!)).filter((e) => e.type === 'treasury.financial_account.created')).toHaveLength(1);
  }

  it('creates exactly one financial account for concurrent requests with one key', async () => {
    const owner = await account();
    await concurrently({
      idempotencyKey: 'fa-concurrent',
      account: owner,
      supportedCurrencies: ['usd'],
      features: [{ feature: 'FINANCIAL_ADDRESSES_ABA', requested: true }],
    });
  });

  it('creates exactly one financial account for concurrent requests with one key and a nickname', async () => {
    const owner = await account();
    await concurrently({ idempotencyKey: 'fa-concurrent-nickname', account: owner, supportedCurrencies: ['usd'], nickname: 'Concurrent' });
  });

  it('creates exactly one financial account for concurrent requests with one key that take the last free place', async () => {
    const owner = await account();
    for (let i = 1; i < MAX_OPEN; i++) await createFinancialAccount(gateway, { platformId: p1.platformId, accountId: owner });
    await concurrently({ idempotencyKey: 'fa-concurrent-last-place', account: owner, supportedCurrencies: ['usd'] }, MAX_OPEN - 1);
  });

  it('refuses a key the caller already used for another operation', async () => {
    const res = await gateway.graphql(CREATE_OWNER, { token: p1.secretKey, variables: { key: 'fa-cross-operation' } });
    expect(res.data!.createConnectedAccount.userErrors).toEqual([]);
    const owner = res.data!.createConnectedAccount.connectedAccount!.id;
    const before = await counts();
    const reused = await create({ idempotencyKey: 'fa-cross-operation', account: owner, supportedCurrencies: ['usd'] });
    expectUserError(reused.data!.createFinancialAccount, 'idempotency_key_in_use', ['input', 'idempotencyKey']);
    expect(await counts()).toEqual(before);
  });
});
