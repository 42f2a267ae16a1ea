// The change-log entries devices exchange: one type per kind of state change, each with a zod schema because
// entries from other devices cross a trust boundary. The payload is everything `apply` needs, and nothing local to
// the device that wrote it (no signing key, no file paths that matter elsewhere).
import { z } from 'zod';
import { CHECKPOINT_KINDS, ROLES, VERDICTS } from '../../api/contract.js';
import { unstorableText } from '../model/entry-text.js';

const iso = z.string().min(10).max(40);
const id = z.string().min(1).max(200);
const text = z.string().max(1000);
const optText = text.nullable().optional();

const eventDay = z.object({ dayNo: z.number().int(), date: z.string().max(10), title: text, titleJa: optText });
const session = z.object({
  id, dayNo: z.number().int(), kind: z.string().max(40), title: text, titleJa: optText, room: optText,
  startsAt: iso, endsAt: iso, capacity: z.number().int().nullable().optional(),
});
const bus = z.object({
  id, label: text, site: text, departsAt: iso, returnsAt: iso.nullable().optional(), boarding: optText, capacity: z.number().int(),
});
const checkpointFields = z.object({
  kind: z.enum(CHECKPOINT_KINDS),
  name: text,
  name_ja: text.nullable(),
  target_id: id.nullable(),
  capacity: z.number().int().nullable(),
  opens_at: iso.nullable(),
  closes_at: iso.nullable(),
  entry_rule: z.enum(['once', 'once_per_day', 'reentry']),
  list_rule: z.enum(['registered', 'anyone']),
  sort_order: z.number().int(),
  archived: z.number().int().min(0).max(1),
});
/** Session columns edited last-writer-wins per field; `archived` hides a removed session without losing its scans. */
export const sessionFields = z.object({
  day_no: z.number().int(),
  kind: z.string().max(40),
  title: text,
  title_ja: text.nullable(),
  room: text.nullable(),
  starts_at: iso,
  ends_at: iso,
  capacity: z.number().int().nullable(),
  uid: text.nullable(),
  archived: z.number().int().min(0).max(1),
  sort_order: z.number().int().nullable(),
});
export type SessionColumns = z.infer<typeof sessionFields>;
export const busFields = z.object({
  label: text,
  site: text,
  departs_at: iso,
  returns_at: iso.nullable(),
  boarding: text.nullable(),
  capacity: z.number().int(),
  archived: z.number().int().min(0).max(1),
});
export type BusColumns = z.infer<typeof busFields>;
export const dayFields = z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), title: text, title_ja: text.nullable() });
export type DayColumns = z.infer<typeof dayFields>;
export type CheckpointColumns = z.infer<typeof checkpointFields>;
const checkpoint = z.object({
  id, kind: z.enum(CHECKPOINT_KINDS), name: text, nameJa: optText, targetId: id.nullable().optional(),
  capacity: z.number().int().nullable().optional(), opensAt: iso.nullable().optional(), closesAt: iso.nullable().optional(),
  entryRule: z.enum(['once', 'once_per_day', 'reentry']), listRule: z.enum(['registered', 'anyone']),
});

/** The delegate columns a change may set; personal ones are erased by a purge. */
export const delegateFields = z.object({
  family_name: text,
  given_name: text,
  family_name_kanji: text.nullable(),
  given_name_kanji: text.nullable(),
  family_name_kana: text.nullable(),
  given_name_kana: text.nullable(),
  organisation: text.nullable(),
  country: text.nullable(),
  region: text.nullable(),
  email: text.nullable(),
  role: z.enum(ROLES),
  external_code: text.nullable(),
  // What an import left for the desk to settle (flag words, space-separated) and what the file said was bought.
  flags: z.string().max(400),
  ticket_type: text.nullable(),
});
export type DelegateColumns = z.infer<typeof delegateFields>;
export const PERSONAL_FIELDS = ['family_name', 'given_name', 'family_name_kanji', 'given_name_kanji', 'family_name_kana', 'given_name_kana', 'organisation', 'region', 'email', 'external_code'] as const satisfies readonly (keyof DelegateColumns)[];

