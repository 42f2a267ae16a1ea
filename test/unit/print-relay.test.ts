// The desktop app prints through Electron's main process; here the main process is the one part that cannot
// exist (no Electron binary), so the relay's other end is a stand-in that answers as webContents.print does.
import { afterEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { RelayDirectory, type RelayAnswer, type RelayRequest } from '../../electron/services/printing/relay.js';
import { makeApp, type TestApp } from '../helpers.js';

let t: TestApp | null = null;
afterEach(() => t?.app.close());

function shell(failFor: string | null) {
  const printed: string[] = [];
  const send = async (req: RelayRequest): Promise<RelayAnswer> => {
    if (req.kind === 'list') return { ok: true, printers: [{ name: 'Zebra_ZD421', displayName: 'Zebra ZD421' }, { name: 'Jammed', displayName: 'Jammed' }] };
    if (req.deviceName === failFor) return { ok: false, reason: 'Printer out of labels' };
    printed.push(fs.readFileSync(req.file).subarray(0, 5).toString());
    return { ok: true };
  };
  return { send, printed };
}

describe('printing through the desktop shell', () => {
  it('lists the shell printers and prints a real badge PDF to the chosen device', async () => {
    const s = shell('Jammed');
    t = makeApp();
    const app = new (await import('../../electron/services/uketsuke.js')).Uketsuke(t.app.db, { printers: [new RelayDirectory(s.send)], printPollMs: 10 });
    await app.printing.refreshPrinters();
    expect(app.dispatch('printers', {}).map((p) => p.id)).toEqual(['electron:Zebra_ZD421', 'electron:Jammed']);
    const d = t.add({ familyName: 'Relay', givenName: 'Test' });
    const ok = app.dispatch('printBadge', { delegateId: d.id, printer: 'electron:Zebra_ZD421', size: '4x3in' });
    const bad = app.dispatch('printBadge', { delegateId: d.id, printer: 'electron:Jammed' });
    await app.printing.idle();
    expect(app.printing.get(ok.id).status).toBe('done');
    expect(app.printing.get(bad.id)).toMatchObject({ status: 'failed', error: 'Printer out of labels' });
    expect(s.printed).toEqual(['%PDF-']);
  });
});
