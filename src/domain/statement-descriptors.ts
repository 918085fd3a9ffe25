// Statement descriptors: the text the other side's bank statement shows. Stripe's
// limits depend on the network the money travels over.
import { failure, ok, type Result } from './result.ts';

/** The flows that take a `statement_descriptor` (POST /v1/treasury/outbound_transfers, outbound_payments, inbound_transfers). */
export const STATEMENT_DESCRIPTOR_FLOWS = ['outbound_transfer', 'outbound_payment', 'inbound_transfer'] as const;
export type StatementDescriptorFlow = (typeof STATEMENT_DESCRIPTOR_FLOWS)[number];

/** The networks a statement descriptor can travel over. */
export type StatementDescriptorNetwork = 'ach' | 'us_domestic_wire' | 'stripe';

/**
 * Maximum length per network, from endpoints.md: "Max 10 chars for `ach`, 140 for
 * `us_domestic_wire`, 500 for `stripe` network transfers" (OutboundPayment; the
 * OutboundTransfer text gives the same ach and wire limits and is silent on
 * `stripe`, so it gets the OutboundPayment's 500).
 */
export const STATEMENT_DESCRIPTOR_MAX_LENGTH: Readonly<Record<StatementDescriptorNetwork, number>> = Object.freeze({
  ach: 10,
  us_domestic_wire: 140,
  stripe: 500,
});

/** Stripe's defaults: "transfer" for OutboundTransfers, "payment" for OutboundPayments; the InboundTransfer example shows "transfer". */
export const DEFAULT_STATEMENT_DESCRIPTOR: Readonly<Record<StatementDescriptorFlow, string>> = Object.freeze({
  outbound_transfer: 'transfer',
  outbound_payment: 'payment',
  inbound_transfer: 'transfer',
});

/** "Can only include -#.$&*, spaces, and alphanumeric characters" (ASCII letters and digits: the ACH file format's own set). */
const ALLOWED = /^[A-Za-z0-9 \-#.$&*]*$/;

/**
 * The statement descriptor to store: Stripe's default when none is given, else
 * `value` if it fits the network's length and Stripe's character set. An
 * InboundTransfer always pulls over ACH ("Maximum 10 characters").
 */
export function checkStatementDescriptor(
  value: string | null | undefined,
  flow: StatementDescriptorFlow,
  network: StatementDescriptorNetwork,
  field: string[] = ['statementDescriptor'],
): Result<string> {
  if (value === undefined || value === null) return ok(DEFAULT_STATEMENT_DESCRIPTOR[flow]);
  if (value.length === 0) return failure('parameter_invalid_empty', 'The statement descriptor cannot be empty; omit it for the default.', field);
  if (value.trim().length === 0) return failure('parameter_invalid_string_blank', 'The statement descriptor cannot be only spaces.', field);
  const max = STATEMENT_DESCRIPTOR_MAX_LENGTH[flow === 'inbound_transfer' ? 'ach' : network];
  if (value.length > max) {
    return failure(
      'parameter_invalid_string_too_long',
      `The statement descriptor is ${value.length} characters; at most ${max} are allowed over ${flow === 'inbound_transfer' ? 'ach' : network}.`,
      field,
    );
  }
  if (!ALLOWED.test(value)) {
    const bad = [...new Set([...value].filter((c) => !ALLOWED.test(c)))].slice(0, 5).map((c) => JSON.stringify(c));
    return failure(
      'invalid_characters',
      `The statement descriptor may contain only letters, digits, spaces and - # . $ & *; found ${bad.join(', ')}.`,
      field,
    );
  }
  return ok(value);
}
