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
import { createConnectedAccount, createFinancialAccount, createFlows, createPlatform } from './support/fixtures.ts';
import { startGateway, type TestGateway } from './support/gateway.ts';
import { ledgerViolations, storedBalances } from './support/ledger-checks.ts';

// Sized so each part runs about a thousand steps (sequences are generated at full length: size 'max'),
// together well under a minute on the embedded database.
const WRITER_RUNS = 30;
const WRITER_MAX_COMMANDS = 60;
const FINANCIAL_ACCOUNTS = 4;

let gateway: TestGateway;
let key: string;
let accounts: LedgerAccount[];

beforeAll(async () => {
  gateway = await startGateway();
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
async function apiBalances(ids: string[]): Promise<Map<string, BalanceImpact>> {
  const res = await gateway.graphql(BALANCES, { token: key, variables: { ids } });
  expect(res.errors).toBeUndefined();
  return new Map(
    res.data!.nodes.map((node) => {
      const fa = node as { id: string; balance: { cash: Array<{ amount: number }>; inboundPending: Array<{ amount: number }>; outboundPending: Array<{ amount: number }> } };
      const first = (list: Array<{ amount: number }>) => BigInt(list[0]?.amount ?? 0);
      return [fa.id, { cash: first(fa.balance.cash), inboundPending: first(fa.balance.inboundPending), outboundPending: first(fa.balance.outboundPending) }];
    }),
  );
}

/** Every invariant, and the model's balances equal to the stored ones and to the API's. */
async function expectLedgerToHold(model: Map<string, BalanceImpact>) {
  expect(await ledgerViolations(gateway.db)).toEqual([]);
  const ids = [...model.keys()];
  const stored = await storedBalances(gateway.db, ids);
  expect(Object.fromEntries(stored)).toEqual(Object.fromEntries(model));
  expect(Object.fromEntries(await apiBalances(ids))).toEqual(Object.fromEntries(model));
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
    await expectLedgerToHold(model.balances);
  }
  toString() {
    return `write ${this.flowType} ${this.outcome} ${this.amount} on #${this.account}`;
  }
}

/** An outbound transfer's first step, by the domain's state machine, written by openTransaction + appendEntries. */
class OpenTransfer implements fc.AsyncCommand<WriterModel, TestGateway> {
  constructor(
    readonly account: number,
    readonly amount: bigint,
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
      const opened = await openTransaction(tx, { financialAccount: account, currency: 'usd', amount: -this.amount, description: 'Property transfer', flow, at });
      return appendEntries(tx, opened.id, step.entries.map((e) => ({ ...e, at })));
    });
    model.transfers.push({ account, state: step.state, transactionId: transaction.id });
    model.balances.set(account.id, addImpacts(model.balances.get(account.id)!, sumImpacts(step.entries.map((e) => e.impact))));
    await expectLedgerToHold(model.balances);
  }
  toString() {
    return `open transfer ${this.amount} on #${this.account}`;
  }
}

/** A later step of an open transfer (or one the machine refuses, which must write nothing). */
class StepTransfer implements fc.AsyncCommand<WriterModel, TestGateway> {
  constructor(
    readonly pick: number,
    readonly action: 'cancel' | 'post' | 'fail' | 'return',
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
      await expectLedgerToHold(model.balances);
      return;
    }
    await real.server.services.unitOfWork.run(async (tx) => {
      const own = step.entries.filter((e) => e.transaction === 'flow');
      if (own.length > 0) await appendEntries(tx, transfer.transactionId, own.map((e) => ({ ...e, at })));
      const back = step.entries.filter((e) => e.transaction === 'return');
      if (back.length > 0) {
        const flowRow = await tx.transaction.findUniqueOrThrow({ where: { id: transfer.transactionId } });
        const opened = await openTransaction(tx, {
          financialAccount: transfer.account,
          currency: 'usd',
          amount: transfer.state.amount,
          description: 'Property transfer return',
          flow: { id: flowRow.flow, type: 'outbound_transfer' },
          at,
        });
        await appendEntries(tx, opened.id, back.map((e) => ({ ...e, at })));
      }
    });
    transfer.state = step.state;
    const { id } = transfer.account;
    model.balances.set(id, addImpacts(model.balances.get(id)!, sumImpacts(step.entries.map((e) => e.impact))));
    await expectLedgerToHold(model.balances);
  }
  toString() {
    return `${this.action} transfer #${this.pick}`;
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
    fc.tuple(account, amount).map(([a, x]) => new OpenTransfer(a, x)),
    fc.tuple(fc.nat(), fc.constantFrom('cancel', 'post', 'fail', 'return') as fc.Arbitrary<StepTransfer['action']>).map(([i, action]) => new StepTransfer(i, action)),
  ],
  { maxCommands: WRITER_MAX_COMMANDS, size: 'max' },
);

describe('the ledger writer under random histories', () => {
  it('keeps every balance equal to its entries, every transaction equal to its entries, and the model', async () => {
    await fc.assert(
      fc.asyncProperty(writerCommands, async (commands) => {
        // Each run starts from what the earlier runs left: the database is not reset.
        const start = await storedBalances(gateway.db, accounts.map((a) => a.id));
        await fc.asyncModelRun(() => ({ model: { balances: new Map([...start].map(([id, b]) => [id, { ...ZERO_IMPACT, ...b }])), transfers: [] }, real: gateway }), commands);
      }),
      { numRuns: WRITER_RUNS },
    );
  });
});
