import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Checkpoint, Delegate, PrintJob, ScanResult } from '../../../electron/api/contract';
import { api } from '../api';
import { useEvent } from '../event-context';
import { displayName, formatTime } from '../format';
import { setLang } from '../i18n';
import { useWedgeScanner } from '../scan/useWedgeScanner';
import { Camera } from '../scan/Camera';
import { play, toneFor } from '../scan/sounds';
import { loadStation } from '../station';
import { StaffUnlock } from '../components/StaffUnlock';
import { navigate } from '../router';
import { OnScreenKeyboard, pressKey } from '../components/OnScreenKeyboard';

type PrintState = PrintJob['status'] | null;
type Step =
  | { kind: 'start'; notFound: boolean }
  | { kind: 'confirm'; person: Delegate }
  | { kind: 'done'; result: ScanResult; print: PrintState };

/** How long the done screen stays, counted down on screen, once there is nothing more to say (the badge is out). */
const DONE_SECONDS = 12;

const ICON = { admit: '✓', warn: '!', deny: '✕' } as const;

/** A touch screen (a totem or a tablet): the kiosk's own keyboard opens when a field is touched. */
const isTouch = () => typeof window !== 'undefined' && (navigator.maxTouchPoints > 0 || matchMedia('(pointer: coarse)').matches);

/**
 * A delegate's own check-in at a public kiosk. A stranger must learn nothing here: the kiosk identifies a person by
 * something they hold (the confirmation QR or registration code: camera, wedge scanner or typed) or by their name
 * together with the email they registered with — and shows nobody else, ever.
 */
