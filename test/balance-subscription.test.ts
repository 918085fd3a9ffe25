// financialAccountBalanceUpdated over graphql-ws through the real server: one
// update per balance change, each with the transaction that made it and the
// balance right after it (not re-read later), in commit order, so several
// quick changes show every intermediate balance.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './gql/index.ts';
import { startGateway, type TestGateway } from './support/gateway.ts';
import {
  createConnectedAccount,
  createFinancialAccount,
  createPaymentMethod,
  createPlatform,
  fundFinancialAccount,
  sendOutboundTransfer,
  stepOutboundTransfer,
} from './support/fixtures.ts';
import { eventually, subscribeWs, wsClient, type LiveSubscription } from './support/live.ts';
import { ObservedBus } from './support/observed-bus.ts';
import type { Client } from 'graphql-ws';

const BALANCE_UPDATED = graphql(`
  subscription BalanceUpdated($fa: ID!) {
    financialAccountBalanceUpdated(financialAccount: $fa) {
      financialAccount { id }
      transaction { id flow flowType status }
      balance { cash { currency amount } inboundPending { currency amount } outboundPending { currency amount } }
    }
  }
`);

let gateway: TestGateway;
let bus: ObservedBus;
let p: { platformId: string; secretKey: string };
let accountA: string;
let pm: string;
const clients: Client[] = [];

beforeAll(async () => {
  bus = new ObservedBus();
  gateway = await startGateway({ featureActivationSweepMs: 3_600_000, eventBus: bus });
  p = await createPlatform(gateway, { name: 'Balance Platform' });
  accountA = (await createConnectedAccount(gateway, p.platformId)).id;
  pm = (await createPaymentMethod(gateway, { platformId: p.platformId, accountId: accountA })).id;
});

afterAll(async () => {
  for (const client of clients) await client.dispose();
  await gateway?.stop();
});

/** A live subscription to one account's balance, once the server listens for it. */
async function watch(fa: string, token = p.secretKey) {
  // Live once it has joined the server's fan-out (subscribers of one operation and scope share one bus listener).
  const before = gateway.server.live!.joinedFor(p.platformId);
  const client = wsClient(gateway.url, token);
  clients.push(client);
  const sub = await subscribeWs(client, BALANCE_UPDATED, { fa });
  await eventually(() => gateway.server.live!.joinedFor(p.platformId) > before, 'the balance subscription to go live');
  return sub;
}

async function updates(sub: LiveSubscription<{ financialAccountBalanceUpdated: unknown }>, n: number) {
  const out = [];
  for (let i = 0; i < n; i++) {
    const result = await sub.next(5000);
    expect(result.errors).toBeUndefined();
    const u = result.data!.financialAccountBalanceUpdated as {
      financialAccount: { id: string };
      transaction: { id: string; flow: string; flowType: string; status: string };
      balance: Record<'cash' | 'inboundPending' | 'outboundPending', Array<{ currency: string; amount: number }>>;
    };
    out.push({
      fa: u.financialAccount.id,
      flow: u.transaction.flow,
      flowType: u.transaction.flowType,
      cash: u.balance.cash[0].amount,
      outboundPending: u.balance.outboundPending[0].amount,
      inboundPending: u.balance.inboundPending[0].amount,
    });
  }
  return out;
}

describe('financialAccountBalanceUpdated', () => {
  it('shows each change\'s balance, with the transaction that made it, in order', async () => {
    const fa = await createFinancialAccount(gateway, { platformId: p.platformId, accountId: accountA });
    const sub = await watch(fa.id);
    const rc = await fundFinancialAccount(gateway, fa, 10_000n);
    // Several changes in quick succession: each update carries its own balance, not the latest.
    const one = await sendOutboundTransfer(gateway, fa, pm, 3_000n);
    const two = await sendOutboundTransfer(gateway, fa, pm, 1_000n);
    await stepOutboundTransfer(gateway, p.platformId, one, 'post');
    await stepOutboundTransfer(gateway, p.platformId, two, 'cancel');
    expect(await updates(sub, 5)).toEqual([
      { fa: fa.id, flow: rc, flowType: 'RECEIVED_CREDIT', cash: 10_000, outboundPending: 0, inboundPending: 0 },
      { fa: fa.id, flow: one, flowType: 'OUTBOUND_TRANSFER', cash: 7_000, outboundPending: 3_000, inboundPending: 0 },
      { fa: fa.id, flow: two, flowType: 'OUTBOUND_TRANSFER', cash: 6_000, outboundPending: 4_000, inboundPending: 0 },
      { fa: fa.id, flow: one, flowType: 'OUTBOUND_TRANSFER', cash: 6_000, outboundPending: 1_000, inboundPending: 0 },
      { fa: fa.id, flow: two, flowType: 'OUTBOUND_TRANSFER', cash: 7_000, outboundPending: 0, inboundPending: 0 },
    ]);
    await sub.close();
  });

  it('a return shows the money back, on the return\'s own transaction', async () => {
    const fa = await createFinancialAccount(gateway, { platformId: p.platformId, accountId: accountA });
    await fundFinancialAccount(gateway, fa, 500n);
    const sub = await watch(fa.id);
    const obt = await sendOutboundTransfer(gateway, fa, pm, 500n);
    await stepOutboundTransfer(gateway, p.platformId, obt, 'post');
    await stepOutboundTransfer(gateway, p.platformId, obt, 'return');
    const seen = await updates(sub, 3);
    expect(seen.map((u) => [u.cash, u.outboundPending])).toEqual([
      [0, 500],
      [0, 0],
      [500, 0],
    ]);
    const transfer = await gateway.db.prisma.outboundTransfer.findUniqueOrThrow({ where: { id: obt } });
    const last = (await gateway.db.prisma.event.findMany({
      where: { objectId: fa.id, type: 'treasury.financial_account.balance_updated' },
      orderBy: { sequence: 'desc' },
      take: 1,
    }))[0];
    expect((last.data as { transaction: string }).transaction).toBe(transfer.returnTransactionId);
    await sub.close();
  });

  it('a transfer between two financial accounts updates both, each with its own transaction', async () => {
    const features = ['financial_addresses_aba', 'intra_stripe_flows'] as const;
    const from = await createFinancialAccount(gateway, { platformId: p.platformId, accountId: accountA }, { features: [...features] });
    const to = await createFinancialAccount(gateway, { platformId: p.platformId, accountId: accountA }, { features: [...features] });
    await fundFinancialAccount(gateway, from, 1_000n);
    const fromSub = await watch(from.id);
    const toSub = await watch(to.id);
    const obt = await sendOutboundTransfer(gateway, from, to.id, 400n);
    expect(await updates(fromSub, 2)).toEqual([
      { fa: from.id, flow: obt, flowType: 'OUTBOUND_TRANSFER', cash: 600, outboundPending: 400, inboundPending: 0 },
      { fa: from.id, flow: obt, flowType: 'OUTBOUND_TRANSFER', cash: 600, outboundPending: 0, inboundPending: 0 },
    ]);
    const [toUpdate] = await updates(toSub, 1);
    expect(toUpdate).toMatchObject({ fa: to.id, flowType: 'RECEIVED_CREDIT', cash: 400, outboundPending: 0 });
    expect(toUpdate.flow).toMatch(/^rc_/);
    await fromSub.close();
    await toSub.close();
  });
});
