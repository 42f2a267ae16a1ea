// Migrations keyed by PRAGMA user_version. Each runs in one transaction; a database written by a newer
// version is refused rather than guessed at. Never edit a migration that has shipped: add the next one.
import { m001_init } from './001_init.js';
import { m002_print_jobs } from './002_print_jobs.js';
import { m003_replication } from './003_replication.js';
import { m004_hub } from './004_hub.js';
import { m005_delegate_codes } from './005_delegate_codes.js';
import { m006_search_vocabulary } from './006_search_vocabulary.js';
import { m007_event_setup } from './007_event_setup.js';
import { m008_session_order } from './008_session_order.js';
import { m009_venue_ja } from './009_venue_ja.js';
import { m010_delegate_flags } from './010_delegate_flags.js';

import type { Migration } from './migration.js';

export type { Migration };

export const migrations: readonly Migration[] = [m001_init, m002_print_jobs, m003_replication, m004_hub, m005_delegate_codes, m006_search_vocabulary, m007_event_setup, m008_session_order, m009_venue_ja, m010_delegate_flags];

export const latestVersion = migrations.length;
