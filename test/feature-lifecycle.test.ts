// The feature lifecycle of financial accounts through the real server: a
// requested feature starts PENDING and becomes ACTIVE after the request (an
// event reports it), or waits on a pending capability, or is RESTRICTED by a
// missing or inactive capability, by the platform, or by the account closing.
// The lists (activeFeatures, pendingFeatures, restrictedFeatures) agree with
// the features after every step, and the ABA financial address appears once,
// when FINANCIAL_ADDRESSES_ABA first becomes active. Activation survives a restart.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './gql/index.ts';
import type {
  CapabilityInput,
  CreateFinancialAccountInput,
  FeatFaFieldsFragment,
  FinancialAccountFeature,
  UpdateFinancialAccountInput,
} from './gql/graphql.ts';
import { startGateway, type TestGateway } from './support/gateway.ts';
import { createPlatform } from './support/fixtures.ts';
import { subscribeSse, subscribeWs, wsClient, type LiveSubscription, type Received } from './support/live.ts';
import { ObservedBus } from './support/observed-bus.ts';

/** Long enough that a mutation's response is always read before its activation runs. */
const ACTIVATION_DELAY_MS = 250;
const WAIT_MS = 10_000;


let gateway: TestGateway;
let bus: ObservedBus;
let key: string;
const clients: Array<{ dispose(): void | Promise<void> }> = [];
const subscriptions: Array<LiveSubscription<unknown>> = [];

graphql(`
  fragment FeatFaFields on FinancialAccount {
    id
    status
    statusDetails { reasons }
    activeFeatures
    pendingFeatures
    restrictedFeatures
    features { feature requested status statusDetails { code resolution restriction } }
    financialAddresses { type supportedNetworks aba { accountHolderName accountNumber accountNumberLast4 bankName routingNumber } }
    platformRestrictions { inboundFlows outboundFlows }
  }
`);

const CREATE_ACCOUNT = graphql(`
  mutation FeatCreateAccount($input: CreateConnectedAccountInput!) {
    createConnectedAccount(input: $input) { connectedAccount { id capabilities { name status } } userErrors { code message field } }
  }
`);
const UPDATE_ACCOUNT = graphql(`
  mutation FeatUpdateAccount($input: UpdateConnectedAccountInput!) {
    updateConnectedAccount(input: $input) { connectedAccount { id capabilities { name status } } userErrors { code message field } }
  }
`);
const CREATE_SESSION = graphql(`
  mutation FeatCreateSession($account: ID!) {
    createAccountSession(input: { account: $account }) { accountSession { clientSecret } userErrors { code message } }
  }
`);
const CREATE_FA = graphql(`
  mutation FeatCreateFinancialAccount($input: CreateFinancialAccountInput!) {
    createFinancialAccount(input: $input) { financialAccount { ...FeatFaFields } userErrors { code message field } }
  }
`);
const UPDATE_FA = graphql(`
  mutation FeatUpdateFinancialAccount($input: UpdateFinancialAccountInput!) {
    updateFinancialAccount(input: $input) { financialAccount { ...FeatFaFields } userErrors { code message field } }
  }
`);
const CLOSE_FA = graphql(`
  mutation FeatCloseFinancialAccount($id: ID!) {
    closeFinancialAccount(input: { financialAccount: $id }) { financialAccount { ...FeatFaFields } userErrors { code message field } }
  }
`);
const FINANCIAL_ACCOUNT = graphql(`
  query FeatFinancialAccount($id: ID!) { financialAccount(id: $id) { ...FeatFaFields } }
`);
const EVENTS = graphql(`
  query FeatEvents($filter: EventFilter, $first: Int) {
    events(filter: $filter, first: $first) { nodes { id type objectId created data } }
  }
`);
const FEATURES_UPDATED = graphql(`
  subscription FeatFeaturesUpdated($financialAccount: ID) {
    financialAccountFeaturesStatusUpdated(financialAccount: $financialAccount) { ...FeatFaFields }
  }
`);
const EVENT_STREAM = graphql(`
  subscription FeatEventStream($types: [EventType!], $after: ID) {
    events(types: $types, after: $after) { id type objectId data }
  }
`);

type Fa = FeatFaFieldsFragment;
type StreamEvent = { id: string; type: string; objectId: string; data: any };

beforeAll(async () => {
  bus = new ObservedBus();
  gateway = await startGateway({ eventBus: bus, featureActivationDelayMs: ACTIVATION_DELAY_MS });
  ({ secretKey: key } = await createPlatform(gateway, { name: 'Feature Platform' }));
});

afterAll(async () => {
  for (const subscription of subscriptions) await subscription.close();
  for (const client of clients) await client.dispose();
  await gateway?.stop();
});

// ---------------------------------------------------------------------------------------------
// Helpers

async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = WAIT_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

type Capabilities = CapabilityInput[];

async function createAccount(displayName: string, capabilities: Capabilities, on: TestGateway = gateway, token = key) {
  const res = await on.graphql(CREATE_ACCOUNT, { token, variables: { input: { displayName, capabilities } } });
  expect(res.errors).toBeUndefined();
  expect(res.data!.createConnectedAccount.userErrors).toEqual([]);
  return res.data!.createConnectedAccount.connectedAccount!;
}

async function setCapabilities(account: string, capabilities: Capabilities) {
  const res = await gateway.graphql(UPDATE_ACCOUNT, { token: key, variables: { input: { account, capabilities } } });
  expect(res.errors).toBeUndefined();
  expect(res.data!.updateConnectedAccount.userErrors).toEqual([]);
  const shown = Object.fromEntries(res.data!.updateConnectedAccount.connectedAccount!.capabilities.map((c) => [c.name, c.status]));
  for (const capability of capabilities) expect(shown[capability.name]).toBe(capability.status);
}

async function sessionFor(account: string) {
  const res = await gateway.graphql(CREATE_SESSION, { token: key, variables: { account } });
  expect(res.data!.createAccountSession.userErrors).toEqual([]);
  return res.data!.createAccountSession.accountSession!.clientSecret;
}

const request = (...features: FinancialAccountFeature[]) => features.map((feature) => ({ feature, requested: true }));

