// The value lists declared in src/domain are the database's enums: the GraphQL
// enums are built from the domain's lists, so a value added to one side only
// (the Prisma schema or the domain) fails here, at compile time and at run time.
import { describe, expect, it } from 'vitest';
import * as db from '../../src/db/generated/enums.ts';
import { CAPABILITIES, CAPABILITY_STATUSES, FEATURES, FEATURE_STATUSES } from '../../src/domain/features.ts';
import {
  ACCOUNT_KINDS,
  FINANCIAL_ACCOUNT_CLOSED_REASONS,
  FINANCIAL_ACCOUNT_STATUSES,
  FINANCIAL_ADDRESS_TYPES,
  PLATFORM_RESTRICTIONS,
} from '../../src/domain/financial-accounts.ts';
import { FLOW_OUTCOMES, FLOW_TYPES, TRANSACTION_ENTRY_TYPES, TRANSACTION_STATUSES } from '../../src/domain/ledger.ts';
import { OUTBOUND_TRANSFER_STATUSES, RECEIVED_CREDIT_STATUSES } from '../../src/domain/money-movements/index.ts';
import { DEBIT_REVERSAL_STATUSES, RECEIVED_DEBIT_STATUSES } from '../../src/domain/money-movements/index.ts';
import { INBOUND_TRANSFER_STATUSES } from '../../src/domain/money-movements/index.ts';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const values = <E extends Record<string, string>>(e: E) => Object.values(e) as Array<E[keyof E]>;

// Compile-time: each domain list's values are exactly the Prisma enum's.
const sameTypes: Array<true> = [
  true satisfies Same<(typeof ACCOUNT_KINDS)[number], db.AccountKind>,
  true satisfies Same<(typeof CAPABILITIES)[number], db.CapabilityName>,
  true satisfies Same<(typeof CAPABILITY_STATUSES)[number], db.CapabilityStatus>,
  true satisfies Same<(typeof FINANCIAL_ACCOUNT_STATUSES)[number], db.FinancialAccountStatus>,
  true satisfies Same<(typeof FINANCIAL_ACCOUNT_CLOSED_REASONS)[number], db.FinancialAccountClosedReason>,
  true satisfies Same<(typeof PLATFORM_RESTRICTIONS)[number], db.PlatformRestriction>,
  true satisfies Same<(typeof FEATURES)[number], db.Feature>,
  true satisfies Same<(typeof FEATURE_STATUSES)[number], db.FeatureStatus>,
  true satisfies Same<(typeof FINANCIAL_ADDRESS_TYPES)[number], db.FinancialAddressType>,
  true satisfies Same<(typeof TRANSACTION_STATUSES)[number], db.TransactionStatus>,
  true satisfies Same<(typeof FLOW_TYPES)[number], db.FlowType>,
  true satisfies Same<(typeof TRANSACTION_ENTRY_TYPES)[number], db.TransactionEntryType>,
  true satisfies Same<(typeof OUTBOUND_TRANSFER_STATUSES)[number], db.OutboundTransferStatus>,
  true satisfies Same<(typeof RECEIVED_CREDIT_STATUSES)[number], db.ReceivedCreditStatus>,
  true satisfies Same<(typeof RECEIVED_DEBIT_STATUSES)[number], db.ReceivedDebitStatus>,
  true satisfies Same<(typeof INBOUND_TRANSFER_STATUSES)[number], db.InboundTransferStatus>,
  true satisfies Same<(typeof DEBIT_REVERSAL_STATUSES)[number], db.DebitReversalStatus>,
];

describe('enum value lists', () => {
  it.each([
    ['AccountKind', ACCOUNT_KINDS, db.AccountKind],
    ['CapabilityName', CAPABILITIES, db.CapabilityName],
    ['CapabilityStatus', CAPABILITY_STATUSES, db.CapabilityStatus],
    ['FinancialAccountStatus', FINANCIAL_ACCOUNT_STATUSES, db.FinancialAccountStatus],
    ['FinancialAccountClosedReason', FINANCIAL_ACCOUNT_CLOSED_REASONS, db.FinancialAccountClosedReason],
    ['PlatformRestriction', PLATFORM_RESTRICTIONS, db.PlatformRestriction],
    ['Feature', FEATURES, db.Feature],
    ['FeatureStatus', FEATURE_STATUSES, db.FeatureStatus],
    ['FinancialAddressType', FINANCIAL_ADDRESS_TYPES, db.FinancialAddressType],
    ['TransactionStatus', TRANSACTION_STATUSES, db.TransactionStatus],
    ['FlowType', FLOW_TYPES, db.FlowType],
    ['TransactionEntryType', TRANSACTION_ENTRY_TYPES, db.TransactionEntryType],
    ['OutboundTransferStatus', OUTBOUND_TRANSFER_STATUSES, db.OutboundTransferStatus],
    ['ReceivedCreditStatus', RECEIVED_CREDIT_STATUSES, db.ReceivedCreditStatus],
    ['ReceivedDebitStatus', RECEIVED_DEBIT_STATUSES, db.ReceivedDebitStatus],
    ['InboundTransferStatus', INBOUND_TRANSFER_STATUSES, db.InboundTransferStatus],
    ['DebitReversalStatus', DEBIT_REVERSAL_STATUSES, db.DebitReversalStatus],
  ] as Array<[string, readonly string[], Record<string, string>]>)('%s: the domain list is the database enum, in order', (_name, domain, prisma) => {
    expect([...domain]).toEqual(values(prisma));
  });

  it('has every modelled flow among the flow types', () => {
    expect(sameTypes.every(Boolean)).toBe(true);
    for (const flow of Object.keys(FLOW_OUTCOMES)) expect(FLOW_TYPES).toContain(flow);
  });
});
