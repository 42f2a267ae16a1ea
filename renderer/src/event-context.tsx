import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import type { EventInfo } from '../../electron/api/contract';
import i18next from 'i18next';
import { api, ApiError } from './api';
import { coreText } from './core-message';

interface EventState {
  event: EventInfo | null;
  error: string | null;
  /** No event in this station's file yet: a first start, where the screens offer the first-run choice. */
  noEvent: boolean;
  /** False while the core cannot be reached; scans then wait for it. */
  reachable: boolean;
  refresh(): void;
}

const Ctx = createContext<EventState>({ event: null, error: null, noEvent: false, reachable: true, refresh: () => {} });

export function EventProvider({ children }: { children: ReactNode }) {
  const [event, setEvent] = useState<EventInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [reachable, setReachable] = useState(true);
  const [noEvent, setNoEvent] = useState(false);
  const refresh = useCallback(() => {
    api.event({}).then(
      (e) => {
        setEvent(e);
        setError(null);
        setNoEvent(false);
        setReachable(true);
      },
      (e: unknown) => {
        setReachable(!(e instanceof ApiError && e.code === 'offline'));
        setNoEvent(e instanceof ApiError && e.code === 'not_found');
        setError(coreText(e, i18next.t));
      },
    );
  }, []);
  useEffect(() => {
    refresh();
    const id = setInterval(refresh, 15_000);
    return () => clearInterval(id);
  }, [refresh]);
  return <Ctx.Provider value={{ event, error, noEvent, reachable, refresh }}>{children}</Ctx.Provider>;
}

export const useEvent = () => useContext(Ctx);
