// Expected failures are data: each carries Stripe's error code where one exists
// and the path of the offending input. Queries report them as GraphQL errors
// (code BAD_USER_INPUT); mutations return them as `userErrors`.

export class UserInputError extends Error {
  override readonly name = 'UserInputError';
  constructor(
    /** Stripe's error code (`parameter_invalid_integer`, `resource_missing`, ...). */
    readonly code: string,
    message: string,
    /** Path of the offending argument or input field, e.g. ['filter', 'postedAt']. */
    readonly field: string[] = [],
    /** More facts for the client, e.g. the limit that was broken and the value asked for. */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** The request carries no valid credential, or one that has expired. */
export class AuthenticationError extends Error {
  override readonly name = 'AuthenticationError';
}

/** The credential is valid but may not do this (e.g. an account session calling a platform-only mutation). */
export class PermissionError extends Error {
  override readonly name = 'PermissionError';
}
