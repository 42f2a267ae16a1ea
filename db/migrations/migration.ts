// The shape of one migration, in a file of its own so each numbered migration and the list in index.ts both import
// it without importing each other.

export interface Migration {
  version: number;
  name: string;
  sql: string;
}
