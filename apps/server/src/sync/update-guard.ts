import * as Y from 'yjs';
import {
  type ItemId,
  type ParentRef,
  type ScannedStruct,
  scanUpdate,
  type UpdateLimits,
  type UpdateScan,
} from './update-scan.js';

/** Any shared type of a document, as Yjs types them. */
export type SharedType = Y.Doc['share'] extends Map<string, infer T> ? T : never;

export {
  DEFAULT_UPDATE_LIMITS,
  UndecodableUpdate,
  type UpdateLimits,
  UpdateOverLimit,
} from './update-scan.js';

/**
 * Why an update may not be stored, checked against the map's live document before it is
 * committed. An update that deletes or builds on edits the map has never seen would not
 * apply: Yjs would keep it aside (`pendingDs`, `pendingStructs`), re-merge it on every later
 * update, store it in every compaction and send it to every newcomer — a map slowed for good
 * by one frame. An update nesting shared types too deep would break every reader of the map.
 */
export function refusalOf(doc: Y.Doc, update: Uint8Array, limits: UpdateLimits): UpdateRefusal | undefined {
  return refusalOfScan(doc, scanUpdate(update, limits), limits);
}

export interface UpdateRefusal {
  /** `over-limit`: nested too deep; `unknown-state`: touches edits the map does not have. */
  kind: 'over-limit' | 'unknown-state';
  reason: string;
}

export function refusalOfScan(
  doc: Y.Doc,
  scan: UpdateScan,
  limits: UpdateLimits,
  inFlight: readonly NestingDepths[] = [],
): UpdateRefusal | undefined {
  return refusalWithDepths(doc, new NestingDepths(doc, scan, inFlight), limits);
}

const MAX_IN_FLIGHT = 1024;

/**
 * A room's guard. Updates are stored in groups and applied only once stored, so an update may
 * build on one still in flight from the same client; the guard counts those as known.
 */
export class UpdateGuard {
  private inFlight: NestingDepths[] = [];

  constructor(
    private readonly doc: Y.Doc,
    readonly limits: UpdateLimits,
  ) {}

  /** Checks an update; an accepted one counts as known until `settled` sees it applied. */
  admit(scan: UpdateScan): UpdateRefusal | undefined {
    const depths = new NestingDepths(this.doc, scan, this.inFlight);
    const refusal = refusalWithDepths(this.doc, depths, this.limits);
    if (!refusal) this.inFlight.push(depths);
    return refusal;
  }

  /** After a commit: updates now in the document are no longer in flight. */
  settled(): void {
    this.inFlight = this.inFlight.filter((depths) => !depths.appliedTo(this.doc));
    // One that failed to apply would otherwise stay "in flight" for good.
    if (this.inFlight.length > MAX_IN_FLIGHT) this.inFlight.splice(0, this.inFlight.length - MAX_IN_FLIGHT);
  }

  /** A commit failed: nothing in flight will be applied. */
  reset(): void {
    this.inFlight = [];
  }
}

function refusalWithDepths(
  doc: Y.Doc,
  depths: NestingDepths,
  limits: UpdateLimits,
): UpdateRefusal | undefined {
  const scan = depths.scan;
  const unknown = unknownStateOf(doc, scan, depths.inFlight);
  if (unknown) return { kind: 'unknown-state', reason: unknown };
  for (const list of scan.structs.values()) {
    for (const struct of list) {
      if (struct.createsType && depths.containerDepth(struct) + 1 > limits.maxNestingDepth) {
        return {
          kind: 'over-limit',
          reason: `the update nests shared types more than ${limits.maxNestingDepth} levels deep`,
        };
      }
    }
  }
  return undefined;
}

function unknownStateOf(
  doc: Y.Doc,
  scan: UpdateScan,
  inFlight: readonly NestingDepths[],
): string | undefined {
  const before = new KnownState(
    doc,
    inFlight.map((depths) => depths.scan),
  );
  const known = new KnownState(doc, [...before.scans, scan]);
  for (const [client, list] of scan.structs) {
    const first = list[0];
    if (first && first.clock > before.of(client)) {
      return 'the update continues edits the map does not have';
    }
    for (const struct of list) {
      if (struct.skip && struct.clock + struct.length > before.of(client)) {
        return 'the update has a gap of edits the map does not have';
      }
      for (const id of struct.needs) {
        if (id.clock >= known.of(id.client)) return 'the update refers to edits the map does not have';
      }
    }
  }
  for (const range of scan.deletes) {
    if (range.clock + range.length > known.of(range.client)) {
      return 'the update deletes edits the map does not have';
    }
  }
  return undefined;
}

