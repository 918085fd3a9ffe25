// The ledger's invariants under random histories, on the real database through
// the real server: after every step, each stored sub-balance equals the sum of
// its entries' impacts, each transaction's impact equals the sum of its entries,
// no cash is negative, and the balances equal those of a model kept by the test.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendEntries, newFlowId, openTransaction, type LedgerAccount } from '../src/db/ledger.ts';
import { addImpacts, entriesForFlow, FLOW_OUTCOMES, sumImpacts, ZERO_IMPACT, type BalanceImpact, type FlowOutcome, type LedgerFlowType } from '../src/domain/ledger.ts';
import { nextOutboundTransfer, type OutboundTransferState } from '../src/domain/money-movements/index.ts';
import { graphql } from './gql/index.ts';
import { databaseSnapshot, rowCounts } from './support/db-snapshot.ts';
import { createConnectedAccount, createFinancialAccount, createFlows, createPaymentMethod, createPlatform } from './support/fixtures.ts';
import { startGateway, type TestGateway } from './support/gateway.ts';
import { CountingBus, ledgerViolations, storedBalances } from './support/ledger-checks.ts';

// Sized so the two parts run thousands of steps in all (sequences are generated at full length: size 'max'),
// well under a minute on the embedded database. After every step the model's balances are compared with the
// stored ones; after every sequence, every invariant over the whole database and the API's balances.
// LEDGER_PROPERTY_SCALE multiplies the sequences of both parts for a longer soak than CI's
// (`LEDGER_PROPERTY_SCALE=20 npx vitest run test/ledger-properties.test.ts`: some 1,300 sequences).
const SCALE = Math.max(1, Number(process.env.LEDGER_PROPERTY_SCALE) || 1);
const WRITER_RUNS = 50 * SCALE;
const WRITER_MAX_COMMANDS = 60;
const FINANCIAL_ACCOUNTS = 4;

let gateway: TestGateway;
/** Counts what the gateway publishes: a refused operation must publish nothing. */
const bus = new CountingBus();
let key: string;
let accounts: LedgerAccount[];

// One gateway for both parts: a second would cost more start-up than many steps.
beforeAll(async () => {
  // Reversals and payments over Stripe's network resolve only when a step says so, never by their own timer.
  gateway = await startGateway({
    eventBus: bus,
    debitReversalCompletionDelayMs: 3_600_000,
    debitReversalCompletionSweepMs: 3_600_000,
    creditReversalPostingDelayMs: 3_600_000,
    creditReversalPostingSweepMs: 3_600_000,
    stripeNetworkPostingDelayMs: 3_600_000,
  });
  const platform = await createPlatform(gateway);
  key = platform.secretKey;
  const owner = await createConnectedAccount(gateway, platform.platformId);
  accounts = [];
  for (let i = 0; i < FINANCIAL_ACCOUNTS; i++) {
    accounts.push(await createFinancialAccount(gateway, { platformId: platform.platformId, accountId: owner.id }, { nickname: `Ledger ${i}` }));
  }
});
afterAll(() => gateway?.stop());

const BALANCES = graphql(`
  query LedgerPropertyBalances($ids: [ID!]!) {
    nodes(ids: $ids) {
      ... on FinancialAccount { id balance { cash { amount } inboundPending { amount } outboundPending { amount } } }
    }
  }
`);

/** The balances as the API reports them, by financial account. */
async function apiBalances(ids: string[], on: TestGateway = gateway, token: string = key): Promise<Map<string, BalanceImpact>> {
  const res = await on.graphql(BALANCES, { token, variables: { ids } });
  expect(res.errors).toBeUndefined();
  return new Map(
    res.data!.nodes.map((node) => {
      const fa = node as { id: string; balance: { cash: Array<{ amount: number }>; inboundPending: Array<{ amount: number }>; outboundPending: Array<{ amount: number }> } };
      const first = (list: Array<{ amount: number }>) => BigInt(list[0]?.amount ?? 0);
      return [fa.id, { cash: first(fa.balance.cash), inboundPending: first(fa.balance.inboundPending), outboundPending: first(fa.balance.outboundPending) }];
    }),
  );
}

/** After a step: the model's balances equal the stored ones (one statement, so every step can afford it). */
async function expectBalancesToMatch(model: Map<string, BalanceImpact>, db: TestGateway['db'] = gateway.db) {
  const stored = await storedBalances(db, [...model.keys()]);
  expect(Object.fromEntries(stored), 'stored balances after the step').toEqual(Object.fromEntries(model));
}

/** After a sequence: every invariant over the whole database, and the model equal to the API's balances too. */
async function expectLedgerToHold(model: Map<string, BalanceImpact>, on: TestGateway = gateway, token: string = key) {
  expect(await ledgerViolations(on.db)).toEqual([]);
  await expectBalancesToMatch(model, on.db);
  expect(Object.fromEntries(await apiBalances([...model.keys()], on, token))).toEqual(Object.fromEntries(model));
}

// ------------------------------------------------------------ the ledger writer

/** What the test expects: each account's balance, and the outbound transfers still open to a next step. */
interface WriterModel {
  balances: Map<string, BalanceImpact>;
  transfers: Array<{ account: LedgerAccount; state: OutboundTransferState; transactionId: string }>;
}

const impactOf = (flowType: LedgerFlowType, outcome: FlowOutcome, amount: bigint) => {
  const ledger = entriesForFlow(flowType, outcome as never, amount);
  return ledger.returnTransaction ? addImpacts(ledger.impact, ledger.returnTransaction.impact) : ledger.impact;
};

/** A whole flow in one write (the fixtures' path): any ledger rule, any outcome; never more out than the cash. */
class WriteFlow implements fc.AsyncCommand<WriterModel, TestGateway> {
  constructor(
    readonly account: number,
    readonly flowType: LedgerFlowType,
    readonly outcome: FlowOutcome,
    readonly amount: bigint,
  ) {}
  check(model: Readonly<WriterModel>) {
    const balance = model.balances.get(accounts[this.account].id)!;
    // An outflow's first entry takes the amount from cash (a hold or a debit): the writer checks no funds, its callers do.
    return entriesForFlow(this.flowType, this.outcome as never, this.amount).entries[0].impact.cash + balance.cash >= 0n;
  }
  async run(model: WriterModel, real: TestGateway) {
    const account = accounts[this.account];
    await createFlows(real, account, [{ flowType: this.flowType, outcome: this.outcome, amount: this.amount, at: new Date() }]);
    model.balances.set(account.id, addImpacts(model.balances.get(account.id)!, impactOf(this.flowType, this.outcome, this.amount)));
    await expectBalancesToMatch(model.balances);
  }
  toString() {
    return `write ${this.flowType} ${this.outcome} ${this.amount} on #${this.account}`;
  }
}

