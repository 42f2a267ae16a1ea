import { useEffect, useRef, useState } from 'react';
import { Html5Qrcode, Html5QrcodeSupportedFormats } from 'html5-qrcode';
import { useTranslation } from 'react-i18next';
import { InView } from './in-view';

/** Why a camera did not start, by the browser's error name (never its English wording). */
export function cameraProblem(message: string): 'denied' | 'none' | 'busy' | 'insecure' | null {
  if (/NotAllowedError|Permission denied|PermissionDenied/i.test(message)) return 'denied';
  if (/NotFoundError|OverconstrainedError|Requested device not found|DevicesNotFound/i.test(message)) return 'none';
  if (/NotReadableError|TrackStartError|Could not start video source/i.test(message)) return 'busy';
  if (/SecurityError|secure context|only supported in secure/i.test(message)) return 'insecure';
  return null;
}

/** The camera scanner (html5-qrcode). No scan is taken while a verdict is on screen; a held-up badge counts once. */
export function Camera({ onCode, paused, startLabel, errorText }: { onCode: (code: string) => void; paused: boolean; startLabel?: string; errorText?: string }) {
  const { t } = useTranslation();
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const scanner = useRef<Html5Qrcode | null>(null);
  const inView = useRef(new InView());
  const section = useRef<HTMLElement | null>(null);
  const frames = useRef(0);
  const onCodeRef = useRef(onCode);
  onCodeRef.current = onCode;
  const pausedRef = useRef(paused);
  pausedRef.current = paused;

  const start = async () => {
    setError(null);
    try {
      scanner.current ??= new Html5Qrcode('camera-view', { formatsToSupport: [Html5QrcodeSupportedFormats.QR_CODE], verbose: false });
      await scanner.current.start(
        { facingMode: 'environment' },
        { fps: 12, qrbox: (w, h) => ({ width: Math.floor(Math.min(w, h) * 0.8), height: Math.floor(Math.min(w, h) * 0.8) }) },
        (text) => {
          // How many frames showed a code, on the element rather than in state (no render per frame): a test waits
          // on it to know the camera has kept reading a held-up badge.
          section.current?.setAttribute('data-frames-with-code', String(++frames.current));
          const now = performance.now();
          if (pausedRef.current) {
            inView.current.stillSeen(text, now);
            return;
          }
          if (!inView.current.seen(text, now)) return;
          // Timing mark for the camera-to-verdict benchmark (bench/camera.ts), once per scan.
          performance.mark('uketsuke:decoded');
          onCodeRef.current(text);
        },
        () => inView.current.missing(),
      );
      setRunning(true);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setRunning(false);
    }
  };

  const stop = async () => {
    if (scanner.current?.isScanning) await scanner.current.stop().catch(() => {});
    setRunning(false);
  };

  useEffect(() => {
    return () => {
      void stop();
    };
  }, []);

  return (
    <section className="camera" aria-label={t('door.camera')} ref={section}>
      <div id="camera-view" className="camera-view" data-running={running} />
      <div className="camera-actions">
        {running ? (
          <button type="button" className="btn" onClick={() => void stop()}>{t('door.stopCamera')}</button>
        ) : (
          <button type="button" className="btn btn-primary" onClick={() => void start()} data-testid="start-camera">{startLabel ?? t('door.startCamera')}</button>
        )}
      </div>
      {/* A guest screen says what to do instead; a steward's screen also shows the browser's reason. */}
      {error && <p className="notice notice-warn" role="status">{errorText ?? t('door.cameraError', { message: cameraProblem(error) ? t(`door.cameraProblems.${cameraProblem(error)!}`) : error })}</p>}
    </section>
  );
}
