// Which event file the desktop app opens, and "New event" after the first start: plain Node (the backend utility
// process and the main process both use it; tests run it without Electron). The app's folder keeps a `current-event`
// file naming the event last created or chosen, as `uketsuke web` does in its data folder.
import fs from 'node:fs';
import path from 'node:path';
import type { Uketsuke } from '../services/uketsuke.js';
import type { NewEvent } from '../services/event/programme/programme.js';

const POINTER = 'current-event';

/** The event file last chosen in `dir`, if it still exists; else `fallback`. */
export function currentEventFile(dir: string, fallback: string): string {
  try {
    const file = fs.readFileSync(path.join(dir, POINTER), 'utf8').trim();
    if (file && fs.existsSync(file)) return file;
  } catch {
    // No choice made yet.
  }
  return fallback;
}

export function rememberEventFile(dir: string, file: string): void {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, POINTER), `${path.resolve(file)}\n`);
}

/**
 * "Create a new event": in the open file while it holds no event (the first start), else in a new file next to it —
 * the current event (the demo or not) is kept — which the core then serves and the app opens from then on.
 */
export function desktopEventCreator(o: {
  /** Where `current-event` is kept; null: not remembered (the file was named by $UKETSUKE_DB). */
  dir: string | null;
  current(): { core: Uketsuke; file: string };
  open(file: string): Uketsuke;
  /** Makes `next` the core that answers from now on (the caller closes the previous one). */
  swap(next: Uketsuke, file: string): void;
}): (input: NewEvent) => Promise<{ eventId: string; file: string }> {
  const create = async (input: NewEvent): Promise<{ eventId: string; file: string }> => {
    const { core, file: currentFile } = o.current();
    if (!core.event.exists()) {
      const eventId = core.programme.createEvent(input);
      if (o.dir) rememberEventFile(o.dir, currentFile);
      return { eventId, file: currentFile };
    }
    const file = path.join(path.dirname(path.resolve(currentFile)), `event-${Date.now()}.db`);
    const created = o.open(file);
    try {
      const eventId = created.programme.createEvent(input);
      created.files.setEventCreator(create);
      // The desk lists this station's printers as soon as it shows the new event.
      await created.printing.refreshPrinters();
      o.swap(created, file);
      if (o.dir) rememberEventFile(o.dir, file);
      return { eventId, file };
    } catch (e) {
      created.close();
      fs.rmSync(file, { force: true });
      throw e;
    }
  };
  return create;
}
