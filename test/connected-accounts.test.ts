// createConnectedAccount and updateConnectedAccount through the real server:
// what they write (the account, its capabilities, its events), who may call
// them, every bad input as a user error that changes nothing, and Stripe's
// Idempotency-Key.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './gql/index.ts';
import type { CreateConnectedAccountInput, UpdateConnectedAccountInput } from './gql/graphql.ts';
import { startGateway, type TestGateway } from './support/gateway.ts';
import { createAccountSession, createConnectedAccount, createFinancialAccount, createPlatform } from './support/fixtures.ts';
import { newId } from '../src/domain/ids.ts';

let gateway: TestGateway;
/** Platform P1 (the caller of most tests) and platform P2 (another tenant). */
let p1: { platformId: string; secretKey: string };
let p2: { platformId: string; secretKey: string };
/** A connected account of P1 made by the fixtures, with a session; and one of P2. */
let fixtureAccount: string;
let fixtureSession: string;
let foreignAccount: string;

const CREATE = graphql(`
  mutation AcctCreate($input: CreateConnectedAccountInput!) {
    createConnectedAccount(input: $input) {
      connectedAccount {
        id
        displayName
        email
        country
        metadata
        livemode
        created
        capabilities { name requested status }
      }
      userErrors { code message field }
    }
  }
`);

const UPDATE = graphql(`
  mutation AcctUpdate($input: UpdateConnectedAccountInput!) {
    updateConnectedAccount(input: $input) {
      connectedAccount {
        id
        displayName
        email
        country
        metadata
        capabilities { name requested status }
      }
      userErrors { code message field }
    }
  }
`);

const READ = graphql(`
  query AcctRead($id: ID!) {
    connectedAccount(id: $id) { id displayName email country metadata capabilities { name requested status } }
  }
`);

/** The same create written with a literal input (the Metadata scalar's parseLiteral path). */
const CREATE_LITERAL = graphql(`
  mutation AcctCreateLiteral {
    createConnectedAccount(input: { displayName: "Literal Co", metadata: { tier: "gold", region: "eu" } }) {
      connectedAccount { id displayName metadata }
      userErrors { code field }
    }
  }
`);

const prisma = () => gateway.db.prisma;

/** Row counts of everything an account mutation may write. */
async function counts() {
  const db = prisma();
  const [accounts, capabilities, events, idempotencyKeys] = await Promise.all([
    db.account.count(),
    db.accountCapability.count(),
    db.event.count(),
    db.idempotencyKey.count(),
  ]);
  return { accounts, capabilities, events, idempotencyKeys };
}

/** An account's row and capabilities, to tell that a refused update changed nothing. */
async function accountState(id: string) {
  const db = prisma();
  return {
    row: await db.account.findUnique({ where: { id } }),
    capabilities: await db.accountCapability.findMany({ where: { accountId: id }, orderBy: { name: 'asc' } }),
  };
}

const create = (input: CreateConnectedAccountInput, token = p1.secretKey, headers?: Record<string, string>) =>
  gateway.graphql(CREATE, { token, variables: { input }, headers });

const update = (input: UpdateConnectedAccountInput, token = p1.secretKey, headers?: Record<string, string>) =>
  gateway.graphql(UPDATE, { token, variables: { input }, headers });

/** Creates an account through the API and returns its id. */
async function created(input: CreateConnectedAccountInput = {}) {
  const res = await create(input);
  expect(res.errors).toBeUndefined();
  expect(res.data!.createConnectedAccount.userErrors).toEqual([]);
  return res.data!.createConnectedAccount.connectedAccount!.id;
}

function eventsOf(objectId: string) {
  return prisma().event.findMany({ where: { objectId }, orderBy: { sequence: 'asc' } });
}

const metadataWithKeys = (n: number, prefix = 'k') => Object.fromEntries(Array.from({ length: n }, (_, i) => [`${prefix}${i}`, `v${i}`]));

