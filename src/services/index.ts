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
import type { SelfMovingSettings, SelfMovingWorkName } from '../domain/money-movements/movements.ts';
import { InboundTransferService } from './inbound-transfers.ts';

/** Each piece of work Stripe does by itself (SELF_MOVING_WORK) has its delay and its sweep's interval. */
export interface ServiceConfig extends SelfMovingSettings {
  accountSessionTtlSeconds: number;
  maxOpenFinancialAccountsPerAccount: number;
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
  const creditReversals = new CreditReversalService(
    prisma,
    unitOfWork,
    { delayMs: config.creditReversalPostingDelayMs, sweepIntervalMs: config.creditReversalPostingSweepMs },
    logError,
  );
  // Every piece of work Stripe does by itself, by its name in SELF_MOVING_WORK: the entry points start and stop these.
  const selfMoving: Record<SelfMovingWorkName, BackgroundWork> = {
    featureActivation: activator,
    stripeNetworkPosting: stripeNetworkPoster,
    creditReversalPosting: creditReversals,
    debitReversalCompletion: debitReversalCompleter,
  };
  return {
    selfMoving,
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
    creditReversals,
    financialAccounts: new FinancialAccountService(unitOfWork, activator, {
      maxOpenFinancialAccountsPerAccount: config.maxOpenFinancialAccountsPerAccount,
    }),
  };
}

export type Services = ReturnType<typeof createServices>;

/** Work that runs in the background once started, and that stopping waits for. */
export interface BackgroundWork {
  start(): void;
  stop(): Promise<void>;
}

/** Starts every piece of work Stripe does by itself. */
export function startSelfMovingWork(services: Pick<Services, 'selfMoving'>): void {
  for (const work of Object.values(services.selfMoving)) work.start();
}

/** Stops every piece of work Stripe does by itself, waiting for what is in flight. */
export async function stopSelfMovingWork(services: Pick<Services, 'selfMoving'>): Promise<void> {
  await Promise.all(Object.values(services.selfMoving).map((work) => work.stop()));
}
