-- CreateEnum
CREATE TYPE "PaymentMethodType" AS ENUM ('us_bank_account');

-- CreateEnum
CREATE TYPE "BankAccountHolderType" AS ENUM ('company', 'individual');

-- CreateEnum
CREATE TYPE "BankAccountType" AS ENUM ('checking', 'savings');

-- CreateTable
CREATE TABLE "PaymentMethod" (
    "id" TEXT NOT NULL,
    "platformId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "livemode" BOOLEAN NOT NULL DEFAULT false,
    "type" "PaymentMethodType" NOT NULL,
    "billingName" TEXT NOT NULL,
    "billingEmail" TEXT,
    "billingPhone" TEXT,
    "addressLine1" TEXT,
    "addressLine2" TEXT,
    "addressCity" TEXT,
    "addressState" TEXT,
    "addressPostalCode" TEXT,
    "addressCountry" TEXT,
    "routingNumber" TEXT NOT NULL,
    "accountNumber" TEXT NOT NULL,
    "last4" TEXT NOT NULL,
    "accountHolderType" "BankAccountHolderType",
    "accountType" "BankAccountType" NOT NULL,
    "bankName" TEXT,
    "fingerprint" TEXT NOT NULL,
    "metadata" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PaymentMethod_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PaymentMethod_accountId_createdAt_id_idx" ON "PaymentMethod"("accountId", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "PaymentMethod_platformId_livemode_routingNumber_accountNumb_idx" ON "PaymentMethod"("platformId", "livemode", "routingNumber", "accountNumber");

-- AddForeignKey
ALTER TABLE "PaymentMethod" ADD CONSTRAINT "PaymentMethod_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