/**
 * An outbound transfer's first step, by the domain's state machine: its transaction opened with its entries in
 * one statement (as a movement's step writes it), or opened and then appended to.
 */
class OpenTransfer implements fc.AsyncCommand<WriterModel, TestGateway> {
  constructor(
    readonly account: number,
    readonly amount: bigint,
    readonly together: boolean,
  ) {}
  check(model: Readonly<WriterModel>) {
    return model.balances.get(accounts[this.account].id)!.cash >= this.amount;
  }
  async run(model: WriterModel, real: TestGateway) {
    const account = accounts[this.account];
    const at = new Date();
    const step = nextOutboundTransfer(null, { type: 'create', amount: this.amount, at });
    if (!step.ok) throw new Error(step.message);
    const flow = { id: newFlowId('outbound_transfer'), type: 'outbound_transfer' as const };
    const transaction = await real.server.services.unitOfWork.run(async (tx) => {
      const head = { financialAccount: account, currency: 'usd', amount: -this.amount, description: 'Property transfer', flow, at };
      const entries = step.entries.map((e) => ({ ...e, at }));
      if (this.together) return openTransaction(tx, head, entries);
      return appendEntries(tx, (await openTransaction(tx, head)).id, entries);
    });
    model.transfers.push({ account, state: step.state, transactionId: transaction.id });
    model.balances.set(account.id, addImpacts(model.balances.get(account.id)!, sumImpacts(step.entries.map((e) => e.impact))));
    await expectBalancesToMatch(model.balances);
  }
  toString() {
    return `open transfer ${this.amount} on #${this.account}${this.together ? ' with its entries' : ''}`;
  }
}

/** A later step of an open transfer (or one the machine refuses, which must write nothing). */
class StepTransfer implements fc.AsyncCommand<WriterModel, TestGateway> {
  constructor(
    readonly pick: number,
    readonly action: 'cancel' | 'post' | 'fail' | 'return',
    /** A return's transaction: opened with its entries, or opened and then appended to. */
    readonly together: boolean,
  ) {}
  check(model: Readonly<WriterModel>) {
    return model.transfers.length > 0;
  }
  async run(model: WriterModel, real: TestGateway) {
    const transfer = model.transfers[this.pick % model.transfers.length];
    const at = new Date();
    const step = nextOutboundTransfer(transfer.state, { type: this.action, at });
    if (!step.ok) {
      // Refused (post twice, cancel after post, ...): the ledger must be exactly as before.
      await expectBalancesToMatch(model.balances);
      return;
    }
    await real.server.services.unitOfWork.run(async (tx) => {
      const own = step.entries.filter((e) => e.transaction === 'flow');
      if (own.length > 0) await appendEntries(tx, transfer.transactionId, own.map((e) => ({ ...e, at })));
      const back = step.entries.filter((e) => e.transaction === 'return');
      if (back.length > 0) {
        const flowRow = await tx.transaction.findUniqueOrThrow({ where: { id: transfer.transactionId } });
        const head = {
          financialAccount: transfer.account,
          currency: 'usd',
          amount: transfer.state.amount,
          description: 'Property transfer return',
          flow: { id: flowRow.flow, type: 'outbound_transfer' as const },
          at,
        };
        const entries = back.map((e) => ({ ...e, at }));
        if (this.together) await openTransaction(tx, head, entries);
        else await appendEntries(tx, (await openTransaction(tx, head)).id, entries);
      }
    });
    transfer.state = step.state;
    const { id } = transfer.account;
    model.balances.set(id, addImpacts(model.balances.get(id)!, sumImpacts(step.entries.map((e) => e.impact))));
    await expectBalancesToMatch(model.balances);
  }
  toString() {
    return `${this.action} transfer #${this.pick}${this.action === 'return' && this.together ? ' (return opened with its entries)' : ''}`;
  }
}

const LEDGER_RULES = (Object.entries(FLOW_OUTCOMES) as Array<[LedgerFlowType, readonly FlowOutcome[]]>).flatMap(([flowType, outcomes]) =>
  outcomes.map((outcome) => ({ flowType, outcome })),
);
const account = fc.nat({ max: FINANCIAL_ACCOUNTS - 1 });
const amount = fc.bigInt({ min: 1n, max: 5_000_00n });

const writerCommands = fc.commands(
  [
    fc.tuple(account, fc.constantFrom(...LEDGER_RULES), amount).map(([a, rule, x]) => new WriteFlow(a, rule.flowType, rule.outcome, x)),
    // Money in often enough that outflows find cash.
    fc.tuple(account, amount).map(([a, x]) => new WriteFlow(a, 'received_credit', 'succeeded', x * 3n)),
    fc.tuple(account, amount, fc.boolean()).map(([a, x, together]) => new OpenTransfer(a, x, together)),
    fc
      .tuple(fc.nat(), fc.constantFrom('cancel', 'post', 'fail', 'return') as fc.Arbitrary<StepTransfer['action']>, fc.boolean())
      .map(([i, action, together]) => new StepTransfer(i, action, together)),
  ],
  { maxCommands: WRITER_MAX_COMMANDS, size: 'max' },
);

describe('the ledger writer under random histories', () => {
  it('keeps every balance equal to its entries, every transaction equal to its entries, and the model', async () => {
    await fc.assert(
      fc.asyncProperty(writerCommands, async (commands) => {
        // Each run starts from what the earlier runs left: the database is not reset.
        const start = await storedBalances(gateway.db, accounts.map((a) => a.id));
        const model: WriterModel = { balances: new Map([...start].map(([id, b]) => [id, { ...ZERO_IMPACT, ...b }])), transfers: [] };
        await fc.asyncModelRun(() => ({ model, real: gateway }), commands);
        await expectLedgerToHold(model.balances);
      }),
      { numRuns: WRITER_RUNS },
    );
  }, 300_000 * SCALE);
});

// ------------------------------------------------------------ money movements through the API

// Sized like the writer's part: API_RUNS sequences of up to API_MAX_COMMANDS steps.
const API_RUNS = 15 * SCALE;
const API_MAX_COMMANDS = 50;

