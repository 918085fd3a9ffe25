// Demo data: one platform ("Rocket Rides") with a few connected accounts,
// their financial accounts and ~90 days of money movement.
//
// Everything is made through the services, as the API would make it (with its
// events), at the time the demo's story puts it; so the demo can only show
// states the rules make. The money moves as real flows: accounts are funded by
// received credits, and spend by outbound transfers to the owner's bank account
// or to its other financial accounts, some posted, some still processing, some
// canceled, failed or returned; some are topped up by inbound transfers from
// the owner's bank account; third parties pull some by received debits, a few
// of them reversed. The story is planned first, then told in time
// order across all accounts, so every balance check sees the balance of its day.
import {
  CAPABILITIES,
  targetFeatureState,
  type CapabilityName,
  type CapabilityStatus,
  type Feature,
  type FeatureContext,
} from './domain/features.ts';
import { MAX_AMOUNT } from './domain/money.ts';
import type { Viewer } from './domain/viewer.ts';
import type { Services } from './services/index.ts';
import { balanceSumsOf } from './db/financial-accounts.ts';

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
        // Above 2^31-1 cents on purpose: amounts must not pass through a 32-bit Int anywhere. It arrives as
        // wires of at most Stripe's largest amount each.
        funding: 22_500_000_00n,
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

/** One thing that happens in the story, at its time. */
interface Happening {
  at: Date;
  run: () => Promise<unknown>;
}

interface DemoAccount {
  id: string;
  /** The business, as its statements name it. */
  holder: string;
  /** The owner's bank account (a payment method), where transfers out go; null for the platform's own account. */
  bank: { id: string; last4: string } | null;
  spec: FinancialAccountSpec;
  features: Set<Feature>;
  from: Date;
  /** Nothing settles after this (now, or just before the account closes). */
  to: Date;
  count: number;
  outboundUntil: Date | null;
  /** Only flows that complete cleanly, then a transfer of what is left, so it can close. */
  drainToZero: boolean;
  /** The owner's other financial accounts it may send money to over Stripe's network. */
  siblings: DemoAccount[];
}

type Fate = 'posted' | 'processing' | 'canceled' | 'failed' | 'returned';

interface Story {
  rng: Rng;
  services: Services;
  viewer: Viewer;
  happenings: Happening[];
  /** Fates the story must show at least once, given to the first transfers with time to reach them. */
  mustShow: Fate[];
}

const RETURN_CODES = ['account_closed', 'no_account', 'invalid_account_number', 'declined'] as const;

