import {
  type BallotTotal,
  type WorkshopResultInput,
  writeVoteTotals,
  writeWorkshopResult,
} from '@baton/model';
import * as Y from 'yjs';
import { serverDoc } from './server-doc.js';

/**
 * A write by the server itself, as data rather than a function, so that a read thread can make
 * it on its own copy of a large map (room-document.ts).
 */
export type ServerEdit =
  /** A revealed ballot's totals, written onto the voted cards. */
  | { kind: 'vote-totals'; totals: BallotTotal[] }
  /** An ended workshop's result, kept in the document so it travels with exports. */
  | { kind: 'workshop-result'; result: WorkshopResultInput };

/** A write by the server itself (`Room.change`), settled once committed and relayed. */
export class ServerChange {
  constructor(
    readonly resolve: () => void,
    readonly reject: (error: unknown) => void,
  ) {}
}

function writeServerEdit(doc: Y.Doc, edit: ServerEdit): void {
  if (edit.kind === 'vote-totals') writeVoteTotals(doc, edit.totals);
  else writeWorkshopResult(doc, edit.result);
}

/** The update `edit` makes when made on a copy of `doc`; undefined when it changes nothing. */
export function serverChangeOf(doc: Y.Doc, edit: ServerEdit): Uint8Array | undefined {
  const scratch = serverDoc();
  Y.applyUpdate(scratch, Y.encodeStateAsUpdate(doc));
  return changeMadeOn(scratch, edit);
}

/** The update `edit` makes on `scratch`, a copy to be thrown away (it is destroyed). */
export function changeMadeOn(scratch: Y.Doc, edit: ServerEdit): Uint8Array | undefined {
  const updates: Uint8Array[] = [];
  scratch.on('update', (update: Uint8Array) => updates.push(update));
  scratch.transact(() => writeServerEdit(scratch, edit));
  scratch.destroy();
  return updates.length === 0 ? undefined : Y.mergeUpdates(updates);
}
