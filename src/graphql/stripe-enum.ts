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
