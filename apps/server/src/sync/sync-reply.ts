import * as Y from 'yjs';
import { encodeSyncStep2, encodeSyncStep2Update } from './protocol.js';

/**
 * A room's answers to sync step 1. A newcomer holding nothing (an empty state vector) gets the
 * map's whole state, which is encoded once and reused until the document changes: encoding a
 * 1,000-card map costs about as much as reading it. A room just opened from a sound snapshot
 * with an empty log starts with the snapshot's own bytes, so a cold join encodes nothing.
 */
export class SyncReplies {
  /** The whole state as one update, and as a sync step 2 frame, while the document is unchanged. */
  private wholeUpdate: Uint8Array | undefined;
  private wholeState: Uint8Array | undefined;

  constructor(
    private readonly doc: Y.Doc,
    storedWholeState?: Uint8Array,
  ) {
    this.wholeUpdate = storedWholeState;
    // Any transaction may have changed the document (afterTransaction costs nothing per update,
    // unlike an 'update' listener, for which Yjs encodes every change).
    doc.on('afterTransaction', () => {
      this.wholeUpdate = undefined;
      this.wholeState = undefined;
    });
  }

  /** The document's whole state as one update (a page's first copy of the map, GET /state). */
  whole(): Uint8Array {
    this.wholeUpdate ??= Y.encodeStateAsUpdate(this.doc);
    return this.wholeUpdate;
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
