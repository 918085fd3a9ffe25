-- AlterTable
ALTER TABLE "Event" ADD COLUMN     "financialAccountIds" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateIndex
CREATE INDEX "Event_financialAccountIds_idx" ON "Event" USING GIN ("financialAccountIds");

-- Events written before this column: a financial account's own events touch that account.
UPDATE "Event" SET "financialAccountIds" = ARRAY["objectId"] WHERE "type" LIKE 'treasury.financial_account.%';
