import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Checkpoint, Delegate, ScanRecord, ScanResult } from '../../../electron/api/contract';
import { coreText } from '../core-message';
import { api, ApiError } from '../api';
import { Passengers } from '../components/Passengers';
import { navigate } from '../router';
import { useEvent } from '../event-context';
import { displayName, formatDate, formatTime } from '../format';
import { VerdictPanel, verdictTitleKey } from '../components/VerdictPanel';
import { Camera } from '../scan/Camera';
import { useWedgeScanner } from '../scan/useWedgeScanner';
import { play, toneFor } from '../scan/sounds';
import { StaffUnlock } from '../components/StaffUnlock';

export function Door({ checkpointId }: { checkpointId: string | null }) {
  const [checkpoints, setCheckpoints] = useState<Checkpoint[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.checkpoints({}).then(setCheckpoints, (e: unknown) => setError(String(e)));
  }, [checkpointId]);
  const cp = checkpoints?.find((c) => c.id === checkpointId) ?? null;
  if (error) return <main className="door"><p className="notice notice-error">{error}</p></main>;
  if (!checkpoints) return null;
  if (!cp) return <ChooseCheckpoint checkpoints={checkpoints} />;
  return <Station key={cp.id} initial={cp} />;
}

/** The checkpoint's window in the event's time zone, e.g. "07:45–08:45", or null when it has none. */
function windowOf(c: Checkpoint, lang: string, tz: string): string | null {
  if (!c.opensAt || !c.closesAt) return null;
  return `${formatTime(c.opensAt, lang, tz)}–${formatTime(c.closesAt, lang, tz)}`;
}

function dayLabel(iso: string, lang: string, tz: string): string {
  return new Intl.DateTimeFormat(lang === 'ja' ? 'ja-JP' : 'en-GB', { timeZone: tz, weekday: 'short', day: 'numeric', month: lang === 'ja' ? 'numeric' : 'short' }).format(new Date(iso));
}

/** The event day a checkpoint belongs to (its opening, in the event's zone), or null when it spans several days. */
function dayOf(c: Checkpoint, tz: string): string | null {
  if (!c.opensAt || !c.closesAt) return null;
  const day = (iso: string) => new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
  return day(c.opensAt) === day(c.closesAt) ? day(c.opensAt) : null;
}

