import type { TokenHashes } from '../auth/tokens.js';
import type { MapRecord } from '../storage/map-store.js';
import { Room, type RoomOptions } from './room.js';

/**
 * Keeps one Room per map that someone is using, loading it on first use and unloading it when
 * the last holder lets go — after compacting, so what leaves memory is safe on disk.
 */
export class RoomRegistry {
  private readonly rooms = new Map<string, Promise<Room>>();
  private readonly unloading = new Map<string, Promise<void>>();
  private closed = false;

  constructor(private readonly options: RoomOptions) {}

  get loadedCount(): number {
    return this.rooms.size;
  }

  /** The room of a map whose record the caller has already checked; hold it until `release`. */
  async acquire(record: MapRecord): Promise<Room> {
    for (;;) {
      if (this.closed) throw new Error('the server is shutting down');
      const unloading = this.unloading.get(record.id);
      if (unloading) {
        await unloading;
        continue;
      }
      let loading = this.rooms.get(record.id);
      if (!loading) {
        loading = Room.load(record, this.options);
        this.rooms.set(record.id, loading);
        const started = loading;
        // A failed load must not stay cached, or the map could never be opened again.
        started.catch(() => {
          if (this.rooms.get(record.id) === started) this.rooms.delete(record.id);
        });
      }
      const room = await loading;
      // Unloaded while we waited for it: wait for the unload and load it afresh.
      if (this.rooms.get(record.id) !== loading) continue;
      room.holds++;
      return room;
    }
  }

  release(room: Room): void {
    room.holds--;
    if (room.holds > 0 || this.closed) return;
    this.rooms.delete(room.mapId);
    const unload = room
      .flush()
      .finally(() => {
        room.destroy();
        this.unloading.delete(room.mapId);
      })
      .catch(() => {});
    this.unloading.set(room.mapId, unload);
  }

  /** Runs `read` on the map's live document (loading it for the call if nobody has it open). */
  async withRoom<T>(record: MapRecord, read: (room: Room) => T | Promise<T>): Promise<T> {
    const room = await this.acquire(record);
    try {
      return await read(room);
    } finally {
      this.release(room);
    }
  }

  /** After a rotation: the live room learns the new hashes and closes sockets using old ones. */
  async tokensChanged(mapId: string, tokens: TokenHashes): Promise<void> {
    const loading = this.rooms.get(mapId);
    if (!loading) return;
    const room = await loading.catch(() => undefined);
    room?.replaceTokens(tokens);
  }

  /** Shutdown: every room finishes its queue and compacts; nothing is loaded afterwards. */
  async close(): Promise<void> {
    this.closed = true;
    const loaded = await Promise.allSettled(this.rooms.values());
    this.rooms.clear();
    for (const result of loaded) {
      if (result.status !== 'fulfilled') continue;
      await result.value.stop();
      result.value.destroy();
    }
    await Promise.all(this.unloading.values());
  }
}
