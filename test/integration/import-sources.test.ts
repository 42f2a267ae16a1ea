// Exports of pretix, Eventbrite, Indico, Hi.Events and alf.io, in their own header strings and column order: the
// attendees (not the buyers) are imported, cancelled registrations scan revoked, and each system's own code (the QR
// of its confirmation email, the order code in any case) admits at the door.
import { afterEach, describe, expect, it } from 'vitest';
import { makeApp, smallEventSpec, TestClock, type TestApp } from '../helpers.js';
import { deliver, snapshot, syncAll, venue } from '../sync-rig.js';
import { alfioTickets, eventbriteAttendees, hiEventsAttendees, indicoRegistrants, pretixCheckinList, pretixPositions } from '../fixtures/registration-exports.js';

let t: TestApp;
afterEach(() => t?.app.close());

type Person = { family_name: string; given_name: string; email: string | null; organisation: string | null; country: string | null; role: string; external_code: string | null; status: string };
const people = (): Person[] => t.app.db.prepare('SELECT family_name, given_name, email, organisation, country, role, external_code, status FROM delegate ORDER BY family_name').all() as Person[];
const scan = (code: string) => t.app.dispatch('scan', { checkpointId: 'venue', code });

describe('pretix', () => {
  it.each(['en', 'de'] as const)('order positions (%s): the attendees, not the buyer; cancelled ones revoked; order codes in any case', async (lang) => {
    t = makeApp();
    const r = await t.app.importer.run('eujp27_orders.csv', pretixPositions(lang));
    expect(r.source?.id).toBe(`pretix-positions-${lang}`);
    expect(r).toMatchObject({ imported: 5, cancelled: 1, rejected: [] });
    expect(people().map((p) => [p.given_name, p.family_name, p.email, p.organisation, p.country, p.role, p.external_code, p.status])).toEqual([
      ['Aoife', 'Byrne', 'aoife@ei.example.ie', 'Enterprise Ireland', 'IE', 'delegate', 'PLM4T-1', 'active'],
      ['Amélie', 'Lefèvre', 'amelie.lefevre@grandest.example.fr', 'Région Grand Est', 'FR', 'delegate', 'Q7RZP-1', 'active'],
      ['Kenta', 'Sato', 'kenta@gifu.example.jp', 'Gifu Shimbun', 'JP', 'press', 'HT8WS-1', 'active'],
      ['Misaki', 'Takahashi', null, 'Iwate Prefecture', 'JP', 'speaker', 'XK3M9-1', 'cancelled'],
      ['Jürgen', 'Weiß', 'juergen.weiss@biopro.example.de', 'BIOPRO', 'DE', 'delegate', 'Q7RZP-2', 'active'],
    ]);
    expect(people().some((p) => p.family_name === 'Martin')).toBe(false);
    // A one-ticket order's code, as typed from the confirmation email in lower case.
    expect(scan('ht8ws')).toMatchObject({ verdict: 'admitted', delegate: { familyName: 'Sato' } });
    // A pending (unpaid) order is imported and listed at the desk, but not admitted by default (issue 24).
    expect(scan('PLM4T').verdict).toBe('not_registered');
    const cancelled = scan('xk3m9');
    expect(cancelled.verdict).toBe('revoked');
    expect(cancelled.reason).toMatch(/cancelled/);
    // The order code of two tickets names neither attendee: each has their own ticket.
    expect(scan('Q7RZP').verdict).not.toMatch(/admitted/);
    expect(scan('Q7RZP-2')).toMatchObject({ verdict: 'admitted', delegate: { familyName: 'Weiß' } });
  });

  it('a later export updates statuses: an order cancelled since is cancelled, nobody is duplicated', async () => {
    t = makeApp();
    await t.app.importer.run('orders.csv', pretixPositions('en'));
    const later = await t.app.importer.run('orders.csv', pretixPositions('en', { cancelled: 'Canceled', paid: 'Canceled', pending: 'Paid' }));
    expect(later).toMatchObject({ imported: 0, cancelled: 4, rejected: [] });
    expect(people().map((p) => [p.family_name, p.status])).toEqual([['Byrne', 'active'], ['Lefèvre', 'cancelled'], ['Sato', 'cancelled'], ['Takahashi', 'cancelled'], ['Weiß', 'cancelled']]);
    expect(scan('hT8wS').verdict).toBe('revoked');
    expect(scan('plm4t').verdict).toBe('admitted');
  });

  it('check-in list: the ticket secret (its QR) admits; two tickets under one buyer address are two people', async () => {
    t = makeApp();
    const r = await t.app.importer.run('eujp27_checkin.csv', pretixCheckinList());
    expect(r).toMatchObject({ imported: 2, rejected: [], source: { id: 'pretix-checkin-en' } });
    expect(people().map((p) => [p.given_name, p.family_name, p.email])).toEqual([
      ['Pieter', 'de Vries', null],
      ['Lotte', 'van der Berg', 'office@noord.example.nl'],
    ]);
    expect(scan('p3hd8tzq6ymv2kc9wnbr5fxa4gle')).toMatchObject({ verdict: 'admitted', delegate: { familyName: 'de Vries' } });
    // A secret is compared as it is: pretix's are case-sensitive.
    expect(scan('X7KQ2MNB9C4TZ8RP5WDH3FVY6GSA').verdict).not.toMatch(/admitted/);
  });
});

