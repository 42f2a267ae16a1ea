// Which column is which: headers recognised in English, French, German and Japanese, role words in all four.
// Anything else is mapped by hand on the import screen (or left unused).
import type { Role } from '../../../api/contract.js';
import { foldText } from '../../model/normalize.js';
import { statusMeaning } from './status-words.js';

import { IMPORT_FIELD_NAMES, type ImportFieldName } from '../../../api/contract.js';

export const IMPORT_FIELDS = IMPORT_FIELD_NAMES;
export type ImportField = ImportFieldName;

const SYNONYMS: Record<ImportField, string[]> = {
  familyName: ['last name', 'lastname', 'surname', 'family name', 'family name (latin)', 'last name (latin)', 'family name (romaji)', 'nom', 'nom de famille', 'nachname', 'familienname', 'name (nachname)', 'apellido', 'cognome', '姓', '姓(ローマ字)', '姓(英字)', 'last',
    // pretix writes the parts of the attendee's name as "Attendee name: <part>" (German: "Name Teilnehmer*in: <part>").
    'attendee name: family name', 'attendee name: last name', 'attendee name: surname', 'name teilnehmer*in: nachname', 'name teilnehmer*in: familienname', 'nom du participant : nom de famille'],
  givenName: ['first name', 'firstname', 'given name', 'given name (latin)', 'first name (latin)', 'given name (romaji)', 'forename', 'prenom', 'vorname', 'nombre', '名', '名(ローマ字)', '名(英字)', 'first',
    'attendee name: given name', 'attendee name: first name', 'name teilnehmer*in: vorname', 'nom du participant : prenom'],
  fullName: ['name', 'full name', 'participant', 'attendee', 'nom complet', 'vollstandiger name', '氏名', '名前', 'お名前', '参加者名', 'attendee name', 'name teilnehmer*in', 'nom du participant', 'teilnehmername'],
  familyNameKanji: ['姓(漢字)', '漢字姓', 'family name (kanji)', 'last name (kanji)', '氏(漢字)'],
  givenNameKanji: ['名(漢字)', '漢字名', 'given name (kanji)', 'first name (kanji)'],
  familyNameKana: ['せい', '姓(かな)', '姓(ふりがな)', 'ふりがな(姓)', 'family name (kana)', 'last name (kana)', '姓かな', 'せい(かな)'],
  givenNameKana: ['めい', '名(かな)', '名(ふりがな)', 'ふりがな(名)', 'given name (kana)', 'first name (kana)', '名かな', 'めい(かな)'],
  fullNameKana: ['ふりがな', 'かな', '氏名(かな)', '氏名(ふりがな)', 'reading', 'name (kana)'],
  organisation: ['organisation', 'organization', 'company', 'institution', 'affiliation', 'employer', 'cluster', 'organisme', 'societe', 'entreprise', 'etablissement', 'firma', 'unternehmen', 'organisation (de)', 'institution (de)', '所属', '会社名', '所属機関', '団体名', '勤務先', '所属先', '機関名'],
  country: ['country', 'pays', 'land', 'staat', 'pais', '国', '国名', '国籍', '国・地域', 'home country'],
  region: ['region', 'prefecture', 'state', 'province', 'bundesland', 'departement', '都道府県', '地域', '県', '地方'],
  email: ['email', 'e-mail', 'mail', 'email address', 'e-mail address', 'courriel', 'adresse e-mail', 'adresse electronique', 'e-mail-adresse', 'emailadresse', 'メールアドレス', 'メール', 'eメール', 'eメールアドレス', 'attendee email', 'attendee e-mail', 'e-mail teilnehmer*in'],
  role: ['role', 'type', 'participant type', 'attendee type', 'role (fr)', 'rolle', 'funktion', 'teilnehmertyp', '区分', '役割', '参加区分', '種別', '参加者区分'],
  externalCode: ['ticket', 'ticket number', 'ticket no', 'ticket code', 'registration code', 'registration number', 'registration id', 'code', 'booking reference', 'reference', 'numero de billet', 'code d inscription', 'ticketnummer', 'buchungsnummer', 'anmeldenummer', '受付番号', '登録番号', 'チケット番号', '参加番号', '申込番号', 'attendee #', 'attendee number', 'attendee id'],
  registrations: ['sessions', 'registrations', 'programme', 'program', 'inscriptions', 'anmeldungen', 'veranstaltungen', '参加セッション', '参加プログラム'],
  // Codes of the registration system, accepted at the door besides the registration code.
  orderCode: ['order code', 'order number', 'order #', 'order no', 'order id', 'bestellnummer', 'bestellcode', 'numero de commande', 'code de commande', 'reservationid', 'reservation id', '注文番号', '注文コード'],
  ticketCode: ['secret', 'ticket secret', 'barcode', 'barcode #', 'qr code', 'public id', 'ticket-secret', 'code qr', 'チケットqrコード'],
  // What was bought is not who someone is: "Full Conference Pass – Early Bird" is kept, never taken for a role.
  ticketType: ['ticket type', 'category', 'categorie', 'product', 'product name', 'ticket name', 'ticket class', 'produkt', 'ticketart', 'ticketkategorie', 'type de billet', 'billet', 'チケット種別', '券種', 'チケット名'],
  status: ['status', 'attendee status', 'registration state', 'registration status', 'order status', 'statut', 'bestellstatus', 'ステータス', '状態', '申込状況'],
};

