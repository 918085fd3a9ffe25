// Typed documents for the operations the tests send: `npm run codegen` reads
// the printed schema and every graphql(`...`) call under test/, and writes test/gql/,
// with test/gql/persisted-documents.json: the allow-list of those operations
// (document hash -> document) that PERSISTED_OPERATIONS loads.
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: 'schema/schema.graphql',
  documents: ['test/**/*.ts', '!test/gql/**'],
  ignoreNoDocuments: true,
  generates: {
    'test/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false, persistedDocuments: true },
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
