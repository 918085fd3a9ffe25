-- CreateEnum
CREATE TYPE "CreditReversalStatus" AS ENUM ('processing', 'posted', 'canceled');

-- CreateTable
CREATE TABLE "CreditReversal" (
    "id" TEXT NOT NULL,
    "platformId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "livemode" BOOLEAN NOT NULL DEFAULT false,
    "financialAccountId" TEXT NOT NULL,
    "receivedCreditId" TEXT NOT NULL,
    "amount" BIGINT NOT NULL,
    "currency" TEXT NOT NULL,
    "metadata" JSONB NOT NULL DEFAULT '{}',
    "network" TEXT NOT NULL,
    "status" "CreditReversalStatus" NOT NULL,
    "transactionId" TEXT NOT NULL,
    "postedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CreditReversal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CreditReversal_receivedCreditId_key" ON "CreditReversal"("receivedCreditId");

-- CreateIndex
CREATE INDEX "CreditReversal_financialAccountId_createdAt_id_idx" ON "CreditReversal"("financialAccountId", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "CreditReversal_status_createdAt_idx" ON "CreditReversal"("status", "createdAt");
