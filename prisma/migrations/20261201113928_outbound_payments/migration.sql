-- CreateEnum
CREATE TYPE "OutboundPaymentStatus" AS ENUM ('processing', 'posted', 'failed', 'canceled', 'returned');

-- CreateTable
CREATE TABLE "OutboundPayment" (
    "id" TEXT NOT NULL,
    "platformId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "livemode" BOOLEAN NOT NULL DEFAULT false,
    "financialAccountId" TEXT NOT NULL,
    "amount" BIGINT NOT NULL,
    "currency" TEXT NOT NULL,
    "customer" TEXT,
    "description" TEXT,
    "statementDescriptor" TEXT NOT NULL,
    "metadata" JSONB NOT NULL DEFAULT '{}',
    "status" "OutboundPaymentStatus" NOT NULL,
    "cancelable" BOOLEAN NOT NULL,
    "destinationType" TEXT NOT NULL,
    "destinationPaymentMethod" TEXT,
    "destinationFinancialAccountId" TEXT,
    "destinationAccountNumber" TEXT,
    "network" TEXT NOT NULL,
    "destinationDetails" JSONB NOT NULL,
    "endUserPresent" BOOLEAN NOT NULL,
    "endUserIpAddress" TEXT,
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

    CONSTRAINT "OutboundPayment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "OutboundPayment_financialAccountId_createdAt_id_idx" ON "OutboundPayment"("financialAccountId", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "OutboundPayment_status_network_createdAt_idx" ON "OutboundPayment"("status", "network", "createdAt");
