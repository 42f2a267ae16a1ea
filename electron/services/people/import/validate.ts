// One record → the delegate it describes, or the reason it cannot be imported. Only a row that names nobody (no name
// in any script, no e-mail, no code) or cannot be read (cut short, too long) is rejected; every other problem imports
// the person with a flag the import report and the desk show (issue 24): a kanji name's reading guessed from the
// names dictionary or missing, an e-mail that is no address, a role word this importer does not know.
import { z } from 'zod';
import type { DelegateFields } from '../delegates.js';
import { passportRomaji } from '../../model/normalize.js';
import { roleFrom, roleFromTicket, statusFrom, type ImportField, type RegistrationStatus } from './columns.js';
import { isEmailPlaceholder } from './classify.js';
import type { DelegateFlag } from '../../../api/vocabulary.js';
import { nameDictionary } from '../name-dictionary.js';
import { splitKanjiName, suggestReading } from '../japanese-names.js';
import { splitWesternName, withoutTitles } from '../western-names.js';

export const MAX_FIELD_LENGTH = 200;

export interface ValidRow {
  fields: DelegateFields;
  registrations: string[];
  /** From a status column: cancelled, refunded, withdrawn… registrations are imported cancelled. */
  status: RegistrationStatus;
  /** What was bought ("Full Conference Pass – Early Bird"): kept for the report, never a reason to reject. */
  ticketType: string | null;
  /** The registration system's order code (shared by the tickets of one order) and the ticket's own code (its QR). */
  orderCode: string | null;
  ticketCode: string | null;
  /** What the row imports with but the desk should settle, with the value that caused it. */
  flags: RowFlag[];
  /** The row's e-mail as written, before it was dropped as invalid or a placeholder (duplicates are found by it). */
  rawEmail: string | null;
}

export interface RowFlag {
  flag: DelegateFlag;
  value: string;
}

/** Why a row was rejected: a code and its values (screens translate them), and an English sentence (CLI, logs). */
export interface Rejection {
  code: 'too_few_columns' | 'too_long' | 'no_name' | 'kanji_without_reading' | 'invalid_email' | 'unknown_role' | 'unknown_target' | 'duplicate_email' | 'duplicate_code' | 'identity_conflict';
  params: Record<string, string | number>;
  reason: string;
}

export const reject = (code: Rejection['code'], reason: string, params: Rejection['params'] = {}): { ok: false; rejection: Rejection } => ({ ok: false, rejection: { code, params, reason } });

export type RowCheck = { ok: true; row: ValidRow } | { ok: false; rejection: Rejection };

const FIELD_LABEL: Record<ImportField, string> = {
  familyName: 'Family name', givenName: 'Given name', fullName: 'Name', familyNameKanji: 'Family name (kanji)',
  givenNameKanji: 'Given name (kanji)', familyNameKana: 'Family name (kana)', givenNameKana: 'Given name (kana)',
  fullNameKana: 'Name (kana)', organisation: 'Organisation', country: 'Country', region: 'Region', email: 'Email',
  role: 'Role', externalCode: 'Registration code', registrations: 'Sessions', orderCode: 'Order code', ticketCode: 'Ticket code',
  ticketType: 'Ticket type', status: 'Status',
};

const email = z.string().email();
const CJK = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\u{20000}-\u{2fa1f}]/u;
const KANA_ONLY = /^[\p{Script=Hiragana}\p{Script=Katakana}ー・\s\u3000]+$/u;

/**
 * "髙橋 美咲" / "髙橋　美咲" → ['髙橋', '美咲']; "佐藤健太" split by the names dictionary only when unambiguous, else whole
 * in the family name; "Seán Ó Briain" → family "Ó Briain" (particles and titles: western-names.ts).
 */
function splitName(full: string, familyFirst: boolean): [family: string, given: string] {
  if (familyFirst) {
    const t = full.trim();
    // Kana has no dictionary split: a kana name without a space is kept whole.
    // A space decides by itself: the dictionary is read only for a kanji name typed without one.
    if (/[\s\u3000]/.test(t)) {
      const [f, ...g] = t.split(/[\s\u3000]+/);
      return [f!, g.join(' ')];
    }
    if (!/\p{Script=Han}/u.test(t)) return [t, ''];
    const s = splitKanjiName(t, nameDictionary());
    return [s.family, s.given];
  }
  const w = splitWesternName(full);
  return [w.family, w.given];
}

