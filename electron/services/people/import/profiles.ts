// Files exported by registration systems, recognised by their header and mapped completely: which column is the
// attendee (not the buyer), which codes the door should accept, which column is a status or a ticket type. Header
// strings and their order are those the systems write (pretix's order-data and check-in-list exporters in English
// and German, Eventbrite's attendee summary report, Indico's registrant spreadsheet, Hi.Events' attendee export,
// alf.io's ticket export). A file no profile recognises keeps the header-word mapping of columns.ts.
import { normHeader, suggestMapping, type ImportField } from './columns.js';
import { classifyHeader, FIELDS_FOR_VALUES, valueKind, valueReason } from './classify.js';
import { SYSTEM_PROFILES } from './system-profiles.js';

export type { SourceProfile } from './source-profile.js';
import type { SourceProfile } from './source-profile.js';

const PRETIX_POSITIONS_EN: Record<string, ImportField | null> = {
  'Event slug': null, 'Order code': 'orderCode', 'Position ID': null, Status: 'status',
  // The order's email is the buyer's: a secretary's address on both of the tickets she bought.
  Email: null, 'Phone number': null, 'Order date': null, 'Order time': null, Product: 'ticketType', Variation: null,
  Price: null, 'Tax rate': null, 'Tax rule': null, 'Tax value': null, 'Attendee name': 'fullName',
  'Attendee name: Given name': 'givenName', 'Attendee name: Family name': 'familyName', 'Attendee name: Title': null,
  'Attendee email': 'email', Company: 'organisation', Address: null, 'ZIP code': null, City: null, Country: 'country',
  State: 'region', Voucher: null, 'Pseudonymization ID': null, 'Ticket secret': 'ticketCode', Secret: 'ticketCode',
  'Invoice address name': null, 'VAT ID': null, 'Sales channel': null, 'Order locale': null,
  'E-mail address verified': null, 'Payment providers': null,
};

// pretix's German translation of the same exporter, every header as pretix/pretix translates it in
// src/pretix/locale/de/LC_MESSAGES/django.po (read at commit 002469d5: "Event slug" → "Kurzname der Veranstaltung",
// "Order code" → "Bestellnummer", "Position ID" → "Position", "Order time" → "Bestelluhrzeit", "Tax value" → "Steuer",
// "Attendee name" → "Name Teilnehmer*in", "Attendee email" → "E-Mail Teilnehmer*in", "City" → "Ort", "State"
// (address) → "Bundesstaat", "Pseudonymization ID" → "Pseudonyme ID", "Invoice address name" → "Rechnungsadresse:
// Name", "VAT ID" → "USt-ID-Nr.", "Order locale" → "Bestellsprache", "E-mail address verified" → "E-Mail-Adresse
// verifiziert", "Payment providers" → "Zahlungsmethoden"). The name parts "Vorname"/"Nachname"/"Titel" are the
// person-name scheme's labels (settings.py), and "Secret" is kept as written: neither was in the pages of the .po read.
const PRETIX_POSITIONS_DE: Record<string, ImportField | null> = {
  'Kurzname der Veranstaltung': null, Bestellnummer: 'orderCode', Position: null, Status: 'status', 'E-Mail': null,
  Telefonnummer: null, Bestelldatum: null, Bestelluhrzeit: null, Produkt: 'ticketType', Variante: null, Preis: null,
  Steuersatz: null, Steuerregel: null, Steuer: null, 'Name Teilnehmer*in': 'fullName',
  'Name Teilnehmer*in: Vorname': 'givenName', 'Name Teilnehmer*in: Nachname': 'familyName', 'Name Teilnehmer*in: Titel': null,
  'E-Mail Teilnehmer*in': 'email', Firma: 'organisation', Adresse: null, Postleitzahl: null, Ort: null, Land: 'country',
  Bundesstaat: 'region', Gutschein: null, 'Pseudonyme ID': null, 'Sitzplatz-ID': null, Sitzbezeichnung: null, Sitzbereich: null,
  Sitzreihe: null, Sitzplatz: null, Bestellkommentar: null, 'Datum zur Wiedervorlage': null, Secret: 'ticketCode',
  'Rechnungsadresse: Name': null, 'Rechnungsadresse: Name: Vorname': null, 'Rechnungsadresse: Name: Nachname': null,
  'USt-ID-Nr.': null, Verkaufskanal: null, Bestellsprache: null, 'E-Mail-Adresse verifiziert': null, Zahlungsmethoden: null,
};