function planFlows(account: DemoAccount, story: Story): void {
  const { rng, services, viewer } = story;
  const { id, from, to } = account;
  const happen = (at: Date, run: () => Promise<unknown>) => story.happenings.push({ at, run });

  // Cash counted only from what has certainly happened by each flow's start;
  // money coming back later (cancellations, failures, returns) and money from
  // sibling accounts are left out, so a running total that stays >= 0 here
  // never meets balance_insufficient in the real ledger.
  let cash = 0n;

  const credit = (at: Date, amount: bigint, description: string, network: 'ach' | 'us_domestic_wire') => {
    cash += amount;
    happen(at, () => services.receivedCredits.create(viewer, { financialAccount: id, amount, currency: 'usd', network, description }, null, at));
  };

  const transfer = (at: Date, amount: bigint, to: DemoAccount | null, network: 'ach' | 'us_domestic_wire', fate: Fate, settledAt: Date, description: string) => {
    cash -= amount;
    const made = { id: '' };
    const input = to
      ? { destinationPaymentMethodData: { type: 'financial_account' as const, financialAccount: to.id } }
      : { destinationPaymentMethod: account.bank!.id, destinationPaymentMethodOptions: { usBankAccount: { network } } };
    happen(at, async () => {
      made.id = (await services.outboundTransfers.create(viewer, { financialAccount: id, amount, currency: 'usd', description, ...input }, null, at)).id;
    });
    // To another financial account it arrives at once and posts with its creation.
    if (to || fate === 'processing') return;
    const step = (when: Date, action: 'post' | 'fail' | 'cancel') => happen(when, () => services.outboundTransfers[action](viewer, { outboundTransfer: made.id }, null, when));
    if (fate === 'failed') step(settledAt, 'fail');
    else if (fate === 'canceled') step(settledAt, 'cancel');
    else step(settledAt, 'post');
    if (fate === 'returned') {
      const returnedAt = new Date(settledAt.getTime() + rng.int(1, 3) * DAY + rng.int(0, 8 * 60) * MINUTE);
      const code = rng.pick(RETURN_CODES);
      happen(returnedAt, () => services.outboundTransfers.return(viewer, { outboundTransfer: made.id, returnedDetails: { code } }, null, returnedAt));
    }
  };

  // The opening funding, as wires (ACH for small sums) of at most Stripe's largest amount.
  let unfunded = account.spec.funding;
  for (let i = 0; unfunded > 0n; i++) {
    const amount = unfunded > MAX_AMOUNT.usd ? MAX_AMOUNT.usd : unfunded;
    credit(new Date(from.getTime() + i * MINUTE), amount, `${account.holder} | Received credit | initial funding`, amount > 10_000_00n ? 'us_domestic_wire' : 'ach');
    unfunded -= amount;
  }

  // Distinct, increasing start times over the window, after the funding.
  // A closing account stops early enough for its last flows and the drain to settle.
  const lastStart = account.drainToZero ? to.getTime() - 3 * DAY : to.getTime();
  const span = lastStart - from.getTime();
  const times = Array.from({ length: account.count - 1 }, () => from.getTime() + HOUR + Math.floor(rng.float() * (span - 2 * HOUR)));
  // One flow in the last hours (see below).
  if (!account.drainToZero) times.push(lastStart - rng.int(20, 600) * MINUTE);
  const starts = times.sort((a, b) => a - b).map((t, i) => new Date(t + i));

  const ach = account.features.has('outbound_transfers_ach');
  const wire = account.features.has('outbound_transfers_us_domestic_wire');
  const siblings = account.drainToZero || !account.features.has('intra_stripe_flows') ? [] : account.siblings;

  for (const openedAt of starts) {
    const outboundOk = (ach || wire) && account.bank !== null && (!account.outboundUntil || openedAt < account.outboundUntil);
    const kinds: Array<['credit' | 'bank' | 'sibling' | 'debit', number]> = [['credit', 45]];
    if (outboundOk) kinds.push(['bank', 40]);
    if (outboundOk && siblings.length > 0) kinds.push(['sibling', 15]);
    if (outboundOk && account.features.has('financial_addresses_aba') && !account.drainToZero) kinds.push(['debit', 10]);
    // The flow of the last hours goes out, so that most accounts show a transfer in flight.
    let kind = outboundOk && !account.drainToZero && openedAt === starts[starts.length - 1] ? 'bank' : rng.weighted(kinds);
    let amount = rng.cents(1_00n, 25_000_00n);
    if (kind !== 'credit' && amount > cash / 3n) {
      // Not enough to spend comfortably: let money come in instead.
      if (cash / 3n >= 1_00n) amount = rng.cents(1_00n, cash / 3n);
      else kind = 'credit';
    }
    if (kind === 'credit') {
      credit(openedAt, amount, `${rng.pick(CREDITORS)} | Received credit | ${rng.pick(CREDIT_DESCRIPTORS)}`, amount > 10_000_00n && rng.chance(0.5) ? 'us_domestic_wire' : 'ach');
      continue;
    }
    if (kind === 'debit') {
      // One in ten asks for more than the account holds: Stripe declines it (insufficient_funds) and no money moves.
      const declined = rng.chance(0.1);
      if (!declined) cash -= amount;
      planReceivedDebit(story, account, openedAt, declined ? MAX_AMOUNT.usd : amount);
      continue;
    }
    if (kind === 'sibling') {
      const to = rng.pick(siblings);
      transfer(openedAt, amount, to, 'ach', 'posted', openedAt, `${account.holder} | Outbound transfer | to ${to.spec.nickname}`);
      continue;
    }
    const network = !ach || (wire && (amount > 10_000_00n ? rng.chance(0.6) : rng.chance(0.1))) ? 'us_domestic_wire' : 'ach';
    // ACH settles in a day or two; wires the same day.
    const settleIn = network === 'us_domestic_wire' ? rng.int(10, 240) * MINUTE : rng.int(18, 52) * HOUR;
    const cancelIn = rng.int(5, 180) * MINUTE;
    const left = to.getTime() - openedAt.getTime();
    let fate: Fate;
    if (account.drainToZero) fate = 'posted';
    else if (left < settleIn || (left < 2 * DAY && rng.chance(0.6))) fate = left > cancelIn && rng.chance(0.15) ? 'canceled' : 'processing';
    else if (left > settleIn + 4 * DAY && story.mustShow.length > 0) fate = story.mustShow.shift()!;
    else if (left > settleIn + 4 * DAY) fate = rng.weighted([['posted', 82], ['canceled', 6], ['failed', 6], ['returned', 6]]);
    else fate = rng.weighted([['posted', 88], ['canceled', 6], ['failed', 6]]);
    const settledAt = new Date(openedAt.getTime() + (fate === 'canceled' ? cancelIn : settleIn));
    const bank = account.bank!;
    transfer(openedAt, amount, null, network, fate, settledAt, `${account.holder} (${bank.last4}) | Outbound transfer | ${rng.pick(['transfer', 'sweep', 'owner draw'])}`);
  }

  // Stripe closes only an empty account. `cash` is exact here because a
  // closing account's transfers all post (nothing comes back later).
  // Like the funding, in transfers of at most Stripe's largest amount.
  for (let i = 0; account.drainToZero && cash > 0n; i++) {
    const amount = cash > MAX_AMOUNT.usd ? MAX_AMOUNT.usd : cash;
    const openedAt = new Date(to.getTime() - DAY + i * MINUTE);
    transfer(openedAt, amount, null, 'ach', 'posted', new Date(openedAt.getTime() + 4 * HOUR), `${account.holder} (${account.bank!.last4}) | Outbound transfer | closing balance`);
  }
}

