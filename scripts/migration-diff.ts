// `npm run db:diff -- <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql
// with whatever prisma/schema.prisma changed since the last migration.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pendingSchemaChange } from './lib/schema-engine.ts';
import { MIGRATIONS_DIR } from '../src/db/migrate.ts';

const name = (process.argv[2] ?? '').replace(/[^a-z0-9_]+/gi, '_').toLowerCase();
if (!name) {
  console.error('usage: npm run db:diff -- <migration_name>');
  process.exit(2);
}
const sql = await pendingSchemaChange();
if (!sql) {
  console.log('prisma/schema.prisma and the migrations agree: nothing to write.');
} else {
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  const dir = join(MIGRATIONS_DIR, `${stamp}_${name}`);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'migration.sql'), sql + '\n');
  console.log(`wrote ${dir}/migration.sql`);
}