const RECEIVE = graphql(`
  mutation PropertyReceivedCredit($input: CreateReceivedCreditInput!) {
    createReceivedCredit(input: $input) { receivedCredit { id status } userErrors { code message field } }
  }
`);
const TRANSFER = graphql(`
  mutation PropertyOutboundTransfer($input: CreateOutboundTransferInput!) {
    createOutboundTransfer(input: $input) { outboundTransfer { id status cancelable } userErrors { code message field } }
  }
`);
const CANCEL = graphql(`
  mutation PropertyCancelTransfer($input: CancelOutboundTransferInput!) {
    cancelOutboundTransfer(input: $input) { outboundTransfer { id status } userErrors { code message field } }
  }
`);
const POST = graphql(`
  mutation PropertyPostTransfer($input: PostOutboundTransferInput!) {
    postOutboundTransfer(input: $input) { outboundTransfer { id status } userErrors { code message field } }
  }
`);
const FAIL = graphql(`
  mutation PropertyFailTransfer($input: FailOutboundTransferInput!) {
    failOutboundTransfer(input: $input) { outboundTransfer { id status } userErrors { code message field } }
  }
`);
const RETURN = graphql(`
  mutation PropertyReturnTransfer($input: ReturnOutboundTransferInput!) {
    returnOutboundTransfer(input: $input) { outboundTransfer { id status } userErrors { code message field } }
  }
`);
const UPDATE = graphql(`
  mutation PropertyUpdateTransfer($input: UpdateOutboundTransferInput!) {
    updateOutboundTransfer(input: $input) { outboundTransfer { id status } userErrors { code message field } }
  }
`);

const RECEIVE_DEBIT = graphql(`
  mutation PropertyReceivedDebit($input: CreateReceivedDebitInput!) {
    createReceivedDebit(input: $input) { receivedDebit { id status failureCode } userErrors { code message field } }
  }
`);
const REVERSE_DEBIT = graphql(`
  mutation PropertyDebitReversal($input: CreateDebitReversalInput!) {
    createDebitReversal(input: $input) { debitReversal { id status } userErrors { code message field } }
  }
`);

/** The test's own account of a received debit and of its reversal, if any. */
interface ModelDebit {
  id: string;
  from: string;
  amount: bigint;
  succeeded: boolean;
  reversal: { id: string; status: 'processing' | 'succeeded' } | null;
}
const INBOUND = graphql(`
  mutation PropertyInboundTransfer($input: CreateInboundTransferInput!) {
    createInboundTransfer(input: $input) { inboundTransfer { id status } userErrors { code message field } }
  }
`);
const INBOUND_STEPS = {
  cancel: [graphql(`mutation PropertyCancelInbound($input: CancelInboundTransferInput!) { cancelInboundTransfer(input: $input) { inboundTransfer { id status returned } userErrors { code message field } } }`), 'cancelInboundTransfer'],
  succeed: [graphql(`mutation PropertySucceedInbound($input: SucceedInboundTransferInput!) { succeedInboundTransfer(input: $input) { inboundTransfer { id status returned } userErrors { code message field } } }`), 'succeedInboundTransfer'],
  fail: [graphql(`mutation PropertyFailInbound($input: FailInboundTransferInput!) { failInboundTransfer(input: $input) { inboundTransfer { id status returned } userErrors { code message field } } }`), 'failInboundTransfer'],
  return: [graphql(`mutation PropertyReturnInbound($input: ReturnInboundTransferInput!) { returnInboundTransfer(input: $input) { inboundTransfer { id status returned } userErrors { code message field } } }`), 'returnInboundTransfer'],
} as const;

const PAY = graphql(`
  mutation PropertyOutboundPayment($input: CreateOutboundPaymentInput!) {
    createOutboundPayment(input: $input) { outboundPayment { id status cancelable } userErrors { code message field } }
  }
`);
const PAY_CANCEL = graphql(`
  mutation PropertyCancelPayment($input: CancelOutboundPaymentInput!) {
    cancelOutboundPayment(input: $input) { outboundPayment { id status } userErrors { code message field } }
  }
`);
const PAY_POST = graphql(`
  mutation PropertyPostPayment($input: PostOutboundPaymentInput!) {
    postOutboundPayment(input: $input) { outboundPayment { id status } userErrors { code message field } }
  }
`);
const PAY_FAIL = graphql(`
  mutation PropertyFailPayment($input: FailOutboundPaymentInput!) {
    failOutboundPayment(input: $input) { outboundPayment { id status } userErrors { code message field } }
  }
`);
const PAY_RETURN = graphql(`
  mutation PropertyReturnPayment($input: ReturnOutboundPaymentInput!) {
    returnOutboundPayment(input: $input) { outboundPayment { id status } userErrors { code message field } }
  }
`);
const PAY_UPDATE = graphql(`
  mutation PropertyUpdatePayment($input: UpdateOutboundPaymentInput!) {
    updateOutboundPayment(input: $input) { outboundPayment { id status } userErrors { code message field } }
  }
`);

/** The test's own account of an outbound transfer (or payment): what it expects the rules to allow next. */
interface ModelTransfer {
  id: string;
  from: string;
  amount: bigint;
  status: 'processing' | 'posted' | 'failed' | 'canceled' | 'returned';
  cancelable: boolean;
  /** `stripe`: to another financial account, which it reached at once. */
  network: 'ach' | 'us_domestic_wire' | 'stripe';
  idempotencyKey: string | null;
  input: Record<string, unknown>;
  /** An OutboundPayment rather than a transfer; over stripe it reaches `to` only when it posts. */
  payment?: { to: string | null };
}

/** A received credit the test made, and its reversal once made. */
interface ModelCredit {
  id: string;
  fa: string;
  amount: bigint;
  status: 'succeeded' | 'failed';
  network: 'ach' | 'us_domestic_wire';
  reversal: { id: string; status: 'processing' | 'posted' } | null;
}

interface ApiModel {
  balances: Map<string, BalanceImpact>;
  transfers: ModelTransfer[];
  debits: ModelDebit[];
  credits: ModelCredit[];
  inbound: ModelInboundTransfer[];
}

/** The test's own account of an inbound transfer. */
interface ModelInboundTransfer {
  id: string;
  to: string;
  amount: bigint;
  status: 'processing' | 'succeeded' | 'failed' | 'canceled';
  returned: boolean;
}

