// The object refs of the read graph's four core types, which point at each
// other (a connected account's financial accounts and a financial account's
// account, its transactions and theirs, their entries and back). Declared here
// and implemented in each type's own file (builder.node), so that the type
// files import these instead of each other: no import cycle.
import type { Account, FinancialAccount as FinancialAccountRow, Transaction as TransactionRow, TransactionEntry as EntryRow } from '../db/generated/client.ts';
import { builder } from './builder.ts';

export const ConnectedAccount = builder.objectRef<Account>('ConnectedAccount');
export const FinancialAccount = builder.objectRef<FinancialAccountRow>('FinancialAccount');
export const Transaction = builder.objectRef<TransactionRow>('Transaction');
export const TransactionEntry = builder.objectRef<EntryRow>('TransactionEntry');
