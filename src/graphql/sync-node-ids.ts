// A Pothos plugin that resolves the `id` of every Node type synchronously.
//
// plugin-relay resolves a node's id through an async function (it may await a
// loaded object and then encode a global id), so every `id` of every object of
// a response cost a promise, and graphql-jit's slower path for a field whose
// value is a promise. Our ids are Stripe's, which serve as global ids as they
// are (builder.ts encodes a global id as the id itself): when a type's own id
// resolver returns a string, that string is the field's value, with no promise.
// Anything else goes to plugin-relay's resolver as before.
import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from '@pothos/core';
import type { GraphQLFieldResolver } from 'graphql';

/** The mark builder.ts puts on Node ids (plugin-relay's `idFieldOptions`). */
export const SYNC_NODE_ID = 'syncNodeId';

type IdResolver = (parent: unknown, args: object, context: unknown, info: unknown) => unknown;

export class SyncNodeIdsPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override wrapResolve(
    resolver: GraphQLFieldResolver<unknown, Types['Context'], object>,
    fieldConfig: PothosOutputFieldConfig<Types>,
  ): GraphQLFieldResolver<unknown, Types['Context'], object> {
    if (!fieldConfig.extensions?.[SYNC_NODE_ID] || fieldConfig.kind !== 'Object') return resolver;
    const typeOptions = this.buildCache.getTypeConfig(fieldConfig.parentType).pothosOptions as { id?: { resolve?: IdResolver } };
    const resolveId = typeOptions.id?.resolve;
    if (!resolveId) return resolver;
    return (parent, args, context, info) => {
      const id = resolveId(parent, args, context, info);
      return typeof id === 'string' ? id : resolver(parent, args, context, info);
    };
  }
}

/** The plugin's name, for SchemaBuilder's `plugins` list. */
export const SYNC_NODE_IDS_PLUGIN = 'syncNodeIds';

SchemaBuilder.registerPlugin(SYNC_NODE_IDS_PLUGIN, SyncNodeIdsPlugin);

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      syncNodeIds: SyncNodeIdsPlugin<Types>;
    }
  }
}
