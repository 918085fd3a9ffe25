-- CreateTable
CREATE TABLE "FinancialAccountBalance" (
    "financialAccountId" TEXT NOT NULL,
    "currency" TEXT NOT NULL,
    "cash" BIGINT NOT NULL DEFAULT 0,
    "inboundPending" BIGINT NOT NULL DEFAULT 0,
    "outboundPending" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "FinancialAccountBalance_pkey" PRIMARY KEY ("financialAccountId","currency")
);

-- AddForeignKey
ALTER TABLE "FinancialAccountBalance" ADD CONSTRAINT "FinancialAccountBalance_financialAccountId_fkey" FOREIGN KEY ("financialAccountId") REFERENCES "FinancialAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The balances follow the entries. Statement-level triggers with transition
-- tables add each statement's entries per account and currency in one
-- upsert, so a bulk insert of many entries costs one aggregate, not a
-- trigger call per row. Concurrent writers to one account queue on its
-- balance row, and each adds its own delta.
CREATE FUNCTION "apply_entries_to_balances"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO "FinancialAccountBalance" ("financialAccountId", "currency", "cash", "inboundPending", "outboundPending")
    SELECT "financialAccountId", "currency", SUM("cashImpact"), SUM("inboundPendingImpact"), SUM("outboundPendingImpact")
    FROM new_entries
    GROUP BY "financialAccountId", "currency"
    ON CONFLICT ("financialAccountId", "currency") DO UPDATE SET
      "cash" = "FinancialAccountBalance"."cash" + EXCLUDED."cash",
      "inboundPending" = "FinancialAccountBalance"."inboundPending" + EXCLUDED."inboundPending",
      "outboundPending" = "FinancialAccountBalance"."outboundPending" + EXCLUDED."outboundPending";
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO "FinancialAccountBalance" ("financialAccountId", "currency", "cash", "inboundPending", "outboundPending")
    SELECT "financialAccountId", "currency", -SUM("cashImpact"), -SUM("inboundPendingImpact"), -SUM("outboundPendingImpact")
    FROM old_entries
    GROUP BY "financialAccountId", "currency"
    ON CONFLICT ("financialAccountId", "currency") DO UPDATE SET
      "cash" = "FinancialAccountBalance"."cash" + EXCLUDED."cash",
      "inboundPending" = "FinancialAccountBalance"."inboundPending" + EXCLUDED."inboundPending",
      "outboundPending" = "FinancialAccountBalance"."outboundPending" + EXCLUDED."outboundPending";
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "TransactionEntry_balances_after_insert" AFTER INSERT ON "TransactionEntry"
  REFERENCING NEW TABLE AS new_entries FOR EACH STATEMENT EXECUTE FUNCTION "apply_entries_to_balances"();
CREATE TRIGGER "TransactionEntry_balances_after_update" AFTER UPDATE ON "TransactionEntry"
  REFERENCING OLD TABLE AS old_entries NEW TABLE AS new_entries FOR EACH STATEMENT EXECUTE FUNCTION "apply_entries_to_balances"();
CREATE TRIGGER "TransactionEntry_balances_after_delete" AFTER DELETE ON "TransactionEntry"
  REFERENCING OLD TABLE AS old_entries FOR EACH STATEMENT EXECUTE FUNCTION "apply_entries_to_balances"();

-- Balances of the entries written before this migration.
INSERT INTO "FinancialAccountBalance" ("financialAccountId", "currency", "cash", "inboundPending", "outboundPending")
SELECT "financialAccountId", "currency", SUM("cashImpact"), SUM("inboundPendingImpact"), SUM("outboundPendingImpact")
FROM "TransactionEntry"
GROUP BY "financialAccountId", "currency";