describe('Eventbrite attendee summary', () => {
  it('ticket types are not roles, Order #, Attendee # and Barcode # admit, "Not Attending" is cancelled', async () => {
    t = makeApp();
    const r = await t.app.importer.run('report.csv', eventbriteAttendees());
    expect(r).toMatchObject({ imported: 4, cancelled: 1, rejected: [], source: { id: 'eventbrite-attendees' } });
    expect(people().map((p) => [p.family_name, p.role, p.country, p.external_code, p.status])).toEqual([
      ['Hương', 'delegate', 'VN', '7012345679', 'active'],
      ['Lindqvist', 'delegate', 'SE', '7012345681', 'cancelled'],
      ['Nowak', 'speaker', 'PL', '7012345680', 'active'],
      ['Romano', 'delegate', 'IT', '7012345678', 'active'],
    ]);
    expect(scan('5123456789').delegate?.familyName).toBe('Romano');
    expect(scan('7012345679').delegate?.familyName).toBe('Hương');
    expect(scan('51234567917012345680001')).toMatchObject({ verdict: 'admitted', delegate: { familyName: 'Nowak' } });
    expect(scan('5123456792').verdict).toBe('revoked');
  });
});

describe('Indico, Hi.Events, alf.io', () => {
  it('Indico registrants: the registration ID admits; Withdrawn and Rejected are cancelled', async () => {
    t = makeApp();
    const r = await t.app.importer.run('registrations.csv', indicoRegistrants());
    expect(r).toMatchObject({ imported: 4, cancelled: 2, rejected: [], source: { id: 'indico-registrants' } });
    expect(people().map((p) => [p.family_name, p.organisation, p.status])).toEqual([
      ['Ferreira', 'CCDR Norte', 'cancelled'], ['Horák', 'South Moravian Region', 'active'], ['Jensen', 'Region Midtjylland', 'cancelled'], ['Kobayashi', 'Fukuoka Prefecture', 'active'],
    ]);
    expect(scan('12')).toMatchObject({ verdict: 'admitted', delegate: { familyName: 'Kobayashi' } });
    expect(scan('13').verdict).toBe('revoked');
  });

  it('Hi.Events attendees: the public ID (its QR) admits in any case; CANCELLED is cancelled', async () => {
    t = makeApp();
    const r = await t.app.importer.run('attendees.csv', hiEventsAttendees());
    expect(r).toMatchObject({ imported: 3, cancelled: 1, rejected: [], source: { id: 'hi-events-attendees' } });
    expect(scan('A-7HG2KXQ')).toMatchObject({ verdict: 'admitted', delegate: { familyName: 'Dubois' } });
    expect(scan('a-2mz8rtc').delegate?.familyName).toBe('Kovač');
    expect(scan('A-9PL3VWN').verdict).toBe('revoked');
  });

  it('alf.io tickets: Category is a ticket type, the ticket UUID admits in any case, CANCELLED is cancelled', async () => {
    t = makeApp();
    const r = await t.app.importer.run('tickets.csv', alfioTickets());
    expect(r).toMatchObject({ imported: 2, cancelled: 1, rejected: [], source: { id: 'alf-io-tickets' } });
    expect(people().map((p) => [p.family_name, p.role, p.status])).toEqual([['Bianchi', 'delegate', 'active'], ['Popescu', 'delegate', 'cancelled']]);
    expect(scan('5F0C8D7E-3B2A-4C1D-9E8F-7A6B5C4D3E2F')).toMatchObject({ verdict: 'admitted', delegate: { familyName: 'Bianchi' } });
    expect(scan('0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d').verdict).toBe('already_checked_in');
    expect(scan('6a1d9e8f-4c3b-4d2e-8f9a-8b7c6d5e4f3a').verdict).toBe('revoked');
  });

  it('the import preview says where a file comes from; a dry run counts the same and writes nothing', async () => {
    t = makeApp();
    const preview = await t.app.dispatch('importPreview', { fileName: 'orders.csv', base64: pretixPositions('de').toString('base64') });
    expect(preview.source?.label).toBe('pretix — order positions (German)');
    expect(preview.mapping[preview.headers.indexOf('E-Mail')]).toBeNull();
    expect(preview.mapping[preview.headers.indexOf('E-Mail Teilnehmer*in')]).toBe('email');
    const dry = await t.app.importer.run('orders.csv', pretixPositions('de'), { dryRun: true });
    expect(dry).toMatchObject({ imported: 5, cancelled: 1, rejected: [] });
    expect(people()).toEqual([]);
    expect(t.app.db.prepare('SELECT count(*) FROM delegate_code').pluck().get()).toBe(0);
  });
});

describe('codes replicate', () => {
  it('one file imported on two offline desks: identical tables once synced, in any order; the order code admits on a third device', async () => {
    const clock = new TestClock(Date.parse('2027-04-27T09:00:00Z'));
    const devices = venue(smallEventSpec(), ['desk-a', 'desk-b', 'door'], clock);
    try {
      await devices[0]!.app.importer.run('orders.csv', pretixPositions('en'));
      clock.ms += 5;
      await devices[1]!.app.importer.run('orders.csv', pretixPositions('en', { cancelled: 'Canceled', paid: 'Paid', pending: 'Canceled' }));
      deliver(devices[1]!, devices[2]!);
      deliver(devices[0]!, devices[2]!);
      syncAll(devices);
      const [a, b, c] = devices.map((d) => snapshot(d.app.db));
      expect(b).toEqual(a);
      expect(c).toEqual(a);
      expect(a!.delegate_code!.length).toBeGreaterThan(0);
      expect(devices[2]!.app.dispatch('scan', { checkpointId: 'venue', code: 'ht8ws' }).verdict).toBe('admitted');
      expect(devices[2]!.app.dispatch('scan', { checkpointId: 'venue', code: 'plm4t' }).verdict).toBe('revoked');
    } finally {
      for (const d of devices) d.app.close();
    }
  });
});
