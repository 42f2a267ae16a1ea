// Recognition by meaning, beneath the system profiles (profiles.ts) and the exact header words (columns.ts): a header
// written as a question or in two languages ("お名前（名札に印字します）", "Family name / 姓", "Name in kanji
// (Japanese participants)", "Adresse e-mail professionnelle") is read word by word in EN/FR/DE/ES/IT/NL/PL/JA; a column
// whose header says nothing is recognised from its values (e-mail addresses, kana, status words, unique codes, URLs).
// Every guess carries the reason the import screen shows ("column 7: e-mail addresses").
import { foldText } from '../../model/normalize.js';
import type { ImportField } from './columns.js';
import { knownStatus } from './status-words.js';

/** A header's meaning: a field, or a column known to hold nothing to import (a form's timestamp). */
export type HeaderMeaning = { field: ImportField; reason: string } | { field: null; reason: string };

interface Rule {
  field: ImportField | null;
  test: RegExp;
  reason: string;
}

// Headers are folded first (foldText: lower case, NFKC, Latin accents off, katakana as hiragana), so "フリガナ" is
// tested as "ふりがな" and "Prénom" as "prenom".
const KANA = /ふりがな|よみがな|かな|furigana|\bkana\b|reading|読み|よみ/;
const KANJI = /漢字|kanji/;
const FAMILY = /(last|family|sur) ?name|surname|\blast\b|nom de famille|\bnom\b(?! (complet|du participant|et prenom))|nachname|familienname|apellidos?|(?<!nome e )cognome|achternaam|(?<!imie i )nazwisko|姓|苗字|名字|^氏$|\(氏\)|(^|[(\s])せい([)\s]|$)/;
const GIVEN = /(first|given|fore) ?name|\bfirst\b|prenom|vorname|\bnombre\b(?! completo)|\bnome\b(?! (e cognome|completo))|voornaam|\bimie\b(?! i nazwisko)|(^|[^氏者示録称前ーの])名(?![前札刺称簿])|下の名前|(^|[(\s])めい([)\s]|$)/;
const FULL = /\bname\b|full name|nom complet|nom et prenom|vollstandiger name|nombre completo|nome e cognome|nome completo|volledige naam|\bnaam\b|imie i nazwisko|氏名|名前|おなまえ|参加者名|^name$/;

