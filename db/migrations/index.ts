// Migrations keyed by PRAGMA user_version. Each runs in one transaction; a database written by a newer
// version is refused rather than guessed at. Never edit a migration that has shipped: add the next one.
import { m001_init } from './001_init.js';
import { m002_print_jobs } from './002_print_jobs.js';
import { m003_search_vocabulary } from './003_search_vocabulary.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: readonly Migration[] = [m001_init, m002_print_jobs, m003_search_vocabulary];

export const latestVersion = migrations.length;
