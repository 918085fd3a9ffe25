// The application's use cases, built once per server from its database,
// event bus and configuration.
import type { PrismaClient } from '../db/generated/client.ts';
import type { EventBus } from '../events/event-bus.ts';
import { AccountSessionService } from './account-sessions.ts';
import { EventService } from './events.ts';
import { ConnectedAccountService } from './connected-accounts.ts';
import { CreditReversalService } from './credit-reversals.ts';
import { FeatureActivator } from './feature-lifecycle.ts';
import { FinancialAccountService } from './financial-accounts.ts';
import { OutboundTransferService } from './outbound-transfers.ts';
import { OutboundPaymentService, StripeNetworkPoster } from './outbound-payments.ts';
import { PaymentMethodService } from './payment-methods.ts';
import { ReceivedCreditService } from './received-credits.ts';
import { ReceivedDebitService } from './received-debits.ts';
import { DebitReversalCompleter, DebitReversalService } from './debit-reversals.ts';
import { PlatformService } from './platform-bootstrap.ts';
import { UnitOfWork } from './unit-of-work.ts';
import { InboundTransferService } from './inbound-transfers.ts';

export interface ServiceConfig {
  accountSessionTtlSeconds: number;
  maxOpenFinancialAccountsPerAccount: number;
  /** How long after a request its requested features activate (Stripe activates asynchronously). */
  featureActivationDelayMs: number;
  /** How often to look for activations left behind (by a restart, or another instance). */
  featureActivationSweepMs: number;
  /** How long after its creation a DebitReversal is resolved (Stripe resolves them by itself). */
  debitReversalCompletionDelayMs: number;
  /** How often to look for reversals left processing (by a restart, or another instance). */
  debitReversalCompletionSweepMs: number;
  /** How long after its creation Stripe posts a credit reversal (it does so by itself), and how often to look for ones left behind. */
  creditReversalPostingDelayMs: number;
  creditReversalPostingSweepMs: number;
  /** How long after its creation an OutboundPayment over Stripe's network posts (Stripe: "within minutes"). */
  stripeNetworkPostingDelayMs: number;
  /** How often to look for such payments left processing (by a restart, or another instance). */
  stripeNetworkPostingSweepMs: number;
}

export function createServices(
  prisma: PrismaClient,
  bus: EventBus,
  config: ServiceConfig,
  logError: (error: unknown) => void,
) {
  const unitOfWork = new UnitOfWork(prisma, bus, logError);
  const activator = new FeatureActivator(
    prisma,
    unitOfWork,
    { delayMs: config.featureActivationDelayMs, sweepIntervalMs: config.featureActivationSweepMs },
    logError,
  );
  const debitReversalCompleter = new DebitReversalCompleter(
    prisma,
    unitOfWork,
    { delayMs: config.debitReversalCompletionDelayMs, sweepIntervalMs: config.debitReversalCompletionSweepMs },
    logError,
  );
  const stripeNetworkPoster = new StripeNetworkPoster(
    prisma,
    { delayMs: config.stripeNetworkPostingDelayMs, sweepIntervalMs: config.stripeNetworkPostingSweepMs },
    logError,
  );
  const outboundPayments = new OutboundPaymentService(unitOfWork, stripeNetworkPoster);
  stripeNetworkPoster.serve(outboundPayments);
  return {
    unitOfWork,
    activator,
    debitReversalCompleter,
    stripeNetworkPoster,
    outboundPayments,
    platforms: new PlatformService(unitOfWork),
    accountSessions: new AccountSessionService(unitOfWork, config.accountSessionTtlSeconds),
    events: new EventService(prisma, bus),
    connectedAccounts: new ConnectedAccountService(unitOfWork, activator),
    paymentMethods: new PaymentMethodService(unitOfWork),
    outboundTransfers: new OutboundTransferService(unitOfWork),
    receivedCredits: new ReceivedCreditService(unitOfWork),
    inboundTransfers: new InboundTransferService(unitOfWork),
    receivedDebits: new ReceivedDebitService(unitOfWork),
    debitReversals: new DebitReversalService(unitOfWork, debitReversalCompleter),
    creditReversals: new CreditReversalService(
      prisma,
      unitOfWork,
      { delayMs: config.creditReversalPostingDelayMs, sweepIntervalMs: config.creditReversalPostingSweepMs },
      logError,
    ),
    financialAccounts: new FinancialAccountService(unitOfWork, activator, {
      maxOpenFinancialAccountsPerAccount: config.maxOpenFinancialAccountsPerAccount,
    }),
  };
}

export type Services = ReturnType<typeof createServices>;