/** Headers compared without case, accents, width, punctuation spacing: "E-Mail-Adresse" = "e-mail-adresse". */
export function normHeader(h: string): string {
  return foldText(h).replace(/[（(]\s*/g, '(').replace(/\s*[）)]/g, ')').replace(/[_*:：]/g, ' ').replace(/\s+/g, ' ').trim();
}

const LOOKUP = new Map<string, ImportField>();
for (const [field, words] of Object.entries(SYNONYMS) as [ImportField, string[]][]) for (const w of words) LOOKUP.set(normHeader(w), field);

const CJK_HEADER = /[\u3040-\u30ff\u3400-\u9fff]/;
// Japanese forms call the kanji name 姓/名; beside a Latin "Last name" column, 姓 is the kanji one.
const KANJI_TWIN: Partial<Record<ImportField, ImportField>> = { familyName: 'familyNameKanji', givenName: 'givenNameKanji' };

/** A best guess for each header; a field is given to one column only. */
export function suggestMapping(headers: string[]): (ImportField | null)[] {
  const guesses = headers.map((h) => LOOKUP.get(normHeader(h)) ?? null);
  for (const [latin, kanji] of Object.entries(KANJI_TWIN) as [ImportField, ImportField][]) {
    const cols = guesses.flatMap((g, i) => (g === latin ? [i] : []));
    if (cols.length < 2 || guesses.includes(kanji)) continue;
    const japanese = cols.find((i) => CJK_HEADER.test(headers[i]!));
    if (japanese !== undefined && cols.some((i) => !CJK_HEADER.test(headers[i]!))) guesses[japanese] = kanji;
  }
  const taken = new Set<ImportField>();
  return guesses.map((f) => {
    if (!f || taken.has(f)) return null;
    taken.add(f);
    return f;
  });
}

const ROLE_WORDS: Record<Role, string[]> = {
  delegate: ['delegate', 'participant', 'attendee', 'visitor', 'guest', 'delegue', 'deleguee', 'teilnehmer', 'teilnehmerin', 'gast', '参加者', '一般', '来場者', '代表団'],
  speaker: ['speaker', 'presenter', 'keynote', 'intervenant', 'intervenante', 'orateur', 'oratrice', 'conferencier', 'redner', 'rednerin', 'referent', 'referentin', 'sprecher', '登壇者', '講演者', 'スピーカー', '発表者'],
  panellist: ['panellist', 'panelist', 'panel', 'paneliste', 'diskutant', 'podiumsteilnehmer', 'パネリスト', 'パネラー'],
  organiser: ['organiser', 'organizer', 'host', 'organisateur', 'organisatrice', 'veranstalter', 'organisator', '主催者', '事務局', '運営'],
  press: ['press', 'media', 'journalist', 'presse', 'journaliste', 'medien', '報道', 'プレス', 'メディア', '記者'],
  staff: ['staff', 'volunteer', 'crew', 'personnel', 'benevole', 'mitarbeiter', 'helfer', 'スタッフ', 'ボランティア'],
};
const ROLE_LOOKUP = new Map<string, Role>();
for (const [role, words] of Object.entries(ROLE_WORDS) as [Role, string[]][]) for (const w of words) ROLE_LOOKUP.set(foldText(w), role);

/** A role word in any of the four languages → the role; '' → delegate; anything else → null (the row is rejected). */
export function roleFrom(value: string): Role | null {
  const v = foldText(value);
  if (!v) return 'delegate';
  return ROLE_LOOKUP.get(v) ?? null;
}

// Words after a ticket type's role word that do not change it: "Speaker pass" is a speaker's ticket.
const TICKET_WORDS = /\s+(pass|ticket|badge|karte|ticket|billet|チケット|ちけっと|券)$/u;

/** The role a ticket type names ("Speaker", "Press pass", "登壇者"), or delegate: a ticket type is never rejected. */
export function roleFromTicket(ticketType: string): Role {
  const v = foldText(ticketType).replace(TICKET_WORDS, '');
  return ROLE_LOOKUP.get(v) ?? 'delegate';
}

/**
 * What a status cell makes of a registration: cancelled (imported cancelled, the door denies it), waitlisted (補欠,
 * pending, unpaid: imported; not yet kept apart from valid ones by the importer) or active. The words of every
 * system and language are in status-words.ts.
 */
export type RegistrationStatus = 'active' | 'cancelled' | 'waitlisted';

export function statusFrom(value: string): RegistrationStatus {
  const m = statusMeaning(value);
  return m === 'valid' ? 'active' : m;
}
