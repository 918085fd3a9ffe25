// The mixed workload of the money-movements benchmark (bench/movements.ts):
// every money movement the gateway has, in a fixed, seeded mix over several
// financial accounts of several owners, through the real server over HTTP.
//
// Design. Every request of the mix is one mutation that stands alone. A step
// that needs an earlier one (posting or cancelling an outbound transfer,
// succeeding an inbound transfer, reversing a received credit or debit) acts
// on an object made for it in a setup phase before the measured run, through
// the same API; the objects the mix itself creates are left as they are. So
// the load client sends a plain list of bodies (bench/http-load.ts, unchanged)
// and every latency is that of one mutation. Accepted movements are counted in
// the database per kind (rows created, or rows moved to the step's state);
// refused = sent − accepted.
import type { Database } from '../src/db/database.ts';
import type { GatewayServer } from '../src/server.ts';
import type { Feature } from '../src/domain/features.ts';
import { createConnectedAccount, createFinancialAccount, createPaymentMethod, fundFinancialAccount } from '../test/support/fixtures.ts';
import { ledgerViolations } from '../test/support/ledger-checks.ts';
import type { LoadJob, LoadResult } from './http-load.ts';
import { log, postOnce, round1, round2, scalar, summarize, type LatencySummary } from './common.ts';
import { loadavg } from 'node:os';

export const MIXED_FEATURES: Feature[] = [
  'financial_addresses_aba',
  'outbound_transfers_ach',
  'outbound_payments_ach',
  'inbound_transfers_ach',
  'intra_stripe_flows',
];

/** The kinds of the mix, each one mutation, with its weight (how many in every 20 requests). */
export const KINDS = {
  receivedCredit: { weight: 2, label: 'createReceivedCredit (ACH)' },
  receivedDebit: { weight: 2, label: 'createReceivedDebit (ACH)' },
  outboundTransferCreate: { weight: 2, label: 'createOutboundTransfer (ACH, owner\'s bank account)' },
  outboundTransferPost: { weight: 2, label: 'postOutboundTransfer (of one made in setup)' },
  outboundTransferCancel: { weight: 1, label: 'cancelOutboundTransfer (of one made in setup)' },
  outboundPaymentBank: { weight: 2, label: 'createOutboundPayment (bank account inline, ACH)' },
  outboundPaymentFinancialAccount: { weight: 2, label: 'createOutboundPayment (another owner\'s financial account, Stripe network)' },
  inboundTransferCreate: { weight: 2, label: 'createInboundTransfer (owner\'s bank account)' },
  inboundTransferSucceed: { weight: 2, label: 'succeedInboundTransfer (of one made in setup)' },
  creditReversal: { weight: 2, label: 'createCreditReversal (of a credit made in setup)' },
  debitReversal: { weight: 1, label: 'createDebitReversal (of a debit made in setup)' },
} as const;
export type Kind = keyof typeof KINDS;
const KIND_NAMES = Object.keys(KINDS) as Kind[];

