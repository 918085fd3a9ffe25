import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { balanceFromSums, entriesForFlow, sumImpacts, type BalanceImpact } from '../../../src/domain/ledger.ts';
import { checkFlowAllowed, type FlowAccountContext } from '../../../src/domain/flows.ts';
import type { Feature } from '../../../src/domain/features.ts';
import { failure } from '../../../src/domain/result.ts';
import {
  BALANCE_INSUFFICIENT,
  INVALID_STATUS_TRANSITION,
  INBOUND_TRANSFER_ACTIONS,
  checkReversible,
  checkSufficientFunds,
  debitReversalResolution,
  decideReceivedCredit,
  decideReceivedDebit,
  inboundTransferCancelable,
  inboundTransferReturned,
  nextCreditReversal,
  nextDebitReversal,
  nextInboundTransfer,
  nextReceivedCredit,
  nextReceivedDebit,
  reversalRestrictedReason,
  type EntryPlan,
  type InboundTransferActionType,
  type InboundTransferState,
  type Step,
} from '../../../src/domain/money-movements/index.ts';

const T0 = new Date('2026-12-01T09:00:00Z');
const at = (m: number) => new Date(T0.getTime() + m * 60_000);
const rows = (entries: EntryPlan[]) => entries.map((e) => [e.transaction, e.type, e.impact.cash, e.impact.inboundPending, e.impact.outboundPending, e.transition]);
function accepted<S extends string, T extends string>(r: Step<S, T> | { ok: false; code: string; message: string }): Step<S, T> {
  if (!r.ok) throw new Error(`refused: ${r.code} ${r.message}`);
  return r;
}
const A = 4_321n;
const account = (features: Feature[], extra: Partial<FlowAccountContext> = {}): FlowAccountContext => ({
  open: true,
  activeFeatures: new Set(features),
  restrictions: { inboundFlows: 'unrestricted', outboundFlows: 'unrestricted' },
  ...extra,
});

describe('ReceivedCredit', () => {
  it('succeeded: one received_credit entry into cash on a transaction posted at once', () => {
    const s = accepted(nextReceivedCredit(null, { type: 'create', amount: A, at: T0, failureCode: null }));
    expect(s.status).toBe('succeeded');
    expect(rows(s.entries)).toEqual([['flow', 'received_credit', A, 0n, 0n, 'posted']]);
    expect(s.transactions).toEqual([{ role: 'flow', amount: A, status: 'posted', created: true }]);
    expect(s.events).toEqual(['treasury.received_credit.created', 'treasury.received_credit.succeeded']);
    // The same rule as the ledger the seed uses.
    expect(s.entries.map(({ type, impact, transition }) => ({ type, impact, transition }))).toEqual(entriesForFlow('received_credit', 'succeeded', A).entries);
  });

  it('failed: no transaction, no entries', () => {
    const s = accepted(nextReceivedCredit(null, { type: 'create', amount: A, at: T0, failureCode: 'account_closed' }));
    expect(s.status).toBe('failed');
    expect(s.entries).toEqual([]);
    expect(s.transactionStatus).toBeNull();
    expect(s.events).toEqual(['treasury.received_credit.created', 'treasury.received_credit.failed']);
  });

  it('never changes after creation', () => {
    const s = accepted(nextReceivedCredit(null, { type: 'create', amount: A, at: T0, failureCode: null }));
    expect(nextReceivedCredit(s.state, { type: 'create', amount: A, at: T0, failureCode: null })).toMatchObject({ ok: false, code: INVALID_STATUS_TRANSITION });
  });

  it("decides the failure code from the account's rules", () => {
    const aba: Feature[] = ['financial_addresses_aba'];
    expect(decideReceivedCredit(checkFlowAllowed('received_credit', 'ach', account(aba)))).toEqual({ ok: true, value: null });
    expect(decideReceivedCredit(checkFlowAllowed('received_credit', 'ach', account(aba, { open: false })))).toEqual({ ok: true, value: 'account_closed' });
    const restricted = account(aba, { restrictions: { inboundFlows: 'restricted', outboundFlows: null } });
    expect(decideReceivedCredit(checkFlowAllowed('received_credit', 'ach', restricted))).toEqual({ ok: true, value: 'account_frozen' });
    expect(decideReceivedCredit(checkFlowAllowed('received_credit', 'us_domestic_wire', account([])))).toEqual({ ok: true, value: 'other' });
    // A bad network is the caller's input error, not a declined credit.
    expect(decideReceivedCredit(failure('parameter_invalid', 'bad network', ['network']))).toMatchObject({ ok: false, field: ['network'] });
  });
});

