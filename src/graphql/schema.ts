// The schema: imports every type file (each registers itself on the builder).
import { lexicographicSortSchema } from 'graphql';
import { builder } from './builder.ts';
import './scalars.ts';
import './enums.ts';
import './time-range.ts';
import './balance.ts';
import './user-error.ts';
import './platform.ts';
import './connected-account.ts';
import './financial-account.ts';
import './transaction.ts';
import './transaction-entry.ts';
import './account-session.ts';
import './event.ts';
import './payment-method.ts';
import './outbound-transfer.ts';
import './outbound-payment.ts';
import './received-credit.ts';
import './inbound-transfer.ts';
import './received-debit.ts';
import './debit-reversal.ts';
import './credit-reversal.ts';
import './flow-details.ts';
import './financial-account-balance-update.ts';

export const schema = lexicographicSortSchema(builder.toSchema());
