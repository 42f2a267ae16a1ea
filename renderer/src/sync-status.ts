import { useEffect, useState } from 'react';
import type { SyncStatus } from '../../electron/api/contract';
import { api } from './api';

/** The station's link with its hub, refreshed every two seconds for the status line of every screen. */
export function useSyncStatus(): SyncStatus | null {
  const [status, setStatus] = useState<SyncStatus | null>(null);
  useEffect(() => {
    let alive = true;
    const load = () => api.syncStatus({}).then((s) => alive && setStatus(s), () => {});
    load();
    const id = setInterval(load, 2000);
    return () => {
      alive = false;
      clearInterval(id);
    };
  }, []);
  return status;
}
