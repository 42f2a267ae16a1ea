// Ids that cannot collide offline, and agree where they should: a delegate added from a registration (its code, or
// else its email) gets an id derived from the event and that key, so the same registration imported on two
// offline desks is one person once they sync. Walk-ins with neither get a random id.
import { createHash } from 'node:crypto';

export function delegateIdFor(eventId: string, rec: { external_code: string | null; email: string | null }): string {
  const key = rec.external_code ? `code:${rec.external_code.normalize('NFKC').toUpperCase()}` : `email:${(rec.email ?? '').toLowerCase()}`;
  return `d_${createHash('sha256').update(`${eventId}\n${key}`).digest('hex').slice(0, 16)}`;
}
