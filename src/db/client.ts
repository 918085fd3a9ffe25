// The client every store takes: the caller's transaction (or, for reads and
// writes outside a use case, the client itself), and the typed result a store
// returns instead of leaking a constraint violation.
import { Prisma, type PrismaClient } from './generated/client.ts';

export type TransactionClient = Prisma.TransactionClient;

/** A write the database refused because of one of its constraints, named for what it means. */
export type Refused<Code extends string> = { ok: false; code: Code };
export type Written<T, Code extends string> = { ok: true; value: T } | Refused<Code>;

/**
 * Runs a write; a unique violation becomes `{ ok: false, code }`. In
 * PostgreSQL the statement's failure has aborted the transaction, so the caller
 * must end it (throw) rather than go on writing.
 */
export async function unlessTaken<T, Code extends string>(code: Code, write: () => Promise<T>): Promise<Written<T, Code>> {
  try {
    return { ok: true, value: await write() };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') return { ok: false, code };
    throw error;
  }
}

/** Runs `work` in one database transaction: committed when it returns, rolled back when it throws. */
export function inTransaction<T>(prisma: PrismaClient, work: (tx: TransactionClient) => Promise<T>, options?: { timeoutMs?: number }): Promise<T> {
  const timeout = options?.timeoutMs ?? 15_000;
  return prisma.$transaction(work, { timeout, maxWait: timeout });
}