const DEBITORS = ['PG&E Autopay', 'Gusto Payroll', 'Comcast Business', 'State Farm Insurance', 'Intuit QuickBooks', 'ADP Payroll'];

/**
 * A received debit (Stripe's test helper: a third party pulling money over ACH)
 * at `at`; now and then the holder disputes it within its deadline, and the
 * network resolves the reversal a day or two later (won: the money is back),
 * or has not yet (left processing, for the server to resolve after it starts).
 */
function planReceivedDebit(story: Story, account: DemoAccount, at: Date, amount: bigint): void {
  const { rng, services, viewer } = story;
  const debit = { id: '' };
  const description = `${rng.pick(DEBITORS)} | Received debit | ACH pull`;
  story.happenings.push({
    at,
    run: async () => {
      debit.id = (await services.receivedDebits.create(viewer, { financialAccount: account.id, amount, currency: 'usd', network: 'ach', description }, null, at)).id;
    },
  });
  if (amount === MAX_AMOUNT.usd || !rng.chance(0.3)) return;
  // Well within the deadline (about a banking day after receipt).
  const reversedAt = new Date(at.getTime() + rng.int(10, 240) * MINUTE);
  const resolvedAt = new Date(reversedAt.getTime() + rng.int(20, 48) * HOUR);
  // The reversal brings money in over ABA: not once the platform has restricted the account.
  if (reversedAt >= account.to || (account.outboundUntil && reversedAt >= account.outboundUntil)) return;
  const reversal = { id: '' };
  story.happenings.push({
    at: reversedAt,
    run: async () => {
      reversal.id = (await services.debitReversals.create(viewer, { receivedDebit: debit.id, metadata: { reason: 'unauthorized' } }, null, reversedAt)).id;
    },
  });
  if (resolvedAt < account.to) story.happenings.push({ at: resolvedAt, run: () => services.debitReversalCompleter.complete(reversal.id, resolvedAt) });
}

/**
 * Credits sent by mistake and sent back: on each of `accounts` (open, receiving
 * over ACH, unrestricted), a received credit in the last minutes, reversed
 * shortly after; the first reversal has posted, the others are processing
 * (Stripe, here the gateway, posts them soon after the server starts).
 * Its credit and reversal cancel out, so no other flow's cash is touched.
 */
async function reverseMisdirectedCredits(services: Services, viewer: Viewer, accounts: DemoAccount[], now: Date): Promise<void> {
  for (const [i, account] of accounts.entries()) {
    const at = (minutesAgo: number) => new Date(now.getTime() - (minutesAgo - i) * MINUTE);
    const credit = await services.receivedCredits.create(
      viewer,
      { financialAccount: account.id, amount: 1_250_00n + BigInt(i) * 310_00n, currency: 'usd', network: 'ach', description: 'Misdirected payment' },
      null,
      at(18),
    );
    const reversal = await services.creditReversals.create(viewer, { receivedCredit: credit.id, metadata: { reason: 'sent in error' } }, null, at(15));
    if (i === 0) await services.creditReversals.post(reversal.id, at(12));
  }
}

const INBOUND_FAILURE_CODES = ['insufficient_funds', 'account_closed', 'debit_not_authorized', 'no_account'] as const;

/**
 * Money the owner pulls in from its own bank account (InboundTransfers over
 * ACH): a few top-ups, most succeeded a day or two later, some canceled,
 * failed or returned by the bank, the latest maybe still processing. Their
 * money is left out of the spending plan's cash (planFlows), so a return
 * always finds it. Not on an account that closes (it must end empty, with
 * nothing pending) or whose outbound flows the platform restricts (a return
 * is a debit of the account).
 */
