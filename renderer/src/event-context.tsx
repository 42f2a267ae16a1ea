import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import type { EventInfo } from '../../electron/api/contract';
import i18next from 'i18next';
import { api, ApiError } from './api';
import { coreText } from './core-message';

interface EventState {
  event: EventInfo | null;
  error: string | null;
  /** False while the core cannot be reached; scans then wait for it. */
  reachable: boolean;
  refresh(): void;
}

const Ctx = createContext<EventState>({ event: null, error: null, reachable: true, refresh: () => {} });

export function EventProvider({ children }: { children: ReactNode }) {
  const [event, setEvent] = useState<EventInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [reachable, setReachable] = useState(true);
  const refresh = useCallback(() => {
    api.event({}).then(
      (e) => {
        setEvent(e);
        setError(null);
        setReachable(true);
      },
      (e: unknown) => {
        setReachable(!(e instanceof ApiError && e.code === 'offline'));
        setError(coreText(e, i18next.t));
      },
    );
  }, []);
  useEffect(() => {
    refresh();
    const id = setInterval(refresh, 15_000);
    return () => clearInterval(id);
  }, [refresh]);
  return <Ctx.Provider value={{ event, error, reachable, refresh }}>{children}</Ctx.Provider>;
}

export const useEvent = () => useContext(Ctx);
