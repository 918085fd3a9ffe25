-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "AccountKind" AS ENUM ('platform', 'connected');

-- CreateEnum
CREATE TYPE "CapabilityName" AS ENUM ('treasury', 'card_issuing', 'us_bank_account_ach_payments', 'transfers');

-- CreateEnum
CREATE TYPE "CapabilityStatus" AS ENUM ('active', 'inactive', 'pending');

-- CreateEnum
CREATE TYPE "FinancialAccountStatus" AS ENUM ('open', 'closed');

-- CreateEnum
CREATE TYPE "FinancialAccountClosedReason" AS ENUM ('account_rejected', 'closed_by_platform', 'other');

-- CreateEnum
CREATE TYPE "PlatformRestriction" AS ENUM ('restricted', 'unrestricted');

-- CreateEnum
CREATE TYPE "Feature" AS ENUM ('card_issuing', 'deposit_insurance', 'financial_addresses_aba', 'inbound_transfers_ach', 'intra_stripe_flows', 'outbound_payments_ach', 'outbound_payments_us_domestic_wire', 'outbound_transfers_ach', 'outbound_transfers_us_domestic_wire');

-- CreateEnum
CREATE TYPE "FeatureStatus" AS ENUM ('active', 'pending', 'restricted');

-- CreateEnum
CREATE TYPE "FinancialAddressType" AS ENUM ('aba');

-- CreateEnum
CREATE TYPE "TransactionStatus" AS ENUM ('open', 'posted', 'void');

-- CreateEnum
CREATE TYPE "FlowType" AS ENUM ('credit_reversal', 'debit_reversal', 'inbound_transfer', 'issuing_authorization', 'other', 'outbound_payment', 'outbound_transfer', 'received_credit', 'received_debit');

-- CreateEnum
CREATE TYPE "TransactionEntryType" AS ENUM ('credit_reversal', 'credit_reversal_posting', 'debit_reversal', 'inbound_transfer', 'inbound_transfer_return', 'issuing_authorization_hold', 'issuing_authorization_release', 'other', 'outbound_payment', 'outbound_payment_cancellation', 'outbound_payment_failure', 'outbound_payment_posting', 'outbound_payment_return', 'outbound_transfer', 'outbound_transfer_cancellation', 'outbound_transfer_failure', 'outbound_transfer_posting', 'outbound_transfer_return', 'received_credit', 'received_debit');

-- CreateTable
CREATE TABLE "Account" (
    "id" TEXT NOT NULL,
    "kind" "AccountKind" NOT NULL,
    "platformId" TEXT NOT NULL,
    "livemode" BOOLEAN NOT NULL DEFAULT false,
    "displayName" TEXT,
    "email" TEXT,
    "country" TEXT NOT NULL DEFAULT 'US',
    "metadata" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Account_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AccountCapability" (
    "accountId" TEXT NOT NULL,
    "name" "CapabilityName" NOT NULL,
    "requested" BOOLEAN NOT NULL DEFAULT true,
    "status" "CapabilityStatus" NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AccountCapability_pkey" PRIMARY KEY ("accountId","name")
);

