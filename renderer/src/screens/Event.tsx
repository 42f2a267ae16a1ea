import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Checkpoint, Programme } from '../../../electron/api/contract';
import { ENTRY_RULES, LIST_RULES } from '../../../electron/api/vocabulary';
import type { ProgrammeImportReport, RejectCode, SessionInfo } from '../../../electron/api/event-setup';
import i18next from 'i18next';
import { coreText } from '../core-message';
import { api } from '../api';
import { BrandingCard } from './EventBranding';
import { NewEventForm } from './FirstRun';
import { readAsBase64 } from '../download';
import { useEvent } from '../event-context';
import { formatTime, zonedDate, zonedHm, zonedIso } from '../format';

/** A core refusal in the screen's language (the English text only for messages without a key). */
const errorText = (e: unknown) => coreText(e, i18next.t);

/** The organisers' Event screen: the event itself, live or rehearsal, the programme (import, sessions, buses) and
 * each door's rules. Every change here is a replicated entry: it reaches every station through the hub. */
export function EventSetup() {
  const { t, i18n } = useTranslation();
  const { event, refresh } = useEvent();
  const [programme, setProgramme] = useState<Programme | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [editing, setEditing] = useState<SessionInfo | null>(null);
  const load = useCallback(() => api.programme({}).then(setProgramme, (e: unknown) => setError(errorText(e))), []);
  useEffect(() => void load(), [load]);
  if (!event) return null;
  const tz = event.timezone;
  const [newPin, setNewPin] = useState('');
  // Signed in with an organiser's badge: the badge stands for the current PIN (the core accepts it without one).
  const [byOrganiserBadge, setByOrganiserBadge] = useState(false);
  useEffect(() => {
    api.session({}).then((s) => setByOrganiserBadge(s.signedIn === 'organiser' && s.person !== null), () => {});
  }, []);
  const run = async (what: () => Promise<unknown>, message: string) => {
    setError(null);
    setSaved(null);
    try {
      await what();
      setSaved(message);
      refresh();
      await load();
    } catch (e) {
      setError(errorText(e));
    }
  };
  const cpOf = (id: string | null): Checkpoint | undefined => programme?.checkpoints.find((c) => c.id === id);
  const dayOptions = event.days.map((d) => (
    <option key={d.dayNo} value={d.date}>
      {i18n.language === 'ja' ? (d.titleJa ?? d.title) : d.title} · {d.date}
    </option>
  ));

  const saveEvent = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const s = (k: string) => String(f.get(k) ?? '');
    void run(() => api.updateEvent({ name: s('name'), nameJa: s('nameJa') || null, venue: s('venue'), venueJa: s('venueJa') || null, timezone: s('timezone'), startsOn: s('startsOn'), endsOn: s('endsOn') }), t('event.saved'));
  };
  const addSession = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    const s = (k: string) => String(f.get(k) ?? '');
    const startsAt = zonedIso(s('date'), s('start'), tz);
    const endsAt = zonedIso(s('date'), s('end'), tz);
    if (!startsAt || !endsAt) return setError(t('event.badTime'));
    const capacity = s('capacity') ? Number(s('capacity')) : null;
    void run(async () => {
      await api.saveSession({ id: editing?.id ?? null, title: s('title'), titleJa: s('titleJa') || null, room: s('room') || null, kind: s('kind') || editing?.kind || 'session', startsAt, endsAt, capacity });
      form.reset();
      setEditing(null);
    }, editing ? t('event.saved') : t('event.sessionAdded'));
  };
  const addBus = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    const s = (k: string) => String(f.get(k) ?? '');
    const departsAt = zonedIso(s('date'), s('departs'), tz);
    const boardsAt = s('boards') ? zonedIso(s('date'), s('boards'), tz) : null;
    if (!departsAt) return setError(t('event.badTime'));
    void run(async () => {
      await api.saveBus({ label: s('label'), site: s('site'), departsAt, boardsAt, capacity: Number(s('capacity')), meetingPoint: s('meetingPoint') || null });
      form.reset();
    }, t('event.busAdded'));
  };

  return (
    <main className="event-setup">
      <h1>{t('event.title')}</h1>
      {error && <p className="notice notice-error" role="alert" data-testid="event-error">{error}</p>}
      {saved && <p className="notice notice-ok" role="status" data-testid="event-saved">{saved}</p>}

      <section className="card event-card" aria-labelledby="event-details">
        <h2 id="event-details">{t('event.details')}</h2>
        <form className="event-form" onSubmit={saveEvent} key={`${event.id}-${event.name}-${event.startsOn}-${event.endsOn}-${event.timezone}`}>
          <label className="field">{t('event.name')}<input name="name" defaultValue={event.name} required maxLength={200} /></label>
          <label className="field">{t('event.nameJa')}<input name="nameJa" defaultValue={event.nameJa ?? ''} maxLength={200} lang="ja" /></label>
          <label className="field">{t('event.venue')}<input name="venue" defaultValue={event.venue} maxLength={300} /></label>
          <label className="field">{t('event.venueJa')}<input name="venueJa" defaultValue={event.venueJa ?? ''} maxLength={300} lang="ja" /></label>
          <label className="field">{t('event.timezone')}<input name="timezone" defaultValue={event.timezone} maxLength={64} /></label>
          <label className="field">{t('event.startsOn')}<input name="startsOn" type="date" defaultValue={event.startsOn} required /></label>
          <label className="field">{t('event.endsOn')}<input name="endsOn" type="date" defaultValue={event.endsOn} required /></label>
          <div className="event-form-actions"><button type="submit" className="btn btn-primary">{t('event.save')}</button></div>
        </form>
        <div className="mode-switch" role="group" aria-label={t('event.mode')}>
          <span className="hint">{t('event.modeLabel')}</span>
          <button type="button" className={`btn btn-small${event.rehearsal ? '' : ' btn-primary'}`} aria-pressed={!event.rehearsal} data-testid="mode-live" onClick={() => void run(() => api.updateEvent({ rehearsal: false }), t('event.nowLive'))}>{t('event.live')}</button>
          <button type="button" className={`btn btn-small${event.rehearsal ? ' btn-primary' : ''}`} aria-pressed={event.rehearsal} data-testid="mode-rehearsal" onClick={() => void run(() => api.updateEvent({ rehearsal: true }), t('event.nowRehearsal'))}>{t('event.rehearsal')}</button>
          <span className="hint">{event.rehearsal ? t('event.rehearsalHint') : t('event.liveHint')}</span>
        </div>
        <label className="check">
          <input type="checkbox" checked={event.admitWaitlisted} data-testid="admit-waitlisted" onChange={(e) => { const on = e.target.checked; void run(() => api.updateEvent({ admitWaitlisted: on }), t('event.admitWaitlisted')); }} />
          {t('event.admitWaitlisted')}
        </label>
        <p className="hint">{t('event.admitWaitlistedHint')}</p>
      </section>

      <section className="card" aria-labelledby="event-days">
        <h2 id="event-days">{t('event.days')}</h2>
        <table className="table days-table" data-testid="days">
          <thead>
            <tr>
              <th scope="col">{t('event.day')}</th>
              <th scope="col">{t('event.dayTitle')}</th>
              <th scope="col">{t('event.dayTitleJa')}</th>
              <th scope="col"><span className="sr-only">{t('event.saveDay')}</span></th>
            </tr>
          </thead>
          <tbody>
            {event.days.map((d) => (
              <tr key={`${d.dayNo}-${d.title}-${d.titleJa ?? ''}`} data-day={d.dayNo}>
                <td className="nowrap">{new Date(`${d.date}T12:00:00Z`).toLocaleDateString(i18n.language === 'ja' ? 'ja-JP' : 'en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' })}</td>
                <td><input form={`day-${d.dayNo}`} name="title" required maxLength={200} defaultValue={d.title} aria-label={t('event.dayTitleOf', { n: d.dayNo })} /></td>
                <td><input form={`day-${d.dayNo}`} name="titleJa" lang="ja" maxLength={200} defaultValue={d.titleJa ?? ''} aria-label={t('event.dayTitleJaOf', { n: d.dayNo })} /></td>
                <td>
                  <form id={`day-${d.dayNo}`} onSubmit={(e) => {
                    e.preventDefault();
                    const f = new FormData(e.currentTarget);
                    void run(() => api.saveDay({ dayNo: d.dayNo, title: String(f.get('title') ?? ''), titleJa: String(f.get('titleJa') ?? '') || null }), t('event.daySaved'));
                  }}>
                    <button type="submit" className="btn btn-small">{t('event.saveDay')}</button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <ProgrammeImport onDone={() => void load()} />

      <section className="card" aria-labelledby="event-sessions">
        <h2 id="event-sessions">{t('event.sessions')}</h2>
        <div className="table-scroll">
          <table className="table" data-testid="sessions">
            <thead>
              <tr>
                <th scope="col">{t('event.when')}</th>
                <th scope="col">{t('event.sessionTitle')}</th>
                <th scope="col">{t('event.room')}</th>
                <th scope="col" className="num">{t('event.capacity')}</th>
                <th scope="col">{t('event.entryRule')}</th>
                <th scope="col">{t('event.listRule')}</th>
                <th scope="col"><span className="sr-only">{t('event.remove')}</span></th>
              </tr>
            </thead>
            <tbody>
              {programme?.sessions.length === 0 && <tr><td colSpan={7} className="hint">{t('event.noSessions')}</td></tr>}
              {programme?.sessions.map((s, i, all) => {
                const cp = cpOf(s.checkpointId);
                const first = i === 0 || all[i - 1]!.dayNo !== s.dayNo;
                const last = i === all.length - 1 || all[i + 1]!.dayNo !== s.dayNo;
                const name = i18n.language === 'ja' && s.titleJa ? s.titleJa : s.title;
                return (
                  <tr key={s.id} data-session={s.id}>
                    <td className="nowrap">{formatTime(s.startsAt, i18n.language, tz, true)}–{formatTime(s.endsAt, i18n.language, tz)}</td>
                    <td>{name}{s.kind === 'meetings' && <span className="tag" data-testid="meeting-block">{t('event.meetingTag')}</span>}</td>
                    <td>{s.room ?? '—'}</td>
                    <td className="num">
                      {cp ? (
                        <input className="cap-input" type="number" min={1} aria-label={t('event.capacityOf', { name: s.title })} defaultValue={cp.capacity ?? ''} placeholder={t('event.noLimit')}
                          onBlur={(e) => {
                            const v = e.currentTarget.value === '' ? null : Number(e.currentTarget.value);
                            if (v !== cp.capacity) void run(() => api.saveCheckpointRules({ id: cp.id, rules: { capacity: v } }), t('event.saved'));
                          }} />
                      ) : (s.capacity ?? '—')}
                    </td>
                    <td>{cp && <RuleSelect value={cp.entryRule} options={ENTRY_RULES} label={t('event.entryRule')} onChange={(v) => void run(() => api.saveCheckpointRules({ id: cp.id, rules: { entryRule: v } }), t('event.saved'))} />}</td>
                    <td>{cp && <RuleSelect value={cp.listRule} options={LIST_RULES} label={t('event.listRule')} onChange={(v) => void run(() => api.saveCheckpointRules({ id: cp.id, rules: { listRule: v } }), t('event.saved'))} />}</td>
                    <td className="row-actions"><div className="row-buttons">
                      {/* Up and down: buttons, so the keyboard reorders as well as the mouse. */}
                      <button type="button" className="btn btn-small btn-icon" disabled={first} aria-label={t('event.moveUpOf', { name })} title={t('event.moveUp')} data-testid="move-up"
                        onClick={() => void run(() => api.moveSession({ id: s.id, direction: 'up' }), t('event.moved'))}>↑</button>
                      <button type="button" className="btn btn-small btn-icon" disabled={last} aria-label={t('event.moveDownOf', { name })} title={t('event.moveDown')} data-testid="move-down"
                        onClick={() => void run(() => api.moveSession({ id: s.id, direction: 'down' }), t('event.moved'))}>↓</button>
                      <button type="button" className="btn btn-small" onClick={() => setEditing(s)}>{t('event.edit')}</button>
                      <button type="button" className="btn btn-small" onClick={() => void run(() => api.archiveSession({ id: s.id }), t('event.removed'))}>{t('event.remove')}</button>
                    </div></td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        {/* One form adds a session or edits the chosen one; its key makes it start from that session's values. */}
        <form className="inline-form" onSubmit={addSession} aria-label={editing ? t('event.editSession') : t('event.addSession')} key={editing?.id ?? 'new'}>
          <label className="field">{t('event.day')}<select name="date" required defaultValue={editing ? zonedDate(editing.startsAt, tz) : undefined}>{dayOptions}</select></label>
          <label className="field">{t('event.start')}<input name="start" type="time" required defaultValue={editing ? zonedHm(editing.startsAt, tz) : undefined} /></label>
          <label className="field">{t('event.end')}<input name="end" type="time" required defaultValue={editing ? zonedHm(editing.endsAt, tz) : undefined} /></label>
          <label className="field grow">{t('event.sessionTitle')}<input name="title" required maxLength={500} defaultValue={editing?.title} /></label>
          <label className="field">{t('event.titleJa')}<input name="titleJa" maxLength={500} lang="ja" defaultValue={editing?.titleJa ?? undefined} /></label>
          <label className="field">{t('event.room')}<input name="room" maxLength={200} defaultValue={editing?.room ?? undefined} /></label>
          <label className="field narrow">{t('event.capacity')}<input name="capacity" type="number" min={1} defaultValue={editing?.capacity ?? undefined} /></label>
          <label className="field">{t('event.kind')}
            <select name="kind" defaultValue={editing?.kind === 'meetings' ? 'meetings' : editing ? editing.kind : 'session'}>
              {editing && editing.kind !== 'meetings' && editing.kind !== 'session' && <option value={editing.kind}>{editing.kind}</option>}
              <option value="session">{t('event.kinds.session')}</option>
              <option value="meetings">{t('event.kinds.meetings')}</option>
            </select>
          </label>
          <button type="submit" className="btn">{editing ? t('event.saveSession') : t('event.addSession')}</button>
          {editing && <button type="button" className="btn" onClick={() => setEditing(null)}>{t('event.cancelEdit')}</button>}
        </form>
      </section>

      <section className="card" aria-labelledby="event-buses">
        <h2 id="event-buses">{t('event.buses')}</h2>
        <table className="table" data-testid="buses">
          <thead>
            <tr>
              <th scope="col">{t('event.departs')}</th>
              <th scope="col">{t('event.bus')}</th>
              <th scope="col">{t('event.site')}</th>
              <th scope="col">{t('event.boards')}</th>
              <th scope="col" className="num">{t('event.seats')}</th>
              <th scope="col"><span className="sr-only">{t('event.remove')}</span></th>
            </tr>
          </thead>
          <tbody>
            {programme?.buses.length === 0 && <tr><td colSpan={6} className="hint">{t('event.noBuses')}</td></tr>}
            {programme?.buses.map((b) => (
              <tr key={b.id}>
                <td className="nowrap">{formatTime(b.departsAt, i18n.language, tz, true)}</td>
                <td>{b.label}</td>
                <td>{b.site}</td>
                <td>{b.boardsAt ? zonedHm(b.boardsAt, tz) : '—'}</td>
                <td className="num">{b.capacity}</td>
                <td><button type="button" className="btn btn-small" onClick={() => void run(() => api.archiveBus({ id: b.id }), t('event.removed'))}>{t('event.remove')}</button></td>
              </tr>
            ))}
          </tbody>
        </table>
        <form className="inline-form" onSubmit={addBus} aria-label={t('event.addBus')}>
          <label className="field">{t('event.day')}<select name="date" required>{dayOptions}</select></label>
          <label className="field">{t('event.boards')}<input name="boards" type="time" /></label>
          <label className="field">{t('event.departs')}<input name="departs" type="time" required /></label>
          <label className="field">{t('event.bus')}<input name="label" required maxLength={200} /></label>
          <label className="field grow">{t('event.site')}<input name="site" required maxLength={300} /></label>
          <label className="field narrow">{t('event.seats')}<input name="capacity" type="number" min={1} required /></label>
          <button type="submit" className="btn">{t('event.addBus')}</button>
        </form>
      </section>

      <BrandingCard event={event} />

      <section className="card" aria-labelledby="event-pin">
        <h2 id="event-pin">{t('event.staffPin')}</h2>
        <p className="hint">{event.staffPinSet ? t('event.pinIsSet') : t('event.pinNotSet')}</p>
        <p className="hint">{t('event.pinAdvice')}</p>
        <form className="inline-form" aria-label={t('event.staffPin')} onSubmit={(e) => {
          e.preventDefault();
          const form = e.currentTarget;
          const f = new FormData(form);
          const pin = String(f.get('pin') ?? '');
          void run(async () => {
            const current = String(f.get('current') ?? '');
            await api.setStaffPin({ pin, current: event.staffPinSet && current ? current : undefined });
            form.reset();
            setNewPin('');
          }, pin.length < 6 ? t('event.pinSavedWeak', { digits: pin.length }) : t('event.pinSaved'));
        }}>
          {event.staffPinSet && <label className="field">{t('event.currentPin')}<input name="current" type="password" autoComplete="off" required={!byOrganiserBadge} maxLength={600} data-testid="current-pin" /></label>}
          <label className="field">{t('event.newPin')}<input name="pin" type="password" inputMode="numeric" pattern="[0-9]{4,8}" autoComplete="off" required value={newPin} onChange={(e) => setNewPin(e.target.value)} /></label>
          <button type="submit" className="btn">{t('event.setPin')}</button>
        </form>
        {/^\d{4,5}$/.test(newPin) && <p className="notice notice-warn" role="note" data-testid="pin-weak">{t('event.pinWeak', { digits: newPin.length })}</p>}
      </section>

      <NewEventCard />
    </main>
  );
}

/** "New event": an empty event of the organiser's own in a new file; this device then serves it (the current
 * file, the demo included, is kept). */
function NewEventCard() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <section className="card" aria-labelledby="event-new">
      <h2 id="event-new">{t('event.newEvent')}</h2>
      <p className="hint">{t('event.newEventHint')}</p>
      {!open && <button type="button" className="btn" data-testid="new-event" onClick={() => setOpen(true)}>{t('event.newEvent')}…</button>}
      {/* Every screen reads the new event from the start. */}
      {open && <NewEventForm onCreated={() => location.assign('/event')} />}
    </section>
  );
}

function RuleSelect<T extends string>({ value, options, label, onChange }: { value: T; options: readonly T[]; label: string; onChange: (v: T) => void }) {
  const { t } = useTranslation();
  return (
    <select value={value} aria-label={label} onChange={(e) => onChange(e.target.value as T)}>
      {options.map((o) => <option key={o} value={o}>{t(`event.rules.${o}` as 'event.rules.once')}</option>)}
    </select>
  );
}

/** A programme file in: check first (dry run), then import; what changed and what was refused, in words. */
function ProgrammeImport({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null);
  const [report, setReport] = useState<ProgrammeImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const go = async (dryRun: boolean) => {
    if (!file) return;
    setError(null);
    try {
      setReport(await api.programmeImport({ fileName: file.name, base64: file.base64, dryRun }));
      if (!dryRun) onDone();
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <section className="card" aria-labelledby="event-import">
      <h2 id="event-import">{t('event.import')}</h2>
      <p className="hint">{t('event.importHint')}</p>
      <div className="import-row">
        <label className="file-pick">
          <span className="btn">{t('import.choose')}</span>
          <input type="file" accept=".ics,.json,.xml,.csv,.xlsx,text/calendar" data-testid="programme-file"
            onChange={(e) => {
              const f = e.target.files?.[0];
              setReport(null);
              if (f) void readAsBase64(f).then((base64) => setFile({ name: f.name, base64 }));
            }} />
        </label>
        {file && <span>{file.name}</span>}
        <button type="button" className="btn" disabled={!file} onClick={() => void go(true)}>{t('import.dryRun')}</button>
        <button type="button" className="btn btn-primary" disabled={!file} data-testid="programme-import" onClick={() => void go(false)}>{t('event.importNow')}</button>
      </div>
      {error && <p className="notice notice-error" role="alert">{error}</p>}
      {report && (
        <div data-testid="programme-report">
          <p><strong>{report.dryRun ? t('event.dryRunDone') : t('event.importDone')}</strong> {t('event.counts', { created: report.created, updated: report.updated, unchanged: report.unchanged, rejected: report.rejected.length })}</p>
          {report.changes.filter((c) => c.change === 'updated').map((c) => <p key={c.sessionId} className="hint">{t('event.changed', { title: c.title, fields: c.fields.join(', ') })}</p>)}
          {report.rejected.length > 0 && (
            <ul className="rejections">
              {report.rejected.map((r, i) => <li key={i}>{'line' in r ? t('event.atLine', { line: r.line }) : r.uid}: {t(`event.reject.${r.code}` as `event.reject.${RejectCode}`)}</li>)}
            </ul>
          )}
          {report.warnings.map((w, i) => <p key={i} className="hint">⚠ {'line' in w.ref ? t('event.atLine', { line: w.ref.line }) : w.ref.uid}: {w.message}</p>)}
        </div>
      )}
    </section>
  );
}