// The check-in list: one row per ticket, the attendee's name (or the buyer's when a ticket has none), "E-mail" the
// attendee's or else the order's; "Secret" is the content of the ticket's QR code when the export includes it.
const PRETIX_CHECKIN_EN: Record<string, ImportField | null> = {
  'Order code': 'orderCode', 'Attendee name': 'fullName', 'Attendee name: Given name': 'givenName',
  'Attendee name: Family name': 'familyName', 'Attendee name: Title': null, Product: 'ticketType', Price: null, 'Checked in': null,
  'Checked out': null, 'Automatically checked in': null, Paid: null, Secret: 'ticketCode', 'E-mail': 'email',
  Company: 'organisation', 'Voucher code': null, 'Order date': null, 'Requires special attention': null, Comment: null,
};

// The German check-in list (pretix/plugins/checkinlists/exporters.py, translated in the same django.po: "Order code" →
// "Bestellnummer", "E-mail" → "E-Mail", "Voucher code" → "Gutscheincode", "Requires special attention" → "Benötigt
// besondere Behandlung", "Comment" → "Kommentar", "Phone number" → "Telefonnummer"). "Eingecheckt", "Ausgecheckt",
// "Automatisch eingecheckt" and "Bezahlt" were not in the pages of the .po read ("Ticket checked in" is "Ticket
// eingecheckt" there).
const PRETIX_CHECKIN_DE: Record<string, ImportField | null> = {
  Bestellnummer: 'orderCode', 'Name Teilnehmer*in': 'fullName', 'Name Teilnehmer*in: Vorname': 'givenName',
  'Name Teilnehmer*in: Nachname': 'familyName', Produkt: 'ticketType', Preis: null, 'Eingecheckt': null, 'Ausgecheckt': null,
  'Automatisch eingecheckt': null, Bezahlt: null, Secret: 'ticketCode', 'E-Mail': 'email', Firma: 'organisation',
  Telefonnummer: null, Gutscheincode: null, Bestelldatum: null, Bestelluhrzeit: null, 'Benötigt besondere Behandlung': null, Kommentar: null,
};

// Eventbrite's attendee summary report: one row per attendee; "Email" is the attendee's when the event collects it
// per attendee, otherwise the buyer's (the importer then keeps it on the order's first attendee only).
const EVENTBRITE: Record<string, ImportField | null> = {
  'Order #': 'orderCode', 'Order Date': null, Prefix: null, 'First Name': 'givenName', 'Last Name': 'familyName', Suffix: null,
  Email: 'email', Quantity: null, 'Price Tier': null, 'Ticket Type': 'ticketType', 'Attendee #': 'externalCode', 'Barcode #': 'ticketCode',
  Group: null, 'Order Type': null, Currency: null, 'Total Paid': null, 'Fees Paid': null, 'Eventbrite Fees': null,
  'Eventbrite Payment Processing': null, 'Attendee Status': 'status', 'Home Address 1': null, 'Home Address 2': null,
  'Home City': null, 'Home State': 'region', 'Home Zip': null, 'Home Country': 'country', 'Job Title': null, Company: 'organisation',
  'Buyer First Name': null, 'Buyer Last Name': null, 'Buyer Email': null, 'Date Attending': null, 'Device Name': null, 'Check-In Date': null,
};

// Indico's registrant spreadsheet: "ID" (the registration's number in the event), "Name", the form's fields by their
// titles (the personal-data fields are titled as below unless renamed), then the registration's state.
const INDICO: Record<string, ImportField | null> = {
  ID: 'externalCode', Name: 'fullName', 'First Name': 'givenName', 'Last Name': 'familyName', Title: null,
  'Email Address': 'email', Email: 'email', Affiliation: 'organisation', Position: null, Address: null, Country: 'country',
  'Phone Number': null, 'Registration date': null, 'Modification date': null, 'Registration state': 'status', 'Created by': null,
  Price: null, 'Checked in': null, 'Check-in date': null, 'Payment date': null, Tags: null,
};

// Hi.Events' attendee export: the public id (A-…) is what its ticket QR code holds.
const HI_EVENTS: Record<string, ImportField | null> = {
  ID: null, 'First Name': 'givenName', 'Last Name': 'familyName', Email: 'email', Status: 'status', 'Is Checked In': null,
  'Checked In At': null, 'Product ID': null, 'Product Name': 'ticketType', 'Ticket ID': null, 'Ticket Name': 'ticketType', 'Event ID': null,
  'Public ID': 'externalCode', 'Short ID': null, 'Created Date': null, 'Last Updated Date': null, Notes: null,
};

