import { useTranslation } from 'react-i18next';
import type { CheckpointKind, ScanResult } from '../../../electron/api/contract';
import { displayName } from '../format';
import { formatTime } from '../format';
import { toneFor } from '../scan/sounds';

const ICON = { admit: '✓', warn: '!', deny: '✕' } as const;

/** A verdict's title at a checkpoint of this kind: a bus boards (乗車OK, 乗車済み), a room admits, the entrance checks in. */
export function verdictTitleKey(verdict: ScanResult['verdict'], kind: CheckpointKind | undefined): string {
  if (verdict === 'admitted' && (kind === 'bus' || kind === 'venue')) return `verdict.admittedAt.${kind}`;
  if (verdict === 'already_checked_in' && kind && kind !== 'venue') return `verdict.alreadyAt.${kind}`;
  return `verdict.${verdict}`;
}

/** The full-screen verdict: colour, icon and words together, so it is never told by colour alone. */
export function VerdictPanel({ result, timeZone, onDismiss, kind, compact = false, expected = null }: {
  result: ScanResult;
  timeZone: string;
  onDismiss: () => void;
  /** The station's kind: "admitted" reads as boarding on a bus, as 受付 at the venue entrance. */
  kind?: CheckpointKind;
  /** Smaller, at the top, while a form is open below it (the name must stay readable). */
  compact?: boolean;
  /** Where a person refused here is registered instead. */
  expected?: string[] | null;
}) {
  const { t, i18n } = useTranslation();
  const tone = toneFor(result.verdict);
  const cpName = i18n.language === 'ja' ? (result.checkpoint.nameJa ?? result.checkpoint.name) : result.checkpoint.name;
  // Where the earlier admission was a bus or a room (not the entrance), it is said as boarding or entering.
  const prevKind = result.verdict === 'already_checked_in' && kind && kind !== 'venue' ? kind : null;
  const detail = t(prevKind ? `verdict.alreadyDetailAt.${prevKind}` : `verdict.detail.${result.detail ?? result.verdict}`, {
    time: result.previous ? formatTime(result.previous.at, i18n.language, timeZone, true) : '',
    checkpoint: result.previous ? (i18n.language === 'ja' ? (result.previous.checkpointNameJa ?? result.previous.checkpointName) : result.previous.checkpointName) : cpName,
    capacity: result.checkpoint.capacity ?? '',
  });
  const name = result.delegate ? displayName(result.delegate, i18n.language) : null;
  const titleKey = verdictTitleKey(result.verdict, kind);
  return (
    <div className={`verdict verdict-${tone}${compact ? ' verdict-compact' : ''}`} data-verdict={result.verdict} role="alert" aria-live="assertive" onClick={onDismiss}>
      <div className="verdict-icon" aria-hidden="true">{ICON[tone]}</div>
      <div className="verdict-title">{t(titleKey)}</div>
      {name && (
        <div className="verdict-name">
          <span lang={name.lang}>{name.primary}</span>
          {name.secondary && <span className="verdict-name-sub" lang={name.secondaryLang}>{name.secondary}</span>}
        </div>
      )}
      {result.delegate?.organisation && <div className="verdict-org">{result.delegate.organisation}</div>}
      {detail && <div className="verdict-detail">{detail}</div>}
      {expected && expected.length > 0 && <div className="verdict-detail verdict-expected" data-testid="verdict-expected">{t('verdict.expectedAt', { places: expected.join(' / ') })}</div>}
      {result.overridden && <div className="verdict-detail">{t('verdict.overridden')}</div>}
      <button type="button" className="btn verdict-close" onClick={onDismiss}>{t('common.close')}</button>
    </div>
  );
}
