// Enforces each method's access (its descriptor's principals, services/methods/) for every call, keeps who is signed in on which client, and the finer rules a table
// cannot say: creating or promoting staff and organisers needs an organiser; a kiosk prints only the badge of the
// person it has just checked in.
import type { ApiMethod } from '../../api/contract.js';
import type { Role } from '../../api/vocabulary.js';
import { ServiceError, type Core } from '../core.js';
import type { Delegates } from '../people/delegates.js';
import type { StaffLock, UnlockResult } from './staff-lock.js';
import { grantsOf, LOCAL_OPERATOR, type Caller, type Principal, type StaffLevel, type StationKind } from './access.js';

/** A signed-in staff member is signed out after this long without a call from their client. */
export const SESSION_IDLE_MS = 10 * 60_000;
/** How long after its check-in a kiosk may still print that person's badge (a retry after a paper jam). */
const KIOSK_PRINT_WINDOW_MS = 5 * 60_000;
const MAX_SESSIONS = 10_000;

export class ForbiddenError extends ServiceError {
  constructor(message: string) {
    super('forbidden', message);
  }
}

interface Session {
  level: StaffLevel | null;
  /** Whose staff badge signed in (null: the PIN). */
  who: string | null;
  lastSeen: number;
  /** The person this client last checked in (a kiosk may print their badge). */
  lastCheckIn: { delegateId: string; at: number } | null;
}

export interface SessionView {
  station: StationKind;
  signedIn: StaffLevel | null;
  may: Principal[];
  /** The staff member whose badge signed in (null for the PIN, or nobody). */
  person: { familyName: string; givenName: string; familyNameKanji: string | null; givenNameKanji: string | null } | null;
  /** When this sign-in ends if the station stays unused (null: nobody signed in). */
  idleSignOutAt: string | null;
  idleMinutes: number;
}

const PRIVILEGED_ROLES: ReadonlySet<string> = new Set<Role>(['staff', 'organiser']);

export class Trust {
  private readonly sessions = new Map<string, Session>();

  constructor(
    private readonly core: Core,
    private readonly staffLock: StaffLock,
    private readonly delegates: Delegates,
    /** Who may call a method: its descriptor's principals (services/methods/index.ts). */
    private readonly accessOf: (method: string) => readonly Principal[],
  ) {}

  /** This client's session; `touch`: the call counts as use (a screen asking who is signed in does not). */
  private session(caller: Caller, touch = true): Session {
    const now = this.core.nowMs();
    let s = this.sessions.get(caller.clientId);
    if (s && s.level && now - s.lastSeen > SESSION_IDLE_MS) Object.assign(s, { level: null, who: null });
    if (!s) {
      if (this.sessions.size >= MAX_SESSIONS) this.sessions.delete(this.sessions.keys().next().value as string);
      s = { level: null, who: null, lastSeen: now, lastCheckIn: null };
      this.sessions.set(caller.clientId, s);
    }
    if (touch) s.lastSeen = now;
    return s;
  }

  grants(caller: Caller, touch = true): Set<Principal> {
    return grantsOf(caller.station, this.session(caller, touch).level);
  }

  /** Who is signed in on this client, and until when if idle; asking does not keep the sign-in alive. */
  view(caller: Caller): SessionView {
    const s = this.session(caller, false);
    const person = s.who ? this.personOf(s.who) : null;
    return {
      station: caller.station, signedIn: s.level, may: [...grantsOf(caller.station, s.level)], person,
      idleSignOutAt: s.level ? new Date(s.lastSeen + SESSION_IDLE_MS).toISOString() : null,
      idleMinutes: SESSION_IDLE_MS / 60_000,
    };
  }

  private personOf(id: string): SessionView['person'] {
    try {
      const d = this.delegates.get(id);
      return { familyName: d.family_name, givenName: d.given_name, familyNameKanji: d.family_name_kanji, givenNameKanji: d.given_name_kanji };
    } catch {
      return null;
    }
  }

