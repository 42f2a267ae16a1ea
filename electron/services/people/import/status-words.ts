// What a registration file's status column means for the door: cancelled (denied, with the reason), waitlisted or
// pending (imported, not admitted by default), or valid. Words of the registration systems themselves and of the
// eight languages of the header classifier (classify.ts). columns.ts's statusFrom reads this table; a column of
// these words is recognised as the status column even without a header (classify.ts, value inference).
//
// Sources of the systems' own words:
// - pretix: order states "Paid / Pending / Canceled / Expired" and German "bezahlt / ausstehend / storniert /
//   abgelaufen" (pretix/pretix src/pretix/locale/de/LC_MESSAGES/django.po: "Order canceled" → "Bestellung
//   storniert", "Expired" → "abgelaufen", "Order denied" → "Bestellung abgelehnt").
// - connpass: applicant statuses 参加者 / 補欠参加者 / キャンセル者 and 抽選中 for lotteries
//   (http://help.connpass.com/organizers/event-admin); the CSV's 参加ステータス column writes 参加 / 補欠 / キャンセル
//   (public connpass CSV readers: a badge generator that skips rows whose 参加ステータス contains キャンセル, and the
//   PyCon JP 2019 sprint tool's test data with 参加).
// - Doorkeeper: キャンセル待ち for a waiting list (https://support.doorkeeper.jp/article/70-waitlist).
// - Luma: a guest's approval_status approved / declined / pending_approval / waitlist / invited (Luma's guest API as
//   read by poap-studio/poap-farcaster-saas scripts/luma-research/analyze-guest-structure.sh).
// - Tito: ticket states complete / incomplete / void; void tickets are no longer valid (Tito's tickets API, "Void
//   tickets are excluded unless states includes 'void'").
// - Eventbrite "Attending / Checked In / Not Attending / Refunded", Indico "Completed / Pending / Withdrawn /
//   Rejected", Hi.Events and alf.io "CANCELLED", already read by the importer (registration-exports fixtures).
import { foldText } from '../../model/normalize.js';

export type StatusMeaning = 'cancelled' | 'waitlisted' | 'valid';

const CANCELLED_WORDS = [
  // English and the systems' own words
  'canceled', 'cancelled', 'cancel', 'cancellation', 'expired', 'refunded', 'not attending', 'deleted', 'withdrawn', 'rejected',
  'released', 'void', 'voided', 'declined', 'denied', 'order canceled', 'order cancelled', 'order denied', 'refund', 'fully refunded',
  // German
  'storniert', 'abgelaufen', 'erstattet', 'zuruckerstattet', 'ruckerstattet', 'abgesagt', 'abgelehnt', 'bestellung storniert', 'bestellung abgelehnt', 'ungultig',
  // French
  'annule', 'annulee', 'rembourse', 'remboursee', 'expire', 'expiree', 'refuse', 'refusee', 'desiste', 'desistee', 'desinscrit', 'desinscrite',
  // Spanish
  'cancelado', 'cancelada', 'anulado', 'anulada', 'reembolsado', 'reembolsada', 'rechazado', 'rechazada', 'caducado', 'caducada',
  // Italian
  'annullato', 'annullata', 'cancellato', 'cancellata', 'rimborsato', 'rimborsata', 'rifiutato', 'rifiutata', 'scaduto', 'scaduta', 'ritirato', 'ritirata',
  // Dutch
  'geannuleerd', 'terugbetaald', 'afgewezen', 'vervallen', 'afgemeld', 'ingetrokken',
  // Polish
  'anulowany', 'anulowana', 'anulowane', 'odwolany', 'odwolana', 'zwrocony', 'zwrocona', 'odrzucony', 'odrzucona', 'wygasly', 'wygasla', 'wycofany', 'wycofana',
  // Japanese (connpass キャンセル / キャンセル者, forms 不参加 / 欠席 / 辞退)
  'キャンセル', 'キャンセル済み', 'キャンセル済', 'キャンセル者', '取消', '取り消し', '取消済み', '取消し', '申込取消', '参加取消', '辞退', '返金済み', '返金済',
  '払い戻し済み', '払戻済み', '無効', '不参加', '欠席', '参加しない', '参加できない', '却下', '期限切れ',
];

