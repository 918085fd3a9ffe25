import { describe, it, expect } from 'vitest';
import {
  applyEntries,
  OPENED,
  ZERO_IMPACT,
  addImpacts,
  sumImpacts,
  entriesForFlow,
  balanceFromSums,
  balanceFromImpacts,
  FLOW_OUTCOMES,
  type BalanceImpact,
  type FlowLedger,
  type LedgerFlowType,
  type FlowOutcome,
} from '../../src/domain/ledger.ts';

const imp = (cash: bigint, inboundPending: bigint, outboundPending: bigint): BalanceImpact => ({
  cash,
  inboundPending,
  outboundPending,
});

// Entries as [type, cash, inboundPending, outboundPending, transition] rows, to keep expectations readable.
const rows = (ledger: { entries: FlowLedger['entries'] }) =>
  ledger.entries.map((e) => [e.type, e.impact.cash, e.impact.inboundPending, e.impact.outboundPending, e.transition]);

const ALL_CASES: Array<[LedgerFlowType, FlowOutcome]> = Object.entries(FLOW_OUTCOMES).flatMap(([flow, outcomes]) =>
  outcomes.map((outcome) => [flow as LedgerFlowType, outcome as FlowOutcome] as [LedgerFlowType, FlowOutcome]),
);

describe('impact arithmetic', () => {
  it('ZERO_IMPACT is all zeros and frozen', () => {
    expect(ZERO_IMPACT).toEqual(imp(0n, 0n, 0n));
    expect(Object.isFrozen(ZERO_IMPACT)).toBe(true);
  });

  it('addImpacts adds each sub-balance without touching its inputs', () => {
    const a = imp(100n, 2n, -30n);
    const b = imp(-40n, 5n, 30n);
    expect(addImpacts(a, b)).toEqual(imp(60n, 7n, 0n));
    expect(a).toEqual(imp(100n, 2n, -30n));
    expect(b).toEqual(imp(-40n, 5n, 30n));
  });

  it('sumImpacts of nothing is zero', () => {
    expect(sumImpacts([])).toEqual(ZERO_IMPACT);
  });

  it('sumImpacts sums a list and any iterable', () => {
    const list = [imp(1n, 0n, 0n), imp(-5n, 0n, 5n), imp(10n, 3n, -5n)];
    expect(sumImpacts(list)).toEqual(imp(6n, 3n, 0n));
    expect(sumImpacts(new Set(list))).toEqual(imp(6n, 3n, 0n));
  });

  it('stays exact beyond 2^53', () => {
    const big = 2n ** 62n;
    expect(sumImpacts([imp(big, 0n, 0n), imp(big, 0n, 0n), imp(1n, 0n, 0n)]).cash).toBe(2n ** 63n + 1n);
  });
});

