// What the services of the money movements with later steps (cancel, and
// Stripe's test helpers) share: a step on a stored movement as a use case of
// its own, and one step of the movement's state machine applied to its row.
import type { FinancialAccount } from '../db/generated/client.ts';
import type { TransactionClient } from '../db/client.ts';
import { lockFinancialAccountsById } from '../db/financial-accounts.ts';
import { UserInputError } from '../domain/errors.ts';
import type { EventType } from '../domain/event-types.ts';
import { idType, type IdType } from '../domain/ids.ts';
import type { FlowType } from '../domain/ledger.ts';
import type { Step, StepResult, TransactionRole } from '../domain/money-movements/index.ts';
import type { Viewer } from '../domain/viewer.ts';
import { idempotently } from './idempotency.ts';
import { emitStep, writeStep, type EmitMovement, type StepLedger } from './money-movement-ledger.ts';
import { testModeOnly } from './received-flows.ts';
import { retryOnceOnConflict, type ChangeSet, type UnitOfWork } from './unit-of-work.ts';

/** A kind of movement whose stored rows take steps. */
export interface SteppedMovement<Row extends { id: string; financialAccountId: string }> {
  /** Its id's type (`obt_`, `ibt_`, ...). */
  idType: IdType;
  /** Its name in messages: "outbound transfer". */
  label: string;
  /** The input field that names it: "outboundTransfer". */
  field: string;
  /** The row if the viewer may see it, unlocked. */
  find(tx: TransactionClient, viewer: Viewer, id: string): Promise<Row | null>;
  /** The row, locked until the transaction ends. */
  lock(tx: TransactionClient, id: string): Promise<Row | null>;
  /** The financial accounts a step locks (default: the movement's own), e.g. a destination its steps credit. */
  accountsOf?(row: Row): Array<string | null>;
}

export interface StepRequest {
  /** The mutation, for the idempotency key and the test-mode refusal. */
  mutation: string;
  /** Stripe's test helpers exist only in test mode. */
  testHelper: boolean;
  /** The movement's id. */
  id: string;
  /** The whole input, for the idempotency key. */
  input: unknown;
  idempotencyKey: string | null | undefined;
}

/**
 * A step on a stored movement, in one database transaction: a test helper is
 * refused outside test mode; a movement the viewer may not see does not exist;
 * the accounts' rows are locked first (as every movement takes them), then the
 * movement's, so its steps apply one after the other; then `run`, under the
 * idempotency key, on the locked row and its own account.
 */
export function stepMovement<Row extends { id: string; financialAccountId: string }>(
  unitOfWork: UnitOfWork,
  movement: SteppedMovement<Row>,
  viewer: Viewer,
  request: StepRequest,
  run: (tx: TransactionClient, changes: ChangeSet, row: Row, account: FinancialAccount) => Promise<unknown>,
): Promise<{ id: string }> {
  return retryOnceOnConflict(() =>
    unitOfWork.run(async (tx, changes) => {
      if (request.testHelper) testModeOnly(viewer, request.mutation);
      const found = idType(request.id) === movement.idType ? await movement.find(tx, viewer, request.id) : null;
      if (!found) throw new UserInputError('resource_missing', `No such ${movement.label}: '${request.id}'.`, [movement.field]);
      const accounts = await lockFinancialAccountsInOrder(tx, movement.accountsOf?.(found) ?? [found.financialAccountId]);
      const result = await idempotently(tx, viewer, request.idempotencyKey, request.mutation, request.input, async () => {
        const row = (await movement.lock(tx, found.id))!;
        await run(tx, changes, row, accounts.get(row.financialAccountId)!);
        return row.id;
      });
      return { id: result.id };
    }),
  );
}

/**
 * Locks the rows of these financial accounts in id order, so two movements between the same accounts cannot
 * deadlock, and reads them whoever owns them (a destination may be another account's: the caller asks canSee of the source).
 */
export async function lockFinancialAccountsInOrder(
  tx: TransactionClient,
  ids: Array<string | null | undefined>,
): Promise<Map<string, FinancialAccount | null>> {
  const wanted = [...new Set(ids.filter((id): id is string => !!id && idType(id) === 'FinancialAccount'))];
  const rows = new Map((await lockFinancialAccountsById(tx, wanted)).map((row) => [row.id, row]));
  return new Map(wanted.map((id) => [id, rows.get(id) ?? null]));
}

/** How a movement stores a step and reports it. */
export interface StepWriter<Row, S extends string, T extends string, E extends EventType> {
  /** The input field a refusal names. */
  field: string;
  /** The flow its transactions belong to. */
  flow: { id: string; type: FlowType; currency: string; description: string; at: Date };
  /** Its transactions before the step. */
  existing?: Partial<Record<TransactionRole, string | null>>;
  /** Stores the state after the step; `ledger` has the transactions the step left. */
  save(step: Step<S, T, E>, ledger: StepLedger): Promise<Row>;
  /** Reports the stored row under one of the step's events. */
  emit: EmitMovement<Row, E>;
}

/**
 * One step of a movement's state machine on its stored row (`account` locked by
 * the caller): a refusal as a user error on the movement's field, else the
 * step's entries through the ledger writer, the row's new state, its events
 * and the balance it leaves, in that order.
 */
export async function applyStep<Row, S extends string, T extends string, E extends EventType>(
  tx: TransactionClient,
  changes: ChangeSet,
  account: FinancialAccount,
  step: StepResult<S, T, E>,
  writer: StepWriter<Row, S, T, E>,
): Promise<Row> {
  if (!step.ok) throw new UserInputError(step.code, step.message, [writer.field]);
  const ledger = await writeStep(tx, account, step, writer.flow, writer.existing);
  const row = await writer.save(step, ledger);
  await emitStep(tx, changes, account, step, row, writer.emit, ledger.changed);
  return row;
}
