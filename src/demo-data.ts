// Demo data: one platform ("Rocket Rides") with a few connected accounts,
// their financial accounts and ~90 days of money movement.
//
// The platform, its accounts and their financial accounts are made through
// the services, as the API would make them (with their events), at the times
// the demo's story puts them; so the demo can only show states the rules make.
// Every transaction comes from the ledger rules in src/domain/ledger.ts and is
// written by the ledger's writer (src/db/ledger.ts), in one bulk write.
import { entriesAt, newFlowId, writeHistory, type HistoricTransaction, type LedgerAccount } from './db/ledger.ts';
import {
  CAPABILITIES,
  targetFeatureState,
  type CapabilityName,
  type CapabilityStatus,
  type Feature,
  type FeatureContext,
} from './domain/features.ts';
import { entriesForFlow, type FlowOutcome, type LedgerFlowType, type LedgerTransaction } from './domain/ledger.ts';
import type { Viewer } from './domain/viewer.ts';
import type { Services } from './services/index.ts';

export interface SeedOptions {
  /** The seed's "now": every timestamp lies at or before it. */
  now?: Date;
  /** Source of randomness for amounts, times and choices (ids stay random). */
  random?: () => number;
}


const DAY = 86_400_000;
const HOUR = 3_600_000;
const MINUTE = 60_000;


const OUTBOUND_FEATURES: Feature[] = [
  'outbound_payments_ach',
  'outbound_payments_us_domestic_wire',
  'outbound_transfers_ach',
  'outbound_transfers_us_domestic_wire',
];

const ALL_BUT_CARDS: Feature[] = [
  'deposit_insurance',
  'financial_addresses_aba',
  'inbound_transfers_ach',
  'intra_stripe_flows',
  ...OUTBOUND_FEATURES,
];

// The feature each flow needs in order to happen at all.
const FLOW_FEATURES: Record<LedgerFlowType, Feature[]> = {
  // Credits and debits arrive through the account's ABA address.
  received_credit: ['financial_addresses_aba'],
  received_debit: ['financial_addresses_aba'],
  inbound_transfer: ['inbound_transfers_ach'],
  outbound_transfer: ['outbound_transfers_ach', 'outbound_transfers_us_domestic_wire'],
  outbound_payment: ['outbound_payments_ach', 'outbound_payments_us_domestic_wire'],
};

const FLOW_WEIGHTS: Array<[LedgerFlowType, number]> = [
  ['received_credit', 26],
  ['inbound_transfer', 10],
  ['received_debit', 9],
  ['outbound_transfer', 22],
  ['outbound_payment', 33],
];

// Money leaving the account: needs cash, and stops when the platform restricts outbound flows.
const OUTFLOWS = new Set<LedgerFlowType>(['outbound_transfer', 'outbound_payment', 'received_debit']);

// Payees with the last 4 digits of their bank account and what they are paid
// for, as Stripe's descriptions show them.
const PAYEES: Array<[string, string, string]> = [
  ['Sysco Foods', '4821', 'supplies'],
  ['Pacific Gas & Electric', '0093', 'utilities'],
  ['Uline', '7710', 'supplies'],
  ['Comcast Business', '3356', 'internet'],
  ['Gusto Payroll', '6789', 'payroll'],
  ['Shell Fleet Services', '1402', 'fuel'],
  ['Hartford Insurance', '5518', 'premium'],
  ['Bay Area Properties LLC', '2267', 'rent'],
  ['Grainger Industrial', '9034', 'invoice'],
  ['Penske Truck Leasing', '4470', 'lease'],
  ['Amazon Business', '8125', 'invoice'],
  ['Maria Gonzalez', '3091', 'contractor'],
  ['Liam Chen Consulting', '6642', 'services'],
];
const CREDITORS = [
  'Rocket Rides Payouts',
  'Shopify Payments',
  'Square Inc',
  'Hilton Worldwide',
  'City of Oakland',
  'Acme Logistics',
  'Greenleaf Events',
  'Blue Bottle Coffee',
];
const CREDIT_DESCRIPTORS = ['ach credit', 'wire', 'settlement', 'invoice paid', 'refund'];
const DEBITORS = ['IRS USATAXPYMT', 'AT&T Billpay', 'ADP Tax', 'Verizon Wireless', 'State Farm', 'AWS'];

interface ConnectedSpec {
  name: string;
  email: string;
  owner: string;
  ageDays: number;
  capabilities: Record<CapabilityName, CapabilityStatus>;
  financialAccounts: FinancialAccountSpec[];
}