export const MUTATIONS = {
  receivedCredit: `mutation BenchRc($input: CreateReceivedCreditInput!) { createReceivedCredit(input: $input) { receivedCredit { id status } userErrors { code message } } }`,
  receivedDebit: `mutation BenchRd($input: CreateReceivedDebitInput!) { createReceivedDebit(input: $input) { receivedDebit { id status } userErrors { code message } } }`,
  outboundTransferCreate: `mutation BenchObt($input: CreateOutboundTransferInput!) { createOutboundTransfer(input: $input) { outboundTransfer { id status } userErrors { code message } } }`,
  outboundTransferPost: `mutation BenchObtPost($input: PostOutboundTransferInput!) { postOutboundTransfer(input: $input) { outboundTransfer { id status } userErrors { code message } } }`,
  outboundTransferCancel: `mutation BenchObtCancel($input: CancelOutboundTransferInput!) { cancelOutboundTransfer(input: $input) { outboundTransfer { id status } userErrors { code message } } }`,
  outboundPaymentBank: `mutation BenchObp($input: CreateOutboundPaymentInput!) { createOutboundPayment(input: $input) { outboundPayment { id status } userErrors { code message } } }`,
  outboundPaymentFinancialAccount: `mutation BenchObpFa($input: CreateOutboundPaymentInput!) { createOutboundPayment(input: $input) { outboundPayment { id status } userErrors { code message } } }`,
  inboundTransferCreate: `mutation BenchIbt($input: CreateInboundTransferInput!) { createInboundTransfer(input: $input) { inboundTransfer { id status } userErrors { code message } } }`,
  inboundTransferSucceed: `mutation BenchIbtSucceed($input: SucceedInboundTransferInput!) { succeedInboundTransfer(input: $input) { inboundTransfer { id status } userErrors { code message } } }`,
  creditReversal: `mutation BenchCredrev($input: CreateCreditReversalInput!) { createCreditReversal(input: $input) { creditReversal { id status } userErrors { code message } } }`,
  debitReversal: `mutation BenchDebrev($input: CreateDebitReversalInput!) { createDebitReversal(input: $input) { debitReversal { id status } userErrors { code message } } }`,
} satisfies Record<Kind, string>;

/** Per kind, the accepted movements so far on the mix's accounts: rows created, or rows in the state the step leads to. */
const ACCEPTED_SQL: Record<Kind, string> = {
  receivedCredit: `SELECT count(*)::text AS v FROM "ReceivedCredit" WHERE "financialAccountId" = ANY($1) AND "network" = 'ach' AND "status" = 'succeeded'`,
  receivedDebit: `SELECT count(*)::text AS v FROM "ReceivedDebit" WHERE "financialAccountId" = ANY($1) AND "status" = 'succeeded'`,
  outboundTransferCreate: `SELECT count(*)::text AS v FROM "OutboundTransfer" WHERE "financialAccountId" = ANY($1)`,
  outboundTransferPost: `SELECT count(*)::text AS v FROM "OutboundTransfer" WHERE "financialAccountId" = ANY($1) AND "status" = 'posted'`,
  outboundTransferCancel: `SELECT count(*)::text AS v FROM "OutboundTransfer" WHERE "financialAccountId" = ANY($1) AND "status" = 'canceled'`,
  outboundPaymentBank: `SELECT count(*)::text AS v FROM "OutboundPayment" WHERE "financialAccountId" = ANY($1) AND "destinationType" = 'us_bank_account'`,
  outboundPaymentFinancialAccount: `SELECT count(*)::text AS v FROM "OutboundPayment" WHERE "financialAccountId" = ANY($1) AND "destinationType" = 'financial_account'`,
  inboundTransferCreate: `SELECT count(*)::text AS v FROM "InboundTransfer" WHERE "financialAccountId" = ANY($1)`,
  inboundTransferSucceed: `SELECT count(*)::text AS v FROM "InboundTransfer" WHERE "financialAccountId" = ANY($1) AND "status" = 'succeeded'`,
  creditReversal: `SELECT count(*)::text AS v FROM "CreditReversal" WHERE "financialAccountId" = ANY($1)`,
  debitReversal: `SELECT count(*)::text AS v FROM "DebitReversal" WHERE "financialAccountId" = ANY($1)`,
};

export interface MixedWorld {
  secretKey: string;
  owners: number;
  /** The mix's financial accounts, each with its owner's bank account (a payment method) and owner index. */
  accounts: Array<{ id: string; paymentMethod: string; owner: number }>;
}

export interface MixedKindFigures {
  sent: number;
  accepted: number;
  refused: number;
  movementsPerSecond: number;
  latencyMs: LatencySummary;
}

