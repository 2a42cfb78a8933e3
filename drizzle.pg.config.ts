import { defineConfig } from 'drizzle-kit';

/** PostgreSQL's migrations (DATABASE_URL=postgres://…); SQLite's are made by drizzle.config.ts. */
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema-pg.ts',
  out: './drizzle/pg',
});
