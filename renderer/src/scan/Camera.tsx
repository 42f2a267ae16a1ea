// The door's and the kiosk's camera: the camera's video on screen and each frame read for a badge QR (qr-frames.ts);
// in-view.ts decides when a held-up badge counts as a new scan.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { InView } from './in-view';
import { QrFrameReader } from './qr-frames';
import { prepareSound } from './sounds';

/** Why a camera did not start, by the browser's error name (never its English wording). */
export function cameraProblem(message: string): 'denied' | 'none' | 'busy' | 'insecure' | null {
  if (/NotAllowedError|Permission denied|PermissionDenied/i.test(message)) return 'denied';
  if (/NotFoundError|OverconstrainedError|Requested device not found|DevicesNotFound/i.test(message)) return 'none';
  if (/NotReadableError|TrackStartError|Could not start video source/i.test(message)) return 'busy';
  if (/SecurityError|secure context|only supported in secure/i.test(message)) return 'insecure';
  return null;
}

/** Frames read a second: a held-up badge is read within a few frames, and reading leaves the machine time to answer. */
const FPS = 12;
/** How long reading waits for the verdict of the scan it has just handed over. */
const VERDICT_WAIT_MS = 1000;

/**
 * The camera scanner: the camera's video on screen, each frame read whole by QrFrameReader (qr-frames.ts says why not
 * html5-qrcode's own loop). No scan is taken while a verdict is on screen; a held-up badge counts once.
 */
export function Camera({ onCode, paused, startLabel, errorText }: { onCode: (code: string) => void; paused: boolean; startLabel?: string; errorText?: string }) {
  const { t } = useTranslation();
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const video = useRef<HTMLVideoElement | null>(null);
  const stream = useRef<MediaStream | null>(null);
  const loop = useRef(0);
  const inView = useRef(new InView());
  const section = useRef<HTMLElement | null>(null);
  const frames = useRef(0);
  const handedAt = useRef(-Infinity);
  const onCodeRef = useRef(onCode);
  onCodeRef.current = onCode;
  const pausedRef = useRef(paused);
  pausedRef.current = paused;

  const read = (text: string) => {
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
    handedAt.current = now;
    onCodeRef.current(text);
  };

  // Reading a frame holds the page's thread for 10–40 ms (more on a busy machine). Between handing a scan over and its
  // verdict on screen the thread is the verdict's: no frame is read until the screen pauses the camera for the verdict,
  // or for a second at most (the kiosk never pauses). Skipped frames count neither as seen nor as missing.
  const waitingForVerdict = () => !pausedRef.current && performance.now() - handedAt.current < VERDICT_WAIT_MS;

  const start = async () => {
    setError(null);
    prepareSound();
    try {
      const media = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
      stream.current = media;
      const v = video.current!;
      v.srcObject = media;
      await v.play();
      setRunning(true);
      const run = ++loop.current;
      const reader = new QrFrameReader();
      const tick = async () => {
        if (run !== loop.current) return;
        const began = performance.now();
        if (pausedRef.current) handedAt.current = -Infinity;
        if (v.readyState >= v.HAVE_CURRENT_DATA && v.videoWidth > 0 && !waitingForVerdict()) {
          const text = await reader.read(v, v.videoWidth, v.videoHeight);
          if (run !== loop.current) return;
          if (text !== null) read(text);
          else inView.current.missing();
        }
        setTimeout(() => void tick(), Math.max(0, 1000 / FPS - (performance.now() - began)));
      };
      void tick();
    } catch (e) {
      // The browser's error name (NotAllowedError, NotFoundError…) is what cameraProblem reads.
      setError(e instanceof Error ? `${e.name}: ${e.message}` : String(e));
      stop();
    }
  };

  const stop = () => {
    loop.current++;
    for (const track of stream.current?.getTracks() ?? []) track.stop();
    stream.current = null;
    if (video.current) video.current.srcObject = null;
    setRunning(false);
  };

  useEffect(() => stop, []);

  return (
    <section className="camera" aria-label={t('door.camera')} ref={section}>
      <div id="camera-view" className="camera-view" data-running={running}>
        <video ref={video} muted playsInline hidden={!running} />
      </div>
      <div className="camera-actions">
        {running ? (
          <button type="button" className="btn" onClick={stop}>{t('door.stopCamera')}</button>
        ) : (
          <button type="button" className="btn btn-primary" onClick={() => void start()} data-testid="start-camera">{startLabel ?? t('door.startCamera')}</button>
        )}
      </div>
      {/* A guest screen says what to do instead; a steward's screen also shows the browser's reason. */}
      {error && <p className="notice notice-warn" role="status">{errorText ?? t('door.cameraError', { message: cameraProblem(error) ? t(`door.cameraProblems.${cameraProblem(error)!}`) : error })}</p>}
    </section>
  );
}
