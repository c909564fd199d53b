import { timingSafeEqual } from 'node:crypto';
import { hashToken, newEditToken, newId } from '@baton/model';
import { presentedTokenHash } from '../auth/tokens.js';
import { ApiError } from '../http/errors.js';
import type { Logger } from '../log.js';
import type { MapStore } from '../storage/map-store.js';
import type { UpdateAdmission } from '../sync/room-types.js';
import { LiveHub, type LiveSubscriber, type WorkshopSignal, type WorkshopSignals } from './live-hub.js';
import { LockGate } from './lock-gate.js';
import { OnlinePeople } from './online-people.js';
import { publicState, type Viewer } from './public-state.js';
import { type GrantAddressee, openGrant, sealGrant } from './sealed-grant.js';
import { noWorkshop } from './workshop-errors.js';
import type { WorkshopData, WorkshopRecord } from './workshop-record.js';

export interface WorkshopServiceOptions {
  store: MapStore;
  logger: Logger;
  signals: WorkshopSignals;
  /** Server time in ms; a test may move it. */
  now?: () => number;
  /**
   * Other nodes change workshops in the same store (DATABASE_URL): each command and token check
   * reads the workshop from the store first, instead of trusting this node's copy.
   */
  shared?: boolean;
}

/** Who a request is, inside the running workshop. */
export interface WorkshopIdentity extends Viewer {
  facilitatorId?: string;
}

/**
 * The running workshops: kept in storage (the source of truth), cached here so that the lock
 * can be checked synchronously for every document update, changed one command at a time per
 * map, and pushed to every open live stream after each change.
 */
export class WorkshopService {
  readonly live = new LiveHub();
  readonly lock = new LockGate();
  readonly now: () => number;
  private readonly online: OnlinePeople;
  private readonly running = new Map<string, WorkshopRecord>();
  private readonly queues = new Map<string, Promise<unknown>>();
  /** When each map's copy here last changed (a counter): a store read begun before is stale. */
  private readonly changedAt = new Map<string, number>();
  private clock = 0;

  constructor(private readonly options: WorkshopServiceOptions) {
    this.now = options.now ?? Date.now;
    this.online = new OnlinePeople(this.live, (signal) => options.signals.publish(signal));
    options.signals.listen((signal) => void this.heard(signal));
  }

  /** Loads every running workshop, so a map locked before a restart is still locked after it. */
  async init(): Promise<void> {
    for (const record of await this.options.store.listRunningWorkshops()) this.track(record.mapId, record);
  }

  /** The sync server's check: while a map is locked, only a facilitator's socket may write. */
  readonly admission: UpdateAdmission = (update, connection, room) => {
    const record = this.running.get(room.mapId);
    const locked = record?.data.locked === true;
    const hash = connection.facilitatorTokenHash;
    const isFacilitator = locked && hash !== undefined && !!findByHash(record.data.facilitators, hash);
    return this.lock.admit(connection, room, update, locked, isFacilitator);
  };

  get logger(): Logger {
    return this.options.logger;
  }

  current(mapId: string): WorkshopRecord | undefined {
    return this.running.get(mapId);
  }

  require(mapId: string): WorkshopRecord {
    const record = this.running.get(mapId);
    if (!record) throw noWorkshop();
    return record;
  }

  /** Resolves the facilitator and participant tokens of a request against the running workshop. */
  async identify(
    mapId: string,
    tokens: { facilitator?: string | undefined; participant?: string | undefined },
  ): Promise<WorkshopIdentity> {
    if (this.options.shared) await this.reload(mapId);
    const record = this.running.get(mapId);
    const identity: WorkshopIdentity = { facilitator: false };
    if (!record) return identity;
    if (tokens.facilitator) {
      const found = findByHash(record.data.facilitators, presentedTokenHash(tokens.facilitator));
      if (found) {
        identity.facilitator = true;
        identity.facilitatorId = found.id;
        if (found.participantId) identity.participantId = found.participantId;
      }
    }
    if (tokens.participant) {
      const found = findByHash(record.data.participants, presentedTokenHash(tokens.participant));
      if (found) identity.participantId = found.id;
    }
    return identity;
  }