async function createFa(input: Omit<CreateFinancialAccountInput, 'supportedCurrencies'>, on: TestGateway = gateway): Promise<Fa> {
  const res = await on.graphql(CREATE_FA, { token: key, variables: { input: { supportedCurrencies: ['usd'], ...input } } });
  expect(res.errors).toBeUndefined();
  expect(res.data!.createFinancialAccount.userErrors).toEqual([]);
  const fa = res.data!.createFinancialAccount.financialAccount!;
  expectConsistent(fa);
  return fa;
}

async function updateFa(input: UpdateFinancialAccountInput, token = key): Promise<Fa> {
  const res = await gateway.graphql(UPDATE_FA, { token, variables: { input } });
  expect(res.errors).toBeUndefined();
  expect(res.data!.updateFinancialAccount.userErrors).toEqual([]);
  const fa = res.data!.updateFinancialAccount.financialAccount!;
  expectConsistent(fa);
  return fa;
}

async function readFa(id: string, token = key, on: TestGateway = gateway): Promise<Fa> {
  const res = await on.graphql(FINANCIAL_ACCOUNT, { token, variables: { id } });
  expect(res.errors).toBeUndefined();
  const fa = res.data!.financialAccount!;
  expect(fa).not.toBeNull();
  expectConsistent(fa);
  return fa;
}

/** Every event of one object, newest first, as the platform sees them. */
async function eventsOf(objectId: string, on: TestGateway = gateway) {
  const res = await on.graphql(EVENTS, { token: key, variables: { first: 100 } });
  expect(res.errors).toBeUndefined();
  return res.data!.events.nodes.filter((e) => e.objectId === objectId).map((e) => ({ ...e, data: e.data as any }));
}

async function latestEventId(on: TestGateway = gateway): Promise<string> {
  const res = await on.graphql(EVENTS, { token: key, variables: { first: 1 } });
  expect(res.errors).toBeUndefined();
  return res.data!.events.nodes[0].id;
}

/**
 * The features_status_updated events after `after` (replayed, then live: no race with the
 * activation), over graphql-ws with the platform key.
 */
async function featureEventsAfter(after: string, on: TestGateway = gateway) {
  const client = wsClient(on.url, key);
  clients.push(client);
  const subscription = await subscribeWs(client, EVENT_STREAM, { types: ['TREASURY_FINANCIAL_ACCOUNT_FEATURES_STATUS_UPDATED'], after });
  subscriptions.push(subscription as LiveSubscription<unknown>);
  return subscription;
}

/** The next result of a subscription that is about `id`, skipping others (other tests' accounts). */
async function nextAbout<R>(subscription: LiveSubscription<R>, id: string, pick: (data: R) => { id?: string; objectId?: string }) {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const result: Received<R> = await subscription.next(Math.max(1, deadline - Date.now()));
    expect(result.errors).toBeUndefined();
    const value = pick(result.data!);
    if ((value.objectId ?? value.id) === id) return value;
  }
}

const nextFeatureEvent = async (subscription: LiveSubscription<{ events: StreamEvent }>, faId: string) =>
  (await nextAbout(subscription, faId, (d) => d.events)) as StreamEvent;

/** Features as compact strings: `ACTIVE`, `PENDING ACTIVATING`, `RESTRICTED RESTRICTED_BY_PLATFORM/REMOVE_RESTRICTION/INBOUND_FLOWS`. */
function summary(fa: Fa): Record<string, string> {
  return Object.fromEntries(
    fa.features.map((f) => [
      f.feature,
      [
        f.requested ? null : 'unrequested',
        f.status,
        ...f.statusDetails.map((d) => [d.code, d.resolution, d.restriction].filter(Boolean).join('/')),
      ]
        .filter(Boolean)
        .join(' '),
    ]),
  );
}

/** The lists agree with the features; a feature appears once; at most one ABA address, there whenever ABA is active. */
function expectConsistent(fa: Fa) {
  const requestedWith = (status: string) => fa.features.filter((f) => f.requested && f.status === status).map((f) => f.feature).sort();
  expect([...fa.activeFeatures].sort()).toEqual(requestedWith('ACTIVE'));
  expect([...fa.pendingFeatures].sort()).toEqual(requestedWith('PENDING'));
  expect([...fa.restrictedFeatures].sort()).toEqual(requestedWith('RESTRICTED'));
  expect(new Set(fa.features.map((f) => f.feature)).size).toBe(fa.features.length);
  for (const f of fa.features) {
    if (f.status === 'ACTIVE') expect(f.statusDetails).toEqual([]);
    else expect(f.statusDetails.length).toBeGreaterThan(0);
  }
  expect(fa.financialAddresses.length).toBeLessThanOrEqual(1);
  if (fa.activeFeatures.includes('FINANCIAL_ADDRESSES_ABA')) expect(fa.financialAddresses).toHaveLength(1);
}

/** An event's object (Stripe's shape) as compact strings per feature path, checking its lists agree with its features hash. */
function stripeSummary(object: any): Record<string, string> {
  expect(object.object).toBe('treasury.financial_account');
  const flat: Record<string, { requested: boolean; status: string; status_details: Array<{ code: string; resolution: string | null; restriction: string | null }> }> = {};
  for (const [group, value] of Object.entries<any>(object.features)) {
    if (group === 'object') continue;
    if ('status' in value) flat[group] = value;
    else for (const [leaf, setting] of Object.entries<any>(value)) flat[`${group}.${leaf}`] = setting;
  }
  const requestedWith = (status: string) => Object.entries(flat).filter(([, s]) => s.requested && s.status === status).map(([path]) => path).sort();
  expect([...object.active_features].sort()).toEqual(requestedWith('active'));
  expect([...object.pending_features].sort()).toEqual(requestedWith('pending'));
  expect([...object.restricted_features].sort()).toEqual(requestedWith('restricted'));
  expect(object.financial_addresses.length).toBeLessThanOrEqual(1);
  return Object.fromEntries(
    Object.entries(flat).map(([path, s]) => [
      path,
      [s.requested ? null : 'unrequested', s.status, ...s.status_details.map((d) => [d.code, d.resolution, d.restriction].filter(Boolean).join('/'))]
        .filter(Boolean)
        .join(' '),
    ]),
  );
}

