// GraphQL enums over Stripe's values: UPPER_SNAKE names, Stripe's lowercase
// values inside (`OUTBOUND_TRANSFER` ⇄ 'outbound_transfer').
import { builder } from './builder.ts';

export function stripeEnum<const V extends string>(
  name: string,
  values: readonly V[],
  options: { description: string; valueDescriptions?: Partial<Record<V, string>> },
) {
  return builder.enumType(name, {
    description: options.description,
    values: Object.fromEntries(
      values.map((value) => [
        value.replace(/[.]/g, '_').toUpperCase(),
        { value, description: options.valueDescriptions?.[value] },
      ]),
    ) as Record<string, { value: V; description?: string }>,
  });
}

/** Whether a text is one of the values. */
export function isOneOf<V extends string>(values: readonly V[], text: string): text is V {
  return (values as readonly string[]).includes(text);
}

/**
 * A column stored as text (Prisma types it `string`), read as one of the enum's
 * values. The services store only the domain's values, so anything else (null
 * too, where the field needs a value) is a bug: it fails the field, as GraphQL's
 * serialization of the enum would.
 */
export function storedValue<V extends string>(values: readonly V[], stored: string | null): V {
  if (stored !== null && isOneOf(values, stored)) return stored;
  throw new Error(`Stored value ${JSON.stringify(stored)} is not one of ${values.join(', ')}.`);
}