interface ApiWorld {
  gateway: TestGateway;
  bus: CountingBus;
  key: string;
  /** The open financial accounts of owner A, which the movements go between. */
  open: string[];
  closed: string;
  /** Owner A's bank account, and owner B's (a wrong destination for A's money). */
  ownPaymentMethod: string;
  otherPaymentMethod: string;
  /** Owner B's financial account and id: a destination and a viewer that must not reach A's accounts. */
  otherFinancialAccount: string;
  otherOwner: string;
}

type Outcome = { ok: true; payload: any } | { ok: false; codes: string[] };

/** A mutation's answer, as accepted (its payload) or refused (its user errors, or its GraphQL errors' codes). */
function outcomeOf(res: { data?: any; errors?: Array<{ extensions?: Record<string, any> }> }, field: string): Outcome {
  if (res.errors?.length) return { ok: false, codes: res.errors.map((e) => String(e.extensions?.stripeCode ?? e.extensions?.code)) };
  const payload = res.data[field];
  if (payload.userErrors.length > 0) return { ok: false, codes: payload.userErrors.map((e: { code: string }) => e.code) };
  return { ok: true, payload };
}

/**
 * Runs a mutation the model says must be refused, and checks that it was,
 * with `code` when one is named, and that it wrote nothing (every table's rows
 * and their hash) and published no event.
 */
async function expectRefused(world: ApiWorld, send: () => Promise<any>, field: string, code?: string) {
  const before = await databaseSnapshot(world.gateway.db);
  const published = world.bus.published;
  const outcome = outcomeOf(await send(), field);
  expect(outcome.ok, `${field} should have been refused`).toBe(false);
  if (outcome.ok) return;
  // Refused as bad input, never as a bug.
  expect(outcome.codes).not.toContain('INTERNAL_SERVER_ERROR');
  if (code) expect(outcome.codes).toContain(code);
  expect(world.bus.published).toBe(published);
  const after = await databaseSnapshot(world.gateway.db);
  if (JSON.stringify(after) !== JSON.stringify(before)) expect(rowCounts(after)).toEqual(rowCounts(before));
  expect(after).toEqual(before);
}

/** Runs a mutation the model says must be accepted; returns its payload. It must publish events (its change's). */
async function expectAccepted(world: ApiWorld, send: () => Promise<any>, field: string) {
  const published = world.bus.published;
  const outcome = outcomeOf(await send(), field);
  if (!outcome.ok) throw new Error(`${field} refused with ${outcome.codes.join(', ')}`);
  expect(world.bus.published).toBeGreaterThan(published);
  return outcome.payload;
}

const apiAmount = fc.bigInt({ min: 1n, max: 2_000_00n });
/**
 * Amounts no rule accepts, with the code each must get (undefined: any refusal): zero, negative, Stripe's largest
 * amount (over every balance here), over it, and beyond MinorUnits' exact range.
 */
const BAD_AMOUNTS: Record<number, string | undefined> = {
  0: undefined,
  [-1]: undefined,
  [-250]: undefined,
  99_999_999: 'balance_insufficient',
  100_000_000: 'amount_too_large',
  [2 ** 53 - 1]: 'amount_too_large',
  [2 ** 60]: undefined,
};
const badAmount = fc.constantFrom(...Object.keys(BAD_AMOUNTS).map(Number));

abstract class ApiCommand implements fc.AsyncCommand<ApiModel, ApiWorld> {
  check(_model: Readonly<ApiModel>) {
    return true;
  }
  /** The step, then the model's balances against the stored ones. */
  async run(model: ApiModel, world: ApiWorld) {
    await this.act(model, world);
    await expectBalancesToMatch(model.balances, world.gateway.db);
  }
  abstract act(model: ApiModel, world: ApiWorld): Promise<void>;
  abstract toString(): string;
  protected send(world: ApiWorld, document: any, input: Record<string, unknown>, headers?: Record<string, string>) {
    return world.gateway.graphql(document, { token: world.key, variables: { input } as never, headers });
  }
  protected move(model: ApiModel, id: string, delta: Partial<BalanceImpact>) {
    model.balances.set(id, addImpacts(model.balances.get(id)!, { ...ZERO_IMPACT, ...delta }));
  }
}

/** Money in: a received credit (Stripe's test helper) over ACH or wire. On a closed account it fails and moves nothing. */
class Receive extends ApiCommand {
  constructor(
    readonly target: number,
    readonly amount: bigint,
    readonly network: 'ACH' | 'US_DOMESTIC_WIRE',
  ) {
    super();
  }
  async act(model: ApiModel, world: ApiWorld) {
    const closed = this.target >= world.open.length;
    const fa = closed ? world.closed : world.open[this.target];
    const payload = await expectAccepted(
      world,
      () => this.send(world, RECEIVE, { financialAccount: fa, amount: Number(this.amount), currency: 'usd', network: this.network }),
      'createReceivedCredit',
    );
    expect(payload.receivedCredit.status).toBe(closed ? 'FAILED' : 'SUCCEEDED');
    if (!closed) this.move(model, fa, { cash: this.amount });
    const network = this.network === 'ACH' ? 'ach' : 'us_domestic_wire';
    model.credits.push({ id: payload.receivedCredit.id, fa, amount: this.amount, status: closed ? 'failed' : 'succeeded', network, reversal: null });
  }
  toString() {
    return `receive ${this.amount} on #${this.target} over ${this.network}`;
  }
}

