// Refuses, before anything runs, an operation whose arguments carry text the
// database cannot store or no Stripe parameter allows: NUL characters, lone
// UTF-16 surrogates, strings and ids over their limits, and oversized lists.
//
// Written here rather than taken from a library: the constraint-directive
// libraries (graphql-constraint-directive and kin) check per-field
// `@constraint`s one declares in SDL, and none checks encoding; this one rule
// holds for every argument and input field of the schema, present and future,
// without declaring anything per field. It runs on the coerced argument values
// (graphql-js's own getVariableValues/getArgumentValues), so inline literals,
// JSON variables, GET query strings, graphql-ws and SSE are checked alike.
// (graphql-js itself refuses lone surrogates in literals, as a syntax error,
// but accepts `\u0000` there; in JSON variables it accepts both.)
import {
  getArgumentValues,
  getNamedType,
  getNullableType,
  getVariableValues,
  GraphQLError,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isObjectType,
  isScalarType,
  Kind,
  type ASTNode,
  type DocumentNode,
  type ExecutionArgs,
  type FragmentDefinitionNode,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { INPUT_LIMITS, textProblem } from '../domain/input-limits.ts';

/** The first bad input value in the operation `args` would run, as a client error; null when there is none. */
export function findBadInput(args: ExecutionArgs): GraphQLError | null {
  const { schema, document } = args;
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  const operation = args.operationName ? operations.find((o) => o.name?.value === args.operationName) : operations[0];
  if (!operation) return null;
  // Variables that do not coerce are refused by execution itself, with graphql-js's own message.
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], args.variableValues ?? {}, { maxErrors: 1 });
  if (coerced.errors) return null;
  const root =
    operation.operation === 'query'
      ? schema.getQueryType()
      : operation.operation === 'mutation'
        ? schema.getMutationType()
        : schema.getSubscriptionType();
  if (!root) return null;
  return checkSelections(schema, fragmentsOf(document), operation.selectionSet, root, coerced.coerced, new Set());
}

function fragmentsOf(document: DocumentNode) {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  return fragments;
}

function checkSelections(
  schema: GraphQLSchema,
  fragments: Map<string, FragmentDefinitionNode>,
  selectionSet: SelectionSetNode,
  parent: GraphQLNamedType,
  variables: Record<string, unknown>,
  visitedFragments: Set<string>,
): GraphQLError | null {
  for (const selection of selectionSet.selections) {
    let error: GraphQLError | null = null;
    if (selection.kind === Kind.FIELD) {
      if (!isObjectType(parent) && !isInterfaceType(parent)) continue;
      const field = parent.getFields()[selection.name.value];
      if (!field) continue;
      if (field.args.length > 0) {
        let values: Record<string, unknown>;
        try {
          values = getArgumentValues(field, selection, variables);
        } catch {
          // Execution reports this field's invalid arguments itself.
          values = {};
        }
        for (const arg of field.args) {
          const node = selection.arguments?.find((a) => a.name.value === arg.name) ?? selection;
          error = checkValue(values[arg.name], arg.type, [arg.name], { field: field.name, node });
          if (error) return error;
        }
      }
      if (selection.selectionSet) {
        error = checkSelections(schema, fragments, selection.selectionSet, getNamedType(field.type), variables, visitedFragments);
      }
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
      if (type) error = checkSelections(schema, fragments, selection.selectionSet, type, variables, visitedFragments);
    } else {
      const name = selection.name.value;
      const fragment = fragments.get(name);
      const type = fragment && schema.getType(fragment.typeCondition.name.value);
      if (fragment && type && !visitedFragments.has(name)) {
        visitedFragments.add(name);
        error = checkSelections(schema, fragments, fragment.selectionSet, type, variables, visitedFragments);
      }
    }
    if (error) return error;
  }
  return null;
}

interface Where {
  field: string;
  node: ASTNode;
}

function checkValue(value: unknown, type: GraphQLInputType, path: string[], where: Where): GraphQLError | null {
  if (value == null) return null;
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    if (!Array.isArray(value)) return checkValue(value, nullable.ofType, path, where);
    if (value.length > INPUT_LIMITS.listItems) {
      return refuse(where, path, 'parameter_invalid', `has ${value.length} items; at most ${INPUT_LIMITS.listItems} are allowed`, {
        limit: INPUT_LIMITS.listItems,
        requested: value.length,
      });
    }
    for (const [index, item] of value.entries()) {
      const error = checkValue(item, nullable.ofType, [...path, String(index)], where);
      if (error) return error;
    }
    return null;
  }
  if (isInputObjectType(nullable)) {
    for (const field of Object.values(nullable.getFields())) {
      const error = checkValue((value as Record<string, unknown>)[field.name], field.type, [...path, field.name], where);
      if (error) return error;
    }
    return null;
  }
  if (isScalarType(nullable)) {
    if (typeof value === 'string') {
      const problem = textProblem(value, nullable.name === 'ID' ? INPUT_LIMITS.id : INPUT_LIMITS.string);
      return problem && refuse(where, path, problem.code, problem.problem);
    }
    // A custom scalar's parsed value (Metadata's object, ...): its keys and strings are text too.
    return checkOpaque(value, path, where);
  }
  return null;
}

function checkOpaque(value: unknown, path: string[], where: Where): GraphQLError | null {
  if (typeof value === 'string') {
    const problem = textProblem(value, INPUT_LIMITS.string);
    return problem && refuse(where, path, problem.code, problem.problem);
  }
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const error = checkOpaque(item, [...path, String(index)], where);
      if (error) return error;
    }
    return null;
  }
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    for (const [key, item] of Object.entries(value)) {
      const keyProblem = textProblem(key, INPUT_LIMITS.string);
      if (keyProblem) return refuse(where, path, keyProblem.code, `has a key that ${keyProblem.problem}`);
      const error = checkOpaque(item, [...path, key], where);
      if (error) return error;
    }
  }
  return null;
}

function refuse(
  where: Where,
  path: string[],
  stripeCode: string,
  problem: string,
  measured: { limit: number; requested: number } | null = null,
): GraphQLError {
  // A key or index with the very characters refused would make the message unreadable: it is shown escaped.
  const shown = path.map((part) => (/^[_A-Za-z0-9]+$/.test(part) ? part : JSON.stringify(part.slice(0, 60)))).join('.');
  return new GraphQLError(`\`${shown}\` of \`${where.field}\` ${problem}.`, {
    nodes: where.node,
    extensions: { code: 'BAD_USER_INPUT', stripeCode, argument: path, ...measured },
  });
}

/** The plugin: an operation with bad input is answered with the error and never runs. */
export function useInputValidation(): Plugin {
  return {
    // yoga parses a GET query string's (and a form body's) `variables` and `extensions` with a bare
    // JSON.parse, whose SyntaxError would reach the client as an internal error: it is the client's, a 400.
    onRequestParse({ requestParser, setRequestParser }) {
      if (!requestParser) return;
      setRequestParser(async (request) => {
        try {
          return await requestParser(request);
        } catch (error) {
          if (!(error instanceof SyntaxError)) throw error;
          throw new GraphQLError('The `variables` or `extensions` parameter is not valid JSON.', {
            extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
          });
        }
      });
    },
    onExecute({ args, setResultAndStopExecution }) {
      const error = findBadInput(args);
      if (error) setResultAndStopExecution({ errors: [error] });
    },
    onSubscribe({ args, setResultAndStopExecution }) {
      const error = findBadInput(args);
      if (error) setResultAndStopExecution({ errors: [error] });
    },
  };
}
