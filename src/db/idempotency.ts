// Idempotency keys, recorded in the same transaction as what they created.
import type { IdempotencyKey } from './generated/client.ts';
import { unlessTaken, type TransactionClient, type Written } from './client.ts';

/** Whose key: keys belong to the caller's platform, mode and account scope. */
export interface KeyScope {
  platformId: string;
  livemode: boolean;
  scope: string;
}

export function findIdempotencyKey(tx: TransactionClient, scope: KeyScope, key: string): Promise<IdempotencyKey | null> {
  return tx.idempotencyKey.findUnique({ where: { platformId_livemode_scope_key: { ...scope, key } } });
}

/** Records a key; `idempotency_key_taken` when a concurrent request recorded it first (the transaction must then end). */
export function recordIdempotencyKey(
  tx: TransactionClient,
  scope: KeyScope,
  record: { key: string; operation: string; requestHash: string; resultId: string },
): Promise<Written<IdempotencyKey, 'idempotency_key_taken'>> {
  return unlessTaken('idempotency_key_taken', () => tx.idempotencyKey.create({ data: { ...scope, ...record } }));
}
