// The features of financial accounts and the financial addresses they bring.
import type { FeatureSetting, FinancialAddress, Prisma } from './generated/client.ts';
import type { TransactionClient } from './client.ts';
import type { Feature, FeatureState } from '../domain/features.ts';

export function featureSettingsOf(tx: TransactionClient, financialAccountId: string): Promise<FeatureSetting[]> {
  return tx.featureSetting.findMany({ where: { financialAccountId }, orderBy: { feature: 'asc' } });
}

/** Writes a feature's requested flag and state: a new row, or (`exists`) the one already there. */
export async function saveFeatureSetting(
  tx: TransactionClient,
  financialAccountId: string,
  feature: Feature,
  setting: { requested: boolean } & FeatureState,
  options: { exists: boolean; at?: Date },
): Promise<void> {
  const data = {
    requested: setting.requested,
    status: setting.status,
    statusDetails: setting.statusDetails as unknown as Prisma.InputJsonValue,
    ...(options.at ? { updatedAt: options.at } : {}),
  };
  if (options.exists) await tx.featureSetting.update({ where: { financialAccountId_feature: { financialAccountId, feature } }, data });
  else await tx.featureSetting.create({ data: { financialAccountId, feature, ...data } });
}

export function createFinancialAddress(tx: TransactionClient, address: Prisma.FinancialAddressUncheckedCreateInput): Promise<FinancialAddress> {
  return tx.financialAddress.create({ data: address });
}

/** The financial accounts with a feature waiting for its activation (left behind by a restart, or another instance). */
export async function financialAccountsActivating(tx: TransactionClient): Promise<string[]> {
  const rows = await tx.$queryRaw<Array<{ financialAccountId: string }>>`
    SELECT DISTINCT "financialAccountId" FROM "FeatureSetting"
    WHERE "status" = 'pending' AND "statusDetails" @> '[{"code": "activating"}]'::jsonb`;
  return rows.map((row) => row.financialAccountId);
}
