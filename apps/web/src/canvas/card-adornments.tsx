import { type ComponentType, createContext, useCallback, useContext, useSyncExternalStore } from 'react';

/**
 * Per-card decorations other features draw on the canvas (vote dots, comment badges, change
 * marks): each is a component given the card's touchpoint id, rendered inside the card. An
 * adornment reads its own data from a keyed store (`useKeyedValue`), so when one card's badge
 * changes only that adornment re-renders: not the card list, not the canvas.
 *
 *   const votes = createKeyedStore<number>();
 *   const VoteDots = ({ touchpointId }) => { const n = useKeyedValue(votes, touchpointId); … };
 *   <CardAdornments.Provider value={[VoteDots]}> … <JourneyCanvas/> …
 */
export type CardAdornment = ComponentType<{ touchpointId: string }>;

const NONE: readonly CardAdornment[] = [];
export const CardAdornments = createContext<readonly CardAdornment[]>(NONE);

/** The adornments registered for the cards; a card renders a `CardAdornmentSlot` only when there are some. */
export function useCardAdornments(): readonly CardAdornment[] {
  return useContext(CardAdornments);
}

/** Renders every registered adornment for one card. */
export function CardAdornmentSlot({
  touchpointId,
  adornments,
}: {
  touchpointId: string;
  adornments: readonly CardAdornment[];
}) {
  return adornments.map((Adornment, index) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: the list is fixed for the page's life
    <Adornment key={index} touchpointId={touchpointId} />
  ));
}

/** Values keyed by id whose subscribers hear only of changes to their own id. */
export interface KeyedStore<T> {
  get(id: string): T | undefined;
  set(id: string, value: T | undefined): void;
  /** Replaces every value; only ids whose value changed are told. */
  replace(values: ReadonlyMap<string, T>): void;
  subscribe(id: string, listener: () => void): () => void;
  /** Whether any id has a value. */
  isEmpty(): boolean;
  /** Hears of every change, to any id. */
  subscribeAll(listener: () => void): () => void;
}

export function createKeyedStore<T>(): KeyedStore<T> {
  let values = new Map<string, T>();
  const listeners = new Map<string, Set<() => void>>();
  const everyChange = new Set<() => void>();
  const tell = (id: string) => {
    for (const listener of listeners.get(id) ?? []) listener();
    for (const listener of everyChange) listener();
  };
  return {
    get: (id) => values.get(id),
    isEmpty: () => values.size === 0,
    subscribeAll(listener) {
      everyChange.add(listener);
      return () => everyChange.delete(listener);
    },
    set(id, value) {
      if (values.get(id) === value) return;
      if (value === undefined) values.delete(id);
      else values.set(id, value);
      tell(id);
    },
    replace(next) {
      const before = values;
      values = new Map(next);
      for (const id of new Set([...before.keys(), ...values.keys()]))
        if (before.get(id) !== values.get(id)) tell(id);
    },
    subscribe(id, listener) {
      const set = listeners.get(id) ?? new Set();
      listeners.set(id, set);
      set.add(listener);
      return () => {
        set.delete(listener);
        if (set.size === 0) listeners.delete(id);
      };
    },
  };
}

/** Whether a keyed store holds any value; re-renders only when that turns. */
export function useAnyKeyedValue<T>(store: KeyedStore<T>): boolean {
  return !useSyncExternalStore(store.subscribeAll, store.isEmpty);
}

/** One id's value from a keyed store; re-renders only when that value changes. */
export function useKeyedValue<T>(store: KeyedStore<T>, id: string): T | undefined {
  const subscribe = useCallback((listener: () => void) => store.subscribe(id, listener), [store, id]);
  return useSyncExternalStore(subscribe, () => store.get(id));
}
