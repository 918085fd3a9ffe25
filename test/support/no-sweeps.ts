// Server options with no background sweeps, for tests and benchmarks that count
// SQL statements, which a sweep's would join: every piece of work Stripe does by
// itself (SELF_MOVING_WORK) sweeps an hour apart.
import { withoutSweeps } from '../../src/domain/money-movements/movements.ts';

export const NO_SWEEPS = withoutSweeps();
