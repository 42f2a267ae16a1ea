import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Checkpoint, Delegate, DelegateHit, ScanResult } from '../../../electron/api/contract';
import { api } from '../api';
import { useEvent } from '../event-context';
import { displayName, formatTime } from '../format';
import { setLang } from '../i18n';
import { useWedgeScanner } from '../scan/useWedgeScanner';
import { play, toneFor } from '../scan/sounds';
import { loadStation } from '../station';
import { StaffUnlock } from '../components/StaffUnlock';
import { navigate } from '../router';
import type { PrintJob } from '../../../electron/api/contract';

type Step = { kind: 'start' } | { kind: 'choose'; hits: DelegateHit[] } | { kind: 'done'; result: ScanResult; print: PrintJob['status'] | null } | { kind: 'none' };

/** A delegate's own check-in: scan the confirmation QR, or find yourself by name or email. */
export function Kiosk() {
  const { t, i18n } = useTranslation();
  const { event } = useEvent();
  const [step, setStep] = useState<Step>({ kind: 'start' });
  const [query, setQuery] = useState('');
  const [venue, setVenue] = useState<Checkpoint | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [unlocking, setUnlocking] = useState(false);
  const homeLang = useRef(i18n.language);
  const tz = event?.timezone ?? 'UTC';

  useEffect(() => {
    api.checkpoints({}).then((cps) => setVenue(cps.find((c) => c.kind === 'venue') ?? null), () => {});
  }, []);

  const startOver = useCallback(() => {
    setStep({ kind: 'start' });
    setQuery('');
    setError(null);
    setLang(homeLang.current === 'ja' ? 'ja' : 'en', false);
  }, []);

  // The kiosk speaks the delegate's language once it knows who they are.
  const followDelegate = (d: Delegate | null) => {
    if (d) setLang(d.familyNameKanji ? 'ja' : 'en', false);
  };

  const finish = (r: ScanResult) => {
    followDelegate(r.delegate);
    play(toneFor(r.verdict));
    const station = loadStation();
    const printing = r.verdict === 'admitted' && r.delegate && station.printer ? station.printer : null;
    setStep({ kind: 'done', result: r, print: printing ? 'queued' : null });
    if (printing && r.delegate) void printFor(r.delegate.id, printing, station.size);
  };

  // The badge prints as soon as the delegate is checked in; the screen follows the job to the end.
  const printFor = async (delegateId: string, printer: string, size: PrintJob['size']) => {
    try {
      let job = await api.printBadge({ delegateId, printer, size });
      while (job.status === 'queued' || job.status === 'printing') {
        await new Promise((r) => setTimeout(r, 700));
        job = (await api.printJobs({ limit: 20 })).find((j) => j.id === job.id) ?? { ...job, status: 'failed' };
      }
      setStep((s) => (s.kind === 'done' ? { ...s, print: job.status } : s));
    } catch {
      setStep((s) => (s.kind === 'done' ? { ...s, print: 'failed' } : s));
    }
  };

  const onScan = async (code: string) => {
    try {
      // A scan can arrive before the checkpoint list has loaded: fetch it then rather than drop the scan.
      const v = venue ?? (await api.checkpoints({})).find((c) => c.kind === 'venue');
      if (!v) return;
      finish(await api.scan({ checkpointId: v.id, code }));
    } catch (e) {
      setError(String(e));
    }
  };
  const listening = useWedgeScanner((code) => void onScan(code));

  useEffect(() => {
    if (step.kind !== 'done' && step.kind !== 'none') return;
    // Not while the badge is printing: the delegate is told whether to take it or ask at the desk, however slow the
    // printer is; the screen starts over once that has been said.
    if (step.kind === 'done' && (step.print === 'queued' || step.print === 'printing')) return;
    const id = setTimeout(startOver, 12_000);
    return () => clearTimeout(id);
  }, [step, startOver]);

  const find = async (e: FormEvent) => {
    e.preventDefault();
    // At least three characters: a public kiosk must not page through the delegate list.
    if (query.trim().length < 3) return;
    const hits = await api.searchDelegates({ query, limit: 5 });
    setStep(hits.length ? { kind: 'choose', hits } : { kind: 'none' });
  };

  const confirm = async (h: DelegateHit) => {
    if (!venue) return;
    try {
      finish(await api.checkIn({ delegateId: h.id, checkpointId: venue.id }));
    } catch (e) {
      setError(String(e));
    }
  };

  return (
    <main className="kiosk" data-scanner={listening ? 'ready' : 'starting'}>
      <h1 className="kiosk-title">{t('kiosk.title')}</h1>
      <p className="kiosk-subtitle" lang={i18n.language === 'ja' ? 'en' : 'ja'}>{t('kiosk.titleOther')}</p>
      {error && <p className="notice notice-error" role="alert">{error}</p>}
      {step.kind === 'start' && (
        <section className="kiosk-start">
          <div className="kiosk-scan" aria-hidden="true">
            <span className="kiosk-qr">▣</span>
          </div>
          <p className="kiosk-prompt">{t('kiosk.scanPrompt')}</p>
          <p className="kiosk-or">{t('kiosk.orType')}</p>
          <form onSubmit={(e) => void find(e)} className="kiosk-form">
            <input
              type="search"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              placeholder={t('kiosk.searchPlaceholder')}
              aria-label={t('kiosk.orType')}
              autoComplete="off"
              minLength={3}
            />
            <button type="submit" className="btn btn-primary btn-huge">{t('kiosk.find')}</button>
          </form>
        </section>
      )}
      {step.kind === 'choose' && (
        <section className="kiosk-choose">
          <h2>{t('kiosk.isThisYou')}</h2>
          <ul>
            {step.hits.map((h) => {
              const n = displayName(h);
              return (
                <li key={h.id}>
                  <button type="button" className="kiosk-person" onClick={() => void confirm(h)} data-testid="kiosk-person">
                    <span className="kiosk-person-name" lang={h.familyNameKanji ? 'ja' : undefined}>{n.primary}</span>
                    {n.secondary && <span className="kiosk-person-sub">{n.secondary}</span>}
                    <span className="kiosk-person-org">{h.organisation}</span>
                    <span className="kiosk-person-cta">{t('kiosk.thisIsMe')}</span>
                  </button>
                </li>
              );
            })}
          </ul>
          <button type="button" className="btn btn-huge" onClick={startOver}>{t('kiosk.notMe')}</button>
        </section>
      )}
      {step.kind === 'none' && (
        <section className="kiosk-done">
          <p className="notice notice-warn">{t('kiosk.noMatch')}</p>
          <button type="button" className="btn btn-huge" onClick={startOver}>{t('kiosk.startOver')}</button>
        </section>
      )}
      {step.kind === 'done' && (
        <section className="kiosk-done" data-verdict={step.result.verdict} data-print={step.print ?? 'none'}>
          {step.result.delegate && (step.result.verdict === 'admitted' || step.result.verdict === 'already_checked_in') ? (
            <>
              <p className="kiosk-welcome">{t('kiosk.welcome', { name: displayName(step.result.delegate).primary })}</p>
              <p className="kiosk-collect">
                {step.result.verdict === 'admitted'
                  ? step.print === 'failed'
                    ? t('kiosk.printFailed')
                    : step.print
                      ? t('kiosk.printing')
                      : t('kiosk.collect')
                  : t('kiosk.already', { time: step.result.previous ? formatTime(step.result.previous.at, i18n.language, tz) : '' })}
              </p>
            </>
          ) : (
            <p className="notice notice-error">{t(`verdict.detail.${step.result.verdict}`, { checkpoint: '', capacity: '', time: '' })}</p>
          )}
          <button type="button" className="btn btn-huge" onClick={startOver}>{t('kiosk.startOver')}</button>
        </section>
      )}
      <p className="kiosk-help">{t('kiosk.help')}</p>
      <button type="button" className="btn btn-quiet kiosk-staff" onClick={() => setUnlocking(true)} data-testid="kiosk-staff">{t('lock.staff')}</button>
      {unlocking && <StaffUnlock onUnlocked={() => { setLang(homeLang.current === 'ja' ? 'ja' : 'en', false); navigate('/desk'); }} onCancel={() => setUnlocking(false)} />}
    </main>
  );
}
