// Who may make which change: the authorisation matrix for synced entries (issue 23, 1). A hub relayed any entry
// type from any paired device, so one door's or kiosk's credential could change the staff PIN, make a delegate an
// organiser or purge everyone. Every entry is decided here by its author's device role and scope, on the hub when
// a station pushes and on every station before apply (a station never applies what this refuses, from anyone).
// Pure: the entry and the facts go in, a decision comes out; the callers look the facts up (see the wiring plan in
// the issue-23 note). Neighbours: trust/entry-clock.ts (how far ahead an entry's clock may be), model/entry-text.ts
// (text no hub can store), trust/access.ts (who may call which Api method on one station).
import type { CheckpointKind } from '../../api/contract.js';
import { inspectSvg } from '../event/svg-logo.js';
import type { EntryType, PayloadOf, StoredEntry } from '../replication/entries.js';

/** The role a device was enrolled with (`device.enrolled`); `hub` is the hub's own device (the organisers' machine). */
export type DeviceRole = PayloadOf<'device.enrolled'>['role'];
export const DEVICE_ROLES = ['desk', 'door', 'kiosk', 'venue', 'organiser', 'hub'] as const satisfies readonly DeviceRole[];

/** What the receiver knows about the event the entry claims to belong to. */
export interface ScopeFacts {
  eventId: string;
  /** The checkpoints of this event, with the admission key their scans must use. */
  checkpoints: ReadonlyMap<string, { kind: CheckpointKind; targetKey: string }>;
  /** The receiver's own device id: an entry from elsewhere claiming it is forged (the receiver wrote its own). */
  receiverDeviceId?: string;
  /** The station a print job belongs to, when the receiver holds the job already. */
  printJobOwner?: (jobId: string) => string | undefined;
}

export type RefusalCode =
  /** No device of this event with that id: never enrolled, so no role. */
  | 'unknown_device'
  /** The entry claims the receiver's own device id. */
  | 'own_id'
  /** This role never makes this kind of change. */
  | 'role'
  /** The role may make it, but not there: another event, an unknown checkpoint, another station's print job. */
  | 'scope'
  /** A value that would break every station (a time zone that does not exist, an SVG that is not safe). */
  | 'bad_value'
  /** History from versions before the replication core: kept where it was written, never relayed. */
  | 'legacy';

/**
 * `pending`: the refusal rests on something the receiver may simply not have seen yet (the author's enrolment, a new
 * checkpoint, the job's first entry): entries of different devices arrive in any order, so such an entry is held and
 * decided again after the next entries are applied. Every other refusal is final. Decisions read only the entry and
 * facts that, once known, never change back, so every receiver ends with the same answer whatever the order.
 */
export type EntryDecision = { ok: true } | { ok: false; code: RefusalCode; message: string; pending: boolean };

const ORGANISERS = ['organiser', 'venue', 'hub'] as const satisfies readonly DeviceRole[];
const DESK = ['desk', ...ORGANISERS] as const satisfies readonly DeviceRole[];
const PRINTS = ['desk', 'kiosk', ...ORGANISERS] as const satisfies readonly DeviceRole[];
const SCANS = ['door', 'kiosk', 'desk', ...ORGANISERS] as const satisfies readonly DeviceRole[];
/** Badge blocks and device roles are the hub's word (a venue hub's, relayed upstream, too). */
const HUBS = ['venue', 'hub'] as const satisfies readonly DeviceRole[];

/**
 * Which roles may make each entry type. `satisfies Record<EntryType, …>`: a new entry type does not compile
 * until someone decides, and test/unit/entry-rules.test.ts walks every type × every role against its own table.
 */
export const ENTRY_MAKERS = {
  // The event and its programme, its badges' look, the staff PIN, privacy: the organisers'.
  'event.created': ORGANISERS,
  'event.updated': ORGANISERS,
  'checkpoint.upserted': ORGANISERS,
  'session.upserted': ORGANISERS,
  'bus.upserted': ORGANISERS,
  'day.upserted': ORGANISERS,
  'meeting.added': ORGANISERS,
  'branding.changed': ORGANISERS,
  'setting.changed': ORGANISERS,
  'privacy.exported': ORGANISERS,
  'privacy.purged': ORGANISERS,
  // People at the desk: walk-ins, corrections, registrations, cancellations, reprints (a privileged role is the
  // organisers', see below). Never a door or a kiosk: a kiosk finds one person and prints the badge a desk issued.
  'delegate.upserted': DESK,
  'delegate.cancelled': DESK,
  'delegate.codes': DESK,
  'registration.changed': DESK,
  'badge.reissued': DESK,
  'scan.undone': DESK,
  // Its own print queue: a kiosk prints too.
  'print.job': PRINTS,
  // Admissions at the checkpoints of its event: what a lost door tablet can do, and nothing more.
  'scan.recorded': SCANS,
  'device.enrolled': HUBS,
} as const satisfies Record<EntryType, readonly DeviceRole[]>;

