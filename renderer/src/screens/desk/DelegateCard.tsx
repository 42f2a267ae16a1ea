// The desk's card of one person: who they are, arrival, the desk's actions (check in, print, reissue, edit, their
// data, undo), their registrations and scan history. Shown by screens/Desk.tsx, which owns what the actions do.
import { useTranslation } from 'react-i18next';
import type { DelegateDetail } from '../../../../electron/api/contract';
import { api } from '../../api';
import { checkpointTitle, countryName, displayName, formatTime, kanaReading } from '../../format';
import { RegistrationEditor } from '../../components/RegistrationPicker';
import { saveDownload } from '../../download';

export function DelegateCard({ detail, tz, lang, onCheckIn, onPrint, onEdit, onRegistered, onConfirmReading, printOnCheckIn, onReissue, onUndo }: { detail: DelegateDetail; tz: string; lang: string; onCheckIn: () => void; onPrint: () => void; onEdit: () => void; onRegistered: (d: DelegateDetail) => void; onConfirmReading: () => void; printOnCheckIn: boolean; onReissue: () => void; onUndo: (() => void) | null }) {
  const { t } = useTranslation();
  const d = detail.delegate;
  const n = displayName(d, lang);
  const kana = kanaReading(d);
  // Once the person has arrived, printing is what the desk does next; checking in again only says when they came.
  const arrivedAt = detail.registrations.find((r) => r.kind === 'venue')?.admittedAt ?? null;
  return (
    <article className="card" data-testid="delegate-card">
      <header className={`card-head role-${d.role}`}>
        <span className="role-tag">{t(`roles.${d.role}`)}</span>
        <h2 lang={n.lang} data-testid="card-name">{n.primary}</h2>
        {kana && <p className="kana" lang="ja">{kana}</p>}
        {n.secondary && <p className="romaji" lang={n.secondaryLang}>{n.secondary}</p>}
      </header>
      {d.flags.length > 0 && (
        <section className="card-flags notice notice-warn" data-testid="card-flags" aria-label={t('desk.flagsTitle')}>
          <strong>{t('desk.flagsTitle')}</strong>
          <ul>
            {d.flags.map((f) => (
              <li key={f} data-flag={f}>{t(`desk.flags.${f}`)}{f === 'role_unknown' && d.ticketType ? ` — ${d.ticketType}` : ''}</li>
            ))}
          </ul>
          {d.flags.includes('reading_guessed') && (
            // One key: the clerk reads the guess to the person and confirms it; a wrong one is corrected with Edit.
            <button type="button" className="btn btn-primary" onClick={onConfirmReading} data-testid="confirm-reading">✓ {t('desk.confirmReading')}</button>
          )}
        </section>
      )}
      <dl className="facts">
        <dt>{t('desk.organisation')}</dt>
        <dd>{d.organisation ?? t('common.none')}</dd>
        <dt>{t('desk.country')}</dt>
        <dd>{[countryName(d.country, lang), d.region].filter(Boolean).join(' · ') || t('common.none')}</dd>
        <dt>{t('desk.email')}</dt>
        <dd>{d.email ?? t('common.none')}</dd>
        <dt>{t('desk.code')}</dt>
        <dd>{d.externalCode ?? t('common.none')} · {t('desk.badge', { no: d.badgeNo, issue: d.badgeIssue })}</dd>
      </dl>
      {arrivedAt && (
        <p className="card-arrived" data-testid="card-arrived">✓ {t('desk.arrivedAt', { time: formatTime(arrivedAt, lang, tz, true) })}</p>
      )}
      <div className="card-actions">
        {arrivedAt ? (
          <>
            <button type="button" className="btn btn-primary btn-big" onClick={onPrint} data-testid="print">{t('desk.printAgain')}</button>
            <button type="button" className="btn" onClick={onCheckIn} data-testid="check-in">{t('desk.checkIn')}</button>
          </>
        ) : (
          <>
            <button type="button" className="btn btn-primary btn-big" onClick={onCheckIn} data-testid="check-in">
              {printOnCheckIn ? t('desk.checkInPrint') : t('desk.checkIn')} <kbd>{t('desk.checkInHint')}</kbd>
            </button>
            <button type="button" className="btn" onClick={onPrint} data-testid="print">{t('desk.printOnly')}</button>
          </>
        )}
        <button type="button" className="btn" onClick={onReissue} data-testid="reissue">{t('desk.reissue')}</button>
        <button type="button" className="btn btn-quiet" onClick={onEdit} data-testid="edit">{t('desk.edit')}</button>
        <button type="button" className="btn btn-quiet" onClick={() => void api.subjectExport({ delegateId: d.id }).then(saveDownload)} data-testid="subject-export">{t('desk.personalData')}</button>
        {onUndo && <button type="button" className="btn btn-quiet" onClick={onUndo} data-testid="undo">{t('desk.undo')}</button>}
      </div>
      <h3>{t('desk.registrations')}</h3>
      <ul className="regs">
        {detail.registrations.map((r) => (
          <li key={r.checkpointId} className={r.admittedAt ? 'in' : ''}>
            <span className="reg-kind">{t(`door.kinds.${r.kind}`)}</span>
            <span className="reg-name">{checkpointTitle({ name: r.checkpointName, nameJa: r.checkpointNameJa }, lang)}</span>
            <span className="reg-state">{r.admittedAt ? `✓ ${t('desk.checkedInAt', { time: formatTime(r.admittedAt, lang, tz, true) })}` : '·'}</span>
          </li>
        ))}
      </ul>
      <RegistrationEditor detail={detail} onSaved={onRegistered} />
      <h3>{t('desk.history')}</h3>
      {detail.scans.length === 0 ? (
        <p className="hint">{t('desk.noScans')}</p>
      ) : (
        <ul className="history">
          {detail.scans.map((s) => (
            <li key={s.id} className={s.undoneAt ? 'undone' : ''}>
              <time>{formatTime(s.at, lang, tz, true)}</time> <span className={`pill verdict-pill-${s.verdict}`}>{t(`verdict.${s.verdict}`)}</span> <span className="history-place">{checkpointTitle({ name: s.checkpointName, nameJa: s.checkpointNameJa }, lang)}</span>
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