  /** Runs one command at a time per map; the record it is given is the latest. */
  exclusive<T>(mapId: string, command: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(mapId) ?? Promise.resolve();
    const latest = async () => {
      if (this.options.shared) await this.reload(mapId);
      return command();
    };
    const run = previous.then(latest, latest);
    const settled = run.catch(() => undefined);
    this.queues.set(mapId, settled);
    void settled.then(() => {
      if (this.queues.get(mapId) === settled) this.queues.delete(mapId);
    });
    return run;
  }

  /** Stores a new running workshop; false when one already runs (on this node or another). */
  async create(mapId: string, data: WorkshopData): Promise<WorkshopRecord | undefined> {
    const record: WorkshopRecord = {
      id: newId(),
      mapId,
      status: 'running',
      startedAt: new Date(this.now()).toISOString(),
      endedAt: null,
      revision: 1,
      data,
      result: null,
    };
    const { store, logger } = this.options;
    if (!(await store.createWorkshop(record))) {
      const other = await store.findRunningWorkshop(mapId);
      if (other) {
        this.track(mapId, other);
        return undefined;
      }
      // Refused with nothing readable running: an unreadable row (reported as it was read)
      // would block the map for good. It is kept, marked ended, and the start tried again.
      if ((await store.retireUnreadableWorkshops(mapId, record.startedAt)) === 0) return undefined;
      logger.warn(`map ${mapId}: an unreadable running workshop was marked ended to start a new one`);
      if (!(await store.createWorkshop(record))) return undefined;
    }
    this.track(mapId, record);
    this.changed(record);
    return record;
  }

  /** Saves the next state (compare-and-set), then pushes it to every stream. */
  async save(
    record: WorkshopRecord,
    next: Partial<Omit<WorkshopRecord, 'id' | 'mapId'>>,
  ): Promise<WorkshopRecord> {
    const saved: WorkshopRecord = { ...record, ...next, revision: record.revision + 1 };
    if (!(await this.options.store.saveWorkshop(saved, record.revision))) {
      // Another node changed it first: take what is stored and ask the caller to retry.
      const stored = await this.options.store.findRunningWorkshop(record.mapId);
      this.track(record.mapId, stored);
      throw new ApiError(409, 'workshop-busy', 'The workshop changed at the same moment; please try again.');
    }
    this.track(saved.mapId, saved.status === 'running' ? saved : undefined);
    this.changed(saved);
    return saved;
  }

  /** A new facilitator token for this workshop (kept only as its hash). */
  async issueToken(): Promise<{ token: string; tokenHash: string }> {
    const token = newEditToken();
    return { token, tokenHash: await hashToken(token) };
  }

  stateFor(record: WorkshopRecord, viewer: Viewer) {
    return publicState(record, viewer, this.online.of(record.mapId), this.now());
  }

  /** Sends an event to this map's streams here and tells the other nodes. */
  signal(signal: WorkshopSignal): void {
    this.deliver(signal);
    this.options.signals.publish(signal);
  }

  /** Hands a facilitator token to a participant's live streams, here and (sealed) on other nodes. */
  grant(to: GrantAddressee, facilitatorToken: string): void {
    this.deliverGrant(to, facilitatorToken);
    const { mapId, participantId } = to;
    this.options.signals.publish({
      kind: 'granted',
      mapId,
      participantId,
      sealedToken: sealGrant(facilitatorToken, to),
    });
  }

  /** Tells the other nodes who is online here; forgets what silent nodes said (periodic). */
  announceOnline(): void {
    for (const mapId of this.online.tick(this.live.maps())) this.broadcastState(mapId);
  }

  subscribe(subscriber: LiveSubscriber): () => void {
    this.live.add(subscriber);
    const record = this.running.get(subscriber.mapId);
    subscriber.send('state', record ? this.stateFor(record, subscriber.viewer) : null);
    // A participant coming online changes everyone's participant list, on every node.
    const { participantId } = subscriber.viewer;
    if (participantId) this.online.changedHere(subscriber.mapId);
    if (record && participantId) this.broadcastState(subscriber.mapId);
    return () => {
      this.live.remove(subscriber);
      if (participantId) this.online.changedHere(subscriber.mapId);
      if (this.running.has(subscriber.mapId) && participantId) this.broadcastState(subscriber.mapId);
    };
  }

  /** The one place the running workshops change, here or heard from another node. */
  private track(mapId: string, next: WorkshopRecord | undefined): void {
    const wasLocked = this.running.get(mapId)?.data.locked === true;
    if (next) this.running.set(mapId, next);
    else this.running.delete(mapId);
    this.changedAt.set(mapId, ++this.clock);
    if (wasLocked && next?.data.locked !== true) this.lock.unlocked(mapId);
  }

