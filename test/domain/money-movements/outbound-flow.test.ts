import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { entriesForFlow, sumImpacts, ZERO_IMPACT, type BalanceImpact } from '../../../src/domain/ledger.ts';
import {
  OUTBOUND_FLOW_ACTIONS,
  type OutboundFlowAction,
  type OutboundFlowActionType,
  type OutboundFlowState,
  type OutboundFlowStatus,
} from '../../../src/domain/money-movements/outbound-flow.ts';
import { nextOutboundTransfer, outboundTransferCancelable } from '../../../src/domain/money-movements/outbound-transfer.ts';
import { nextOutboundPayment, outboundPaymentCancelable } from '../../../src/domain/money-movements/outbound-payment.ts';
import { INVALID_STATUS_TRANSITION, type EntryPlan, type Step } from '../../../src/domain/money-movements/shared.ts';

const T0 = new Date('2026-12-01T09:00:00Z');
const later = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const rows = (entries: EntryPlan[]) => entries.map((e) => [e.transaction, e.type, e.impact.cash, e.impact.inboundPending, e.impact.outboundPending, e.transition]);
const act = (type: Exclude<OutboundFlowActionType, 'create'>, minutes = 1): OutboundFlowAction => ({ type, at: later(minutes) });

function accepted<S extends string, T extends string>(r: Step<S, T> | { ok: false; code: string; message: string }): Step<S, T> {
  if (!r.ok) throw new Error(`refused: ${r.code} ${r.message}`);
  return r;
}

const MACHINES = [
  ['outbound_transfer', nextOutboundTransfer, outboundTransferCancelable],
  ['outbound_payment', nextOutboundPayment, outboundPaymentCancelable],
] as const;

