-- CreateTable
CREATE TABLE "Event" (
    "id" TEXT NOT NULL,
    "sequence" BIGSERIAL NOT NULL,
    "platformId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "livemode" BOOLEAN NOT NULL,
    "type" TEXT NOT NULL,
    "objectId" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IdempotencyKey" (
    "platformId" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "livemode" BOOLEAN NOT NULL,
    "key" TEXT NOT NULL,
    "operation" TEXT NOT NULL,
    "requestHash" TEXT NOT NULL,
    "resultId" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IdempotencyKey_pkey" PRIMARY KEY ("platformId","livemode","scope","key")
);

-- CreateIndex
CREATE UNIQUE INDEX "Event_sequence_key" ON "Event"("sequence");

-- CreateIndex
CREATE INDEX "Event_platformId_livemode_sequence_idx" ON "Event"("platformId", "livemode", "sequence");

-- CreateIndex
CREATE INDEX "Event_accountId_livemode_sequence_idx" ON "Event"("accountId", "livemode", "sequence");

-- CreateIndex
CREATE INDEX "Event_platformId_createdAt_id_idx" ON "Event"("platformId", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Event_accountId_createdAt_id_idx" ON "Event"("accountId", "createdAt" DESC, "id" DESC);
