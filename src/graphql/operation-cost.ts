// What an operation costs, and whether it may run: priced before execution by
// @pothos/plugin-complexity (the field costs are in builder.ts), refused when
// it costs more than one operation may, then charged to the credential's
// budget (services/rate-limit.ts). Every response that got this far carries
// the cost in `extensions.cost`; a refusal runs nothing.
import { GraphQLError, validate, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import { createComplexityRule } from '@pothos/plugin-complexity';
import type { Context } from '../context.ts';
import type { BudgetState, OperationBudget } from '../services/rate-limit.ts';

export interface OperationCostOptions {
  /** The most one operation may cost. */
  maxCost: number;
  /** Each credential's points over time; null: no budget. */
  budget: OperationBudget | null;
  /** What a client may see of an error raised while pricing (the server's error masking). */
  toClientError: (error: unknown) => GraphQLError;
}

/** `extensions.cost` of a response. */
export interface CostReport {
  /** What this operation costs; null when it could not be priced (its arguments were refused). */
  requested: number | null;
  /** The most one operation may cost. */
  limit: number;
  /** The credential's budget after this operation; absent when there is none. */
  budget?: { limit: number; windowSeconds: number; remaining: number; resetAt: string | null };
}

interface OperationArgs {
  schema: GraphQLSchema;
  document: DocumentNode;
  variableValues?: Record<string, unknown> | null;
  operationName?: string | null;
  contextValue: unknown;
}

/**
 * The operation's cost with its variables coerced and their defaults applied,
 * or the errors that stopped it from being priced. It goes through the
 * plugin's validation rule, not `complexityFromQuery`, because the rule prices
 * the operation the request names (`complexityFromQuery` prices the first in
 * the document, which would let a cheap first operation cover a costly one).
 */
export function priceOperation(args: OperationArgs): { cost: number } | { errors: readonly GraphQLError[] } {
  let cost = 0;
  const rule = createComplexityRule({
    context: args.contextValue as object,
    variableValues: args.variableValues ?? {},
    operationName: args.operationName,
    // Limits are checked by the caller, with its own errors.
    validate: () => {},
    onResult: (result) => {
      cost = Math.max(cost, result.complexity);
    },
  });
  const errors = validate(args.schema, args.document, [rule]);
  return errors.length > 0 ? { errors } : { cost };
}

/** A running subscription's cost report (keyed by its context), for a transport that writes its messages itself. */
const subscriptionCosts = new WeakMap<object, CostReport>();

export function subscriptionCostOf(contextValue: object): CostReport | undefined {
  return subscriptionCosts.get(contextValue);
}

export function useOperationCost(options: OperationCostOptions): Plugin<Context> {
  const budgetReport = (state: BudgetState): CostReport['budget'] => ({
    limit: state.limit,
    windowSeconds: state.windowSeconds,
    remaining: state.remaining,
    resetAt: state.resetAt?.toISOString() ?? null,
  });

  /** The cost report, and the errors that refuse the operation (none: it may run, and has been charged). */
  const admit = async (args: OperationArgs): Promise<{ report: CostReport; errors?: GraphQLError[] }> => {
    const { credentialId } = (args.contextValue as Context).viewer;
    const peek = async () => (options.budget ? budgetReport(await options.budget.peek(credentialId)) : undefined);

    let priced: ReturnType<typeof priceOperation>;
    try {
      priced = priceOperation(args);
    } catch (error) {
      // A field's price refused its arguments (e.g. too many ids), before anything ran.
      priced = { errors: [error as GraphQLError] };
    }
    if ('errors' in priced) {
      // Variables that do not fit their types, or arguments refused: the same errors execution would give.
      const errors = priced.errors.map(options.toClientError);
      return { report: { requested: null, limit: options.maxCost, budget: await peek() }, errors };
    }
    const requested = priced.cost;
    if (requested > options.maxCost) {
      return {
        report: { requested, limit: options.maxCost, budget: await peek() },
        errors: [
          new GraphQLError(
            `This operation could cost ${requested} points, more than the limit of ${options.maxCost} for one operation: ` +
              'ask for smaller pages (first/last) on nested connections, or for fewer ids.',
            { extensions: { code: 'QUERY_TOO_COMPLEX', measure: 'cost', limit: options.maxCost, requested } },
          ),
        ],
      };
    }
    if (!options.budget) return { report: { requested, limit: options.maxCost } };

    // Every operation spends at least a point, so that even free ones are counted.
    const charge = await options.budget.charge(credentialId, Math.max(1, requested));
    const report: CostReport = { requested, limit: options.maxCost, budget: budgetReport(charge.state) };
    if (charge.granted) return { report };
    const { state, retryAfterSeconds } = charge;
    return {
      report,
      errors: [
        new GraphQLError(
          `This operation costs ${requested} points and this credential has ${state.remaining} of its ${state.limit} ` +
            `points per ${state.windowSeconds} seconds left: retry in ${retryAfterSeconds} seconds.`,
          {
            extensions: {
              code: 'RATE_LIMITED',
              limit: state.limit,
              remaining: state.remaining,
              requested,
              retryAfter: retryAfterSeconds,
              resetAt: state.resetAt?.toISOString() ?? null,
              // Over HTTP: 429 Too Many Requests with Retry-After (yoga takes these out of the body).
              http: { status: 429, headers: { 'Retry-After': String(retryAfterSeconds) } },
            },
          },
        ),
      ],
    };
  };

  const withCost = <R extends ExecutionResult>(result: R, report: CostReport): R => ({
    ...result,
    extensions: { ...result.extensions, cost: report },
  });

  return {
    async onExecute({ args, setResultAndStopExecution }) {
      const { report, errors } = await admit(args);
      if (errors) {
        setResultAndStopExecution({ errors, extensions: { cost: report } });
        return;
      }
      return {
        onExecuteDone({ result, setResult }) {
          if (!isAsyncIterable(result)) setResult(withCost(result, report));
        },
      };
    },
    async onSubscribe({ args, setResultAndStopExecution }) {
      const { report, errors } = await admit(args);
      if (errors) {
        setResultAndStopExecution({ errors, extensions: { cost: report } });
        return;
      }
      if (args.contextValue && typeof args.contextValue === 'object') subscriptionCosts.set(args.contextValue, report);
      return {
        onSubscribeResult({ result, setResult }) {
          // A subscription is priced and charged once, when it starts; its first payload carries the cost.
          if (!isAsyncIterable(result)) {
            setResult(withCost(result, report));
            return;
          }
          let first = true;
          return {
            onNext({ result: payload, setResult: setPayload }) {
              if (!first) return;
              first = false;
              setPayload(withCost(payload, report));
            },
          };
        },
      };
    },
  };
}
