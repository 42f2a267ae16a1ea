// This station's own settings (which printer, which badge stock, print on check-in), kept on the device:
// each desk or kiosk has its own printer.
import { useCallback, useEffect, useState } from 'react';
import type { PrinterInfo, PrintJob } from '../../electron/api/contract';
import { api } from './api';

export type BadgeSizeName = PrintJob['size'];

export interface StationSettings {
  printer: string | null;
  size: BadgeSizeName;
  printOnCheckIn: boolean;
  back: boolean;
}

const KEY = 'uketsuke.station';
const DEFAULTS: StationSettings = { printer: null, size: 'a6', printOnCheckIn: true, back: false };

export function loadStation(): StationSettings {
  try {
    return { ...DEFAULTS, ...(JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<StationSettings>) };
  } catch {
    return DEFAULTS;
  }
}

export function useStation(): [StationSettings, (s: Partial<StationSettings>) => void, PrinterInfo[]] {
  const [settings, setSettings] = useState(loadStation);
  const [printers, setPrinters] = useState<PrinterInfo[]>([]);
  useEffect(() => {
    api.printers({}).then((ps) => {
      setPrinters(ps);
      // First run: pick a real printer if there is one, else "save as PDF".
      setSettings((s) => (s.printer && ps.some((p) => p.id === s.printer) ? s : { ...s, printer: (ps.find((p) => p.kind !== 'folder') ?? ps[0])?.id ?? null }));
    }, () => {});
  }, []);
  const update = useCallback((patch: Partial<StationSettings>) => {
    setSettings((s) => {
      const next = { ...s, ...patch };
      localStorage.setItem(KEY, JSON.stringify(next));
      return next;
    });
  }, []);
  return [settings, update, printers];
}

/** Recent print jobs, refreshed while any is still queued or printing. */
export function usePrintJobs(): [PrintJob[], () => void] {
  const [jobs, setJobs] = useState<PrintJob[]>([]);
  const refresh = useCallback(() => {
    api.printJobs({ limit: 8 }).then(setJobs, () => {});
  }, []);
  useEffect(refresh, [refresh]);
  useEffect(() => {
    if (!jobs.some((j) => j.status === 'queued' || j.status === 'printing')) return;
    const id = setTimeout(refresh, 700);
    return () => clearTimeout(id);
  }, [jobs, refresh]);
  return [jobs, refresh];
}
