// One record → the delegate it describes, or the reason it cannot be imported. All or nothing per row: a row
// with any problem is rejected whole, with a reason a person understands.
import { z } from 'zod';
import type { DelegateFields } from '../delegates.js';
import { passportRomaji } from '../../model/normalize.js';
import { roleFrom, roleFromTicket, statusFrom, type ImportField, type RegistrationStatus } from './columns.js';
import { isEmailPlaceholder } from './classify.js';

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

/** "髙橋 美咲" / "髙橋　美咲" → ['髙橋', '美咲']; "Siobhán Ó Briain" → given "Siobhán", family "Ó Briain" is not knowable: last word. */
function splitName(full: string, familyFirst: boolean): [family: string, given: string] {
  // Stryker disable next-line MethodExpression: equivalent — every cell is trimmed before it gets here
  const parts = full.trim().split(/[\s\u3000]+/);
  if (parts.length === 1) return [parts[0]!, ''];
  if (familyFirst) return [parts[0]!, parts.slice(1).join(' ')];
  return [parts[parts.length - 1]!, parts.slice(0, -1).join(' ')];
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
  if (!family && familyKana) family = passportRomaji(familyKana);
  if (!given && givenKana) given = passportRomaji(givenKana);
  if (!family && !given && !familyKanji && !givenKanji) return reject('no_name', 'No name: give a family or given name.');
  if (!family && !given) return reject('kanji_without_reading', 'Kanji name without a reading or Latin name: add the kana reading or the name in Latin letters.');
  if (v.email && !email.safeParse(v.email).success) return reject('invalid_email', `Invalid email "${v.email}".`, { value: v.email });
  // A role column says who someone is; without one, a ticket type may ("Speaker", "Press pass"), else delegate.
  const role = v.role || !v.ticketType ? roleFrom(v.role ?? '') : roleFromTicket(v.ticketType);
  if (!role) return reject('unknown_role', `Unknown role "${v.role}": use delegate, speaker, panellist, organiser, press or staff (or 登壇者, Intervenant, Referent…).`, { value: v.role ?? '' });
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
      },
      registrations: (v.registrations ?? '').split(/[;|,、]/).map((s) => s.trim()).filter(Boolean),
      status: statusFrom(v.status ?? ''),
      ticketType: v.ticketType ?? null,
      orderCode: v.orderCode ?? null,
      ticketCode: v.ticketCode ?? null,
    },
  };
}