for (const [flow, next, cancelable] of MACHINES) {
  describe(`${flow} state machine`, () => {
    const A = 10_000n;
    const created = () => accepted(next(null, { type: 'create', amount: A, at: T0 }));

    it('create: processing and cancelable, the amount held from cash in outbound_pending on an open transaction', () => {
      const s = created();
      expect(s.status).toBe('processing');
      expect(s.state.cancelable).toBe(true);
      expect(cancelable(s.state)).toBe(true);
      expect(rows(s.entries)).toEqual([['flow', flow, -A, 0n, A, null]]);
      expect(s.transactionStatus).toBe('open');
      expect(s.transactions).toEqual([{ role: 'flow', amount: -A, status: 'open', created: true }]);
      expect(s.events).toEqual([`treasury.${flow}.created`]);
      expect(s.state.statusTransitions).toEqual({ postedAt: null, failedAt: null, canceledAt: null, returnedAt: null });
    });

    it('create can start not cancelable, and a second create is refused', () => {
      const s = accepted(next(null, { type: 'create', amount: A, at: T0, cancelable: false }));
      expect(cancelable(s.state)).toBe(false);
      const again = next(s.state, { type: 'create', amount: A, at: T0 });
      expect(again).toMatchObject({ ok: false, code: INVALID_STATUS_TRANSITION });
    });

    it('refuses every other action before the flow exists', () => {
      for (const type of OUTBOUND_FLOW_ACTIONS.filter((t) => t !== 'create')) {
        expect(next(null, act(type))).toMatchObject({ ok: false, code: INVALID_STATUS_TRANSITION });
      }
    });

    it('throws on a non-positive amount: money.ts checks input, so this is a bug', () => {
      expect(() => next(null, { type: 'create', amount: 0n, at: T0 })).toThrow(RangeError);
      expect(() => next(null, { type: 'create', amount: -5n, at: T0 })).toThrow(RangeError);
    });

    it('post: the hold is released, the transaction posts, postedAt set, no longer cancelable', () => {
      const s = accepted(next(created().state, act('post', 5)));
      expect(s.status).toBe('posted');
      expect(rows(s.entries)).toEqual([['flow', `${flow}_posting`, 0n, 0n, -A, 'posted']]);
      expect(s.transactionStatus).toBe('posted');
      expect(s.transactions).toEqual([{ role: 'flow', amount: null, status: 'posted', created: false }]);
      expect(s.transitions).toEqual({ postedAt: later(5) });
      expect(s.state.statusTransitions.postedAt).toEqual(later(5));
      expect(cancelable(s.state)).toBe(false);
      expect(s.events).toEqual([`treasury.${flow}.posted`]);
    });

    it('cancel: the money back in cash, the transaction void, canceledAt set', () => {
      const s = accepted(next(created().state, act('cancel', 2)));
      expect(s.status).toBe('canceled');
      expect(rows(s.entries)).toEqual([['flow', `${flow}_cancellation`, A, 0n, -A, 'void']]);
      expect(s.transactionStatus).toBe('void');
      expect(s.transitions).toEqual({ canceledAt: later(2) });
      expect(s.events).toEqual([`treasury.${flow}.canceled`]);
    });

    it('fail: the money back in cash, the transaction void, failedAt set; also once submitted', () => {
      for (const start of [created().state, accepted(next(created().state, act('submit'))).state]) {
        const s = accepted(next(start, act('fail', 3)));
        expect(s.status).toBe('failed');
        expect(rows(s.entries)).toEqual([['flow', `${flow}_failure`, A, 0n, -A, 'void']]);
        expect(s.transactionStatus).toBe('void');
        expect(s.transitions).toEqual({ failedAt: later(3) });
      }
    });

    it('return after posting: a second, posted transaction credits cash; the first stays posted', () => {
      const posted = accepted(next(created().state, act('post', 5))).state;
      const s = accepted(next(posted, act('return', 60)));
      expect(s.status).toBe('returned');
      expect(rows(s.entries)).toEqual([['return', `${flow}_return`, A, 0n, 0n, 'posted']]);
      expect(s.transactions).toEqual([{ role: 'return', amount: A, status: 'posted', created: true }]);
      expect(s.transactionStatus).toBe('posted');
      expect(s.state.returnTransactionStatus).toBe('posted');
      expect(s.transitions).toEqual({ returnedAt: later(60) });
      expect(s.state.statusTransitions).toMatchObject({ postedAt: later(5), returnedAt: later(60) });
      expect(s.events).toEqual([`treasury.${flow}.returned`]);
    });

    it("return while processing (Stripe's test helper): posts the original, then books the return", () => {
      const s = accepted(next(created().state, act('return', 7)));
      expect(rows(s.entries)).toEqual([
        ['flow', `${flow}_posting`, 0n, 0n, -A, 'posted'],
        ['return', `${flow}_return`, A, 0n, 0n, 'posted'],
      ]);
      expect(s.transactions).toEqual([
        { role: 'flow', amount: null, status: 'posted', created: false },
        { role: 'return', amount: A, status: 'posted', created: true },
      ]);
      expect(s.transitions).toEqual({ postedAt: later(7), returnedAt: later(7) });
    });

    it('cancel is refused once the network has the flow (submit), with a message that says so', () => {
      const submitted = accepted(next(created().state, act('submit')));
      expect(submitted.entries).toEqual([]);
      expect(submitted.events).toEqual([]);
      expect(submitted.status).toBe('processing');
      expect(cancelable(submitted.state)).toBe(false);
      const r = next(submitted.state, act('cancel'));
      expect(r).toMatchObject({ ok: false, code: INVALID_STATUS_TRANSITION });
      expect(!r.ok && r.message).toMatch(/no longer be canceled/);
      expect(next(submitted.state, act('submit'))).toMatchObject({ ok: false });
    });

    it('tracking updates: refused while cancelable or after cancel/fail; allowed otherwise, with no entries', () => {
      const c = created().state;
      expect(next(c, act('update_tracking'))).toMatchObject({ ok: false, code: INVALID_STATUS_TRANSITION });
      const submitted = accepted(next(c, act('submit'))).state;
      const posted = accepted(next(c, act('post'))).state;
      const returned = accepted(next(posted, act('return'))).state;
      for (const s of [submitted, posted, returned]) {
        const r = accepted(next(s, act('update_tracking')));
        expect(r.entries).toEqual([]);
        expect(r.state).toEqual(s);
        expect(r.events).toEqual([`treasury.${flow}.tracking_details_updated`]);
      }
      for (const s of [accepted(next(c, act('cancel'))).state, accepted(next(c, act('fail'))).state]) {
        expect(next(s, act('update_tracking'))).toMatchObject({ ok: false });
      }
    });

    it('post after fail, and cancel after post, are refused', () => {
      const failed = accepted(next(created().state, act('fail'))).state;
      expect(next(failed, act('post'))).toMatchObject({ ok: false, code: INVALID_STATUS_TRANSITION });
      const posted = accepted(next(created().state, act('post'))).state;
      expect(next(posted, act('cancel'))).toMatchObject({ ok: false, code: INVALID_STATUS_TRANSITION });
    });

    // Properties over any sequence of actions after creation.
    const amountArb = fc.bigInt({ min: 1n, max: 10n ** 15n });
    const actionsArb = fc.array(fc.constantFrom(...OUTBOUND_FLOW_ACTIONS), { maxLength: 12 });

    function run(amount: bigint, types: readonly OutboundFlowActionType[]) {
      let state: OutboundFlowState = accepted(next(null, { type: 'create', amount, at: T0 })).state;
      const entries: EntryPlan[] = [...accepted(next(null, { type: 'create', amount, at: T0 })).entries];
      const visited: OutboundFlowStatus[] = ['processing'];
      const trace: Array<{ before: OutboundFlowState; type: OutboundFlowActionType; ok: boolean }> = [];
      types.forEach((type, i) => {
        const action: OutboundFlowAction = type === 'create' ? { type, amount, at: later(i + 1) } : { type, at: later(i + 1) };
        const r = next(state, action);
        trace.push({ before: state, type, ok: r.ok });
        if (r.ok) {
          entries.push(...r.entries);
          state = r.state;
          if (visited.at(-1) !== state.status) visited.push(state.status);
        } else {
          expect(r.code).toBe(INVALID_STATUS_TRANSITION);
          expect(r.message.length).toBeGreaterThan(0);
        }
      });
      return { state, entries, visited, trace };
    }
    const total = (entries: EntryPlan[]): BalanceImpact => sumImpacts(entries.map((e) => e.impact));

    it('property: balances follow the status (outbound_pending back to 0 once settled; cash never below start minus the amount)', () => {
      fc.assert(
        fc.property(amountArb, actionsArb, (A, types) => {
          const { state, entries } = run(A, types);
          const sum = total(entries);
          expect(sum.inboundPending).toBe(0n);
          expect(sum.outboundPending).toBe(state.status === 'processing' ? A : 0n);
          expect(sum.cash).toBe(state.status === 'processing' || state.status === 'posted' ? -A : 0n);
          expect(sum.cash >= -A).toBe(true);
          // Each prefix too: cash never dips below -A on the way.
          let running = 0n;
          for (const e of entries) {
            running += e.impact.cash;
            expect(running >= -A && running <= 0n).toBe(true);
          }
        }),
      );
    });

    it('property: terminal states are absorbing, except posted → returned (tracking updates change nothing)', () => {
      fc.assert(
        fc.property(amountArb, actionsArb, (A, types) => {
          const { trace } = run(A, types);
          for (const { before, type, ok } of trace) {
            if (type === 'update_tracking') continue;
            if (before.status === 'failed' || before.status === 'canceled' || before.status === 'returned') expect(ok).toBe(false);
            if (before.status === 'posted') expect(ok).toBe(type === 'return');
          }
        }),
      );
    });

    it('property: the status path is one of Stripe\'s, and transaction statuses and times agree with it', () => {
      const paths = new Set(['processing', 'processing>posted', 'processing>posted>returned', 'processing>returned', 'processing>canceled', 'processing>failed']);
      fc.assert(
        fc.property(amountArb, actionsArb, (A, types) => {
          const { state, visited } = run(A, types);
          expect(paths.has(visited.join('>'))).toBe(true);
          const expectedTx = { processing: 'open', posted: 'posted', returned: 'posted', canceled: 'void', failed: 'void' } as const;
          expect(state.transactionStatus).toBe(expectedTx[state.status]);
          expect(state.returnTransactionStatus).toBe(state.status === 'returned' ? 'posted' : null);
          const t = state.statusTransitions;
          expect(t.canceledAt !== null).toBe(state.status === 'canceled');
          expect(t.failedAt !== null).toBe(state.status === 'failed');
          expect(t.returnedAt !== null).toBe(state.status === 'returned');
          expect(t.postedAt !== null).toBe(state.status === 'posted' || state.status === 'returned');
          expect(state.cancelable).toBe(state.status === 'processing' && state.cancelable);
        }),
      );
    });

    it('property: the entries written step by step are the ones the ledger rules give for the final status', () => {
      fc.assert(
        fc.property(amountArb, actionsArb, (A, types) => {
          const { state, entries } = run(A, types);
          const ledger = entriesForFlow(flow, state.status, A);
          const strip = (list: Array<{ type: string; impact: BalanceImpact; transition: unknown }>) =>
            list.map(({ type, impact, transition }) => ({ type, impact, transition }));
          expect(strip(entries.filter((e) => e.transaction === 'flow'))).toEqual(strip(ledger.entries));
          expect(strip(entries.filter((e) => e.transaction === 'return'))).toEqual(strip(ledger.returnTransaction?.entries ?? []));
          if (state.status === 'canceled' || state.status === 'failed') expect(total(entries)).toEqual(ZERO_IMPACT);
        }),
      );
    });
  });
}
