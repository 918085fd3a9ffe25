-- CreateEnum
CREATE TYPE "OutboundTransferStatus" AS ENUM ('processing', 'posted', 'failed', 'canceled', 'returned');

-- CreateEnum
CREATE TYPE "ReceivedCreditStatus" AS ENUM ('succeeded', 'failed');

-- CreateTable
CREATE TABLE "OutboundTransfer" (
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
    "status" "OutboundTransferStatus" NOT NULL,
    "cancelable" BOOLEAN NOT NULL,
    "destinationType" TEXT NOT NULL,
    "destinationPaymentMethod" TEXT,
    "destinationFinancialAccountId" TEXT,
    "network" TEXT NOT NULL,
    "destinationDetails" JSONB NOT NULL,
    "expectedArrivalDate" TIMESTAMPTZ(3) NOT NULL,
    "transactionId" TEXT NOT NULL,
    "returnTransactionId" TEXT,
    "returnedCode" TEXT,
    "trackingDetails" JSONB,
    "receivedCreditId" TEXT,
    "postedAt" TIMESTAMPTZ(3),
    "failedAt" TIMESTAMPTZ(3),
    "canceledAt" TIMESTAMPTZ(3),
    "returnedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OutboundTransfer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReceivedCredit" (
    "id" TEXT NOT NULL,
    "platformId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "livemode" BOOLEAN NOT NULL DEFAULT false,
    "financialAccountId" TEXT NOT NULL,
    "amount" BIGINT NOT NULL,
    "currency" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "status" "ReceivedCreditStatus" NOT NULL,
    "failureCode" TEXT,
    "network" TEXT NOT NULL,
    "initiatingPaymentMethodDetails" JSONB NOT NULL,
    "sourceFlow" TEXT,
    "sourceFlowType" TEXT,
    "transactionId" TEXT,
    "reversalDeadline" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReceivedCredit_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "OutboundTransfer_financialAccountId_createdAt_id_idx" ON "OutboundTransfer"("financialAccountId", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "ReceivedCredit_financialAccountId_createdAt_id_idx" ON "ReceivedCredit"("financialAccountId", "createdAt" DESC, "id" DESC);
