// Files exported by registration systems, recognised by their header and mapped completely: which column is the
// attendee (not the buyer), which codes the door should accept, which column is a status or a ticket type. Header
// strings and their order are those the systems write (pretix's order-data and check-in-list exporters in English
// and German, Eventbrite's attendee summary report, Indico's registrant spreadsheet, Hi.Events' attendee export,
// alf.io's ticket export). A file no profile recognises keeps the header-word mapping of columns.ts.
import { normHeader, suggestMapping, type ImportField } from './columns.js';

export interface SourceProfile {
  id: string;
  label: string;
  /** Headers that must all be present (compared as columns.ts compares headers). */
  signature: string[];
  /** Known headers and what they become; null: known and deliberately not imported (a buyer's details, prices). */
  columns: Record<string, ImportField | null>;
  /** The registration code when the file has no per-attendee code column: the order code and this column, "ABC12-1". */
  positionColumn?: string;
  /** The registration code comes from a system that ignores its case (UUIDs, public ids): scans ignore it too. */
  primaryIgnoresCase?: boolean;
}

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

// pretix's German translation of the same exporter ("Teilnehmer*in" for attendee).
const PRETIX_POSITIONS_DE: Record<string, ImportField | null> = {
  'Event-Kurzform': null, Bestellnummer: 'orderCode', 'Positions-ID': null, Status: 'status', 'E-Mail': null,
  Telefonnummer: null, Bestelldatum: null, Bestellzeit: null, Produkt: 'ticketType', Variante: null, Preis: null,
  Steuersatz: null, Steuerregel: null, Steuerbetrag: null, 'Name Teilnehmer*in': 'fullName',
  'Name Teilnehmer*in: Vorname': 'givenName', 'Name Teilnehmer*in: Nachname': 'familyName', 'Name Teilnehmer*in: Titel': null,
  'E-Mail Teilnehmer*in': 'email', Firma: 'organisation', Adresse: null, Postleitzahl: null, Stadt: null, Land: 'country',
  Bundesland: 'region', Gutschein: null, 'Pseudonymisierungs-ID': null, 'Ticket-Secret': 'ticketCode', Secret: 'ticketCode',
  'Rechnungsadresse Name': null, 'USt-IdNr.': null, Verkaufskanal: null, 'Sprache der Bestellung': null,
};

// The check-in list: one row per ticket, the attendee's name (or the buyer's when a ticket has none), "E-mail" the
// attendee's or else the order's; "Secret" is the content of the ticket's QR code when the export includes it.
const PRETIX_CHECKIN_EN: Record<string, ImportField | null> = {
  'Order code': 'orderCode', 'Attendee name': 'fullName', 'Attendee name: Given name': 'givenName',
  'Attendee name: Family name': 'familyName', 'Attendee name: Title': null, Product: 'ticketType', Price: null, 'Checked in': null,
  'Checked out': null, 'Automatically checked in': null, Paid: null, Secret: 'ticketCode', 'E-mail': 'email',
  Company: 'organisation', 'Voucher code': null, 'Order date': null, 'Requires special attention': null, Comment: null,
};

const PRETIX_CHECKIN_DE: Record<string, ImportField | null> = {
  Bestellnummer: 'orderCode', 'Name Teilnehmer*in': 'fullName', 'Name Teilnehmer*in: Vorname': 'givenName',
  'Name Teilnehmer*in: Nachname': 'familyName', Produkt: 'ticketType', Preis: null, 'Eingecheckt': null, 'Ausgecheckt': null,
  'Automatisch eingecheckt': null, Bezahlt: null, Secret: 'ticketCode', 'E-Mail': 'email', Firma: 'organisation',
  Gutscheincode: null, Bestelldatum: null, 'Benötigt besondere Aufmerksamkeit': null, Kommentar: null,
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
  { id: 'pretix-positions-de', label: 'pretix — order positions (German)', signature: ['Bestellnummer', 'Positions-ID', 'Name Teilnehmer*in'], columns: PRETIX_POSITIONS_DE, positionColumn: 'Positions-ID' },
  { id: 'pretix-checkin-en', label: 'pretix — check-in list (English)', signature: ['Order code', 'Attendee name', 'Checked in'], columns: PRETIX_CHECKIN_EN },
  { id: 'pretix-checkin-de', label: 'pretix — check-in list (German)', signature: ['Bestellnummer', 'Name Teilnehmer*in', 'Eingecheckt'], columns: PRETIX_CHECKIN_DE },
  { id: 'eventbrite-attendees', label: 'Eventbrite — attendee summary', signature: ['Order #', 'Attendee #', 'First Name', 'Last Name'], columns: EVENTBRITE },
  { id: 'indico-registrants', label: 'Indico — registrants', signature: ['ID', 'Name', 'Registration state'], columns: INDICO },
  { id: 'hi-events-attendees', label: 'Hi.Events — attendees', signature: ['Public ID', 'First Name', 'Last Name', 'Status'], columns: HI_EVENTS, primaryIgnoresCase: true },
  { id: 'alf-io-tickets', label: 'alf.io — tickets', signature: ['ID', 'Category', 'ReservationID'], columns: ALF_IO, primaryIgnoresCase: true },
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

/**
 * The mapping for a file: its profile's, with the header words of columns.ts for the columns a profile does not know
 * (the event's own questions: "Organisation", "Name in Japanese (kanji)"…). A field goes to one column only; a
 * repeated header (pretix's invoice "Company" after the attendee's) maps its first column.
 */
export function mappingFor(headers: readonly string[]): { mapping: (ImportField | null)[]; profile: SourceProfile | null } {
  const profile = detectProfile(headers);
  const generic = suggestMapping([...headers]);
  if (!profile) return { mapping: generic, profile: null };
  const known = normalised.find((n) => n.profile === profile)!.columns;
  const seen = new Set<string>();
  const fromProfile = headers.map((h) => {
    const key = normHeader(h);
    if (!known.has(key)) return undefined;
    const first = !seen.has(key);
    seen.add(key);
    return first ? known.get(key)! : null;
  });
  const taken = new Set(fromProfile.filter((f): f is ImportField => !!f));
  const mapping = headers.map((_, i) => {
    const p = fromProfile[i];
    if (p !== undefined) return p;
    const g = generic[i] ?? null;
    if (!g || taken.has(g)) return null;
    taken.add(g);
    return g;
  });
  return { mapping, profile };
}

/** A profile by its id (the import screen sends the mapping; the profile still decides how codes are made). */
export function profileById(id: string | null | undefined): SourceProfile | null {
  return PROFILES.find((p) => p.id === id) ?? null;
}
