// "Sessions & bus": which sessions (Day 2 meeting blocks too) and which bus a delegate is registered for, picked at the
// desk. One picker for the walk-in form (the choice goes with the walk-in) and the delegate card (saved as a whole
// through setRegistrations: one registration.changed entry). Self-contained so the desk's layout stays the desk's.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DelegateDetail, Programme } from '../../../electron/api/contract';
import { api } from '../api';
import { coreText } from '../core-message';
import { useEvent } from '../event-context';
import { formatTime } from '../format';

/** The programme's sessions and buses, fetched once per picker. */
function useProgramme(): Programme | null {
  const [programme, setProgramme] = useState<Programme | null>(null);
  useEffect(() => {
    let live = true;
    api.programme({}).then((p) => live && setProgramme(p), () => undefined);
    return () => {
      live = false;
    };
  }, []);
  return programme;
}

export function RegistrationPicker({ value, onChange }: { value: ReadonlySet<string>; onChange: (next: Set<string>) => void }) {
  const { t, i18n } = useTranslation();
  const { event } = useEvent();
  const programme = useProgramme();
  if (!programme || !event) return <p className="hint">{t('common.loading')}</p>;
  const ja = i18n.language === 'ja';
  const tz = event.timezone;
  const sessions = programme.sessions.filter((s) => !s.archived);
  const buses = programme.buses.filter((b) => !b.archived);
  const busId = buses.find((b) => value.has(b.id))?.id ?? '';
  const toggle = (id: string, on: boolean) => {
    const next = new Set(value);
    if (on) next.add(id);
    else next.delete(id);
    onChange(next);
  };
  const setBus = (id: string) => {
    const next = new Set([...value].filter((v) => !buses.some((b) => b.id === v)));
    if (id) next.add(id);
    onChange(next);
  };
  return (
    <div className="reg-picker" data-testid="registration-picker">
      {event.days.map((day) => {
        const today = sessions.filter((s) => s.dayNo === day.dayNo);
        if (!today.length) return null;
        return (
          <fieldset key={day.dayNo} className="reg-day">
            <legend>{t('picker.day', { n: day.dayNo })}{(ja ? (day.titleJa ?? day.title) : day.title) ? ` · ${ja ? (day.titleJa ?? day.title) : day.title}` : ''}</legend>
            {today.map((s) => (
              <label key={s.id} className="reg-option">
                <input type="checkbox" checked={value.has(s.id)} onChange={(e) => toggle(s.id, e.target.checked)} data-testid={`pick-${s.id}`} />
                <time>{formatTime(s.startsAt, i18n.language, tz)}</time>
                <span lang={ja && s.titleJa ? 'ja' : undefined}>{ja ? (s.titleJa ?? s.title) : s.title}</span>
                {s.kind === 'meetings' && <span className="tag">{t('event.meetingTag')}</span>}
              </label>
            ))}
          </fieldset>
        );
      })}
      {buses.length > 0 && (
        <label className="field reg-bus">
          <span>{t('picker.bus')}</span>
          <select value={busId} onChange={(e) => setBus(e.target.value)} data-testid="pick-bus">
            <option value="">{t('picker.noBus')}</option>
            {buses.map((b) => <option key={b.id} value={b.id}>{b.label} · {b.site} · {formatTime(b.departsAt, i18n.language, tz, true)}</option>)}
          </select>
        </label>
      )}
      {sessions.length === 0 && buses.length === 0 && <p className="hint">{t('picker.empty')}</p>}
    </div>
  );
}

/** The delegate card's editor: folded by default (the card's actions stay where they are), saved as a whole. */
export function RegistrationEditor({ detail, onSaved }: { detail: DelegateDetail; onSaved: (d: DelegateDetail) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState<Set<string> | null>(null);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const programme = useProgramme();
  useEffect(() => {
    setValue(null);
    setStatus(null);
  }, [detail.delegate.id]);
  const shown = value ?? new Set(detail.targets);
  const save = async () => {
    try {
      // Only the programme's sessions and buses: Day 2 meetings (two delegates, a table) are not the picker's to change.
      const pickable = new Set([...(programme?.sessions ?? []).filter((s) => !s.archived).map((s) => s.id), ...(programme?.buses ?? []).filter((b) => !b.archived).map((b) => b.id)]);
      onSaved(await api.setRegistrations({ delegateId: detail.delegate.id, targetIds: [...shown].filter((id) => pickable.has(id)) }));
      setValue(null);
      setStatus({ ok: true, text: t('picker.saved') });
    } catch (e) {
      setStatus({ ok: false, text: t('common.error', { message: coreText(e, t) }) });
    }
  };
  return (
    <details className="reg-editor" open={open} onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)} data-testid="registration-editor">
      <summary>{t('picker.title')}</summary>
      {open && programme && (
        <>
          <RegistrationPicker value={shown} onChange={(v) => { setValue(v); setStatus(null); }} />
          <div className="reg-editor-actions">
            <button type="button" className="btn" disabled={value === null} onClick={() => void save()} data-testid="save-registrations">{t('picker.save')}</button>
            {status && <span className={status.ok ? 'hint' : 'notice notice-error'} role="status">{status.text}</span>}
          </div>
        </>
      )}
    </details>
  );
}