/** An outbound transfer to the owner's bank account or to another of its financial accounts, with or without an idempotency key. */
class Transfer extends ApiCommand {
  constructor(
    readonly from: number,
    readonly amount: bigint,
    /** null: the owner's bank account; otherwise the index of a financial account. */
    readonly to: number | null,
    readonly network: 'ACH' | 'US_DOMESTIC_WIRE',
    readonly keyed: boolean,
  ) {
    super();
  }
  async act(model: ApiModel, world: ApiWorld) {
    const from = world.open[this.from];
    const to = this.to === null ? null : world.open[this.to];
    const idempotencyKey = this.keyed ? `prop-${Math.random().toString(36).slice(2)}` : null;
    const input = {
      financialAccount: from,
      amount: Number(this.amount),
      currency: 'usd',
      ...(to === null
        ? { destinationPaymentMethod: world.ownPaymentMethod, destinationPaymentMethodOptions: { usBankAccount: { network: this.network } } }
        : { destinationPaymentMethodData: { type: 'FINANCIAL_ACCOUNT', financialAccount: to } }),
      ...(idempotencyKey ? { idempotencyKey } : {}),
    };
    const send = () => this.send(world, TRANSFER, input);
    if (to === from) return expectRefused(world, send, 'createOutboundTransfer');
    if (model.balances.get(from)!.cash < this.amount) return expectRefused(world, send, 'createOutboundTransfer', 'balance_insufficient');
    const payload = await expectAccepted(world, send, 'createOutboundTransfer');
    const transfer: ModelTransfer = {
      id: payload.outboundTransfer.id,
      from,
      amount: this.amount,
      // To a financial account it arrives at once, so it posts at once.
      status: to === null ? 'processing' : 'posted',
      cancelable: to === null,
      network: to === null ? (this.network === 'ACH' ? 'ach' : 'us_domestic_wire') : 'stripe',
      idempotencyKey,
      input,
    };
    expect(payload.outboundTransfer).toMatchObject({ status: transfer.status.toUpperCase(), cancelable: transfer.cancelable });
    model.transfers.push(transfer);
    if (to === null) this.move(model, from, { cash: -this.amount, outboundPending: this.amount });
    else {
      this.move(model, from, { cash: -this.amount });
      this.move(model, to, { cash: this.amount });
    }
  }
  toString() {
    return `transfer ${this.amount} from #${this.from} to ${this.to === null ? `the bank over ${this.network}` : `#${this.to}`}${this.keyed ? ' (keyed)' : ''}`;
  }
}

/** An outbound payment to the owner's bank account or to another owner's financial account (held until it posts). */
class Pay extends ApiCommand {
  constructor(
    readonly from: number,
    readonly amount: bigint,
    /** false: the bank account over `network`; true: the other owner's financial account, over stripe. */
    readonly toOtherAccount: boolean,
    readonly network: 'ACH' | 'US_DOMESTIC_WIRE',
    readonly keyed: boolean,
  ) {
    super();
  }
  async act(model: ApiModel, world: ApiWorld) {
    const from = world.open[this.from];
    const idempotencyKey = this.keyed ? `prop-pay-${Math.random().toString(36).slice(2)}` : null;
    const to = this.toOtherAccount ? world.otherFinancialAccount : null;
    const input = {
      financialAccount: from,
      amount: Number(this.amount),
      currency: 'usd',
      ...(to === null
        ? { destinationPaymentMethod: world.ownPaymentMethod, destinationPaymentMethodOptions: { usBankAccount: { network: this.network } } }
        : { destinationPaymentMethodData: { type: 'FINANCIAL_ACCOUNT', financialAccount: to } }),
      ...(idempotencyKey ? { idempotencyKey } : {}),
    };
    const send = () => this.send(world, PAY, input);
    if (model.balances.get(from)!.cash < this.amount) return expectRefused(world, send, 'createOutboundPayment', 'balance_insufficient');
    const payload = await expectAccepted(world, send, 'createOutboundPayment');
    expect(payload.outboundPayment).toMatchObject({ status: 'PROCESSING', cancelable: true });
    model.transfers.push({
      id: payload.outboundPayment.id,
      from,
      amount: this.amount,
      status: 'processing',
      cancelable: true,
      network: to === null ? (this.network === 'ACH' ? 'ach' : 'us_domestic_wire') : 'stripe',
      idempotencyKey,
      input,
      payment: { to },
    });
    this.move(model, from, { cash: -this.amount, outboundPending: this.amount });
  }
  toString() {
    return `pay ${this.amount} from #${this.from} to ${this.toOtherAccount ? 'the other owner\'s account' : `the bank over ${this.network}`}${this.keyed ? ' (keyed)' : ''}`;
  }
}

/** The same request again with its idempotency key: the first answer, and nothing written or published. */
class Replay extends ApiCommand {
  constructor(readonly pick: number) {
    super();
  }
  override check(model: Readonly<ApiModel>) {
    return model.transfers.some((t) => t.idempotencyKey);
  }
  async act(model: ApiModel, world: ApiWorld) {
    const keyed = model.transfers.filter((t) => t.idempotencyKey);
    const transfer = keyed[this.pick % keyed.length];
    const before = await databaseSnapshot(world.gateway.db);
    const published = world.bus.published;
    const [document, field, object] = transfer.payment ? [PAY, 'createOutboundPayment', 'outboundPayment'] : [TRANSFER, 'createOutboundTransfer', 'outboundTransfer'];
    const outcome = outcomeOf(await this.send(world, document, transfer.input), field);
    expect(outcome).toMatchObject({ ok: true, payload: { [object]: { id: transfer.id } } });
    expect(world.bus.published).toBe(published);
    expect(await databaseSnapshot(world.gateway.db)).toEqual(before);
  }
  toString() {
    return `replay keyed transfer #${this.pick}`;
  }
}

type StepAction = 'cancel' | 'post' | 'fail' | 'return' | 'update';
const STEP_DOCUMENTS = { cancel: [CANCEL, 'cancelOutboundTransfer'], post: [POST, 'postOutboundTransfer'], fail: [FAIL, 'failOutboundTransfer'], return: [RETURN, 'returnOutboundTransfer'], update: [UPDATE, 'updateOutboundTransfer'] } as const;
const PAYMENT_STEP_DOCUMENTS = { cancel: [PAY_CANCEL, 'cancelOutboundPayment'], post: [PAY_POST, 'postOutboundPayment'], fail: [PAY_FAIL, 'failOutboundPayment'], return: [PAY_RETURN, 'returnOutboundPayment'], update: [PAY_UPDATE, 'updateOutboundPayment'] } as const;

