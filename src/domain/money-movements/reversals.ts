// Whether a ReceivedCredit or ReceivedDebit may still be reversed: Stripe's
// `reversal_details.restricted_reason`, computed rather than stored, so that it
// can never disagree with the flow it describes.
import type { FlowType } from '../ledger.ts';
import { failure, ok, type Result } from '../result.ts';

/** `reversal_details.restricted_reason` of ReceivedCredits and ReceivedDebits. */
export const REVERSAL_RESTRICTED_REASONS = ['already_reversed', 'deadline_passed', 'network_restricted', 'other', 'source_flow_restricted'] as const;
export type ReversalRestrictedReason = (typeof REVERSAL_RESTRICTED_REASONS)[number];

/** What the rules need to know of the received flow to reverse. */
export interface ReversibleFlow {
  status: 'succeeded' | 'failed';
  network: string;
  /** Whether a reversal of it already exists (`linked_flows.credit_reversal` / `.debit_reversal`). */
  reversed: boolean;
  /** `reversal_details.deadline`: "Time before which [it] can be reversed"; null when Stripe sets none. */
  deadline: Date | null;
  /** Whether the flow it came from does not allow a reversal (`source_flow_restricted`); absent: it does. */
  sourceFlowRestricted?: boolean;
  /** `linked_flows.source_flow_type`: the flow that sent it over Stripe's network, if any. */
  sourceFlowType?: string | null;
}

/** CreditReversal `network`: "The rails used to reverse the funds": ach or stripe. */
export const CREDIT_REVERSAL_NETWORKS = ['ach', 'stripe'] as const;
/** DebitReversal `network`: ach or card. */
export const DEBIT_REVERSAL_NETWORKS = ['ach', 'card'] as const;

/**
 * Whether Stripe lets a ReceivedCredit that came over its network be reversed, by the flow that sent it
 * (`linked_flows.source_flow_type`): "A Stripe network ReceivedCredit that's the result of a flow other than an
 * OutboundPayment. Stripe restricts users from reversing such ReceivedCredits" (source_flow_restricted). A flow not
 * listed is restricted too. The one table behind both a credit's `reversal_details.restricted_reason` and
 * createCreditReversal's refusal (both read reversalRestrictedReason).
 */
export const REVERSIBLE_OVER_STRIPE: Readonly<Partial<Record<FlowType, boolean>>> = {
  outbound_payment: true,
  outbound_transfer: false,
};

/**
 * Why the flow cannot be reversed at `now`, or null if it can. A failed flow moved
 * no money, so there is nothing to reverse (`other`: Stripe has no closer reason).
 */
export function reversalRestrictedReason(flow: ReversibleFlow, networks: readonly string[], now: Date): ReversalRestrictedReason | null {
  if (flow.reversed) return 'already_reversed';
  if (flow.sourceFlowRestricted) return 'source_flow_restricted';
  if (!networks.includes(flow.network)) return 'network_restricted';
  if (flow.network === 'stripe' && !REVERSIBLE_OVER_STRIPE[flow.sourceFlowType as FlowType]) return 'source_flow_restricted';
  if (flow.status !== 'succeeded') return 'other';
  if (flow.deadline !== null && now.getTime() >= flow.deadline.getTime()) return 'deadline_passed';
  return null;
}

const EXPLANATION: Record<ReversalRestrictedReason, string> = {
  already_reversed: 'it has already been reversed',
  deadline_passed: 'its reversal deadline has passed',
  network_restricted: 'its network does not allow reversals',
  other: 'it did not succeed, so no money moved',
  source_flow_restricted: 'it came over Stripe\'s network from a flow other than an OutboundPayment, which Stripe does not let be reversed',
};

/** The refusal to create a reversal: the code is Stripe's `restricted_reason`, the field the flow being reversed. */
export function checkReversible(
  flow: ReversibleFlow,
  kind: 'ReceivedCredit' | 'ReceivedDebit',
  now: Date,
  field: string[] = [kind === 'ReceivedCredit' ? 'receivedCredit' : 'receivedDebit'],
): Result<void> {
  const networks = kind === 'ReceivedCredit' ? CREDIT_REVERSAL_NETWORKS : DEBIT_REVERSAL_NETWORKS;
  const reason = reversalRestrictedReason(flow, networks, now);
  if (reason === null) return ok(undefined);
  return failure(reason, `This ${kind} cannot be reversed: ${EXPLANATION[reason]}.`, field);
}

/** A stored ReceivedCredit, as far as its reversal rules care. */
export interface StoredReceivedCredit {
  status: 'succeeded' | 'failed';
  network: string;
  reversalDeadline: Date | null;
  sourceFlowType: string | null;
}

/** What the reversal rules know of a received credit; `reversed`: whether a CreditReversal of it exists. */
export function receivedCreditReversibility(credit: StoredReceivedCredit, reversed: boolean): ReversibleFlow {
  return { status: credit.status, network: credit.network, reversed, deadline: credit.reversalDeadline, sourceFlowType: credit.sourceFlowType };
}

/** A ReceivedCredit's `reversal_details.restricted_reason` at `now`. */
export function receivedCreditRestrictedReason(credit: StoredReceivedCredit, reversed: boolean, now: Date): ReversalRestrictedReason | null {
  return reversalRestrictedReason(receivedCreditReversibility(credit, reversed), CREDIT_REVERSAL_NETWORKS, now);
}
