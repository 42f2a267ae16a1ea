// Ticket QRs of other systems at the door, kiosk and desk: a URL or a payload holding the code the import stored
// names the person; a URL that names nobody is "a ticket of another system", never "forged".
import { afterEach, describe, expect, it } from 'vitest';
import { codesInPayload } from '../../electron/services/checkin/ticket-payload.js';
import { makeApp, type TestApp } from '../helpers.js';

let t: TestApp;
afterEach(() => t?.app.close());
const scan = (checkpointId: string, code: string) => t.app.dispatch('scan', { checkpointId, code });

describe('ticket QR contents', () => {
  it('finds the codes inside URLs and payloads, likeliest first', () => {
    expect(codesInPayload('https://lu.ma/check-in/evt-Ab12Cd?pk=g-XyZ987')).toEqual(['g-XyZ987', 'evt-Ab12Cd', 'check-in']);
    expect(codesInPayload('https://ti.to/tickets/ti_pAbCdEf12')).toEqual(['ti_pAbCdEf12', 'tickets']);
    expect(codesInPayload('{"ticket":"9f8e7d6c5b","event":"ejrc"}')).toEqual(['9f8e7d6c5b', 'ejrc']);
    expect(codesInPayload('EB|1234567890123456789|001')).toEqual(['1234567890123456789', '001']);
    expect(codesInPayload('ABC12')).toEqual([]);
  });

  it('a Luma, Tito or JSON ticket QR admits its holder at the door; the desk finds them by it', () => {
    t = makeApp(undefined, '2027-04-27T07:00:00Z');
    const luma = t.add({ familyName: 'Luma', externalCode: 'g-XyZ987' });
    const tito = t.add({ familyName: 'Tito', externalCode: 'ti_pAbCdEf12' });
    const json = t.add({ familyName: 'Json', externalCode: '9f8e7d6c5b' });
    t.app.programme.updateEvent({ rehearsal: true });
    expect(scan('venue', 'https://lu.ma/check-in/evt-Ab12Cd?pk=g-XyZ987')).toMatchObject({ verdict: 'admitted', delegate: { id: luma.id } });
    expect(scan('venue', 'https://ti.to/tickets/ti_pAbCdEf12')).toMatchObject({ verdict: 'admitted', delegate: { id: tito.id } });
    expect(scan('venue', '{"ticket":"9f8e7d6c5b","event":"ejrc"}')).toMatchObject({ verdict: 'admitted', delegate: { id: json.id } });
    expect(t.app.dispatch('identifyCode', { code: 'https://ti.to/tickets/ti_pAbCdEf12' })).toMatchObject({ kind: 'person', delegate: { id: tito.id } });
  });

  it('an unknown system\'s URL is "a ticket of another system" (unknown), not forged', () => {
    t = makeApp(undefined, '2027-04-27T07:00:00Z');
    t.add({ familyName: 'Someone', externalCode: 'EJRC-2027-000001' });
    const r = scan('venue', 'https://tickets.example.com/t/zzzz-9999');
    expect(r).toMatchObject({ verdict: 'unknown', detail: 'foreign_ticket' });
    expect(r.reason).toMatch(/another system/);
    expect(scan('venue', 'not a code at all!!')).toMatchObject({ verdict: 'forged' });
  });
});