describe('ReceivedDebit', () => {
  it('succeeded: one received_debit entry out of cash, posted; failed: nothing', () => {
    const s = accepted(nextReceivedDebit(null, { type: 'create', amount: A, at: T0, failureCode: null }));
    expect(rows(s.entries)).toEqual([['flow', 'received_debit', -A, 0n, 0n, 'posted']]);
    expect(s.transactions).toEqual([{ role: 'flow', amount: -A, status: 'posted', created: true }]);
    expect(s.events).toEqual(['treasury.received_debit.created']);
    const f = accepted(nextReceivedDebit(null, { type: 'create', amount: A, at: T0, failureCode: 'insufficient_funds' }));
    expect([f.status, f.entries, f.transactionStatus]).toEqual(['failed', [], null]);
    expect(nextReceivedDebit(s.state, { type: 'create', amount: A, at: T0, failureCode: null })).toMatchObject({ ok: false });
  });

  it('declines with insufficient_funds when cash is short, after the account rules', () => {
    const ok = checkFlowAllowed('received_debit', 'ach', account(['financial_addresses_aba']));
    expect(decideReceivedDebit(ok, A, A)).toEqual({ ok: true, value: null });
    expect(decideReceivedDebit(ok, A - 1n, A)).toEqual({ ok: true, value: 'insufficient_funds' });
    const closed = checkFlowAllowed('received_debit', 'ach', account(['financial_addresses_aba'], { open: false }));
    expect(decideReceivedDebit(closed, 0n, A)).toEqual({ ok: true, value: 'account_closed' });
  });
});

describe('InboundTransfer', () => {
  const created = () => accepted(nextInboundTransfer(null, { type: 'create', amount: A, at: T0 }));

  it('create: processing, cancelable, no transaction yet', () => {
    const s = created();
    expect([s.status, s.entries, s.transactionStatus, inboundTransferCancelable(s.state)]).toEqual(['processing', [], null, true]);
    expect(s.events).toEqual(['treasury.inbound_transfer.created']);
  });

  it('succeed: the money lands in cash on a posted transaction', () => {
    const s = accepted(nextInboundTransfer(created().state, { type: 'succeed', at: at(5) }));
    expect(rows(s.entries)).toEqual([['flow', 'inbound_transfer', A, 0n, 0n, 'posted']]);
    expect(s.transactions).toEqual([{ role: 'flow', amount: A, status: 'posted', created: true }]);
    expect(s.transitions).toEqual({ succeededAt: at(5) });
    expect(inboundTransferCancelable(s.state)).toBe(false);
  });

  it('cancel and fail move nothing and set their time', () => {
    const c = accepted(nextInboundTransfer(created().state, { type: 'cancel', at: at(1) }));
    expect([c.status, c.entries, c.transitions]).toEqual(['canceled', [], { canceledAt: at(1) }]);
    const f = accepted(nextInboundTransfer(created().state, { type: 'fail', at: at(2) }));
    expect([f.status, f.entries, f.transitions]).toEqual(['failed', [], { failedAt: at(2) }]);
  });

  it('return: only once succeeded, once; stays succeeded and takes the money back on a second transaction', () => {
    expect(nextInboundTransfer(created().state, { type: 'return', at: at(1) })).toMatchObject({ ok: false, code: INVALID_STATUS_TRANSITION });
    const succeeded = accepted(nextInboundTransfer(created().state, { type: 'succeed', at: at(1) })).state;
    const r = accepted(nextInboundTransfer(succeeded, { type: 'return', at: at(9) }));
    expect(r.status).toBe('succeeded');
    expect(inboundTransferReturned(r.state)).toBe(true);
    expect(rows(r.entries)).toEqual([['return', 'inbound_transfer_return', -A, 0n, 0n, 'posted']]);
    expect(r.transactions).toEqual([{ role: 'return', amount: -A, status: 'posted', created: true }]);
    expect(nextInboundTransfer(r.state, { type: 'return', at: at(10) })).toMatchObject({ ok: false, message: expect.stringMatching(/already/) });
  });

  it('property: for any actions, cash is +amount exactly while succeeded and not returned, else 0; nothing pending', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 15n }), fc.array(fc.constantFrom(...INBOUND_TRANSFER_ACTIONS), { maxLength: 10 }), (amount, types) => {
        let state: InboundTransferState = accepted(nextInboundTransfer(null, { type: 'create', amount, at: T0 })).state;
        const entries: EntryPlan[] = [];
        types.forEach((type: InboundTransferActionType, i) => {
          const before = state;
          const r = nextInboundTransfer(state, type === 'create' ? { type, amount, at: at(i) } : { type, at: at(i) });
          if (before.status === 'canceled' || before.status === 'failed') expect(r.ok).toBe(false);
          if (r.ok) {
            entries.push(...r.entries);
            state = r.state;
          }
        });
        const sum: BalanceImpact = sumImpacts(entries.map((e) => e.impact));
        expect(sum.cash).toBe(state.status === 'succeeded' && !inboundTransferReturned(state) ? amount : 0n);
        expect([sum.inboundPending, sum.outboundPending]).toEqual([0n, 0n]);
      }),
    );
  });
});