export interface MixedMeasurement {
  concurrency: number;
  accounts: number;
  owners: number;
  seed: number;
  requests: number;
  accepted: number;
  refused: number;
  cappedByTime: boolean;
  setupSeconds: number;
  wallSeconds: number;
  movementsPerSecond: number;
  latencyMs: LatencySummary;
  perKind: Record<Kind, MixedKindFigures>;
  loadAverage1m: { before: number; after: number };
}

/** Owners (connected accounts) with a few financial accounts each, every feature the mix needs, funded by one received credit each. */
export async function fillMixed(
  world: { db: Database; server: GatewayServer },
  platformId: string,
  secretKey: string,
  config: { owners: number; accountsPerOwner: number; funding: number },
): Promise<MixedWorld> {
  const accounts: MixedWorld['accounts'] = [];
  for (let owner = 0; owner < config.owners; owner++) {
    const account = await createConnectedAccount(world, platformId, { displayName: `Mixed owner ${owner}` });
    const pm = await createPaymentMethod(world, { platformId, accountId: account.id }, { name: `Mixed Payee ${owner}` });
    for (let j = 0; j < config.accountsPerOwner; j++) {
      const fa = await createFinancialAccount(world, { platformId, accountId: account.id }, { nickname: `mixed ${owner}.${j}`, features: [...MIXED_FEATURES] });
      await fundFinancialAccount(world, fa, BigInt(config.funding));
      accounts.push({ id: fa.id, paymentMethod: pm.id, owner });
    }
  }
  return { secretKey, owners: config.owners, accounts };
}

