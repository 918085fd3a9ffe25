// Money movements racing each other on PostgreSQL, through the real server:
// concurrent transfers from one account take turns on its row lock, so no
// more leaves than it holds; transfers both ways between two accounts lock
// both in one order, so they cannot deadlock; concurrent replays of one
// idempotency key move the money once; a succeed and a cancel of one inbound
// transfer at once leave exactly one winner. PostgreSQL only: the embedded database
// runs one statement at a time, so nothing there races.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './gql/index.ts';
import { createConnectedAccount, createFinancialAccount, createPaymentMethod, createPlatform, fundFinancialAccount } from './support/fixtures.ts';
import { startGateway, usingPostgres, type TestGateway } from './support/gateway.ts';
import { ledgerViolations, storedBalances } from './support/ledger-checks.ts';

const RECEIVED_DEBIT = graphql(`
  mutation ConcurrentReceivedDebit($input: CreateReceivedDebitInput!) {
    createReceivedDebit(input: $input) { receivedDebit { id status failureCode } userErrors { code message } }
  }
`);
const REVERSE = graphql(`
  mutation ConcurrentCreditReversal($input: CreateCreditReversalInput!) {
    createCreditReversal(input: $input) { creditReversal { id } userErrors { code message } }
  }
`);
const TRANSFER = graphql(`
  mutation ConcurrentOutboundTransfer($input: CreateOutboundTransferInput!) {
    createOutboundTransfer(input: $input) { outboundTransfer { id status } userErrors { code message } }
  }
`);

const INBOUND = graphql(`
  mutation ConcurrentInboundTransfer($input: CreateInboundTransferInput!) {
    createInboundTransfer(input: $input) { inboundTransfer { id status } userErrors { code message } }
  }
`);
const SUCCEED_INBOUND = graphql(`
  mutation ConcurrentSucceedInbound($input: SucceedInboundTransferInput!) {
    succeedInboundTransfer(input: $input) { inboundTransfer { id status } userErrors { code message } }
  }
`);
const CANCEL_INBOUND = graphql(`
  mutation ConcurrentCancelInbound($input: CancelInboundTransferInput!) {
    cancelInboundTransfer(input: $input) { inboundTransfer { id status } userErrors { code message } }
  }
`);
const PAYMENT = graphql(`
  mutation ConcurrentOutboundPayment($input: CreateOutboundPaymentInput!) {
    createOutboundPayment(input: $input) { outboundPayment { id status } userErrors { code message } }
  }
`);

let gateway: TestGateway;
let key: string;
let owner: { platformId: string; accountId: string };
let bankAccount: string;
const features = ['financial_addresses_aba', 'outbound_transfers_ach', 'intra_stripe_flows'] as const;

beforeAll(async () => {
  if (!usingPostgres) return;
  // Credit reversals and payments over Stripe's network resolve when the test says so.
  gateway = await startGateway({
    creditReversalPostingDelayMs: 3_600_000,
    creditReversalPostingSweepMs: 3_600_000,
    stripeNetworkPostingDelayMs: 3_600_000,
  });
  const platform = await createPlatform(gateway);
  key = platform.secretKey;
  owner = { platformId: platform.platformId, accountId: (await createConnectedAccount(gateway, platform.platformId)).id };
  bankAccount = (await createPaymentMethod(gateway, owner)).id;
});
afterAll(() => gateway?.stop());

async function fundedAccount(cash: bigint) {
  const fa = await createFinancialAccount(gateway, owner, { features: [...features] });
  await fundFinancialAccount(gateway, fa, cash);
  return fa;
}

/** Sends them all at once; each answer as the created transfer's id or its user error codes. */
async function raceTransfers(inputs: Array<Record<string, unknown>>) {
  const answers = await Promise.all(inputs.map((input) => gateway.graphql(TRANSFER, { token: key, variables: { input: input as never } })));
  return answers.map((res) => {
    expect(res.errors).toBeUndefined();
    const payload = res.data!.createOutboundTransfer;
    return { id: payload.outboundTransfer?.id ?? null, codes: payload.userErrors.map((e) => e.code) };
  });
}

const toBank = (financialAccount: string, amount: number) => ({
  financialAccount,
  amount,
  currency: 'usd',
  destinationPaymentMethod: bankAccount,
});