const printFields = z.object({
  delegate_id: id,
  badge_issue: z.number().int(),
  printer: text,
  size: z.string().max(20),
  back: z.number().int(),
  status: z.enum(['queued', 'printing', 'done', 'failed']),
  error: text.nullable(),
  system_ref: text.nullable(),
  attempts: z.number().int(),
  file: text.nullable(),
  created_at: iso,
  device_id: z.string().max(100),
});
/** A code from a registration system; `ci`: that system ignores case (order codes), so scans do too. */
const externalCode = z.object({ code: z.string().min(1).max(200), ci: z.boolean(), kind: z.enum(['order', 'ticket', 'attendee']) });
export type ExternalCode = z.infer<typeof externalCode>;

export type PrintColumns = z.infer<typeof printFields>;

export const payloadSchemas = {
  'event.created': z.object({
    id, name: text, nameJa: optText, venue: text, venueJa: optText, timezone: z.string().max(64), rehearsal: z.boolean(),
    days: z.array(eventDay).max(60), sessions: z.array(session).max(5000), buses: z.array(bus).max(500),
    checkpoints: z.array(checkpoint).max(5000), publicKey: z.string().max(200), at: iso,
  }),
  'event.updated': z.object({
    fields: z.object({
      name: text, name_ja: text.nullable(), venue: text, venue_ja: text.nullable(), timezone: z.string().max(64), rehearsal: z.number().int().min(0).max(1),
      admit_waitlisted: z.number().int().min(0).max(1), starts_on: z.string().max(10), ends_on: z.string().max(10),
    }).partial(),
    at: iso,
  }),
  'checkpoint.upserted': z.object({ id, fields: checkpointFields.partial(), at: iso }),
  'session.upserted': z.object({ id, fields: sessionFields.partial(), at: iso }),
  'bus.upserted': z.object({ id, fields: busFields.partial(), at: iso }),
  'day.upserted': z.object({ dayNo: z.number().int().min(1).max(366), fields: dayFields.partial(), at: iso }),
  'delegate.upserted': z.object({ id, badgeNo: z.number().int().positive().optional(), fields: delegateFields.partial(), at: iso }),
  'delegate.cancelled': z.object({ id, cancelled: z.boolean(), at: iso }),
  'delegate.codes': z.object({ delegateId: id, add: z.array(externalCode).max(50), remove: z.array(externalCode).max(50) }),
  'registration.changed': z.object({ delegateId: id, add: z.array(id).max(1000), remove: z.array(id).max(1000) }),
  'meeting.added': z.object({ id, eventId: id, sessionId: id, delegateA: id, delegateB: id, startsAt: iso, endsAt: iso, tableNo: z.string().max(40) }),
  'badge.reissued': z.object({ delegateId: id, issue: z.number().int().positive() }),
  'print.job': z.object({ id, fields: printFields.partial(), at: iso }),
  'scan.recorded': z.object({
    id, checkpointId: id, targetKey: id, delegateId: id.nullable(), badgeNo: z.number().int().positive().nullable(),
    code: z.string().max(400), verdict: z.enum(VERDICTS), reason: text, day: z.string().max(10), admissionDay: z.string().max(10),
    scannedAt: iso, overrideReason: text.nullable(),
  }),
  'scan.undone': z.object({ scanId: id, reason: text, at: iso }),
  // Badge branding, last writer wins per field (a role's colour and words are fields of their own).
  'branding.changed': z.object({
    fields: z.object({
      title: text.nullable(), titleJa: text.nullable(), sponsor: text.nullable(),
      logo: z.object({ mime: z.enum(['image/png', 'image/svg+xml']), base64: z.string().max(1_400_000), width: z.number().int().positive(), height: z.number().int().positive() }).nullable(),
      roles: z.partialRecord(z.enum(ROLES), z.object({ colour: z.string().regex(/^#[0-9a-f]{6}$/), label: z.string().max(40), labelJa: z.string().max(40) }).partial()),
    }).partial(),
    at: iso,
  }),
  // The staff PIN, and the column mapping an organiser set by hand for one kind of file (its header signature), reused
  // on every desk next time the same source's file comes in.
  'setting.changed': z.object({ key: z.union([z.literal('staff_pin'), z.string().regex(/^import_mapping:[0-9a-f]{16}$/)]), value: z.string().max(4000), at: iso, by: z.string().max(100).optional() }),
  'device.enrolled': z.object({
    deviceId: id, role: z.enum(['desk', 'door', 'kiosk', 'venue', 'organiser', 'hub']), name: z.string().max(200),
    badgeBlock: z.object({ first: z.number().int().positive(), last: z.number().int().positive() }).nullable(), at: iso,
  }),
  'privacy.exported': z.object({ delegateId: id, at: iso }),
  'privacy.purged': z.object({ at: iso }),
} as const;

export type EntryType = keyof typeof payloadSchemas;
export type PayloadOf<T extends EntryType> = z.infer<(typeof payloadSchemas)[T]>;
export const ENTRY_TYPES = Object.keys(payloadSchemas) as EntryType[];

export interface EntryHeader {
  entryId: string;
  deviceId: string;
  /** Gap-free per device: the version vector counts these. */
  deviceSeq: number;
  hlc: string;
}
export type Entry = { [T in EntryType]: EntryHeader & { type: T; payload: PayloadOf<T> } }[EntryType];
/** Entries from versions before the replication core: kept as history, never applied. */
export type LegacyEntry = EntryHeader & { type: `legacy.${string}`; payload: unknown };
export type StoredEntry = Entry | LegacyEntry;

const header = z.object({
  entryId: z.string().min(8).max(64),
  deviceId: z.string().min(1).max(64).regex(/^[\w.-]+$/),
  deviceSeq: z.number().int().positive(),
  hlc: z.string().regex(/^\d{13}-[0-9a-f]{4}-[\w.-]{1,64}$/),
});

// Built once: constructing a zod schema costs far more than using it.
const envelope = header.extend({ type: z.string().max(64), payload: z.unknown() });

/** Checks an entry from another device; answers the problem in words, or the typed entry. */
export function parseEntry(raw: unknown): { ok: true; entry: StoredEntry } | { ok: false; problem: string } {
  const h = envelope.safeParse(raw);
  if (!h.success) return { ok: false, problem: h.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
  const { type } = h.data;
  const unstorable = unstorableText(type, 'type') ?? unstorableText(h.data.payload);
  if (unstorable) return { ok: false, problem: `${unstorable}: a NUL or a broken character, which no hub can store` };
  if (type.startsWith('legacy.')) return { ok: true, entry: h.data as LegacyEntry };
  if (!Object.hasOwn(payloadSchemas, type)) return { ok: false, problem: `unknown entry type ${type}` };
  const p = payloadSchemas[type as EntryType].safeParse(h.data.payload);
  if (!p.success) return { ok: false, problem: `${type}: ${p.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}` };
  return { ok: true, entry: { ...h.data, type, payload: p.data } as Entry };
}

/** An entry as a log table holds it, the payload as JSON text: the change log of an event file, the PostgreSQL hub's. */
export interface EntryRow {
  entry_id: string;
  device_id: string;
  device_seq: number;
  hlc: string;
  type: string;
  payload: string;
}

/** The one mapping from a log row to the entry it holds (the replica's log and the PostgreSQL hub's alike). */
export function entryOfRow(r: EntryRow): StoredEntry {
  return { entryId: r.entry_id, deviceId: r.device_id, deviceSeq: r.device_seq, hlc: r.hlc, type: r.type, payload: JSON.parse(r.payload) } as StoredEntry;
}
