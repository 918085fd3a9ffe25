// UserError: an expected failure of a mutation, returned as data.
import type { ObjectRef } from '@pothos/core';
import type { Context } from '../context.ts';
import { builder } from './builder.ts';
import { UserInputError } from '../domain/errors.ts';

/** A user error as the payload carries it: plain data, since graphql-js treats a returned Error as thrown. */
export interface UserErrorShape {
  code: string;
  message: string;
  field: string[];
}

export const UserError = builder.objectRef<UserErrorShape>('UserError').implement({
  description: 'Why a mutation did not happen. Nothing was changed.',
  fields: (t) => ({
    code: t.exposeString('code', {
      description: 'Stripe\'s error code where one exists (`resource_missing`, `parameter_invalid_empty`, ...).',
    }),
    message: t.exposeString('message', { description: 'What went wrong, for developers.' }),
    field: t.stringList({
      nullable: true,
      description: 'Path of the offending input field (e.g. ["input", "account"]); null when no one field is at fault.',
      resolve: (error) => (error.field.length ? ['input', ...error.field] : null),
    }),
  }),
});

/**
 * Runs a mutation's use case: an expected failure becomes `userErrors` in the
 * payload, anything else propagates (and is masked) as an internal error.
 */
export async function asPayload<T extends object>(
  ctx: { refreshLoaders(): void },
  run: () => Promise<T>,
): Promise<Partial<T> & { userErrors: UserErrorShape[] }> {
  try {
    const result = await run();
    // The payload must show the objects as the mutation left them, not as this request's loaders cached them.
    ctx.refreshLoaders();
    return { ...result, userErrors: [] };
  } catch (error) {
    if (!(error instanceof UserInputError)) throw error;
    const userError = { code: error.code, message: error.message, field: error.field };
    return { userErrors: [userError] } as Partial<T> & { userErrors: UserErrorShape[] };
  }
}

/** What a mutation that changes one object returns to its payload: that object's id, or why nothing happened. */
export type ObjectPayload = { id?: string; userErrors: UserErrorShape[] };

/**
 * The payload type of a mutation that changes one object: the object as the
 * mutation left it (under `field`), and `userErrors`.
 */
export function objectPayload(
  name: string,
  object: { field: string; label: string; type: ObjectRef<any, object>; load: (ctx: Context, id: string) => Promise<object | null> },
) {
  return builder.objectRef<ObjectPayload>(name).implement({
    fields: (t) => ({
      [object.field]: t.field({
        type: object.type,
        nullable: true,
        description: `The ${object.label} as the mutation left it; null when userErrors says why nothing happened.`,
        resolve: (p, _args, ctx) => (p.id ? object.load(ctx, p.id) : null),
      }),
      userErrors: t.field({ type: [UserError], description: 'Why nothing happened; empty on success.', resolve: (p) => p.userErrors }),
    }),
  });
}