export function checkRow(cells: string[], mapping: (ImportField | null)[], headerCount: number): RowCheck {
  // A row cut short (a stray quote or a missing delimiter) would put values under the wrong headers.
  if (cells.length < headerCount) {
    return reject('too_few_columns', `Only ${cells.length} of ${headerCount} columns: the row is cut short (check quotes and delimiters).`, { count: cells.length, expected: headerCount });
  }
  const v: Partial<Record<ImportField, string>> = {};
  for (let i = 0; i < mapping.length; i++) {
    const f = mapping[i];
    if (!f) continue;
    // Stryker disable next-line StringLiteral: the `?? ''` is unreachable — rows have at least as many cells as the mapping has columns (checked above and by the importer)
    const value = (cells[i] ?? '').normalize('NFC').trim();
    if ([...value].length > MAX_FIELD_LENGTH) return reject('too_long', `${FIELD_LABEL[f]} is longer than ${MAX_FIELD_LENGTH} characters (${[...value].length}).`, { field: f, max: MAX_FIELD_LENGTH, length: [...value].length });
    if (value) v[f] = value;
  }
  let family = v.familyName ?? '';
  let given = v.givenName ?? '';
  let familyKanji = v.familyNameKanji ?? '';
  let givenKanji = v.givenNameKanji ?? '';
  let familyKana = v.familyNameKana ?? '';
  let givenKana = v.givenNameKana ?? '';
  const flags: RowFlag[] = [];
  const rawEmail = v.email && !isEmailPlaceholder(v.email) ? v.email.toLowerCase() : null;
  // A form's e-mail column holding "anonymous" (Microsoft Forms) is no address and no mistake: no e-mail.
  if (v.email && isEmailPlaceholder(v.email)) delete v.email;
  if (v.fullName && !family && !given) {
    const cjk = CJK.test(v.fullName);
    const [f, g] = splitName(v.fullName, cjk);
    if (cjk) [familyKanji, givenKanji] = [familyKanji || f, givenKanji || g];
    else [family, given] = [f, g];
  } else if (v.fullName && CJK.test(v.fullName) && !familyKanji && !givenKanji) {
    // "Name in kanji" beside Latin name columns.
    [familyKanji, givenKanji] = splitName(v.fullName, true);
  }
  // A whole kanji name in the family-name column ("Name in kanji" → 姓(漢字)): split at its space, never elsewhere.
  if (familyKanji && !givenKanji && /[\s\u3000]/.test(familyKanji)) [familyKanji, givenKanji] = splitName(familyKanji, true);
  if (v.fullNameKana && !familyKana && !givenKana) [familyKana, givenKana] = splitName(v.fullNameKana, true);
  // Japanese forms label the kanji name 姓/名: a Latin-name column holding kanji is the kanji name.
  // (Beside a kanji column that already has it, the copy in the Latin column is dropped: it is no Latin name.)
  if (CJK.test(family)) [familyKanji, family] = [familyKanji || family, ''];
  if (CJK.test(given)) [givenKanji, given] = [givenKanji || given, ''];
  // A name written only in kana is its own reading: サトウ in the name field is the reading サトウ (romanised below).
  if (KANA_ONLY.test(familyKanji)) [familyKana, familyKanji] = [familyKana || familyKanji, ''];
  if (KANA_ONLY.test(givenKanji)) [givenKana, givenKanji] = [givenKana || givenKanji, ''];
  // No Latin name given: romanise the kana reading (ヤマザキ → Yamazaki).
  // Kanji only, no reading, no Latin name: the reading the names dictionary gives, stored as guessed until a desk
  // clerk confirms it; none known: imported with the kanji alone, "reading missing".
  if (!family && !given && !familyKana && !givenKana && (familyKanji || givenKanji)) {
    const guess = suggestReading(familyKanji, givenKanji, nameDictionary());
    if (guess) {
      familyKana = guess.familyKana ?? '';
      givenKana = guess.givenKana ?? '';
      flags.push({ flag: guess.complete ? 'reading_guessed' : 'reading_missing', value: [familyKanji, givenKanji].filter(Boolean).join(' ') });
    } else flags.push({ flag: 'reading_missing', value: [familyKanji, givenKanji].filter(Boolean).join(' ') });
  }
  if (!family && familyKana) family = passportRomaji(familyKana);
  if (!given && givenKana) given = passportRomaji(givenKana);
  given = withoutTitles(given);
  const hasName = !!(family || given || familyKanji || givenKanji);
  const namingEmail = rawEmail && email.safeParse(rawEmail).success ? rawEmail : null;
  if (!hasName && !namingEmail && !v.externalCode && !v.ticketCode && !v.orderCode) return reject('no_name', 'No name: give a family or given name.');
  if (!hasName) {
    // Named by an e-mail or a code only: the person is imported under the address's local part, to be completed.
    family = namingEmail ? namingEmail.split('@')[0]! : (v.externalCode ?? v.ticketCode ?? v.orderCode ?? '');
    flags.push({ flag: 'reading_missing', value: family });
  }
  if (v.email && !email.safeParse(v.email).success) {
    flags.push({ flag: 'email_invalid', value: v.email });
    delete v.email;
  }
  // A role column says who someone is; without one, a ticket type may ("Speaker", "Press pass"), else delegate.
  // A role word this importer does not know (一般参加, "Standard ticket") makes a delegate, the word kept as ticket type.
  let role = v.role || !v.ticketType ? roleFrom(v.role ?? '') : roleFromTicket(v.ticketType);
  let ticketType = v.ticketType ?? null;
  if (!role) {
    flags.push({ flag: 'role_unknown', value: v.role ?? '' });
    role = 'delegate';
    ticketType = ticketType ?? v.role ?? null;
  }
  const status = statusFrom(v.status ?? '');
  if (status === 'waitlisted') flags.push({ flag: 'waitlisted', value: v.status ?? '' });
  return {
    ok: true,
    row: {
      fields: {
        familyName: family,
        givenName: given,
        familyNameKanji: familyKanji || null,
        givenNameKanji: givenKanji || null,
        familyNameKana: familyKana || null,
        givenNameKana: givenKana || null,
        organisation: v.organisation ?? null,
        country: v.country ?? null,
        region: v.region ?? null,
        email: v.email?.toLowerCase() ?? null,
        role,
        externalCode: v.externalCode ?? null,
        flags: flags.map((f) => f.flag).join(' '),
        ticketType,
      },
      // The whole cell: titles hold commas, so it is matched whole first, then split (session-match.ts).
      registrations: v.registrations?.trim() ? [v.registrations.trim()] : [],
      status,
      ticketType,
      orderCode: v.orderCode ?? null,
      ticketCode: v.ticketCode ?? null,
      flags,
      rawEmail,
    },
  };
}
