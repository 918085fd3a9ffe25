// The ledger's writer (src/db/ledger.ts): a transaction's status, status
// transitions and balance impact follow its entries, whether it is written
// step by step (openTransaction, appendEntries), opened with its entries in
// one statement (openTransaction with entries, as a movement's step writes a
// transaction it opens) or in bulk (writeHistory).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appendEntries,
  entriesAt,
  newFlowId,
  openTransaction,
  writeHistory,
  writeReceivedCreditSeries,
  type LedgerAccount,
} from '../src/db/ledger.ts';
import { entriesForFlow, FLOW_OUTCOMES, type FlowOutcome, type LedgerFlowType } from '../src/domain/ledger.ts';
import { createConnectedAccount, createFinancialAccount, createPlatform } from './support/fixtures.ts';
import { startGateway, type TestGateway } from './support/gateway.ts';

let gateway: TestGateway;
let stepwise: LedgerAccount;
let bulk: LedgerAccount;
let together: LedgerAccount;

const OPENED = new Date('2026-03-01T10:00:00Z');
const SETTLED = new Date('2026-03-01T11:00:00Z');
const CASES = (Object.entries(FLOW_OUTCOMES) as Array<[LedgerFlowType, readonly FlowOutcome[]]>).flatMap(([flow, outcomes]) =>
  outcomes.map((outcome) => [flow, outcome] as const),
);

beforeAll(async () => {
  gateway = await startGateway();
  const { platformId } = await createPlatform(gateway);
  const owner = await createConnectedAccount(gateway, platformId);
  stepwise = await createFinancialAccount(gateway, { platformId, accountId: owner.id }, { nickname: 'Stepwise' });
  bulk = await createFinancialAccount(gateway, { platformId, accountId: owner.id }, { nickname: 'Bulk' });
  together = await createFinancialAccount(gateway, { platformId, accountId: owner.id }, { nickname: 'Together' });
});

afterAll(() => gateway?.stop());

const run = <T>(work: Parameters<TestGateway['server']['services']['unitOfWork']['run']>[0]) =>
  gateway.server.services.unitOfWork.run(work) as Promise<T>;

/** What a transaction and its entries say, without ids. */
async function shape(transactionId: string) {
  const t = await gateway.db.prisma.transaction.findUniqueOrThrow({ where: { id: transactionId }, include: { entries: { orderBy: { createdAt: 'asc' } } } });
  return {
    amount: t.amount,
    status: t.status,
    postedAt: t.postedAt,
    voidAt: t.voidAt,
    impact: [t.cashImpact, t.inboundPendingImpact, t.outboundPendingImpact],
    entries: t.entries.map((e) => ({ type: e.type, at: e.effectiveAt, impact: [e.cashImpact, e.inboundPendingImpact, e.outboundPendingImpact] })),
  };
}