/** A valid ABA routing number: nine digits whose weighted sum (3, 7, 1, ...) is a multiple of 10. */
function isAbaRoutingNumber(value: string): boolean {
  if (!/^\d{9}$/.test(value)) return false;
  const d = [...value].map(Number);
  return (3 * (d[0] + d[3] + d[6]) + 7 * (d[1] + d[4] + d[7]) + (d[2] + d[5] + d[8])) % 10 === 0;
}

const ALL_ACTIVE = ['TREASURY', 'US_BANK_ACCOUNT_ACH_PAYMENTS'].map((name) => ({ name, status: 'ACTIVE' })) as Capabilities;

// ---------------------------------------------------------------------------------------------

describe('activation', () => {
  it('starts requested features PENDING (ACTIVATING) and activates them after the request, with their event and one ABA address', async () => {
    const account = await createAccount('Activating Co', ALL_ACTIVE);
    const session = await sessionFor(account.id);

    // Subscribed before the request, over graphql-ws (platform) and SSE (the account's session).
    const client = wsClient(gateway.url, key);
    clients.push(client);
    const listenersBefore = bus.listeners;
    const live = await subscribeWs(client, FEATURES_UPDATED, {});
    const sse = await subscribeSse(gateway.url, session, FEATURES_UPDATED, {});
    subscriptions.push(live as LiveSubscription<unknown>, sse as LiveSubscription<unknown>);
    expect(sse.status).toBe(200);
    await until(() => bus.listeners >= listenersBefore + 2, 'both subscriptions to be live');

    const requestedAt = Date.now();
    const created = await createFa({
      account: account.id,
      features: request('FINANCIAL_ADDRESSES_ABA', 'INBOUND_TRANSFERS_ACH', 'OUTBOUND_TRANSFERS_ACH', 'DEPOSIT_INSURANCE'),
    });
    // The response shows the request, not its outcome: nothing is active yet and there is no address.
    expect(summary(created)).toEqual({
      FINANCIAL_ADDRESSES_ABA: 'PENDING ACTIVATING',
      INBOUND_TRANSFERS_ACH: 'PENDING ACTIVATING',
      OUTBOUND_TRANSFERS_ACH: 'PENDING ACTIVATING',
      DEPOSIT_INSURANCE: 'PENDING ACTIVATING',
    });
    expect(created.activeFeatures).toEqual([]);
    expect(created.pendingFeatures).toHaveLength(4);
    expect(created.financialAddresses).toEqual([]);

    // The activation arrives as financialAccountFeaturesStatusUpdated.
    const activated = (await nextAbout(live, created.id, (d) => d.financialAccountFeaturesStatusUpdated)) as Fa;
    expect(Date.now() - requestedAt).toBeGreaterThanOrEqual(ACTIVATION_DELAY_MS - 10);
    expectConsistent(activated);
    expect(summary(activated)).toEqual({
      FINANCIAL_ADDRESSES_ABA: 'ACTIVE',
      INBOUND_TRANSFERS_ACH: 'ACTIVE',
      OUTBOUND_TRANSFERS_ACH: 'ACTIVE',
      DEPOSIT_INSURANCE: 'ACTIVE',
    });
    expect(activated.pendingFeatures).toEqual([]);
    expect(activated.financialAddresses).toHaveLength(1);
    const [address] = activated.financialAddresses;
    expect(address.type).toBe('ABA');
    expect(address.supportedNetworks).toEqual(expect.arrayContaining(['ach', 'us_domestic_wire']));
    const aba = address.aba!;
    expect(isAbaRoutingNumber(aba.routingNumber)).toBe(true);
    expect(aba.bankName.length).toBeGreaterThan(0);
    expect(aba.accountHolderName).toBe('Activating Co');
    // The platform key sees the full number.
    expect(aba.accountNumber).toMatch(/^\d{6,17}$/);
    expect(aba.accountNumberLast4).toBe(aba.accountNumber!.slice(-4));
    const accountNumber = aba.accountNumber!;

    // The account's session got the same update over SSE, with the last 4 only.
    const seen = (await nextAbout(sse, created.id, (d) => d.financialAccountFeaturesStatusUpdated)) as Fa;
    expect(summary(seen)).toEqual(summary(activated));
    expect(seen.financialAddresses).toHaveLength(1);
    expect(seen.financialAddresses[0].aba).toMatchObject({ accountNumber: null, accountNumberLast4: aba.accountNumberLast4, routingNumber: aba.routingNumber });
    expect((await readFa(created.id, session)).financialAddresses[0].aba!.accountNumber).toBeNull();

    // The events: created (everything pending), then one features_status_updated (everything active, one address).
    const events = await eventsOf(created.id);
    expect(events.map((e) => e.type)).toEqual(['TREASURY_FINANCIAL_ACCOUNT_FEATURES_STATUS_UPDATED', 'TREASURY_FINANCIAL_ACCOUNT_CREATED']);
    const [updatedEvent, createdEvent] = events;
    expect(stripeSummary(createdEvent.data.object)).toEqual({
      'financial_addresses.aba': 'pending activating',
      'inbound_transfers.ach': 'pending activating',
      'outbound_transfers.ach': 'pending activating',
      deposit_insurance: 'pending activating',
    });
    expect(createdEvent.data.object.financial_addresses).toEqual([]);
    expect(stripeSummary(updatedEvent.data.object)).toEqual({
      'financial_addresses.aba': 'active',
      'inbound_transfers.ach': 'active',
      'outbound_transfers.ach': 'active',
      deposit_insurance: 'active',
    });
    expect(updatedEvent.data.object.financial_addresses).toHaveLength(1);
    expect(updatedEvent.data.object.financial_addresses[0].aba).toMatchObject({
      account_number_last4: aba.accountNumberLast4,
      routing_number: aba.routingNumber,
      bank_name: aba.bankName,
    });
    expect(JSON.stringify(events)).not.toContain(accountNumber);
    expect(new Date(updatedEvent.created).getTime()).toBeGreaterThanOrEqual(new Date(createdEvent.created).getTime());

    // A later activation (another feature) brings no second address, and the first one keeps its number.
    const more = await updateFa({ financialAccount: created.id, features: request('OUTBOUND_PAYMENTS_ACH') });
    expect(summary(more).OUTBOUND_PAYMENTS_ACH).toBe('PENDING ACTIVATING');
    expect(summary(more).FINANCIAL_ADDRESSES_ABA).toBe('ACTIVE');
    for (;;) {
      const update = (await nextAbout(live, created.id, (d) => d.financialAccountFeaturesStatusUpdated)) as Fa;
      expectConsistent(update);
      if (update.activeFeatures.includes('OUTBOUND_PAYMENTS_ACH')) break;
    }
    const final = await readFa(created.id);
    expect(final.activeFeatures).toHaveLength(5);
    expect(final.financialAddresses).toHaveLength(1);
    expect(final.financialAddresses[0].aba!.accountNumber).toBe(accountNumber);
    expect(await gateway.db.prisma.financialAddress.count({ where: { financialAccountId: created.id } })).toBe(1);
  });

  it('keeps a feature PENDING (REQUIREMENTS_PENDING_VERIFICATION) while its capability is pending, and activates it once it is active', async () => {
    const account = await createAccount('Verifying Co', [
      { name: 'TREASURY', status: 'ACTIVE' },
      { name: 'US_BANK_ACCOUNT_ACH_PAYMENTS', status: 'PENDING' },
    ]);
    const stream = await featureEventsAfter(await latestEventId());
    const fa = await createFa({ account: account.id, features: request('OUTBOUND_TRANSFERS_ACH', 'INBOUND_TRANSFERS_ACH', 'FINANCIAL_ADDRESSES_ABA') });
    expect(summary(fa)).toEqual({
      OUTBOUND_TRANSFERS_ACH: 'PENDING REQUIREMENTS_PENDING_VERIFICATION',
      INBOUND_TRANSFERS_ACH: 'PENDING REQUIREMENTS_PENDING_VERIFICATION',
      FINANCIAL_ADDRESSES_ABA: 'PENDING ACTIVATING',
    });
    expect(fa.features.find((f) => f.feature === 'OUTBOUND_TRANSFERS_ACH')!.statusDetails).toEqual([
      { code: 'REQUIREMENTS_PENDING_VERIFICATION', resolution: null, restriction: null },
    ]);

    // The activation activates what it can, and leaves what waits on verification.
    const activation = await nextFeatureEvent(stream, fa.id);
    expect(stripeSummary(activation.data.object)).toEqual({
      'outbound_transfers.ach': 'pending requirements_pending_verification',
      'inbound_transfers.ach': 'pending requirements_pending_verification',
      'financial_addresses.aba': 'active',
    });
    const waiting = await readFa(fa.id);
    expect(waiting.activeFeatures).toEqual(['FINANCIAL_ADDRESSES_ABA']);
    expect([...waiting.pendingFeatures].sort()).toEqual(['INBOUND_TRANSFERS_ACH', 'OUTBOUND_TRANSFERS_ACH']);

    // Verification completes: the features become PENDING (ACTIVATING), then ACTIVE.
    await setCapabilities(account.id, [{ name: 'US_BANK_ACCOUNT_ACH_PAYMENTS', status: 'ACTIVE' }]);
    const verified = await nextFeatureEvent(stream, fa.id);
    expect(stripeSummary(verified.data.object)).toEqual({
      'outbound_transfers.ach': 'pending activating',
      'inbound_transfers.ach': 'pending activating',
      'financial_addresses.aba': 'active',
    });
    const active = await nextFeatureEvent(stream, fa.id);
    expect(stripeSummary(active.data.object)).toEqual({
      'outbound_transfers.ach': 'active',
      'inbound_transfers.ach': 'active',
      'financial_addresses.aba': 'active',
    });
    const final = await readFa(fa.id);
    expect(summary(final)).toEqual({ OUTBOUND_TRANSFERS_ACH: 'ACTIVE', INBOUND_TRANSFERS_ACH: 'ACTIVE', FINANCIAL_ADDRESSES_ABA: 'ACTIVE' });
    expect(final.financialAddresses).toHaveLength(1);

    // Back to pending verification: the active features wait again (no activation).
    await setCapabilities(account.id, [{ name: 'US_BANK_ACCOUNT_ACH_PAYMENTS', status: 'PENDING' }]);
    const again = await readFa(fa.id);
    expect(summary(again)).toEqual({
      OUTBOUND_TRANSFERS_ACH: 'PENDING REQUIREMENTS_PENDING_VERIFICATION',
      INBOUND_TRANSFERS_ACH: 'PENDING REQUIREMENTS_PENDING_VERIFICATION',
      FINANCIAL_ADDRESSES_ABA: 'ACTIVE',
    });
    expect(stripeSummary((await nextFeatureEvent(stream, fa.id)).data.object)['outbound_transfers.ach']).toBe(
      'pending requirements_pending_verification',
    );
  });
});

