// `npm run schema:print`: writes schema/schema.graphql from the Pothos schema
// (sorted). test/schema.test.ts fails while the committed file is stale.
import { writeFileSync } from 'node:fs';
import { printedSchema, SCHEMA_FILE } from '../src/graphql/printed-schema.ts';

writeFileSync(SCHEMA_FILE, printedSchema());
console.log(`wrote ${SCHEMA_FILE}`);
