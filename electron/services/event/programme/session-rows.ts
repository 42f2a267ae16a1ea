// A session's row and the door that follows from it, shared by the editor (programme.ts) and the programme file
// import (import.ts): one place says how a session change becomes entries for the session and its checkpoint.
import { createHash } from 'node:crypto';
import type { Core } from '../../core.js';
import type { CheckpointColumns, SessionColumns } from '../../replication/entries.js';
import { dateIn } from './zones.js';

export interface SessionRow extends Omit<SessionColumns, 'archived'> {
  id: string;
  archived: number;
}

/** The id of a session from a programme file: the same on every device that imports the same file. */
export function sessionIdFor(eventId: string, uid: string): string {
  return `s-${createHash('sha256').update(`${eventId}\n${uid}`).digest('hex').slice(0, 16)}`;
}

export function sessionRow(core: Core, id: string): SessionRow | undefined {
  return core.db.prepare('SELECT * FROM session WHERE id = ?').get(id) as SessionRow | undefined;
}

/** The place after every checkpoint: where a new door is listed. */
export function nextSortOrder(core: Core): number {
  return ((core.db.prepare('SELECT max(sort_order) FROM checkpoint').pluck().get() as number | null) ?? 0) + 1;
}

/** One session change and what its checkpoint follows from it: its name, capacity and opening hours. */
export function writeSession(core: Core, id: string, fields: Partial<SessionColumns>, isNew: boolean): void {
  const at = core.nowIso();
  core.commit('session.upserted', { id, fields, at });
  const cpId = isNew ? `cp-${id}` : ((core.db.prepare('SELECT id FROM checkpoint WHERE target_id = ? ORDER BY sort_order LIMIT 1').pluck().get(id) as string | undefined) ?? `cp-${id}`);
  const row = sessionRow(core, id)!;
  const cp: Partial<CheckpointColumns> = {};
  if (fields.title !== undefined || fields.room !== undefined || isNew) cp.name = row.room ? `${row.title} — ${row.room}` : row.title;
  if (fields.title_ja !== undefined || fields.room !== undefined || isNew) cp.name_ja = row.title_ja ? (row.room ? `${row.title_ja}（${row.room}）` : row.title_ja) : null;
  if (fields.capacity !== undefined) cp.capacity = row.capacity;
  // Doors open half an hour before a session so people can take their seats.
  if (fields.starts_at !== undefined) cp.opens_at = new Date(Date.parse(row.starts_at) - 30 * 60_000).toISOString();
  if (fields.ends_at !== undefined) cp.closes_at = row.ends_at;
  if (fields.archived !== undefined) cp.archived = fields.archived;
  // A meeting block's door admits to meetings (the Day 2 matchmaking), a session's to the session.
  if (fields.kind !== undefined && !isNew) cp.kind = row.kind === 'meetings' ? 'meeting' : 'session';
  if (isNew) {
    Object.assign(cp, {
      kind: row.kind === 'meetings' ? 'meeting' : 'session', target_id: id, entry_rule: 'reentry', list_rule: 'anyone',
      sort_order: nextSortOrder(core),
    } satisfies Partial<CheckpointColumns>);
  }
  if (Object.keys(cp).length) core.commit('checkpoint.upserted', { id: cpId, fields: cp, at });
}

/** The event day of an instant, or null when it falls outside the event's dates. */
export function dayNoIn(info: { timezone: string; days: readonly { dayNo: number; date: string }[] }, iso: string): number | null {
  const date = dateIn(iso, info.timezone);
  return info.days.find((d) => d.date === date)?.dayNo ?? null;
}