/** mulberry32: a small seeded generator, so that every run sends the same mix. */
function seeded(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Planned {
  kind: Kind;
  account: MixedWorld['accounts'][number];
  amount: number;
  /** For a payment to a financial account: another owner's account. */
  destination?: string;
  /** For a step on an earlier object: its id, made in setup. */
  target?: string;
}

/**
 * `total` requests: the kinds in their weights' proportions (the weights' bag
 * repeated, then shuffled), accounts and amounts (1–50 dollars and cents)
 * drawn, all from the seed.
 */
export function planMix(world: MixedWorld, total: number, seed: number): Planned[] {
  const random = seeded(seed);
  const bag = KIND_NAMES.flatMap((kind) => Array.from({ length: KINDS[kind].weight }, () => kind));
  const kinds = Array.from({ length: total }, (_, i) => bag[i % bag.length]);
  for (let i = kinds.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [kinds[i], kinds[j]] = [kinds[j], kinds[i]];
  }
  return kinds.map((kind) => {
    const account = world.accounts[Math.floor(random() * world.accounts.length)];
    const amount = 100 + Math.floor(random() * 4_900);
    const others = world.accounts.filter((a) => a.owner !== account.owner);
    const destination = others[Math.floor(random() * others.length)].id;
    return { kind, account, amount, destination: kind === 'outboundPaymentFinancialAccount' ? destination : undefined };
  });
}

const BANK = { routingNumber: '110000000', accountNumber: '000999888777', accountHolderType: 'INDIVIDUAL' };

/** The variables of a planned request (its target, for a step, already set). */
export function variables(p: Planned): Record<string, unknown> {
  const money = { financialAccount: p.account.id, amount: p.amount, currency: 'usd' };
  switch (p.kind) {
    case 'receivedCredit':
      return { input: { ...money, network: 'ACH', description: 'Bench mixed credit' } };
    case 'receivedDebit':
      return { input: { ...money, network: 'ACH', description: 'Bench mixed debit' } };
    case 'outboundTransferCreate':
      return { input: { ...money, destinationPaymentMethod: p.account.paymentMethod, destinationPaymentMethodOptions: { usBankAccount: { network: 'ACH' } } } };
    case 'outboundPaymentBank':
      return { input: { ...money, destinationPaymentMethodData: { type: 'US_BANK_ACCOUNT', usBankAccount: BANK, billingDetails: { name: 'Ada Lovelace' } } } };
    case 'outboundPaymentFinancialAccount':
      return { input: { ...money, destinationPaymentMethodData: { type: 'FINANCIAL_ACCOUNT', financialAccount: p.destination } } };
    case 'inboundTransferCreate':
      return { input: { ...money, originPaymentMethod: p.account.paymentMethod } };
    case 'outboundTransferPost':
    case 'outboundTransferCancel':
      return { input: { outboundTransfer: p.target } };
    case 'inboundTransferSucceed':
      return { input: { inboundTransfer: p.target } };
    case 'creditReversal':
      return { input: { receivedCredit: p.target } };
    case 'debitReversal':
      return { input: { receivedDebit: p.target } };
  }
}

/** What a step needs made first, as the planned request that makes it. */
export const PREREQUISITE: Partial<Record<Kind, Kind>> = {
  outboundTransferPost: 'outboundTransferCreate',
  outboundTransferCancel: 'outboundTransferCreate',
  inboundTransferSucceed: 'inboundTransferCreate',
  creditReversal: 'receivedCredit',
  debitReversal: 'receivedDebit',
};

export async function call(url: string, headers: Record<string, string>, p: Planned): Promise<{ id: string }> {
  const answer = await postOnce(url, headers, MUTATIONS[p.kind], variables(p));
  const payload = answer.data && (Object.values(answer.data)[0] as any);
  const made = payload && Object.entries(payload).find(([k]) => k !== 'userErrors')?.[1];
  if (answer.errors || payload?.userErrors?.length || !made) throw new Error(`mixed ${p.kind}: ${JSON.stringify(answer).slice(0, 500)}`);
  return made as { id: string };
}

/** Makes, through the API, every object the plan's steps act on, and sets their targets. */
async function prepare(url: string, headers: Record<string, string>, plan: Planned[]) {
  for (const p of plan) {
    const first = PREREQUISITE[p.kind];
    if (first) p.target = (await call(url, headers, { ...p, kind: first })).id;
  }
}

/** One request of each kind, its answer checked in full (a refusal would otherwise count as a fast movement). */
export async function probeMixed(url: string, headers: Record<string, string>, world: MixedWorld) {
  const plan = KIND_NAMES.map((kind, i): Planned => {
    const account = world.accounts[i % world.accounts.length];
    const destination = world.accounts.find((a) => a.owner !== account.owner)!.id;
    return { kind, account, amount: 100, destination };
  });
  await prepare(url, headers, plan);
  for (const p of plan) await call(url, headers, p);
}

async function acceptedCounts(db: Database, ids: string[]) {
  const counts = {} as Record<Kind, number>;
  for (const kind of KIND_NAMES) counts[kind] = Number(await scalar(db, ACCEPTED_SQL[kind], [ids]));
  return counts;
}

/** Prepares the plan, then sends it from the load client at `concurrency`; figures per kind and overall. */
export async function runMixed(
  db: Database,
  load: (job: LoadJob) => Promise<LoadResult>,
  job: { url: string; headers: Record<string, string>; timeCapMs: number },
  world: MixedWorld,
  options: { total: number; seed: number; concurrency: number },
): Promise<MixedMeasurement> {
  const plan = planMix(world, options.total, options.seed);
  const setupStarted = performance.now();
  await prepare(job.url, job.headers, plan);
  const setupSeconds = Math.round(performance.now() - setupStarted) / 1000;
  const ids = world.accounts.map((a) => a.id);
  const bodies = plan.map((p) => JSON.stringify({ query: MUTATIONS[p.kind], variables: variables(p) }));

  const before = await acceptedCounts(db, ids);
  const loadBefore = loadavg()[0];
  const run = await load({ ...job, bodies, total: bodies.length, concurrency: options.concurrency });
  const loadAfter = loadavg()[0];
  if (run.firstError) throw new Error(`mixed × ${options.concurrency}: ${run.firstError}`);
  const after = await acceptedCounts(db, ids);

  const seconds = run.wallMs / 1000;
  const perKind = {} as Record<Kind, MixedKindFigures>;
  for (const kind of KIND_NAMES) {
    const samples = run.samples.filter(([i]) => plan[i].kind === kind);
    const accepted = after[kind] - before[kind];
    perKind[kind] = {
      sent: samples.length,
      accepted,
      refused: samples.length - accepted,
      movementsPerSecond: round1(accepted / seconds),
      latencyMs: summarize(samples.map((s) => s[1])),
    };
  }
  const accepted = KIND_NAMES.reduce((sum, k) => sum + perKind[k].accepted, 0);
  return {
    concurrency: options.concurrency,
    accounts: world.accounts.length,
    owners: world.owners,
    seed: options.seed,
    requests: run.samples.length,
    accepted,
    refused: run.samples.length - accepted,
    cappedByTime: run.cappedByTime,
    setupSeconds,
    wallSeconds: Math.round(run.wallMs) / 1000,
    movementsPerSecond: round1(accepted / seconds),
    latencyMs: summarize(run.samples.map((s) => s[1])),
    perKind,
    loadAverage1m: { before: round2(loadBefore), after: round2(loadAfter) },
  };
}

/**
 * After the mix: lets the steps Stripe takes by itself (credit reversals
 * posting, debit reversals completing, payments over Stripe's network posting)
 * finish, then checks the ledger's invariants over the whole database and that
 * no account's cash is negative.
 */
export async function checkMixedInvariants(db: Database, world: MixedWorld, settleCapMs: number) {
  const ids = world.accounts.map((a) => a.id);
  const pendingSql = `SELECT ((SELECT count(*) FROM "CreditReversal" WHERE "financialAccountId" = ANY($1) AND "status" = 'processing')
                      + (SELECT count(*) FROM "DebitReversal" WHERE "financialAccountId" = ANY($1) AND "status" = 'processing')
                      + (SELECT count(*) FROM "OutboundPayment" WHERE "financialAccountId" = ANY($1) AND "network" = 'stripe' AND "status" = 'processing'))::text AS v`;
  const settleStarted = performance.now();
  let pending = Number(await scalar(db, pendingSql, [ids]));
  while (pending > 0 && performance.now() - settleStarted < settleCapMs) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    pending = Number(await scalar(db, pendingSql, [ids]));
  }
  const violations = await ledgerViolations(db);
  const negativeCash = Number(await scalar(db, `SELECT count(*)::text AS v FROM "FinancialAccountBalance" WHERE "cash" < 0`));
  const mixedCash = await scalar(db, `SELECT coalesce(sum("cash"), 0)::text AS v FROM "FinancialAccountBalance" WHERE "financialAccountId" = ANY($1)`, [ids]);
  if (violations.length || negativeCash) {
    throw new Error(`mixed: ledger invariants broken: ${JSON.stringify({ violations: violations.slice(0, 5), negativeCash })}`);
  }
  log(`mixed: settled in ${Math.round(performance.now() - settleStarted)} ms, ${pending} asynchronous steps still processing`);
  return {
    violations: violations.length,
    negativeCash,
    asynchronousStepsStillProcessing: pending,
    settleMs: Math.round(performance.now() - settleStarted),
    mixedAccountsCashCents: mixedCash,
  };
}

