// What ReceivedCredit and ReceivedDebit share: they are not initiated from the
// financial account, and Stripe creates them already decided ("created either
// `succeeded` (approved) or `failed` (declined)"). So the decision is a pure
// function of the account, and the machine has a single step.
import type { Feature } from '../features.ts';
import { FEATURE_NOT_ACTIVE, FINANCIAL_ACCOUNT_CLOSED, RESTRICTED_BY_PLATFORM } from '../networks.ts';
import { ok, type Result } from '../result.ts';

/** How a refusal of checkFlowAllowed shows on a received flow: its `failure_code` (schemas.json: "might fail because the ... FinancialAccount is closed or frozen"). */
export function receivedFailureCode(check: Result<Feature>): Result<'account_closed' | 'account_frozen' | 'other' | null> {
  if (check.ok) return ok(null);
  switch (check.code) {
    case FINANCIAL_ACCOUNT_CLOSED:
      return ok('account_closed');
    // A platform that restricts the direction has frozen it for this flow.
    case RESTRICTED_BY_PLATFORM:
      return ok('account_frozen');
    // Stripe has no failure code for a feature the account lacks.
    case FEATURE_NOT_ACTIVE:
      return ok('other');
    // Anything else (a network the flow never uses) is bad input, not a decline.
    default:
      return check;
  }
}
