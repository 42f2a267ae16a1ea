import { useTranslation } from 'react-i18next';
import type { ScanResult } from '../../../electron/api/contract';
import { displayName } from '../format';
import { formatTime } from '../format';
import { toneFor } from '../scan/sounds';

const ICON = { admit: '✓', warn: '!', deny: '✕' } as const;

/** The full-screen verdict: colour, icon and words together, so it is never told by colour alone. */
export function VerdictPanel({ result, timeZone, onDismiss }: { result: ScanResult; timeZone: string; onDismiss: () => void }) {
  const { t, i18n } = useTranslation();
  const tone = toneFor(result.verdict);
  const cpName = i18n.language === 'ja' ? (result.checkpoint.nameJa ?? result.checkpoint.name) : result.checkpoint.name;
  const detail = t(`verdict.detail.${result.verdict}`, {
    time: result.previous ? formatTime(result.previous.at, i18n.language, timeZone, true) : '',
    checkpoint: result.previous ? (i18n.language === 'ja' ? (result.previous.checkpointNameJa ?? result.previous.checkpointName) : result.previous.checkpointName) : cpName,
    capacity: result.checkpoint.capacity ?? '',
  });
  const name = result.delegate ? displayName(result.delegate) : null;
  return (
    <div className={`verdict verdict-${tone}`} data-verdict={result.verdict} role="alert" aria-live="assertive" onClick={onDismiss}>
      <div className="verdict-icon" aria-hidden="true">{ICON[tone]}</div>
      <div className="verdict-title">{t(`verdict.${result.verdict}`)}</div>
      {name && (
        <div className="verdict-name">
          <span lang={result.delegate?.familyNameKanji ? 'ja' : undefined}>{name.primary}</span>
          {name.secondary && <span className="verdict-name-sub">{name.secondary}</span>}
        </div>
      )}
      {result.delegate?.organisation && <div className="verdict-org">{result.delegate.organisation}</div>}
      {detail && <div className="verdict-detail">{detail}</div>}
      {result.overridden && <div className="verdict-detail">{t('verdict.overridden')}</div>}
      <button type="button" className="btn verdict-close" onClick={onDismiss}>{t('common.close')}</button>
    </div>
  );
}