// alf.io's ticket export: "ID" is the ticket's UUID (its QR code), "ReservationID" the reservation's.
const ALF_IO: Record<string, ImportField | null> = {
  ID: 'externalCode', Creation: null, Category: 'ticketType', Event: null, Status: 'status', OriginalPrice: null, PaidPrice: null,
  Discount: null, VAT: null, ReservationID: 'orderCode', 'Full Name': 'fullName', 'First Name': 'givenName', 'Last Name': 'familyName',
  'E-Mail': 'email', Locked: null, Language: null, Confirmation: null, 'Billing Address': null, 'Country Code': null, 'Payment ID': null,
  'Payment Method': null,
};

export const PROFILES: readonly SourceProfile[] = [
  { id: 'pretix-positions-en', label: 'pretix — order positions (English)', signature: ['Order code', 'Position ID', 'Attendee name'], columns: PRETIX_POSITIONS_EN, positionColumn: 'Position ID' },
  { id: 'pretix-positions-de', label: 'pretix — order positions (German)', signature: ['Bestellnummer', 'Position', 'Name Teilnehmer*in'], columns: PRETIX_POSITIONS_DE, positionColumn: 'Position' },
  { id: 'pretix-checkin-en', label: 'pretix — check-in list (English)', signature: ['Order code', 'Attendee name', 'Checked in'], columns: PRETIX_CHECKIN_EN },
  { id: 'pretix-checkin-de', label: 'pretix — check-in list (German)', signature: ['Bestellnummer', 'Name Teilnehmer*in', 'Eingecheckt'], columns: PRETIX_CHECKIN_DE },
  { id: 'eventbrite-attendees', label: 'Eventbrite — attendee summary', signature: ['Order #', 'Attendee #', 'First Name', 'Last Name'], columns: EVENTBRITE },
  { id: 'indico-registrants', label: 'Indico — registrants', signature: ['ID', 'Name', 'Registration state'], columns: INDICO },
  { id: 'hi-events-attendees', label: 'Hi.Events — attendees', signature: ['Public ID', 'First Name', 'Last Name', 'Status'], columns: HI_EVENTS, primaryIgnoresCase: true },
  { id: 'alf-io-tickets', label: 'alf.io — tickets', signature: ['ID', 'Category', 'ReservationID'], columns: ALF_IO, primaryIgnoresCase: true },
  ...SYSTEM_PROFILES,
];

const normalised = PROFILES.map((p) => ({
  profile: p,
  signature: p.signature.map(normHeader),
  columns: new Map(Object.entries(p.columns).map(([h, f]) => [normHeader(h), f])),
}));

/** The registration system a header comes from, or null. */
export function detectProfile(headers: readonly string[]): SourceProfile | null {
  const have = new Set(headers.map(normHeader));
  return normalised.find((n) => n.signature.every((h) => have.has(h)))?.profile ?? null;
}

/** Why a column was recognised as it was (the import screen shows it: "column 7: e-mail addresses"). */
export interface ColumnReason {
  /** 1-based, as a person counts columns. */
  column: number;
  field: ImportField | null;
  by: 'profile' | 'header' | 'classifier' | 'values' | 'none';
  reason: string;
  /** For a column recognised by its values: what they are (the screen says it in its language). */
  valueKind?: import('./classify.js').ValueKind;
}

export interface Recognition {
  mapping: (ImportField | null)[];
  profile: SourceProfile | null;
  reasons: ColumnReason[];
}

/** How many rows value inference reads: enough to be sure, few enough for a 100k-row file to cost nothing. */
const VALUE_SAMPLE = 200;

/**
 * The mapping for a file, in four layers: its system profile's (a table per system and locale); the exact header
 * words of columns.ts for the columns a profile does not know (the event's own questions); the classifier for
 * question-style and bilingual headers; and, for a column whose header says nothing, what its values are. A field
 * goes to one column only; a repeated header (pretix's invoice "Company" after the attendee's) maps its first column.
 * With rows, a name or e-mail column that holds nobody (Microsoft Forms' "anonymous") yields its field to the question
 * that does.
 */
