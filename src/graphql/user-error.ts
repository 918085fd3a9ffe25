// UserError: an expected failure of a mutation, returned as data.
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
