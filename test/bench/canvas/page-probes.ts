import type { Page } from 'playwright-core';

/**
 * Probes installed in a page before its scripts run: when the cards are all shown (load time),
 * frame intervals while a drag or a pan runs, and when a card's new text is on screen. Both pages
 * get the same probes, so their cost is the same on both sides.
 */
interface Probes {
  loadedAt: number | null;
  frames: number[];
  recording: boolean;
  startFrames(): void;
  stopFrames(): number[];
  /** Resolves with the epoch time (ms) of the first frame after `text` is inside node `id`. */
  waitForText(id: string, text: string): Promise<number>;
  /** The epoch time of the last Enter key press. */
  enterAt: number;
  /** Epoch times at which WebSocket messages reached the page (Baton's sync), for the in-page share of a remote edit. */
  messages: number[];
}

declare global {
  interface Window {
    __probes: Probes;
  }
}

function install({ selector, count }: { selector: string; count: number }) {
  const epoch = () => performance.timeOrigin + performance.now();
  const probes: Probes = {
    loadedAt: null,
    frames: [],
    recording: false,
    enterAt: 0,
    messages: [],
    startFrames() {
      probes.frames = [];
      probes.recording = true;
      let last = performance.now();
      const tick = (time: number) => {
        if (!probes.recording) return;
        probes.frames.push(time - last);
        last = time;
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    },
    stopFrames() {
      probes.recording = false;
      return probes.frames;
    },
    waitForText(id, text) {
      return new Promise((resolve) => {
        const node = document.querySelector(`.react-flow__node[data-id="${id}"]`);
        if (!node) throw new Error(`no node ${id}`);
        const seen = () => requestAnimationFrame(() => resolve(epoch()));
        if (node.textContent?.includes(text)) return seen();
        const observer = new MutationObserver(() => {
          if (!node.textContent?.includes(text)) return;
          observer.disconnect();
          seen();
        });
        observer.observe(node, { subtree: true, childList: true, characterData: true });
      });
    },
  };
  window.__probes = probes;
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      this.addEventListener('message', () => {
        probes.messages.push(epoch());
        if (probes.messages.length > 1000) probes.messages.splice(0, 500);
      });
    }
  };
  window.addEventListener(
    'keydown',
    (event) => {
      if (event.key === 'Enter') probes.enterAt = epoch();
    },
    true,
  );
  const watch = () => {
    if (document.querySelectorAll(selector).length >= count) probes.loadedAt = performance.now();
    else requestAnimationFrame(watch);
  };
  requestAnimationFrame(watch);
}

export async function installProbes(page: Page, selector: string, count: number): Promise<void> {
  // tsx names inner functions through a `__name` helper the page does not have.
  const content = `var __name = (f) => f; (${install.toString()})(${JSON.stringify({ selector, count })});`;
  await page.addInitScript({ content });
}

export const epochNow = () => performance.timeOrigin + performance.now();

export function percentile(values: number[], p: number): number {
  if (!values.length) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}
