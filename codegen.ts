// Typed documents for the operations the tests send: `npm run codegen` reads
// the printed schema and every graphql(`...`) call under test/, and writes test/gql/.
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: 'schema/schema.graphql',
  documents: ['test/**/*.ts', '!test/gql/**'],
  ignoreNoDocuments: true,
  generates: {
    'test/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        emitLegacyCommonJSImports: false,
        enumsAsTypes: true,
        scalars: {
          DateTime: 'string',
          MinorUnits: 'number',
          Metadata: 'Record<string, string>',
        },
      },
    },
  },
};

export default config;
