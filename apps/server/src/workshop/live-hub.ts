import type { LiveEventName, Summon } from '@baton/model';
import type { Viewer } from './public-state.js';

/** One open live stream (server-sent events) of a map. */
export interface LiveSubscriber {
  readonly mapId: string;
  viewer: Viewer;
  send(event: LiveEventName, data: unknown): void;
}

/** The open live streams of this process, by map, and who of the participants they belong to. */
export class LiveHub {
  private readonly streams = new Map<string, Set<LiveSubscriber>>();

  add(subscriber: LiveSubscriber): void {
    const set = this.streams.get(subscriber.mapId) ?? new Set();
    set.add(subscriber);
    this.streams.set(subscriber.mapId, set);
  }

  remove(subscriber: LiveSubscriber): void {
    const set = this.streams.get(subscriber.mapId);
    set?.delete(subscriber);
    if (set?.size === 0) this.streams.delete(subscriber.mapId);
  }

  subscribers(mapId: string): LiveSubscriber[] {
    return [...(this.streams.get(mapId) ?? [])];
  }

  /** The maps with a live stream open here. */
  maps(): string[] {
    return [...this.streams.keys()];
  }

  /** Participants with a stream open here: the `online` flag of the participant list. */
  online(mapId: string): Set<string> {
    const ids = new Set<string>();
    for (const subscriber of this.streams.get(mapId) ?? []) {
      if (subscriber.viewer.participantId) ids.add(subscriber.viewer.participantId);
    }
    return ids;
  }

  get size(): number {
    let count = 0;
    for (const set of this.streams.values()) count += set.size;
    return count;
  }
}

/** What a workshop change tells other server processes (wired to Redis when REDIS_URL is set). */
export type WorkshopSignal =
  | { kind: 'changed'; mapId: string }
  | { kind: 'summon'; mapId: string; summon: Summon }
  | { kind: 'release'; mapId: string; summonId: string }
  /** A facilitator token for a participant, sealed for them (sealed-grant.ts): Redis cannot read it. */
  | { kind: 'granted'; mapId: string; participantId: string; sealedToken: string }
  /** The participants with a live stream open on one node (online-people.ts). */
  | { kind: 'online'; mapId: string; node: string; participantIds: string[] }
  | { kind: 'ended'; mapId: string; workshopId: string; versionId: string | null };

/**
 * Carries workshop changes to other server processes; this process has already served its
 * own streams. In-process (the default) there is nobody else.
 */
export interface WorkshopSignals {
  publish(signal: WorkshopSignal): void;
  listen(receiver: (signal: WorkshopSignal) => void): void;
}

export class InProcessWorkshopSignals implements WorkshopSignals {
  publish(_signal: WorkshopSignal): void {}
  listen(_receiver: (signal: WorkshopSignal) => void): void {}
}