export function Kiosk() {
  const { t, i18n } = useTranslation();
  const { event } = useEvent();
  const [step, setStep] = useState<Step>({ kind: 'start', notFound: false });
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [missing, setMissing] = useState(false);
  const [venue, setVenue] = useState<Checkpoint | null>(null);
  const [failed, setFailed] = useState(false);
  const [unlocking, setUnlocking] = useState(false);
  const [secondsLeft, setSecondsLeft] = useState(DONE_SECONDS);
  const homeLang = useRef(i18n.language);
  // The on-screen keyboard: open or not, which field it types into, kana mode for a name.
  const [osk, setOsk] = useState(false);
  const [field, setField] = useState<'name' | 'email'>('name');
  const [kana, setKana] = useState<{ on: boolean; from: number }>({ on: false, from: 0 });
  const nameRef = useRef<HTMLInputElement>(null);
  const emailRef = useRef<HTMLInputElement>(null);
  const touch = useRef(isTouch()).current;
  const tz = event?.timezone ?? 'UTC';

  useEffect(() => {
    api.checkpoints({}).then((cps) => setVenue(cps.find((c) => c.kind === 'venue') ?? null), () => {});
  }, []);

  const startOver = useCallback(() => {
    setStep({ kind: 'start', notFound: false });
    setName('');
    setEmail('');
    setMissing(false);
    setFailed(false);
    setOsk(false);
    setKana({ on: false, from: 0 });
    setLang(homeLang.current === 'ja' ? 'ja' : 'en', false);
  }, []);

  // The keyboard comes up whole, below the fields (a tablet scrolls it into view).
  useEffect(() => {
    if (osk) document.querySelector('.osk')?.scrollIntoView({ block: 'nearest' });
  }, [osk]);

  const onOskKey = (key: string) => {
    if (field === 'name') setName((v) => pressKey({ value: v, kana: kana.on, kanaFrom: kana.from }, key));
    else setEmail((v) => pressKey({ value: v, kana: false, kanaFrom: 0 }, key));
  };
  const focusField = (f: 'name' | 'email') => {
    setField(f);
    (f === 'name' ? nameRef : emailRef).current?.focus();
  };

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
        const status = job.status;
        setStep((s) => (s.kind === 'done' ? { ...s, print: status } : s));
        await new Promise((r) => setTimeout(r, 700));
        job = (await api.printJobs({ limit: 20 })).find((j) => j.id === job.id) ?? { ...job, status: 'failed' };
      }
      const status = job.status;
      setStep((s) => (s.kind === 'done' ? { ...s, print: status } : s));
    } catch {
      setStep((s) => (s.kind === 'done' ? { ...s, print: 'failed' } : s));
    }
  };

  const onScan = async (code: string) => {
    // The kiosk_flow benchmark measures from here (and from the confirming tap) to the job handed to the printer.
    performance.mark('uketsuke:kiosk-start');
    // What the scanner typed into a field is a code, not a name: it must not stay there for the next person.
    setName('');
    setEmail('');
    try {
      // A scan can arrive before the checkpoint list has loaded: fetch it then rather than drop the scan.
      const v = venue ?? (await api.checkpoints({})).find((c) => c.kind === 'venue');
      if (!v) return;
      finish(await api.scan({ checkpointId: v.id, code }));
    } catch {
      setFailed(true);
    }
  };
  const listening = useWedgeScanner((code) => void onScan(code), { inFields: true });

  // Counts down only once everything has been said: not while the badge is still printing, however slow the printer.
  // One timer ends the visit; the number on screen follows it (a chain of one-second timers would drift and stall).
  const printingNow = step.kind === 'done' && (step.print === 'queued' || step.print === 'printing');
  const counting = step.kind === 'done' && !printingNow;
  useEffect(() => {
    if (!counting) return;
    const until = Date.now() + DONE_SECONDS * 1000;
    setSecondsLeft(DONE_SECONDS);
    const tick = setInterval(() => setSecondsLeft(Math.max(0, Math.ceil((until - Date.now()) / 1000))), 1000);
    const end = setTimeout(startOver, DONE_SECONDS * 1000);
    return () => {
      clearInterval(tick);
      clearTimeout(end);
    };
  }, [counting, startOver]);

  // A person who walks away half-way leaves nothing of theirs on screen for the next one.
  useEffect(() => {
    if (step.kind !== 'confirm' && !(step.kind === 'start' && (name || email))) return;
    const id = setTimeout(startOver, 90_000);
    return () => clearTimeout(id);
  }, [step, name, email, startOver]);

  const find = async (e?: FormEvent) => {
    e?.preventDefault();
    // Both, always: a name alone would let anyone page through the delegate list.
    if (!name.trim() || !email.trim()) {
      setMissing(true);
      return;
    }
    setMissing(false);
    try {
      const { match } = await api.kioskFind({ name, email });
      setStep(match ? { kind: 'confirm', person: match } : { kind: 'start', notFound: true });
      if (match) setOsk(false);
    } catch {
      setFailed(true);
    }
  };

  const confirm = async (d: Delegate) => {
    performance.mark('uketsuke:kiosk-start');
    try {
      const v = venue ?? (await api.checkpoints({})).find((c) => c.kind === 'venue');
      if (!v) return;
      finish(await api.checkIn({ delegateId: d.id, checkpointId: v.id }));
    } catch {
      setFailed(true);
    }
  };

  return (
    <main className="kiosk" data-scanner={listening ? 'ready' : 'starting'} data-step={step.kind}>
      <h1 className="kiosk-title">{t('kiosk.title')}</h1>
      <p className="kiosk-subtitle" lang={i18n.language === 'ja' ? 'en' : 'ja'}>{t('kiosk.titleOther')}</p>
      {failed && <p className="notice notice-error" role="alert">{t('kiosk.failed')}</p>}
      {step.kind === 'start' && (
        <section className={`kiosk-start${osk ? ' kiosk-typing' : ''}`}>
          <div className="kiosk-col">
            <p className="kiosk-prompt">{t('kiosk.scanPrompt')}</p>
            <Camera onCode={(code) => void onScan(code)} paused={false} startLabel={t('kiosk.camera')} errorText={t('kiosk.cameraError')} />
          </div>
          <div className="kiosk-col">
          <p className="kiosk-or">{t('kiosk.orType')}</p>
          {step.notFound && <p className="notice notice-warn kiosk-notice" role="status" data-testid="kiosk-no-match">{t('kiosk.noMatch')}</p>}
          {/* noValidate: the browser's own bubbles speak the machine's language, not the delegate's. */}
          <form onSubmit={(e) => void find(e)} className="kiosk-form" noValidate>
            <label htmlFor="kiosk-name">{t('kiosk.nameLabel')}</label>
            <input
              id="kiosk-name"
              ref={nameRef}
              type="text"
              // With the kiosk's keyboard up, the tablet's own stays down.
              inputMode={osk ? 'none' : undefined}
              value={name}
              onChange={(e) => setName(e.target.value)}
              onFocus={() => {
                setField('name');
                if (touch) setOsk(true);
              }}
              placeholder={t('kiosk.namePlaceholder')}
              autoComplete="off"
              spellCheck={false}
              maxLength={200}
            />
            <label htmlFor="kiosk-email">{t('kiosk.emailLabel')}</label>
            <input
              id="kiosk-email"
              ref={emailRef}
              type="email"
              inputMode={osk ? 'none' : 'email'}
              onFocus={() => {
                setField('email');
                if (touch) setOsk(true);
              }}
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              placeholder="name@example.org"
              autoComplete="off"
              spellCheck={false}
              maxLength={254}
            />
            {missing && <p className="notice notice-warn" role="alert">{t('kiosk.needBoth')}</p>}
            <button type="submit" className="btn btn-primary btn-huge">{t('kiosk.find')}</button>
            {!osk && (
              <button type="button" className="btn btn-huge kiosk-osk-open" onClick={() => { setOsk(true); focusField(field); }} data-testid="osk-open">
                <span aria-hidden="true">⌨</span> {t('kiosk.keyboard.open')}
              </button>
            )}
          </form>
          </div>
        </section>
      )}
      {step.kind === 'start' && osk && (
        <OnScreenKeyboard
          field={field}
          kana={kana.on}
          onKey={onOskKey}
          onKana={(on) => setKana({ on, from: name.length })}
          onEnter={() => (field === 'name' ? focusField('email') : void find())}
          enterLabel={field === 'name' ? t('kiosk.keyboard.next') : t('kiosk.find')}
          onClose={() => setOsk(false)}
        />
      )}
      {step.kind === 'confirm' && (
        <section className="kiosk-choose">
          <h2>{t('kiosk.isThisYou')}</h2>
          <div className="kiosk-person" data-testid="kiosk-person">
            <span className="kiosk-person-name" lang={displayName(step.person, i18n.language).lang}>{displayName(step.person, i18n.language).primary}</span>
            {displayName(step.person, i18n.language).secondary && <span className="kiosk-person-sub" lang={displayName(step.person, i18n.language).secondaryLang}>{displayName(step.person, i18n.language).secondary}</span>}
            {step.person.organisation && <span className="kiosk-person-org">{step.person.organisation}</span>}
          </div>
          <button type="button" className="btn btn-primary btn-huge" onClick={() => void confirm(step.person)}>{t('kiosk.thisIsMe')}</button>
          <button type="button" className="btn btn-huge" onClick={() => setStep({ kind: 'start', notFound: false })}>{t('kiosk.notMe')}</button>
        </section>
      )}
      {step.kind === 'done' && <Done step={step} secondsLeft={secondsLeft} tz={tz} lang={i18n.language} onDone={startOver} />}
      <p className="kiosk-help">{t('kiosk.help')}</p>
      <button type="button" className="btn kiosk-staff" onClick={() => setUnlocking(true)} data-testid="kiosk-staff">{t('lock.staff')}</button>
      {unlocking && <StaffUnlock onUnlocked={() => { setLang(homeLang.current === 'ja' ? 'ja' : 'en', false); navigate('/desk'); }} onCancel={() => setUnlocking(false)} />}
    </main>
  );
}

