import * as Y from 'yjs';
import { serverDoc } from './server-doc.js';

/** A write by the server itself (`Room.change`), settled once committed and relayed. */
export class ServerChange {
  constructor(
    readonly resolve: () => void,
    readonly reject: (error: unknown) => void,
  ) {}
}

/** The update `write` makes when run on a copy of `doc`; undefined when it changes nothing. */
export function serverChangeOf(doc: Y.Doc, write: (doc: Y.Doc) => void): Uint8Array | undefined {
  const scratch = serverDoc();
  Y.applyUpdate(scratch, Y.encodeStateAsUpdate(doc));
  return changeMadeOn(scratch, write);
}

/** The update `write` makes on `scratch`, a copy to be thrown away (it is destroyed). */
export function changeMadeOn(scratch: Y.Doc, write: (doc: Y.Doc) => void): Uint8Array | undefined {
  const updates: Uint8Array[] = [];
  scratch.on('update', (update: Uint8Array) => updates.push(update));
  scratch.transact(() => write(scratch));
  scratch.destroy();
  return updates.length === 0 ? undefined : Y.mergeUpdates(updates);
}