/** A later step of an existing transfer (any of them, whatever its status): the model says whether it is allowed and what it moves. */
class Step extends ApiCommand {
  constructor(
    readonly pick: number,
    readonly action: StepAction,
  ) {
    super();
  }
  override check(model: Readonly<ApiModel>) {
    return model.transfers.length > 0;
  }
  async act(model: ApiModel, world: ApiWorld) {
    const t = model.transfers[this.pick % model.transfers.length];
    const [document, field] = (t.payment ? PAYMENT_STEP_DOCUMENTS : STEP_DOCUMENTS)[this.action];
    const object = t.payment ? 'outboundPayment' : 'outboundTransfer';
    const input: Record<string, unknown> = { [object]: t.id };
    if (this.action === 'update') input.trackingDetails = t.network === 'us_domestic_wire' ? { type: 'US_DOMESTIC_WIRE', usDomesticWire: { imad: 'IMAD123' } } : { type: 'ACH', ach: { traceId: 'TRACE123' } };
    const send = () => this.send(world, document, input);
    const A = t.amount;
    // Stripe's rules, written out independently of the gateway's state machine.
    let next: ModelTransfer['status'] | null = null;
    let delta: Partial<BalanceImpact> = {};
    if (this.action === 'cancel' && t.status === 'processing' && t.cancelable) [next, delta] = ['canceled', { cash: A, outboundPending: -A }];
    if (this.action === 'post' && t.status === 'processing') [next, delta] = ['posted', { outboundPending: -A }];
    if (this.action === 'fail' && t.status === 'processing') [next, delta] = ['failed', { cash: A, outboundPending: -A }];
    if (this.action === 'return' && t.network !== 'stripe') {
      if (t.status === 'processing') [next, delta] = ['returned', { cash: A, outboundPending: -A }];
      if (t.status === 'posted') [next, delta] = ['returned', { cash: A }];
    }
    if (this.action === 'update' && t.network !== 'stripe' && !t.cancelable && t.status !== 'canceled' && t.status !== 'failed') next = t.status;
    if (next === null) return expectRefused(world, send, field);
    const payload = await expectAccepted(world, send, field);
    expect(payload[object].status).toBe(next.toUpperCase());
    t.status = next;
    if (this.action !== 'update') t.cancelable = false;
    this.move(model, t.from, delta);
    // A payment over Stripe's network arrives at its destination when it posts.
    if (this.action === 'post' && t.payment?.to) this.move(model, t.payment.to, { cash: A });
  }
  toString() {
    return `${this.action} transfer #${this.pick}`;
  }
}

/** Money pulled out: a received debit (Stripe's test helper). It fails, moving nothing, on a closed account or without the cash. */
class Debit extends ApiCommand {
  constructor(
    readonly target: number,
    readonly amount: bigint,
  ) {
    super();
  }
  async act(model: ApiModel, world: ApiWorld) {
    const closed = this.target >= world.open.length;
    const fa = closed ? world.closed : world.open[this.target];
    const payload = await expectAccepted(
      world,
      () => this.send(world, RECEIVE_DEBIT, { financialAccount: fa, amount: Number(this.amount), currency: 'usd', network: 'ACH' }),
      'createReceivedDebit',
    );
    const failureCode = closed ? 'ACCOUNT_CLOSED' : model.balances.get(fa)!.cash < this.amount ? 'INSUFFICIENT_FUNDS' : null;
    expect(payload.receivedDebit).toMatchObject({ status: failureCode ? 'FAILED' : 'SUCCEEDED', failureCode });
    model.debits.push({ id: payload.receivedDebit.id, from: fa, amount: this.amount, succeeded: !failureCode, reversal: null });
    if (!failureCode) this.move(model, fa, { cash: -this.amount });
  }
  toString() {
    return `debit ${this.amount} from #${this.target}`;
  }
}

/** A reversal of any received debit: only a succeeded one, once; it moves nothing until it is resolved. */
class ReverseDebit extends ApiCommand {
  constructor(readonly pick: number) {
    super();
  }
  override check(model: Readonly<ApiModel>) {
    return model.debits.length > 0;
  }
  async act(model: ApiModel, world: ApiWorld) {
    const debit = model.debits[this.pick % model.debits.length];
    const send = () => this.send(world, REVERSE_DEBIT, { receivedDebit: debit.id });
    if (!debit.succeeded) return expectRefused(world, send, 'createDebitReversal', 'other');
    if (debit.reversal) return expectRefused(world, send, 'createDebitReversal', 'already_reversed');
    const payload = await expectAccepted(world, send, 'createDebitReversal');
    expect(payload.debitReversal.status).toBe('PROCESSING');
    debit.reversal = { id: payload.debitReversal.id, status: 'processing' };
  }
  toString() {
    return `reverse debit #${this.pick}`;
  }
}

/** The network resolving a reversal (what the gateway does by itself after the request): won, the amount back in cash; once. */
class CompleteReversal extends ApiCommand {
  constructor(readonly pick: number) {
    super();
  }
  override check(model: Readonly<ApiModel>) {
    return model.debits.some((d) => d.reversal);
  }
  async act(model: ApiModel, world: ApiWorld) {
    const reversed = model.debits.filter((d) => d.reversal);
    const debit = reversed[this.pick % reversed.length];
    const reversal = debit.reversal!;
    const before = await databaseSnapshot(world.gateway.db);
    const published = world.bus.published;
    const resolved = await world.gateway.server.services.debitReversalCompleter.complete(reversal.id);
    if (reversal.status !== 'processing') {
      expect(resolved).toBeNull();
      expect(world.bus.published).toBe(published);
      expect(await databaseSnapshot(world.gateway.db)).toEqual(before);
      return;
    }
    expect(resolved).toMatchObject({ id: reversal.id, status: 'succeeded' });
    expect(world.bus.published).toBeGreaterThan(published);
    reversal.status = 'succeeded';
    this.move(model, debit.from, { cash: debit.amount });
  }
  toString() {
    return `complete the reversal of reversed debit #${this.pick}`;
  }
}

const REVERSE = graphql(`
  mutation PropertyCreditReversal($input: CreateCreditReversalInput!) {
    createCreditReversal(input: $input) { creditReversal { id status amount } userErrors { code message field } }
  }
`);

/** A credit reversal of any received credit the test made: Stripe's rules, written out independently, say whether and what it moves. */
class Reverse extends ApiCommand {
  constructor(readonly pick: number) {
    super();
  }
  override check(model: Readonly<ApiModel>) {
    return model.credits.length > 0;
  }
  async act(model: ApiModel, world: ApiWorld) {
    const credit = model.credits[this.pick % model.credits.length];
    const send = () => this.send(world, REVERSE, { receivedCredit: credit.id });
    const A = credit.amount;
    if (credit.reversal) return expectRefused(world, send, 'createCreditReversal', 'already_reversed');
    if (credit.network === 'us_domestic_wire') return expectRefused(world, send, 'createCreditReversal', 'network_restricted');
    if (credit.status === 'failed') return expectRefused(world, send, 'createCreditReversal', 'other');
    if (model.balances.get(credit.fa)!.cash < A) return expectRefused(world, send, 'createCreditReversal', 'balance_insufficient');
    const payload = await expectAccepted(world, send, 'createCreditReversal');
    expect(payload.creditReversal).toMatchObject({ status: 'PROCESSING', amount: Number(A) });
    credit.reversal = { id: payload.creditReversal.id, status: 'processing' };
    this.move(model, credit.fa, { cash: -A, outboundPending: A });
  }
  toString() {
    return `reverse credit #${this.pick}`;
  }
}

