// Queries executed by graphql-jit (through envelop's plugin): each document is
// compiled once into JavaScript specialised to its selections, instead of
// graphql-js walking the selection sets for every object of every response.
// On the four-level read that walk was the largest CPU cost after the rows
// themselves. Mutations and subscriptions keep graphql-js's executor.
//
// graphql-jit's results differ from graphql-js's in two details of form, undone
// here so that clients get the same bytes: it puts `data` before `errors`, and
// its errors carry `locations` but not the AST nodes they come from, from which
// yoga's serialiser rebuilds every error's locations. The nodes are found again
// by the error's path (as graphql-js collects them: every field of that
// response key under the parent's, fragments included).
import { useGraphQlJit } from '@envelop/graphql-jit';
import type { Plugin } from '@envelop/core';
import {
  getOperationAST,
  GraphQLError,
  Kind,
  type DocumentNode,
  type ExecutionResult,
  type FieldNode,
  type FragmentDefinitionNode,
  type SelectionNode,
} from 'graphql';

export function useCompiledQueries(): Plugin[] {
  return [
    useGraphQlJit({}, { enableIf: (args) => getOperationAST(args.document, args.operationName)?.operation === 'query' }),
    {
      onExecute({ args }) {
        return {
          onExecuteDone({ result, setResult }) {
            if (!('errors' in result) || !result.errors) return;
            const { errors, data, extensions, ...rest } = result as ExecutionResult & Record<string, unknown>;
            const located = errors!.map((error) =>
              error.nodes || !error.path
                ? error
                : new GraphQLError(error.message, {
                    nodes: fieldNodesAt(args.document, args.operationName, error.path),
                    path: error.path,
                    originalError: error.originalError,
                    extensions: error.extensions,
                  }),
            );
            // graphql-js's order: errors, data, then extensions (the cost plugin's).
            setResult({ errors: located, data, ...(extensions ? { extensions } : {}), ...rest } as ExecutionResult);
          },
        };
      },
    },
  ];
}

/** The field nodes an error at `path` comes from: those of the path's last response key, under its parents'. */
function fieldNodesAt(document: DocumentNode, operationName: string | null | undefined, path: ReadonlyArray<string | number>): FieldNode[] {
  const operation = getOperationAST(document, operationName);
  if (!operation) return [];
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  let parents: Array<readonly SelectionNode[]> = [operation.selectionSet.selections];
  let nodes: FieldNode[] = [];
  for (const key of path) {
    if (typeof key === 'number') continue; // a list index: the same fields, on one item
    nodes = [];
    const collect = (selections: readonly SelectionNode[]) => {
      for (const selection of selections) {
        if (selection.kind === Kind.FIELD) {
          if ((selection.alias ?? selection.name).value === key) nodes.push(selection);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          collect(selection.selectionSet.selections);
        } else {
          const fragment = fragments.get(selection.name.value);
          if (fragment) collect(fragment.selectionSet.selections);
        }
      }
    };
    for (const selections of parents) collect(selections);
    parents = nodes.map((node) => node.selectionSet?.selections ?? []);
  }
  return nodes;
}
