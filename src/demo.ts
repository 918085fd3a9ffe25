// The demo experience of `npm start`: demo data on first start, and a
// test-mode platform key that GraphiQL opens with.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULTS } from './config.ts';
import type { Database } from './db/database.ts';
import { hasPlatform } from './db/platforms.ts';
import { seedDemoData, type SeedOptions } from './demo-data.ts';
import { InMemoryEventBus } from './events/event-bus.ts';
import { createServices, stopSelfMovingWork } from './services/index.ts';

/** Seeds an empty database and returns the demo key, or the one seeded on an earlier start. */
export async function ensureDemoData(
  db: Database,
  dataDir: string | null,
  seed: SeedOptions = {},
): Promise<{ secretKey: string | null; seeded: boolean }> {
  // The key is shown once when made (only its hash is stored); the embedded
  // database keeps a copy beside its data so later starts can show it again.
  const keyFile = dataDir ? join(dataDir, 'demo-platform-key') : null;
  if (await hasPlatform(db.prisma)) {
    const secretKey = keyFile && existsSync(keyFile) ? readFileSync(keyFile, 'utf8').trim() : null;
    return { secretKey, seeded: false };
  }
  // The demo is built through the use cases, before the server starts: no one
  // subscribes yet, so its events go to the log only.
  const services = createServices(
    db.prisma,
    new InMemoryEventBus(),
    // The seed opens no account session; the lifetime is never used.
    { ...DEFAULTS, accountSessionTtlSeconds: 1800 },
    (error) => console.error(error),
  );
  const { secretKey } = await seedDemoData(services, seed).finally(() => stopSelfMovingWork(services));
  if (keyFile) writeFileSync(keyFile, secretKey + '\n', { mode: 0o600 });
  return { secretKey, seeded: true };
}

/**
 * GraphiQL's opening operations (it runs the one you pick): all four levels of
 * the graph in one request, a transfer out of a financial account, and its
 * balance as it changes.
 */
export const EXAMPLE_QUERY = `# Connected accounts → financial accounts → transactions → entries, in one request.
# Each level is a Relay connection: page with first/after (or last/before).
# Pick an operation with the run button: FourLevels first, then copy a financial account's id
# and a payment method's id into the variables (below) for SendTransfer and WatchBalance.
query FourLevels {
  connectedAccounts(first: 3) {
    nodes {
      id
      displayName
      capabilities { name status }
      paymentMethods(first: 1) { nodes { id usBankAccount { last4 } } }
      financialAccounts(first: 2) {
        nodes {
          id
          nickname
          status
          activeFeatures
          balance {
            cash { currency amount }
            inboundPending { currency amount }
            outboundPending { currency amount }
          }
          financialAddresses { aba { routingNumber accountNumberLast4 bankName } }
          transactions(first: 5) {
            pageInfo { hasNextPage endCursor }
            nodes {
              id
              amount
              currency
              description
              status
              flowType
              created
              flowDetails {
                ... on OutboundTransfer { id transferStatus: status destinationPaymentMethod }
                ... on ReceivedCredit { id creditStatus: status network }
              }
              entries(first: 5) {
                nodes { id type effectiveAt balanceImpact { cash inboundPending outboundPending } }
              }
            }
          }
        }
      }
    }
  }
}

# $10.00 from a financial account to its owner's bank account: the amount moves from cash to outbound pending.
# Variables: { "financialAccount": "fa_...", "paymentMethod": "pm_..." }
mutation SendTransfer($financialAccount: ID!, $paymentMethod: ID!) {
  createOutboundTransfer(input: {
    financialAccount: $financialAccount
    amount: 1000
    currency: "usd"
    destinationPaymentMethod: $paymentMethod
    destinationPaymentMethodOptions: { usBankAccount: { network: ACH } }
    description: "Owner draw"
  }) {
    outboundTransfer { id status cancelable expectedArrivalDate transaction { id status } }
    userErrors { code message field }
  }
}

# Every change to the account's balance, live (run it in a second tab, then SendTransfer).
subscription WatchBalance($financialAccount: ID!) {
  financialAccountBalanceUpdated(financialAccount: $financialAccount) {
    transaction { id amount flowType status }
    balance { cash { currency amount } outboundPending { currency amount } }
  }
}
`;
