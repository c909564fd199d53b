import * as Y from 'yjs';
import { encodeSyncStep2, encodeSyncStep2Update } from './protocol.js';

/** Past this share of the base's size, a first copy's tail is folded into a new base. */
const TAIL_SHARE = 0.25;

/**
 * A room's answers to sync step 1, and its first copies for GET /state. A newcomer holding
 * nothing (an empty state vector) gets the map's whole state, which is encoded once and reused
 * until the document changes: encoding a 1,000-card map costs about as much as reading it. A
 * room just opened from a sound snapshot with an empty log starts with the snapshot's own
 * bytes, so a cold join encodes nothing.
 */
export class SyncReplies {
  /** The whole state as one update, and as a sync step 2 frame, while the document is unchanged. */
  private wholeUpdate: Uint8Array | undefined;
  private wholeState: Uint8Array | undefined;
  /**
   * The last whole state encoded, kept after edits, with the state vector it was encoded at: a
   * first copy is that plus what changed since, so a page opening a map colleagues are editing
   * does not wait for (nor hold up every other map behind) a re-encoding of the whole map.
   */
  private base: { update: Uint8Array; stateVector: Uint8Array } | undefined;

  constructor(
    private readonly doc: Y.Doc,
    storedWholeState?: Uint8Array,
  ) {
    this.wholeUpdate = storedWholeState;
    if (storedWholeState) this.base = { update: storedWholeState, stateVector: Y.encodeStateVector(doc) };
    // Any transaction may have changed the document (afterTransaction costs nothing per update,
    // unlike an 'update' listener, for which Yjs encodes every change).
    doc.on('afterTransaction', () => {
      this.wholeUpdate = undefined;
      this.wholeState = undefined;
    });
  }

  /** The document's whole state as one update. */
  whole(): Uint8Array {
    if (!this.wholeUpdate) {
      this.wholeUpdate = Y.encodeStateAsUpdate(this.doc);
      this.base = { update: this.wholeUpdate, stateVector: Y.encodeStateVector(this.doc) };
    }
    return this.wholeUpdate;
  }

  /**
   * The document's whole state as updates to apply in order (a page's first copy of the map,
   * GET /state): the last whole state encoded and, when the map changed since, what changed.
   * The whole map is encoded again only once that tail has grown past a share of it.
   */
  firstCopy(): Uint8Array[] {
    if (this.wholeUpdate || !this.base) return [this.whole()];
    const tail = Y.encodeStateAsUpdate(this.doc, this.base.stateVector);
    if (tail.byteLength > this.base.update.byteLength * TAIL_SHARE) return [this.whole()];
    return [this.base.update, tail];
  }

  /** The sync step 2 frame for a peer whose state vector is `stateVector`. */
  stepTwo(stateVector: Uint8Array): Uint8Array {
    if (!holdsNothing(stateVector)) return encodeSyncStep2(this.doc, stateVector);
    this.wholeState ??= encodeSyncStep2Update(this.whole());
    return this.wholeState;
  }
}

function holdsNothing(stateVector: Uint8Array): boolean {
  return stateVector.byteLength === 1 && stateVector[0] === 0;
}
