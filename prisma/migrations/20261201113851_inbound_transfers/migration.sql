-- CreateEnum
CREATE TYPE "InboundTransferStatus" AS ENUM ('processing', 'succeeded', 'failed', 'canceled');

-- CreateTable
CREATE TABLE "InboundTransfer" (
    "id" TEXT NOT NULL,
    "platformId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "livemode" BOOLEAN NOT NULL DEFAULT false,
    "financialAccountId" TEXT NOT NULL,
    "amount" BIGINT NOT NULL,
    "currency" TEXT NOT NULL,
    "description" TEXT,
    "statementDescriptor" TEXT NOT NULL,
    "metadata" JSONB NOT NULL DEFAULT '{}',
    "status" "InboundTransferStatus" NOT NULL,
    "cancelable" BOOLEAN NOT NULL,
    "originPaymentMethod" TEXT NOT NULL,
    "originPaymentMethodDetails" JSONB NOT NULL,
    "failureCode" TEXT,
    "transactionId" TEXT,
    "receivedDebitId" TEXT,
    "succeededAt" TIMESTAMPTZ(3),
    "failedAt" TIMESTAMPTZ(3),
    "canceledAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InboundTransfer_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "InboundTransfer_financialAccountId_createdAt_id_idx" ON "InboundTransfer"("financialAccountId", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "InboundTransfer_financialAccountId_status_idx" ON "InboundTransfer"("financialAccountId", "status");
