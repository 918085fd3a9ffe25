// The README's layers, enforced in CI (`npm run lint:layers`). From the top:
// the entry points (main, server, transport, context, demo) → graphql → services → db → events → domain.
// A layer may import itself and anything below it, never above; nothing may import in a circle.
const LAYERS = ['graphql', 'services', 'db', 'events', 'domain'];

const upward = LAYERS.flatMap((layer, i) =>
  LAYERS.slice(0, i).map((higher) => ({
    name: `no-upward-${layer}-to-${higher}`,
    comment: `src/${layer} is below src/${higher} and must not import it (README, Architecture).`,
    severity: 'error',
    from: { path: `^src/${layer}/` },
    to: { path: `^src/${higher}/` },
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
      name: 'no-layer-to-entry-points',
      comment: 'The layers must not import the entry points that wire them (src/*.ts, src/transport).',
      severity: 'error',
      from: { path: `^src/(${LAYERS.join('|')})/` },
      to: { path: '^src/([^/]+\\.ts|transport/)', pathNot: '^src/(logger|config)\\.ts$' },
    },
    {
      name: 'no-prisma-outside-db',
      comment: 'Prisma and SQL live in src/db (README, Architecture).',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/db/' },
      to: { path: '(^src/db/generated/|node_modules/(@prisma|pg)/)', dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^src/db/generated/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    parser: 'swc',
  },
};