describe('restrictions', () => {
  it('restricts a feature whose capability is missing or inactive, with Stripe\'s code and resolution, and follows the capability', async () => {
    const account = await createAccount('Restricted Co', [{ name: 'TREASURY', status: 'ACTIVE' }]);
    const stream = await featureEventsAfter(await latestEventId());
    const fa = await createFa({ account: account.id, features: request('INBOUND_TRANSFERS_ACH', 'OUTBOUND_PAYMENTS_ACH', 'DEPOSIT_INSURANCE') });
    expect(summary(fa)).toEqual({
      INBOUND_TRANSFERS_ACH: 'RESTRICTED CAPABILITY_NOT_REQUESTED/PROVIDE_INFORMATION',
      OUTBOUND_PAYMENTS_ACH: 'RESTRICTED CAPABILITY_NOT_REQUESTED/PROVIDE_INFORMATION',
      DEPOSIT_INSURANCE: 'PENDING ACTIVATING',
    });
    expect(fa.features.find((f) => f.feature === 'INBOUND_TRANSFERS_ACH')!.statusDetails).toEqual([
      { code: 'CAPABILITY_NOT_REQUESTED', resolution: 'PROVIDE_INFORMATION', restriction: null },
    ]);
    expect([...fa.restrictedFeatures].sort()).toEqual(['INBOUND_TRANSFERS_ACH', 'OUTBOUND_PAYMENTS_ACH']);
    expect(stripeSummary((await nextFeatureEvent(stream, fa.id)).data.object)).toEqual({
      'inbound_transfers.ach': 'restricted capability_not_requested/provide_information',
      'outbound_payments.ach': 'restricted capability_not_requested/provide_information',
      deposit_insurance: 'active',
    });

    // Requested but inactive: requirements past due.
    await setCapabilities(account.id, [{ name: 'US_BANK_ACCOUNT_ACH_PAYMENTS', status: 'INACTIVE' }]);
    expect(summary(await readFa(fa.id))).toEqual({
      INBOUND_TRANSFERS_ACH: 'RESTRICTED REQUIREMENTS_PAST_DUE/PROVIDE_INFORMATION',
      OUTBOUND_PAYMENTS_ACH: 'RESTRICTED REQUIREMENTS_PAST_DUE/PROVIDE_INFORMATION',
      DEPOSIT_INSURANCE: 'ACTIVE',
    });
    expect(stripeSummary((await nextFeatureEvent(stream, fa.id)).data.object)['inbound_transfers.ach']).toBe(
      'restricted requirements_past_due/provide_information',
    );

    // Active: activating, then active.
    await setCapabilities(account.id, [{ name: 'US_BANK_ACCOUNT_ACH_PAYMENTS', status: 'ACTIVE' }]);
    expect(stripeSummary((await nextFeatureEvent(stream, fa.id)).data.object)).toEqual({
      'inbound_transfers.ach': 'pending activating',
      'outbound_payments.ach': 'pending activating',
      deposit_insurance: 'active',
    });
    expect(stripeSummary((await nextFeatureEvent(stream, fa.id)).data.object)).toEqual({
      'inbound_transfers.ach': 'active',
      'outbound_payments.ach': 'active',
      deposit_insurance: 'active',
    });
    expect((await readFa(fa.id)).activeFeatures).toHaveLength(3);

    // The treasury capability, which every feature needs, becomes inactive: everything is restricted.
    await setCapabilities(account.id, [{ name: 'TREASURY', status: 'INACTIVE' }]);
    const inactive = await readFa(fa.id);
    expect(summary(inactive)).toEqual({
      INBOUND_TRANSFERS_ACH: 'RESTRICTED REQUIREMENTS_PAST_DUE/PROVIDE_INFORMATION',
      OUTBOUND_PAYMENTS_ACH: 'RESTRICTED REQUIREMENTS_PAST_DUE/PROVIDE_INFORMATION',
      DEPOSIT_INSURANCE: 'RESTRICTED REQUIREMENTS_PAST_DUE/PROVIDE_INFORMATION',
    });
    expect(inactive.activeFeatures).toEqual([]);
    expect(stripeSummary((await nextFeatureEvent(stream, fa.id)).data.object).deposit_insurance).toBe(
      'restricted requirements_past_due/provide_information',
    );

    // Pending verification, then active again.
    await setCapabilities(account.id, [{ name: 'TREASURY', status: 'PENDING' }]);
    expect(Object.values(summary(await readFa(fa.id)))).toEqual(Array(3).fill('PENDING REQUIREMENTS_PENDING_VERIFICATION'));
    await nextFeatureEvent(stream, fa.id);
    await setCapabilities(account.id, [{ name: 'TREASURY', status: 'ACTIVE' }]);
    expect(Object.values(stripeSummary((await nextFeatureEvent(stream, fa.id)).data.object))).toEqual(Array(3).fill('pending activating'));
    expect(Object.values(stripeSummary((await nextFeatureEvent(stream, fa.id)).data.object))).toEqual(Array(3).fill('active'));
    expect(Object.values(summary(await readFa(fa.id)))).toEqual(Array(3).fill('ACTIVE'));
  });

  it('restricts inbound and outbound features when the platform restricts flows (RESTRICTED_BY_PLATFORM), and activates them when it lifts them', async () => {
    const account = await createAccount('Platform Restricted Co', ALL_ACTIVE);
    const stream = await featureEventsAfter(await latestEventId());
    const fa = await createFa({
      account: account.id,
      features: request('FINANCIAL_ADDRESSES_ABA', 'INBOUND_TRANSFERS_ACH', 'OUTBOUND_TRANSFERS_ACH', 'INTRA_STRIPE_FLOWS', 'DEPOSIT_INSURANCE'),
      platformRestrictions: { inboundFlows: 'RESTRICTED' },
    });
    const inbound = 'RESTRICTED RESTRICTED_BY_PLATFORM/REMOVE_RESTRICTION/INBOUND_FLOWS';
    const outbound = 'RESTRICTED RESTRICTED_BY_PLATFORM/REMOVE_RESTRICTION/OUTBOUND_FLOWS';
    expect(fa.platformRestrictions).toEqual({ inboundFlows: 'RESTRICTED', outboundFlows: null });
    expect(summary(fa)).toEqual({
      FINANCIAL_ADDRESSES_ABA: inbound,
      INBOUND_TRANSFERS_ACH: inbound,
      INTRA_STRIPE_FLOWS: inbound,
      OUTBOUND_TRANSFERS_ACH: 'PENDING ACTIVATING',
      DEPOSIT_INSURANCE: 'PENDING ACTIVATING',
    });
    expect(fa.features.find((f) => f.feature === 'INBOUND_TRANSFERS_ACH')!.statusDetails).toEqual([
      { code: 'RESTRICTED_BY_PLATFORM', resolution: 'REMOVE_RESTRICTION', restriction: 'INBOUND_FLOWS' },
    ]);
    const activation = await nextFeatureEvent(stream, fa.id);
    expect(stripeSummary(activation.data.object)).toMatchObject({
      'financial_addresses.aba': 'restricted restricted_by_platform/remove_restriction/inbound_flows',
      'outbound_transfers.ach': 'active',
      deposit_insurance: 'active',
    });
    // ABA never became active: no address.
    expect(activation.data.object.financial_addresses).toEqual([]);
    expect((await readFa(fa.id)).financialAddresses).toEqual([]);

    // Outbound too: the outbound features are restricted, intra-Stripe flows by both.
    const both = await updateFa({ financialAccount: fa.id, platformRestrictions: { outboundFlows: 'RESTRICTED' } });
    expect(both.platformRestrictions).toEqual({ inboundFlows: 'RESTRICTED', outboundFlows: 'RESTRICTED' });
    expect(summary(both)).toEqual({
      FINANCIAL_ADDRESSES_ABA: inbound,
      INBOUND_TRANSFERS_ACH: inbound,
      INTRA_STRIPE_FLOWS: `${inbound} RESTRICTED_BY_PLATFORM/REMOVE_RESTRICTION/OUTBOUND_FLOWS`,
      OUTBOUND_TRANSFERS_ACH: outbound,
      DEPOSIT_INSURANCE: 'ACTIVE',
    });
    expect(both.activeFeatures).toEqual(['DEPOSIT_INSURANCE']);
    expect(stripeSummary((await nextFeatureEvent(stream, fa.id)).data.object)['outbound_transfers.ach']).toBe(
      'restricted restricted_by_platform/remove_restriction/outbound_flows',
    );

    // An account's own session cannot lift a platform restriction.
    const session = await sessionFor(account.id);
    const refused = await gateway.graphql(UPDATE_FA, {
      token: session,
      variables: { input: { financialAccount: fa.id, platformRestrictions: { inboundFlows: 'UNRESTRICTED' } } },
    });
    expect(refused.data!.updateFinancialAccount.userErrors).toEqual([
      expect.objectContaining({ code: 'parameter_not_allowed', field: ['input', 'platformRestrictions'] }),
    ]);
    expect(summary(await readFa(fa.id))).toEqual(summary(both));

    // The platform lifts inbound: the inbound features activate, and the address appears with that activation.
    const inboundLifted = await updateFa({ financialAccount: fa.id, platformRestrictions: { inboundFlows: 'UNRESTRICTED' } });
    expect(inboundLifted.platformRestrictions).toEqual({ inboundFlows: 'UNRESTRICTED', outboundFlows: 'RESTRICTED' });
    expect(summary(inboundLifted)).toEqual({
      FINANCIAL_ADDRESSES_ABA: 'PENDING ACTIVATING',
      INBOUND_TRANSFERS_ACH: 'PENDING ACTIVATING',
      INTRA_STRIPE_FLOWS: outbound,
      OUTBOUND_TRANSFERS_ACH: outbound,
      DEPOSIT_INSURANCE: 'ACTIVE',
    });
    expect(inboundLifted.financialAddresses).toEqual([]);
    const liftEvent = await nextFeatureEvent(stream, fa.id);
    expect(stripeSummary(liftEvent.data.object)['financial_addresses.aba']).toBe('pending activating');
    expect(liftEvent.data.object.financial_addresses).toEqual([]);
    const abaActive = await nextFeatureEvent(stream, fa.id);
    expect(stripeSummary(abaActive.data.object)).toMatchObject({ 'financial_addresses.aba': 'active', 'inbound_transfers.ach': 'active' });
    expect(abaActive.data.object.financial_addresses).toHaveLength(1);
    const withAddress = await readFa(fa.id);
    expect(withAddress.financialAddresses).toHaveLength(1);
    const accountNumber = withAddress.financialAddresses[0].aba!.accountNumber!;
    expect(accountNumber).toMatch(/^\d+$/);

    // The platform lifts outbound: everything active.
    const outboundLifted = await updateFa({ financialAccount: fa.id, platformRestrictions: { outboundFlows: 'UNRESTRICTED' } });
    expect(summary(outboundLifted)).toMatchObject({ INTRA_STRIPE_FLOWS: 'PENDING ACTIVATING', OUTBOUND_TRANSFERS_ACH: 'PENDING ACTIVATING' });
    await nextFeatureEvent(stream, fa.id);
    expect(Object.values(stripeSummary((await nextFeatureEvent(stream, fa.id)).data.object))).toEqual(Array(5).fill('active'));

    // Restricted and lifted once more: ABA becomes active again, and the account keeps its one address.
    expect(summary(await updateFa({ financialAccount: fa.id, platformRestrictions: { inboundFlows: 'RESTRICTED' } })).FINANCIAL_ADDRESSES_ABA).toBe(inbound);
    await nextFeatureEvent(stream, fa.id);
    await updateFa({ financialAccount: fa.id, platformRestrictions: { inboundFlows: 'UNRESTRICTED' } });
    await nextFeatureEvent(stream, fa.id);
    const reactivated = await nextFeatureEvent(stream, fa.id);
    expect(Object.values(stripeSummary(reactivated.data.object))).toEqual(Array(5).fill('active'));
    const final = await readFa(fa.id);
    expect(final.activeFeatures).toHaveLength(5);
    expect(final.financialAddresses).toHaveLength(1);
    expect(final.financialAddresses[0].aba!.accountNumber).toBe(accountNumber);
    expect(await gateway.db.prisma.financialAddress.count({ where: { financialAccountId: fa.id } })).toBe(1);
  });
});

