// The event files of one running app, in one place for the desktop backend (electron/shell/backend.ts) and the CLI's
// web mode (electron/cli/commands/web.ts): which file is served, and the screens' ways to another one — create a new
// event, join a hub, open the demo — each opening the file, swapping the served app over and remembering the choice
// (./current-event.ts). Plain Node above the services; the shells keep only what needs Electron or a server.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cleanMarker } from '../../db/clean-close.js';
import type { Uketsuke } from '../services/uketsuke.js';
import type { NewEvent } from '../services/event/programme/programme.js';
import { ensureDemo } from '../demo/build-demo.js';
import { rememberEventFile } from './current-event.js';

/** Pairing a fresh file with a hub and keeping it in sync: HTTPS, so the shell that has it brings it (host/hub/). */
export interface HubLinks {
  pair(app: Uketsuke, code: string, name: string): Promise<{ eventId: string; delegates: number }>;
  connect(app: Uketsuke): void;
}

export interface WorkspaceOptions {
  /** Where `current-event` is kept; null: the choice is not remembered (the file was named by $UKETSUKE_DB). */
  dir: string | null;
  open(file: string): Uketsuke;
  /** A first start: an empty file offers the choice (create, join, demo) instead of getting the demo at once. */
  firstStart: boolean;
  /** Without it, "Join a hub" is left to the command line (`uketsuke pair`). */
  hubs?: HubLinks;
  /** Whatever else the shell wires into every app it serves (the web mode's "make this laptop the hub"). */
  serve?(app: Uketsuke): void;
  /** Where a line for the person who started the app goes (the web mode's stdout). */
  say?(line: string): void;
}

export class Workspace {
  private served: Uketsuke;
  private servedFile: string;

  private constructor(private readonly o: WorkspaceOptions, file: string) {
    this.servedFile = file;
    this.served = o.open(file);
  }

  /** Opens `file` and serves it. An empty file gets the demo, unless this is a first start (then the screens ask). */
  static start(file: string, o: WorkspaceOptions): Workspace {
    const ws = new Workspace(o, file);
    const app = ws.served;
    if (!o.firstStart && ensureDemo(app)) o.say?.(`No event in ${file} yet: loaded the demo event.`);
    if (o.firstStart && !app.event.exists()) app.files.setDemoOpener(() => ws.openDemo());
    ws.wire(app);
    return ws;
  }

  /** The app that answers now: read it on every call, it changes when the screens move to another file. */
  get app(): Uketsuke {
    return this.served;
  }

  get file(): string {
    return this.servedFile;
  }

  /**
   * "Create a new event": in the served file while it holds no event (the first start), else in a new file next to
   * it — the current event, demo or not, is kept — served from then on and opened at the next start.
   */
  async createEvent(input: NewEvent): Promise<{ eventId: string; file: string }> {
    if (!this.served.event.exists()) {
      const eventId = this.served.programme.createEvent(input);
      this.remember(this.servedFile);
      this.o.say?.(`New event: now serving ${input.name} from ${this.servedFile}`);
      return { eventId, file: this.servedFile };
    }
    const { result: eventId, file } = await this.switchToNew('event', (created) => created.programme.createEvent(input));
    this.o.say?.(`New event: now serving ${input.name} from ${file}`);
    return { eventId, file };
  }

  /** "Join a hub": pairs a new file next to this one, loads the hub's event into it and serves that instead. */
  async joinHub(code: string, name: string): Promise<{ eventId: string; delegates: number }> {
    const hubs = this.o.hubs;
    if (!hubs) throw new Error('workspace: no hub links');
    const { result, file } = await this.switchToNew('joined', async (joined) => {
      const r = await hubs.pair(joined, code, name || os.hostname());
      hubs.connect(joined);
      return r;
    });
    this.o.say?.(`Joined the hub: now serving ${this.served.event.info().name} from ${file}`);
    return { eventId: result.eventId, delegates: result.delegates };
  }

  /** "Open the demo" on a first start: the demo in the served (empty) file, remembered. */
  async openDemo(): Promise<{ eventId: string }> {
    ensureDemo(this.served);
    this.remember(this.servedFile);
    this.o.say?.(`Opened the demo event from ${this.servedFile}`);
    return { eventId: this.served.event.id() };
  }

  /** Serves `next` (from `file`) from now on; the previous app is closed. */
  swap(next: Uketsuke, file: string): void {
    const previous = this.served;
    this.served = next;
    this.servedFile = file;
    if (previous !== next) previous.close();
  }

  close(): void {
    this.served.close();
  }

  /** A new file next to the served one, filled by `fill`, then served and remembered; removed again if `fill` fails. */
  private async switchToNew<T>(prefix: string, fill: (app: Uketsuke) => T | Promise<T>): Promise<{ result: T; file: string }> {
    const file = path.join(path.dirname(path.resolve(this.servedFile)), `${prefix}-${Date.now()}.db`);
    const next = this.o.open(file);
    try {
      const result = await fill(next);
      this.wire(next);
      // The desk lists this station's printers as soon as it shows the new event.
      await next.printing.refreshPrinters();
      this.swap(next, file);
      this.remember(file);
      return { result, file };
    } catch (e) {
      next.close();
      // The file and its clean-close marker (db/clean-close.ts): a refused start leaves nothing behind.
      for (const f of [file, cleanMarker(file)]) fs.rmSync(f, { force: true });
      throw e;
    }
  }

  /** The screens' ways to another file, on an app about to be served. */
  private wire(app: Uketsuke): void {
    app.files.setEventCreator((input) => this.createEvent(input));
    if (this.o.hubs) app.hubRole.setHubJoiner((code, name) => this.joinHub(code, name));
    this.o.serve?.(app);
  }

  private remember(file: string): void {
    if (this.o.dir) rememberEventFile(this.o.dir, file);
  }
}
