import type { Awareness } from 'y-protocols/awareness';
import { presencePublisher } from './presence-publisher';

/**
 * Publishes one awareness field at most once per `intervalMs`, always ending on the latest
 * value: a pointer moving at 120 Hz costs the room a handful of small messages a second, and
 * receivers animate between them. Sent with this browser's other pointer-following fields, in
 * one message (`presence-publisher.ts`). Clearing (`null`) is sent at once.
 */
export function createThrottledField<T>(awareness: Awareness, field: string, intervalMs: number) {
  const publisher = presencePublisher(awareness);
  return {
    set(value: T | null) {
      publisher.set(field, value, intervalMs);
    },
    dispose() {
      publisher.drop(field);
    },
  };
}
