import {
  addConnection,
  addTouchpoint,
  type CellPlacement,
  type ConnectionInput,
  type ConnectionPatch,
  deleteConnections,
  deleteSelection,
  deleteTouchpoints,
  type LeadStage,
  ModelError,
  moveTouchpoints,
  pasteCards,
  type StageFieldsInput,
  setMapTitle,
  type TouchpointInput,
  type TouchpointPatch,
  updateConnection,
  updateStage,
  updateTouchpoint,
} from '@baton/model';
import type * as Y from 'yjs';
import type { CopiedCards } from './clipboard';

/**
 * Every change this browser makes to a map, written through `@baton/model` inside a
 * transaction tagged with the session's local origin (so an undo manager can later track
 * exactly this user's edits). Each action is one model writer, which checks its whole input
 * before writing, so a refused action changes nothing; it reports `ModelError.message` and
 * returns null.
 */
export interface MapActions {
  addTouchpoint: (input: TouchpointInput) => string | null;
  /** Puts back a card a colleague deleted, under its own id, with the given fields. */
  restoreTouchpoint: (id: string, input: TouchpointInput) => boolean;
  updateTouchpoint: (id: string, patch: TouchpointPatch) => boolean;
  moveTouchpoints: (moves: { id: string; placement: CellPlacement }[]) => void;
  deleteTouchpoints: (ids: string[]) => void;
  addConnection: (input: ConnectionInput) => string | null;
  updateConnection: (id: string, patch: ConnectionPatch) => boolean;
  deleteConnections: (ids: string[]) => void;
  /** Deletes cards and connections as one change: one undo brings them all back. */
  deleteSelection: (selection: { touchpoints: string[]; connections: string[] }) => void;
  updateStage: (stage: LeadStage, patch: StageFieldsInput) => boolean;
  /** Adds copies of the cards, `shift` further into their cells, and the connections between them. */
  pasteCards: (copy: CopiedCards, shift: number) => { touchpoints: string[]; connections: string[] } | null;
  setTitle: (title: string) => void;
}

export function createMapActions(
  doc: Y.Doc,
  localOrigin: object,
  onError: (message: string) => void,
): MapActions {
  function run<T>(write: () => T): T | null {
    try {
      let result: T | undefined;
      doc.transact(() => {
        result = write();
      }, localOrigin);
      return result as T;
    } catch (error) {
      if (error instanceof ModelError) onError(error.message);
      else {
        console.error(error);
        onError('That change could not be saved.');
      }
      return null;
    }
  }

  return {
    addTouchpoint: (input) => run(() => addTouchpoint(doc, input)),
    restoreTouchpoint: (id, input) => run(() => addTouchpoint(doc, input, id)) !== null,
    updateTouchpoint: (id, patch) => run(() => updateTouchpoint(doc, id, patch)) !== null,
    moveTouchpoints: (moves) => {
      run(() => moveTouchpoints(doc, moves));
    },
    deleteTouchpoints: (ids) => {
      run(() => deleteTouchpoints(doc, ids));
    },
    addConnection: (input) => run(() => addConnection(doc, input)),
    updateConnection: (id, patch) => run(() => updateConnection(doc, id, patch)) !== null,
    deleteConnections: (ids) => {
      run(() => deleteConnections(doc, ids));
    },
    deleteSelection: (selection) => {
      run(() => deleteSelection(doc, selection));
    },
    updateStage: (stage, patch) => run(() => updateStage(doc, stage, patch)) !== null,
    pasteCards: (copy, shift) => run(() => pasteCards(doc, copy, shift)),
    setTitle: (title) => {
      run(() => setMapTitle(doc, title));
    },
  };
}
