// The SDL as committed in schema/schema.graphql: the sorted schema, printed.
import { fileURLToPath } from 'node:url';
import { printSchema } from 'graphql';
import { schema } from './schema.ts';

export const SCHEMA_FILE = fileURLToPath(new URL('../../schema/schema.graphql', import.meta.url));

export function printedSchema(): string {
  return printSchema(schema) + '\n';
}