interface FinancialAccountSpec {
  nickname: string;
  ageDays: number;
  features: Feature[];
  metadata?: Record<string, string>;
  /** Opening credit, in cents; the account's money all starts here. */
  funding: bigint;
  /** The platform restricted outbound flows this many days ago. */
  outboundRestrictedDaysAgo?: number;
  /** The platform closed it this many days ago, after emptying it. */
  closedDaysAgo?: number;
  /** No money movement: the account cannot move money yet. */
  idle?: boolean;
}

const PLATFORM_FINANCIAL_ACCOUNT: FinancialAccountSpec = {
  nickname: 'Platform operating',
  ageDays: 540,
  features: ALL_BUT_CARDS,
  metadata: { purpose: 'platform_operating' },
  funding: 2_500_000_00n,
};

const CONNECTED: ConnectedSpec[] = [
  {
    name: 'Northwind Freight Co.',
    email: 'finance@northwindfreight.example',
    owner: 'Jane Austen',
    ageDays: 420,
    capabilities: { treasury: 'active', card_issuing: 'active', us_bank_account_ach_payments: 'active', transfers: 'active' },
    financialAccounts: [
      {
        nickname: 'Operating',
        ageDays: 400,
        features: ALL_BUT_CARDS,
        metadata: { purpose: 'operating', cost_center: 'HQ-100' },
        // Above 2^31-1 cents on purpose: amounts must not pass through a 32-bit Int anywhere.
        funding: 48_250_000_00n,
      },
      {
        nickname: 'Payroll',
        ageDays: 380,
        features: ['deposit_insurance', 'financial_addresses_aba', 'intra_stripe_flows', 'outbound_payments_ach', 'outbound_transfers_ach'],
        metadata: { purpose: 'payroll' },
        funding: 640_000_00n,
      },
      {
        nickname: 'Fuel cards',
        ageDays: 200,
        features: ['card_issuing', ...ALL_BUT_CARDS],
        metadata: { purpose: 'card_spend', fleet: 'west' },
        funding: 180_000_00n,
      },
    ],
  },
  {
    name: 'Kavholm Catering LLC',
    email: 'accounts@kavholm.example',
    owner: 'Anders Kavholm',
    ageDays: 300,
    capabilities: { treasury: 'active', card_issuing: 'pending', us_bank_account_ach_payments: 'active', transfers: 'active' },
    financialAccounts: [
      {
        nickname: 'Operating',
        ageDays: 290,
        features: ['card_issuing', ...ALL_BUT_CARDS],
        funding: 320_000_00n,
      },
      {
        nickname: 'Tips pool',
        ageDays: 120,
        features: ['deposit_insurance', 'financial_addresses_aba', 'intra_stripe_flows', 'outbound_payments_ach', 'outbound_transfers_ach'],
        metadata: { purpose: 'tips' },
        funding: 45_000_00n,
      },
    ],
  },
  {
    name: 'Bramble & Birch Florists',
    email: 'hello@brambleandbirch.example',
    owner: 'Priya Raman',
    ageDays: 500,
    capabilities: { treasury: 'active', card_issuing: 'active', us_bank_account_ach_payments: 'active', transfers: 'active' },
    financialAccounts: [
      {
        nickname: 'Main',
        ageDays: 480,
        features: ALL_BUT_CARDS,
        metadata: { purpose: 'operating' },
        funding: 210_000_00n,
      },
      {
        nickname: 'Tax reserve',
        ageDays: 240,
        features: ALL_BUT_CARDS,
        metadata: { purpose: 'tax_reserve', review: 'quarterly' },
        funding: 150_000_00n,
        outboundRestrictedDaysAgo: 21,
      },
      {
        nickname: 'Old operating',
        ageDays: 470,
        features: ALL_BUT_CARDS,
        funding: 60_000_00n,
        closedDaysAgo: 30,
      },
    ],
  },
  {
    name: 'Lumen Yoga Studio',
    email: 'studio@lumenyoga.example',
    owner: 'Sam Okafor',
    ageDays: 4,
    capabilities: { treasury: 'pending', card_issuing: 'active', us_bank_account_ach_payments: 'active', transfers: 'inactive' },
    financialAccounts: [
      {
        nickname: 'Main',
        ageDays: 3,
        features: ['card_issuing', ...ALL_BUT_CARDS],
        funding: 0n,
        idle: true,
      },
    ],
  },
];

