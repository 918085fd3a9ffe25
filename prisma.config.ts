// Prisma CLI configuration. Only `prisma generate` is used from the CLI here:
// migrations are applied at start-up by src/db/migrate.ts, without Prisma's
// native schema engine (which cannot be downloaded on every machine).
import { defineConfig } from 'prisma/config';

// `prisma generate` needs no engine, but the CLI tries to download the native
// schema engine unless this points at some executable. Generation is unaffected.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= process.execPath;

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
});
