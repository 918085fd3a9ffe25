// What an operation may cost before it runs, in the manner of GitHub's node
// limit: every connection asks for up to `first`/`last` (default 10) nodes per
// parent, so the nodes an operation can return are the sum, over its
// connection fields, of the product of the page sizes on the path to them.
// Four nested connections at first: 100 would ask for 10^8 rows; the limit
// refuses such an operation before any SQL runs.
import {
  getNamedType,
  GraphQLError,
  isObjectType,
  isInterfaceType,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { DEFAULT_PAGE_SIZE } from '../domain/pagination.ts';

export interface QueryCost {
  /** The most nodes the operation's connections can return. */
  nodes: number;
  /** The deepest field nesting. */
  depth: number;
}

export function queryCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | null | undefined,
  operationName?: string | null,
): QueryCost {
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations[0];
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  if (!operation) return { nodes: 0, depth: 0 };
  const root =
    operation.operation === 'query'
      ? schema.getQueryType()
      : operation.operation === 'mutation'
        ? schema.getMutationType()
        : schema.getSubscriptionType();
  if (!root) return { nodes: 0, depth: 0 };

  const intArgument = (value: ValueNode | undefined): number | undefined => {
    if (!value) return undefined;
    if (value.kind === Kind.INT) return Number(value.value);
    if (value.kind === Kind.VARIABLE) {
      const v = variables?.[value.name.value];
      return typeof v === 'number' ? v : undefined;
    }
    return undefined;
  };

  const walk = (selectionSet: SelectionSetNode, parent: GraphQLCompositeType, multiplier: number, depth: number): QueryCost => {
    let nodes = 0;
    let deepest = depth;
    for (const selection of selectionSet.selections) {
      let inner: QueryCost | undefined;
      if (selection.kind === Kind.FIELD) {
        if (!isObjectType(parent) && !isInterfaceType(parent)) continue;
        const field = parent.getFields()[selection.name.value];
        if (!field) continue;
        const type = getNamedType(field.type);
        let fieldMultiplier = multiplier;
        const isConnection = type.name.endsWith('Connection') && field.args.some((a) => a.name === 'first');
        if (isConnection) {
          const arg = (name: string) => selection.arguments?.find((a) => a.name.value === name)?.value;
          const pageSize = intArgument(arg('first')) ?? intArgument(arg('last')) ?? DEFAULT_PAGE_SIZE;
          fieldMultiplier = multiplier * Math.max(pageSize, 1);
          nodes += fieldMultiplier;
        }
        if (selection.selectionSet) inner = walk(selection.selectionSet, type as GraphQLCompositeType, fieldMultiplier, depth + 1);
        else deepest = Math.max(deepest, depth + 1);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        inner = walk(selection.selectionSet, (type ?? parent) as GraphQLCompositeType, multiplier, depth);
      } else {
        const fragment = fragments.get(selection.name.value);
        const type = fragment && schema.getType(fragment.typeCondition.name.value);
        if (fragment && type) inner = walk(fragment.selectionSet, type as GraphQLCompositeType, multiplier, depth);
      }
      if (inner) {
        nodes += inner.nodes;
        deepest = Math.max(deepest, inner.depth);
      }
    }
    return { nodes, depth: deepest };
  };
  return walk(operation.selectionSet, root, 1, 0);
}

/** Refuses operations that could return more than `maxNodes` nodes or nest deeper than `maxDepth`. */
export function useQueryCostLimit(limits: { maxNodes: number; maxDepth: number }): Plugin {
  const check = (args: {
    schema: GraphQLSchema;
    document: DocumentNode;
    variableValues?: Record<string, unknown> | null;
    operationName?: string | null;
  }) => {
    const cost = queryCost(args.schema, args.document, args.variableValues, args.operationName);
    if (cost.nodes > limits.maxNodes) {
      return new GraphQLError(
        `This operation could return ${cost.nodes} nodes, more than the limit of ${limits.maxNodes}: ` +
          'ask for smaller pages (first/last) on nested connections.',
        { extensions: { code: 'QUERY_TOO_COMPLEX', nodes: cost.nodes, maxNodes: limits.maxNodes } },
      );
    }
    if (cost.depth > limits.maxDepth) {
      return new GraphQLError(`This operation nests ${cost.depth} levels deep, more than the limit of ${limits.maxDepth}.`, {
        extensions: { code: 'QUERY_TOO_COMPLEX', depth: cost.depth, maxDepth: limits.maxDepth },
      });
    }
    return undefined;
  };
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const error = check(args);
      if (error) setResultAndStopExecution({ errors: [error] });
    },
    onSubscribe({ args, setResultAndStopExecution }) {
      const error = check(args);
      if (error) setResultAndStopExecution({ errors: [error] });
    },
  };
}