export function describeMixed(m: MixedMeasurement) {
  return `api mixed × ${m.concurrency}: ${m.movementsPerSecond}/s, p50 ${m.latencyMs.p50} ms, p99 ${m.latencyMs.p99} ms (${m.accepted}/${m.requests} accepted)`;
}

export function mixedMarkdown(mixed: MixedMeasurement[], invariants: Awaited<ReturnType<typeof checkMixedInvariants>> | undefined, warmup: number): string {
  if (!mixed.length) return '';
  const first = mixed[0];
  const weights = KIND_NAMES.reduce((s, k) => s + KINDS[k].weight, 0);
  const overall = mixed
    .map(
      (m) =>
        `| ${m.concurrency} | ${m.accepted} / ${m.requests}${m.cappedByTime ? ' (time cap)' : ''} | ${m.refused} | **${m.movementsPerSecond}** | ${m.latencyMs.p50} | ${m.latencyMs.p95} | ${m.latencyMs.p99} | ${m.setupSeconds} s | ${m.loadAverage1m.before} → ${m.loadAverage1m.after} |`,
    )
    .join('\n');
  const perKind = KIND_NAMES.map((kind) => {
    const cells = mixed.map((m) => {
      const k = m.perKind[kind];
      if (!k.sent) return `0 / 0 | – | – | – | –`;
      return `${k.accepted} / ${k.sent} | ${k.movementsPerSecond} | ${k.latencyMs.p50} | ${k.latencyMs.p95} | ${k.latencyMs.p99}`;
    });
    return `| ${KINDS[kind].label} | ${cells.join(' | ')} |`;
  }).join('\n');
  const header = mixed.map((m) => `×${m.concurrency} accepted / sent | ×${m.concurrency} /s | p50 | p95 | p99`).join(' | ');
  const align = mixed.map(() => '---|---|---|---|---').join('|');
  const one = mixed.find((m) => m.concurrency === 1);
  const eight = mixed.find((m) => m.concurrency === 8);
  const meaning =
    one && eight
      ? `From one client the mix runs at ${one.movementsPerSecond} movements/s, from 8 at ${eight.movementsPerSecond}/s (×${round2(eight.movementsPerSecond / one.movementsPerSecond)}; p99 ${one.latencyMs.p99} → ${eight.latencyMs.p99} ms). ` +
        `A kind's movements/s is its share of the mixed run (its accepted movements over the run's wall time), not what it would do alone. ` +
        `The machine was shared with other work during these runs (1-minute load average ${one.loadAverage1m.before}–${eight.loadAverage1m.after}, see the table): the absolute figures are those of a loaded machine; compare kinds within a run, and runs by ratios.`
      : '';
  return `
## Mixed workload (api)

Every money movement the gateway has, through the real server over HTTP from the load client in its own process: a fixed mix drawn from seed ${first.seed} over ${first.accounts} financial accounts of ${first.owners} owners (connected accounts, each with a bank account; every account funded by one received credit and with the features ${MIXED_FEATURES.join(', ')}). Amounts are drawn between $1.00 and $49.99; the kinds in fixed proportions (of every ${weights} requests): ${KIND_NAMES.map((k) => `${KINDS[k].weight} ${k}`).join(', ')}, shuffled. The same mix (seed) runs at each concurrency, after a warm-up mix of ${warmup} requests of another seed.

Each request is one mutation. A step on an earlier object (post or cancel an outbound transfer, succeed an inbound transfer, reverse a received credit or debit) acts on one made for it, through the same API, in a setup phase before the measured run (its time in the *setup* column, not in the figures); what the mix itself creates is left as it is. The steps Stripe takes by itself run in the server meanwhile, as they would (credit reversals post, debit reversals complete, payments over Stripe's network post and credit their destination, each about a second or two after its request). Accepted is counted in the database per kind (rows created, or rows now in the step's state), refused = sent − accepted.

| clients | accepted / sent | refused | movements/s | p50 ms | p95 ms | p99 ms | setup | load average |
|---|---|---|---|---|---|---|---|---|
${overall}

Per kind (latency in ms):

| kind | ${header} |
|---|${align}|
${perKind}

${invariants ? `After the mixed runs, and after the steps Stripe takes by itself had finished (${invariants.asynchronousStepsStillProcessing} still processing after ${invariants.settleMs} ms): ${invariants.violations} violations of the ledger's invariants over the whole database (every balance equals its entries, every transaction its entries, no negative cash); ${invariants.negativeCash} accounts with negative cash; the mix's accounts hold ${invariants.mixedAccountsCashCents} cents of cash in all.` : ''}

${meaning}
`;
}
