import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Checkpoint, CodeIdentity, DelegateDetail, DelegateHit, Role, ScanResult } from '../../../electron/api/contract';
import { ROLES } from '../../../electron/api/vocabulary';
import { api, ApiError } from '../api';
import { countryName, displayName } from '../format';
import { useEvent } from '../event-context';
import { VerdictPanel } from '../components/VerdictPanel';
import { PrintPanel } from '../components/PrintPanel';
import { usePrintJobs, useStation } from '../station';
import { coreText } from '../core-message';
import { DelegateCard } from './desk/DelegateCard';
import { DelegateForm } from './desk/DelegateForm';

type SearchFilters = { arrived?: boolean; role?: Role; country?: string; attention?: boolean };
const ARRIVAL = [['all', undefined], ['arrived', true], ['notYet', false]] as const;

export function Desk() {
  const { t, i18n } = useTranslation();
  const { event } = useEvent();
  const [query, setQuery] = useState('');
  // The filter chips: arrived or not yet, a role, a country (every country delegates gave, asked when the menu opens).
  const [filters, setFilters] = useState<SearchFilters>({});
  const [countries, setCountries] = useState<string[]>([]);
  const loadCountries = useCallback(() => {
    api.countries({}).then((r) => setCountries(r.map((c) => c.country)), () => {});
  }, []);
  useEffect(loadCountries, [loadCountries]);
  const filterKey = JSON.stringify(filters);
  const [answeredFilters, setAnsweredFilters] = useState('{}');
  const [hits, setHits] = useState<DelegateHit[]>([]);
  // The query the shown hits answer (a test, and a screen reader, can tell a stale list from a fresh one).
  const [answered, setAnswered] = useState('');
  const [active, setActive] = useState(0);
  const [detail, setDetail] = useState<DelegateDetail | null>(null);
  const [result, setResult] = useState<ScanResult | null>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [venue, setVenue] = useState<Checkpoint | null>(null);
  const [walkIn, setWalkIn] = useState(false);
  const [editing, setEditing] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const seq = useRef(0);
  // A badge QR or registration code in the search: what it identified (null while the query is no code).
  const [byCode, setByCode] = useState<CodeIdentity | null>(null);
  // The first Enter after a scanned code is the scanner's own: it selects the code so the next scan replaces it.
  const codeEnterSeen = useRef(false);
  const tz = event?.timezone ?? 'UTC';
  const [station, setStation, printers] = useStation();
  const [jobs, refreshJobs] = usePrintJobs();

  const print = async (delegateId: string) => {
    if (!station.printer) return setMessage({ kind: 'error', text: t('print.noPrinter') });
    try {
      await api.printBadge({ delegateId, printer: station.printer, size: station.size, back: station.back });
      refreshJobs();
    } catch (e) {
      fail(e);
    }
  };

  const fail = (e: unknown) => setMessage({ kind: 'error', text: e instanceof ApiError && e.say ? coreText(e, t) : t('common.error', { message: coreText(e, t) }) });

  const refreshVenue = useCallback(() => {
    api.checkpoints({}).then((cps) => setVenue(cps.find((c) => c.kind === 'venue') ?? null), fail);
  }, []);

  useEffect(() => {
    refreshVenue();
    searchRef.current?.focus();
  }, [refreshVenue]);

  // Search as you type; answers that arrive out of order are dropped. A query that may be a code (one word of six
  // characters or more: a badge QR, a registration code) is also identified the way a door does, before the search.
  useEffect(() => {
    const mine = ++seq.current;
    codeEnterSeen.current = false;
    const q = query.trim();
    if (q.length >= 6 && !/[\s@]/.test(q)) {
      api.identifyCode({ code: q }).then((c) => {
        if (mine !== seq.current) return;
        setByCode(c.kind === 'none' ? null : c);
        if ('delegate' in c) {
          void open(c.delegate.id);
          searchRef.current?.select();
        }
      }, fail);
    } else setByCode(null);
    api.searchDelegates({ query: query.slice(0, 200), limit: 20, filters }).then((r) => {
      if (mine !== seq.current) return;
      setHits(r);
      setAnswered(query);
      setAnsweredFilters(filterKey);
      setActive(0);
    }, fail);
  }, [query, filterKey]);

  const open = (id: string) => api.delegate({ id }).then(setDetail, fail);

  const checkIn = async (id: string) => {
    try {
      const r = await api.checkIn({ delegateId: id });
      setResult(r);
      // "Name, check in, badge in your hand": a first arrival's badge prints at once.
      if (r.verdict === 'admitted' && station.printOnCheckIn && station.printer) void print(id);
      await open(id);
      refreshVenue();
      setHits((hs) => hs.map((h) => (h.id === id ? { ...h, arrived: h.arrived || r.verdict === 'admitted' } : h)));
    } catch (e) {
      fail(e);
    }
  };

  const onSearchKey = (e: React.KeyboardEvent) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive((a) => Math.min(a + 1, hits.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (byCode) {
        // A scanned badge: the scanner's Enter keeps the person open; the next Enter checks them in (a valid badge only).
        searchRef.current?.select();
        if (byCode.kind === 'person' && codeEnterSeen.current && detail?.delegate.id === byCode.delegate.id) void checkIn(byCode.delegate.id);
        codeEnterSeen.current = true;
        return;
      }
      const hit = hits[active];
      if (!hit) return;
      if (detail?.delegate.id === hit.id) void checkIn(hit.id);
      else void open(hit.id);
    }
  };

  // Escape or Enter closes a verdict, wherever the focus is (but not in a form). The listener reads the verdict from a
  // ref set while rendering: one registered after paint would miss a key pressed the moment the verdict appears (the
  // key then reached the old listener, which saw no verdict, and the overlay stayed over the card).
  const resultRef = useRef(result);
  resultRef.current = result;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (resultRef.current && (e.key === 'Escape' || e.key === 'Enter')) {
        e.preventDefault();
        resultRef.current = null;
        setResult(null);
        searchRef.current?.focus();
      }
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    if (!result) return;
    const id = setTimeout(() => setResult(null), 3000);
    return () => clearTimeout(id);
  }, [result]);

  const lastAdmission = detail?.scans.find((s) => (s.verdict === 'admitted' || s.verdict === 'readmitted') && !s.undoneAt && s.checkpointId === venue?.id);

  return (
    <main className="desk">
      <section className="desk-search" aria-label={t('desk.searchLabel')}>
        <div className="desk-toolbar">
          <label className="search-label" htmlFor="desk-search">{t('desk.searchLabel')}</label>
          <div className="arrivals" data-testid="arrivals">
            <span className="arrivals-number">{venue?.admitted ?? '–'}</span>
            <span className="arrivals-label">{t('desk.arrivals')}{event ? ` / ${event.delegateCount}` : ''}</span>
          </div>
        </div>
        <div className="search-row">
          <input
            id="desk-search"
            ref={searchRef}
            type="search"
            autoComplete="off"
            spellCheck={false}
            value={query}
            placeholder={t('desk.searchPlaceholder')}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={onSearchKey}
            aria-controls="desk-results"
          />
          <button type="button" className="btn" onClick={() => setWalkIn(true)} data-testid="walk-in">{t('desk.walkIn')}</button>
        </div>
        <div className="filter-row" role="group" aria-label={t('desk.filter.label')} data-testid="desk-filters">
          {/* One Tab stop for the three arrival chips (arrows move between them), so Tab from the search stays short. */}
          <span className="chip-group" role="radiogroup" aria-label={t('desk.filter.arrival')} onKeyDown={(e) => {
            const step = e.key === 'ArrowRight' || e.key === 'ArrowDown' ? 1 : e.key === 'ArrowLeft' || e.key === 'ArrowUp' ? -1 : 0;
            if (!step) return;
            e.preventDefault();
            const i = (ARRIVAL.findIndex(([, v]) => v === filters.arrived) + step + ARRIVAL.length) % ARRIVAL.length;
            setFilters((f) => ({ ...f, arrived: ARRIVAL[i]![1] }));
            (e.currentTarget.children[i] as HTMLElement | undefined)?.focus();
          }}>
            {ARRIVAL.map(([k, v]) => (
              <button key={k} type="button" role="radio" className="chip" aria-checked={filters.arrived === v} tabIndex={filters.arrived === v ? 0 : -1} data-filter={k} onClick={() => setFilters((f) => ({ ...f, arrived: v }))}>
                {t(`desk.filter.${k}`)}
              </button>
            ))}
          </span>
          <button type="button" className={`chip${filters.attention ? ' chip-on' : ''}`} aria-pressed={filters.attention === true} data-testid="filter-attention" onClick={() => setFilters((f) => ({ ...f, attention: f.attention ? undefined : true }))}>
            {t('desk.filter.attention')}
          </button>
          <select className={`chip${filters.role ? ' chip-on' : ''}`} aria-label={t('desk.filter.role')} value={filters.role ?? ''} data-testid="filter-role" onChange={(e) => setFilters((f) => ({ ...f, role: (e.target.value || undefined) as Role | undefined }))}>
            <option value="">{t('desk.filter.anyRole')}</option>
            {ROLES.map((r) => <option key={r} value={r}>{t(`roles.${r}`)}</option>)}
          </select>
          <select className={`chip${filters.country ? ' chip-on' : ''}`} aria-label={t('desk.filter.country')} value={filters.country ?? ''} data-testid="filter-country" onFocus={loadCountries} onChange={(e) => setFilters((f) => ({ ...f, country: e.target.value || undefined }))}>
            <option value="">{t('desk.filter.anyCountry')}</option>
            {countries.map((c) => <option key={c} value={c}>{countryName(c, i18n.language) ?? c}</option>)}
          </select>
        </div>
        {byCode ? (
          <p className={`notice code-note ${byCode.kind === 'person' ? 'notice-ok' : 'notice-error'}`} role="status" data-testid="code-note" data-kind={byCode.kind}>
            {codeNoteText(byCode, t, i18n.language)}
          </p>
        ) : (
          <p className="hint" data-testid="search-hint">
            {query && hits.length === 0
              ? t('desk.noResults', { q: query.length > 60 ? `${query.slice(0, 60)}…` : query })
              : hits.length >= 20
                ? t('desk.firstResults', { count: hits.length })
                : t('desk.selectHint')}
          </p>
        )}
        <ul id="desk-results" className="results" role="listbox" aria-label={t('desk.delegates')} data-query={answered} data-filters={answeredFilters}>
          {hits.map((h, i) => {
            const n = displayName(h, i18n.language);
            return (
              <li
                key={h.id}
                role="option"
                aria-selected={i === active}
                className={`result ${i === active ? 'active' : ''} ${detail?.delegate.id === h.id ? 'open' : ''}`}
                onClick={() => {
                  setActive(i);
                  void open(h.id);
                }}
                data-testid="result"
              >
                <div className="result-name">
                  <span lang={n.lang}>{n.primary}</span>
                  {n.secondary && <small lang={n.secondaryLang}>{n.secondary}</small>}
                </div>
                <div className="result-org">{h.organisation}</div>
                {h.flags.length > 0 && h.status === 'active' && <span className="pill pill-warn" title={h.flags.map((f) => t(`desk.flags.${f}`)).join('\n')} data-testid="result-flag">{t('desk.filter.attention')}</span>}
                <span className={`pill ${h.arrived ? 'pill-ok' : ''}`}>{h.arrived ? `✓ ${t('desk.arrived')}` : t('desk.notArrived')}</span>
              </li>
            );
          })}
        </ul>
      </section>
      <section className="desk-card" aria-live="polite">
        <PrintPanel
          jobs={jobs}
          station={station}
          printers={printers}
          onChange={setStation}
          onRetry={(jobId) => api.retryPrint({ jobId }).then(refreshJobs, fail)}
        />
        {message && (
          <p className={`notice ${message.kind === 'error' ? 'notice-error' : 'notice-ok'}`} role="status" onClick={() => setMessage(null)}>{message.text}</p>
        )}
        {detail ? (
          <DelegateCard
            detail={detail}
            tz={tz}
            lang={i18n.language}
            onCheckIn={() => void checkIn(detail.delegate.id)}
            onPrint={() => void print(detail.delegate.id)}
            onEdit={() => setEditing(true)}
            onRegistered={setDetail}
            onConfirmReading={() =>
              api.confirmReading({ id: detail.delegate.id }).then((d) => {
                setDetail(d);
                setMessage({ kind: 'ok', text: t('desk.readingConfirmed') });
              }, fail)
            }
            printOnCheckIn={station.printOnCheckIn && station.printer !== null}
            onReissue={() =>
              api.reissueBadge({ delegateId: detail.delegate.id }).then((d) => {
                setDetail(d);
                setMessage({ kind: 'ok', text: t('desk.reissued', { issue: d.delegate.badgeIssue }) });
                void print(d.delegate.id);
              }, fail)
            }
            onUndo={
              lastAdmission
                ? () =>
                    api.undoScan({ scanId: lastAdmission.id, reason: t('desk.undoReason') }).then(() => {
                      setMessage({ kind: 'ok', text: t('desk.undone') });
                      refreshVenue();
                      void open(detail.delegate.id);
                    }, fail)
                : null
            }
          />
        ) : (
          <div className="empty-card">
            <span className="empty-mark" aria-hidden="true">受付</span>
            <p>{t('desk.selectHint')}</p>
          </div>
        )}

      </section>
      {result && <VerdictPanel result={result} timeZone={tz} onDismiss={() => setResult(null)} />}
      {walkIn && (
        <DelegateForm
          title={t('walkIn.title')}
          submitLabel={t('walkIn.save')}
          onClose={() => setWalkIn(false)}
          onSubmit={(fields) => api.walkIn(fields)}
          onDone={(d) => {
            setWalkIn(false);
            setDetail(d);
            void checkIn(d.delegate.id);
          }}
        />
      )}
      {editing && detail && (
        <DelegateForm
          title={t('walkIn.editTitle')}
          submitLabel={t('walkIn.saveEdit')}
          initial={detail.delegate}
          onClose={() => setEditing(false)}
          onSubmit={(fields) => api.updateDelegate({ id: detail.delegate.id, fields })}
          onDone={(d) => {
            setEditing(false);
            setDetail(d);
            setHits((hs) => hs.map((h) => (h.id === d.delegate.id ? { ...h, ...d.delegate } : h)));
          }}
        />
      )}
    </main>
  );
}

/** What a code in the search identified, in the screen's language (names by the one name rule). */
function codeNoteText(c: CodeIdentity, t: (key: string, values?: Record<string, unknown>) => string, lang: string): string {
  const name = 'delegate' in c ? displayName(c.delegate, lang).primary : '';
  switch (c.kind) {
    case 'person':
      return t(c.via === 'badge' ? 'desk.byCode.person' : 'desk.byCode.registration_code', { name });
    case 'revoked':
      return t('desk.byCode.revoked', { name, presented: c.presentedIssue, current: c.currentIssue });
    case 'cancelled':
      return t('desk.byCode.cancelled', { name });
    case 'signed_unknown':
      return t('desk.byCode.signed_unknown', { badgeNo: c.badgeNo });
    case 'invalid':
      return t(`desk.byCode.${c.problem}`);
    case 'none':
      return '';
  }
}
