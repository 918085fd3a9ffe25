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
export * from './movements.ts';

import { MOVEMENT_LIST, type MoneyMovementFlowType, type MOVEMENTS } from './movements.ts';

/** Every money movement's `status` enum, by its flow type: for the database enums and GraphQL enums. */
export const MOVEMENT_STATUSES = Object.fromEntries(MOVEMENT_LIST.map((m) => [m.flowType, m.statuses])) as {
  [F in MoneyMovementFlowType]: (typeof MOVEMENTS)[F]['statuses'];
};
