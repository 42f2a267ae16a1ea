import { useEffect, useRef, useState } from 'react';
import { WedgeDetector } from './wedge';

const FORM_FIELDS = new Set(['INPUT', 'TEXTAREA', 'SELECT']);

/**
 * Listens for a keyboard-wedge scanner on the whole page (a person typing in a form field is left alone).
 * One detector for the screen's lifetime, so a re-render mid-scan never drops the keys typed so far.
 * Returns true once listening, which tests and the screen's "ready" marker use.
 */
export function useWedgeScanner(onScan: (code: string) => void): boolean {
  const onScanRef = useRef(onScan);
  onScanRef.current = onScan;
  const [listening, setListening] = useState(false);
  useEffect(() => {
    const wedge = new WedgeDetector((code) => onScanRef.current(code));
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target && FORM_FIELDS.has(target.tagName)) return;
      if (wedge.key(e.key, e.timeStamp)) e.preventDefault();
    };
    addEventListener('keydown', onKey);
    setListening(true);
    return () => {
      removeEventListener('keydown', onKey);
      wedge.reset();
    };
  }, []);
  return listening;
}