export function mappingFor(headers: readonly string[], rows?: readonly { cells: readonly string[] }[]): Recognition {
  const profile = detectProfile(headers);
  const generic = suggestMapping([...headers]);
  const known = profile ? normalised.find((n) => n.profile === profile)!.columns : new Map<string, ImportField | null>();
  const seen = new Set<string>();
  const mapping: (ImportField | null)[] = headers.map(() => null);
  const reasons: ColumnReason[] = headers.map((h, i) => ({ column: i + 1, field: null, by: 'none', reason: `column ${i + 1} (“${h}”): not recognised` }));
  const decided = headers.map(() => false);
  const taken = new Set<ImportField>();
  const give = (i: number, f: ImportField | null, by: ColumnReason['by'], reason: string) => {
    decided[i] = true;
    if (f && taken.has(f)) {
      reasons[i] = { column: i + 1, field: null, by, reason: `column ${i + 1}: ${reason}, but an earlier column is already that` };
      return;
    }
    if (f) taken.add(f);
    mapping[i] = f;
    reasons[i] = { column: i + 1, field: f, by, reason: `column ${i + 1}: ${reason}` };
  };
  headers.forEach((h, i) => {
    const key = normHeader(h);
    if (!known.has(key)) return;
    const first = !seen.has(key);
    seen.add(key);
    give(i, first ? known.get(key)! : null, 'profile', first ? `${profile!.label}, “${h}”` : `“${h}” repeated (the buyer’s), not imported`);
  });
  headers.forEach((h, i) => {
    if (!decided[i] && generic[i]) give(i, generic[i]!, 'header', `header “${h}”`);
  });
  headers.forEach((h, i) => {
    if (decided[i]) return;
    const m = classifyHeader(h);
    if (!m) return;
    // A profile's weak column (a nickname) gives way to the event's question asking for the same thing.
    const weak = m.field && taken.has(m.field) ? mapping.findIndex((f, j) => f === m.field && profile?.yields?.some((y) => normHeader(y) === normHeader(headers[j]!))) : -1;
    if (weak >= 0) {
      mapping[weak] = null;
      taken.delete(m.field!);
      reasons[weak] = { column: weak + 1, field: null, by: 'profile', reason: `column ${weak + 1}: “${headers[weak]}” gives way to the question “${h}”` };
    }
    give(i, m.field, 'classifier', m.field ? `“${h}” reads as ${m.reason}` : `“${h}” is ${m.reason}, not imported`);
  });
  if (rows && rows.length) inferFromValues(headers, rows, mapping, reasons, decided, taken);
  return { mapping, profile, reasons };
}

function columnValues(rows: readonly { cells: readonly string[] }[], i: number): string[] {
  const out: string[] = [];
  for (let r = 0; r < rows.length && out.length < VALUE_SAMPLE; r++) {
    const v = (rows[r]!.cells[i] ?? '').trim();
    if (v) out.push(v);
  }
  return out;
}

function inferFromValues(headers: readonly string[], rows: readonly { cells: readonly string[] }[], mapping: (ImportField | null)[], reasons: ColumnReason[], decided: boolean[], taken: Set<ImportField>): void {
  const kinds = headers.map((_, i) => valueKind(columnValues(rows, i)));
  // A name or e-mail column that holds nobody (empty, or "anonymous") gives its field to a later column holding people.
  for (const field of ['email', 'fullName'] as const) {
    const at = mapping.indexOf(field);
    if (at < 0) continue;
    const empty = columnValues(rows, at).length === 0 || kinds[at] === 'emailPlaceholder';
    if (!empty) continue;
    const wanted = field === 'email' ? 'email' : null;
    const better = headers.findIndex((h, i) => i !== at && (mapping[i] === null || mapping[i] === undefined) &&
      (wanted ? kinds[i] === 'email' : classifyHeader(h)?.field === 'fullName' && columnValues(rows, i).length > 0));
    if (better < 0) continue;
    mapping[at] = null;
    reasons[at] = { column: at + 1, field: null, by: 'values', reason: `column ${at + 1}: ${kinds[at] === 'emailPlaceholder' ? valueReason('emailPlaceholder') : 'empty'}, so not the ${field === 'email' ? 'e-mail' : 'name'}` };
    mapping[better] = field;
    decided[better] = true;
    reasons[better] = { column: better + 1, field, by: 'values', reason: `column ${better + 1}: ${field === 'email' ? valueReason('email') : `“${headers[better]}” holds the names`}`, ...(field === 'email' && { valueKind: 'email' as const }) };
  }
  headers.forEach((_, i) => {
    if (decided[i]) return;
    const k = kinds[i];
    if (!k || k === 'emailPlaceholder') return;
    const f = FIELDS_FOR_VALUES[k].find((c) => !taken.has(c));
    if (!f) return;
    taken.add(f);
    mapping[i] = f;
    decided[i] = true;
    reasons[i] = { column: i + 1, field: f, by: 'values', reason: `column ${i + 1}: ${valueReason(k)}`, valueKind: k };
  });
}

/** A profile by its id (the import screen sends the mapping; the profile still decides how codes are made). */
export function profileById(id: string | null | undefined): SourceProfile | null {
  return PROFILES.find((p) => p.id === id) ?? null;
}
