import { useTranslation } from 'react-i18next';
import { toKatakana } from 'wanakana';

/** Keys of a touch totem: what a name or an email address needs, nothing more. */
const ROWS = ['1234567890', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
const SYMBOLS = ['@', '.', '-', '_', "'"];

export interface KeyboardTarget {
  value: string;
  /** Katakana from romaji typed here (names only); `kanaFrom` is where the kana part began. */
  kana: boolean;
  kanaFrom: number;
}

/** What a key does to the field's text (kept pure, so the rule is the same for every key and testable). */
export function pressKey(t: KeyboardTarget, key: string): string {
  if (key === 'Backspace') return t.value.slice(0, -1);
  const typed = t.value + key;
  if (!t.kana || !/^[a-z']$/.test(key)) return typed;
  // Romaji → katakana as one types (IME mode keeps a lone "n" until the next key decides between ン and な行).
  return typed.slice(0, t.kanaFrom) + toKatakana(typed.slice(t.kanaFrom), { IMEMode: true });
}

/**
 * The kiosk's own keyboard for a touch screen without one: big keys for letters, digits and the marks of an email
 * address, space and delete; kana from romaji for a Japanese name. Keys never take the focus from the field, so a
 * wedge scan still lands where it did.
 */
export function OnScreenKeyboard({ field, kana, onKey, onKana, onEnter, enterLabel, onClose }: {
  field: 'name' | 'email';
  kana: boolean;
  onKey: (key: string) => void;
  onKana: (on: boolean) => void;
  onEnter: () => void;
  enterLabel: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const key = (k: string, label = k, cls = '') => (
    <button
      key={k}
      type="button"
      className={`osk-key ${cls}`}
      // Keep the focus (and the caret) in the field.
      onMouseDown={(e) => e.preventDefault()}
      onClick={() => onKey(k)}
      data-key={k}
      aria-label={label.length > 1 || label === '⌫' ? label === '⌫' ? t('kiosk.keyboard.backspace') : label : undefined}
    >
      {label}
    </button>
  );
  return (
    <div className="osk" role="group" aria-label={t('kiosk.keyboard.label')} data-testid="osk" data-field={field}>
      {ROWS.map((row) => (
        <div className="osk-row" key={row}>
          {[...row].map((k) => key(k, k.toUpperCase()))}
          {row === 'zxcvbnm' && key('Backspace', '⌫', 'osk-wide')}
        </div>
      ))}
      <div className="osk-row">
        {SYMBOLS.map((k) => key(k))}
        {key(' ', t('kiosk.keyboard.space'), 'osk-space')}
        {field === 'name' && (
          <button type="button" className={`osk-key osk-wide osk-mode ${kana ? 'osk-on' : ''}`} aria-pressed={kana} onMouseDown={(e) => e.preventDefault()} onClick={() => onKana(!kana)} data-testid="osk-kana">
            {kana ? 'ABC' : 'カナ'}
          </button>
        )}
      </div>
      <div className="osk-row">
        <button type="button" className="osk-key osk-wide osk-close" onMouseDown={(e) => e.preventDefault()} onClick={onClose} data-testid="osk-close">{t('kiosk.keyboard.close')}</button>
        <button type="button" className="osk-key osk-enter" onMouseDown={(e) => e.preventDefault()} onClick={onEnter} data-testid="osk-enter">{enterLabel}</button>
      </div>
    </div>
  );
}
