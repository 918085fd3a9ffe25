// Payment methods (external US bank accounts): written inside the caller's
// transaction, and read through the request's viewer-scoped loaders, which
// live here beside the store and are registered in loaders.ts.
import { Prisma } from './generated/client.ts';
import type { PaymentMethod, PrismaClient } from './generated/client.ts';
import type { TransactionClient } from './client.ts';
import type { Viewer } from '../domain/viewer.ts';
import type { Page, PageRequest } from '../domain/pagination.ts';
import type { PaymentMethodType } from '../domain/payment-methods.ts';
import type { KeysetQuery } from './keyset.ts';
import type { PageLoaderKit } from './loader-kit.ts';
import { ownedBy, ownedBySql } from './scope.ts';

export type NewPaymentMethod = Omit<Prisma.PaymentMethodUncheckedCreateInput, 'metadata' | 'createdAt'> & {
  metadata: Record<string, string>;
  createdAt?: Date;
};

export function createPaymentMethod(tx: TransactionClient, paymentMethod: NewPaymentMethod): Promise<PaymentMethod> {
  const { createdAt, ...data } = paymentMethod;
  return tx.paymentMethod.create({ data: { ...data, ...(createdAt ? { createdAt } : {}) } });
}

const BANK_ACCOUNT_LOCK_CLASS = 0x706d; // "pm"

/**
 * The fingerprint the platform's payment methods with these numbers already
 * carry (in this mode), or null when none has them: one bank account, one
 * fingerprint, without the fingerprint revealing the numbers.
 */
export async function fingerprintOf(
  tx: TransactionClient,
  scope: { platformId: string; livemode: boolean },
  routingNumber: string,
  accountNumber: string,
): Promise<string | null> {
  // Creates of one bank account take turns until they commit, so two at once cannot both find
  // none and give the same account two fingerprints. The two-key lock space is apart from the
  // event log's one-key lock (db/events.ts); a hash collision only makes unrelated creates wait.
  const key = `${scope.platformId}:${scope.livemode}:${routingNumber}:${accountNumber}`;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${BANK_ACCOUNT_LOCK_CLASS}::int4, hashtext(${key}))`;
  const existing = await tx.paymentMethod.findFirst({
    where: { platformId: scope.platformId, livemode: scope.livemode, routingNumber, accountNumber },
    select: { fingerprint: true },
  });
  return existing?.fingerprint ?? null;
}

export interface PaymentMethodFilter {
  type?: PaymentMethodType | null;
}

/** The viewer's payment methods by id, and each connected account's page of them (one statement for all accounts). */
export function paymentMethodLoaders(prisma: PrismaClient, viewer: Viewer, kit: PageLoaderKit) {
  const paymentMethod = kit.byId<PaymentMethod>((ids) => prisma.paymentMethod.findMany({ where: { id: { in: ids }, ...ownedBy(viewer) } }));
  return {
    paymentMethod,
    /** A connected account's payment methods, newest first. */
    paymentMethodsPage(accountId: string, filter: PaymentMethodFilter | null | undefined, request: PageRequest): Promise<Page<PaymentMethod>> {
      const query: KeysetQuery = {
        table: 'PaymentMethod',
        parentColumn: 'accountId',
        orderColumn: 'createdAt',
        where: [ownedBySql(viewer), ...(filter?.type ? [Prisma.sql`t."type" = ${filter.type}::"PaymentMethodType"`] : [])],
      };
      return kit.pageLoader(kit.pageKey('paymentMethods', filter, request), query, request, paymentMethod).load(accountId);
    },
  };
}

/** The payment method if the viewer may see it. */
export function findPaymentMethod(tx: TransactionClient, viewer: Viewer, id: string): Promise<PaymentMethod | null> {
  return tx.paymentMethod.findFirst({ where: { id, ...ownedBy(viewer) } });
}
