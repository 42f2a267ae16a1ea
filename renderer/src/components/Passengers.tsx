import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Passenger, PassengerList } from '../../../electron/api/contract';
import { api } from '../api';
import { displayName, formatTime } from '../format';

/** Who is on board a bus, live from every station (who is still missing is the door's still-expected list). */
export function Passengers({ checkpointId, timeZone, refreshKey }: { checkpointId: string; timeZone: string; refreshKey: number }) {
  const { t, i18n } = useTranslation();
  const [list, setList] = useState<PassengerList | null>(null);
  useEffect(() => {
    let alive = true;
    const load = () => api.passengers({ checkpointId }).then((l) => alive && setList(l), () => {});
    load();
    const id = setInterval(load, 3000);
    return () => {
      alive = false;
      clearInterval(id);
    };
  }, [checkpointId, refreshKey]);
  if (!list) return null;
  const row = (p: Passenger) => {
    const name = displayName(p, i18n.language);
    return (
      <li key={p.delegateId}>
        <span className="passenger-name"><span lang={name.lang}>{name.primary}</span>{name.secondary && <small lang={name.secondaryLang}> {name.secondary}</small>}</span>
        <span className="passenger-org">{p.organisation ?? ''}</span>
        <span className="passenger-no">#{p.badgeNo}</span>
        {p.boardedAt && <time>{formatTime(p.boardedAt, i18n.language, timeZone)}</time>}
      </li>
    );
  };
  return (
    <details className="still-expected passengers" data-testid="passengers" aria-label={t('door.passengers')}>
      <summary>{t('door.boarded', { count: list.boarded.length })}</summary>
      <ul data-testid="passengers-boarded">{list.boarded.map(row)}</ul>
    </details>
  );
}
