// The state machines of every money movement, and the statuses each can have.
export * from './shared.ts';
export * from './outbound-flow.ts';
export * from './outbound-transfer.ts';
export * from './outbound-payment.ts';
export * from './received-credit.ts';
export * from './received-debit.ts';
export * from './inbound-transfer.ts';
export * from './credit-reversal.ts';
export * from './debit-reversal.ts';
export * from './reversals.ts';
export { receivedFailureCode } from './received-flow.ts';

import { CREDIT_REVERSAL_STATUSES } from './credit-reversal.ts';
import { DEBIT_REVERSAL_STATUSES } from './debit-reversal.ts';
import { INBOUND_TRANSFER_STATUSES } from './inbound-transfer.ts';
import { OUTBOUND_FLOW_STATUSES } from './outbound-flow.ts';
import { RECEIVED_CREDIT_STATUSES } from './received-credit.ts';
import { RECEIVED_DEBIT_STATUSES } from './received-debit.ts';

/** Every money movement's `status` enum, by its flow type: for the database enums and GraphQL enums. */
export const MOVEMENT_STATUSES = {
  outbound_transfer: OUTBOUND_FLOW_STATUSES,
  outbound_payment: OUTBOUND_FLOW_STATUSES,
  inbound_transfer: INBOUND_TRANSFER_STATUSES,
  received_credit: RECEIVED_CREDIT_STATUSES,
  received_debit: RECEIVED_DEBIT_STATUSES,
  credit_reversal: CREDIT_REVERSAL_STATUSES,
  debit_reversal: DEBIT_REVERSAL_STATUSES,
} as const;
