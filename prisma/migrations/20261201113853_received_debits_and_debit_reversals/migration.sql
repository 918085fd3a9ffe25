-- CreateEnum
CREATE TYPE "ReceivedDebitStatus" AS ENUM ('succeeded', 'failed');

-- CreateEnum
CREATE TYPE "DebitReversalStatus" AS ENUM ('processing', 'succeeded', 'failed');

-- CreateTable
CREATE TABLE "ReceivedDebit" (
    "id" TEXT NOT NULL,
    "platformId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "livemode" BOOLEAN NOT NULL DEFAULT false,
    "financialAccountId" TEXT NOT NULL,
    "amount" BIGINT NOT NULL,
    "currency" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "status" "ReceivedDebitStatus" NOT NULL,
    "failureCode" TEXT,
    "network" TEXT NOT NULL,
    "initiatingPaymentMethodDetails" JSONB NOT NULL,
    "inboundTransferId" TEXT,
    "debitReversalId" TEXT,
    "transactionId" TEXT,
    "reversalDeadline" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReceivedDebit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DebitReversal" (
    "id" TEXT NOT NULL,
    "platformId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "livemode" BOOLEAN NOT NULL DEFAULT false,
    "financialAccountId" TEXT NOT NULL,
    "receivedDebitId" TEXT NOT NULL,
    "amount" BIGINT NOT NULL,
    "currency" TEXT NOT NULL,
    "network" TEXT NOT NULL,
    "status" "DebitReversalStatus" NOT NULL,
    "metadata" JSONB NOT NULL DEFAULT '{}',
    "transactionId" TEXT,
    "completedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DebitReversal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReceivedDebit_financialAccountId_createdAt_id_idx" ON "ReceivedDebit"("financialAccountId", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "DebitReversal_receivedDebitId_key" ON "DebitReversal"("receivedDebitId");

-- CreateIndex
CREATE INDEX "DebitReversal_financialAccountId_createdAt_id_idx" ON "DebitReversal"("financialAccountId", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "DebitReversal_status_createdAt_idx" ON "DebitReversal"("status", "createdAt");
