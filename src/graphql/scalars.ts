// Custom scalars: times, money and metadata.
import { GraphQLError, Kind } from 'graphql';
import { isoString } from '../domain/iso-time.ts';
import { builder } from './builder.ts';

const MAX_MINOR_UNITS = BigInt(Number.MAX_SAFE_INTEGER);

builder.scalarType('DateTime', {
  description:
    'A point in time, as an ISO 8601 string in UTC (e.g. 2026-11-21T05:42:00.000Z). As input, a date (2026-11-21, midnight UTC) ' +
    'or a date and time with seconds optional, up to 6 decimals and a `Z` or `±hh:mm` offset; it must exist in the calendar ' +
    '(no 2026-02-30, no 24:00) and lie in the years 1970 to 9999 (UTC).',
  serialize: (value) => {
    if (!(value instanceof Date)) throw new TypeError('DateTime can only serialize a Date');
    return isoString(value);
  },
  parseValue: (value) => parseDateTime(value),
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('DateTime must be an ISO 8601 string.', { nodes: ast });
    return parseDateTime(ast.value);
  },
});

// Stripe's times are unix seconds, so nothing it knows predates 1970; PostgreSQL's timestamps end in year 294276,
// JavaScript's Date in 275760: four-digit years keep every bound well inside both.
const EARLIEST_DATE_TIME = Date.UTC(1970, 0, 1);
const LATEST_DATE_TIME = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,6})?)?(Z|([+-])(\d{2}):(\d{2})))?$/;

// JavaScript's Date rolls impossible dates over (2026-02-30 becomes 2 March), so each part is checked first.
function parseDateTime(value: unknown): Date {
  const invalid = (why: string) =>
    new GraphQLError(
      `DateTime must be an ISO 8601 string such as 2026-11-21T05:42:00Z${why}; got ${JSON.stringify(value).slice(0, 80)}.`,
      { extensions: { code: 'BAD_USER_INPUT' } },
    );
  const match = typeof value === 'string' ? DATE_TIME.exec(value) : null;
  if (!match) throw invalid('');
  const [year, month, day, hour = 0, minute = 0, second = 0] = match.slice(1, 7).map((part) => (part === undefined ? undefined : Number(part)));
  const offsetHours = match[10] === undefined ? 0 : Number(match[10]);
  const offsetMinutes = match[11] === undefined ? 0 : Number(match[11]);
  const outOfRange = () => invalid(', between 1970-01-01T00:00:00Z and 9999-12-31T23:59:59.999Z');
  // Checked before Date.UTC, which reads years 0 to 99 as 1900 to 1999.
  if (year! < 1969) throw outOfRange();
  if (month! < 1 || month! > 12) throw invalid(`: there is no month ${month}`);
  const daysInMonth = new Date(Date.UTC(year!, month!, 0)).getUTCDate();
  if (day! < 1 || day! > daysInMonth) throw invalid(`: ${match[1]}-${match[2]} has ${daysInMonth} days`);
  if (hour! > 23 || minute! > 59 || second! > 59) throw invalid(': hours go to 23, minutes and seconds to 59');
  if (offsetHours > 23 || offsetMinutes > 59) throw invalid(': an offset is at most ±23:59');
  const millis = match[7] ? Math.floor(Number(match[7]) * 1000) : 0;
  const sign = match[9] === '-' ? -1 : 1;
  const time =
    Date.UTC(year!, month! - 1, day!, hour, minute, second, millis) - sign * (offsetHours * 60 + offsetMinutes) * 60_000;
  if (time < EARLIEST_DATE_TIME || time > LATEST_DATE_TIME) throw outOfRange();
  return new Date(time);
}

builder.scalarType('MinorUnits', {
  description:
    'An amount of money in the currency\'s minor unit (cents for usd), signed as Stripe signs it. ' +
    'An integer of up to ±(2^53−1), serialized as a JSON number; never a float, never truncated.',
  serialize: (value) => {
    // Exact or refused: a bigint beyond ±(2^53−1) converts to a number beyond it, never to a safe integer.
    const amount = typeof value === 'bigint' ? Number(value) : (value as number);
    if (!Number.isSafeInteger(amount)) {
      // Refuse rather than let a JSON number lose precision.
      throw new GraphQLError(`The amount ${String(value)} cannot be represented exactly in JSON.`, {
        extensions: { code: 'AMOUNT_NOT_REPRESENTABLE' },
      });
    }
    return amount;
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
    // fromEntries defines each key, `__proto__` included, where an assignment would set the prototype.
    const out = Object.fromEntries(
      ast.fields.map((field) => [field.name.value, field.value.kind === Kind.STRING ? field.value.value : undefined]),
    );
    return parseMetadata(out);
  },
});

function parseMetadata(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new GraphQLError('Metadata must be a JSON object of string keys to string values.');
  }
  for (const [key, entry] of Object.entries(value)) {
    // An assignment of this key would set the object's prototype instead, and the key would silently vanish.
    if (key === '__proto__') throw new GraphQLError('Metadata key "__proto__" is not allowed.', { extensions: { code: 'BAD_USER_INPUT' } });
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
