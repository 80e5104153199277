// The network database: every table of the domain in ../shared/DOMAIN.md, one file per area in
// db/schema/ (drizzle-kit reads those; drizzle.config.ts). Importers use this file: `@/db/schema`.
// Column names are snake_case in SQL (drizzle `casing: 'snake_case'`), camelCase in TypeScript.
// Constraints that keep the data sane live there, in the database, not only in the importer.
export * from './schema/network';
export * from './schema/patrons';
export * from './schema/accounts';
export * from './schema/security';
export * from './schema/catalogue';
export * from './schema/lending';
export * from './schema/library-link';
export * from './schema/change-log';