// In order: the first rule that matches decides. Kana and kanji qualifiers first (they qualify a name header), then
// the columns whose words would otherwise be taken for a name ("Company name", "Ticket name", "E-mail").
const RULES: Rule[] = [
  { field: null, test: /^(timestamp|horodateur|horodatage|zeitstempel|marca (de )?temporal|informazioni cronologiche|data e ora|tijdstempel|sygnatura czasowa|start time|completion time|last modified time|heure de (debut|fin)|たいむすたんぷ|開始時刻|完了時刻|回答日時|送信日時|更新日時|最終更新日時|申込日時|申し込み日時|登録日時|購入日時|注文日時|利用開始日|出席日時)$/, reason: 'a timestamp' },
  { field: 'email', test: /e-?mail|courriel|correo|posta elettronica|\bmail\b|めーる|電子めーる|eめーる/, reason: 'an e-mail address' },
  { field: null, test: /出欠|checked in|check-in|eingecheckt|^id$|^no\.?$|^#$|^番号$|phone|telefon|telephone|tel\b|電話|携帯|zip|postleitzahl|code postal|郵便|address|adresse|住所|comment|コメント|備考|remarks|notes?$|price|preis|prix|金額|料金|価格/, reason: 'not a person’s name or code' },
  { field: 'fullNameKana', test: new RegExp(`(${KANA.source}).*(${FULL.source})|(${FULL.source}).*(${KANA.source})`), reason: 'a name in kana' },
  { field: 'familyNameKana', test: new RegExp(`(${KANA.source}).*(${FAMILY.source})|(${FAMILY.source}).*(${KANA.source})`), reason: 'a family name in kana' },
  { field: 'givenNameKana', test: new RegExp(`(${KANA.source}).*(${GIVEN.source})|(${GIVEN.source}).*(${KANA.source})`), reason: 'a given name in kana' },
  { field: 'fullNameKana', test: KANA, reason: 'a reading in kana' },
  { field: 'familyNameKanji', test: new RegExp(`(${KANJI.source}).*(${FAMILY.source})|(${FAMILY.source}).*(${KANJI.source})`), reason: 'a family name in kanji' },
  { field: 'givenNameKanji', test: new RegExp(`(${KANJI.source}).*(${GIVEN.source})|(${GIVEN.source}).*(${KANJI.source})`), reason: 'a given name in kanji' },
  // A whole name in kanji beside Latin name columns: validate.ts splits it at its space.
  { field: 'familyNameKanji', test: KANJI, reason: 'a name in kanji' },
  { field: 'orderCode', test: /(order|bestell|commande|pedido|ordine|bestelling|zamowieni|注文|booking|reservation|reservierung|reserva|prenotazione|reservering|rezerwacj)\w*\s*(code|number|no\b|#|id\b|nummer|numero|numer|番号|こーど|ref|reference)/, reason: 'an order code' },
  { field: 'ticketCode', test: /\bqr\b|qr ?code|barcode|bar code|secret|code barre|codigo de barras|codice a barre|streepjescode|kod kreskowy|ばーこーど|qrこーど/, reason: 'the content of a ticket’s QR code' },
  { field: 'externalCode', test: /(ticket|registration|confirmation|attendee|participant|badge|anmelde|teilnehmer|inscription|inscripcion|iscrizione|registratie|rejestracj|受付|登録|参加|ちけっと|申込|申し込み)\w*\s*(code|number|no\b|#|id\b|ref|reference|nummer|numero|numer|番号|こーど)|^(reference|ref|code|registration|受付番号|登録番号)$/, reason: 'a registration code' },
  { field: 'ticketType', test: /ticket|billet|entrada|biglietto|kaartsoort|\bkaart\b|\bbilet|ちけっと|券種|参加枠|\bpass\b|category|categorie|kategorie|categoria|kategoria/, reason: 'a ticket type' },
  { field: 'status', test: /status|\bstate\b|statut|estado|\bstato\b|すてーたす|状態|状況|approval|attendance|will you attend|参加可否|ご出席|ご参加|出席/, reason: 'a status' },
  { field: 'role', test: /\brole\b|participant type|attendee type|delegate type|type of participant|rolle|funktion|teilnehmertyp|type de participant|tipo de participante|\bruolo\b|\brol\b|funkcja|typ uczestnika|区分|役割|種別|立場/, reason: 'a role' },
  { field: 'organisation', test: /organi[sz]ation|company|institution|affiliation|employer|organisme|societe|entreprise|etablissement|\bfirma\b|unternehmen|arbeitgeber|empresa|organizacion|institucion|azienda|\bente\b|organizzazione|bedrijf|organisatie|instelling|organizac|instytucj|所属|会社|団体|機関|勤務先|学校/, reason: 'an organisation' },
  { field: 'country', test: /country|\bpays\b|\bland\b|land$|\bstaat\b|\bpais\b|paese|nazione|\bkraj\b|国籍|国名|^国|国・地域|出身国/, reason: 'a country' },
  { field: 'region', test: /region|prefecture|province|bundesland|departement|provincia|regione|provincie|wojewodztwo|都道府県|^県/, reason: 'a region' },
  { field: 'registrations', test: /session|programme|\bprogram\b|workshop|atelier|sitzung|sesion|sessione|sessie|\bsesja|せっしょん|ぷろぐらむ|分科会/, reason: 'the sessions' },
  { field: 'familyName', test: FAMILY, reason: 'a family name' },
  { field: 'givenName', test: GIVEN, reason: 'a given name' },
  { field: 'fullName', test: FULL, reason: 'a name' },
];

/** Bracketed remarks and question words that say nothing about the column: "お名前（名札に印字します）", "Your e-mail?". */
function mainText(folded: string): string {
  return folded
    .replace(/[（(][^）)]*[）)]/g, ' ')
    .replace(/[?？:：*＊※]/g, ' ')
    .replace(/\b(please (enter|give|type) |your |votre |ihr(e|en)? |su |tu |il tuo |la tua |uw |twoje |twój )/g, '')
    .replace(/(を)?(ご)?(入力|記入)(して)?(ください|下さい).*$/u, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function classifyPart(part: string): HeaderMeaning | null {
  const main = mainText(part);
  // Qualifiers in brackets count for kana and kanji ("名前（ふりがな）"), not for the rest ("お名前（名札に印字）").
  for (const r of RULES) {
    const text = r.field === 'fullNameKana' || r.field === 'familyNameKana' || r.field === 'givenNameKana' || r.field === 'familyNameKanji' || r.field === 'givenNameKanji' ? part : main;
    if (text && r.test.test(text)) return r.field ? { field: r.field, reason: r.reason } : { field: null, reason: r.reason };
  }
  return null;
}

/** What a header means, read word by word; null when it says nothing this classifier knows. */
export function classifyHeader(header: string): HeaderMeaning | null {
  const folded = foldText(header);
  if (!folded) return null;
  const whole = classifyPart(folded);
  // "Family name / 姓", "Nom | Name", "E-mail／メールアドレス": the whole first, then each language's part.
  const parts = folded.split(/\s*[/／|｜]\s*/).filter(Boolean);
  if (whole || parts.length < 2) return whole;
  for (const p of parts) {
    const m = classifyPart(p);
    if (m) return m;
  }
  return null;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const URL = /^https?:\/\/\S+$/i;
const KANA_ONLY = /^[\p{Script=Hiragana}\p{Script=Katakana}ー・\s\u3000]+$/u;
const CJK_NAME = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}々ヶー\s\u3000]{1,16}$/u;
const CODE_LIKE = /^(?=.*\d)[A-Za-z0-9][A-Za-z0-9\-_#]{3,63}$/;
const DATE_LIKE = /^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}/;

/** Values a form writes in its own e-mail column when the answer was anonymous: not an address, not a mistake. */
const EMAIL_PLACEHOLDERS = new Set(['anonymous', 'anonyme', 'anonym', 'anonimo', 'anoniem', 'anonimowy', 'anonimowa', '匿名', 'n/a', 'none', '-', 'なし']);
export function isEmailPlaceholder(value: string): boolean {
  return EMAIL_PLACEHOLDERS.has(foldText(value));
}

export type ValueKind = 'email' | 'emailPlaceholder' | 'url' | 'kana' | 'kanjiName' | 'status' | 'code';

const VALUE_REASON: Record<ValueKind, string> = {
  email: 'e-mail addresses', emailPlaceholder: 'placeholders such as “anonymous”, not addresses', url: 'URLs (a ticket’s QR content)',
  kana: 'names in kana', kanjiName: 'names in kanji', status: 'status words', code: 'unique code-like values',
};
export const valueReason = (k: ValueKind): string => VALUE_REASON[k];

/**
 * What most of a column's values are (four in five of its non-empty cells, at least two): e-mail addresses, URLs,
 * kana, short kanji names, status words, or unique code-like values (letters and digits, no spaces, never repeated).
 */
export function valueKind(values: readonly string[]): ValueKind | null {
  const v = values.map((s) => s.trim()).filter(Boolean);
  if (v.length < 2) return null;
  const share = (ok: (s: string) => boolean) => v.filter(ok).length / v.length >= 0.8;
  if (share((s) => EMAIL.test(s))) return 'email';
  if (share(isEmailPlaceholder)) return 'emailPlaceholder';
  if (share((s) => URL.test(s))) return 'url';
  // Status words before names: キャンセル is kana, 参加 two kanji.
  if (share((s) => knownStatus(s) !== null)) return 'status';
  if (share((s) => KANA_ONLY.test(s))) return 'kana';
  if (share((s) => CJK_NAME.test(s))) return 'kanjiName';
  if (new Set(v).size === v.length && v.every((s) => CODE_LIKE.test(s) && !DATE_LIKE.test(s) && !/^\d{10,}$/.test(s) && !/^\d{1,3}$/.test(s))) return 'code';
  return null;
}

/** The field a kind of value suggests, in order of preference among the fields still free. */
export const FIELDS_FOR_VALUES: Record<Exclude<ValueKind, 'emailPlaceholder'>, ImportField[]> = {
  email: ['email'], url: ['ticketCode', 'externalCode'], kana: ['fullNameKana'], kanjiName: ['fullName', 'familyNameKanji'],
  status: ['status'], code: ['externalCode', 'ticketCode'],
};