describe('closing and un-requesting', () => {
  it('restricts every requested feature with FINANCIAL_ACCOUNT_CLOSED when the account closes, for good', async () => {
    const account = await createAccount('Closing Co', [
      { name: 'TREASURY', status: 'ACTIVE' },
      { name: 'US_BANK_ACCOUNT_ACH_PAYMENTS', status: 'PENDING' },
      { name: 'CARD_ISSUING', status: 'INACTIVE' },
    ]);
    const stream = await featureEventsAfter(await latestEventId());
    const fa = await createFa({ account: account.id, features: request('FINANCIAL_ADDRESSES_ABA', 'DEPOSIT_INSURANCE', 'OUTBOUND_TRANSFERS_ACH', 'CARD_ISSUING') });
    expect(summary(fa)).toEqual({
      FINANCIAL_ADDRESSES_ABA: 'PENDING ACTIVATING',
      DEPOSIT_INSURANCE: 'PENDING ACTIVATING',
      OUTBOUND_TRANSFERS_ACH: 'PENDING REQUIREMENTS_PENDING_VERIFICATION',
      CARD_ISSUING: 'RESTRICTED REQUIREMENTS_PAST_DUE/PROVIDE_INFORMATION',
    });
    await nextFeatureEvent(stream, fa.id);
    const open = await readFa(fa.id);
    expect([...open.activeFeatures].sort()).toEqual(['DEPOSIT_INSURANCE', 'FINANCIAL_ADDRESSES_ABA']);

    const res = await gateway.graphql(CLOSE_FA, { token: key, variables: { id: fa.id } });
    expect(res.errors).toBeUndefined();
    expect(res.data!.closeFinancialAccount.userErrors).toEqual([]);
    const closed = res.data!.closeFinancialAccount.financialAccount!;
    expectConsistent(closed);
    expect(closed.status).toBe('CLOSED');
    expect(closed.statusDetails).toEqual({ reasons: ['CLOSED_BY_PLATFORM'] });
    expect(Object.values(summary(closed))).toEqual(Array(4).fill('RESTRICTED FINANCIAL_ACCOUNT_CLOSED'));
    expect(closed.features[0].statusDetails).toEqual([{ code: 'FINANCIAL_ACCOUNT_CLOSED', resolution: null, restriction: null }]);
    expect(closed.activeFeatures).toEqual([]);
    expect(closed.pendingFeatures).toEqual([]);
    expect([...closed.restrictedFeatures].sort()).toEqual(['CARD_ISSUING', 'DEPOSIT_INSURANCE', 'FINANCIAL_ADDRESSES_ABA', 'OUTBOUND_TRANSFERS_ACH']);
    const closeEvent = await nextFeatureEvent(stream, fa.id);
    expect(Object.values(stripeSummary(closeEvent.data.object))).toEqual(Array(4).fill('restricted financial_account_closed'));
    expect((await eventsOf(fa.id)).slice(0, 2).map((e) => e.type).sort()).toEqual([
      'TREASURY_FINANCIAL_ACCOUNT_CLOSED',
      'TREASURY_FINANCIAL_ACCOUNT_FEATURES_STATUS_UPDATED',
    ]);
    const eventsAfterClose = (await eventsOf(fa.id)).length;

    // Nothing brings a closed account's features back: not the capability, not an activation, not an update.
    await setCapabilities(account.id, [
      { name: 'US_BANK_ACCOUNT_ACH_PAYMENTS', status: 'ACTIVE' },
      { name: 'CARD_ISSUING', status: 'ACTIVE' },
    ]);
    await gateway.server.services.activator.activate(fa.id);
    const update = await gateway.graphql(UPDATE_FA, { token: key, variables: { input: { financialAccount: fa.id, features: request('INTRA_STRIPE_FLOWS') } } });
    expect(update.data!.updateFinancialAccount.userErrors).toEqual([expect.objectContaining({ code: 'financial_account_closed' })]);
    const still = await readFa(fa.id);
    expect(still.status).toBe('CLOSED');
    expect(summary(still)).toEqual(summary(closed));
    expect(await eventsOf(fa.id)).toHaveLength(eventsAfterClose);
  });

  it('does not activate a feature whose account closed while it was activating', async () => {
    const account = await createAccount('Short Lived Co', ALL_ACTIVE);
    const fa = await createFa({ account: account.id, features: request('FINANCIAL_ADDRESSES_ABA') });
    expect(summary(fa)).toEqual({ FINANCIAL_ADDRESSES_ABA: 'PENDING ACTIVATING' });
    const res = await gateway.graphql(CLOSE_FA, { token: key, variables: { id: fa.id } });
    const closed = res.data!.closeFinancialAccount.financialAccount!;
    expectConsistent(closed);
    expect(summary(closed)).toEqual({ FINANCIAL_ADDRESSES_ABA: 'RESTRICTED FINANCIAL_ACCOUNT_CLOSED' });
    // What the scheduled activation does (run here, rather than waited for):
    await gateway.server.services.activator.activate(fa.id);
    const after = await readFa(fa.id);
    expect(summary(after)).toEqual({ FINANCIAL_ADDRESSES_ABA: 'RESTRICTED FINANCIAL_ACCOUNT_CLOSED' });
    expect(after.financialAddresses.length).toBe(closed.financialAddresses.length);
  });

  it('un-requests a feature: RESTRICTED (RESTRICTED_OTHER) and in no list; a new request activates it again, and ABA keeps its one address', async () => {
    const account = await createAccount('Changing Mind Co', ALL_ACTIVE);
    const stream = await featureEventsAfter(await latestEventId());
    const fa = await createFa({
      account: account.id,
      features: [...request('FINANCIAL_ADDRESSES_ABA', 'OUTBOUND_TRANSFERS_ACH'), { feature: 'DEPOSIT_INSURANCE', requested: false }],
    });
    // Not requested from the start: listed nowhere.
    expect(summary(fa)).toEqual({
      FINANCIAL_ADDRESSES_ABA: 'PENDING ACTIVATING',
      OUTBOUND_TRANSFERS_ACH: 'PENDING ACTIVATING',
      DEPOSIT_INSURANCE: 'unrequested RESTRICTED RESTRICTED_OTHER',
    });
    expect([...fa.pendingFeatures, ...fa.activeFeatures, ...fa.restrictedFeatures]).not.toContain('DEPOSIT_INSURANCE');
    await nextFeatureEvent(stream, fa.id);
    const active = await readFa(fa.id);
    expect([...active.activeFeatures].sort()).toEqual(['FINANCIAL_ADDRESSES_ABA', 'OUTBOUND_TRANSFERS_ACH']);
    const accountNumber = active.financialAddresses[0].aba!.accountNumber!;

    const dropped = await updateFa({ financialAccount: fa.id, features: [{ feature: 'OUTBOUND_TRANSFERS_ACH', requested: false }] });
    expect(summary(dropped)).toMatchObject({ OUTBOUND_TRANSFERS_ACH: 'unrequested RESTRICTED RESTRICTED_OTHER', FINANCIAL_ADDRESSES_ABA: 'ACTIVE' });
    expect(dropped.activeFeatures).toEqual(['FINANCIAL_ADDRESSES_ABA']);
    expect(dropped.restrictedFeatures).toEqual([]);
    const droppedEvent = await nextFeatureEvent(stream, fa.id);
    expect(droppedEvent.data.object.features.outbound_transfers.ach).toEqual({
      requested: false,
      status: 'restricted',
      status_details: [{ code: 'restricted_other', resolution: null, restriction: null }],
    });
    expect(stripeSummary(droppedEvent.data.object)['outbound_transfers.ach']).toBe('unrequested restricted restricted_other');

    // Requested again: activating, then active.
    expect(summary(await updateFa({ financialAccount: fa.id, features: request('OUTBOUND_TRANSFERS_ACH') })).OUTBOUND_TRANSFERS_ACH).toBe('PENDING ACTIVATING');
    await nextFeatureEvent(stream, fa.id);
    expect(stripeSummary((await nextFeatureEvent(stream, fa.id)).data.object)['outbound_transfers.ach']).toBe('active');

    // ABA given up and requested again: active again, with the same single address.
    const noAba = await updateFa({ financialAccount: fa.id, features: [{ feature: 'FINANCIAL_ADDRESSES_ABA', requested: false }] });
    expect(summary(noAba).FINANCIAL_ADDRESSES_ABA).toBe('unrequested RESTRICTED RESTRICTED_OTHER');
    expect(noAba.activeFeatures).toEqual(['OUTBOUND_TRANSFERS_ACH']);
    await nextFeatureEvent(stream, fa.id);
    await updateFa({ financialAccount: fa.id, features: request('FINANCIAL_ADDRESSES_ABA') });
    await nextFeatureEvent(stream, fa.id);
    expect(stripeSummary((await nextFeatureEvent(stream, fa.id)).data.object)['financial_addresses.aba']).toBe('active');
    const back = await readFa(fa.id);
    expect(summary(back).FINANCIAL_ADDRESSES_ABA).toBe('ACTIVE');
    expect(back.financialAddresses).toHaveLength(1);
    expect(back.financialAddresses[0].aba!.accountNumber).toBe(accountNumber);

    // Un-requested while activating: the activation leaves it alone.
    await updateFa({ financialAccount: fa.id, features: request('INBOUND_TRANSFERS_ACH') });
    const givenUp = await updateFa({ financialAccount: fa.id, features: [{ feature: 'INBOUND_TRANSFERS_ACH', requested: false }] });
    expect(summary(givenUp).INBOUND_TRANSFERS_ACH).toBe('unrequested RESTRICTED RESTRICTED_OTHER');
    await gateway.server.services.activator.activate(fa.id);
    const final = await readFa(fa.id);
    expect(summary(final)).toEqual({
      FINANCIAL_ADDRESSES_ABA: 'ACTIVE',
      OUTBOUND_TRANSFERS_ACH: 'ACTIVE',
      DEPOSIT_INSURANCE: 'unrequested RESTRICTED RESTRICTED_OTHER',
      INBOUND_TRANSFERS_ACH: 'unrequested RESTRICTED RESTRICTED_OTHER',
    });
  });
});