/** Delegate roles that unlock staff screens; giving or taking them is the organisers'. */
const PRIVILEGED: ReadonlySet<string> = new Set(['staff', 'organiser']);

const ROLE_WORDS: Record<DeviceRole, string> = {
  desk: 'a registration desk', door: 'a door', kiosk: 'a kiosk', venue: 'a venue hub', organiser: "an organisers' station", hub: 'the hub',
};

/**
 * May a device of `role` (null: not enrolled in this event) make this entry, within `scope`? The author is the
 * entry's `deviceId`; the caller resolves its role from the event's device enrolments (the hub's own id is `hub`).
 */
export function authoriseEntry(entry: StoredEntry, role: DeviceRole | null, scope: ScopeFacts): EntryDecision {
  if (scope.receiverDeviceId !== undefined && entry.deviceId === scope.receiverDeviceId) {
    return refuse('own_id', `An entry from elsewhere claims this device's own id ${entry.deviceId}: refused.`);
  }
  if (entry.type.startsWith('legacy.')) return refuse('legacy', `${entry.type}: history of an older version, kept where it was written and never relayed.`);
  if (role === null) return refuse('unknown_device', `Device ${entry.deviceId} is not enrolled in this event: its changes are refused.`, true);
  const e = entry as Exclude<StoredEntry, { type: `legacy.${string}` }>;
  const makers: readonly DeviceRole[] = ENTRY_MAKERS[e.type];
  if (!makers.includes(role)) return refuse('role', `${ROLE_WORDS[role]} (${entry.deviceId}) may not make ${e.type}.`);
  return scoped(e, role, scope);
}

type Typed = Exclude<StoredEntry, { type: `legacy.${string}` }>;

function scoped(e: Typed, role: DeviceRole, scope: ScopeFacts): EntryDecision {
  switch (e.type) {
    case 'event.created':
      return e.payload.id === scope.eventId ? zone(e.payload.timezone) : refuse('scope', `event.created for event ${e.payload.id}, not this event.`);
    case 'event.updated':
      return e.payload.fields.timezone === undefined ? OK : zone(e.payload.fields.timezone);
    case 'meeting.added':
      return e.payload.eventId === scope.eventId ? OK : refuse('scope', `A meeting of event ${e.payload.eventId}, not this event.`);
    case 'delegate.upserted': {
      // Only the new value is read, never the delegate's current role: that would make the answer depend on
      // which entries arrived first.
      const next = e.payload.fields.role;
      if (role === 'desk' && next !== undefined && PRIVILEGED.has(next)) return refuse('role', `A registration desk may not make a delegate ${next}: that is the organisers'.`);
      return OK;
    }
    case 'scan.recorded': {
      const cp = scope.checkpoints.get(e.payload.checkpointId);
      if (!cp) return refuse('scope', `A scan at checkpoint ${e.payload.checkpointId}, which is not one of this event's.`, true);
      if (cp.targetKey !== e.payload.targetKey) return refuse('scope', `A scan at ${e.payload.checkpointId} counted for ${e.payload.targetKey}, not for ${cp.targetKey}.`);
      if (role === 'kiosk' && cp.kind !== 'venue') return refuse('scope', `A kiosk checks people in at the venue only, not at ${e.payload.checkpointId}.`);
      if (role === 'kiosk' && e.payload.overrideReason !== null) return refuse('scope', 'A kiosk cannot admit anyway: overrides are staff decisions at a door or the desk.');
      return OK;
    }
    case 'print.job': {
      const f = e.payload.fields;
      if (f.file !== undefined && f.file !== null) return refuse('scope', 'A print job names a file: stations print only their own rendering of a badge.');
      const owner = f.device_id ?? scope.printJobOwner?.(e.payload.id);
      if (owner !== e.deviceId) return refuse('scope', `Print job ${e.payload.id} belongs to ${owner ?? 'no known station'}, not to ${e.deviceId}.`, owner === undefined);
      return OK;
    }
    case 'branding.changed': {
      const logo = e.payload.fields.logo;
      if (!logo || logo.mime !== 'image/svg+xml') return OK;
      const check = inspectSvg('logo.svg', Buffer.from(logo.base64, 'base64'));
      return check.ok ? OK : refuse('bad_value', `The badge logo is refused (${check.code}${'what' in check.values ? `: ${String(check.values.what)}` : ''}).`);
    }
    default:
      return OK;
  }
}

const OK: EntryDecision = { ok: true };

function refuse(code: RefusalCode, message: string, pending = false): EntryDecision {
  return { ok: false, code, message, pending };
}

const zones = new Map<string, boolean>();
/** A time zone every station can format in: `Bogus/Zone` made every scan answer 500 on every station. */
function zone(tz: string): EntryDecision {
  let known = zones.get(tz);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      known = true;
    } catch {
      known = false;
    }
    if (zones.size < 1000) zones.set(tz, known);
  }
  return known ? OK : refuse('bad_value', `The time zone ${tz.slice(0, 64)} does not exist: every scan would fail.`);
}
