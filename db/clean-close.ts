// Whether an event file needs SQLite's full `quick_check` when it is opened. The check reads every page (about a
// second at 50,000 delegates): paid on every open it made each CLI command, each cold badge and each web start slow.
// So a clean close leaves a marker beside the file (`FILE.clean`: the file's identity, size and times once closed),
// and the next writer removes it as it opens. The check runs at open only when the marker is missing (the last
// session crashed or lost power), does not match the file (something wrote it outside Uketsuke: a copy, a disk that
// wrote garbage over it) or a write-ahead log is left over; otherwise a scheduled check in the background catches
// what a disk does silently (electron/services/integrity-schedule.ts).
import fs from 'node:fs';

interface Stamp {
  ino: number;
  size: number;
  mtimeMs: number;
  ctimeMs: number;
}

export function cleanMarker(file: string): string {
  return `${file}.clean`;
}

function stampOf(file: string): Stamp | null {
  try {
    const s = fs.statSync(file);
    return { ino: s.ino, size: s.size, mtimeMs: s.mtimeMs, ctimeMs: s.ctimeMs };
  } catch {
    return null;
  }
}

function readMarker(file: string): Stamp | null {
  try {
    const v = JSON.parse(fs.readFileSync(cleanMarker(file), 'utf8')) as Partial<Stamp>;
    if (typeof v.ino !== 'number' || typeof v.size !== 'number' || typeof v.mtimeMs !== 'number' || typeof v.ctimeMs !== 'number') return null;
    return { ino: v.ino, size: v.size, mtimeMs: v.mtimeMs, ctimeMs: v.ctimeMs };
  } catch {
    return null;
  }
}

/** True when the file was not closed cleanly by Uketsuke, or has changed since: check every page before using it. */
export function needsCheckAtOpen(file: string): boolean {
  const now = stampOf(file);
  if (!now || now.size === 0) return false; // nothing to check: a new file
  const marked = readMarker(file);
  if (!marked) return true;
  // A log left over means a session did not end (or is still running elsewhere): check rather than assume.
  if ((stampOf(`${file}-wal`)?.size ?? 0) > 0) return true;
  return marked.ino !== now.ino || marked.size !== now.size || marked.mtimeMs !== now.mtimeMs || marked.ctimeMs !== now.ctimeMs;
}

/** The file is being opened for writing: until it is closed cleanly again, the next open checks it. */
export function markInUse(file: string): void {
  fs.rmSync(cleanMarker(file), { force: true });
}

/** The file was just closed cleanly (its log checkpointed into it): the next open may skip the full check. */
export function markClean(file: string): void {
  const s = stampOf(file);
  if (!s || (stampOf(`${file}-wal`)?.size ?? 0) > 0) return; // another connection is still writing: leave it unmarked
  fs.writeFileSync(cleanMarker(file), `${JSON.stringify(s)}\n`);
}