/** Stripe posting a reversal by itself (the gateway's own step, not an API call): once, and only while processing. */
class PostReversal extends ApiCommand {
  constructor(readonly pick: number) {
    super();
  }
  override check(model: Readonly<ApiModel>) {
    return model.credits.some((c) => c.reversal);
  }
  async act(model: ApiModel, world: ApiWorld) {
    const reversed = model.credits.filter((c) => c.reversal);
    const credit = reversed[this.pick % reversed.length];
    const before = await databaseSnapshot(world.gateway.db);
    const published = world.bus.published;
    await world.gateway.server.services.creditReversals.post(credit.reversal!.id);
    if (credit.reversal!.status === 'posted') {
      expect(world.bus.published).toBe(published);
      expect(await databaseSnapshot(world.gateway.db)).toEqual(before);
      return;
    }
    expect(world.bus.published).toBeGreaterThan(published);
    credit.reversal!.status = 'posted';
    this.move(model, credit.fa, { outboundPending: -credit.amount });
  }
  toString() {
    return `post the reversal of credit #${this.pick}`;
  }
}

/** Requests no rule accepts; each must be refused and leave no trace. */
class Invalid extends ApiCommand {
  constructor(
    readonly kind: 'amount' | 'closed' | 'other_owners_bank' | 'other_owners_account' | 'as_other_owner' | 'unknown_transfer' | 'unknown_account' | 'received_bad_amount' | 'payment_to_own_account',
    readonly from: number,
    readonly amount: number,
  ) {
    super();
  }
  async act(_model: ApiModel, world: ApiWorld) {
    const from = world.open[this.from];
    const toBank = { destinationPaymentMethod: world.ownPaymentMethod };
    const transfer = (input: Record<string, unknown>, headers?: Record<string, string>) => () =>
      this.send(world, TRANSFER, { financialAccount: from, amount: 100, currency: 'usd', ...toBank, ...input }, headers);
    switch (this.kind) {
      case 'amount':
        return expectRefused(world, transfer({ amount: this.amount }), 'createOutboundTransfer', BAD_AMOUNTS[this.amount]);
      case 'closed':
        return expectRefused(world, transfer({ financialAccount: world.closed }), 'createOutboundTransfer');
      case 'other_owners_bank':
        return expectRefused(world, transfer({ destinationPaymentMethod: world.otherPaymentMethod }), 'createOutboundTransfer', 'resource_missing');
      case 'other_owners_account':
        return expectRefused(
          world,
          transfer({ destinationPaymentMethod: undefined, destinationPaymentMethodData: { type: 'FINANCIAL_ACCOUNT', financialAccount: world.otherFinancialAccount } }),
          'createOutboundTransfer',
          'resource_missing',
        );
      case 'as_other_owner':
        return expectRefused(world, transfer({}, { 'Stripe-Context': world.otherOwner }), 'createOutboundTransfer', 'resource_missing');
      case 'unknown_transfer':
        return expectRefused(world, () => this.send(world, CANCEL, { outboundTransfer: 'obt_doesnotexist000000000' }), 'cancelOutboundTransfer', 'resource_missing');
      case 'unknown_account':
        return expectRefused(world, transfer({ financialAccount: 'fa_doesnotexist000000000' }), 'createOutboundTransfer', 'resource_missing');
      case 'payment_to_own_account':
        return expectRefused(
          world,
          () => this.send(world, PAY, { financialAccount: from, amount: 100, currency: 'usd', destinationPaymentMethodData: { type: 'FINANCIAL_ACCOUNT', financialAccount: world.open[(this.from + 1) % world.open.length] } }),
          'createOutboundPayment',
          'parameter_invalid',
        );
      case 'received_bad_amount':
        return expectRefused(
          world,
          () => this.send(world, RECEIVE, { financialAccount: from, amount: this.amount === 99_999_999 ? 0 : this.amount, currency: 'usd', network: 'ACH' }),
          'createReceivedCredit',
        );
    }
  }
  toString() {
    return `invalid ${this.kind} (#${this.from}, ${this.amount})`;
  }
}

/** Money pulled in from the owner's bank account (an InboundTransfer): nothing moves until it succeeds; a closed account refuses it. */
class PullIn extends ApiCommand {
  constructor(
    readonly target: number,
    readonly amount: bigint,
    /** Pull from the other owner's bank account instead: refused. */
    readonly othersBank: boolean,
  ) {
    super();
  }
  async act(model: ApiModel, world: ApiWorld) {
    const closed = this.target >= world.open.length;
    const fa = closed ? world.closed : world.open[this.target];
    const input = { financialAccount: fa, amount: Number(this.amount), currency: 'usd', originPaymentMethod: this.othersBank ? world.otherPaymentMethod : world.ownPaymentMethod };
    const send = () => this.send(world, INBOUND, input);
    if (this.othersBank) return expectRefused(world, send, 'createInboundTransfer', 'resource_missing');
    if (closed) return expectRefused(world, send, 'createInboundTransfer', 'financial_account_closed');
    const payload = await expectAccepted(world, send, 'createInboundTransfer');
    expect(payload.inboundTransfer.status).toBe('PROCESSING');
    model.inbound.push({ id: payload.inboundTransfer.id, to: fa, amount: this.amount, status: 'processing', returned: false });
  }
  toString() {
    return `pull ${this.amount} into #${this.target}${this.othersBank ? ' from the other owner\'s bank' : ''}`;
  }
}

type InboundAction = keyof typeof INBOUND_STEPS;