class Rng {
  constructor(private readonly next: () => number) {}
  float(): number {
    return this.next();
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)];
  }
  weighted<T>(options: ReadonlyArray<[T, number]>): T {
    const total = options.reduce((sum, [, w]) => sum + w, 0);
    let r = this.next() * total;
    for (const [value, weight] of options) {
      if ((r -= weight) < 0) return value;
    }
    return options[options.length - 1][0];
  }
  digits(count: number): string {
    let out = String(this.int(1, 9));
    while (out.length < count) out += String(this.int(0, 9));
    return out;
  }
  /** Log-uniform cents: small payments are common, large ones rare, as in real books. */
  cents(min: bigint, max: bigint): bigint {
    const lo = Math.log(Number(min));
    const hi = Math.log(Number(max));
    return BigInt(Math.round(Math.exp(lo + this.next() * (hi - lo))));
  }
}

interface LedgerPlan {
  account: LedgerAccount;
  rng: Rng;
  /** The account holder's own external bank account, for transfers. */
  holder: { name: string; last4: string };
  from: Date;
  /** Nothing settles after this (now, or just before the account closed). */
  to: Date;
  count: number;
  funding: bigint;
  activeFeatures: Set<Feature>;
  outboundUntil: Date | null;
  /** Only flows that completed cleanly, then drain the cash to zero (for closing). */
  drainToZero: boolean;
}

function planLedger(plan: LedgerPlan, history: HistoricTransaction[]): void {
  const { rng, holder, from, to } = plan;
  const push = (ledger: LedgerTransaction, flow: { id: string; type: LedgerFlowType }, description: string, openedAt: Date, settledAt: Date) =>
    history.push({
      transaction: { financialAccount: plan.account, currency: 'usd', amount: ledger.amount, description, flow, at: openedAt },
      entries: entriesAt(ledger, openedAt, settledAt),
    });
  const canFlow = (type: LedgerFlowType) => FLOW_FEATURES[type].some((f) => plan.activeFeatures.has(f));

  // Cash counted only from what has certainly happened by each flow's start;
  // money coming back later (cancellations, returns) is left out, so a
  // running total that stays >= 0 here is >= 0 in the real ledger too.
  let cash = 0n;

  const emit = (type: LedgerFlowType, outcome: FlowOutcome, amount: bigint, openedAt: Date, settledAt: Date, description: string) => {
    const flow = { id: newFlowId(type), type };
    const ledger = entriesForFlow(type, outcome as never, amount);
    push(ledger, flow, description, openedAt, settledAt);
    cash += ledger.entries[0].impact.cash;
    if (ledger.returnTransaction) {
      const returnedAt = new Date(settledAt.getTime() + rng.int(1, 3) * DAY + rng.int(0, 8 * 60) * MINUTE);
      const returnDescription = description.replace(/\| Outbound (transfer|payment) \|/, '| Outbound $1 return |');
      push(ledger.returnTransaction, flow, returnDescription, returnedAt, returnedAt);
    }
  };

  emit('received_credit', 'succeeded', plan.funding, from, from, `${holder.name} | Received credit | initial funding`);

  // Distinct, increasing start times over the window, after the funding credit.
  // A closing account stops early enough for its last flows and the drain to settle.
  const lastStart = plan.drainToZero ? to.getTime() - 3 * DAY : to.getTime();
  const span = lastStart - from.getTime();
  const times = Array.from({ length: plan.count - 2 }, () => from.getTime() + HOUR + Math.floor(rng.float() * (span - 2 * HOUR)));
  // One flow in the last hours, so that most accounts show something in flight.
  if (!plan.drainToZero) times.push(lastStart - rng.int(20, 600) * MINUTE);
  const starts = times.sort((a, b) => a - b).map((t, i) => new Date(t + i));

  for (const openedAt of starts) {
    const outboundOk = !plan.outboundUntil || openedAt < plan.outboundUntil;
    const choices = FLOW_WEIGHTS.filter(([type]) => canFlow(type) && (outboundOk || !OUTFLOWS.has(type)));
    if (choices.length === 0) break;
    let type = rng.weighted(choices);
    let amount = rng.cents(1_00n, 25_000_00n);
    if (OUTFLOWS.has(type) && amount > cash / 3n) {
      // Not enough to spend comfortably: let money come in instead.
      if (cash / 3n >= 1_00n) amount = rng.cents(1_00n, cash / 3n);
      else type = canFlow('inbound_transfer') && rng.chance(0.5) ? 'inbound_transfer' : 'received_credit';
    }

    const left = to.getTime() - openedAt.getTime();
    if (type === 'outbound_transfer' || type === 'outbound_payment') {
      const wire = plan.activeFeatures.has(`${type}s_us_domestic_wire` as Feature) && (amount > 10_000_00n ? rng.chance(0.6) : rng.chance(0.1));
      const ach = plan.activeFeatures.has(`${type}s_ach` as Feature);
      const network = wire || !ach ? 'wire' : 'ach';
      // ACH settles in a day or two; wires the same day.
      const settleIn = network === 'wire' ? rng.int(10, 240) * MINUTE : rng.int(18, 52) * HOUR;
      const cancelIn = rng.int(5, 180) * MINUTE;
      let outcome: FlowOutcome<'outbound_transfer'>;
      if (plan.drainToZero) outcome = 'posted';
      else if (left < settleIn || (left < 2 * DAY && rng.chance(0.6))) outcome = left > cancelIn && rng.chance(0.15) ? 'canceled' : 'processing';
      else if (left > settleIn + 4 * DAY) outcome = rng.weighted([['posted', 82], ['canceled', 6], ['failed', 6], ['returned', 6]]);
      else outcome = rng.weighted([['posted', 88], ['canceled', 6], ['failed', 6]]);
      const settledAt = new Date(openedAt.getTime() + (outcome === 'canceled' ? cancelIn : settleIn));
      const description =
        type === 'outbound_transfer'
          ? `${holder.name} (${holder.last4}) | Outbound transfer | ${rng.pick(['transfer', 'sweep', 'owner draw'])}`
          : ((payee) => `${payee[0]} (${payee[1]}) | Outbound payment | ${payee[2]}`)(rng.pick(PAYEES));
      emit(type, outcome, amount, openedAt, settledAt, description);
    } else if (type === 'received_debit') {
      emit(type, 'succeeded', amount, openedAt, openedAt, `${rng.pick(DEBITORS)} | Received debit | ach debit`);
    } else if (type === 'inbound_transfer') {
      emit(type, 'succeeded', amount, openedAt, openedAt, `${holder.name} (${holder.last4}) | Inbound transfer | top up`);
    } else {
      emit(type, 'succeeded', amount, openedAt, openedAt, `${rng.pick(CREDITORS)} | Received credit | ${rng.pick(CREDIT_DESCRIPTORS)}`);
    }
  }

  // Stripe closes only an empty account. `cash` is exact here because a
  // closing account's outbound flows all post (nothing comes back later).
  if (plan.drainToZero && cash > 0n) {
    const openedAt = new Date(to.getTime() - DAY);
    emit('outbound_transfer', 'posted', cash, openedAt, new Date(openedAt.getTime() + 4 * HOUR), `${holder.name} (${holder.last4}) | Outbound transfer | closing balance`);
  }
}

