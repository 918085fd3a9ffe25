// The filters of each list, with Stripe's rules for combining them. A broken
// rule is a UserInputError naming the argument.
import { UserInputError } from './errors.ts';

export interface TimeRange {
  gt?: Date | null;
  gte?: Date | null;
  lt?: Date | null;
  lte?: Date | null;
}

export type TransactionOrder = 'createdAt' | 'postedAt';
export type EntryOrder = 'createdAt' | 'effectiveAt';

export interface TransactionFilter {
  status?: string | null;
  flow?: string | null;
  flowType?: string | null;
  created?: TimeRange | null;
  postedAt?: TimeRange | null;
  orderBy?: TransactionOrder | null;
}

export interface EntryFilter {
  transaction?: string | null;
  created?: TimeRange | null;
  effectiveAt?: TimeRange | null;
  orderBy?: EntryOrder | null;
}

export interface FinancialAccountFilter {
  status?: string | null;
  created?: TimeRange | null;
}

export function checkTimeRange(range: TimeRange | null | undefined, field: string[]): void {
  if (!range) return;
  const lower = range.gt ?? range.gte;
  const upper = range.lt ?? range.lte;
  if (range.gt && range.gte) {
    throw new UserInputError('parameter_invalid', 'Pass `gt` or `gte`, not both.', [...field, 'gt']);
  }
  if (range.lt && range.lte) {
    throw new UserInputError('parameter_invalid', 'Pass `lt` or `lte`, not both.', [...field, 'lt']);
  }
  if (lower && upper && lower.getTime() > upper.getTime()) {
    throw new UserInputError('parameter_invalid', 'The range ends before it starts.', field);
  }
}

/**
 * Stripe: a posted_at range needs status=posted and order_by=posted_at;
 * order_by=posted_at needs status=posted; a created range only in the created order, never with a posted_at range.
 */
export function checkTransactionFilter(filter: TransactionFilter | null | undefined): TransactionOrder {
  const orderBy = filter?.orderBy ?? 'createdAt';
  checkTimeRange(filter?.created, ['filter', 'created']);
  checkTimeRange(filter?.postedAt, ['filter', 'postedAt']);
  if (filter?.postedAt) {
    if (filter.status !== 'posted') {
      throw new UserInputError(
        'parameter_invalid',
        '`filter.postedAt` can only be used together with `status: POSTED` and `orderBy: POSTED_AT`.',
        ['filter', 'postedAt'],
      );
    }
    if (orderBy !== 'postedAt') {
      throw new UserInputError(
        'parameter_invalid',
        '`filter.postedAt` can only be used together with `status: POSTED` and `orderBy: POSTED_AT`.',
        ['filter', 'orderBy'],
      );
    }
  }
  // Stripe's order_by=posted_at lists posted transactions only, and a created range goes with the created order alone.
  if (orderBy === 'postedAt' && filter?.status !== 'posted') {
    throw new UserInputError('parameter_invalid', '`filter.orderBy: POSTED_AT` can only be used together with `status: POSTED`.', ['filter', 'status']);
  }
  if (filter?.created && filter.postedAt) {
    throw new UserInputError('parameter_invalid', 'Pass `filter.created` or `filter.postedAt`, not both.', ['filter', 'created']);
  }
  if (filter?.created && orderBy !== 'createdAt') {
    throw new UserInputError('parameter_invalid', '`filter.created` can only be used with `orderBy: CREATED` (the default).', ['filter', 'created']);
  }
  return orderBy;
}

/** Stripe: a created range only in the created order, an effective_at range only in the effective_at order; not both. */
export function checkEntryFilter(filter: EntryFilter | null | undefined): EntryOrder {
  checkTimeRange(filter?.created, ['filter', 'created']);
  checkTimeRange(filter?.effectiveAt, ['filter', 'effectiveAt']);
  const orderBy = filter?.orderBy ?? 'createdAt';
  if (filter?.created && filter.effectiveAt) {
    throw new UserInputError('parameter_invalid', 'Pass `filter.created` or `filter.effectiveAt`, not both.', ['filter', 'effectiveAt']);
  }
  if (filter?.created && orderBy !== 'createdAt') {
    throw new UserInputError('parameter_invalid', '`filter.created` can only be used with `orderBy: CREATED` (the default).', ['filter', 'created']);
  }
  if (filter?.effectiveAt && orderBy !== 'effectiveAt') {
    throw new UserInputError('parameter_invalid', '`filter.effectiveAt` can only be used with `orderBy: EFFECTIVE_AT`.', ['filter', 'effectiveAt']);
  }
  return orderBy;
}

export function checkFinancialAccountFilter(filter: FinancialAccountFilter | null | undefined): 'createdAt' {
  checkTimeRange(filter?.created, ['filter', 'created']);
  return 'createdAt';
}
