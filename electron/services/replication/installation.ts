// This installation's device id. It lives with the installation, not in the event file: a copied event file opened
// elsewhere is a new device (its own clock, sequence and badge numbers), never a clone of the one it came from.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const DEVICE_ID = /^[a-z0-9][a-z0-9-]{3,31}$/;

/** Where the installation keeps its own files (the demo event, the device id). */
export function dataDir(): string {
  if (process.env.UKETSUKE_HOME) return process.env.UKETSUKE_HOME;
  if (process.platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', 'Uketsuke');
  if (process.platform === 'win32') return path.join(process.env.APPDATA ?? os.homedir(), 'Uketsuke');
  return path.join(process.env.XDG_DATA_HOME ?? path.join(os.homedir(), '.local', 'share'), 'uketsuke');
}

export function isDeviceId(s: string): boolean {
  return DEVICE_ID.test(s);
}

export function newDeviceId(): string {
  return `dev-${randomBytes(5).toString('hex')}`;
}

/** The device id of this installation, created on first use ($UKETSUKE_DEVICE_ID overrides it, for test rigs). */
export function installationDeviceId(dir: string = dataDir()): string {
  const forced = process.env.UKETSUKE_DEVICE_ID;
  if (forced) {
    if (!isDeviceId(forced)) throw new Error(`UKETSUKE_DEVICE_ID must be 4-32 lower-case letters, digits or dashes: ${forced}`);
    return forced;
  }
  const file = path.join(dir, 'device-id');
  try {
    const found = fs.readFileSync(file, 'utf8').trim();
    if (isDeviceId(found)) return found;
  } catch {
    // first start: created below
  }
  fs.mkdirSync(dir, { recursive: true });
  const id = newDeviceId();
  try {
    // 'wx': two processes starting at once agree on whichever wrote first.
    fs.writeFileSync(file, `${id}\n`, { flag: 'wx' });
    return id;
  } catch {
    const other = fs.readFileSync(file, 'utf8').trim();
    if (isDeviceId(other)) return other;
    fs.writeFileSync(file, `${id}\n`);
    return id;
  }
}