function planInboundTransfers(account: DemoAccount, story: Story): void {
  const { rng, services, viewer } = story;
  const bank = account.bank;
  if (!bank || account.drainToZero || account.outboundUntil || !account.features.has('inbound_transfers_ach')) return;
  const happen = (at: Date, run: () => Promise<unknown>) => story.happenings.push({ at, run });
  const span = account.to.getTime() - account.from.getTime() - 2 * HOUR;
  for (let i = rng.int(1, 3); i > 0; i--) {
    const at = new Date(account.from.getTime() + HOUR + Math.floor(rng.float() * span));
    const settledAt = new Date(at.getTime() + rng.int(18, 52) * HOUR);
    const returnedAt = new Date(settledAt.getTime() + rng.int(1, 2) * DAY);
    const left = account.to.getTime() - at.getTime();
    const fate =
      settledAt.getTime() > account.to.getTime()
        ? 'processing'
        : rng.weighted<'succeeded' | 'canceled' | 'failed' | 'returned'>([['succeeded', 70], ['canceled', 10], ['failed', 10], ['returned', left > returnedAt.getTime() - at.getTime() ? 10 : 0]]);
    const made = { id: '' };
    const input = {
      financialAccount: account.id,
      amount: rng.cents(50_00n, 5_000_00n),
      currency: 'usd',
      originPaymentMethod: bank.id,
      description: `${account.holder} (${bank.last4}) | Inbound transfer | top up`,
    };
    happen(at, async () => {
      made.id = (await services.inboundTransfers.create(viewer, input, null, at)).id;
    });
    const transfer = () => ({ inboundTransfer: made.id });
    if (fate === 'canceled') {
      const canceledAt = new Date(at.getTime() + rng.int(5, 120) * MINUTE);
      happen(canceledAt, () => services.inboundTransfers.cancel(viewer, transfer(), null, canceledAt));
    }
    if (fate === 'failed') {
      const failureDetails = { code: rng.pick(INBOUND_FAILURE_CODES) };
      happen(settledAt, () => services.inboundTransfers.fail(viewer, { ...transfer(), failureDetails }, null, settledAt));
    }
    if (fate === 'succeeded' || fate === 'returned') happen(settledAt, () => services.inboundTransfers.succeed(viewer, transfer(), null, settledAt));
    if (fate === 'returned') happen(returnedAt, () => services.inboundTransfers.return(viewer, transfer(), null, returnedAt));
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
  const story: Story = { rng, services, viewer, happenings: [], mustShow: ['failed', 'canceled', 'returned'] };

  const demoAccount = (
    id: string,
    holder: string,
    bank: DemoAccount['bank'],
    spec: FinancialAccountSpec,
    capabilities: Record<CapabilityName, CapabilityStatus> | null,
    createdAt: Date,
  ): DemoAccount => {
    const closedAt = spec.closedDaysAgo !== undefined ? ago(spec.closedDaysAgo * DAY) : null;
    const restrictedAt = spec.outboundRestrictedDaysAgo !== undefined ? ago(spec.outboundRestrictedDaysAgo * DAY) : null;
    if (restrictedAt) {
      story.happenings.push({
        at: restrictedAt,
        run: () =>
          services.financialAccounts.update(
            viewer,
            { financialAccount: id, platformRestrictions: { inboundFlows: 'unrestricted', outboundFlows: 'restricted' } },
            restrictedAt,
          ),
      });
    }
    if (closedAt) story.happenings.push({ at: closedAt, run: () => services.financialAccounts.close(viewer, { financialAccount: id }, closedAt) });
    return {
      id,
      holder,
      bank,
      spec,
      features: usableFeatures(spec, capabilities),
      from: createdAt > windowStart ? createdAt : windowStart,
      to: closedAt ? new Date(closedAt.getTime() - 2 * HOUR) : now,
      count: closedAt ? rng.int(4, 6) : rng.int(8, 16),
      outboundUntil: restrictedAt,
      drainToZero: closedAt !== null,
      siblings: [],
    };
  };

  planFlows(demoAccount(platform.financialAccountId!, 'Rocket Rides', null, platformSpec, null, platformFaCreatedAt), story);
  /** Connected accounts' financial accounts that can take a credit and send it back, for reverseMisdirectedCredits. */
  const reversible: DemoAccount[] = [];
  /** The open accounts that pay third parties (OutboundPayments), after the story. */
  const payers: DemoAccount[] = [];

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
    const accountNumber = rng.digits(12);
    const { id: bankId } = await services.paymentMethods.create(
      viewer,
      {
        account: accountId,
        type: 'us_bank_account',
        usBankAccount: { routingNumber: '110000000', accountNumber, accountHolderType: 'company', accountType: 'checking' },
        billingDetails: { name: spec.name },
      },
      null,
      new Date(createdAt.getTime() + HOUR),
    );
    const bank = { id: bankId, last4: accountNumber.slice(-4) };
    const owned: DemoAccount[] = [];
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
      owned.push(demoAccount(id, spec.name, bank, fa, spec.capabilities, faCreatedAt));
    }
    const moving = owned.filter((a) => !a.spec.idle);
    // Money moves between an owner's accounts that can take it over Stripe's network: not closing, and not
    // restricted by the platform (which restricts intra-Stripe flows both ways).
    const receivers = moving.filter((a) => !a.drainToZero && a.outboundUntil === null && a.features.has('intra_stripe_flows'));
    for (const account of moving) {
      account.siblings = receivers.filter((r) => r !== account);
      planFlows(account, story);
      planInboundTransfers(account, story);
    }
    reversible.push(...moving.filter((a) => !a.drainToZero && a.outboundUntil === null && a.features.has('financial_addresses_aba')));
    payers.push(...receivers.filter((a) => a.features.has('outbound_payments_ach')));
  }

  // The story in time order (ties keep their planned order: a transfer's creation before its steps).
  const ordered = story.happenings.map((h, i) => ({ ...h, i })).sort((a, b) => a.at.getTime() - b.at.getTime() || a.i - b.i);
  for (const happening of ordered) await happening.run();
  await reverseMisdirectedCredits(services, viewer, reversible.slice(0, 2), now);
  await seedOutboundPayments(services, viewer, payers, rng, now);

  return { platformId, secretKey: platform.secretKey };
}

