// Who is calling, from what a request carries: the hosts (host/server.ts) pass in the peer address, the
// Authorization header and the cookies, and get a Caller or the reason for refusing. Plain Node: no HTTP here.
// On loopback it is the desk laptop's own window (the local operator); from the LAN only a station paired with this
// laptop's hub gets in, as the role it was paired for, with its credential in `Authorization: Bearer DEVICE.SECRET`
// (the same credential it syncs with) or, for a browser paired at `/pair`, in the HttpOnly cookie `uketsuke_device`.
import type { StationRole } from '../../api/vocabulary.js';
import { HubAuthError } from '../sync/hub-service.js';
import { LOCAL_OPERATOR, type Caller, type StationKind } from './access.js';

/** The cookie a browser paired from the LAN presents (HttpOnly: the page's scripts never see it). */
export const DEVICE_COOKIE = 'uketsuke_device';

/** What a device paired for a role is as a client of the Api (a venue hub's own screens are a desk's). */
export const DEVICE_STATIONS: Partial<Record<StationRole, StationKind>> = { desk: 'desk', venue: 'desk', door: 'door', kiosk: 'kiosk', organiser: 'organiser' };

export interface CallerCredentials {
  remoteAddress: string | undefined;
  authorization: string | undefined;
  /** The Cookie header as sent. */
  cookie: string | undefined;
}

export interface CallerContext {
  /** What this machine's own browser is (a station running in a browser), or the local operator by default. */
  station?: StationKind;
  /** The hub's check of a device credential (sync/hub.ts): throws HubAuthError when it is no paired device's. */
  authenticate(credential: string | undefined): { device_id: string; role: string };
}

export function isLoopback(address: string | undefined): boolean {
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1' || (address?.startsWith('127.') ?? false);
}

export function cookieOf(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

export function authenticateCaller(ctx: CallerContext, req: CallerCredentials): Caller | { refused: string } {
  if (isLoopback(req.remoteAddress)) return ctx.station && ctx.station !== 'organiser' ? { clientId: `local-${ctx.station}`, station: ctx.station } : LOCAL_OPERATOR;
  const auth = /^Bearer (\S{1,200})$/.exec(req.authorization ?? '');
  try {
    const device = ctx.authenticate(auth?.[1] ?? cookieOf(req.cookie, DEVICE_COOKIE));
    const station = DEVICE_STATIONS[device.role as StationRole];
    if (!station) return { refused: 'This device was paired for a role that cannot use this screen.' };
    return { clientId: `device:${device.device_id}`, station };
  } catch (e) {
    if (e instanceof HubAuthError) return { refused: e.message };
    throw e;
  }
}