/**
 * The features a financial account could use over its history: those the
 * rules (src/domain/features.ts) make active, and those the platform's
 * restriction or the closing took away later (usable until then).
 */
function usableFeatures(spec: FinancialAccountSpec, capabilities: Record<CapabilityName, CapabilityStatus> | null): Set<Feature> {
  if (spec.closedDaysAgo !== undefined) return new Set(spec.features);
  const context: FeatureContext = {
    accountOpen: true,
    // The platform's own financial accounts need no capabilities of a connected account.
    capabilities: capabilities ?? Object.fromEntries(CAPABILITIES.map((name) => [name, 'active' as const])),
    restrictions: { inboundFlows: null, outboundFlows: spec.outboundRestrictedDaysAgo !== undefined ? 'restricted' : null },
  };
  return new Set(
    spec.features.filter((feature) => {
      const { status, statusDetails } = targetFeatureState(feature, true, context);
      return status === 'active' || statusDetails.some((d) => d.code === 'restricted_by_platform');
    }),
  );
}

/**
 * Fills an empty database with a demo platform, through `services`, and
 * returns its id and a test secret key (the only time the secret exists in clear).
 */
export async function seedDemoData(services: Services, options: SeedOptions = {}): Promise<{ platformId: string; secretKey: string }> {
  const now = options.now ?? new Date();
  const rng = new Rng(options.random ?? Math.random);
  const ago = (ms: number) => new Date(now.getTime() - ms);
  const windowStart = ago(90 * DAY);
  const history: HistoricTransaction[] = [];
  // Changes to make once the history is written: a restriction, or closing an emptied account.
  const afterHistory: Array<() => Promise<unknown>> = [];

  const platformSpec = PLATFORM_FINANCIAL_ACCOUNT;
  const platformFaCreatedAt = ago(platformSpec.ageDays * DAY + rng.int(0, 12 * 60) * MINUTE);
  const platform = await services.platforms.create({
    name: 'Rocket Rides',
    email: 'treasury@rocketrides.example',
    metadata: { tier: 'enterprise' },
    at: ago(600 * DAY),
    financialAccount: { nickname: platformSpec.nickname, metadata: platformSpec.metadata, at: platformFaCreatedAt },
  });
  const { platformId } = platform;
  // The seed calls the services directly, outside any operation budget.
  const viewer: Viewer = { platformId, livemode: false, accountId: null, credential: 'secret_key', credentialId: 'demo-seed', expiresAt: null };

  const planHistory = (
    financialAccount: LedgerAccount,
    holder: { name: string; last4: string },
    spec: FinancialAccountSpec,
    capabilities: Record<CapabilityName, CapabilityStatus> | null,
    createdAt: Date,
  ) => {
    const closedAt = spec.closedDaysAgo !== undefined ? ago(spec.closedDaysAgo * DAY) : null;
    const restrictedAt = spec.outboundRestrictedDaysAgo !== undefined ? ago(spec.outboundRestrictedDaysAgo * DAY) : null;
    if (restrictedAt) {
      afterHistory.push(() =>
        services.financialAccounts.update(
          viewer,
          { financialAccount: financialAccount.id, platformRestrictions: { inboundFlows: 'unrestricted', outboundFlows: 'restricted' } },
          restrictedAt,
        ),
      );
    }
    if (closedAt) afterHistory.push(() => services.financialAccounts.close(viewer, { financialAccount: financialAccount.id }, closedAt));
    if (spec.idle) return;
    const from = createdAt > windowStart ? createdAt : windowStart;
    planLedger(
      {
        account: financialAccount,
        rng,
        holder,
        from,
        to: closedAt ? new Date(closedAt.getTime() - 2 * HOUR) : now,
        // Flows, not transactions: a returned flow adds a second transaction.
        count: closedAt ? rng.int(5, 9) : rng.int(20, 76),
        funding: spec.funding,
        activeFeatures: usableFeatures(spec, capabilities),
        outboundUntil: restrictedAt,
        drainToZero: closedAt !== null,
      },
      history,
    );
  };

  planHistory(
    { id: platform.financialAccountId!, platformId, accountId: platformId, livemode: false },
    { name: 'Rocket Rides', last4: rng.digits(4) },
    platformSpec,
    null,
    platformFaCreatedAt,
  );

  for (const spec of CONNECTED) {
    const createdAt = ago(spec.ageDays * DAY + rng.int(0, 24 * 60) * MINUTE);
    const { id: accountId } = await services.connectedAccounts.create(
      viewer,
      {
        displayName: spec.name,
        email: spec.email,
        country: 'US',
        metadata: { owner: spec.owner },
        capabilities: (Object.entries(spec.capabilities) as Array<[CapabilityName, CapabilityStatus]>).map(([name, status]) => ({ name, status })),
      },
      null,
      createdAt,
    );
    // The business's own external bank account, where its outbound transfers go.
    const holder = { name: spec.name, last4: rng.digits(4) };
    for (const fa of spec.financialAccounts) {
      const faCreatedAt = ago(fa.ageDays * DAY + rng.int(0, 12 * 60) * MINUTE);
      const { id } = await services.financialAccounts.create(
        viewer,
        {
          account: accountId,
          supportedCurrencies: ['usd'],
          nickname: fa.nickname,
          metadata: fa.metadata ?? null,
          features: fa.features.map((feature) => ({ feature, requested: true })),
        },
        null,
        faCreatedAt,
      );
      // Stripe activates requested features shortly after the request.
      await services.activator.activate(id, new Date(faCreatedAt.getTime() + rng.int(1, 30) * MINUTE));
      planHistory({ id, platformId, accountId, livemode: false }, holder, fa, spec.capabilities, faCreatedAt);
    }
  }

  // Stand-in: no money-movement flow exists yet, so this history is written
  // straight through the ledger's writer and its flow ids name no flow object;
  // the money-movement work replaces it with real flows.
  await services.unitOfWork.run((tx) => writeHistory(tx, history));
  for (const change of afterHistory) await change();

  return { platformId, secretKey: platform.secretKey };
}