/**
 * Per client, the first clock past what the document and the updates together hold. Looked up
 * per client an update names, not built for every client the map has ever seen: that was 5% of
 * the server's time at 2,500 edits/s.
 */
class KnownState {
  private readonly memo = new Map<number, number>();

  constructor(
    private readonly doc: Y.Doc,
    readonly scans: readonly UpdateScan[],
  ) {}

  of(client: number): number {
    let state = this.memo.get(client);
    if (state !== undefined) return state;
    state = Y.getState(this.doc.store, client);
    for (const scan of this.scans) {
      const list = scan.structs.get(client);
      const last = list?.[list.length - 1];
      if (last) state = Math.max(state, last.clock + last.length);
    }
    this.memo.set(client, state);
    return state;
  }
}

/** How many shared types an existing type sits in (a root type: 0). Walks up, so never recurses. */
export function typeDepth(type: SharedType | null): number {
  let depth = 0;
  for (let current = type; current?._item; current = current._item.parent as SharedType) depth++;
  return depth;
}

/** Nesting depth of the types an update creates, resolved through the update and the document. */
class NestingDepths {
  private readonly memo = new Map<ScannedStruct, number>();

  constructor(
    private readonly doc: Y.Doc,
    readonly scan: UpdateScan,
    readonly inFlight: readonly NestingDepths[] = [],
  ) {}

  /** True once every item of the update is in the document. */
  appliedTo(doc: Y.Doc): boolean {
    for (const [client, list] of this.scan.structs) {
      const last = list[list.length - 1];
      if (last && last.clock + last.length > Y.getState(doc.store, client)) return false;
    }
    return true;
  }

  /** How deep the type holding `struct` is; iterative, since chains of siblings can be long. */
  containerDepth(start: ScannedStruct): number {
    const path: { struct: ScannedStruct; offset: number }[] = [];
    let struct = start;
    let offset = 0;
    let base = 0;
    for (let steps = 0; steps <= this.scan.structCount; steps++) {
      const remembered = this.memo.get(struct);
      if (remembered !== undefined) {
        base = remembered;
        break;
      }
      path.push({ struct, offset });
      const next = this.step(struct.parent);
      if (typeof next === 'number') {
        base = next;
        break;
      }
      struct = next.struct;
      offset += next.into ? 1 : 0;
    }
    for (const entry of path) this.memo.set(entry.struct, base + offset - entry.offset);
    return base + offset - (path[0]?.offset ?? 0);
  }

  /** A resolved depth, or the struct of this update the answer depends on. */
  private step(parent: ParentRef): number | { struct: ScannedStruct; into: boolean } {
    if (parent.kind === 'root' || parent.kind === 'unknown') return 0;
    const inUpdate = this.find(parent.id);
    if (inUpdate) return { struct: inUpdate, into: parent.kind === 'in' };
    if (parent.id.clock >= Y.getState(this.doc.store, parent.id.client)) {
      // Not in the document yet: in an update still being stored.
      for (const other of this.inFlight) {
        const struct = other.find(parent.id);
        if (struct) return other.containerDepth(struct) + (parent.kind === 'in' ? 1 : 0);
      }
      return 0;
    }
    const item = Y.getItem(this.doc.store, new Y.ID(parent.id.client, parent.id.clock));
    if (!(item instanceof Y.Item)) return 0;
    if (parent.kind === 'beside') return typeDepth(item.parent as SharedType | null);
    return item.content instanceof Y.ContentType ? typeDepth(item.content.type) : 0;
  }

  find(id: ItemId): ScannedStruct | undefined {
    const list = this.scan.structs.get(id.client);
    if (!list) return undefined;
    let low = 0;
    let high = list.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const struct = list[middle] as ScannedStruct;
      if (id.clock < struct.clock) high = middle - 1;
      else if (id.clock >= struct.clock + struct.length) low = middle + 1;
      else return struct;
    }
    return undefined;
  }
}

/**
 * True when the update starts past what the document holds for each of its clients, so diffing
 * it against the document would remove nothing: the usual case of a live edit, which then skips
 * a state-vector encode and a decode/re-encode of the update.
 */
export function carriesOnlyNewStructs(doc: Y.Doc, scan: UpdateScan): boolean {
  for (const [client, list] of scan.structs) {
    const first = list[0];
    if (first && first.clock < Y.getState(doc.store, client)) return false;
  }
  return true;
}
