import type { Touchpoint } from '@baton/model';
import {
  createContext,
  useCallback,
  useContext,
  useLayoutEffect,
  useState,
  useSyncExternalStore,
} from 'react';

/**
 * The cards' titles, for the lines' names (screen readers hear "Handoff from Webinar to Demo"):
 * each line listens to its two cards only. A title edit wakes the lines of that card and leaves
 * React Flow's edge list alone; naming the lines in the edge list made every rename hand React
 * Flow a new list, which re-indexes every connection and wakes every store subscriber.
 */
export class CardTitles {
  private readonly titles = new Map<string, string>();
  private readonly listeners = new Map<string, Set<() => void>>();

  constructor(touchpoints: readonly Touchpoint[] = []) {
    for (const card of touchpoints) this.titles.set(card.id, card.title);
  }

  /** Takes the map's cards as they now are and tells the lines of each renamed card. */
  update(touchpoints: readonly Touchpoint[]): void {
    const renamed: string[] = [];
    for (const card of touchpoints) {
      if (this.titles.get(card.id) === card.title) continue;
      this.titles.set(card.id, card.title);
      renamed.push(card.id);
    }
    for (const id of renamed) for (const listener of this.listeners.get(id) ?? []) listener();
  }

  title(id: string): string {
    return this.titles.get(id) ?? '';
  }

  subscribe(id: string, listener: () => void): () => void {
    let set = this.listeners.get(id);
    if (!set) {
      set = new Set();
      this.listeners.set(id, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (!set.size) this.listeners.delete(id);
    };
  }
}

const CardTitlesContext = createContext(new CardTitles());
export const CardTitlesProvider = CardTitlesContext.Provider;

/** A card's title, re-rendering the caller only when that card is renamed. */
export function useCardTitle(id: string): string {
  const titles = useContext(CardTitlesContext);
  const subscribe = useCallback((listener: () => void) => titles.subscribe(id, listener), [titles, id]);
  return useSyncExternalStore(subscribe, () => titles.title(id));
}

/** The canvas's titles, kept up to date with the map's cards once each render is committed. */
export function useCardTitlesOf(touchpoints: readonly Touchpoint[]): CardTitles {
  const [titles] = useState(() => new CardTitles(touchpoints));
  useLayoutEffect(() => titles.update(touchpoints), [titles, touchpoints]);
  return titles;
}
