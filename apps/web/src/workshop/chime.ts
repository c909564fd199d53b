/**
 * The end-of-timer sound: three short tones made with WebAudio (no audio file to load). The
 * audio context is created on the first user gesture, as browsers require, and reused.
 */
let context: AudioContext | null = null;

export function unlockAudio(): void {
  if (context) return;
  try {
    context = new AudioContext();
  } catch {
    context = null;
  }
}

export function playChime(): boolean {
  if (!context) unlockAudio();
  if (!context) return false;
  void context.resume();
  const start = context.currentTime + 0.05;
  for (let i = 0; i < 3; i++) {
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    oscillator.type = 'sine';
    oscillator.frequency.value = i === 2 ? 1046.5 : 784;
    const at = start + i * 0.28;
    gain.gain.setValueAtTime(0.0001, at);
    gain.gain.exponentialRampToValueAtTime(0.3, at + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.24);
    oscillator.connect(gain).connect(context.destination);
    oscillator.start(at);
    oscillator.stop(at + 0.26);
  }
  return true;
}

const MUTE_KEY = 'baton.workshop.muted';

export function loadMuted(): boolean {
  try {
    return localStorage.getItem(MUTE_KEY) === 'true';
  } catch {
    return false;
  }
}

export function saveMuted(muted: boolean): void {
  try {
    localStorage.setItem(MUTE_KEY, String(muted));
  } catch {
    // The choice lasts for this visit.
  }
}