describe.runIf(usingPostgres)('concurrent money movements', () => {
  it('100 transfers racing for one account: exactly as many as its cash covers succeed, the rest are balance_insufficient', async () => {
    const fa = await fundedAccount(10_000n);
    const answers = await raceTransfers(Array.from({ length: 100 }, () => toBank(fa.id, 350)));
    const accepted = answers.filter((a) => a.id !== null);
    const refused = answers.filter((a) => a.id === null);
    expect(accepted).toHaveLength(Math.floor(10_000 / 350));
    expect(new Set(accepted.map((a) => a.id)).size).toBe(accepted.length);
    expect(refused.every((a) => a.codes.length === 1 && a.codes[0] === 'balance_insufficient')).toBe(true);

    // No overdraft and no lost update: the balance is what 28 holds leave, and every balance equals its entries.
    const held = BigInt(accepted.length) * 350n;
    expect((await storedBalances(gateway.db, [fa.id])).get(fa.id)).toEqual({ cash: 10_000n - held, inboundPending: 0n, outboundPending: held });
    const holds = await gateway.db.prisma.transaction.count({ where: { financialAccountId: fa.id, flowType: 'outbound_transfer' } });
    expect(holds).toBe(accepted.length);
    expect(await ledgerViolations(gateway.db)).toEqual([]);
  });

  it('transfers both ways between two accounts at once: no deadlock, every one lands, the total is conserved', async () => {
    const [x, y] = [await fundedAccount(10_000n), await fundedAccount(10_000n)];
    const between = (from: string, to: string, amount: number) => ({
      financialAccount: from,
      amount,
      currency: 'usd',
      destinationPaymentMethodData: { type: 'FINANCIAL_ACCOUNT' as const, financialAccount: to },
    });
    // Interleaved, so each direction's requests meet the other's in the locks.
    const inputs = Array.from({ length: 60 }, (_, i) => (i % 2 === 0 ? between(x.id, y.id, 100 + i) : between(y.id, x.id, 100 + i)));
    const answers = await raceTransfers(inputs);
    expect(answers.filter((a) => a.codes.length > 0)).toEqual([]);

    const sent = (from: number) => inputs.filter((_, i) => i % 2 === from).reduce((sum, input) => sum + BigInt(input.amount), 0n);
    const balances = await storedBalances(gateway.db, [x.id, y.id]);
    // Between financial accounts the money arrives at once: nothing stays pending.
    expect(balances.get(x.id)).toEqual({ cash: 10_000n - sent(0) + sent(1), inboundPending: 0n, outboundPending: 0n });
    expect(balances.get(y.id)).toEqual({ cash: 10_000n - sent(1) + sent(0), inboundPending: 0n, outboundPending: 0n });
    expect(balances.get(x.id)!.cash + balances.get(y.id)!.cash).toBe(20_000n);
    expect(await ledgerViolations(gateway.db)).toEqual([]);
  });

  it('concurrent replays of one idempotency key move the money once, and all answer with the same transfer', async () => {
    const fa = await fundedAccount(10_000n);
    const input = { ...toBank(fa.id, 1_234), idempotencyKey: `race-${fa.id}` };
    const answers = await raceTransfers(Array.from({ length: 20 }, () => input));
    expect(answers.filter((a) => a.codes.length > 0)).toEqual([]);
    expect(new Set(answers.map((a) => a.id)).size).toBe(1);

    expect(await gateway.db.prisma.outboundTransfer.count({ where: { financialAccountId: fa.id } })).toBe(1);
    expect((await storedBalances(gateway.db, [fa.id])).get(fa.id)).toEqual({ cash: 10_000n - 1_234n, inboundPending: 0n, outboundPending: 1_234n });
    expect(await ledgerViolations(gateway.db)).toEqual([]);
  });

  it('100 received debits racing for one account\'s cash: exactly as many as it covers succeed, the rest fail as insufficient_funds', async () => {
    const fa = await fundedAccount(10_000n);
    const answers = await Promise.all(
      Array.from({ length: 100 }, () =>
        gateway.graphql(RECEIVED_DEBIT, { token: key, variables: { input: { financialAccount: fa.id, amount: 350, currency: 'usd', network: 'ACH' } } }),
      ),
    );
    const debits = answers.map((res) => {
      expect(res.errors).toBeUndefined();
      expect(res.data!.createReceivedDebit.userErrors).toEqual([]);
      return res.data!.createReceivedDebit.receivedDebit!;
    });
    const succeeded = debits.filter((d) => d.status === 'SUCCEEDED');
    expect(succeeded).toHaveLength(Math.floor(10_000 / 350));
    expect(debits.filter((d) => d.status === 'FAILED').every((d) => d.failureCode === 'INSUFFICIENT_FUNDS')).toBe(true);

    // Never negative cash: each debit was decided against the cash the ones before it left.
    const taken = BigInt(succeeded.length) * 350n;
    expect((await storedBalances(gateway.db, [fa.id])).get(fa.id)).toEqual({ cash: 10_000n - taken, inboundPending: 0n, outboundPending: 0n });
    expect(await gateway.db.prisma.transaction.count({ where: { financialAccountId: fa.id, flowType: 'received_debit' } })).toBe(succeeded.length);
    expect(await ledgerViolations(gateway.db)).toEqual([]);
  });

  it('20 reversals of one received credit at once: exactly one succeeds, the rest are already_reversed', async () => {
    const fa = await fundedAccount(10_000n);
    const credit = await fundFinancialAccount(gateway, fa, 2_500n);
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => gateway.graphql(REVERSE, { token: key, variables: { input: { receivedCredit: credit } } })),
    );
    const results = answers.map((res) => {
      expect(res.errors).toBeUndefined();
      const payload = res.data!.createCreditReversal;
      return { id: payload.creditReversal?.id ?? null, codes: payload.userErrors.map((e) => e.code) };
    });
    expect(results.filter((r) => r.id !== null)).toHaveLength(1);
    expect(results.filter((r) => r.id === null).every((r) => r.codes.length === 1 && r.codes[0] === 'already_reversed')).toBe(true);
    expect(await gateway.db.prisma.creditReversal.count({ where: { receivedCreditId: credit } })).toBe(1);
    expect((await storedBalances(gateway.db, [fa.id])).get(fa.id)).toEqual({ cash: 10_000n, inboundPending: 0n, outboundPending: 2_500n });
    expect(await ledgerViolations(gateway.db)).toEqual([]);
  });

  it('succeed and cancel racing on the same inbound transfers: exactly one of them wins each, and only a success moves money', async () => {
    const fa = await createFinancialAccount(gateway, owner, { features: ['financial_addresses_aba', 'inbound_transfers_ach'] });
    const ids: string[] = [];
    for (let i = 0; i < 10; i++) {
      const res = await gateway.graphql(INBOUND, { token: key, variables: { input: { financialAccount: fa.id, amount: 100 + i, currency: 'usd', originPaymentMethod: bankAccount } } });
      ids.push(res.data!.createInboundTransfer.inboundTransfer!.id);
    }
    // Each transfer gets both at once, several times over.
    const races = ids.flatMap((id) => [SUCCEED_INBOUND, CANCEL_INBOUND, SUCCEED_INBOUND, CANCEL_INBOUND].map((doc) => ({ id, doc })));
    const answers = await Promise.all(
      races.map(async ({ id, doc }) => {
        const res = await gateway.graphql(doc as typeof SUCCEED_INBOUND, { token: key, variables: { input: { inboundTransfer: id } } });
        expect(res.errors).toBeUndefined();
        const payload = Object.values(res.data!)[0] as { inboundTransfer: { status: string } | null; userErrors: Array<{ code: string }> };
        return { id, won: payload.inboundTransfer?.status ?? null, codes: payload.userErrors.map((e) => e.code) };
      }),
    );
    let succeeded = 0n;
    for (const [i, id] of ids.entries()) {
      const mine = answers.filter((a) => a.id === id);
      const winners = mine.filter((a) => a.won !== null);
      expect(winners).toHaveLength(1);
      expect(mine.filter((a) => a.won === null).every((a) => a.codes.length === 1 && a.codes[0] === 'invalid_status_transition')).toBe(true);
      const stored = await gateway.db.prisma.inboundTransfer.findUniqueOrThrow({ where: { id } });
      expect(stored.status).toBe(winners[0].won!.toLowerCase());
      expect(await gateway.db.prisma.event.count({ where: { objectId: id } })).toBe(2);
      if (stored.status === 'succeeded') succeeded += BigInt(100 + i);
    }
    // One posted transaction per success, none for a cancellation; inbound pending never moves.
    expect(await gateway.db.prisma.transaction.count({ where: { financialAccountId: fa.id } })).toBe(answers.filter((a) => a.won === 'SUCCEEDED').length);
    expect((await storedBalances(gateway.db, [fa.id])).get(fa.id)).toEqual({ cash: succeeded, inboundPending: 0n, outboundPending: 0n });
    expect(await ledgerViolations(gateway.db)).toEqual([]);
  });

  it('payments racing for one account, to a bank and to another owner\'s account: exactly as many as its cash covers succeed; posting them all at once, against payments back, deadlocks nothing', async () => {
    const paymentFeatures = ['financial_addresses_aba', 'outbound_payments_ach', 'intra_stripe_flows'] as const;
    const payee = { platformId: owner.platformId, accountId: (await createConnectedAccount(gateway, owner.platformId)).id };
    const fa = await createFinancialAccount(gateway, owner, { features: [...paymentFeatures] });
    await fundFinancialAccount(gateway, fa, 10_000n);
    const other = await createFinancialAccount(gateway, payee, { features: [...paymentFeatures] });
    await fundFinancialAccount(gateway, other, 10_000n);
    const toOther = (from: string, to: string, amount: number) => ({
      financialAccount: from,
      amount,
      currency: 'usd',
      destinationPaymentMethodData: { type: 'FINANCIAL_ACCOUNT' as const, financialAccount: to },
    });
    const inputs = Array.from({ length: 60 }, (_, i) => (i % 2 === 0 ? toOther(fa.id, other.id, 300) : { ...toBank(fa.id, 300) }));
    const answers = await Promise.all(inputs.map((input) => gateway.graphql(PAYMENT, { token: key, variables: { input: input as never } })));
    const outcomes = answers.map((res) => {
      expect(res.errors).toBeUndefined();
      const payload = res.data!.createOutboundPayment;
      return { id: payload.outboundPayment?.id ?? null, codes: payload.userErrors.map((e) => e.code) };
    });
    const accepted = outcomes.filter((a) => a.id !== null);
    expect(accepted).toHaveLength(Math.floor(10_000 / 300));
    expect(outcomes.filter((a) => a.id === null).every((a) => a.codes.length === 1 && a.codes[0] === 'balance_insufficient')).toBe(true);
    const held = BigInt(accepted.length) * 300n;
    expect((await storedBalances(gateway.db, [fa.id])).get(fa.id)).toEqual({ cash: 10_000n - held, inboundPending: 0n, outboundPending: held });

    // The other way at the same time as Stripe posts the first ones: each locks both accounts in one order.
    const back = await Promise.all(Array.from({ length: 10 }, () => gateway.graphql(PAYMENT, { token: key, variables: { input: toOther(other.id, fa.id, 100) as never } })));
    const backIds = back.map((res) => res.data!.createOutboundPayment.outboundPayment!.id);
    const overStripe = await gateway.db.prisma.outboundPayment.findMany({ where: { financialAccountId: fa.id, network: 'stripe' }, select: { id: true, amount: true } });
    await Promise.all([...overStripe.map((p) => p.id), ...backIds].map((id) => gateway.server.services.stripeNetworkPoster.post(id)));
    const arrived = overStripe.reduce((sum, p) => sum + p.amount, 0n);
    const balances = await storedBalances(gateway.db, [fa.id, other.id]);
    expect(balances.get(fa.id)).toEqual({ cash: 10_000n - held + 1_000n, inboundPending: 0n, outboundPending: held - arrived });
    expect(balances.get(other.id)).toEqual({ cash: 10_000n - 1_000n + arrived, inboundPending: 0n, outboundPending: 0n });
    expect(await gateway.db.prisma.outboundPayment.count({ where: { network: 'stripe', status: 'processing', financialAccountId: { in: [fa.id, other.id] } } })).toBe(0);
    expect(await ledgerViolations(gateway.db)).toEqual([]);
  });
});
