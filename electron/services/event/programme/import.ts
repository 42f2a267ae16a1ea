// A programme file imported into the event: each session in the file created or updated (matched by its uid on
// re-import), the rest rejected with the line or uid a person fixes, overlaps in a room said. The file is read by
// read.ts; each accepted session is written by session-rows.ts, as the editor (programme.ts) writes one.
import type { Core } from '../../core.js';
import { ServiceError } from '../../core.js';
import type { SessionColumns } from '../../replication/entries.js';
import type { EventStore } from '../event-store.js';
import type { ProgrammeChange, ProgrammeImportReport, ProgrammeWarning } from '../../../api/event-setup.js';
import { readProgramme } from './read.js';
import { dayNoIn, sessionIdFor, sessionRow, writeSession, type SessionRow } from './session-rows.js';
import { dateIn } from './zones.js';
import { reject, UnreadableProgrammeError, type ItemRef, type ParsedProgramme, type ProgrammeItem, type Rejection } from './types.js';

const DAY_MS = 86_400_000;

type EventInfo = ReturnType<EventStore['info']>;

/**
 * Imports a programme: each entry creates a session or updates the one it created before (matched by its uid),
 * never a second one. All or nothing per file: the accepted sessions are written in one transaction.
 */
export async function importProgramme(core: Core, event: EventStore, fileName: string, bytes: Uint8Array, opts: { dryRun?: boolean } = {}): Promise<ProgrammeImportReport> {
  const info = event.info();
  let parsed: ParsedProgramme;
  try {
    parsed = await readProgramme(fileName, bytes, info);
  } catch (e) {
    if (e instanceof UnreadableProgrammeError) throw new ServiceError('bad_input', e.message, { key: 'programme_unreadable', values: { detail: e.message } });
    throw e;
  }
  const eventId = event.id();
  const rejected = [...parsed.rejected];
  const accepted: (ProgrammeItem & { dayNo: number })[] = [];
  const seen = new Map<string, ItemRef>();
  for (const item of parsed.items) {
    const why = problem(item, info);
    if (why) {
      rejected.push(reject(item.ref, why.code, why.reason));
      continue;
    }
    const earlier = seen.get(item.uid);
    if (earlier) {
      rejected.push(reject(item.ref, 'duplicate', `The same session appears twice in the file (${'line' in earlier ? `line ${earlier.line}` : earlier.uid}).`));
      continue;
    }
    seen.set(item.uid, item.ref);
    accepted.push({ ...item, dayNo: dayNoIn(info, item.startsAt)! });
  }
  const changes: ProgrammeChange[] = [];
  let unchanged = 0;
  const plan: { id: string; fields: Partial<SessionColumns>; isNew: boolean }[] = [];
  for (const item of accepted) {
    const byUid = core.db.prepare('SELECT * FROM session WHERE uid = ? ORDER BY id LIMIT 1').get(item.uid) as SessionRow | undefined;
    const id = byUid?.id ?? sessionIdFor(eventId, item.uid);
    const row = byUid ?? sessionRow(core, id);
    // The organisers' order within a day is theirs: a re-import leaves it alone.
    const next: Omit<SessionColumns, 'sort_order'> = {
      day_no: item.dayNo, kind: item.kind, title: item.title, title_ja: item.titleJa ?? row?.title_ja ?? null, room: item.room, starts_at: item.startsAt,
      ends_at: item.endsAt, capacity: item.capacity ?? row?.capacity ?? null, uid: item.uid, archived: 0,
    };
    if (!row) {
      plan.push({ id, fields: next, isNew: true });
      changes.push({ ref: item.ref, sessionId: id, title: item.title, change: 'created', fields: [] });
      continue;
    }
    const diff = (Object.keys(next) as (keyof typeof next)[]).filter((k) => next[k] !== row[k]);
    if (!diff.length) {
      unchanged++;
      continue;
    }
    plan.push({ id, fields: Object.fromEntries(diff.map((k) => [k, next[k]])), isNew: false });
    changes.push({ ref: item.ref, sessionId: id, title: item.title, change: 'updated', fields: diff });
  }
  const warnings = overlaps(accepted);
  if (!opts.dryRun && plan.length) core.tx(() => plan.forEach((p) => writeSession(core, p.id, p.fields, p.isNew)));
  // In the order of the file, as a person fixing it reads it.
  rejected.sort((x, y) => ('line' in x && 'line' in y ? x.line - y.line : 0));
  return {
    format: parsed.format, dryRun: opts.dryRun ?? false, created: changes.filter((c) => c.change === 'created').length,
    updated: changes.filter((c) => c.change === 'updated').length, unchanged, rejected, warnings, changes,
  };
}

function problem(item: ProgrammeItem, info: EventInfo): { code: Rejection['code']; reason: string } | null {
  if (item.endsAt <= item.startsAt) return { code: 'end_before_start', reason: 'The session ends before it starts.' };
  if (Date.parse(item.endsAt) - Date.parse(item.startsAt) > DAY_MS) return { code: 'too_long', reason: 'A session longer than a day is not a session: add it as days of the event.' };
  if (item.capacity !== null && item.capacity < 1) return { code: 'bad_capacity', reason: 'A capacity of 0 admits nobody: leave it empty for no limit.' };
  if (item.title.length > 500) return { code: 'no_title', reason: 'The title is longer than 500 characters.' };
  if (dayNoIn(info, item.startsAt) === null) return { code: 'outside_event', reason: `Not on one of the event's days (${dateIn(item.startsAt, info.timezone)}).` };
  return null;
}

/** Sessions that share a room at the same time: accepted (a room may be split), and said. */
function overlaps(items: ProgrammeItem[]): ProgrammeWarning[] {
  const byRoom = new Map<string, ProgrammeItem[]>();
  for (const i of items) if (i.room) byRoom.set(i.room, [...(byRoom.get(i.room) ?? []), i]);
  const out: ProgrammeWarning[] = [];
  for (const [room, list] of byRoom) {
    list.sort((a, b) => a.startsAt.localeCompare(b.startsAt));
    for (let k = 1; k < list.length; k++) {
      const prev = list[k - 1]!;
      const cur = list[k]!;
      if (cur.startsAt < prev.endsAt) out.push({ ref: cur.ref, code: 'overlap', message: `Overlaps "${prev.title}" in ${room}.` });
    }
  }
  return out;
}