-- CreateTable
CREATE TABLE "ApiKey" (
    "id" TEXT NOT NULL,
    "platformId" TEXT NOT NULL,
    "livemode" BOOLEAN NOT NULL,
    "secretHash" TEXT NOT NULL,
    "last4" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMPTZ(3),

    CONSTRAINT "ApiKey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AccountSession" (
    "id" TEXT NOT NULL,
    "platformId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "livemode" BOOLEAN NOT NULL,
    "secretHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AccountSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FinancialAccount" (
    "id" TEXT NOT NULL,
    "platformId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "livemode" BOOLEAN NOT NULL DEFAULT false,
    "country" TEXT NOT NULL DEFAULT 'US',
    "status" "FinancialAccountStatus" NOT NULL DEFAULT 'open',
    "closedReasons" "FinancialAccountClosedReason"[] DEFAULT ARRAY[]::"FinancialAccountClosedReason"[],
    "nickname" TEXT,
    "isDefault" BOOLEAN NOT NULL DEFAULT false,
    "metadata" JSONB NOT NULL DEFAULT '{}',
    "supportedCurrencies" TEXT[],
    "inboundFlows" "PlatformRestriction",
    "outboundFlows" "PlatformRestriction",
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" TIMESTAMPTZ(3),

    CONSTRAINT "FinancialAccount_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FeatureSetting" (
    "financialAccountId" TEXT NOT NULL,
    "feature" "Feature" NOT NULL,
    "requested" BOOLEAN NOT NULL,
    "status" "FeatureStatus" NOT NULL,
    "statusDetails" JSONB NOT NULL DEFAULT '[]',
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FeatureSetting_pkey" PRIMARY KEY ("financialAccountId","feature")
);

-- CreateTable
CREATE TABLE "FinancialAddress" (
    "id" TEXT NOT NULL,
    "financialAccountId" TEXT NOT NULL,
    "type" "FinancialAddressType" NOT NULL,
    "accountHolderName" TEXT NOT NULL,
    "accountNumber" TEXT NOT NULL,
    "accountNumberLast4" TEXT NOT NULL,
    "bankName" TEXT NOT NULL,
    "routingNumber" TEXT NOT NULL,
    "supportedNetworks" TEXT[],
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FinancialAddress_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Transaction" (
    "id" TEXT NOT NULL,
    "platformId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "financialAccountId" TEXT NOT NULL,
    "livemode" BOOLEAN NOT NULL DEFAULT false,
    "amount" BIGINT NOT NULL,
    "currency" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "status" "TransactionStatus" NOT NULL,
    "postedAt" TIMESTAMPTZ(3),
    "voidAt" TIMESTAMPTZ(3),
    "flow" TEXT NOT NULL,
    "flowType" "FlowType" NOT NULL,
    "cashImpact" BIGINT NOT NULL DEFAULT 0,
    "inboundPendingImpact" BIGINT NOT NULL DEFAULT 0,
    "outboundPendingImpact" BIGINT NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Transaction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TransactionEntry" (
    "id" TEXT NOT NULL,
    "platformId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "financialAccountId" TEXT NOT NULL,
    "transactionId" TEXT NOT NULL,
    "livemode" BOOLEAN NOT NULL DEFAULT false,
    "currency" TEXT NOT NULL,
    "cashImpact" BIGINT NOT NULL DEFAULT 0,
    "inboundPendingImpact" BIGINT NOT NULL DEFAULT 0,
    "outboundPendingImpact" BIGINT NOT NULL DEFAULT 0,
    "effectiveAt" TIMESTAMPTZ(3) NOT NULL,
    "type" "TransactionEntryType" NOT NULL,
    "flow" TEXT NOT NULL,
    "flowType" "FlowType" NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TransactionEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Account_platformId_createdAt_id_idx" ON "Account"("platformId", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_secretHash_key" ON "ApiKey"("secretHash");

-- CreateIndex
CREATE UNIQUE INDEX "AccountSession_secretHash_key" ON "AccountSession"("secretHash");

-- CreateIndex
CREATE INDEX "FinancialAccount_accountId_createdAt_id_idx" ON "FinancialAccount"("accountId", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "FinancialAccount_platformId_createdAt_id_idx" ON "FinancialAccount"("platformId", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "FinancialAccount_accountId_nickname_key" ON "FinancialAccount"("accountId", "nickname");

-- CreateIndex
CREATE INDEX "FinancialAddress_financialAccountId_idx" ON "FinancialAddress"("financialAccountId");

-- CreateIndex
CREATE INDEX "Transaction_financialAccountId_createdAt_id_idx" ON "Transaction"("financialAccountId", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Transaction_financialAccountId_postedAt_id_idx" ON "Transaction"("financialAccountId", "postedAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Transaction_platformId_createdAt_id_idx" ON "Transaction"("platformId", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Transaction_flow_idx" ON "Transaction"("flow");

-- CreateIndex
CREATE INDEX "TransactionEntry_transactionId_createdAt_id_idx" ON "TransactionEntry"("transactionId", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "TransactionEntry_financialAccountId_createdAt_id_idx" ON "TransactionEntry"("financialAccountId", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "TransactionEntry_financialAccountId_effectiveAt_id_idx" ON "TransactionEntry"("financialAccountId", "effectiveAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "TransactionEntry_financialAccountId_currency_idx" ON "TransactionEntry"("financialAccountId", "currency");

-- AddForeignKey
ALTER TABLE "Account" ADD CONSTRAINT "Account_platformId_fkey" FOREIGN KEY ("platformId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccountCapability" ADD CONSTRAINT "AccountCapability_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiKey" ADD CONSTRAINT "ApiKey_platformId_fkey" FOREIGN KEY ("platformId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccountSession" ADD CONSTRAINT "AccountSession_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FinancialAccount" ADD CONSTRAINT "FinancialAccount_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeatureSetting" ADD CONSTRAINT "FeatureSetting_financialAccountId_fkey" FOREIGN KEY ("financialAccountId") REFERENCES "FinancialAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FinancialAddress" ADD CONSTRAINT "FinancialAddress_financialAccountId_fkey" FOREIGN KEY ("financialAccountId") REFERENCES "FinancialAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Transaction" ADD CONSTRAINT "Transaction_financialAccountId_fkey" FOREIGN KEY ("financialAccountId") REFERENCES "FinancialAccount"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TransactionEntry" ADD CONSTRAINT "TransactionEntry_financialAccountId_fkey" FOREIGN KEY ("financialAccountId") REFERENCES "FinancialAccount"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TransactionEntry" ADD CONSTRAINT "TransactionEntry_transactionId_fkey" FOREIGN KEY ("transactionId") REFERENCES "Transaction"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
