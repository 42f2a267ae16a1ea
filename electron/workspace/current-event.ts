// Which event file this installation opens: a `current-event` file in the user data folder names the event last
// created, joined or chosen (README "Two commands"). Plain Node; the workspace (./workspace.ts) writes it, the CLI's
// `--db` default and the desktop main process (electron/shell/main.ts) read it.
import fs from 'node:fs';
import path from 'node:path';

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

/** True once a choice was made in `dir` (even if its file has since gone). */
export function eventChosen(dir: string): boolean {
  return fs.existsSync(path.join(dir, POINTER));
}

export function rememberEventFile(dir: string, file: string): void {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, POINTER), `${path.resolve(file)}\n`);
}

/** What opens when nothing is named: the event last chosen in `dir`, else the first start's file there. */
export function eventFileIn(dir: string): string {
  return currentEventFile(dir, path.join(dir, 'demo-event.db'));
}