beforeAll(async () => {
  gateway = await startGateway();
  p1 = await createPlatform(gateway, { name: 'Acct Platform One' });
  p2 = await createPlatform(gateway, { name: 'Acct Platform Two' });
  fixtureAccount = (await createConnectedAccount(gateway, p1.platformId, { displayName: 'Acct Fixture' })).id;
  fixtureSession = await createAccountSession(gateway, p1.platformId, fixtureAccount);
  foreignAccount = (await createConnectedAccount(gateway, p2.platformId, { displayName: 'Acct Foreign' })).id;
});

afterAll(() => gateway?.stop());

describe('createConnectedAccount', () => {
  it('creates the account with its fields, metadata and requested capabilities', async () => {
    const before = await counts();
    const res = await create({
      displayName: 'Rocket Rides',
      email: 'ops@rocketrides.example',
      country: 'GB',
      metadata: { crm_id: 'C-42', tier: 'gold' },
      capabilities: [
        { name: 'TREASURY', status: 'ACTIVE' },
        { name: 'CARD_ISSUING', status: 'PENDING' },
        { name: 'US_BANK_ACCOUNT_ACH_PAYMENTS' },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.errors).toBeUndefined();
    const payload = res.data!.createConnectedAccount;
    expect(payload.userErrors).toEqual([]);
    const account = payload.connectedAccount!;
    expect(account.id).toMatch(/^acct_[0-9A-Za-z]{24}$/);
    expect(account).toMatchObject({
      displayName: 'Rocket Rides',
      email: 'ops@rocketrides.example',
      country: 'GB',
      metadata: { crm_id: 'C-42', tier: 'gold' },
      livemode: false,
    });
    expect(Math.abs(Date.parse(account.created) - Date.now())).toBeLessThan(60_000);
    const byName = Object.fromEntries(account.capabilities.map((c) => [c.name, c]));
    expect(byName).toEqual({
      TREASURY: { name: 'TREASURY', requested: true, status: 'ACTIVE' },
      CARD_ISSUING: { name: 'CARD_ISSUING', requested: true, status: 'PENDING' },
      // A requested capability without a status starts INACTIVE, as an account that has not onboarded yet.
      US_BANK_ACCOUNT_ACH_PAYMENTS: { name: 'US_BANK_ACCOUNT_ACH_PAYMENTS', requested: true, status: 'INACTIVE' },
    });

    // Written for the platform that asked, as a connected account, and readable afterwards.
    const row = await prisma().account.findUniqueOrThrow({ where: { id: account.id } });
    expect(row).toMatchObject({ kind: 'connected', platformId: p1.platformId, livemode: false, country: 'GB' });
    const read = await gateway.graphql(READ, { token: p1.secretKey, variables: { id: account.id } });
    expect(read.data!.connectedAccount).toMatchObject({ id: account.id, displayName: 'Rocket Rides', metadata: { crm_id: 'C-42', tier: 'gold' } });
    expect(await counts()).toEqual({ ...before, accounts: before.accounts + 1, capabilities: before.capabilities + 3, events: before.events + 1 });
  });

  it('defaults to country US, no capabilities and empty metadata', async () => {
    const res = await create({});
    const account = res.data!.createConnectedAccount.connectedAccount!;
    expect(res.data!.createConnectedAccount.userErrors).toEqual([]);
    expect(account).toMatchObject({ displayName: null, email: null, country: 'US', metadata: {}, capabilities: [] });
  });

  it('accepts metadata as a literal in the document', async () => {
    const res = await gateway.graphql(CREATE_LITERAL, { token: p1.secretKey });
    expect(res.errors).toBeUndefined();
    expect(res.data!.createConnectedAccount.userErrors).toEqual([]);
    expect(res.data!.createConnectedAccount.connectedAccount).toMatchObject({ displayName: 'Literal Co', metadata: { tier: 'gold', region: 'eu' } });
  });

  it('accepts inputs exactly at the limits', async () => {
    const res = await create({
      displayName: 'n'.repeat(200),
      metadata: { ...metadataWithKeys(49), ['k'.repeat(40)]: 'v'.repeat(500) },
    });
    expect(res.data!.createConnectedAccount.userErrors).toEqual([]);
    const account = res.data!.createConnectedAccount.connectedAccount!;
    expect(account.displayName).toHaveLength(200);
    expect(Object.keys(account.metadata)).toHaveLength(50);
    expect(account.metadata['k'.repeat(40)]).toBe('v'.repeat(500));
  });

  it('writes an account.created event with the account in Stripe\'s shape', async () => {
    const id = await created({
      displayName: 'Evented Co',
      email: 'events@evented.example',
      metadata: { a: '1' },
      capabilities: [{ name: 'TREASURY', status: 'ACTIVE' }, { name: 'TRANSFERS' }],
    });
    const events = await eventsOf(id);
    expect(events.map((e) => e.type)).toEqual(['account.created']);
    const [event] = events;
    expect(event.id).toMatch(/^evt_/);
    expect(event).toMatchObject({ platformId: p1.platformId, accountId: id, livemode: false });
    const object = (event.data as any).object;
    expect(object).toMatchObject({
      id,
      object: 'account',
      business_profile: { name: 'Evented Co' },
      email: 'events@evented.example',
      country: 'US',
      metadata: { a: '1' },
      capabilities: { treasury: 'active', transfers: 'inactive' },
      livemode: false,
    });
    expect(typeof object.created).toBe('number');
    expect((event.data as any).previous_attributes).toBeUndefined();
  });

  describe('is for the platform only', () => {
    it('refuses an account session: FORBIDDEN, nothing written', async () => {
      const before = await counts();
      const res = await create({ displayName: 'From a session', idempotencyKey: 'acct-session-key' }, fixtureSession);
      expect(res.data ?? null).toBeNull();
      expect(res.errors).toHaveLength(1);
      expect(res.errors![0].extensions?.code).toBe('FORBIDDEN');
      expect(await counts()).toEqual(before);
    });

    it('refuses the platform key acting as an account through Stripe-Context or Stripe-Account', async () => {
      const before = await counts();
      for (const header of ['Stripe-Context', 'Stripe-Account']) {
        const res = await create({ displayName: 'Via context' }, p1.secretKey, { [header]: fixtureAccount });
        expect(res.data ?? null).toBeNull();
        expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      }
      expect(await counts()).toEqual(before);
    });

    it('refuses a request without credentials', async () => {
      const before = await counts();
      const res = await gateway.graphql(CREATE, { variables: { input: { displayName: 'Anonymous' } } });
      expect(res.status).toBe(401);
      expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(await counts()).toEqual(before);
    });
  });

  describe('refuses bad input with a user error and writes nothing', () => {
    const cases: Array<[string, CreateConnectedAccountInput, string, string[]]> = [
      ['a blank display name', { displayName: '   ' }, 'parameter_invalid_empty', ['input', 'displayName']],
      ['an empty display name', { displayName: '' }, 'parameter_invalid_empty', ['input', 'displayName']],
      ['a display name over 200 characters', { displayName: 'x'.repeat(201) }, 'parameter_invalid_string_too_long', ['input', 'displayName']],
      ['an email without @', { email: 'not-an-email' }, 'email_invalid', ['input', 'email']],
      ['an email without a domain', { email: 'someone@' }, 'email_invalid', ['input', 'email']],
      ['a three-letter country', { country: 'USA' }, 'country_invalid', ['input', 'country']],
      ['a country that is not letters', { country: '1X' }, 'country_invalid', ['input', 'country']],
      ['metadata with 51 keys', { metadata: metadataWithKeys(51) }, 'parameter_invalid', ['input', 'metadata']],
      ['a metadata key of 41 characters', { metadata: { ['k'.repeat(41)]: 'v' } }, 'parameter_invalid_string_too_long', ['input', 'metadata', 'k'.repeat(41)]],
      ['a metadata value of 501 characters', { metadata: { note: 'v'.repeat(501) } }, 'parameter_invalid_string_too_long', ['input', 'metadata', 'note']],
      ['an empty metadata key', { metadata: { '': 'v' } }, 'parameter_invalid_empty', ['input', 'metadata']],
      [
        'a capability listed twice',
        { capabilities: [{ name: 'TREASURY', status: 'ACTIVE' }, { name: 'CARD_ISSUING' }, { name: 'TREASURY' }] },
        'parameter_invalid',
        ['input', 'capabilities', '2'],
      ],
      ['an empty idempotency key', { displayName: 'Keyed', idempotencyKey: '' }, 'parameter_invalid', ['input', 'idempotencyKey']],
      ['an idempotency key over 255 characters', { displayName: 'Keyed', idempotencyKey: 'i'.repeat(256) }, 'parameter_invalid', ['input', 'idempotencyKey']],
    ];

    it.each(cases)('%s', async (_name, input, code, field) => {
      const before = await counts();
      // A valid, otherwise complete input around the bad field: only the bad field can be at fault.
      const res = await create({ displayName: 'Valid Name', email: 'valid@example.com', capabilities: [{ name: 'TREASURY' }], ...input });
      expect(res.errors).toBeUndefined();
      const payload = res.data!.createConnectedAccount;
      expect(payload.connectedAccount).toBeNull();
      expect(payload.userErrors).toHaveLength(1);
      expect(payload.userErrors[0]).toMatchObject({ code, field });
      expect(payload.userErrors[0].message.length).toBeGreaterThan(0);
      expect(await counts()).toEqual(before);
    });
  });
});

describe('updateConnectedAccount', () => {
  it('changes the profile fields and writes account.updated with the previous values', async () => {
    const id = await created({ displayName: 'Old Name', email: 'old@example.com', country: 'US' });
    const res = await update({ account: id, displayName: 'New Name', email: 'new@example.com', country: 'CA' });
    expect(res.errors).toBeUndefined();
    expect(res.data!.updateConnectedAccount.userErrors).toEqual([]);
    expect(res.data!.updateConnectedAccount.connectedAccount).toMatchObject({
      id,
      displayName: 'New Name',
      email: 'new@example.com',
      country: 'CA',
    });
    const row = await prisma().account.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ displayName: 'New Name', email: 'new@example.com', country: 'CA' });

    const events = await eventsOf(id);
    expect(events.map((e) => e.type)).toEqual(['account.created', 'account.updated']);
    const data = events[1].data as any;
    expect(data.object).toMatchObject({ id, object: 'account', business_profile: { name: 'New Name' }, email: 'new@example.com', country: 'CA' });
    expect(data.previous_attributes).toMatchObject({ business_profile: { name: 'Old Name' }, email: 'old@example.com', country: 'US' });
    expect(events[1]).toMatchObject({ platformId: p1.platformId, accountId: id });
  });

  it('removes the display name and email when given null, and leaves absent fields alone', async () => {
    const id = await created({ displayName: 'Nullable', email: 'null@example.com', country: 'DE', metadata: { keep: 'me' } });
    const res = await update({ account: id, displayName: null, email: null });
    expect(res.data!.updateConnectedAccount.userErrors).toEqual([]);
    expect(res.data!.updateConnectedAccount.connectedAccount).toMatchObject({
      displayName: null,
      email: null,
      country: 'DE',
      metadata: { keep: 'me' },
    });
  });

  it('an empty metadata removes every key, as in Stripe; an absent one leaves them', async () => {
    const id = await created({ metadata: { a: '1', b: '2' } });
    const kept = await update({ account: id, email: 'kept@example.com' });
    expect(kept.data!.updateConnectedAccount.connectedAccount!.metadata).toEqual({ a: '1', b: '2' });
    const res = await update({ account: id, metadata: {} });
    expect(res.data!.updateConnectedAccount.userErrors).toEqual([]);
    expect(res.data!.updateConnectedAccount.connectedAccount!.metadata).toEqual({});
    expect((await prisma().account.findUniqueOrThrow({ where: { id } })).metadata).toEqual({});
    const events = await eventsOf(id);
    expect((events.at(-1)!.data as any).previous_attributes).toMatchObject({ metadata: { a: '1', b: '2' } });
  });

  it('merges metadata: new keys are added, changed ones replaced, an empty value removes its key', async () => {
    const id = await created({ metadata: { a: '1', b: '2', c: '3' } });
    const res = await update({ account: id, metadata: { b: '', c: 'three', d: '4' } });
    expect(res.data!.updateConnectedAccount.userErrors).toEqual([]);
    expect(res.data!.updateConnectedAccount.connectedAccount!.metadata).toEqual({ a: '1', c: 'three', d: '4' });
    const row = await prisma().account.findUniqueOrThrow({ where: { id } });
    expect(row.metadata).toEqual({ a: '1', c: 'three', d: '4' });
    const [, updated] = await eventsOf(id);
    expect(updated.type).toBe('account.updated');
    expect((updated.data as any).object.metadata).toEqual({ a: '1', c: 'three', d: '4' });
    expect((updated.data as any).previous_attributes.metadata).toEqual({ a: '1', b: '2', c: '3' });
  });

  it('counts the 50-key limit on the merged metadata', async () => {
    const id = await created({ metadata: metadataWithKeys(50) });
    // Removing one key makes room for another.
    const swap = await update({ account: id, metadata: { k0: '', extra: 'x' } });
    expect(swap.data!.updateConnectedAccount.userErrors).toEqual([]);
    expect(Object.keys(swap.data!.updateConnectedAccount.connectedAccount!.metadata)).toHaveLength(50);

    // One more would make 51: refused, and nothing changes.
    const before = await accountState(id);
    const beforeCounts = await counts();
    const res = await update({ account: id, metadata: { another: 'y' } });
    expect(res.data!.updateConnectedAccount.connectedAccount).toBeNull();
    expect(res.data!.updateConnectedAccount.userErrors).toEqual([
      expect.objectContaining({ code: 'parameter_invalid', field: ['input', 'metadata'] }),
    ]);
    expect(await accountState(id)).toEqual(before);
    expect(await counts()).toEqual(beforeCounts);
  });

  it('requests a new capability (INACTIVE unless given) and changes a status, with capability.updated events', async () => {
    const id = await created({ capabilities: [{ name: 'TREASURY', status: 'PENDING' }] });
    const res = await update({
      account: id,
      capabilities: [{ name: 'TREASURY', status: 'ACTIVE' }, { name: 'CARD_ISSUING' }, { name: 'TRANSFERS', status: 'PENDING' }],
    });
    expect(res.data!.updateConnectedAccount.userErrors).toEqual([]);
    const byName = Object.fromEntries(res.data!.updateConnectedAccount.connectedAccount!.capabilities.map((c) => [c.name, c.status]));
    expect(byName).toEqual({ TREASURY: 'ACTIVE', CARD_ISSUING: 'INACTIVE', TRANSFERS: 'PENDING' });
    for (const c of res.data!.updateConnectedAccount.connectedAccount!.capabilities) expect(c.requested).toBe(true);

    const events = await prisma().event.findMany({ where: { accountId: id }, orderBy: { sequence: 'asc' } });
    expect(events.map((e) => e.type)).toEqual([
      'account.created',
      'account.updated',
      'capability.updated',
      'capability.updated',
      'capability.updated',
    ]);
    const accountUpdated = events[1].data as any;
    expect(accountUpdated.object.capabilities).toEqual({ treasury: 'active', card_issuing: 'inactive', transfers: 'pending' });
    expect(accountUpdated.previous_attributes.capabilities).toEqual({ treasury: 'pending' });
    const capabilityObjects = events.slice(2).map((e) => (e.data as any).object);
    expect(capabilityObjects).toEqual(
      expect.arrayContaining([
        { id: 'treasury', object: 'capability', account: id, requested: true, status: 'active' },
        { id: 'card_issuing', object: 'capability', account: id, requested: true, status: 'inactive' },
        { id: 'transfers', object: 'capability', account: id, requested: true, status: 'pending' },
      ]),
    );
  });

  it('writes no capability.updated event for a capability whose status does not change', async () => {
    const id = await created({ capabilities: [{ name: 'TREASURY', status: 'ACTIVE' }] });
    const before = await counts();
    const res = await update({ account: id, capabilities: [{ name: 'TREASURY', status: 'ACTIVE' }] });
    expect(res.data!.updateConnectedAccount.userErrors).toEqual([]);
    expect(await counts()).toEqual(before);
    // Without a status, an existing capability keeps its status.
    const again = await update({ account: id, capabilities: [{ name: 'TREASURY' }] });
    expect(again.data!.updateConnectedAccount.connectedAccount!.capabilities).toEqual([{ name: 'TREASURY', requested: true, status: 'ACTIVE' }]);
    expect(await counts()).toEqual(before);
  });

  it('updates accounts the platform made outside the API too', async () => {
    const res = await update({ account: fixtureAccount, metadata: { source: 'fixture' } });
    expect(res.data!.updateConnectedAccount.userErrors).toEqual([]);
    expect(res.data!.updateConnectedAccount.connectedAccount!.metadata).toEqual({ source: 'fixture' });
  });

  describe('is for the platform only', () => {
    it('refuses an account session, even on its own account: FORBIDDEN, nothing changed', async () => {
      const before = await accountState(fixtureAccount);
      const beforeCounts = await counts();
      const res = await update({ account: fixtureAccount, displayName: 'Hijacked', capabilities: [{ name: 'TREASURY', status: 'INACTIVE' }] }, fixtureSession);
      expect(res.data ?? null).toBeNull();
      expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(await accountState(fixtureAccount)).toEqual(before);
      expect(await counts()).toEqual(beforeCounts);
    });

    it('refuses the platform key with Stripe-Context', async () => {
      const before = await accountState(fixtureAccount);
      const res = await update({ account: fixtureAccount, displayName: 'Via context' }, p1.secretKey, { 'Stripe-Context': fixtureAccount });
      expect(res.data ?? null).toBeNull();
      expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(await accountState(fixtureAccount)).toEqual(before);
    });
  });

  describe('refuses bad input with a user error and changes nothing', () => {
    let target: string;
    beforeAll(async () => {
      target = await created({
        displayName: 'Target',
        email: 'target@example.com',
        metadata: { keep: 'yes' },
        capabilities: [{ name: 'TREASURY', status: 'ACTIVE' }],
      });
    });

    const cases: Array<[string, Omit<UpdateConnectedAccountInput, 'account'>, string, string[]]> = [
      ['a blank display name', { displayName: ' \t ' }, 'parameter_invalid_empty', ['input', 'displayName']],
      ['a display name over 200 characters', { displayName: 'y'.repeat(201) }, 'parameter_invalid_string_too_long', ['input', 'displayName']],
      ['a bad email', { email: 'two@@example.com' }, 'email_invalid', ['input', 'email']],
      ['a bad country', { country: 'usa' }, 'country_invalid', ['input', 'country']],
      ['metadata with 51 keys', { metadata: metadataWithKeys(51) }, 'parameter_invalid', ['input', 'metadata']],
      ['a metadata key of 41 characters', { metadata: { ['q'.repeat(41)]: 'v' } }, 'parameter_invalid_string_too_long', ['input', 'metadata', 'q'.repeat(41)]],
      ['a metadata value of 501 characters', { metadata: { keep: 'w'.repeat(501) } }, 'parameter_invalid_string_too_long', ['input', 'metadata', 'keep']],
      [
        'a capability listed twice',
        { capabilities: [{ name: 'CARD_ISSUING', status: 'ACTIVE' }, { name: 'CARD_ISSUING', status: 'INACTIVE' }] },
        'parameter_invalid',
        ['input', 'capabilities', '1'],
      ],
      // A valid change next to a bad one: the valid part is not applied either.
      ['a valid name with a bad email', { displayName: 'Half Applied', email: 'nope' }, 'email_invalid', ['input', 'email']],
      [
        'valid metadata with a duplicate capability',
        { metadata: { keep: '' }, capabilities: [{ name: 'TREASURY', status: 'INACTIVE' }, { name: 'TREASURY' }] },
        'parameter_invalid',
        ['input', 'capabilities', '1'],
      ],
    ];

    it.each(cases)('%s', async (_name, input, code, field) => {
      const before = await accountState(target);
      const beforeCounts = await counts();
      const res = await update({ account: target, ...input });
      expect(res.errors).toBeUndefined();
      const payload = res.data!.updateConnectedAccount;
      expect(payload.connectedAccount).toBeNull();
      expect(payload.userErrors).toEqual([expect.objectContaining({ code, field })]);
      expect(await accountState(target)).toEqual(before);
      expect(await counts()).toEqual(beforeCounts);
    });

    const missing: Array<[string, () => string]> = [
      ['an account that does not exist', () => newId('ConnectedAccount')],
      ['another platform\'s account', () => foreignAccount],
      ['the platform\'s own account', () => p1.platformId],
      ['an id of another type', () => newId('FinancialAccount')],
      ['something that is not an id', () => 'not-an-id'],
    ];

    it.each(missing)('resource_missing for %s', async (_name, id) => {
      const account = id();
      const beforeCounts = await counts();
      const foreignBefore = await accountState(foreignAccount);
      const platformBefore = await accountState(p1.platformId);
      const res = await update({ account, displayName: 'Renamed', capabilities: [{ name: 'TREASURY', status: 'INACTIVE' }] });
      expect(res.errors).toBeUndefined();
      const payload = res.data!.updateConnectedAccount;
      expect(payload.connectedAccount).toBeNull();
      expect(payload.userErrors).toEqual([expect.objectContaining({ code: 'resource_missing', field: ['input', 'account'] })]);
      expect(await counts()).toEqual(beforeCounts);
      expect(await accountState(foreignAccount)).toEqual(foreignBefore);
      expect(await accountState(p1.platformId)).toEqual(platformBefore);
    });
  });

  it('re-derives the features of the account\'s financial accounts when a capability changes', async () => {
    // A financial account whose ABA feature is active: turning treasury inactive restricts it.
    const id = await created({ displayName: 'Feature Owner', capabilities: [{ name: 'TREASURY', status: 'ACTIVE' }] });
    const fa = await createFinancialAccount(gateway, { platformId: p1.platformId, accountId: id });
    const res = await update({ account: id, capabilities: [{ name: 'TREASURY', status: 'INACTIVE' }] });
    expect(res.data!.updateConnectedAccount.userErrors).toEqual([]);
    const aba = await prisma().featureSetting.findUniqueOrThrow({
      where: { financialAccountId_feature: { financialAccountId: fa.id, feature: 'financial_addresses_aba' } },
    });
    expect(aba.status).toBe('restricted');
    expect(aba.statusDetails).toEqual([{ code: 'requirements_past_due', resolution: 'provide_information', restriction: null }]);
    const faEvents = await eventsOf(fa.id);
    expect(faEvents.map((e) => e.type)).toContain('treasury.financial_account.features_status_updated');
  });
});

