// Stripe's metadata rules: at most 50 keys, keys up to 40 characters, values up
// to 500; on update an empty value removes its key, and an empty metadata (`{}`) removes every key.
import { UserInputError } from './errors.ts';

export const METADATA_LIMITS = { keys: 50, keyLength: 40, valueLength: 500 } as const;

/** The metadata after applying `changes` to `current` (empty values remove keys; `{}` removes all), validated. */
export function mergeMetadata(
  current: Record<string, string>,
  changes: Record<string, string> | null | undefined,
  field: string[] = ['metadata'],
): Record<string, string> {
  if (!changes) return current;
  if (Object.keys(changes).length === 0) return {};
  const next: Record<string, string> = { ...current };
  for (const [key, value] of Object.entries(changes)) {
    if (key.length === 0) throw new UserInputError('parameter_invalid_empty', 'Metadata keys cannot be empty.', field);
    if (key.length > METADATA_LIMITS.keyLength) {
      throw new UserInputError(
        'parameter_invalid_string_too_long',
        `Metadata key "${key.slice(0, 60)}" is ${key.length} characters; at most ${METADATA_LIMITS.keyLength} are allowed.`,
        [...field, key],
      );
    }
    if (value.length > METADATA_LIMITS.valueLength) {
      throw new UserInputError(
        'parameter_invalid_string_too_long',
        `Metadata value of "${key}" is ${value.length} characters; at most ${METADATA_LIMITS.valueLength} are allowed.`,
        [...field, key],
      );
    }
    if (value === '') delete next[key];
    else next[key] = value;
  }
  if (Object.keys(next).length > METADATA_LIMITS.keys) {
    throw new UserInputError(
      'parameter_invalid',
      `Metadata can have at most ${METADATA_LIMITS.keys} keys; this would make ${Object.keys(next).length}.`,
      field,
    );
  }
  return next;
}
