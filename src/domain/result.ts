// Expected failures of the pure rules, returned as data rather than thrown, so a
// service can collect several, choose how to report them, and never mistake one
// for a bug. `toUserInputError` turns one into the error the GraphQL layer
// already reports as a user error (Stripe's code, the offending field).
import { UserInputError } from './errors.ts';

/** A refused input or transition: Stripe's error code where one exists, and the path of the offending field. */
export interface Failure {
  ok: false;
  code: string;
  message: string;
  /** Path of the offending input (e.g. ['statementDescriptor']); empty when no single field is at fault. */
  field: string[];
}

export type Ok<T> = { ok: true; value: T };
export type Result<T> = Ok<T> | Failure;

export function ok<T>(value: T): Ok<T> {
  return { ok: true, value };
}

export function failure(code: string, message: string, field: string[] = []): Failure {
  return { ok: false, code, message, field };
}

/** The failure as the UserInputError the GraphQL layer reports as a user error. */
export function toUserInputError(f: Failure): UserInputError {
  return new UserInputError(f.code, f.message, f.field);
}

/** The value, or the failure thrown as a UserInputError: for services that stop at the first refusal. */
export function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw toUserInputError(result);
  return result.value;
}
