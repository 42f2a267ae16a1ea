// The people wing of the Api: finding delegates (desk search, kiosk), the delegate card, walk-ins and edits, what a
// delegate is registered for, badge reissue, a person's own data. Each method: schema, who may call it, handler.
import { z } from 'zod';
import type { Delegate, DelegateDetail, DelegateHit, FileDownload } from '../../api/contract.js';
import { ROLES } from '../../api/vocabulary.js';
import { ServiceError } from '../core.js';
import { withLatinNames } from '../people/names.js';
import { DESK, KIOSK, ORGANISER, STAFF } from '../trust/access.js';
import type { Uketsuke } from '../uketsuke.js';
import { delegateEditSchema, id, none, walkInSchema } from './inputs.js';
import { method } from './method.js';

export const peopleMethods = {
  // The kiosk finds and checks in the person in front of it: hits carry no badge token.
  searchDelegates: method({
    input: z.object({
      query: z.string().max(200),
      limit: z.number().int().min(1).max(100).default(20),
      /** The desk's filter chips; the ranking is the search's own, only people who pass are kept. */
      filters: z
        .object({ arrived: z.boolean().optional(), role: z.enum(ROLES).optional(), country: z.string().min(1).max(100).optional(), attention: z.boolean().optional() })
        .strict()
        .optional(),
    }),
    access: KIOSK,
    run: ({ query, limit, filters }, { app }): DelegateHit[] => app.delegates.search(query, limit, {}, filters ?? {}),
  }),
  // The desk's country filter: every country a delegate of this event gave, with how many.
  countries: method({ input: none, access: DESK, run: (_, { app }): { country: string; delegates: number }[] => app.delegates.countries() }),
  // The delegate card carries the badge token: never for a kiosk or a door.
  delegate: method({ input: z.object({ id }), access: DESK, run: ({ id }, { app }): DelegateDetail => app.cards.detail(id) }),
  // The self-service kiosk finds one person by two things they know, never by a fragment (people/kiosk-lookup.ts).
  kioskFind: method({
    input: z.object({ name: z.string().max(200), email: z.string().max(254) }),
    access: KIOSK,
    run: ({ name, email }, { app }): { match: Delegate | null } => ({ match: app.kiosk.find(name, email) }),
  }),
  walkIn: method({
    input: walkInSchema,
    access: STAFF,
    run: (given, { app }): DelegateDetail => {
      const input = namesOrRefuse(given);
      refuseUnknownTargets(app, input.registrations);
      const row = app.core.tx(() => {
        const d = app.delegates.insert({ ...input, email: input.email || null });
        app.delegates.register(d.id, input.registrations);
        return d;
      });
      return app.afterWrite(app.cards.detail(row.id));
    },
  }),
  updateDelegate: method({
    input: z.object({ id, fields: delegateEditSchema }),
    access: STAFF,
    run: ({ id, fields }, { app }): DelegateDetail =>
      app.afterWrite(app.cards.detail(app.core.tx(() => {
        const row = app.delegates.update(id, { ...namesOrRefuse(fields), email: fields.email || null });
        // The clerk has seen and saved the person: the reading, address and role stand as saved.
        return app.delegates.settleFlags(row.id, ['reading_guessed', 'reading_missing', 'email_invalid', 'role_unknown']);
      }).id)),
  }),
  // The desk confirms a reading the import guessed from the names dictionary: one key on the card.
  confirmReading: method({
    input: z.object({ id }),
    access: STAFF,
    run: ({ id }, { app }): DelegateDetail => app.afterWrite(app.cards.detail(app.core.tx(() => app.delegates.settleFlags(id, ['reading_guessed'])).id)),
  }),
  // The desk's "Sessions & bus": the sessions, meeting blocks and bus the delegate is registered for, as a whole.
  setRegistrations: method({
    input: z.object({ delegateId: id, targetIds: z.array(id).max(200) }),
    access: STAFF,
    run: ({ delegateId, targetIds }, { app }): DelegateDetail => {
      const universe = refuseUnknownTargets(app, targetIds);
      if (!app.delegates.findByIdOrEmail(delegateId)) throw new ServiceError('not_found', `No delegate ${delegateId}.`, { key: 'no_delegate', values: { key: delegateId } });
      app.core.tx(() => app.delegates.setRegistrations(delegateId, targetIds, universe));
      return app.afterWrite(app.cards.detail(delegateId));
    },
  }),
  reissueBadge: method({
    input: z.object({ delegateId: id }),
    access: STAFF,
    run: ({ delegateId }, { app }): DelegateDetail => app.afterWrite(app.cards.detail(app.delegates.reissue(delegateId).id)),
  }),
  subjectExport: method({
    input: z.object({ delegateId: id }),
    access: ORGANISER,
    run: ({ delegateId }, { app }): FileDownload => ({
      fileName: `personal-data-${app.delegates.get(delegateId).badge_no}.json`,
      mime: 'application/json',
      base64: Buffer.from(JSON.stringify(app.privacy.subjectExport(delegateId), null, 2), 'utf8').toString('base64'),
    }),
  }),
};

/** Latin names as typed or from the kana; a person needs a family and a given name one way or the other. */
function namesOrRefuse<T extends { familyName: string; givenName: string; familyNameKana?: string | null; givenNameKana?: string | null }>(f: T): T {
  const named = withLatinNames(f);
  if (!named) throw new ServiceError('bad_input', 'A family and a given name are needed: in Latin letters, or in kana to derive them from.', { key: 'names_required', values: {} });
  return named;
}

/** What the desk may register a delegate for: the programme's sessions (meeting blocks too) and buses, not archived. */
function registrationTargets(app: Uketsuke): Set<string> {
  return new Set([...app.programme.sessions().filter((x) => !x.archived).map((x) => x.id), ...app.programme.buses().filter((b) => !b.archived).map((b) => b.id)]);
}

/** Refuses ids that are not a current session or bus of this event; answers the ones that are. */
function refuseUnknownTargets(app: Uketsuke, ids: readonly string[]): Set<string> {
  const universe = registrationTargets(app);
  const unknown = ids.filter((t) => !universe.has(t));
  if (unknown.length) {
    const list = unknown.slice(0, 3).join(', ');
    throw new ServiceError('bad_input', `Not a session or bus of this event: ${list}`, { key: 'unknown_targets', values: { ids: list } });
  }
  return universe;
}
