import {
  addConnection,
  addTouchpoint,
  type CellPlacement,
  type ConnectionInput,
  type ConnectionPatch,
  clampToCell,
  deleteConnection,
  deleteTouchpoint,
  type LeadStage,
  ModelError,
  moveTouchpoint,
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
 * exactly this user's edits). A refused write reports `ModelError.message` and returns null.
 */
export interface MapActions {
  addTouchpoint: (input: TouchpointInput) => string | null;
  updateTouchpoint: (id: string, patch: TouchpointPatch) => boolean;
  moveTouchpoints: (moves: { id: string; placement: CellPlacement }[]) => void;
  deleteTouchpoints: (ids: string[]) => void;
  addConnection: (input: ConnectionInput) => string | null;
  updateConnection: (id: string, patch: ConnectionPatch) => boolean;
  deleteConnections: (ids: string[]) => void;
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
    updateTouchpoint: (id, patch) => run(() => updateTouchpoint(doc, id, patch)) !== null,
    moveTouchpoints: (moves) => {
      run(() => {
        for (const { id, placement } of moves) moveTouchpoint(doc, id, placement);
      });
    },
    deleteTouchpoints: (ids) => {
      run(() => {
        for (const id of ids) deleteTouchpoint(doc, id);
      });
    },
    addConnection: (input) => run(() => addConnection(doc, input)),
    updateConnection: (id, patch) => run(() => updateConnection(doc, id, patch)) !== null,
    deleteConnections: (ids) => {
      run(() => {
        for (const id of ids) deleteConnection(doc, id);
      });
    },
    updateStage: (stage, patch) => run(() => updateStage(doc, stage, patch)) !== null,
    pasteCards: (copy, shift) =>
      run(() => {
        const touchpoints = copy.touchpoints.map((card) =>
          addTouchpoint(doc, { ...card, ...clampToCell({ x: card.x + shift, y: card.y + shift }) }),
        );
        const connections = copy.connections.flatMap(({ source, target, ...fields }) => {
          const from = touchpoints[source];
          const to = touchpoints[target];
          return from && to ? [addConnection(doc, { source: from, target: to, ...fields })] : [];
        });
        return { touchpoints, connections };
      }),
    setTitle: (title) => {
      run(() => setMapTitle(doc, title));
    },
  };
}
