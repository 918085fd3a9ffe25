// The read graph's operations and the flows of its data, shared by the
// benchmarks (bench/read-graph.ts, bench/read-peers.ts) and the test that holds
// their answers fixed (test/read-graph-answers.test.ts): what is measured is
// exactly what is checked.
import { creditsEveryMinute, type FlowSpec } from '../test/support/fixtures.ts';

/** The dashboard: four levels at 10/10/20/5, with balances, capabilities, features and addresses. */
export const FOUR_LEVELS = `query FourLevels {
  connectedAccounts(first: 10) {
    pageInfo { hasNextPage endCursor }
    nodes {
      id
      displayName
      capabilities { name status }
      financialAccounts(first: 10) {
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
          transactions(first: 20) {
            pageInfo { hasNextPage endCursor }
            nodes {
              id
              amount
              currency
              description
              status
              flowType
              created
              statusTransitions { postedAt voidAt }
              entries(first: 5) {
                nodes { id type effectiveAt balanceImpact { cash inboundPending outboundPending } }
              }
            }
          }
        }
      }
    }
  }
}`;

export const ONE_PAGE = `query OnePage($id: ID!) {
  financialAccount(id: $id) { transactions(first: 20) { nodes { id amount created } } }
}`;

export const BALANCE = `query Balance($id: ID!) {
  financialAccount(id: $id) { balance { cash { currency amount } inboundPending { currency amount } outboundPending { currency amount } } }
}`;

/**
 * 24 flows, 25 transactions: every ledger rule at least once, so the pages
 * hold open, posted and void transactions with one or two entries each. Credits
 * come first so the balance stays positive. No two transactions of one account
 * share a time, so the lists' order never falls to the (random) id.
 */
export function mixedFlows(start: Date): FlowSpec[] {
  const at = (minute: number) => new Date(start.getTime() + minute * 60_000);
  const flows: FlowSpec[] = creditsEveryMinute(16, start);
  const more: Array<Pick<FlowSpec, 'flowType' | 'outcome'>> = [
    { flowType: 'inbound_transfer', outcome: 'succeeded' },
    { flowType: 'received_debit', outcome: 'succeeded' },
    { flowType: 'outbound_transfer', outcome: 'posted' },
    { flowType: 'outbound_transfer', outcome: 'processing' },
    { flowType: 'outbound_transfer', outcome: 'canceled' },
    { flowType: 'outbound_transfer', outcome: 'returned' },
    { flowType: 'outbound_payment', outcome: 'posted' },
    { flowType: 'outbound_payment', outcome: 'failed' },
  ];
  more.forEach((flow, i) => flows.push({ ...flow, amount: BigInt(50 + i * 10), at: at(20 + i * 2) }));
  return flows;
}
