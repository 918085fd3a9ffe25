// Limits on an operation's document, checked while it is parsed and validated
// (before authentication and before anything runs), by graphql-armor's
// plugins: tokens, aliases, directives, depth. And, when introspection is off,
// graphql's NoSchemaIntrospectionCustomRule and no "Did you mean ...?"
// suggestions, which would otherwise spell out the schema field by field.
// Every refusal says which limit, the limit, and what the operation asked for.
import { GraphQLError, NoSchemaIntrospectionCustomRule, type ValidationContext } from 'graphql';
import { useValidationRule, type Plugin } from '@envelop/core';
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesPlugin } from '@escape.tech/graphql-armor-max-directives';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import { blockFieldSuggestionsPlugin } from '@escape.tech/graphql-armor-block-field-suggestions';

export interface OperationLimits {
  /** The most one operation may cost (see builder.ts for what costs what). */
  maxCost: number;
  /** The deepest nesting of fields (fragments add no level). */
  maxDepth: number;
  maxAliases: number;
  /** Lexical tokens in the document; long lists belong in variables, which are not counted. */
  maxTokens: number;
  maxDirectives: number;
}

type Measure = 'tokens' | 'aliases' | 'directives' | 'depth';

function limitError(measure: Measure, limit: number, requested: number | undefined, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'QUERY_TOO_COMPLEX', measure, limit, requested } });
}

/**
 * graphql-armor says how much was found only in its message ("..., found 16."),
 * so the count is read from there; should its wording change, the refusal still
 * names the measure and the limit, without the count (the tests would notice).
 */
function foundIn(error: GraphQLError): number | undefined {
  const match = /found (\d+)/.exec(error.message);
  return match ? Number(match[1]) : undefined;
}

/**
 * Options for a graphql-armor validation rule that reports our own error
 * instead of throwing its own, so that other validation errors are reported beside it.
 */
function reportAs(measure: Measure, limit: number, describe: (found: string) => string) {
  return {
    n: limit,
    exposeLimits: true,
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null, error: GraphQLError) => {
        const found = foundIn(error);
        const error_ = limitError(measure, limit, found, describe(found === undefined ? 'more' : String(found)));
        if (context) context.reportError(error_);
        else throw error_;
      },
    ],
  };
}

export function operationLimitPlugins(limits: OperationLimits, options: { introspection: boolean }): Plugin[] {
  const plugins: Plugin[] = [
    maxTokensPlugin({
      n: limits.maxTokens,
      exposeLimits: true,
      // The parser stops at the first token past the limit, so a huge document
      // costs no more than a document at the limit; how many tokens it has in
      // all is therefore not known: "requested" is where the parser stopped.
      onReject: [
        () => {
          throw limitError(
            'tokens',
            limits.maxTokens,
            limits.maxTokens + 1,
            `This operation has more than ${limits.maxTokens} tokens, the limit: send a shorter document (pass long lists as variables).`,
          );
        },
      ],
    }),
    maxAliasesPlugin(
      reportAs('aliases', limits.maxAliases, (found) => `This operation uses ${found} aliases, more than the limit of ${limits.maxAliases}.`),
    ),
    maxDirectivesPlugin(
      reportAs('directives', limits.maxDirectives, (found) => `This operation uses ${found} directives, more than the limit of ${limits.maxDirectives}.`),
    ),
    maxDepthPlugin({
      ...reportAs('depth', limits.maxDepth, (found) => `This operation nests fields ${found} levels deep, more than the limit of ${limits.maxDepth}.`),
      // Depth is the nesting of fields: spreading a fragment adds no level.
      flattenFragments: true,
      // Introspection counts too: types → fields → type → fields → ... multiplies like any list, and nothing
      // else bounds it (its fields cost nothing). The standard introspection query (GraphiQL's) nests 15 deep.
      ignoreIntrospection: false,
    }),
  ];
  if (!options.introspection) {
    plugins.push(useValidationRule(NoSchemaIntrospectionCustomRule), blockFieldSuggestionsPlugin({ mask: '' }));
  }
  return plugins;
}