const WAITLISTED_WORDS = [
  // English and the systems' own words (Luma pending_approval / waitlist / invited, pretix pending, unpaid orders)
  'waitlist', 'waitlisted', 'wait list', 'waiting list', 'on waitlist', 'on the waiting list', 'pending', 'pending approval', 'pending payment',
  'awaiting payment', 'awaiting approval', 'unpaid', 'not paid', 'invited', 'reserved', 'on hold', 'tentative',
  // German
  'ausstehend', 'warteliste', 'auf der warteliste', 'unbezahlt', 'nicht bezahlt', 'offen', 'vorlaufig', 'reserviert',
  // French
  'en attente', 'liste d attente', 'sur liste d attente', 'non paye', 'non payee', 'impaye', 'impayee', 'provisoire',
  // Spanish
  'pendiente', 'lista de espera', 'en lista de espera', 'no pagado', 'sin pagar', 'en espera',
  // Italian
  'in attesa', 'lista d attesa', 'in lista d attesa', 'non pagato', 'da pagare', 'sospeso',
  // Dutch
  'wachtlijst', 'op de wachtlijst', 'in afwachting', 'onbetaald', 'niet betaald', 'voorlopig',
  // Polish
  'oczekujacy', 'oczekujaca', 'oczekuje', 'lista rezerwowa', 'lista oczekujacych', 'nieoplacony', 'nieoplacona', 'niezaplacony',
  // Japanese (connpass 補欠 / 補欠参加者 / 抽選中, Doorkeeper キャンセル待ち)
  '補欠', '補欠者', '補欠参加者', '補欠参加', 'キャンセル待ち', '抽選中', '抽選待ち', '未払い', '未払', '支払い待ち', '入金待ち', '未入金', '承認待ち', '保留', '仮登録', '仮申込',
];

const VALID_WORDS = [
  'paid', 'attending', 'checked in', 'completed', 'complete', 'incomplete', 'confirmed', 'approved', 'accepted', 'registered', 'valid', 'active', 'going',
  'bezahlt', 'bestatigt', 'angemeldet', 'paye', 'payee', 'confirme', 'confirmee', 'inscrit', 'inscrite', 'pagado', 'pagada', 'confirmado', 'confirmada', 'inscrito',
  'pagato', 'pagata', 'confermato', 'confermata', 'iscritto', 'iscritta', 'betaald', 'bevestigd', 'aangemeld', 'oplacony', 'oplacona', 'potwierdzony', 'potwierdzona',
  'zarejestrowany', '参加', '参加者', '参加確定', '申込済み', '申し込み済み', '申込完了', '支払い済み', '支払済み', '入金済み', '決済済み', '出席', '受付済み', '確定', '承認済み',
];

/** Status values compared as headers are: folded (case, accents, width, katakana), underscores and hyphens as spaces. */
export function normStatus(value: string): string {
  return foldText(value).replace(/[_\-–—'’]+/g, ' ').replace(/[。.!！]+$/u, '').replace(/\s+/g, ' ').trim();
}

const MEANING = new Map<string, StatusMeaning>();
for (const w of VALID_WORDS) MEANING.set(normStatus(w), 'valid');
for (const w of WAITLISTED_WORDS) MEANING.set(normStatus(w), 'waitlisted');
for (const w of CANCELLED_WORDS) MEANING.set(normStatus(w), 'cancelled');

/** The meaning of a status value; unknown words and empty cells are valid (a status the door cannot read never refuses). */
export function statusMeaning(value: string): StatusMeaning {
  return knownStatus(value) ?? 'valid';
}

/** The meaning of a status value, or null when the word is not a status word at all (value inference needs to know). */
export function knownStatus(value: string): StatusMeaning | null {
  const v = normStatus(value);
  if (!v) return null;
  const exact = MEANING.get(v);
  if (exact) return exact;
  // "キャンセル（返金済み）", "Cancelled by attendee", "Refunded (partial)": the first word decides.
  const head = v.split(/[\s(（:：/,、]/u)[0] ?? '';
  return head && head !== v ? (MEANING.get(head) ?? null) : null;
}