describe('CreditReversal', () => {
  it('holds the amount like an outbound flow, then posts it', () => {
    const c = accepted(nextCreditReversal(null, { type: 'create', amount: A, at: T0 }));
    expect(rows(c.entries)).toEqual([['flow', 'credit_reversal', -A, 0n, A, null]]);
    expect(c.transactionStatus).toBe('open');
    const p = accepted(nextCreditReversal(c.state, { type: 'post', at: at(3) }));
    expect(rows(p.entries)).toEqual([['flow', 'credit_reversal_posting', 0n, 0n, -A, 'posted']]);
    expect([p.status, p.transactionStatus, p.transitions]).toEqual(['posted', 'posted', { postedAt: at(3) }]);
    expect(sumImpacts([...c.entries, ...p.entries].map((e) => e.impact))).toEqual({ cash: -A, inboundPending: 0n, outboundPending: 0n });
    expect(nextCreditReversal(p.state, { type: 'post', at: at(4) })).toMatchObject({ ok: false, code: INVALID_STATUS_TRANSITION });
    expect(nextCreditReversal(null, { type: 'post', at: at(4) })).toMatchObject({ ok: false });
  });
});

describe('DebitReversal', () => {
  it('won: the money comes back to cash, posted; lost: nothing moves; both complete', () => {
    const c = accepted(nextDebitReversal(null, { type: 'create', amount: A, at: T0 }));
    expect([c.status, c.entries]).toEqual(['processing', []]);
    expect(debitReversalResolution(c.status)).toBeNull();
    const won = accepted(nextDebitReversal(c.state, { type: 'succeed', at: at(1) }));
    expect(rows(won.entries)).toEqual([['flow', 'debit_reversal', A, 0n, 0n, 'posted']]);
    expect([won.transitions, won.events, debitReversalResolution(won.status)]).toEqual([{ completedAt: at(1) }, ['treasury.debit_reversal.completed'], 'won']);
    const lost = accepted(nextDebitReversal(c.state, { type: 'fail', at: at(2) }));
    expect([lost.entries, lost.transitions, debitReversalResolution(lost.status)]).toEqual([[], { completedAt: at(2) }, 'lost']);
    expect(nextDebitReversal(won.state, { type: 'fail', at: at(3) })).toMatchObject({ ok: false, code: INVALID_STATUS_TRANSITION });
  });
});

describe('reversal eligibility', () => {
  const credit = { status: 'succeeded' as const, network: 'ach', reversed: false, deadline: at(60) };

  it('a succeeded ACH credit can be reversed before its deadline', () => {
    expect(checkReversible(credit, 'ReceivedCredit', at(59))).toEqual({ ok: true, value: undefined });
    expect(reversalRestrictedReason({ ...credit, deadline: null }, ['ach'], at(10_000))).toBeNull();
  });

  it.each([
    [{ reversed: true }, 'already_reversed'],
    [{ network: 'us_domestic_wire' }, 'network_restricted'],
    [{ status: 'failed' as const }, 'other'],
    [{ deadline: at(30) }, 'deadline_passed'],
  ])('refuses %j with the restricted reason %s as its code', (change, code) => {
    expect(checkReversible({ ...credit, ...change }, 'ReceivedCredit', at(59))).toMatchObject({ ok: false, code, field: ['receivedCredit'] });
  });

  it('debits reverse over ach and card, not stripe', () => {
    const debit = { ...credit, network: 'card' };
    expect(checkReversible(debit, 'ReceivedDebit', at(1)).ok).toBe(true);
    expect(checkReversible({ ...debit, network: 'stripe' }, 'ReceivedDebit', at(1))).toMatchObject({ code: 'network_restricted', field: ['receivedDebit'] });
  });
});

describe('checkSufficientFunds', () => {
  const usd = (amount: bigint) => ({ amount, currency: 'usd' as const });

  it('needs the amount in cash; pending money does not count', () => {
    const balance = balanceFromSums(['usd'], [{ currency: 'usd', cash: 100n, inboundPending: 500n, outboundPending: 900n }]);
    expect(checkSufficientFunds(balance, usd(100n))).toEqual({ ok: true, value: undefined });
    expect(checkSufficientFunds(balance, usd(101n))).toMatchObject({ ok: false, code: BALANCE_INSUFFICIENT, field: ['amount'] });
    expect(checkSufficientFunds(balanceFromSums([], []), usd(1n))).toMatchObject({ ok: false, code: BALANCE_INSUFFICIENT });
  });

  it('property: refused exactly when cash < amount', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.bigInt({ min: 1n, max: 10n ** 12n }), (cash, amount) => {
        expect(checkSufficientFunds(cash, usd(amount)).ok).toBe(cash >= amount);
      }),
    );
  });
});