  private changed(record: WorkshopRecord): void {
    this.broadcastState(record.mapId);
    this.options.signals.publish({ kind: 'changed', mapId: record.mapId });
  }

  private broadcastState(mapId: string): void {
    const record = this.running.get(mapId);
    for (const subscriber of this.live.subscribers(mapId)) {
      subscriber.send('state', record ? this.stateFor(record, subscriber.viewer) : null);
    }
  }

  private deliver(signal: WorkshopSignal): void {
    for (const subscriber of this.live.subscribers(signal.mapId)) {
      if (signal.kind === 'summon') subscriber.send('summon', signal.summon);
      else if (signal.kind === 'release') subscriber.send('release', { summonId: signal.summonId });
      else if (signal.kind === 'ended')
        subscriber.send('ended', { workshopId: signal.workshopId, versionId: signal.versionId });
    }
  }

  private deliverGrant(to: GrantAddressee, facilitatorToken: string): void {
    for (const subscriber of this.live.subscribers(to.mapId)) {
      if (subscriber.viewer.participantId === to.participantId)
        subscriber.send('facilitator-granted', { facilitatorToken });
    }
  }

  /** A hand-over from another node: opened with the participant's token hash, which only nodes hold. */
  private async heardGrant(signal: Extract<WorkshopSignal, { kind: 'granted' }>): Promise<void> {
    const { mapId, participantId } = signal;
    if (!this.live.subscribers(mapId).some((s) => s.viewer.participantId === participantId)) return;
    const find = () => this.running.get(mapId)?.data.participants.find((p) => p.id === participantId);
    if (!find()) await this.reload(mapId);
    const participant = find();
    const to = participant && { mapId, participantId, participantTokenHash: participant.tokenHash };
    const token = to && openGrant(signal.sealedToken, to);
    if (to && token) this.deliverGrant(to, token);
    else
      this.options.logger.warn(`map ${mapId}: a facilitator hand-over from another node could not be opened`);
  }

  /**
   * Every running workshop as stored, for a node that may have missed another's signals (the
   * link to them came back, or the periodic check): changed ones are pushed to the streams here.
   */
  async refresh(): Promise<void> {
    const since = this.clock;
    const stored = await this.options.store.listRunningWorkshops();
    const byMap = new Map(stored.map((record) => [record.mapId, record]));
    for (const mapId of new Set([...this.running.keys(), ...byMap.keys()])) {
      if (this.adopt(mapId, byMap.get(mapId), since)) this.broadcastState(mapId);
    }
  }

  /** Reads one map's running workshop from the store into this node's copy. */
  private async reload(mapId: string): Promise<void> {
    const since = this.clock;
    const stored = await this.options.store.findRunningWorkshop(mapId);
    if (this.adopt(mapId, stored, since)) this.broadcastState(mapId);
  }

  /** Takes a stored workshop read begun at `since`, unless this copy changed after; true if it differs. */
  private adopt(mapId: string, stored: WorkshopRecord | undefined, since: number): boolean {
    if ((this.changedAt.get(mapId) ?? 0) > since) return false;
    const held = this.running.get(mapId);
    if (held && stored && held.id === stored.id && held.revision >= stored.revision) return false;
    if (!held && !stored) return false;
    this.track(mapId, stored);
    return true;
  }

  /** Another node changed a workshop: read it from storage and push it to the streams here. */
  private async heard(signal: WorkshopSignal): Promise<void> {
    if (signal.kind === 'changed') await this.reload(signal.mapId);
    else if (signal.kind === 'granted') await this.heardGrant(signal);
    else if (signal.kind === 'online') {
      if (this.online.heard(signal) && this.running.has(signal.mapId)) this.broadcastState(signal.mapId);
    } else this.deliver(signal);
  }
}

/** Finds the entry whose token hash matches, comparing in constant time. */
export function findByHash<T extends { tokenHash: string }>(
  entries: readonly T[],
  hash: string,
): T | undefined {
  const presented = Buffer.from(hash);
  return entries.find((entry) => {
    const stored = Buffer.from(entry.tokenHash);
    return stored.length === presented.length && timingSafeEqual(stored, presented);
  });
}