/** Checkpoints by day and time, so a steward finds "the 8:30 bus on day 3" without scrolling through all of them. */
function ChooseCheckpoint({ checkpoints }: { checkpoints: Checkpoint[] }) {
  const { t, i18n } = useTranslation();
  const { event } = useEvent();
  const tz = event?.timezone ?? 'UTC';
  const groups = new Map<string, Checkpoint[]>();
  for (const c of [...checkpoints].sort((a, b) => (a.opensAt ?? '').localeCompare(b.opensAt ?? ''))) {
    const key = dayOf(c, tz) ?? '';
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  const dayTitle = (date: string) => {
    if (!date) return t('door.everyDay');
    const d = event?.days.find((x) => x.date === date);
    const title = d ? (i18n.language === 'ja' ? (d.titleJa ?? d.title) : d.title) : '';
    return `${formatDate(date, i18n.language)}${title ? ` · ${title}` : ''}`;
  };
  return (
    <main className="door door-choose">
      <h1>{t('door.choose')}</h1>
      {[...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([date, cps]) => (
        <section key={date || 'any'} className="checkpoint-day">
          <h2>{dayTitle(date)}</h2>
          <ul className="checkpoint-list">
            {cps.map((c) => (
              <li key={c.id}>
                <a
                  href={`/door?checkpoint=${encodeURIComponent(c.id)}`}
                  className={`checkpoint-tile kind-${c.kind}`}
                  onClick={(e) => {
                    e.preventDefault();
                    navigate(`/door?checkpoint=${encodeURIComponent(c.id)}`);
                  }}
                >
                  <span className="tile-kind">{t(`door.kinds.${c.kind}`)}{date && windowOf(c, i18n.language, tz) ? ` · ${windowOf(c, i18n.language, tz)}` : ''}</span>
                  {/* Two lines at most, so every day's checkpoints fit one laptop screen; the whole name is the tooltip. */}
                  <span className="tile-name" title={i18n.language === 'ja' ? (c.nameJa ?? c.name) : c.name}>{i18n.language === 'ja' ? (c.nameJa ?? c.name) : c.name}</span>
                  <span className="tile-count">{c.capacity !== null ? t('door.count', { admitted: c.admitted, capacity: c.capacity }) : t('door.countOpen', { admitted: c.admitted })}</span>
                </a>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </main>
  );
}

const SHOW_MS = { admit: 2200, warn: 3500, deny: 4500 } as const;

function Station({ initial }: { initial: Checkpoint }) {
  const { t, i18n } = useTranslation();
  const { event } = useEvent();
  const [cp, setCp] = useState(initial);
  const [result, setResult] = useState<ScanResult | null>(null);
  const [recent, setRecent] = useState<ScanRecord[]>([]);
  const [manual, setManual] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [overriding, setOverriding] = useState(false);
  const [unlocking, setUnlocking] = useState(false);
  /** Where a person refused here is expected instead (their bus, their room), for the verdict to say. */
  const [expected, setExpected] = useState<{ scanId: string; places: string[] } | null>(null);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const tz = event?.timezone ?? 'UTC';

  const [missing, setMissing] = useState<Delegate[] | null>(null);
  const hasList = initial.registered !== null;
  const loadRecent = useCallback(() => {
    api.recentScans({ checkpointId: cp.id, limit: 8 }).then(setRecent, () => {});
    if (hasList) api.stillExpected({ checkpointId: cp.id }).then((r) => setMissing(r.missing), () => {});
  }, [cp.id, hasList]);
  useEffect(loadRecent, [loadRecent]);

  const scan = useCallback(
    async (code: string) => {
      try {
        const r = await api.scan({ checkpointId: cp.id, code });
        setResult(r);
        setError(null);
        play(toneFor(r.verdict));
        if (r.verdict === 'not_registered' && r.delegate) void lookUpExpected(r);
        setCp((c) => ({ ...c, admitted: r.checkpoint.admitted }));
        loadRecent();
      } catch (e) {
        // An error must never freeze the scanner (Hi.Events #217): say so and stay ready.
        setError(e instanceof ApiError && e.say ? coreText(e, t) : t('common.error', { message: coreText(e, t) }));
        play('deny');
      }
    },
    [cp.id, loadRecent, t],
  );

  const lookUpExpected = async (r: ScanResult) => {
    try {
      const detail = await api.delegate({ id: r.delegate!.id });
      // Same kind first (the bus they are on, at a bus door); else every place they are registered for but the venue.
      const regs = detail.registrations.filter((x) => x.kind !== 'venue' && x.checkpointId !== cp.id);
      const same = regs.filter((x) => x.kind === cp.kind);
      const places = (same.length ? same : regs).map((x) => (i18n.language === 'ja' ? (x.checkpointNameJa ?? x.checkpointName) : x.checkpointName));
      setExpected({ scanId: r.scanId, places: [...new Set(places)].slice(0, 3) });
    } catch {
      // The verdict stands without it.
    }
  };

  // Scans are answered one after another, each of them: a scan that arrives while the previous one is still on its
  // way (a slow machine, a long queue at the door) waits its turn instead of being dropped. Repeats are filtered
  // where they happen: the wedge hook drops a scanner's double read, the camera a badge still held up.
  const submit = useCallback(
    (code: string) => {
      if (!code.trim()) return;
      queue.current = queue.current.then(() => scan(code));
    },
    [scan],
  );

  // The keyboard-wedge scanner types into the page; a person typing goes to the manual field instead.
  const listening = useWedgeScanner(submit);

  useEffect(() => {
    if (result) performance.mark('uketsuke:verdict');
  }, [result]);

  // Back to ready by itself.
  useEffect(() => {
    if (!result || overriding) return;
    const id = setTimeout(() => setResult(null), SHOW_MS[toneFor(result.verdict)]);
    return () => clearTimeout(id);
  }, [result, overriding]);

  // Escape clears the verdict (or the override form first): a steward with a keyboard need not reach for the mouse.
  useEffect(() => {
    if (!result) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      if (overriding) setOverriding(false);
      else setResult(null);
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, [result, overriding]);

  const onManual = (e: FormEvent) => {
    e.preventDefault();
    const code = manual;
    setManual('');
    submit(code);
  };

  const name = i18n.language === 'ja' ? (cp.nameJa ?? cp.name) : cp.name;
  // The core says which verdicts a supervisor may admit anyway (ScanResult.overridable).
  const canOverride = result && result.delegate && result.overridable;

  return (
    <main className="door door-station" data-checkpoint={cp.id} data-scanner={listening ? 'ready' : 'starting'}>
      <header className="station-head">
        <div>
          <span className="tile-kind">{t(`door.kinds.${cp.kind}`)}</span>
          <h1>{name}</h1>
          {windowOf(cp, i18n.language, tz) && (
            <p className="station-window" data-testid="station-window">
              {t(cp.kind === 'bus' ? 'door.boarding' : 'door.window', { window: windowOf(cp, i18n.language, tz), day: cp.opensAt ? dayLabel(cp.opensAt, i18n.language, tz) : '' })}
            </p>
          )}
        </div>
        <div className="station-count" data-testid="station-count" aria-label={name}>
          {cp.capacity !== null ? t('door.count', { admitted: cp.admitted, capacity: cp.capacity }) : t('door.countOpen', { admitted: cp.admitted })}
        </div>
      </header>
      <section className="ready" aria-live="polite">
        <p className="ready-title">{t('door.ready')}</p>
        <p className="hint">{t('door.readyHint')}</p>
        {error && <p className="notice notice-error" role="alert">{error}</p>}
      </section>
      <Camera onCode={submit} paused={result !== null} />
      <form className="manual" onSubmit={onManual}>
        <label htmlFor="manual-code">{t('door.manual')}</label>
        <input id="manual-code" value={manual} onChange={(e) => setManual(e.target.value)} autoComplete="off" spellCheck={false} maxLength={600} />
        <button type="submit" className="btn">{t('door.manualSubmit')}</button>
      </form>
      <section className="recent" data-testid="door-recent">
        <h2>{t('door.recent')}</h2>
        <ul>
          {recent.map((s) => (
            <li key={s.id}>
              <time>{formatTime(s.at, i18n.language, tz)}</time>
              <span className={`pill verdict-pill-${s.verdict}`}>{t(verdictTitleKey(s.verdict, cp.kind))}</span>
              {s.person ? <span className="recent-name" lang={displayName(s.person, i18n.language).lang}>{displayName(s.person, i18n.language).primary}</span> : <span className="recent-name" />}
            </li>
          ))}
        </ul>
      </section>
      {cp.kind === 'bus' && <Passengers checkpointId={cp.id} timeZone={tz} refreshKey={cp.admitted} />}
      {missing && (
        <details className="still-expected" data-testid="still-expected">
          <summary>{t(cp.kind === 'bus' ? 'door.notBoarded' : 'door.notIn', { count: missing.length })}</summary>
          <ul>
            {missing.map((d) => (
              <li key={d.id} lang={displayName(d, i18n.language).lang}>{displayName(d, i18n.language).primary}{d.organisation ? <small> · {d.organisation}</small> : null}</li>
            ))}
          </ul>
        </details>
      )}
      <a
        className="change-checkpoint"
        href="/door"
        onClick={(e) => {
          e.preventDefault();
          if (event?.staffPinSet) setUnlocking(true);
          else navigate('/door');
        }}
      >
        {t('door.change')}
      </a>
      {unlocking && <StaffUnlock onUnlocked={() => navigate('/door')} onCancel={() => setUnlocking(false)} />}
      {result && (
        <div className="verdict-wrap">
          <VerdictPanel
            result={result}
            timeZone={tz}
            kind={cp.kind}
            compact={overriding}
            expected={expected && expected.scanId === result.scanId ? expected.places : null}
            onDismiss={() => { setResult(null); setOverriding(false); }}
          />
          {canOverride && !overriding && (
            <button type="button" className="btn override-btn" onClick={() => setOverriding(true)}>{t('door.override')}</button>
          )}
          {overriding && result.delegate && (
            <OverrideForm
              onCancel={() => setOverriding(false)}
              needsPin={event?.staffPinSet === true}
              onSubmit={async (reason, secret) => {
                const r = await api.override({ checkpointId: cp.id, delegateId: result.delegate!.id, reason, secret });
                setOverriding(false);
                setResult(r);
                setCp((c) => ({ ...c, admitted: r.checkpoint.admitted }));
                play('admit');
                loadRecent();
              }}
            />
          )}
        </div>
      )}
    </main>
  );
}

/** A supervisor admits someone the rules refuse: a reason always, and the staff PIN once one is set. */
function OverrideForm({ onSubmit, onCancel, needsPin }: { onSubmit: (reason: string, secret?: string) => Promise<void>; onCancel: () => void; needsPin: boolean }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [secret, setSecret] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (reason.trim().length < 3) return;
    onSubmit(reason.trim(), needsPin ? secret.trim() : undefined).catch(() => {
      setSecret('');
      setError(t('lock.wrong'));
    });
  };
  return (
    <form className="override-form" onSubmit={submit}>
      <label htmlFor="override-reason">{t('door.overrideReason')}</label>
      <input id="override-reason" autoFocus value={reason} onChange={(e) => setReason(e.target.value)} minLength={3} maxLength={500} required />
      {needsPin && (
        <>
          <label htmlFor="override-pin">{t('lock.pin')}</label>
          <input id="override-pin" type="password" inputMode="numeric" autoComplete="off" value={secret} onChange={(e) => setSecret(e.target.value)} required />
        </>
      )}
      {error && <p className="notice notice-error" role="alert">{error}</p>}
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onCancel}>{t('walkIn.cancel')}</button>
        <button type="submit" className="btn btn-primary">{t('door.overrideConfirm')}</button>
      </div>
    </form>
  );
}
