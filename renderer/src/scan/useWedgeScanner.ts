import { useEffect, useRef, useState } from 'react';
import { useEvent } from '../event-context';
import { Debouncer, WedgeDetector } from './wedge';

const FORM_FIELDS = new Set(['INPUT', 'TEXTAREA', 'SELECT']);

/**
 * Listens for a keyboard-wedge scanner on the whole page (a person typing in a form field is left alone).
 * One detector for the screen's lifetime, so a re-render mid-scan never drops the keys typed so far; it learns the
 * event's registration-code shapes when the event is known. A scanner's double read reaches `onScan` once.
 * Returns true once listening, which tests and the screen's "ready" marker use.
 */
export function useWedgeScanner(onScan: (code: string) => void): boolean {
  const onScanRef = useRef(onScan);
  onScanRef.current = onScan;
  const { event } = useEvent();
  const detector = useRef<WedgeDetector | null>(null);
  const [listening, setListening] = useState(false);
  const shapes = event?.codeShapes;

  useEffect(() => {
    const debounce = new Debouncer();
    const wedge = new WedgeDetector((code) => {
      if (debounce.accept(code, performance.now())) onScanRef.current(code);
    });
    detector.current = wedge;
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
      detector.current = null;
    };
  }, []);

  useEffect(() => {
    detector.current?.setCodeShapes(shapes ?? []);
  }, [shapes, listening]);

  return listening;
}