describe('entriesForFlow', () => {
  const A = 12_345n;

  it('received_credit: one received_credit entry into cash, posted', () => {
    const l = entriesForFlow('received_credit', 'succeeded', A);
    expect(rows(l)).toEqual([['received_credit', A, 0n, 0n, 'posted']]);
    expect(l.status).toBe('posted');
    expect(l.amount).toBe(A);
    expect(l.impact).toEqual(imp(A, 0n, 0n));
    expect(l.returnTransaction).toBeNull();
  });

  it('received_debit: one received_debit entry out of cash, posted, negative amount', () => {
    const l = entriesForFlow('received_debit', 'succeeded', A);
    expect(rows(l)).toEqual([['received_debit', -A, 0n, 0n, 'posted']]);
    expect(l.status).toBe('posted');
    expect(l.amount).toBe(-A);
    expect(l.impact).toEqual(imp(-A, 0n, 0n));
    expect(l.returnTransaction).toBeNull();
  });

  it('inbound_transfer succeeded: one inbound_transfer entry into cash, posted', () => {
    const l = entriesForFlow('inbound_transfer', 'succeeded', A);
    expect(rows(l)).toEqual([['inbound_transfer', A, 0n, 0n, 'posted']]);
    expect(l.status).toBe('posted');
    expect(l.amount).toBe(A);
    expect(l.impact).toEqual(imp(A, 0n, 0n));
    expect(l.returnTransaction).toBeNull();
  });

  for (const flow of ['outbound_transfer', 'outbound_payment'] as const) {
    describe(flow, () => {
      it('processing: holds the amount in outbound_pending, open', () => {
        const l = entriesForFlow(flow, 'processing', A);
        expect(rows(l)).toEqual([[flow, -A, 0n, A, null]]);
        expect(l.status).toBe('open');
        expect(l.amount).toBe(-A);
        expect(l.impact).toEqual(imp(-A, 0n, A));
        expect(l.returnTransaction).toBeNull();
      });

      it('posted: the posting entry releases the hold, posted', () => {
        const l = entriesForFlow(flow, 'posted', A);
        expect(rows(l)).toEqual([
          [flow, -A, 0n, A, null],
          [`${flow}_posting`, 0n, 0n, -A, 'posted'],
        ]);
        expect(l.status).toBe('posted');
        expect(l.amount).toBe(-A);
        expect(l.impact).toEqual(imp(-A, 0n, 0n));
        expect(l.returnTransaction).toBeNull();
      });

      it('canceled: the cancellation entry gives the money back, void with no net impact', () => {
        const l = entriesForFlow(flow, 'canceled', A);
        expect(rows(l)).toEqual([
          [flow, -A, 0n, A, null],
          [`${flow}_cancellation`, A, 0n, -A, 'void'],
        ]);
        expect(l.status).toBe('void');
        expect(l.amount).toBe(-A);
        expect(l.impact).toEqual(ZERO_IMPACT);
        expect(l.returnTransaction).toBeNull();
      });

      it('failed: the failure entry gives the money back, void with no net impact', () => {
        const l = entriesForFlow(flow, 'failed', A);
        expect(rows(l)).toEqual([
          [flow, -A, 0n, A, null],
          [`${flow}_failure`, A, 0n, -A, 'void'],
        ]);
        expect(l.status).toBe('void');
        expect(l.amount).toBe(-A);
        expect(l.impact).toEqual(ZERO_IMPACT);
        expect(l.returnTransaction).toBeNull();
      });

      it('returned: the original stays posted; the return is a second posted transaction back into cash', () => {
        const l = entriesForFlow(flow, 'returned', A);
        expect(rows(l)).toEqual([
          [flow, -A, 0n, A, null],
          [`${flow}_posting`, 0n, 0n, -A, 'posted'],
        ]);
        expect(l.status).toBe('posted');
        expect(l.amount).toBe(-A);
        expect(l.impact).toEqual(imp(-A, 0n, 0n));
        const r = l.returnTransaction!;
        expect(r).not.toBeNull();
        expect(rows(r)).toEqual([[`${flow}_return`, A, 0n, 0n, 'posted']]);
        expect(r.status).toBe('posted');
        expect(r.amount).toBe(A);
        expect(r.impact).toEqual(imp(A, 0n, 0n));
        // Net over the whole flow: the money is back where it started.
        expect(addImpacts(l.impact, r.impact)).toEqual(ZERO_IMPACT);
      });
    });
  }

  describe.each(ALL_CASES)('%s / %s invariants', (flow, outcome) => {
    const l = entriesForFlow(flow, outcome as never, 987_654_321_000n);
    const transactions = [l, ...(l.returnTransaction ? [l.returnTransaction] : [])];

    it("each transaction's impact is the sum of its entries", () => {
      for (const t of transactions) expect(t.impact).toEqual(sumImpacts(t.entries.map((e) => e.impact)));
    });

    it('amounts are Stripe-signed: the cash an open or posted transaction moves; a void one moves nothing', () => {
      for (const t of transactions) {
        expect(t.amount === 0n).toBe(false);
        if (t.status !== 'void') expect(t.impact.cash).toBe(t.amount);
        else expect(t.impact).toEqual(ZERO_IMPACT);
        // An open transaction holds exactly what it took from cash.
        if (t.status === 'open') expect(t.impact.outboundPending).toBe(-t.amount);
      }
    });

    it('never touches inbound_pending (reserved by Stripe, always 0)', () => {
      for (const t of transactions) for (const e of t.entries) expect(e.impact.inboundPending).toBe(0n);
    });

    it('only the first entry opens; the transition entry matches the final status', () => {
      for (const t of transactions) {
        const transitions = t.entries.map((e) => e.transition).filter((x) => x !== null);
        if (t.status === 'open') expect(transitions).toEqual([]);
        else expect(transitions).toEqual([t.status]);
        expect(t.entries.at(-1)!.transition ?? 'open').toBe(t.status);
      }
    });

    it('never leaves outbound_pending behind once settled', () => {
      for (const t of transactions) if (t.status !== 'open') expect(t.impact.outboundPending).toBe(0n);
    });

    it('returns fresh objects that callers may not share by accident', () => {
      const again = entriesForFlow(flow, outcome as never, 987_654_321_000n);
      expect(again).toEqual(l);
      expect(again.entries).not.toBe(l.entries);
    });
  });

  it('rejects zero and negative amounts with a RangeError', () => {
    expect(() => entriesForFlow('received_credit', 'succeeded', 0n)).toThrow(RangeError);
    expect(() => entriesForFlow('outbound_transfer', 'posted', -1n)).toThrow(RangeError);
    expect(() => entriesForFlow('outbound_payment', 'returned', -100n)).toThrow(RangeError);
  });

  it('rejects amounts that are not bigint', () => {
    expect(() => entriesForFlow('received_credit', 'succeeded', 100 as unknown as bigint)).toThrow(RangeError);
  });

  it('rejects a flow or outcome it has no rule for', () => {
    expect(() => entriesForFlow('received_credit', 'posted' as never, 1n)).toThrow(TypeError);
    expect(() => entriesForFlow('issuing_authorization' as never, 'succeeded' as never, 1n)).toThrow(TypeError);
  });
});

