// Custom scalars: times, money and metadata.
import { GraphQLError, Kind } from 'graphql';
import { builder } from './builder.ts';

const MAX_MINOR_UNITS = BigInt(Number.MAX_SAFE_INTEGER);

builder.scalarType('DateTime', {
  description: 'A point in time, as an ISO 8601 string in UTC (e.g. 2026-11-21T05:42:00.000Z).',
  serialize: (value) => {
    if (!(value instanceof Date)) throw new TypeError('DateTime can only serialize a Date');
    return value.toISOString();
  },
  parseValue: (value) => parseDateTime(value),
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('DateTime must be an ISO 8601 string.', { nodes: ast });
    return parseDateTime(ast.value);
  },
});

function parseDateTime(value: unknown): Date {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2}))?$/.test(value)) {
    const date = new Date(value);
    if (!Number.isNaN(date.getTime())) return date;
  }
  throw new GraphQLError(`DateTime must be an ISO 8601 string such as 2026-11-21T05:42:00Z; got ${JSON.stringify(value)}.`);
}

builder.scalarType('MinorUnits', {
  description:
    'An amount of money in the currency\'s minor unit (cents for usd), signed as Stripe signs it. ' +
    'An integer of up to ±(2^53−1), serialized as a JSON number; never a float, never truncated.',
  serialize: (value) => {
    const amount = typeof value === 'bigint' ? value : BigInt(value as number);
    if (amount > MAX_MINOR_UNITS || amount < -MAX_MINOR_UNITS) {
      // Refuse rather than let a JSON number lose precision.
      throw new GraphQLError(`The amount ${amount} cannot be represented exactly in JSON.`);
    }
    return Number(amount);
  },
  parseValue: (value) => parseMinorUnits(value),
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.INT) {
      throw new GraphQLError('MinorUnits must be an integer number of minor units (e.g. 1099 for $10.99).', { nodes: ast });
    }
    return parseMinorUnits(BigInt(ast.value));
  },
});

function parseMinorUnits(value: unknown): bigint {
  let amount: bigint | undefined;
  if (typeof value === 'bigint') amount = value;
  else if (typeof value === 'number' && Number.isInteger(value)) amount = BigInt(value);
  if (amount === undefined) {
    throw new GraphQLError(
      `MinorUnits must be an integer number of minor units (e.g. 1099 for $10.99); got ${JSON.stringify(value)}.`,
    );
  }
  if (amount > MAX_MINOR_UNITS || amount < -MAX_MINOR_UNITS) {
    throw new GraphQLError(`MinorUnits must be within ±${MAX_MINOR_UNITS}; got ${amount}.`);
  }
  return amount;
}

builder.scalarType('Metadata', {
  description:
    'Stripe metadata: a JSON object of string keys to string values (at most 50 keys, keys up to 40 characters, values up to 500).',
  serialize: (value) => value,
  parseValue: (value) => parseMetadata(value),
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.OBJECT) throw new GraphQLError('Metadata must be an object of strings.', { nodes: ast });
    const out: Record<string, unknown> = {};
    for (const field of ast.fields) {
      out[field.name.value] = field.value.kind === Kind.STRING ? field.value.value : undefined;
    }
    return parseMetadata(out);
  },
});

function parseMetadata(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new GraphQLError('Metadata must be a JSON object of string keys to string values.');
  }
  for (const [key, entry] of Object.entries(value)) {
    if (typeof entry !== 'string') throw new GraphQLError(`Metadata value of "${key}" must be a string.`);
  }
  return value as Record<string, string>;
}

builder.scalarType('JSON', {
  description: 'Any JSON value. Used for event payloads, which carry objects in Stripe\'s own JSON shape.',
  serialize: (value) => value,
  parseValue: () => {
    throw new GraphQLError('JSON is an output type only.');
  },
  parseLiteral: (ast) => {
    throw new GraphQLError('JSON is an output type only.', { nodes: ast });
  },
});
