import { useEffect, useRef, useState } from 'react';
import { useEvent } from '../event-context';
import { DEFAULT_WEDGE, Debouncer, WedgeDetector } from './wedge';

const FORM_FIELDS = new Set(['INPUT', 'TEXTAREA', 'SELECT']);

/**
 * Listens for a keyboard-wedge scanner on the whole page (a person typing in a form field is left alone).
 * One detector for the screen's lifetime, so a re-render mid-scan never drops the keys typed so far; it learns the
 * event's registration-code shapes when the event is known. A scanner's double read reaches `onScan` once.
 * Returns true once listening, which tests and the screen's "ready" marker use.
 *
 * With `inFields`, keys typed into a form field are watched too, for codes recognised by their shape only (a badge
 * token, a registration code): the kiosk's scanner types into whichever field the delegate left focused. Those keys
 * still reach the field; the screen clears it when the scan comes.
 */
export function useWedgeScanner(onScan: (code: string) => void, { inFields = false }: { inFields?: boolean } = {}): boolean {
  const onScanRef = useRef(onScan);
  onScanRef.current = onScan;
  const { event } = useEvent();
  const detector = useRef<WedgeDetector | null>(null);
  const fieldDetector = useRef<WedgeDetector | null>(null);
  const [listening, setListening] = useState(false);
  const shapes = event?.codeShapes;

  useEffect(() => {
    const debounce = new Debouncer();
    const wedge = new WedgeDetector((code) => {
      if (debounce.accept(code, performance.now())) onScanRef.current(code);
    });
    const fieldWedge = inFields
      ? new WedgeDetector((code) => {
          if (debounce.accept(code, performance.now())) onScanRef.current(code);
        }, { ...DEFAULT_WEDGE, shapesOnly: true })
      : null;
    detector.current = wedge;
    fieldDetector.current = fieldWedge;
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target && FORM_FIELDS.has(target.tagName)) {
        // An Enter that completes a scan must not also submit the form.
        if (fieldWedge?.key(e.key, e.timeStamp) && e.key === 'Enter') e.preventDefault();
        return;
      }
      if (wedge.key(e.key, e.timeStamp)) e.preventDefault();
    };
    addEventListener('keydown', onKey);
    setListening(true);
    return () => {
      removeEventListener('keydown', onKey);
      wedge.reset();
      fieldWedge?.reset();
      detector.current = null;
      fieldDetector.current = null;
    };
  }, [inFields]);

  useEffect(() => {
    detector.current?.setCodeShapes(shapes ?? []);
    fieldDetector.current?.setCodeShapes(shapes ?? []);
  }, [shapes, listening]);

  return listening;
}