describe('the ledger writer', () => {
  it('writes every ledger rule the same step by step, opened with its entries and in bulk, and the balances follow', async () => {
    for (const [flowType, outcome] of CASES) {
      const ledger = entriesForFlow(flowType, outcome as never, 1_250n);
      const flow = { id: newFlowId(flowType), type: flowType };
      const head = (account: LedgerAccount) => ({ financialAccount: account, currency: 'usd', amount: ledger.amount, description: `${flowType} ${outcome}`, flow, at: OPENED });
      const entries = entriesAt(ledger, OPENED, SETTLED);

      const stepped = await run<string>(async (tx) => {
        const opened = await openTransaction(tx, head(stepwise));
        expect(opened).toMatchObject({ status: 'open', postedAt: null, voidAt: null, cashImpact: 0n, outboundPendingImpact: 0n });
        // One entry at a time, as a flow's steps would come.
        for (const entry of entries) await appendEntries(tx, opened.id, [entry]);
        return opened.id;
      });
      const [bulked] = await run<string[]>((tx) => writeHistory(tx, [{ transaction: head(bulk), entries }]));
      const opened = await run<Awaited<ReturnType<typeof openTransaction>>>((tx) => openTransaction(tx, head(together), entries));

      const expected = {
        amount: ledger.amount,
        status: ledger.status,
        postedAt: entries.find((e) => e.transition === 'posted')?.at ?? null,
        voidAt: entries.find((e) => e.transition === 'void')?.at ?? null,
        impact: [ledger.impact.cash, ledger.impact.inboundPending, ledger.impact.outboundPending],
      };
      expect(await shape(stepped), `${flowType} ${outcome}`).toMatchObject(expected);
      expect(await shape(bulked)).toEqual(await shape(stepped));
      expect(await shape(opened.id)).toEqual(await shape(stepped));
      // What the statement returns is the row it stored.
      expect(opened).toEqual(await gateway.db.prisma.transaction.findUniqueOrThrow({ where: { id: opened.id } }));
    }
    const balances = await gateway.db.prisma.financialAccountBalance.findMany({ where: { financialAccountId: { in: [stepwise.id, bulk.id, together.id] } } });
    expect(balances).toHaveLength(3);
    for (const balance of balances.slice(1)) {
      expect(balance.cash).toBe(balances[0].cash);
      expect(balance.inboundPending).toBe(balances[0].inboundPending);
      expect(balance.outboundPending).toBe(balances[0].outboundPending);
    }
  });

  it('moves an outbound flow from open (held) to posted as its entries come', async () => {
    const ledger = entriesForFlow('outbound_transfer', 'posted', 500n);
    const [hold, posting] = entriesAt(ledger, OPENED, SETTLED);
    const flow = { id: newFlowId('outbound_transfer'), type: 'outbound_transfer' as const };
    const id = await run<string>(async (tx) => (await openTransaction(tx, { financialAccount: stepwise, currency: 'usd', amount: -500n, description: 'Hold', flow, at: OPENED })).id);
    const held = await run<{ status: string; outboundPendingImpact: bigint; cashImpact: bigint }>((tx) => appendEntries(tx, id, [hold]));
    expect(held).toMatchObject({ status: 'open', cashImpact: -500n, outboundPendingImpact: 500n });
    const posted = await run<{ status: string; postedAt: Date | null; outboundPendingImpact: bigint }>((tx) => appendEntries(tx, id, [posting]));
    expect(posted).toMatchObject({ status: 'posted', postedAt: SETTLED, outboundPendingImpact: 0n });
  });

  it('refuses entries on a transaction that has posted, and writes none of them', async () => {
    const ledger = entriesForFlow('received_credit', 'succeeded', 700n);
    const flow = { id: newFlowId('received_credit'), type: 'received_credit' as const };
    const [id] = await run<string[]>((tx) =>
      writeHistory(tx, [{ transaction: { financialAccount: stepwise, currency: 'usd', amount: 700n, description: 'Credit', flow, at: OPENED }, entries: entriesAt(ledger, OPENED, OPENED) }]),
    );
    const before = await shape(id);
    await expect(run((tx) => appendEntries(tx, id, entriesAt(ledger, SETTLED, SETTLED)))).rejects.toThrow(/posted transaction takes no more entries/);
    expect(await shape(id)).toEqual(before);
  });

  it('keeps amounts beyond 2^53 exact, opened with its entries and appended to', async () => {
    const { platformId } = await createPlatform(gateway);
    const owner = await createConnectedAccount(gateway, platformId);
    const fa = await createFinancialAccount(gateway, { platformId, accountId: owner.id }, { nickname: 'Large' });
    // Past 2^53 a double would round these: 2^62 + 1 and one less than int8's largest half.
    const large = 2n ** 62n + 1n;
    const flow = { id: newFlowId('outbound_transfer'), type: 'outbound_transfer' as const };
    const hold = { type: 'outbound_transfer' as const, impact: { cash: -large, inboundPending: 0n, outboundPending: large }, transition: null, at: OPENED };
    const opened = await run<{ id: string; amount: bigint; cashImpact: bigint }>((tx) =>
      openTransaction(tx, { financialAccount: fa, currency: 'usd', amount: -large, description: 'Large hold', flow, at: OPENED }, [hold]),
    );
    expect(opened).toMatchObject({ amount: -large, cashImpact: -large });
    const posting = { type: 'outbound_transfer_posting' as const, impact: { cash: 0n, inboundPending: 0n, outboundPending: -large }, transition: 'posted' as const, at: SETTLED };
    const posted = await run<{ status: string; cashImpact: bigint; outboundPendingImpact: bigint }>((tx) => appendEntries(tx, opened.id, [posting]));
    expect(posted).toMatchObject({ status: 'posted', cashImpact: -large, outboundPendingImpact: 0n });
    expect((await shape(opened.id)).entries.map((e) => e.impact)).toEqual([
      [-large, 0n, large],
      [0n, 0n, -large],
    ]);
    const [balance] = await gateway.db.prisma.financialAccountBalance.findMany({ where: { financialAccountId: fa.id } });
    expect(balance).toMatchObject({ cash: -large, outboundPending: 0n });
  });

  it('generates a series of posted received credits in the database, each with its one entry', async () => {
    const { platformId } = await createPlatform(gateway);
    const owner = await createConnectedAccount(gateway, platformId);
    const fa = await createFinancialAccount(gateway, { platformId, accountId: owner.id });
    const start = new Date('2024-01-01T00:00:00Z');
    await writeReceivedCreditSeries(gateway.db.prisma, fa, { count: 50, start, everySeconds: 30, idPrefix: 'series', description: 'Series credit' });
    const transactions = await gateway.db.prisma.transaction.findMany({ where: { financialAccountId: fa.id }, include: { entries: true }, orderBy: { createdAt: 'asc' } });
    expect(transactions).toHaveLength(50);
    const expected = Array.from({ length: 50 }, (_, i) => BigInt((((i + 1) % 997) + 1) * 100));
    expect(transactions.map((t) => t.amount)).toEqual(expected);
    for (const [i, t] of transactions.entries()) {
      expect(t).toMatchObject({ status: 'posted', flowType: 'received_credit', cashImpact: t.amount, postedAt: new Date(start.getTime() + (i + 1) * 30_000) });
      expect(t.entries.map((e) => [e.type, e.cashImpact, e.effectiveAt])).toEqual([['received_credit', t.amount, t.postedAt]]);
    }
    const balance = await gateway.db.prisma.financialAccountBalance.findFirstOrThrow({ where: { financialAccountId: fa.id } });
    expect(balance.cash).toBe(expected.reduce((a, b) => a + b, 0n));
  });
});
