// A range of times for list filters: Stripe's `range_query_specs`.
import { builder } from './builder.ts';

export const TimeRange = builder.inputType('TimeRange', {
  description: 'A range of times; each bound is optional. Mirrors Stripe\'s `gt`/`gte`/`lt`/`lte` range parameters.',
  fields: (t) => ({
    gt: t.field({ type: 'DateTime', required: false, description: 'Strictly after this time.' }),
    gte: t.field({ type: 'DateTime', required: false, description: 'At or after this time.' }),
    lt: t.field({ type: 'DateTime', required: false, description: 'Strictly before this time.' }),
    lte: t.field({ type: 'DateTime', required: false, description: 'At or before this time.' }),
  }),
});
