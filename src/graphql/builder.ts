// The schema builder and its plugins. It holds no types: each GraphQL type has
// its own file beside this one, and schema.ts imports them all.
import SchemaBuilder, { brandWithType, type OutputType } from '@pothos/core';
import ComplexityPlugin from '@pothos/plugin-complexity';
import RelayPlugin from '@pothos/plugin-relay';
import { reads } from './row-columns.ts';
import { SYNC_NODE_ID, SYNC_NODE_IDS_PLUGIN } from './sync-node-ids.ts';
import { getNamedType, getNullableType, isInterfaceType, isLeafType, isListType, type GraphQLField, type GraphQLSchema } from 'graphql';
import type { Context } from '../context.ts';
import { assertIdsWithinLimit, idType, MAX_IDS_PER_LOOKUP } from '../domain/ids.ts';
import { DEFAULT_PAGE_SIZE } from '../domain/pagination.ts';

/**
 * Whether `node(id:)` can load a type: the types declared with `builder.node`
 * (the schema's implementations of Node), so the list keeps itself. Every other
 * id prefix names nothing that can be fetched by id.
 */
function isNodeType(schema: GraphQLSchema, typename: string): boolean {
  const node = schema.getType('Node');
  return isInterfaceType(node) && schema.getImplementations(node).objects.some((type) => type.name === typename);
}

/**
 * The loaded object, marked with its type for the Node interface's resolveType.
 * plugin-relay 4.8 marks an object only in the call that loaded it: when `node`
 * and `nodes` in one operation ask for the same id, the second call gets the
 * first call's pending load from the request cache, and may finish before the
 * first has marked the object ("Abstract type Node must resolve to an Object
 * type"). Marking it here, in every call, removes the race.
 */
function branded<T>(value: T, typename: string): T {
  // A type's name is what plugin-relay marks objects with too. Pothos types a name as one known when the program is
  // compiled; this one is known when the id is read (a Node type's, checked by isNodeType), so it is cast as
  // plugin-relay casts its own.
  if (value !== null && typeof value === 'object') brandWithType(value, typename as OutputType<BuilderTypes>);
  return value;
}

// What an operation costs, priced by @pothos/plugin-complexity from the shape
// of the query (with its variables and their defaults) before anything runs:
// roughly the objects it could load, in the manner of GitHub's node count.
// - a scalar or enum field costs nothing: it comes with the object already loaded;
// - an object field costs 1;
// - a connection costs 1 (its query) plus 1 per node it may return (`first`/`last`,
//   default 10), and what each node selects counts once per node;
// - `nodes(ids:)` likewise costs 1 plus 1 per id, and what each selects counts once per id;
// - any other list of objects (features, balances, addresses: a handful each) counts its items' fields ten times.
/** How often the fields of a plain list's items are counted: such lists hold a handful of items. */
const PLAIN_LIST_MULTIPLIER = 10;

function fieldCost(_args: unknown, _ctx: Context, field: GraphQLField<unknown, Context, Record<string, unknown>>) {
  if (isLeafType(getNamedType(field.type))) return 0;
  return isListType(getNullableType(field.type)) ? { field: 1, multiplier: PLAIN_LIST_MULTIPLIER } : 1;
}

function connectionCost(args: { first?: number | null; last?: number | null }) {
  const pageSize = Math.max(0, args.first ?? args.last ?? DEFAULT_PAGE_SIZE);
  return { field: 1 + pageSize, multiplier: pageSize };
}

// Inside a connection the page size already counted each node, once.
const CONNECTED_FIELD_COST = { field: 0, multiplier: 1 };

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
  // syncNodeIds last: for Node ids, its resolver is the outermost.
  plugins: [RelayPlugin, ComplexityPlugin, SYNC_NODE_IDS_PLUGIN],
  defaultFieldNullability: false,
  // No `limit` here: the plugin would check it inside the first root field's
  // resolver, as a field error beside partial data. The limit is enforced before
  // execution, with the cost reported, by useOperationCost (operation-cost.ts).
  complexity: { fieldComplexity: fieldCost },
  relay: {
    clientMutationId: 'omit',
    idFieldOptions: { extensions: { [SYNC_NODE_ID]: true, ...reads('id') } },
    cursorType: 'String',
    edgesFieldOptions: { nullable: false, complexity: CONNECTED_FIELD_COST },
    nodeFieldOptions: { nullable: false, complexity: CONNECTED_FIELD_COST },
    nodesOnConnection: { description: 'The nodes of the edges, for clients that need no cursors.', complexity: CONNECTED_FIELD_COST },
    pageInfoFieldOptions: { complexity: 0 },
    defaultConnectionFieldOptions: { complexity: connectionCost },
    // Stripe's ids are already globally unique and typed by their prefix, so
    // they serve as Relay global ids as they are.
    encodeGlobalID: (_typename, id) => String(id),
    decodeGlobalID: (globalID) => ({ typename: idType(globalID) ?? 'Unknown', id: globalID }),
    nodeQueryOptions: {
      description: 'Any object by its id (`fa_...`, `trxn_...`, ...). Null when it does not exist or is outside your scope.',
      // An id of no Node type is just an object that does not exist.
      resolve: async (_root, { id }, _ctx, info, resolveNode) =>
        isNodeType(info.schema, id.typename) ? branded(await resolveNode(id), id.typename) : null,
    },
    nodesQueryOptions: {
      description: `Objects by their ids (at most ${MAX_IDS_PER_LOOKUP}), in the same order. Null for each that does not exist or is outside your scope.`,
      // The price is computed before execution (operation-cost.ts), so refusing too many ids here
      // refuses the whole operation before anything runs; the resolver alone would come after any
      // root fields before it (a mutation's among them) had run.
      complexity: (args) => {
        assertIdsWithinLimit(args.ids.length);
        return { field: 1 + args.ids.length, multiplier: args.ids.length };
      },
      resolve: async (_root, args, _ctx, info, resolveNodes) => {
        const requested = args.ids;
        assertIdsWithinLimit(requested.length);
        // plugin-relay 4.8's resolveNodes ignores the ids it is given and loads
        // args.ids, so the known ids are handed over through args.
        args.ids = requested.filter((id) => isNodeType(info.schema, id.typename));
        const loaded = await Promise.all(await resolveNodes(args.ids));
        let next = 0;
        return requested.map((id) => (isNodeType(info.schema, id.typename) ? branded(loaded[next++], id.typename) : null));
      },
    },
    firstArgOptions: { description: 'Return at most this many edges from the start (default 10, at most 100).' },
    lastArgOptions: { description: 'Return at most this many edges from the end (at most 100).' },
    afterArgOptions: { description: 'Return edges after this cursor.' },
    beforeArgOptions: { description: 'Return edges before this cursor.' },
  },
});

/** The builder's schema types, for helpers that take one of Pothos's field builders. */
export type BuilderTypes = typeof builder.$inferSchemaTypes;

builder.queryType({ description: 'The read graph: start from the platform, a connected account, or any object by id.' });
builder.mutationType({ description: 'Changes, each with one `input` and a payload carrying `userErrors`.' });
builder.subscriptionType({
  description: 'Live updates, over graphql-ws (WebSocket) or server-sent events, with the same credentials as queries.',
});
