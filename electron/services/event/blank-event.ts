import path from 'node:path';
import type { EventSpec } from './event-store.js';

/** The event a registration file is imported into when there is none yet: one day, one entrance. */
export function blankEventSpec(file: string, today: Date): EventSpec {
  const timezone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  const date = new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(today);
  const name = path.basename(file).replace(/\.[^.]+$/, '') || 'Event';
  return {
    id: `event-${date}`,
    name,
    venue: '',
    timezone,
    rehearsal: false,
    days: [{ dayNo: 1, date, title: 'Day 1' }],
    sessions: [],
    buses: [],
    checkpoints: [{ id: 'cp-entrance', kind: 'venue', name: 'Entrance', nameJa: '入口', entryRule: 'once_per_day', listRule: 'anyone' }],
  };
}
