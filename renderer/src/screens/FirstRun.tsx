import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import i18next from 'i18next';
import { api } from '../api';
import { coreText } from '../core-message';

// Refusals from the core read in the screen's language (their key and values), else as the error says.
const errorText = (e: unknown) => coreText(e, i18next.t);

/** The form of a new event (the first-run choice and the Event screen's "New event"): names, venue, zone, days. */
export function NewEventForm({ onCreated }: { onCreated: () => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const s = (k: string) => String(f.get(k) ?? '');
    setError(null);
    setBusy(true);
    api.newEvent({ name: s('name'), nameJa: s('nameJa') || null, venue: s('venue'), venueJa: s('venueJa') || null, timezone: s('timezone'), startsOn: s('startsOn'), endsOn: s('endsOn') }).then(onCreated, (err: unknown) => {
      setBusy(false);
      setError(errorText(err));
    });
  };
  return (
    <>
      <form className="event-form" onSubmit={submit} aria-label={t('event.newEvent')}>
        <label className="field">{t('event.name')}<input name="name" required maxLength={200} /></label>
        <label className="field">{t('event.nameJa')}<input name="nameJa" maxLength={200} lang="ja" /></label>
        <label className="field">{t('event.venue')}<input name="venue" maxLength={300} /></label>
        <label className="field">{t('event.venueJa')}<input name="venueJa" maxLength={300} lang="ja" /></label>
        <label className="field">{t('event.timezone')}<input name="timezone" required maxLength={64} defaultValue={Intl.DateTimeFormat().resolvedOptions().timeZone} /></label>
        <label className="field">{t('event.startsOn')}<input name="startsOn" type="date" required /></label>
        <label className="field">{t('event.endsOn')}<input name="endsOn" type="date" required /></label>
        <div className="event-form-actions"><button type="submit" className="btn btn-primary" disabled={busy}>{t('event.create')}</button></div>
      </form>
      {error && <p className="notice notice-error" role="alert">{error}</p>}
    </>
  );
}

/**
 * The first start: no event chosen yet. Three ways in — the organiser's own event, a station of a venue hub (the
 * Venue screen's join, by pairing code), or the demo in one click. Whatever is chosen is remembered by the host.
 */
export function FirstRun() {
  const { t } = useTranslation();
  const [open, setOpen] = useState<'new' | 'join' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const go = (path: string) => location.assign(path);
  const demo = () => {
    setError(null);
    setBusy(true);
    api.openDemo({}).then(() => go('/desk'), (e: unknown) => {
      setBusy(false);
      setError(errorText(e));
    });
  };
  return (
    <main className="first-run" data-testid="first-run">
      <h1>{t('firstRun.title')}</h1>
      <p className="hint">{t('firstRun.hint')}</p>
      {error && <p className="notice notice-error" role="alert">{error}</p>}
      <div className="first-run-choices">
        <section className="card first-run-choice" aria-labelledby="fr-new">
          <h2 id="fr-new">{t('firstRun.create')}</h2>
          <p className="hint">{t('firstRun.createHint')}</p>
          {open !== 'new' && <button type="button" className="btn btn-primary" data-testid="first-run-create" onClick={() => setOpen('new')}>{t('firstRun.create')}</button>}
          {open === 'new' && <NewEventForm onCreated={() => go('/event')} />}
        </section>
        <section className="card first-run-choice" aria-labelledby="fr-join">
          <h2 id="fr-join">{t('venue.joinTitle')}</h2>
          <p className="hint">{t('firstRun.joinHint')}</p>
          {open !== 'join' && <button type="button" className="btn" data-testid="first-run-join" onClick={() => setOpen('join')}>{t('venue.joinTitle')}</button>}
          {open === 'join' && (
            <form className="join-form" onSubmit={(e) => {
              e.preventDefault();
              setError(null);
              setBusy(true);
              api.joinHub({ code: code.trim(), name: name.trim() }).then(() => go('/venue'), (err: unknown) => {
                setBusy(false);
                setError(errorText(err));
              });
            }}>
              <label>{t('venue.joinCode')}<textarea value={code} onChange={(e) => setCode(e.target.value)} rows={3} spellCheck={false} autoComplete="off" data-testid="join-code" required /></label>
              <label>{t('venue.stationName')}<input value={name} onChange={(e) => setName(e.target.value)} maxLength={100} placeholder={t('venue.stationNameHint')} /></label>
              <button type="submit" className="btn" disabled={busy} data-testid="join-hub">{busy ? t('venue.joining') : t('venue.join')}</button>
            </form>
          )}
        </section>
        <section className="card first-run-choice" aria-labelledby="fr-demo">
          <h2 id="fr-demo">{t('firstRun.demo')}</h2>
          <p className="hint">{t('firstRun.demoHint')}</p>
          <button type="button" className="btn" data-testid="first-run-demo" disabled={busy} onClick={demo}>{busy ? t('firstRun.opening') : t('firstRun.demo')}</button>
        </section>
      </div>
    </main>
  );
}
