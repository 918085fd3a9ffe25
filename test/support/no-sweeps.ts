// Server options with no background sweeps, for tests and benchmarks that count
// SQL statements, which a sweep's would join. (A module of its own, without
// imports: a benchmark serving another checkout's gateway can take it too.)
export const NO_SWEEPS = {
  featureActivationSweepMs: 3_600_000,
  stripeNetworkPostingSweepMs: 3_600_000,
  creditReversalPostingSweepMs: 3_600_000,
  debitReversalCompletionSweepMs: 3_600_000,
};
