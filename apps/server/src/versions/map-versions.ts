import { newId } from '@baton/model';
import { z } from 'zod';
import { readableVersion, readOffLoop, storedMap } from '../http/read-off-loop.js';
import {
  type MapRecord,
  type MapStore,
  type StoredVersion,
  VersionIdSchema,
  type VersionKind,
  type VersionRecord,
} from '../storage/map-store.js';
import type { RoomRegistry } from '../sync/rooms.js';

export const VERSION_NAME_MAX = 120;

export const VersionNameSchema = z
  .string()
  .trim()
  .min(1, 'A version needs a name.')
  .max(VERSION_NAME_MAX, `A version name has at most ${VERSION_NAME_MAX} characters.`);

/** How long automatic (daily) versions are kept; named and workshop versions are kept for good. */
export const AUTOMATIC_VERSION_DAYS = 90;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface MapVersionsOptions {
  store: MapStore;
  rooms: RoomRegistry;
  /** The clock, so retention and the one-a-day rule can be tested. */
  now?: () => Date;
  /** Hears about an automatic version that could not be stored. */
  onError?: (error: unknown) => void;
  /** Hears about a stored version whose bytes do not decode (it is treated as missing). */
  onUnreadable?: (message: string) => void;
}

export class MapNotFoundError extends Error {
  constructor(readonly mapId: string) {
    super(`There is no map ${mapId}.`);
  }
}

/**
 * Versions of maps: named ones (anyone with the edit link), the one a workshop saves when it
 * ends, and one automatic checkpoint per day of editing. A version is the map's whole Yjs state
 * at that moment, read from the live room so it includes every committed edit.
 */
export class MapVersions {
  private readonly now: () => Date;
  /** Map id → the UTC day of its last automatic version, so most edits cost no query. */
  private readonly checkpointed = new Map<string, string>();
  private today: { from: number; day: string } | undefined;

  constructor(private readonly options: MapVersionsOptions) {
    this.now = options.now ?? (() => new Date());
  }

  /** Takes a version of the map as it is now. Throws `MapNotFoundError` for an unknown map. */
  async createVersion(mapId: string, name: string, kind: VersionKind): Promise<VersionRecord> {
    const record = await this.options.store.findMap(mapId);
    if (!record) throw new MapNotFoundError(mapId);
    return this.createVersionOf(record, name, kind);
  }

  /**
   * As `createVersion`, for a caller that already holds the map's record. A loaded map is
   * encoded from its room; one nobody has open is loaded from storage on a worker thread
   * (the room stores every edit before applying it, so both include every committed edit).
   */
  async createVersionOf(record: MapRecord, name: string, kind: VersionKind): Promise<VersionRecord> {
    return (await this.takeVersionOf(record, name, kind)).version;
  }

  /** As `createVersionOf`, with the state it stored (reading it back would decode it on the loop). */
  async takeVersionOf(
    record: MapRecord,
    name: string,
    kind: VersionKind,
  ): Promise<{ version: VersionRecord; state: Uint8Array }> {
    const validName = VersionNameSchema.parse(name);
    const room = this.options.rooms.find(record.id);
    const state = room
      ? room.wholeState()
      : (await readOffLoop({ what: 'state', parts: (await storedMap(this.options.store, record.id)).parts }))
          .state;
    return { version: await this.store(record.id, validName, kind, state), state };
  }

  /** A map's versions, newest first. */
  list(mapId: string): Promise<VersionRecord[]> {
    return this.options.store.listVersions(mapId);
  }

  /**
   * A version with its stored state, or undefined (also for an id that is not one). Reading
   * it is whole-map work, done on a worker thread (stored-reads.ts, stored-export.ts).
   */
  async find(mapId: string, versionId: string): Promise<StoredVersion | undefined> {
    if (!VersionIdSchema.safeParse(versionId).success) return undefined;
    return readableVersion(this.options.store, mapId, versionId, this.options.onUnreadable);
  }

  /**
   * Called before an edit is applied: the first edit of a UTC day saves the map as it stood
   * before it ("Automatic: 2026-11-29"), at most one a day, and prunes automatic versions older
   * than 90 days. The state is read synchronously, before the edit lands, and only when a
   * checkpoint is due (`stateBefore`: a room passes its cached encoding, so a map opened from its
   * snapshot is not encoded again on the event loop); the rest runs in the background, so an
   * edit never waits for it. Resolves with the version when one was taken.
   */
  checkpoint(mapId: string, stateBefore: () => Uint8Array): Promise<VersionRecord | undefined> {
    const now = this.now();
    const day = this.dayOf(now);
    if (this.checkpointed.get(mapId) === day) return Promise.resolve(undefined);
    this.checkpointed.set(mapId, day);
    const state = stateBefore();
    return (async () => {
      const versions = await this.options.store.listVersions(mapId);
      const latest = versions.find((version) => version.kind === 'automatic');
      if (latest && latest.createdAt.slice(0, 10) === day) return undefined;
      const version = await this.store(mapId, `Automatic: ${day}`, 'automatic', state);
      const oldest = new Date(now.getTime() - AUTOMATIC_VERSION_DAYS * DAY_MS);
      await this.options.store.deleteVersionsBefore(mapId, 'automatic', oldest);
      return version;
    })().catch((error: unknown) => {
      // A missed checkpoint must not cost the edit; the next day tries again.
      this.checkpointed.delete(mapId);
      this.options.onError?.(error);
      return undefined;
    });
  }

  /** The UTC day of `now`, formatted once a day rather than for every batch of edits. */
  private dayOf(now: Date): string {
    const ms = now.getTime();
    const cached = this.today;
    if (cached && ms >= cached.from && ms < cached.from + DAY_MS) return cached.day;
    const from = ms - (ms % DAY_MS);
    this.today = { from, day: new Date(from).toISOString().slice(0, 10) };
    return this.today.day;
  }

  private async store(
    mapId: string,
    name: string,
    kind: VersionKind,
    state: Uint8Array,
  ): Promise<VersionRecord> {
    const version: StoredVersion = {
      id: newId(),
      mapId,
      name,
      kind,
      createdAt: this.now().toISOString(),
      state,
    };
    await this.options.store.createVersion(version);
    const { state: _content, ...listed } = version;
    return listed;
  }
}