  /** Throws ForbiddenError unless this caller may call this method with this (validated) input. */
  authorize(method: ApiMethod | string, input: unknown, caller: Caller = LOCAL_OPERATOR): void {
    // The sign-in strip asks every few seconds: that is not use of the station.
    const grants = this.grants(caller, method !== 'session');
    const allowed = this.accessOf(method);
    if (!allowed.some((p) => grants.has(p))) {
      throw new ForbiddenError(`${method} needs ${describe(allowed)}: sign in with the staff PIN or a staff badge.`);
    }
    if (method === 'walkIn' && PRIVILEGED_ROLES.has(roleOf(input) ?? '') && !grants.has('organiser')) {
      throw new ForbiddenError('Registering a staff member or an organiser needs an organiser: sign in with an organiser badge.');
    }
    if (method === 'updateDelegate') {
      const next = roleOf((input as { fields?: unknown }).fields);
      const id = (input as { id?: unknown }).id;
      const current = typeof id === 'string' ? this.currentRole(id) : undefined;
      const changes = next !== undefined && current !== undefined && next !== current;
      if (changes && (PRIVILEGED_ROLES.has(next) || PRIVILEGED_ROLES.has(current)) && !grants.has('organiser')) {
        throw new ForbiddenError('Making someone staff or organiser (or taking it away) needs an organiser: sign in with an organiser badge.');
      }
    }
    if (method === 'printBadge' && !grants.has('desk') && !grants.has('staff')) {
      const last = this.session(caller).lastCheckIn;
      const delegateId = (input as { delegateId?: unknown }).delegateId;
      if (!last || last.delegateId !== delegateId || this.core.nowMs() - last.at > KIOSK_PRINT_WINDOW_MS) {
        throw new ForbiddenError('A kiosk prints only the badge of the person it has just checked in.');
      }
    }
  }

  private currentRole(id: string): string | undefined {
    try {
      return this.delegates.get(id).role;
    } catch {
      return undefined; // unknown id: the handler answers not_found
    }
  }

  /** After a successful call: remember whom a client checked in (the kiosk's own-badge rule). */
  after(method: ApiMethod | string, output: unknown, caller: Caller = LOCAL_OPERATOR): void {
    if (method !== 'checkIn' && method !== 'scan') return;
    const d = (output as { delegate?: { id?: unknown } | null; verdict?: unknown }).delegate;
    const verdict = (output as { verdict?: unknown }).verdict;
    if (d && typeof d.id === 'string' && (verdict === 'admitted' || verdict === 'readmitted' || verdict === 'already_checked_in')) {
      this.session(caller).lastCheckIn = { delegateId: d.id, at: this.core.nowMs() };
    }
  }

  /** Sign-in: the PIN or a staff/organiser badge, counted against this client's lockout only. */
  signIn(secret: string, caller: Caller = LOCAL_OPERATOR): UnlockResult {
    const r = this.staffLock.unlock(secret, caller.clientId);
    if (r.ok && r.level) Object.assign(this.session(caller), { level: r.level, who: r.delegateId ?? null });
    return r;
  }

  signOut(caller: Caller = LOCAL_OPERATOR): void {
    Object.assign(this.session(caller), { level: null, who: null });
  }

  /** True when this client signed in with an organiser badge (and has not timed out). */
  signedInAsOrganiser(caller: Caller): boolean {
    return this.session(caller, false).level === 'organiser';
  }
}

function roleOf(input: unknown): string | undefined {
  if (typeof input !== 'object' || input === null) return undefined;
  const role = (input as { role?: unknown }).role;
  return typeof role === 'string' ? role : undefined;
}

function describe(allowed: readonly Principal[]): string {
  if (allowed.length === 1 && allowed[0] === 'organiser') return 'an organiser';
  if (allowed.every((p) => p === 'staff' || p === 'organiser')) return 'a staff member';
  return `a ${allowed.join(' / ')} station or a staff member`;
}
