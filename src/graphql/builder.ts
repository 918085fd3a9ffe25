// The schema builder and its plugins. It holds no types: each GraphQL type has
// its own file beside this one, and schema.ts imports them all.
import SchemaBuilder from '@pothos/core';
import RelayPlugin from '@pothos/plugin-relay';
import type { Context } from '../context.ts';
import { idType, type IdType } from '../domain/ids.ts';

/** The types `node(id:)` can load; every other id prefix names nothing that can be fetched by id. */
export const NODE_TYPES = new Set<string>([
  'ConnectedAccount',
  'FinancialAccount',
  'Transaction',
  'TransactionEntry',
  'Event',
  'PaymentMethod',
] satisfies IdType[]);

export const builder = new SchemaBuilder<{
  Context: Context;
  DefaultFieldNullability: false;
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
  Scalars: {
    ID: { Input: string; Output: string };
    DateTime: { Input: Date; Output: Date };
    MinorUnits: { Input: bigint; Output: bigint | number };
    Metadata: { Input: Record<string, string>; Output: Record<string, string> };
    JSON: { Input: never; Output: object };
  };
}>({
  plugins: [RelayPlugin],
  defaultFieldNullability: false,
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    edgesFieldOptions: { nullable: false },
    nodeFieldOptions: { nullable: false },
    nodesOnConnection: { description: 'The nodes of the edges, for clients that need no cursors.' },
    // Stripe's ids are already globally unique and typed by their prefix, so
    // they serve as Relay global ids as they are.
    encodeGlobalID: (_typename, id) => String(id),
    decodeGlobalID: (globalID) => ({ typename: idType(globalID) ?? 'Unknown', id: globalID }),
    nodeQueryOptions: {
      description: 'Any object by its id (`fa_...`, `trxn_...`, ...). Null when it does not exist or is outside your scope.',
      // An id of no Node type is just an object that does not exist.
      resolve: (_root, { id }, _ctx, _info, resolveNode) => (NODE_TYPES.has(id.typename) ? resolveNode(id) : null),
    },
    nodesQueryOptions: {
      description: 'Objects by their ids, in the same order. Null for each that does not exist or is outside your scope.',
      resolve: async (_root, args, _ctx, _info, resolveNodes) => {
        const requested = args.ids;
        // plugin-relay 4.8's resolveNodes ignores the ids it is given and loads
        // args.ids, so the known ids are handed over through args.
        args.ids = requested.filter((id) => NODE_TYPES.has(id.typename));
        const loaded = await resolveNodes(args.ids);
        let next = 0;
        return requested.map((id) => (NODE_TYPES.has(id.typename) ? loaded[next++] : null));
      },
    },
    firstArgOptions: { description: 'Return at most this many edges from the start (default 10, at most 100).' },
    lastArgOptions: { description: 'Return at most this many edges from the end (at most 100).' },
    afterArgOptions: { description: 'Return edges after this cursor.' },
    beforeArgOptions: { description: 'Return edges before this cursor.' },
  },
});

builder.queryType({ description: 'The read graph: start from the platform, a connected account, or any object by id.' });
builder.mutationType({ description: 'Changes, each with one `input` and a payload carrying `userErrors`.' });
builder.subscriptionType({
  description: 'Live updates, over graphql-ws (WebSocket) or server-sent events, with the same credentials as queries.',
});
