// Laws every money movement's machine keeps, whatever the actions thrown at it:
// the transactions it opens obey Stripe's ledger rules (the same ones
// test/domain/ledger.test.ts holds the seed's ledger to).
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { sumImpacts, ZERO_IMPACT, type TransactionStatus } from '../../../src/domain/ledger.ts';
import { MONEY_MOVEMENT_FLOW_TYPES } from '../../../src/domain/flows.ts';
import {
  MOVEMENT_STATUSES,
  nextCreditReversal,
  nextDebitReversal,
  nextInboundTransfer,
  nextOutboundPayment,
  nextOutboundTransfer,
  nextReceivedCredit,
  nextReceivedDebit,
  type EntryPlan,
  type MovementState,
  type StepResult,
  type TransactionRole,
} from '../../../src/domain/money-movements/index.ts';

type AnyNext = (state: MovementState<string, string> | null, action: { type: string; at: Date; amount?: bigint; failureCode?: string | null }) => StepResult<string, string>;

// Each machine with the actions it knows (and one it does not, to be refused), and how to create it.
const MACHINES: Array<[string, AnyNext, string[], (amount: bigint, at: Date) => object[]]> = [
  ['outbound_transfer', nextOutboundTransfer as AnyNext, ['cancel', 'post', 'fail', 'return', 'submit', 'update_tracking', 'create'], (amount, at) => [{ type: 'create', amount, at }]],
  ['outbound_payment', nextOutboundPayment as AnyNext, ['cancel', 'post', 'fail', 'return', 'submit', 'update_tracking', 'create'], (amount, at) => [{ type: 'create', amount, at }]],
  ['inbound_transfer', nextInboundTransfer as AnyNext, ['cancel', 'succeed', 'fail', 'return', 'create'], (amount, at) => [{ type: 'create', amount, at }]],
  ['credit_reversal', nextCreditReversal as AnyNext, ['post', 'create'], (amount, at) => [{ type: 'create', amount, at }]],
  ['debit_reversal', nextDebitReversal as AnyNext, ['succeed', 'fail', 'create'], (amount, at) => [{ type: 'create', amount, at }]],
  ['received_credit', nextReceivedCredit as AnyNext, ['create'], (amount, at) => [{ type: 'create', amount, at, failureCode: null }, { type: 'create', amount, at, failureCode: 'other' }]],
  ['received_debit', nextReceivedDebit as AnyNext, ['create'], (amount, at) => [{ type: 'create', amount, at, failureCode: null }, { type: 'create', amount, at, failureCode: 'insufficient_funds' }]],
];

describe('ledger laws of every money movement', () => {
  it('covers every money movement flow type, and its statuses', () => {
    expect(MACHINES.map(([flow]) => flow).sort()).toEqual([...MONEY_MOVEMENT_FLOW_TYPES].sort());
    expect(Object.keys(MOVEMENT_STATUSES).sort()).toEqual([...MONEY_MOVEMENT_FLOW_TYPES].sort());
  });

  describe.each(MACHINES)('%s', (flow, next, actionTypes, creations) => {
    it('property: the transactions it opens follow Stripe\'s rules, and the state tells their statuses', () => {
      fc.assert(
        fc.property(
          fc.bigInt({ min: 1n, max: 10n ** 15n }),
          fc.nat(creations(1n, new Date(0)).length - 1),
          fc.array(fc.constantFrom(...actionTypes), { maxLength: 10 }),
          (amount, creation, types) => {
            const at = (i: number) => new Date(Date.UTC(2026, 11, 1, 9, i));
            const first = next(null, creations(amount, at(0))[creation] as never);
            expect(first.ok).toBe(true);
            if (!first.ok) return;
            let state = first.state;
            expect(MOVEMENT_STATUSES[flow as keyof typeof MOVEMENT_STATUSES]).toContain(state.status);
            const entries: EntryPlan[] = [...first.entries];
            const opened = new Map<TransactionRole, bigint>(first.transactions.filter((t) => t.created).map((t) => [t.role, t.amount!]));
            types.forEach((type, i) => {
              const r = next(state, { type, amount, at: at(i + 1), failureCode: null });
              if (!r.ok) return expect(r.code).toBe('invalid_status_transition');
              for (const t of r.transactions) {
                if (t.created) {
                  expect(opened.has(t.role)).toBe(false);
                  opened.set(t.role, t.amount!);
                } else expect(t.amount).toBeNull();
              }
              entries.push(...r.entries);
              state = r.state;
              expect(MOVEMENT_STATUSES[flow as keyof typeof MOVEMENT_STATUSES]).toContain(state.status);
            });
            for (const role of ['flow', 'return'] as const) {
              const status: TransactionStatus | null = role === 'flow' ? state.transactionStatus : state.returnTransactionStatus;
              const mine = entries.filter((e) => e.transaction === role);
              expect(status === null).toBe(!opened.has(role));
              expect(mine.length === 0).toBe(status === null);
              if (status === null) continue;
              const amountOf = opened.get(role)!;
              const total = sumImpacts(mine.map((e) => e.impact));
              // Stripe's rules: an open or posted transaction moved its amount out of (or into) cash; a void one moved nothing;
              // only an open one holds money in outbound_pending; inbound_pending is never used.
              if (status === 'void') expect(total).toEqual(ZERO_IMPACT);
              else expect(total.cash).toBe(amountOf);
              expect(total.outboundPending).toBe(status === 'open' ? -amountOf : 0n);
              expect(total.inboundPending).toBe(0n);
              // The first entry opens the transaction; the last one's transition is its status.
              expect(mine[0].transition === null).toBe(mine.length > 1 || status === 'open');
              expect(mine.at(-1)!.transition ?? 'open').toBe(status);
              expect(mine.filter((e) => e.transition !== null).length).toBe(status === 'open' ? 0 : 1);
            }
          },
        ),
      );
    });
  });
});
