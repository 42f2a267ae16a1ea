import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { sessionChanged } from './SignedIn';

/** Asks for the staff PIN (or a staff badge scanned into the field) before a locked station can be left. */
export function StaffUnlock({ onUnlocked, onCancel, verify }: { onUnlocked: () => void; onCancel: () => void; verify?: (secret: string) => Promise<boolean> }) {
  const { t } = useTranslation();
  const [secret, setSecret] = useState('');
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = verify ? { ok: await verify(secret.trim()), retryInMs: 0 } : await api.unlock({ secret: secret.trim() });
    setSecret('');
    if (r.ok) {
      if (!verify) sessionChanged();
      return onUnlocked();
    }
    setError(r.retryInMs > 0 ? t('lock.wait', { seconds: Math.ceil(r.retryInMs / 1000) }) : t('lock.wrong'));
    input.current?.focus();
  };
  return (
    <div className="dialog-backdrop" role="presentation" onKeyDown={(e) => e.key === 'Escape' && onCancel()}>
      <form className="dialog dialog-narrow" role="dialog" aria-modal="true" aria-labelledby="unlock-title" onSubmit={(e) => void submit(e)} data-testid="unlock">
        <h2 id="unlock-title">{t('lock.title')}</h2>
        <p className="hint">{t('lock.hint')}</p>
        <input ref={input} type="password" inputMode="numeric" autoComplete="off" value={secret} onChange={(e) => setSecret(e.target.value)} aria-label={t('lock.pin')} className="pin-input" maxLength={600} />
        {error && <p className="notice notice-error" role="alert">{error}</p>}
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={onCancel}>{t('walkIn.cancel')}</button>
          <button type="submit" className="btn btn-primary">{t('lock.unlock')}</button>
        </div>
      </form>
    </div>
  );
}