const VENDORS = ['Pacific Gas & Electric', 'Sysco Foods', 'Bayview Properties', 'Uline Supplies'];

/**
 * OutboundPayments to third parties in the last hours, after the story: to a vendor's bank account given inline
 * (one posted, one still processing, one returned) and, over Stripe's network, to another owner's financial
 * account, which posts and arrives there as a ReceivedCredit. Each pays a small share of the cash it finds.
 */
async function seedOutboundPayments(services: Services, viewer: Viewer, payers: DemoAccount[], rng: Rng, now: Date): Promise<void> {
  const payments = services.outboundPayments;
  for (const [i, account] of payers.entries()) {
    const cash = (await services.unitOfWork.run((tx) => balanceSumsOf(tx, account.id))).find((b) => b.currency === 'usd')?.cash ?? 0n;
    if (cash < 40_00n) continue;
    const at = (minutesAgo: number) => new Date(now.getTime() - (180 - i * 7 - minutesAgo) * MINUTE);
    // A twentieth of the cash, and never more than the story's largest payment: a twentieth of a large
    // balance could exceed the largest amount a payment may have.
    const largest = cash / 20n < 25_000_00n ? cash / 20n : 25_000_00n;
    const amount = () => rng.cents(1_00n, largest);
    for (const [n, fate] of (['posted', 'processing', 'returned'] as const).entries()) {
      const vendor = VENDORS[(i + n) % VENDORS.length];
      const { id } = await payments.create(
        viewer,
        {
          financialAccount: account.id,
          amount: amount(),
          currency: 'usd',
          customer: `cus_Demo${i}${n}`,
          description: `${account.holder} | Outbound payment | ${vendor}`,
          destinationPaymentMethodData: {
            type: 'us_bank_account',
            usBankAccount: { routingNumber: '110000000', accountNumber: rng.digits(12), accountHolderType: 'company' },
            billingDetails: { name: vendor },
          },
          endUserDetails: { present: false },
        },
        null,
        at(n * 10),
      );
      if (fate !== 'processing') await payments.post(viewer, { outboundPayment: id }, null, at(n * 10 + 60));
      if (fate === 'returned') await payments.return(viewer, { outboundPayment: id, returnedDetails: { code: 'account_closed' } }, null, at(n * 10 + 120));
    }
    const payee = payers.find((other) => other.bank?.id !== account.bank?.id);
    if (!payee) continue;
    const { id } = await payments.create(
      viewer,
      {
        financialAccount: account.id,
        amount: amount(),
        currency: 'usd',
        description: `${account.holder} | Outbound payment | ${payee.holder}`,
        destinationPaymentMethodData: { type: 'financial_account', financialAccount: payee.id },
      },
      null,
      at(40),
    );
    // Stripe posts it within minutes.
    await services.stripeNetworkPoster.post(id, at(42));
  }
}
