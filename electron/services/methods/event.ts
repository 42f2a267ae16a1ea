// The event wing of the Api: the event and its checkpoints (every screen reads them), and event setup (the Event
// screen): programme, days, sessions, buses, checkpoint rules, badge branding, a new event or the demo. Every change
// is a replicated entry; changing the setup is the organisers'.
import { z } from 'zod';
import type { BrandingView, Checkpoint, EventInfo, Programme } from '../../api/contract.js';
import type { ProgrammeImportReport } from '../../api/event-setup.js';
import { ENTRY_RULES, LIST_RULES, ROLES } from '../../api/vocabulary.js';
import { targetKeyOf } from '../event/event-store.js';
import { registeredCounts } from '../dashboard/checkpoint-feed.js';
import { ANYONE, DESK, ORGANISER } from '../trust/access.js';
import type { Uketsuke } from '../uketsuke.js';
import { fileInput, id, none, text } from './inputs.js';
import { FILE_BODY_LIMIT, method } from './method.js';

const capacity = z.number().int().min(1).max(1_000_000).nullable().optional();

export const eventMethods = {
  event: method({ input: none, access: ANYONE, run: (_, { app }): EventInfo => eventInfo(app) }),
  checkpoints: method({ input: none, access: ANYONE, run: (_, { app }): Checkpoint[] => checkpoints(app) }),
  // The programme is read by every staff screen.
  programme: method({ input: none, access: DESK, run: (_, { app }): Programme => programmeView(app) }),
  updateEvent: method({
    input: z.object({
      name: text(200).optional(), nameJa: text(200).nullable().optional(), venue: text(300).optional(), venueJa: text(300).nullable().optional(), timezone: text(64).optional(),
      rehearsal: z.boolean().optional(), admitWaitlisted: z.boolean().optional(), startsOn: text(10).optional(), endsOn: text(10).optional(),
    }),
    access: ORGANISER,
    run: (fields, { app }): EventInfo => (app.programme.updateEvent(fields), eventInfo(app)),
  }),
  saveSession: method({
    input: z.object({
      id: id.nullable().optional(), title: text(500), titleJa: text(500).nullable().optional(), room: text(200).nullable().optional(),
      kind: text(40).optional(), startsAt: text(40), endsAt: text(40), capacity,
    }),
    access: ORGANISER,
    run: (s, { app }): { id: string } => ({ id: app.programme.saveSession(s) }),
  }),
  archiveSession: method({
    input: z.object({ id, archived: z.boolean().default(true) }),
    access: ORGANISER,
    run: ({ id, archived }, { app }): Programme => (app.programme.archiveSession(id, archived), programmeView(app)),
  }),
  moveSession: method({
    input: z.object({ id, direction: z.enum(['up', 'down']) }),
    access: ORGANISER,
    run: ({ id, direction }, { app }): Programme => (app.programme.moveSession(id, direction), programmeView(app)),
  }),
  saveDay: method({
    input: z.object({ dayNo: z.number().int().min(1).max(366), title: text(200), titleJa: text(200).nullable().optional() }),
    access: ORGANISER,
    run: ({ dayNo, title, titleJa }, { app }): EventInfo => (app.programme.saveDay(dayNo, title, titleJa ?? null), eventInfo(app)),
  }),
  saveBus: method({
    input: z.object({
      id: id.nullable().optional(), label: text(200), site: text(300), departsAt: text(40), boardsAt: text(40).nullable().optional(),
      returnsAt: text(40).nullable().optional(), meetingPoint: text(300).nullable().optional(), capacity: z.number().int().min(1).max(10_000),
    }),
    access: ORGANISER,
    run: (b, { app }): { id: string } => ({ id: app.programme.saveBus(b) }),
  }),
  archiveBus: method({
    input: z.object({ id, archived: z.boolean().default(true) }),
    access: ORGANISER,
    run: ({ id, archived }, { app }): Programme => (app.programme.archiveBus(id, archived), programmeView(app)),
  }),
  saveCheckpointRules: method({
    input: z.object({
      id,
      rules: z.object({
        name: text(300).optional(), nameJa: text(300).nullable().optional(), capacity,
        opensAt: text(40).nullable().optional(), closesAt: text(40).nullable().optional(),
        entryRule: z.enum(ENTRY_RULES).optional(), listRule: z.enum(LIST_RULES).optional(),
      }),
    }),
    access: ORGANISER,
    run: ({ id, rules }, { app }): Programme => (app.programme.saveCheckpointRules(id, rules), programmeView(app)),
  }),
  programmeImport: method({
    input: z.object({ ...fileInput, dryRun: z.boolean().default(false) }),
    access: ORGANISER,
    run: ({ fileName, base64, dryRun }, { app }): Promise<ProgrammeImportReport> => app.programme.import(fileName, Buffer.from(base64, 'base64'), { dryRun }),
  }),
  // Badge branding (Event screen): replicated, drawn on every badge size; read by the Event screen only (it is on
  // every badge anyway). `dryRun` checks and answers the warnings (contrast) without saving: the live preview asks it
  // as the organiser types.
  branding: method({ input: none, access: ORGANISER, run: (_, { app }): BrandingView => app.branding.view() }),
  setBranding: method({
    input: z.object({
      title: text(200).nullable().optional(), titleJa: text(200).nullable().optional(), sponsor: text(200).nullable().optional(),
      logo: z.object({ fileName: text(300), base64: z.string().max(2_000_000) }).nullable().optional(),
      roles: z.partialRecord(z.enum(ROLES), z.object({ colour: z.string().max(20).optional(), label: text(40).optional(), labelJa: text(40).optional() })).optional(),
      dryRun: z.boolean().default(false),
    }),
    access: ORGANISER,
    bodyLimit: FILE_BODY_LIMIT,
    run: (input, { app }): Promise<BrandingView> => app.branding.set(input),
  }),
  // "Create a new event": in a file of its own (event/file-switch.ts).
  newEvent: method({
    input: z.object({
      name: text(200).min(1), nameJa: text(200).nullable().optional(), venue: text(300).optional(), venueJa: text(300).nullable().optional(), timezone: text(64).min(1),
      startsOn: text(10), endsOn: text(10), rehearsal: z.boolean().optional(),
    }),
    access: ORGANISER,
    run: (input, { app }): Promise<{ eventId: string; file: string }> => app.files.newEvent(input),
  }),
  // First start (no event in the file yet): the demo, in one click; a station with no event yet is the organiser's own.
  openDemo: method({ input: none, access: ORGANISER, run: (_, { app }): Promise<{ eventId: string }> => app.files.openDemo() }),
};

function eventInfo(app: Uketsuke): EventInfo {
  return { ...app.event.info(), codeShapes: app.delegates.codeShapes() };
}

function checkpoints(app: Uketsuke): Checkpoint[] {
  const registered = registeredCounts(app.core);
  return app.event.checkpointRows().map((cp) =>
    app.event.toCheckpoint(cp, app.checkin.admittedCount(cp), cp.list_rule === 'registered' ? (registered.get(targetKeyOf(cp)) ?? 0) : null),
  );
}

function programmeView(app: Uketsuke): Programme {
  return { sessions: app.programme.sessions(), buses: app.programme.buses(), checkpoints: checkpoints(app) };
}
