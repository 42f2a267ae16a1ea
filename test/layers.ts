// The layer table: which folder stands on which. Read top to bottom as the house's floors; a folder may import
// only folders on lower floors (test/unit/layers.test.ts). Folders on one floor do not import each other.
// README "Architecture" draws the same table.
import path from 'node:path';

export const LAYERS: Record<string, number> = {
  // Floor 0: the contract (types, zod-free vocabulary and wording) and the database's schema and migrations.
  api: 0,
  db: 0,
  // The ground floor of pure rules: folding, search keys, tokens, codes, contrast. No database, no Core.
  'services/model': 1,
  // Replication beneath the core: the log, the clock, device-local state and the one apply path.
  'services/replication': 2,
  'services/core': 3,
  'services/worker-script': 3,
  'services/idle-checkpoint': 3,
  'services/integrity-schedule': 3,
  // The wings, in the order they lean on each other.
  'services/files': 4,
  'services/people': 5,
  'services/badges': 6,
  'services/event': 7,
  'services/checkin': 8,
  'services/printing': 8,
  'services/sync': 8,
  'services/reports': 9,
  'services/dashboard': 10,
  'services/trust': 10,
  // One descriptor per Api method, then the composition root.
  'services/methods': 11,
  'services/uketsuke': 12,
  // Above the core: the demo event, the workspace of event files, the HTTP hosts, then the shells.
  demo: 13,
  workspace: 14,
  host: 15,
  cli: 16,
  shell: 16,
  // The renderer stands apart and reaches the back end only through electron/api.
  renderer: 17,
};

/** Type-only arrows that run up, each for a reason; a runtime import along them would fail. */
export const TYPE_ONLY_UPWARD: readonly (readonly [string, string, string])[] = [
  ['api', 'services/methods', 'the Api types (inputs, outputs) are derived from the method descriptors'],
  ['services/people', 'services/event', 'delegates name the EventStore they read checkpoints from'],
  ['services/badges', 'services/event', 'a badge names the EventStore and branding it is drawn with'],
  ['services/methods', 'services/uketsuke', 'a handler is handed the composed app it runs on'],
  ['shell', 'renderer', 'the preload bridge satisfies the renderer\'s bridge-client type'],
];

/** The room a file belongs to: its folder under electron/ or electron/services/, or db/ and the renderer. */
export function roomOf(file: string): string {
  const p = file.split(path.sep).join('/').split('/');
  if (p[0] === 'renderer') return 'renderer';
  if (p[0] === 'db') return 'db';
  if (p[1] === 'services') return `services/${p.length === 3 ? p[2]!.replace(/\.tsx?$/, '') : p[2]}`;
  return p[1]!;
}
