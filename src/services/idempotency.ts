// Stripe's Idempotency-Key for mutations that create things: a replay with the
// same key and input returns the first result and creates nothing; the same
// key with another input is refused. The key is recorded in the same
// transaction as what it created, so a rolled-back request leaves no key.
import { createHash } from 'node:crypto';
import type { TransactionClient } from '../db/client.ts';
import { findIdempotencyKey, recordIdempotencyKey } from '../db/idempotency.ts';
import { UserInputError } from '../domain/errors.ts';
import { INPUT_LIMITS } from '../domain/input-limits.ts';
import type { Viewer } from '../domain/viewer.ts';
import { WriteConflict } from './unit-of-work.ts';

export const MAX_IDEMPOTENCY_KEY_LENGTH = INPUT_LIMITS.idempotencyKey;

export interface IdempotentResult {
  id: string;
  /** True when this is a replay of an earlier request: nothing was done. */
  replayed: boolean;
}

function callerScope(viewer: Viewer) {
  return { platformId: viewer.platformId, livemode: viewer.livemode, scope: viewer.accountId ?? viewer.platformId };
}

/** Canonical JSON (sorted keys, bigint as text), so one input always hashes the same. */
function canonical(value: unknown): string {
  if (typeof value === 'bigint') return JSON.stringify(value.toString());
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** Runs `create` unless the key was used before; the second return says which. */
export async function idempotently(
  tx: TransactionClient,
  viewer: Viewer,
  key: string | null | undefined,
  operation: string,
  input: unknown,
  create: () => Promise<string>,
): Promise<IdempotentResult> {
  if (key == null) return { id: await create(), replayed: false };
  if (key.length === 0 || key.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
    throw new UserInputError(
      'parameter_invalid',
      `The idempotency key must be 1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} characters long.`,
      ['idempotencyKey'],
    );
  }
  const requestHash = createHash('sha256').update(`${operation}\n${canonical(input)}`).digest('hex');
  const scope = callerScope(viewer);
  const previous = await findIdempotencyKey(tx, scope, key);
  if (previous) {
    if (previous.operation !== operation || previous.requestHash !== requestHash) {
      throw new UserInputError(
        'idempotency_key_in_use',
        `The idempotency key "${key}" was already used with ${previous.operation === operation ? 'a different input' : previous.operation}: ` +
          'use a new key for a different request.',
        ['idempotencyKey'],
      );
    }
    return { id: previous.resultId, replayed: true };
  }
  const id = await create();
  // A concurrent request with the same key recorded it first: this one rolls back and answers as its replay.
  const recorded = await recordIdempotencyKey(tx, scope, { key, operation, requestHash, resultId: id });
  if (!recorded.ok) throw new WriteConflict(recorded.code);
  return { id, replayed: false };
}
