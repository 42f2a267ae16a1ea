// Distinct tones for admit / warn / deny, made with Web Audio so no sound files need shipping. A door steward
// hears the verdict without looking at the screen.
import type { VerdictCode } from '../../../electron/api/contract';

export type Tone = 'admit' | 'warn' | 'deny';

export function toneFor(v: VerdictCode): Tone {
  if (v === 'admitted' || v === 'readmitted') return 'admit';
  if (v === 'already_checked_in') return 'warn';
  return 'deny';
}

let ctx: AudioContext | null = null;

const PATTERNS: Record<Tone, [freq: number, ms: number][]> = {
  admit: [[880, 90], [1320, 140]],
  warn: [[660, 150], [660, 150]],
  deny: [[220, 450]],
};

/**
 * Opens the audio output ahead of the first verdict: creating it takes 60–200 ms in Chromium, which the first verdict
 * on screen would otherwise wait for. Called from a click (starting the camera), which browsers ask of audio anyway.
 */
export function prepareSound(): void {
  try {
    ctx ??= new AudioContext();
  } catch {
    // No audio device: verdicts are shown without sound.
  }
}

export function play(tone: Tone): void {
  try {
    ctx ??= new AudioContext();
    let t = ctx.currentTime;
    for (const [freq, ms] of PATTERNS[tone]) {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.type = tone === 'deny' ? 'square' : 'sine';
      osc.frequency.value = freq;
      gain.gain.setValueAtTime(0.2, t);
      gain.gain.exponentialRampToValueAtTime(0.001, t + ms / 1000);
      osc.connect(gain).connect(ctx.destination);
      osc.start(t);
      osc.stop(t + ms / 1000);
      t += ms / 1000 + 0.04;
    }
  } catch {
    // No audio device: the screen still shows the verdict.
  }
}
