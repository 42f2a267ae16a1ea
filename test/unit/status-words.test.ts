// Status words of registration systems and of eight languages → cancelled / waitlisted / valid (status-words.ts).
import { describe, expect, it } from 'vitest';
import { knownStatus, statusMeaning } from '../../electron/services/people/import/status-words.js';
import { statusFrom } from '../../electron/services/people/import/columns.js';

describe('status words', () => {
  it.each([
    // the systems' own words
    'Canceled', 'CANCELLED', 'void', 'Refunded', 'declined', 'Withdrawn', 'Not Attending', 'storniert', 'abgelaufen',
    // Japanese
    'キャンセル', 'キャンセル済み', 'ｷｬﾝｾﾙ', '不参加', '辞退', '欠席', '取消', 'キャンセル者',
    // French, Spanish, Italian, Dutch, Polish
    'Annulé', 'annulée', 'cancelado', 'Anulada', 'annullato', 'rimborsato', 'geannuleerd', 'terugbetaald', 'anulowany', 'Odrzucona',
    // a status with a remark
    'キャンセル（返金済み）', 'Cancelled by attendee',
  ])('%s → cancelled', (w) => {
    expect(statusMeaning(w)).toBe('cancelled');
    expect(statusFrom(w)).toBe('cancelled');
  });

  it.each([
    '補欠', '補欠参加者', 'キャンセル待ち', '抽選中', '未払い', 'pending', 'pending_approval', 'waitlist', 'Waiting list', 'invited', 'unpaid',
    'ausstehend', 'Warteliste', 'en attente', "liste d'attente", 'pendiente', 'lista de espera', 'in attesa', 'wachtlijst', 'oczekujący', 'lista rezerwowa',
  ])('%s → waitlisted or pending', (w) => {
    expect(statusMeaning(w)).toBe('waitlisted');
    expect(statusFrom(w)).toBe('waitlisted');
  });

  it.each(['Paid', 'bezahlt', 'Attending', 'Checked In', 'complete', 'approved', '参加', '出席', 'confirmé', ''])('%s → valid', (w) => {
    expect(statusMeaning(w)).toBe('valid');
    expect(statusFrom(w)).toBe('active');
  });

  it('an unknown word is valid for the door but not a status word for value inference', () => {
    expect(statusMeaning('Gold sponsor')).toBe('valid');
    expect(knownStatus('Gold sponsor')).toBeNull();
    expect(knownStatus('')).toBeNull();
    expect(knownStatus('Paid')).toBe('valid');
  });
});
