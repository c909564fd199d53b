import { useRef } from 'react';

/** The same object for as long as its JSON is the same, so effects on it run only on a real change. */
export function useStable<T>(value: T): T {
  const kept = useRef<{ key: string; value: T } | null>(null);
  const key = JSON.stringify(value);
  if (kept.current?.key !== key) kept.current = { key, value };
  return kept.current.value;
}
