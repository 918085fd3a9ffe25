// The printed schema and the migrations are checked-in artefacts: these fail when they are stale.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { printedSchema, SCHEMA_FILE } from '../src/graphql/printed-schema.ts';
import { pendingSchemaChange } from '../scripts/lib/schema-engine.ts';

describe('checked-in artefacts', () => {
  it('schema/schema.graphql is the printed, sorted schema (run `npm run schema:print`)', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(printedSchema());
  });

  it('prisma/migrations produce exactly prisma/schema.prisma (run `npm run db:diff -- <name>`)', async () => {
    expect(await pendingSchemaChange()).toBe('');
  });
});