describe('idempotency of createConnectedAccount', () => {
  it('answers a replay with the same input with the first account, creating nothing more', async () => {
    const input: CreateConnectedAccountInput = {
      idempotencyKey: 'acct-replay-1',
      displayName: 'Replay Co',
      metadata: { order: '1' },
      capabilities: [{ name: 'TREASURY', status: 'ACTIVE' }],
    };
    const before = await counts();
    const first = await create(input);
    const firstId = first.data!.createConnectedAccount.connectedAccount!.id;
    const afterFirst = await counts();
    expect(afterFirst.accounts).toBe(before.accounts + 1);
    expect(afterFirst.events).toBe(before.events + 1);

    const second = await create(input);
    expect(second.data!.createConnectedAccount.userErrors).toEqual([]);
    expect(second.data!.createConnectedAccount.connectedAccount).toEqual(first.data!.createConnectedAccount.connectedAccount);
    // The same input with its keys in another order is the same input.
    const reordered = await create({
      capabilities: [{ status: 'ACTIVE', name: 'TREASURY' }],
      metadata: { order: '1' },
      displayName: 'Replay Co',
      idempotencyKey: 'acct-replay-1',
    });
    expect(reordered.data!.createConnectedAccount.connectedAccount!.id).toBe(firstId);

    expect(await counts()).toEqual(afterFirst);
    expect(await prisma().account.count({ where: { displayName: 'Replay Co' } })).toBe(1);
    expect((await eventsOf(firstId)).map((e) => e.type)).toEqual(['account.created']);
  });

  it('refuses the same key with a different input: idempotency_key_in_use, nothing written', async () => {
    const first = await create({ idempotencyKey: 'acct-replay-2', displayName: 'First Input' });
    const firstId = first.data!.createConnectedAccount.connectedAccount!.id;
    const before = await counts();
    for (const input of [
      { idempotencyKey: 'acct-replay-2', displayName: 'Second Input' },
      { idempotencyKey: 'acct-replay-2', displayName: 'First Input', email: 'added@example.com' },
      { idempotencyKey: 'acct-replay-2' },
    ] satisfies CreateConnectedAccountInput[]) {
      const res = await create(input);
      expect(res.errors).toBeUndefined();
      expect(res.data!.createConnectedAccount.connectedAccount).toBeNull();
      expect(res.data!.createConnectedAccount.userErrors).toEqual([
        expect.objectContaining({ code: 'idempotency_key_in_use', field: ['input', 'idempotencyKey'] }),
      ]);
    }
    expect(await counts()).toEqual(before);
    expect((await prisma().account.findUniqueOrThrow({ where: { id: firstId } })).displayName).toBe('First Input');
  });

  it('scopes keys to the caller: another platform may use the same key and gets its own account', async () => {
    const input: CreateConnectedAccountInput = { idempotencyKey: 'acct-shared-key', displayName: 'Shared Key Co' };
    const mine = await create(input, p1.secretKey);
    const theirs = await create(input, p2.secretKey);
    expect(mine.data!.createConnectedAccount.userErrors).toEqual([]);
    expect(theirs.data!.createConnectedAccount.userErrors).toEqual([]);
    const mineId = mine.data!.createConnectedAccount.connectedAccount!.id;
    const theirsId = theirs.data!.createConnectedAccount.connectedAccount!.id;
    expect(theirsId).not.toBe(mineId);
    expect((await prisma().account.findUniqueOrThrow({ where: { id: mineId } })).platformId).toBe(p1.platformId);
    expect((await prisma().account.findUniqueOrThrow({ where: { id: theirsId } })).platformId).toBe(p2.platformId);
    // Each platform's replay finds its own account, and a different input is refused for each.
    expect((await create(input, p2.secretKey)).data!.createConnectedAccount.connectedAccount!.id).toBe(theirsId);
    expect((await create(input, p1.secretKey)).data!.createConnectedAccount.connectedAccount!.id).toBe(mineId);
    const other = await create({ ...input, displayName: 'Other' }, p2.secretKey);
    expect(other.data!.createConnectedAccount.userErrors[0]?.code).toBe('idempotency_key_in_use');
  });

  it('does not spend a key on a request that failed', async () => {
    const bad = await create({ idempotencyKey: 'acct-after-failure', displayName: 'Fixed Co', email: 'broken' });
    expect(bad.data!.createConnectedAccount.userErrors[0]?.code).toBe('email_invalid');
    const good = await create({ idempotencyKey: 'acct-after-failure', displayName: 'Fixed Co', email: 'fixed@example.com' });
    expect(good.data!.createConnectedAccount.userErrors).toEqual([]);
    expect(good.data!.createConnectedAccount.connectedAccount!.email).toBe('fixed@example.com');
  });

  it('creates exactly one account for concurrent requests with one key', async () => {
    const input: CreateConnectedAccountInput = {
      idempotencyKey: 'acct-concurrent',
      displayName: 'Concurrent Co',
      capabilities: [{ name: 'TREASURY', status: 'ACTIVE' }, { name: 'TRANSFERS' }],
    };
    const before = await counts();
    const results = await Promise.all(Array.from({ length: 5 }, () => create(input)));
    for (const res of results) {
      expect(res.errors).toBeUndefined();
      expect(res.data!.createConnectedAccount.userErrors).toEqual([]);
    }
    const ids = new Set(results.map((res) => res.data!.createConnectedAccount.connectedAccount!.id));
    expect(ids.size).toBe(1);
    expect(await counts()).toEqual({
      accounts: before.accounts + 1,
      capabilities: before.capabilities + 2,
      events: before.events + 1,
      idempotencyKeys: before.idempotencyKeys + 1,
    });
    expect(await prisma().account.count({ where: { displayName: 'Concurrent Co' } })).toBe(1);
  });
});
