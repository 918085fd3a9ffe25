import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // Without this, graphql can load twice under vitest ("another module or realm").
    alias: { graphql: 'graphql/index.js' },
  },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Two cores: more workers than that only queue behind each other's databases.
    maxWorkers: 2,
  },
});