/** The end of a visit: a big sign in colour, words to go with it, and how long until the screen is free again. */
function Done({ step, secondsLeft, tz, lang, onDone }: { step: Extract<Step, { kind: 'done' }>; secondsLeft: number; tz: string; lang: string; onDone: () => void }) {
  const { t } = useTranslation();
  const r = step.result;
  const tone = r.delegate && r.verdict === 'already_checked_in' ? 'admit' : toneFor(r.verdict);
  const ok = r.delegate !== null && (r.verdict === 'admitted' || r.verdict === 'already_checked_in');
  const printing = step.print === 'queued' || step.print === 'printing';
  const message = !ok
    ? t(`verdict.detail.${r.detail ?? r.verdict}`, { checkpoint: lang === 'ja' ? (r.checkpoint.nameJa ?? r.checkpoint.name) : r.checkpoint.name, capacity: r.checkpoint.capacity ?? '', time: '' })
    : r.verdict === 'already_checked_in'
      ? t('kiosk.already', { time: r.previous ? formatTime(r.previous.at, lang, tz) : '' })
      : step.print === 'failed'
        ? t('kiosk.printFailed')
        : printing
          ? t('kiosk.printing')
          : step.print === 'done'
            ? t('kiosk.printed')
            : t('kiosk.collect');
  return (
    <section className={`kiosk-done kiosk-done-${tone}`} data-verdict={r.verdict} data-print={step.print ?? 'none'} role="status">
      <div className="kiosk-done-icon" aria-hidden="true">{ICON[tone]}</div>
      <p className="kiosk-done-title">{ok ? (r.verdict === 'admitted' ? t('kiosk.doneTitle') : t('kiosk.alreadyTitle')) : t('kiosk.notDone')}</p>
      {ok && r.delegate && <p className="kiosk-welcome" lang={displayName(r.delegate, lang).lang}>{t('kiosk.welcome', { name: displayName(r.delegate, lang).primary })}</p>}
      <p className="kiosk-collect" data-testid="kiosk-message">{message}</p>
      <button type="button" className="btn btn-huge kiosk-done-btn" onClick={onDone}>{t('kiosk.startOver')}</button>
      {!printing && <p className="kiosk-countdown" data-testid="kiosk-countdown">{t('kiosk.countdown', { seconds: Math.max(0, secondsLeft) })}</p>}
    </section>
  );
}