describe('balanceFromSums', () => {
  it('zero-fills every supported currency when there are no entries', () => {
    expect(balanceFromSums(['usd'], [])).toEqual({
      cash: [{ currency: 'usd', amount: 0n }],
      inboundPending: [{ currency: 'usd', amount: 0n }],
      outboundPending: [{ currency: 'usd', amount: 0n }],
    });
  });

  it('gives an empty balance for no currencies at all', () => {
    expect(balanceFromSums([], [])).toEqual({ cash: [], inboundPending: [], outboundPending: [] });
  });

  it('sorts by currency and zero-fills the missing ones', () => {
    const b = balanceFromSums(['usd', 'eur', 'gbp'], [{ currency: 'usd', ...imp(9000n, 0n, 1000n) }]);
    expect(b.cash).toEqual([
      { currency: 'eur', amount: 0n },
      { currency: 'gbp', amount: 0n },
      { currency: 'usd', amount: 9000n },
    ]);
    expect(b.inboundPending.map((x) => x.amount)).toEqual([0n, 0n, 0n]);
    expect(b.outboundPending).toEqual([
      { currency: 'eur', amount: 0n },
      { currency: 'gbp', amount: 0n },
      { currency: 'usd', amount: 1000n },
    ]);
  });

  it('adds up several rows of one currency', () => {
    const b = balanceFromSums(['usd'], [
      { currency: 'usd', ...imp(100n, 0n, 0n) },
      { currency: 'usd', ...imp(-30n, 0n, 30n) },
    ]);
    expect(b.cash).toEqual([{ currency: 'usd', amount: 70n }]);
    expect(b.outboundPending).toEqual([{ currency: 'usd', amount: 30n }]);
  });

  it('still reports a currency that has entries but is not supported', () => {
    const b = balanceFromSums(['usd'], [{ currency: 'eur', ...imp(5n, 0n, 0n) }]);
    expect(b.cash).toEqual([
      { currency: 'eur', amount: 5n },
      { currency: 'usd', amount: 0n },
    ]);
  });

  it('matches the balance of a ledger built from flows', () => {
    const flows = [
      entriesForFlow('received_credit', 'succeeded', 10_000n),
      entriesForFlow('outbound_transfer', 'processing', 1_000n),
      entriesForFlow('outbound_payment', 'posted', 500n),
      entriesForFlow('outbound_payment', 'canceled', 700n),
    ];
    const sum = sumImpacts(flows.flatMap((f) => f.entries.map((e) => e.impact)));
    const b = balanceFromSums(['usd'], [{ currency: 'usd', ...sum }]);
    // Stripe's own example: $90 cash with $10 held for a pending outbound flow, less a posted $5 payment.
    expect(b.cash).toEqual([{ currency: 'usd', amount: 8_500n }]);
    expect(b.outboundPending).toEqual([{ currency: 'usd', amount: 1_000n }]);
    expect(b.inboundPending).toEqual([{ currency: 'usd', amount: 0n }]);
  });

  it('is also exported as balanceFromImpacts', () => {
    expect(balanceFromImpacts).toBe(balanceFromSums);
  });
});

describe('applyEntries', () => {
  const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute));
  const impact = (cash: bigint, outboundPending = 0n) => ({ cash, inboundPending: 0n, outboundPending });

  it('adds the impacts, and a transition moves the transaction once, at its entry\'s time', () => {
    const held = applyEntries(OPENED, [{ impact: impact(-100n, 100n), transition: null, at: at(0) }]);
    expect(held).toEqual({ status: 'open', impact: impact(-100n, 100n), postedAt: null, voidAt: null });
    const voided = applyEntries(held, [{ impact: impact(100n, -100n), transition: 'void', at: at(5) }]);
    expect(voided).toEqual({ status: 'void', impact: impact(0n, 0n), postedAt: null, voidAt: at(5) });
  });

  it('agrees with every ledger rule: the status and impact entriesForFlow reports', () => {
    for (const [flow, outcomes] of Object.entries(FLOW_OUTCOMES)) {
      for (const outcome of outcomes) {
        const ledger = entriesForFlow(flow as never, outcome as never, 42n);
        const progress = applyEntries(OPENED, ledger.entries.map((e) => ({ ...e, at: at(1) })));
        expect(progress.status).toBe(ledger.status);
        expect(progress.impact).toEqual(ledger.impact);
      }
    }
  });

  it('refuses entries after the transaction posted or voided', () => {
    const posted = applyEntries(OPENED, [{ impact: impact(10n), transition: 'posted', at: at(0) }]);
    expect(() => applyEntries(posted, [{ impact: impact(1n), transition: null, at: at(1) }])).toThrow(RangeError);
    expect(() =>
      applyEntries(OPENED, [
        { impact: impact(10n), transition: 'void', at: at(0) },
        { impact: impact(1n), transition: 'posted', at: at(1) },
      ]),
    ).toThrow(/void transaction takes no more entries/);
  });
});

