// The desk's person form, for a walk-in and for an edit: opened by screens/Desk.tsx, which says what saving does.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Delegate, DelegateDetail, Role } from '../../../../electron/api/contract';
import { ROLES } from '../../../../electron/api/vocabulary';
import type { api } from '../../api';
import { coreText } from '../../core-message';
import { RegistrationPicker } from '../../components/RegistrationPicker';

type DelegateFormFields = Parameters<typeof api.walkIn>[0];

/** Walk-in registration and editing share one form: names in every script, organisation, place, email, role. */
export function DelegateForm({ title, submitLabel, initial, onClose, onSubmit, onDone }: {
  title: string;
  submitLabel: string;
  initial?: Delegate;
  onClose: () => void;
  onSubmit: (fields: DelegateFormFields) => Promise<DelegateDetail>;
  onDone: (d: DelegateDetail) => void;
}) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [registrations, setRegistrations] = useState<Set<string>>(new Set());
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const v = (k: string) => String(f.get(k) ?? '').trim();
    if (!(v('familyName') || v('familyNameKana')) || !(v('givenName') || v('givenNameKana'))) return setError(t('walkIn.required'));
    try {
      onDone(
        await onSubmit({
          familyName: v('familyName'), givenName: v('givenName'),
          familyNameKanji: v('familyNameKanji') || null, givenNameKanji: v('givenNameKanji') || null,
          familyNameKana: v('familyNameKana') || null, givenNameKana: v('givenNameKana') || null,
          organisation: v('organisation') || null, country: v('country') || null, region: v('region') || null,
          email: v('email') || null, role: v('role') as Role,
          ...(initial ? {} : { registrations: [...registrations] }),
        }),
      );
    } catch (err) {
      setError(coreText(err, t));
    }
  };
  const field = (name: keyof Delegate & string, opts: { type?: string; lang?: string } = {}) => (
    <label className="field">
      <span>{t(`walkIn.${name}`)}</span>
      <input name={name} type={opts.type ?? 'text'} lang={opts.lang} ref={name === 'familyName' ? first : undefined} maxLength={200} defaultValue={(initial?.[name] as string | null | undefined) ?? ''} />
    </label>
  );
  return (
    <div className="dialog-backdrop" role="presentation" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <form className="dialog" role="dialog" aria-modal="true" aria-labelledby="delegate-form-title" onSubmit={(e) => void submit(e)} onInput={() => setError(null)} data-testid={initial ? 'edit-form' : 'walk-in-form'}>
        <h2 id="delegate-form-title">{title}</h2>
        <div className="grid2">
          {field('familyName')}
          {field('givenName')}
          {field('familyNameKanji', { lang: 'ja' })}
          {field('givenNameKanji', { lang: 'ja' })}
          {field('familyNameKana', { lang: 'ja' })}
          {field('givenNameKana', { lang: 'ja' })}
          {field('organisation')}
          {field('email', { type: 'email' })}
          {field('country')}
          {field('region')}
          <label className="field">
            <span>{t('walkIn.role')}</span>
            <select name="role" defaultValue={initial?.role ?? 'delegate'}>
              {ROLES.map((r) => <option key={r} value={r}>{t(`roles.${r}`)}</option>)}
            </select>
          </label>
        </div>
        {!initial && <details className="reg-editor" data-testid="walk-in-registrations"><summary>{t('picker.title')}</summary><RegistrationPicker value={registrations} onChange={setRegistrations} /></details>}
        {error && <p className="notice notice-error" role="alert">{error}</p>}
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={onClose}>{t('walkIn.cancel')}</button>
          <button type="submit" className="btn btn-primary">{submitLabel}</button>
        </div>
      </form>
    </div>
  );
}