/** A later step of an inbound transfer: the model says whether Stripe's rules allow it and what it moves (only succeed and return do). */
class StepInbound extends ApiCommand {
  constructor(
    readonly pick: number,
    readonly action: InboundAction,
  ) {
    super();
  }
  override check(model: Readonly<ApiModel>) {
    return model.inbound.length > 0;
  }
  async act(model: ApiModel, world: ApiWorld) {
    const t = model.inbound[this.pick % model.inbound.length];
    const [document, field] = INBOUND_STEPS[this.action];
    const send = () => this.send(world, document, { inboundTransfer: t.id });
    const A = t.amount;
    let next: ModelInboundTransfer['status'] | null = null;
    let delta: Partial<BalanceImpact> = {};
    if (t.status === 'processing' && this.action === 'cancel') next = 'canceled';
    if (t.status === 'processing' && this.action === 'fail') next = 'failed';
    if (t.status === 'processing' && this.action === 'succeed') [next, delta] = ['succeeded', { cash: A }];
    if (t.status === 'succeeded' && this.action === 'return' && !t.returned) {
      // The ledger never goes below zero: a return the cash no longer covers is refused.
      if (model.balances.get(t.to)!.cash < A) return expectRefused(world, send, field, 'balance_insufficient');
      [next, delta] = ['succeeded', { cash: -A }];
    }
    if (next === null) return expectRefused(world, send, field, 'invalid_status_transition');
    const payload = await expectAccepted(world, send, field);
    if (this.action === 'return') t.returned = true;
    expect(payload.inboundTransfer).toMatchObject({ status: next.toUpperCase(), returned: t.returned });
    t.status = next;
    this.move(model, t.to, delta);
  }
  toString() {
    return `${this.action} inbound transfer #${this.pick}`;
  }
}

const OPEN_ACCOUNTS = 3;
const openAccount = fc.nat({ max: OPEN_ACCOUNTS - 1 });
const network = fc.constantFrom('ACH', 'US_DOMESTIC_WIRE') as fc.Arbitrary<'ACH' | 'US_DOMESTIC_WIRE'>;
const apiCommands = fc.commands(
  [
    // Index OPEN_ACCOUNTS is the closed account.
    fc.tuple(fc.nat({ max: OPEN_ACCOUNTS }), apiAmount, network).map(([i, x, n]) => new Receive(i, x * 2n, n)),
    fc.tuple(openAccount, apiAmount, fc.option(openAccount, { nil: null }), network, fc.boolean()).map(([f, x, to, n, k]) => new Transfer(f, x, to, n, k)),
    fc.tuple(openAccount, apiAmount, fc.option(openAccount, { nil: null }), network, fc.boolean()).map(([f, x, to, n, k]) => new Transfer(f, x, to, n, k)),
    fc.nat().map((i) => new Replay(i)),
    fc.tuple(openAccount, apiAmount, fc.boolean(), network, fc.boolean()).map(([f, x, other, n, k]) => new Pay(f, x, other, n, k)),
    fc.tuple(fc.nat(), fc.constantFrom('cancel', 'post', 'fail', 'return', 'update') as fc.Arbitrary<StepAction>).map(([i, a]) => new Step(i, a)),
    fc.tuple(fc.nat(), fc.constantFrom('cancel', 'post', 'fail', 'return', 'update') as fc.Arbitrary<StepAction>).map(([i, a]) => new Step(i, a)),
    fc.tuple(fc.nat({ max: OPEN_ACCOUNTS }), apiAmount, fc.boolean()).map(([i, x, other]) => new PullIn(i, x, other && x % 5n === 0n)),
    fc.tuple(fc.nat(), fc.constantFrom('cancel', 'succeed', 'fail', 'return') as fc.Arbitrary<InboundAction>).map(([i, a]) => new StepInbound(i, a)),
    fc
      .tuple(
        fc.constantFrom('amount', 'closed', 'other_owners_bank', 'other_owners_account', 'as_other_owner', 'unknown_transfer', 'unknown_account', 'received_bad_amount', 'payment_to_own_account') as fc.Arbitrary<Invalid['kind']>,
        openAccount,
        badAmount,
      )
      .map(([kind, f, x]) => new Invalid(kind, f, x)),
    fc.tuple(fc.nat({ max: OPEN_ACCOUNTS }), apiAmount).map(([i, x]) => new Debit(i, x)),
    fc.nat().map((i) => new ReverseDebit(i)),
    fc.nat().map((i) => new CompleteReversal(i)),
    fc.nat().map((i) => new Reverse(i)),
    fc.nat().map((i) => new PostReversal(i)),
  ],
  { maxCommands: API_MAX_COMMANDS, size: 'max' },
);

describe('money movements through the API under random sequences', () => {
  let world: ApiWorld;

  beforeAll(async () => {
    const gw = gateway;
    const platform = await createPlatform(gw);
    const owner = { platformId: platform.platformId, accountId: (await createConnectedAccount(gw, platform.platformId)).id };
    const other = { platformId: platform.platformId, accountId: (await createConnectedAccount(gw, platform.platformId)).id };
    const features = [
      'financial_addresses_aba',
      'outbound_transfers_ach',
      'outbound_transfers_us_domestic_wire',
      'intra_stripe_flows',
      'outbound_payments_ach',
      'outbound_payments_us_domestic_wire',
      'inbound_transfers_ach',
    ] as const;
    const open: string[] = [];
    for (let i = 0; i < OPEN_ACCOUNTS; i++) open.push((await createFinancialAccount(gw, owner, { nickname: `Movements ${i}`, features: [...features] })).id);
    world = {
      gateway: gw,
      bus,
      key: platform.secretKey,
      open,
      closed: (await createFinancialAccount(gw, owner, { nickname: 'Closed', features: [...features], status: 'closed' })).id,
      ownPaymentMethod: (await createPaymentMethod(gw, owner)).id,
      otherPaymentMethod: (await createPaymentMethod(gw, other)).id,
      otherFinancialAccount: (await createFinancialAccount(gw, other, { features: [...features] })).id,
      otherOwner: other.accountId,
    };
  });

  it('keeps the ledger equal to its entries and to the model; every refusal leaves no trace', async () => {
    const all = () => [...world.open, world.closed, world.otherFinancialAccount];
    await fc.assert(
      fc.asyncProperty(apiCommands, async (commands) => {
        // Each run starts from what the earlier ones left (the database is not reset), with no transfers of its own yet.
        const start = await storedBalances(world.gateway.db, all());
        const model: ApiModel = { balances: new Map([...start].map(([id, b]) => [id, { ...b }])), transfers: [], debits: [], credits: [], inbound: [] };
        await fc.asyncModelRun(() => ({ model, real: world }), commands);
        await expectLedgerToHold(model.balances, world.gateway, world.key);
      }),
      { numRuns: API_RUNS },
    );
  }, 300_000 * SCALE);
});
