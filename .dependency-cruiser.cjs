// The README's layers, enforced in CI (`npm run lint:layers`). From the top:
// the entry points (src/*.ts but context.ts, and src/transport) → graphql → the per-request context (src/context.ts)
// → services → db → events → domain. A layer may import itself and anything below it, never above; nothing may
// import in a circle. Type-only imports count: swc, which reads the TypeScript here, reports an `import type` as an
// import like any other, so a cycle of types is a cycle too.
const LAYERS = [
  { name: 'entry-points', path: '^src/((?!context\\.ts$)[^/]+\\.ts$|transport/)' },
  { name: 'graphql', path: '^src/graphql/' },
  { name: 'context', path: '^src/context\\.ts$' },
  { name: 'services', path: '^src/services/' },
  { name: 'db', path: '^src/db/(?!generated/)' },
  { name: 'events', path: '^src/events/' },
  { name: 'domain', path: '^src/domain/' },
];

/** Prisma's packages and the database drivers. */
const DATABASE_PACKAGES = 'node_modules/(@prisma/|prisma/|pg/|pg-[^/]+/|@electric-sql/pglite/|pglite-prisma-adapter/)';

const upward = LAYERS.flatMap((layer, i) =>
  LAYERS.slice(0, i).map((higher) => ({
    name: `no-upward-${layer.name}-to-${higher.name}`,
    comment: `${layer.name} is below ${higher.name} and must not import it (README, Architecture).`,
    severity: 'error',
    from: { path: layer.path },
    to: { path: higher.path },
  })),
);

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'An import cycle: give the shared type a home of its own on the lower layer.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    ...upward,
    {
      name: 'no-database-packages-outside-db',
      comment: 'Prisma and SQL live in src/db (README, Architecture): only it loads Prisma\'s packages and the drivers.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/db/' },
      to: { path: DATABASE_PACKAGES },
    },
    {
      name: 'domain-is-pure',
      comment: 'src/domain holds pure rules: no GraphQL, Pothos or Prisma, not even their types (README, Architecture).',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { path: '^src/db/generated/|node_modules/(graphql|graphql-yoga|@pothos/[^/]+)/' },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that resolves to no file would escape every rule above.',
      severity: 'error',
      from: { path: '^src/' },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    // The generated client's own imports are Prisma's business.
    doNotFollow: { path: ['node_modules', '^src/db/generated/'] },
    tsConfig: { fileName: 'tsconfig.json' },
    // Packages' `exports` (graphql-ws/use/ws, @electric-sql/pglite/node-postgres), resolved as Node resolves them.
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'node', 'default'] },
    tsPreCompilationDeps: true,
    parser: 'swc',
  },
};