describe('activation across a restart', () => {
  it('activates, through the sweep of a new gateway over the same database, what a stopped gateway left pending', async () => {
    // The database outlives both instances: a holder owns it (and never activates anything itself).
    const holder = await startGateway({ featureActivationSweepMs: 3_600_000 });
    // The first instance would activate only after a minute: it stops long before.
    const first = await startGateway({ db: holder.db, featureActivationDelayMs: 60_000, featureActivationSweepMs: 3_600_000 });
    let second: TestGateway | null = null;
    let firstStopped = false;
    try {
      const { secretKey } = await createPlatform(first, { name: 'Restart Platform' });
      const account = await createAccount('Restarted Co', ALL_ACTIVE, first, secretKey);
      const res = await first.graphql(CREATE_FA, {
        token: secretKey,
        variables: { input: { account: account.id, supportedCurrencies: ['usd'], features: request('FINANCIAL_ADDRESSES_ABA', 'OUTBOUND_TRANSFERS_ACH') } },
      });
      const fa = res.data!.createFinancialAccount.financialAccount!;
      expectConsistent(fa);
      expect(summary(fa)).toEqual({ FINANCIAL_ADDRESSES_ABA: 'PENDING ACTIVATING', OUTBOUND_TRANSFERS_ACH: 'PENDING ACTIVATING' });
      const createdEvent = (await first.graphql(EVENTS, { token: secretKey, variables: { filter: { types: ['TREASURY_FINANCIAL_ACCOUNT_CREATED'] }, first: 1 } }))
        .data!.events.nodes[0];
      expect(createdEvent.objectId).toBe(fa.id);

      // Stop the first instance (its activator with it); the database stays.
      await first.stop();
      firstStopped = true;
      const pending = await first.db.prisma.featureSetting.findMany({ where: { financialAccountId: fa.id } });
      expect(pending.map((f) => f.status)).toEqual(['pending', 'pending']);

      second = await startGateway({ db: first.db, featureActivationSweepMs: 100, featureActivationDelayMs: 60_000 });
      const client = wsClient(second.url, secretKey);
      clients.push(client);
      const stream = await subscribeWs(client, EVENT_STREAM, { types: ['TREASURY_FINANCIAL_ACCOUNT_FEATURES_STATUS_UPDATED'], after: createdEvent.id });
      subscriptions.push(stream as LiveSubscription<unknown>);
      const activation = await nextFeatureEvent(stream, fa.id);
      expect(stripeSummary(activation.data.object)).toEqual({ 'financial_addresses.aba': 'active', 'outbound_transfers.ach': 'active' });
      expect(activation.data.object.financial_addresses).toHaveLength(1);

      const after = (await second.graphql(FINANCIAL_ACCOUNT, { token: secretKey, variables: { id: fa.id } })).data!.financialAccount!;
      expectConsistent(after);
      expect(summary(after)).toEqual({ FINANCIAL_ADDRESSES_ABA: 'ACTIVE', OUTBOUND_TRANSFERS_ACH: 'ACTIVE' });
      expect(after.financialAddresses).toHaveLength(1);
      // Later sweeps find nothing more to do: one activation event, one address.
      await until(async () => (await second!.db.prisma.featureSetting.count({ where: { status: 'pending' } })) === 0, 'no pending feature');
      const events = await first.db.prisma.event.findMany({ where: { objectId: fa.id }, orderBy: { sequence: 'asc' } });
      expect(events.map((e) => e.type)).toEqual(['treasury.financial_account.created', 'treasury.financial_account.features_status_updated']);
      expect(await first.db.prisma.financialAddress.count({ where: { financialAccountId: fa.id } })).toBe(1);
    } finally {
      if (!firstStopped) await first.stop();
      await second?.stop();
      await holder.stop();
    }
  });
});
